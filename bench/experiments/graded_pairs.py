"""The pair model's second task (grading short pairs full_flop / half_flip / no_flip), measured apart.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/graded_pairs.py --textbook-only build/graded_only [--judge DIR]
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/graded_pairs.py --int8 build/stage1/torch

--textbook-only WORK: a cross-encoder fitted on the synthetic textbook sets 1-9 and 11 alone (six epochs from the
bundled MiniLM-L6, into WORK), then sets 12 and 10, which it did not see, read three ways at the judge's threshold:
the judge as it is, the word lists first and this grader on the short plain pairs they do not place, and this grader
on every short plain pair. This is how the order (word lists first) was chosen, before the contrast set was read.
--int8 DIR: the grader alone on the contrast set, the fp32 torch model in DIR (stage 1's `torch` folder) against the
shipped int8 graph: ROC-AUC and accuracy at 0.5 (evaluation only: the contrast set tunes nothing).
"""

import sys

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from tracker.embed import Embedder
from tracker.judge.corpora import GRADED_SETS, SYNTHETIC_DIR, graded_table
from tracker.judge.evaluate import contrast_batch, load_contrast
from tracker.judge.model import SHIPPED_MODEL_DIR, Judge, decide
from tracker.judge.pairmodel import PairModel, fit_pair_model
from tracker.judge.polarity import apply_table


def arg(name, default=None):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


if "--textbook-only" in sys.argv:
    work = arg("--textbook-only")
    seen = [s for s in GRADED_SETS if s not in ("textbook_dev12.csv",)]
    fit_pair_model(graded_table(sets=seen, repeat=1), out_dir=work, epochs=6, lr=4e-5)
    grader, judge, embedder = PairModel(work), Judge.load(arg("--judge", SHIPPED_MODEL_DIR)), Embedder(None)
    for name in ("textbook_dev12.csv", "textbook_dev10.csv"):
        pairs = pd.read_csv(SYNTHETIC_DIR / name, dtype=str, keep_default_na=False)
        batch, rev = contrast_batch(pairs, embedder), pairs["label"].to_numpy() != "no_flip"
        head = judge._head_proba(batch, cascade=False)[0]
        ways = {"the judge as it is": judge.predict_proba(batch, cascade=False),
                "word lists, then the grader": apply_table(head, batch, judge.positions, grader),
                "the grader on every short plain pair": apply_table(head, batch, None, grader)}
        for way, proba in ways.items():
            right = (decide(proba, judge.threshold) != "no_flip") == rev
            print(f"{name}: {way}: {right.mean():.3f} (threshold {judge.threshold})")

if "--int8" in sys.argv:
    frame = load_contrast()
    y = (frame["label"] != "no_flip").to_numpy()
    for name, directory in (("fp32", arg("--int8")), ("int8", SHIPPED_MODEL_DIR / "pair_model")):
        p = PairModel(directory).grade_proba(list(frame["text_a"]), list(frame["text_b"]))
        rev = p[:, 0] + p[:, 1]
        print(f"{name}: grader alone on the contrast set, ROC-AUC {roc_auc_score(y, rev):.4f}, "
              f"accuracy at 0.5 {np.mean((rev >= 0.5) == y):.3f}")
