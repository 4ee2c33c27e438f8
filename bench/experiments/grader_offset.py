"""The grader's decision line moved: its reversal odds scaled by K before the judge reads a short plain pair.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/grader_offset.py textbook_dev13.csv,textbook_dev16.csv 1,0.5
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/grader_offset.py textbook_dev13.csv,textbook_dev16.csv --breakdown

For each textbook set and each K, accuracy at the judge's threshold (reversal vs no_flip), with the share of
reversals flagged and of no-flips kept. K = 1 is the judge as shipped; K < 1 asks the grader for more evidence
before a short plain pair is called a reversal (the judge over-flags restatements). Reads only: nothing is fitted.
--breakdown: instead, the no-flips the judge as shipped flags, by what the word lists say of each (a reversal, no_flip,
or nothing), and the grader alone at its even line on all no-flips and all reversals of the sets.
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


sets = sys.argv[1].split(",")
ks = [] if "--breakdown" in sys.argv else [float(k) for k in sys.argv[2].split(",")]
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

if "--breakdown" in sys.argv:
    from collections import Counter

    from tracker.judge.polarity import own_words, verdict

    lists, keeps, flags = Counter(), [], []
    for name, batch, rev in data:
        flagged = decide(judge.predict_proba(batch, cascade=False), judge.threshold) != "no_flip"
        cos = np.sum(np.asarray(batch.emb_a) * np.asarray(batch.emb_b), axis=1)
        for i in np.flatnonzero(flagged & ~rev):
            v = verdict(batch.text_a[i], batch.text_b[i], float(cos[i]))
            lists["nothing" if v is None else "no_flip" if v == "no_flip" else "a reversal"] += 1
        g = shipped([own_words(a) for a in batch.text_a], [own_words(b) for b in batch.text_b])
        graded_rev = g[:, 0] + g[:, 1] >= 0.5
        keeps.extend(~graded_rev[~rev])
        flags.extend(graded_rev[rev])
    print(f"no-flips the judge flags: {sum(lists.values())}; the word lists call them: {dict(lists)}")
    print(f"the grader alone at 0.5: keeps {np.mean(keeps):.2f} of the no-flips, flags {np.mean(flags):.2f} of the reversals")
