"""Neighbour search alone at 10k / 100k / 1M statements: time, peak memory and candidates per statement.

2,000 actors (so 5, 50 and 500 statements each), dates over 20 years, random unit vectors (dim 384):
the search cost does not depend on what the vectors mean. Search is exact, one matrix product per block
of an actor's statements; this bench is what says an approximate index is not needed at this scale.
Detect as a whole (with the judge) is bench/detect_scale.py.

Run:  .venv/bin/python bench/candidates_scale.py [--sizes 10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np

from _common import machine
from tracker.candidates import DEFAULT_BUDGET, DEFAULT_WINDOW_DAYS, neighbour_pairs

ACTORS = 2000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    args = ap.parse_args()
    print(f"machine: {machine()}")
    print("| statements | statements per actor | search s | candidates/statement | peak RSS MiB |")
    print("|---|---|---|---|---|")
    for n in (int(x) for x in args.sizes.split(",")):
        rng = np.random.default_rng(0)
        actors = np.sort(rng.integers(0, ACTORS, n)).astype(str).astype(object)
        days = np.zeros(n, dtype=np.int64)
        for a in np.unique(actors):  # each actor's statements in date order, as detect sorts them
            idx = np.flatnonzero(actors == a)
            days[idx] = np.sort(rng.integers(0, 7300, len(idx)))
        v = rng.standard_normal((n, 384)).astype(np.float32)
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        t0 = time.perf_counter()
        pairs = neighbour_pairs(actors, days, v, budget=DEFAULT_BUDGET, window_days=DEFAULT_WINDOW_DAYS)
        dt = time.perf_counter() - t0
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"| {n:,} | {n // ACTORS} | {dt:.1f} | {len(pairs) / n:.1f} | {rss:.0f} |", flush=True)


if __name__ == "__main__":
    main()
