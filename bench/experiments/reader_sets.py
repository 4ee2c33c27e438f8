"""The explicit-position reader alone on the synthetic development sets (in sample: its word lists were
tuned on them): how many pairs it decides right (reversal vs no_flip) and how many it leaves to the head.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/reader_sets.py
"""

from __future__ import annotations

import numpy as np
import pandas as pd

import tracker.judge.polarity as polarity
from tracker.embed import Embedder


def main() -> None:
    embedder, right, total = Embedder(None), 0, 0
    for path in polarity.TEXTBOOK_SETS:
        pairs = pd.read_csv(path, dtype=str, keep_default_na=False)
        vecs = np.asarray(embedder.encode(list(pairs.text_a) + list(pairs.text_b)))
        cos = np.sum(vecs[:len(pairs)] * vecs[len(pairs):], axis=1)
        verdicts = np.array([polarity.verdict(a, b, c) or "abstain" for a, b, c in zip(pairs.text_a, pairs.text_b, cos)])
        speaks = verdicts != "abstain"
        ok = (np.isin(verdicts, ["full_flop", "half_flip"]) == (pairs.label != "no_flip").to_numpy()) & speaks
        right, total = right + int(ok.sum()), total + len(pairs)
        print(f"{path}: right {ok.sum()} of {len(pairs)}, left to the head {(~speaks).sum()}")
    print(f"all development sets: the reader decides {right} of {total} pairs right")


if __name__ == "__main__":
    main()
