"""`tracker run` cold vs a rerun with nothing new vs a run after adding 1% new statements.

Each run is a fresh process: `python -m tracker run FILE --db DB --out DIR`, as a user or cron would run it.
  cold:   fresh DB, N statements (load + embed everything, topics, pairs, outputs);
  rerun:  the same file again, nothing new (target: >= 50x faster than cold);
  +1%:    the file with 1% new statements appended (recent dates, same actors and topics)
          (target: costs <= 10% of cold).
Also timed, for reference: `python -m tracker --help` (process start + CLI import floor).
Statements: REAL quotes sampled from data/labelled + data/demo, made unique with " (#i)", 2,000 actors
on 50 topics given in the input `topic` column, dates over 5 years.

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/incremental.py [--n 3000] [--profile]
--profile: afterwards, one more rerun and one more +1% run under cProfile (top functions printed);
these extra runs are not in the timing table.
"""

from __future__ import annotations

import argparse
import os
import pstats
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ORIGIN_NOTE, ROOT, machine, statement_rows, table, write_csv


def tracker_run(csv: Path, db: Path, out: Path, *, profile: Path | None = None) -> tuple[float, str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TQDM_DISABLE": "1"}
    prefix = [sys.executable] + (["-m", "cProfile", "-o", str(profile)] if profile else [])
    cmd = prefix + ["-m", "tracker", "run", str(csv), "--db", str(db), "--out", str(out)]
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
    dt = time.perf_counter() - t0
    if p.returncode:
        raise SystemExit(f"tracker run failed ({p.returncode}):\n{p.stderr[-3000:]}")
    summary = [ln for ln in p.stderr.splitlines() if re.search(r"statements, \d+ newly embedded", ln)]
    return dt, summary[-1] if summary else ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=3000,
                    help="statements in the cold run (default 3000: ~2-4 min cold on 2 busy cores)")
    ap.add_argument("--new-fraction", type=float, default=0.01)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    print(f"machine: {machine()}  (load average now: {os.getloadavg()[0]:.1f})")
    print(ORIGIN_NOTE + "; topics from the input topic column")
    n_new = max(1, round(args.n * args.new_fraction))
    base = statement_rows(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db, out = tmp / "bench.db", tmp / "out"
        f0 = write_csv(base, tmp / "statements.csv")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tracker", "--help"], capture_output=True, cwd=ROOT)
        floor = time.perf_counter() - t0
        cold, s_cold = tracker_run(f0, db, out)
        print(f"cold: {cold:.1f}s  [{s_cold}]", flush=True)
        rerun, s_rerun = tracker_run(f0, db, out)
        print(f"rerun: {rerun:.2f}s  [{s_rerun}]", flush=True)
        new = statement_rows(n_new, seed=99, start=args.n, years=0.1)
        f1 = write_csv(base + new, tmp / "statements_plus.csv")
        inc, s_inc = tracker_run(f1, db, out)
        print(f"+{n_new}: {inc:.2f}s  [{s_inc}]", flush=True)
        rerun2, s_rerun2 = tracker_run(f1, db, out)
        print(f"rerun after +1%: {rerun2:.2f}s  [{s_rerun2}]", flush=True)
        print()
        print(table([["python -m tracker --help (floor)", f"{floor:.2f}", ""],
                     [f"cold: {args.n:,} statements, fresh DB", f"{cold:.2f}", "1.000"],
                     ["rerun, nothing new", f"{rerun:.2f}", f"{rerun / cold:.4f}"],
                     [f"+{100 * args.new_fraction:g}% ({n_new} new statements)", f"{inc:.2f}", f"{inc / cold:.4f}"],
                     ["rerun after the +1% run", f"{rerun2:.2f}", f"{rerun2 / cold:.4f}"]],
                    ["run", "seconds", "÷ cold"]))
        speed = cold / rerun
        print(f"\nrerun speed-up = cold / rerun = {speed:.1f}x  (target >= 50x: {'MET' if speed >= 50 else 'MISSED'})")
        print(f"+1% cost = {100 * inc / cold:.1f}% of cold  (target <= 10%: {'MET' if inc / cold <= 0.10 else 'MISSED'})")
        print(f"process floor (--help) = {100 * floor / cold:.1f}% of cold; a rerun can be at best cold/floor = "
              f"{cold / floor:.0f}x faster")
        if args.profile:
            for name, f in (("rerun", f1), ("+1%", None)):
                if f is None:
                    more = statement_rows(n_new, seed=199, start=args.n + n_new, years=0.1)
                    f = write_csv(base + new + more, tmp / "statements_plus2.csv")
                prof = tmp / f"{name.strip('+%')}.prof"
                dt, _ = tracker_run(f, db, out, profile=prof)
                print(f"\ncProfile of a {name} run ({dt:.1f}s under the profiler), top 30 by cumulative time:")
                pstats.Stats(str(prof)).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
