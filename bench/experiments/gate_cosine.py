"""Which embedding cosine should let a pair of short statements into the explicit-position reader?

A lower cosine lets through more reworded pairs ("the sugar tax" / "a levy on sugary drinks") and more
neighbouring sub-topics ("tobacco taxes" / "petrol taxes"). For each cosine this counts, on the synthetic
development sets (data/synthetic/, never the contrast set), how many pairs are decided right (reversal
vs no_flip) when the reader speaks for the gated pairs and the shipped head, at its threshold, for the
rest; and how many of the development actors' real pairs the reader would then speak for.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/gate_cosine.py
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/gate_cosine.py --unshared-floor

With --unshared-floor the shipped gate is kept and one more condition is tried at each cosine: a pair
whose two statements each have content words the other lacks ("the tariff on imported steel" / "the
tariff on imported aluminium") must also reach that cosine.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

import tracker.judge.polarity as polarity
from tracker.embed import Embedder
from tracker.judge.evaluate import contrast_batch
from tracker.judge.model import Judge, decide
from tracker.judge.train import frozen_test_mask, load_labelled

import sys

COSINES = (0.7, 0.6, 0.55, 0.5, 0.45, 0.4, 0.35, 0.3, -1.0)
FLOORS = (-1.0, 0.5, 0.55, 0.6, 0.65, 0.7)


def main() -> None:
    floor_mode = "--unshared-floor" in sys.argv
    judge, embedder = Judge.load(), Embedder(None)
    frames = [pd.read_csv(p, dtype=str, keep_default_na=False) for p in polarity.TEXTBOOK_SETS]
    synthetic = pd.concat(frames, ignore_index=True)
    batch = contrast_batch(synthetic, embedder)
    head_rev = decide(judge.head_reading(batch, cascade=False)[0], judge.threshold) != "no_flip"
    cos = np.sum(batch.emb_a * batch.emb_b, axis=1)
    rev = synthetic["label"].to_numpy() != "no_flip"
    labelled = load_labelled()
    dev = labelled[~frozen_test_mask(labelled) & ~labelled["synthetic"].astype(bool)].reset_index(drop=True)
    vectors = np.asarray(embedder.encode(list(dev["text_a"]) + list(dev["text_b"])))
    dev_cos = np.sum(vectors[: len(dev)] * vectors[len(dev):], axis=1)
    dev_rev = dev["label"].to_numpy() != "no_flip"
    print(f"{len(synthetic)} synthetic pairs in {len(frames)} sets; {len(dev)} real development pairs")
    print(("floor" if floor_mode else "cosine") + " | synthetic gated | synthetic right | real gated | "
          "real reversal calls (right) | real no_flip calls (right)")
    saved, same = polarity.SAME_COSINE, polarity._same
    try:
        for c in (FLOORS if floor_mode else COSINES):
            if floor_mode:  # the shipped gate, and a floor for pairs whose two sides each have words of their own
                polarity._same = (lambda floor: lambda ca, cb, x: same(ca, cb, x) and not (
                    ca - cb and cb - ca and x is not None and x < floor))(c)
            else:
                polarity.SAME_COSINE = c
            polarity._reading.cache_clear()
            v = np.array([polarity.verdict(a, b, x) for a, b, x in zip(synthetic["text_a"], synthetic["text_b"], cos)],
                         dtype=object)
            gated = v != None  # noqa: E711  (object array)
            call = np.where(gated, np.isin(v, ["full_flop", "half_flip"]), head_rev)
            d = np.array([polarity.verdict(a, b, x) for a, b, x in zip(dev["text_a"], dev["text_b"], dev_cos)],
                         dtype=object)
            flips, keeps = np.isin(d, ["full_flop", "half_flip"]), d == "no_flip"
            print(f"{c:.2f} | {gated.sum()} | {(call == rev).sum()} | {flips.sum() + keeps.sum()} | "
                  f"{flips.sum()} ({dev_rev[flips].sum()}) | {keeps.sum()} ({(~dev_rev[keeps]).sum()})")
    finally:
        polarity.SAME_COSINE, polarity._same = saved, same
        polarity._reading.cache_clear()


if __name__ == "__main__":
    main()
