"""The judge's speed, and what the cascade saves, measured side by side in one run.

1. Pair-model throughput (int8 ONNX, one pair per call) on real statement pairs: one session using every
   core vs one single-thread session per core run side by side (the default), with the same scores.
2. `Judge.predict_proba` on every neighbour candidate pair of the labelled statements (each statement
   against its actor's nearest earlier ones, budget 10): pairs/s with the cascade and without, the
   share of pairs the pair model read, and how many of the pairs flagged without the cascade it keeps.
3. The explicit-position reading (tracker/judge/polarity.py) on the same pairs, each statement read afresh:
   µs a pair, the share of pairs it speaks for, and the share the grader (or the pair model) grades instead;
   the grader alone on those pairs, one pair per call and in batches of 8 (its default).
Detect time at 10k / 100k / 1M statements is bench/detect_scale.py (it uses the same judge).
With `--memo`, the shipped judge with and without the pair model's memo, in the same run. With `--against DIR`,
also the judge saved in DIR on the same pairs in the same run: pairs/s with and
without the cascade, and pairs flagged, for both judges back to back.

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/judge_scale.py [--against build/judge_prev] [--memo]
"""

from __future__ import annotations

import glob
import sys
import time

import numpy as np
import pandas as pd

from _common import ROOT, machine
from tracker.candidates import neighbour_pairs
from tracker.embed import Embedder
from tracker.judge.features import PairBatch, cue_counts
from tracker.judge.model import Judge, decide
from tracker.judge.pairmodel import PairModel


def main():
    print(f"machine: {machine()}")
    st = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False)
                    for f in sorted(glob.glob(str(ROOT / "data" / "labelled" / "parts" / "*_statements.csv")))], ignore_index=True)
    st["day"] = pd.to_datetime(st["date"].map(lambda d: "-".join(d.split("-") + ["01"] * (3 - len(d.split("-"))))))
    st = st.sort_values(["actor", "day", "statement_id"], kind="stable").reset_index(drop=True)
    vectors = Embedder().encode(list(st["text"]))
    days = st["day"].to_numpy().astype("datetime64[D]").astype(np.int64)
    pairs = neighbour_pairs(st["actor"].to_numpy(dtype=object), days, vectors, budget=10, window_days=100_000)
    e, l = pairs[:, 0], pairs[:, 1]
    texts = st["text"].to_numpy(dtype=object)
    cues = cue_counts(list(texts))
    batch = PairBatch(list(texts[e]), list(texts[l]), vectors[e], vectors[l], days[l] - days[e], cues[e], cues[l],
                      topic=list(st["topic"].to_numpy(dtype=object)[l]), later=l)
    judge = Judge.load()
    print(f"{len(st)} statements, {len(pairs)} neighbour candidate pairs; judge {judge.key}")
    if "--memo" in sys.argv:
        # the same judge with and without the pair model's memo (a pair read for its stance is not read again
        # for its grade); each run starts with an empty memo
        bare = Judge.load()
        bare.pair_model._load()
        bare.pair_model._outputs = lambda a, b, batch_size=64: bare.pair_model._compute(a, b, batch_size=1)
        rate = {"read twice": 0.0, "memo": 0.0}
        probas = {}
        for _ in range(2):
            for name, other in (("read twice", bare), ("memo", judge)):
                other.pair_model.forget()
                t0 = time.perf_counter()
                probas[name] = other.predict_proba(batch, cascade=True)
                rate[name] = max(rate[name], len(pairs) / (time.perf_counter() - t0))
        print(f"| pair model memo | pairs/s read twice {rate['read twice']:.0f} | with the memo {rate['memo']:.0f} | "
              f"ratio {rate['memo'] / rate['read twice']:.2f}x | same probabilities: "
              f"{np.array_equal(probas['memo'], probas['read twice'])} |")
    if "--against" in sys.argv:
        print("| judge | pairs/s without cascade | with cascade | pairs flagged without / with |")
        print("|---|---|---|---|")
        judges = (Judge.load(sys.argv[sys.argv.index("--against") + 1]), judge)
        rate, flagged = np.zeros((2, 2)), np.zeros((2, 2), dtype=int)
        for _ in range(2):  # alternate, and keep each judge's faster run: a busy machine slows one run, not both
            for k, other in enumerate(judges):
                for c, cascade in enumerate((False, True)):
                    other.pair_model.forget()  # every timing starts cold: a pair read once is not read again
                    t0 = time.perf_counter()
                    proba = other.predict_proba(batch, cascade=cascade)
                    rate[k, c] = max(rate[k, c], len(pairs) / (time.perf_counter() - t0))
                    flagged[k, c] = int(np.sum(decide(proba, other.threshold) != "no_flip"))
        for k, other in enumerate(judges):
            print(f"| {other.key} | {rate[k, 0]:.0f} | {rate[k, 1]:.0f} | {flagged[k, 0]} / {flagged[k, 1]} |")
    if judge.pair_model is None:
        print("the shipped judge has no pair model: nothing to measure")
        return
    n = min(512, len(pairs))
    rates, scores = {}, {}
    for lanes in (1, None):  # one session on every core vs one single-thread session per core (the default)
        model = PairModel(judge.pair_model.directory, lanes=lanes)
        model.logits(list(texts[e[:8]]), list(texts[l[:8]]))  # load the sessions
        t0 = time.perf_counter()
        scores[lanes] = model.logits(list(texts[e[:n]]), list(texts[l[:n]]), batch_size=64)
        rates[lanes] = n / (time.perf_counter() - t0)
    pm_rate = rates[None]
    rows = []
    shipped_budget = judge.read_budget
    for cascade, budget in ((False, shipped_budget), (True, shipped_budget), (True, 1)):
        judge.pairs_read, judge.read_budget = 0, budget
        judge.pair_model.forget()
        t0 = time.perf_counter()
        proba = judge.predict_proba(batch, cascade=cascade)
        dt = time.perf_counter() - t0
        rows.append((cascade, len(pairs) / dt, judge.pairs_read / len(pairs), decide(proba, judge.threshold) != "no_flip"))
    judge.read_budget = shipped_budget
    from tracker.judge.polarity import _reading, apply_table

    _reading.cache_clear()
    head = np.zeros((len(pairs), 3))
    t0 = time.perf_counter()
    positioned = apply_table(head, batch, judge.positions)
    pos_us = (time.perf_counter() - t0) / len(pairs) * 1e6
    spoken = float(np.mean(positioned.any(axis=1)))
    graded = []  # pairs of two short plain statements the word lists do not place: the pair model grades them

    texts = ([], [])

    class Counting:
        def grade_proba(self, a, b):
            graded.append(len(a))
            texts[0].extend(a)
            texts[1].extend(b)
            return None

    apply_table(head, batch, judge.positions, Counting())
    full, casc = rows[0][3], rows[1][3]
    kept = (full & casc).sum() / max(1, full.sum())
    # a later statement yields at most one change: what matters is which statements still have a flag
    with_flag = set(l[full].tolist()), set(l[casc].tolist())
    kept_statements = len(with_flag[0] & with_flag[1]) / max(1, len(with_flag[0]))
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| pair model alone, pairs/s (one reading order), one session on all cores | {rates[1]:.0f} |")
    print(f"| pair model alone, pairs/s, one single-thread session per core (default) | {pm_rate:.0f} "
          f"({pm_rate / rates[1]:.1f}x; same scores: {np.array_equal(scores[1], scores[None])}) |")
    print(f"| judge without cascade, pairs/s | {rows[0][1]:.0f} |")
    print(f"| judge with cascade, pairs/s | {rows[1][1]:.0f} ({rows[1][1] / rows[0][1]:.1f}x) |")
    print(f"| share of candidate pairs the pair model reads (cascade) | {rows[1][2]:.1%} |")
    print(f"| pairs flagged without cascade / with | {int(full.sum())} / {int(casc.sum())} (kept {kept:.0%}) |")
    print(f"| later statements with a flagged pair, without / with | {len(with_flag[0])} / {len(with_flag[1])} "
          f"(kept {kept_statements:.0%}) |")
    print(f"| explicit positions: µs a pair (statements read afresh), share of candidate pairs they decide | "
          f"{pos_us:.1f}, {spoken:.1%} |")
    print(f"| pairs graded as textbook pairs (short, plain, not placed by the word lists), share | "
          f"{sum(graded) / len(pairs):.1%} |")
    if judge.grader is not None and texts[0]:  # the grader alone on those pairs, its load not counted
        from tracker.judge.grader import Grader

        rates_g, grades = {}, {}
        for size in (1, 8):
            g = Grader(judge.grader.directory)
            g.grade_proba(["a"], ["b"])
            t0 = time.perf_counter()
            grades[size] = g.grade_proba(texts[0], texts[1], batch_size=size)
            rates_g[size] = len(set(zip(*texts))) / (time.perf_counter() - t0)
        print(f"| grader alone on those pairs, pairs/s: one pair per call / batches of 8 (default) (largest difference "
              f"in a probability) | {rates_g[1]:.0f} / {rates_g[8]:.0f} ({np.abs(grades[1] - grades[8]).max():.1e}) |")
    one = set(l[rows[2][3]].tolist())
    print(f"| with a read budget of 1 instead of {shipped_budget}: pairs/s, share read, later statements with a flag "
          f"kept | {rows[2][1]:.0f}, {rows[2][2]:.1%}, {len(with_flag[0] & one) / max(1, len(with_flag[0])):.0%} |")


if __name__ == "__main__":
    main()
