"""Crash safety: SIGKILL part way through, rerun, and nothing is lost, doubled or corrupted."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import ROOT


def big_csv(path, n=40_000):
    with path.open("w") as fh:
        fh.write("actor,date,text\n")
        for i in range(n):
            fh.write(f"Actor {i % 300},2024-{1 + i % 12:02d}-{1 + i % 28:02d},statement {i} about policy {i % 50}\n")
    return n


def tracker(*args, **kw):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "tracker", *map(str, args)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **kw)


def check(db, expected):
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    n, distinct = conn.execute("SELECT count(*), count(DISTINCT content_key) FROM statements").fetchone()
    conn.close()
    assert n == distinct == expected


@pytest.mark.parametrize("round_", range(3))
def test_killed_ingest_then_rerun_loses_and_doubles_nothing(tmp_path, round_):
    n = big_csv(tmp_path / "big.csv")
    db = tmp_path / "t.db"
    proc = tracker("ingest", tmp_path / "big.csv", "--db", db)
    time.sleep(random.Random(round_).uniform(1.0, 5.0))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    rerun = tracker("ingest", tmp_path / "big.csv", "--db", db)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    check(db, n)


def test_killed_digest_is_not_marked_sent(store, tmp_path):
    """Killed while writing (stdout is a pipe nobody reads, and the digest is larger than the pipe's
    buffer), a digest records nothing; the rerun sends everything, the one after that nothing."""
    from tracker.store import text_hash
    from tracker.timeline import change_id
    from tracker.types import Statement

    n = 400
    statements = [Statement(f"s{i}", f"Actor {i // 2}", f"2025-08-{1 + i % 2:02d}", "day", f"statement {i} " + "x" * 300,
                            content_key=text_hash(str(i))) for i in range(2 * n)]
    store.insert_statements(statements)
    tid = store.add_topic("t", origin="input")
    store.assign_topics([(s.statement_id, tid) for s in statements])
    store.sync_changes([{"change_id": change_id(f"s{2 * i}", f"s{2 * i + 1}"), "actor": f"Actor {i}", "topic_id": tid,
                         "earlier_id": f"s{2 * i}", "later_id": f"s{2 * i + 1}", "label": "full_flop", "score": 0.9,
                         "p_full_flop": 0.9, "p_half_flip": 0.05, "p_no_flip": 0.05} for i in range(n)], "test")
    proc = subprocess.Popen([sys.executable, "-m", "tracker", "digest", "--since-last", "--format", "json",
                             "--db", str(store.path)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    time.sleep(8)  # imported, built the digest, and blocked on the full pipe
    assert proc.poll() is None, "digest finished without blocking: make the output larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert store.sent_change_ids() == set()
    first = subprocess.run([sys.executable, "-m", "tracker", "digest", "--since-last", "--format", "json",
                            "--db", str(store.path)], cwd=ROOT, capture_output=True, text=True, check=True)
    again = subprocess.run([sys.executable, "-m", "tracker", "digest", "--since-last", "--format", "json",
                            "--db", str(store.path)], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(first.stdout)["n_changes"] == n and json.loads(again.stdout)["n_changes"] == 0


@pytest.mark.slow
def test_killed_detect_then_rerun_matches_clean_run(tmp_path):
    demo = ROOT / "data" / "demo" / "statements.csv"
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    for db in (clean, killed):
        subprocess.run([sys.executable, "-m", "tracker", "ingest", demo, "--db", db], cwd=ROOT, check=True,
                       capture_output=True)
    subprocess.run([sys.executable, "-m", "tracker", "detect", "--db", clean], cwd=ROOT, check=True, capture_output=True)
    proc = tracker("detect", "--db", killed)
    time.sleep(12)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    subprocess.run([sys.executable, "-m", "tracker", "detect", "--db", killed], cwd=ROOT, check=True, capture_output=True)

    def changes(db):
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return sorted(conn.execute("SELECT change_id, label, round(score, 6) FROM changes WHERE active = 1"))

    assert changes(clean) == changes(killed)
