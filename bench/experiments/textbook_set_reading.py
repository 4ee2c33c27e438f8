"""One reading of a synthetic textbook set by the judge as shipped: accuracy (reversal vs no_flip) of the
whole judge, the share the explicit-position reader speaks for and its accuracy there, and accuracy by kind.
A new set is read this way once, before any rule is tuned on it.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/textbook_set_reading.py data/synthetic/textbook_dev11.csv
"""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd

import tracker.judge.polarity as polarity
from tracker.embed import Embedder
from tracker.judge.evaluate import contrast_batch
from tracker.judge.model import Judge, decide


def main(path: str) -> None:
    judge, embedder = Judge.load(), Embedder(None)
    pairs = pd.read_csv(path, dtype=str, keep_default_na=False)
    batch = contrast_batch(pairs, embedder)
    flagged = decide(judge.predict_proba(batch, cascade=False), judge.threshold) != "no_flip"
    cos = np.sum(batch.emb_a * batch.emb_b, axis=1)
    reader = np.array([polarity.verdict(a, b, c) for a, b, c in zip(pairs.text_a, pairs.text_b, cos)], dtype=object)
    rev = pairs["label"].to_numpy() != "no_flip"
    right = flagged == rev
    speaks = reader != None  # noqa: E711  (object array)
    reader_right = np.isin(reader, ["full_flop", "half_flip"]) == rev
    print(f"{path}: whole judge {right.mean():.3f} of {len(pairs)}; the reader speaks for {speaks.sum()}, "
          f"right on {reader_right[speaks].mean():.3f} of them")
    print(pairs.assign(right=right).groupby("kind")["right"].mean().round(2).to_string())


if __name__ == "__main__":
    main(sys.argv[1])
