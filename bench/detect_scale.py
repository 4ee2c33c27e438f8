"""How tracker.pipeline.detect scales with the number of stored statements: time and peak RSS.

For each size N a fresh store is built in a setup child process:
  * N statements with REAL quote texts (data/labelled + data/demo, sampled, made unique with " (#i)"),
    2,000 actors each speaking on 4 of 50 topics (≈8,000 actor-topic timelines), dates uniform over
    5 years, the topic given in the input `topic` column (so assign_topics takes the named-topic path
    and no clustering is measured);
  * FAKE embeddings: random unit float32 vectors (dim 384; one random direction per timeline plus noise,
    cosine ~0.9 within a timeline) written straight into the embedding cache
    with Store.put_embeddings under Embedder().model_id, so no encoding is measured either.
Then a second, fresh child process runs pipeline.detect(store, Judge.load(--judge), Embedder()) on it and reports
its wall time, a per-phase breakdown and its own peak RSS (resource.getrusage(RUSAGE_SELF).ru_maxrss).
Targets at 1M statements: detect < 5 min on 2 cores and peak RSS < 4 GiB.

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/detect_scale.py [--sizes 10000,100000,1000000] [--profile]
      (1M: --sizes 1000000 --timeout 1500; setup of 1M takes several minutes and ~2 GB of disk in --workdir)
--profile runs the detect child under cProfile and prints its top functions.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ORIGIN_NOTE, ROOT, machine, statement_rows, table

DIM = 384
CHUNK = 100_000
NOISE = 0.0171  # per-dimension noise: cos(two statements of one timeline) = 1 / (1 + 384 * NOISE**2) ~ 0.9


def base_vectors(timeline_keys):
    import numpy as np

    out = np.empty((len(timeline_keys), DIM), dtype=np.float32)
    for i, k in enumerate(timeline_keys):  # deterministic per timeline, whatever the chunk
        v = np.random.default_rng(int(k)).standard_normal(DIM).astype(np.float32)
        out[i] = v / np.linalg.norm(v)
    return out


def setup(db: Path, n: int) -> dict:
    import numpy as np

    from tracker.embed import Embedder
    from tracker.store import Store, text_hash
    from tracker.types import Statement

    t0 = time.perf_counter()
    model_id = Embedder().model_id
    rng = np.random.default_rng(7)
    with Store.open(db) as store:
        for start in range(0, n, CHUNK):
            rows = statement_rows(min(CHUNK, n - start), seed=start, start=start)
            store.insert_statements([Statement(statement_id=r["statement_id"], actor=r["actor"], date=r["date"],
                                               date_precision="day", text=r["text"], topic_hint=r["topic"],
                                               content_key=r["statement_id"]) for r in rows])
            # a random unit "stance" vector per actor-topic timeline plus per-statement noise, so statements of
            # one timeline have cosine ~0.9 like consistent real ones (pure noise would flag nearly every pair)
            tl = np.array([int(r["actor"].split()[1]) * 1000 + int(r["topic"].split("-")[1]) for r in rows])
            v = base_vectors(tl) + NOISE * rng.standard_normal((len(rows), DIM)).astype(np.float32)
            v /= np.linalg.norm(v, axis=1, keepdims=True)
            store.put_embeddings(model_id, zip((text_hash(r["text"]) for r in rows), v))
        count = store.count_statements()
    return {"setup_s": time.perf_counter() - t0, "statements": count, "db_mib": db.stat().st_size / 2**20}


def run_detect(db: Path, profile: bool, judge_dir: str | None = None) -> dict:
    import tracker.pipeline as pl
    from tracker.judge.model import Judge
    from tracker.embed import Embedder
    from tracker.store import Store

    phases: dict[str, float] = {}
    rss: dict[str, float] = {}  # peak RSS (MiB) seen by the end of each phase: where the peak was reached

    def timed(name, fn):
        def inner(*a, **kw):
            t0 = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                phases[name] = phases.get(name, 0.0) + time.perf_counter() - t0
                rss[name] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return inner

    for name in ("embed_statements", "assign_topics", "refresh_topics", "order_timelines", "_candidates", "candidate_pairs",
                 "_pair_probabilities", "select_changes"):
        setattr(pl, name, timed(name, getattr(pl, name)))
    judge = Judge.load(judge_dir)
    with Store.open(db) as store:
        store.sync_changes = timed("store.sync_changes", store.sync_changes)
        store.statements = timed("store.statements", store.statements)
        store.get_embeddings = timed("store.get_embeddings", store.get_embeddings)
        store.put_verdicts = timed("store.put_verdicts", store.put_verdicts)
        prof = None
        if profile:
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
        t0, c0 = time.perf_counter(), time.process_time()
        s = pl.detect(store, judge, Embedder(), progress=False)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        if prof:
            import io
            import pstats

            prof.disable()
            buf = io.StringIO()
            pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(25)
            print(buf.getvalue(), file=sys.stderr)
    return {"detect_s": wall, "cpu_s": cpu, "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "pairs": s.pairs_scored, "pairs_read": s.pairs_read, "changes": s.changes, "topics": s.new_topics, "phases": phases, "rss": rss}


def child(args) -> None:
    out = setup(Path(args.db), args.n) if args.child == "setup" else run_detect(Path(args.db), args.profile, args.judge)
    print("RESULT " + json.dumps(out))


def call(argv: list[str], timeout: float) -> dict | None:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TQDM_DISABLE": "1"}
    try:
        p = subprocess.run([sys.executable, __file__, *argv], capture_output=True, text=True, timeout=timeout,
                           cwd=ROOT, env=env)
    except subprocess.TimeoutExpired:
        return None
    if p.stderr.strip() and "--profile" in argv:
        print(p.stderr)
    lines = [ln for ln in p.stdout.splitlines() if ln.startswith("RESULT ")]
    if p.returncode or not lines:
        print(f"child failed ({p.returncode}):\n{p.stderr[-3000:]}")
        return None
    return json.loads(lines[-1][7:])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000", help="comma-separated statement counts (default 10000,100000)")
    ap.add_argument("--timeout", type=float, default=900, help="seconds allowed for each child (default 900)")
    ap.add_argument("--workdir", default=None, help="where the stores go (default: a temporary folder)")
    ap.add_argument("--profile", action="store_true", help="cProfile the detect child (slower)")
    ap.add_argument("--judge", default=None, help="a judge folder (default: the shipped models/reversal)")
    ap.add_argument("--keep", action="store_true",
                    help="keep each set-up store in --workdir and reuse it next time (detect runs on a copy)")
    ap.add_argument("--child", choices=["setup", "detect"], help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args)

    print(f"machine: {machine()}  (load average now: {os.getloadavg()[0]:.1f})")
    print(ORIGIN_NOTE + "; vectors are FAKE (random direction per timeline + noise); topics from the input topic column")
    rows, phase_rows = [], []
    if args.keep and not args.workdir:
        ap.error("--keep needs --workdir")
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        for n in [int(x) for x in args.sizes.split(",")]:
            db = Path(tmp) / f"scale-{n}.db"
            kept = Path(args.workdir or tmp) / f"scale-{n}.setup.db"
            if args.keep and kept.exists():
                print(f"N={n:,}: reusing the store set up earlier in {kept}", flush=True)
            else:
                st = call(["--child", "setup", "--db", str(db), "--n", str(n)], args.timeout)
                if st is None:
                    rows.append([f"{n:,}", "setup failed/timed out", "", "", "", "", "", "", ""])
                    continue
                print(f"N={n:,}: setup {st['setup_s']:.0f}s, db {st['db_mib']:.0f} MiB", flush=True)
                if args.keep:
                    shutil.copyfile(db, kept)
            if args.keep:
                shutil.copyfile(kept, db)  # detect writes topics and verdicts: always start from the set-up state
            argv = ["--child", "detect", "--db", str(db)] + (["--profile"] if args.profile else []) + \
                (["--judge", args.judge] if args.judge else [])
            d = call(argv, args.timeout)
            label = f"{n:,}"
            if d is None:
                rows.append([label, f"> {args.timeout:.0f} (timed out)", "", "?", "", "", "", "", ""])
                print(f"N={label}: detect timed out after {args.timeout:.0f}s", flush=True)
            else:
                rows.append([label, f"{d['detect_s']:.1f}", f"{d['cpu_s']:.1f}", f"{d['maxrss_mib']:.0f}",
                             f"{d['pairs']:,}", f"{d.get('pairs_read', 0):,}", f"{d['changes']:,}",
                             f"{d['pairs'] / n:.1f}", f"{1e6 * d['detect_s'] / n:.0f}"])
                phase_rows.append((label, d["phases"]))
                print(f"N={label}: peak RSS (MiB) reached by the end of each phase: "
                      + ", ".join(f"{k} {v:.0f}" for k, v in sorted(d["rss"].items(), key=lambda kv: kv[1])), flush=True)
                print(f"N={label}: detect {d['detect_s']:.1f}s wall, {d['cpu_s']:.1f}s CPU, "
                      f"peak RSS {d['maxrss_mib']:.0f} MiB, {d['changes']:,} changes", flush=True)
            db.unlink(missing_ok=True)
    print()
    print(table(rows, ["statements", "detect s (wall)", "CPU s", "peak RSS MiB", "pairs judged",
                       "read by pair model", "changes", "candidates/statement", "µs/statement (wall)"]))
    if phase_rows:
        names = sorted({k for _, ph in phase_rows for k in ph}, key=lambda k: -phase_rows[-1][1].get(k, 0))
        print("\nphase seconds, wall (nested: assign_topics includes refresh_topics; _pair_probabilities includes "
              "get_embeddings/put_verdicts; store.* are also counted inside the phases):")
        print(table([[k] + [f"{ph.get(k, 0):.2f}" for _, ph in phase_rows] for k in names],
                    ["phase"] + [f"N={n}" for n, _ in phase_rows]))
    for r in rows:
        if r[0].startswith("1,000,000"):
            ok_t = r[1][0].isdigit() and float(r[1]) < 300
            ok_m = r[3].isdigit() and float(r[3]) < 4096
            print(f"targets at 1M ({r[0]}): detect < 300 s wall: {'MET' if ok_t else 'MISSED'}; "
                  f"peak RSS < 4096 MiB: {'MET' if ok_m else 'MISSED'}")


if __name__ == "__main__":
    main()
