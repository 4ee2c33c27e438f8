"""The grader's decision line moved: its reversal odds scaled by K before the judge reads a short plain pair.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/grader_offset.py textbook_dev13.csv,textbook_dev16.csv 1,0.5

For each textbook set and each K, accuracy at the judge's threshold (reversal vs no_flip), with the share of
reversals flagged and of no-flips kept. K = 1 is the judge as shipped; K < 1 asks the grader for more evidence
before a short plain pair is called a reversal (the judge over-flags restatements). Reads only: nothing is fitted.
"""

import sys

import numpy as np
import pandas as pd

from tracker.embed import Embedder
from tracker.judge.corpora import SYNTHETIC_DIR
from tracker.judge.evaluate import contrast_batch
from tracker.judge.model import Judge, decide


def scaled(grade_proba, k: float):
    """`grade_proba` with each row's reversal odds multiplied by k, the two reversal grades kept in proportion."""
    def read(a, b):
        g = grade_proba(a, b)
        if g is None:
            return g
        rev = np.clip(g[:, 0] + g[:, 1], 1e-9, 1 - 1e-9)
        odds = rev / (1 - rev) * k
        new = odds / (1 + odds)
        return np.hstack([g[:, :2] * (new / rev)[:, None], (1 - new)[:, None]])
    return read


sets, ks = sys.argv[1].split(","), [float(k) for k in sys.argv[2].split(",")]
judge, embedder = Judge.load(), Embedder(None)
shipped = judge.pair_model.grade_proba
data = []
for name in sets:
    pairs = pd.read_csv(SYNTHETIC_DIR / name, dtype=str, keep_default_na=False)
    data.append((name, contrast_batch(pairs, embedder), pairs["label"].to_numpy() != "no_flip"))
for k in ks:
    judge.pair_model.grade_proba = scaled(shipped, k)
    cells = []
    for name, batch, rev in data:
        flagged = decide(judge.predict_proba(batch, cascade=False), judge.threshold) != "no_flip"
        cells.append(f"{name}: {np.mean(flagged == rev):.3f} (reversals flagged {flagged[rev].mean():.2f}, "
                     f"no-flips kept {(~flagged[~rev]).mean():.2f})")
    print(f"K = {k}: " + " | ".join(cells), flush=True)
judge.pair_model.grade_proba = shipped
