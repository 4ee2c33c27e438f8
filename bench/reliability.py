"""Kill-and-rerun rounds: SIGKILL `tracker ingest`, `tracker detect` and `tracker digest --since-last`
at random moments, rerun, and count rows lost or doubled, integrity failures and repeated digests.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/reliability.py --rounds 20 --detect-rounds 5

Prints one line per round and a summary table (the figures in docs/reliability.md).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "HF_HUB_OFFLINE": "1"}


def cli(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "tracker", *map(str, args)], cwd=ROOT, env=ENV, **kw)


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tracker", *map(str, args)], cwd=ROOT, env=ENV,
                          capture_output=True, text=True)


def kill_after(proc, seconds):
    time.sleep(seconds)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True
    return False


def integrity(db) -> bool:
    conn = sqlite3.connect(db)
    ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    return ok


def ingest_rounds(rounds: int, tmp: Path, rng: random.Random) -> dict:
    n = 40_000
    src = tmp / "big.csv"
    with src.open("w") as fh:
        fh.write("actor,date,text\n")
        for i in range(n):
            fh.write(f"Actor {i % 300},2024-{1 + i % 12:02d}-{1 + i % 28:02d},statement {i}\n")
    stats = {"rounds": rounds, "killed_mid_run": 0, "lost": 0, "doubled": 0, "integrity_failures": 0}
    for r in range(rounds):
        db = tmp / f"ingest{r}.db"
        stats["killed_mid_run"] += kill_after(cli("ingest", src, "--db", db, stderr=subprocess.DEVNULL),
                                              rng.uniform(0.5, 6.0))
        run("ingest", src, "--db", db)
        conn = sqlite3.connect(db)
        count, distinct = conn.execute("SELECT count(*), count(DISTINCT content_key) FROM statements").fetchone()
        conn.close()
        stats["lost"] += max(0, n - distinct)
        stats["doubled"] += count - distinct
        stats["integrity_failures"] += not integrity(db)
        print(f"ingest round {r}: rows {count}/{n}", flush=True)
    return stats


def detect_rounds(rounds: int, tmp: Path, rng: random.Random) -> dict:
    demo = ROOT / "data/demo/statements.csv"
    clean = tmp / "clean.db"
    run("ingest", demo, "--db", clean)
    run("detect", "--db", clean)
    expected = changes(clean)
    stats = {"rounds": rounds, "killed_mid_run": 0, "mismatches": 0, "integrity_failures": 0}
    for r in range(rounds):
        db = tmp / f"detect{r}.db"
        run("ingest", demo, "--db", db)
        stats["killed_mid_run"] += kill_after(cli("detect", "--db", db, stderr=subprocess.DEVNULL), rng.uniform(3, 20))
        run("detect", "--db", db)
        stats["mismatches"] += changes(db) != expected
        stats["integrity_failures"] += not integrity(db)
        print(f"detect round {r}: {'ok' if changes(db) == expected else 'MISMATCH'}", flush=True)
    return stats


def changes(db):
    conn = sqlite3.connect(db)
    rows = sorted(conn.execute("SELECT change_id, label, round(score, 5) FROM changes WHERE active = 1"))
    conn.close()
    return rows


def digest_rounds(rounds: int, tmp: Path, rng: random.Random) -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    from tracker.store import Store, text_hash
    from tracker.timeline import change_id
    from tracker.types import Statement

    stats = {"rounds": rounds, "killed_mid_run": 0, "repeated": 0, "skipped": 0, "integrity_failures": 0}
    n = 400
    for r in range(rounds):
        db = tmp / f"digest{r}.db"
        with Store.open(db) as store:
            sts = [Statement(f"s{i}", f"Actor {i // 2}", "2025-08-0%d" % (1 + i % 2), "day", f"s {i} " + "x" * 300,
                             content_key=text_hash(str(i))) for i in range(2 * n)]
            store.insert_statements(sts)
            tid = store.add_topic("t", origin="input")
            store.assign_topics([(s.statement_id, tid) for s in sts])
            store.sync_changes([{"change_id": change_id(f"s{2*i}", f"s{2*i+1}"), "actor": f"Actor {i}", "topic_id": tid,
                                 "earlier_id": f"s{2*i}", "later_id": f"s{2*i+1}", "label": "full_flop", "score": 0.9,
                                 "p_full_flop": 0.9, "p_half_flip": 0.05, "p_no_flip": 0.05} for i in range(n)], "bench")
        proc = cli("digest", "--since-last", "--format", "json", "--db", db, stdout=subprocess.PIPE,
                   stderr=subprocess.DEVNULL)
        killed = kill_after(proc, rng.uniform(0.5, 8.0))
        stats["killed_mid_run"] += killed
        sent_first = set() if killed else {c["change_id"] for g in json.loads(proc.stdout.read())["groups"]
                                           for c in g["changes"]}
        second = json.loads(run("digest", "--since-last", "--format", "json", "--db", db).stdout)
        sent_second = [c["change_id"] for g in second["groups"] for c in g["changes"]]
        third = json.loads(run("digest", "--since-last", "--format", "json", "--db", db).stdout)
        stats["repeated"] += len(sent_first & set(sent_second)) + third["n_changes"]
        stats["skipped"] += n - len(sent_first | set(sent_second))
        stats["integrity_failures"] += not integrity(db)
        print(f"digest round {r}: killed={killed} first={len(sent_first)} second={len(sent_second)} "
              f"third={third['n_changes']}", flush=True)
    return stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--detect-rounds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        results = {"ingest": ingest_rounds(args.rounds, tmp, rng), "digest --since-last": digest_rounds(args.rounds, tmp, rng),
                   "detect": detect_rounds(args.detect_rounds, tmp, rng)}
    print("\n| step | rounds | killed mid-run | lost | doubled / repeated | integrity failures |")
    print("|---|---|---|---|---|---|")
    for step, s in results.items():
        lost = s.get("lost", s.get("skipped", s.get("mismatches", 0)))
        doubled = s.get("doubled", s.get("repeated", 0))
        print(f"| {step} | {s['rounds']} | {s['killed_mid_run']} | {lost} | {doubled} | {s['integrity_failures']} |")


if __name__ == "__main__":
    main()
