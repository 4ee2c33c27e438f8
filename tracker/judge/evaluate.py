"""Everything `tracker evaluate` reports about a judge, each number on data it was not fitted on:

- actor-grouped cross-validation on the development pairs (the judge and its baselines on the same folds);
- the frozen test actors (train.frozen_test_mask), scored once by a judge fitted on the development pairs;
- the contrast set (`data/contrast/`): minimal pairs written by the project, never trained on.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from tracker.errors import InputError
from tracker.judge.features import PairBatch
from tracker.judge.model import Judge, decide, select_reads
from tracker.judge.train import (SEED, LabelledPairs, cross_validate, frozen_test_mask, metrics, operating_point,
                                 train_judge)
from tracker.types import LABELS

CONTRAST_FILE = Path("data/contrast/contrast_pairs.csv")


def load_contrast(path: str | Path = CONTRAST_FILE) -> pd.DataFrame:
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: contrast set not found")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"text_a", "text_b", "label", "kind"} - set(frame.columns)
    if missing:
        raise InputError(f"{path}: missing columns {sorted(missing)}")
    bad = frame.index[~frame["label"].isin(LABELS)]
    if len(bad):
        raise InputError(f"{path}: row {int(bad[0]) + 2}: field 'label': {frame['label'].iloc[bad[0]]!r} is not one of {LABELS}")
    return frame


def contrast_batch(frame: pd.DataFrame, embedder) -> PairBatch:
    a, b = list(frame["text_a"]), list(frame["text_b"])
    vectors = embedder.encode(a + b)
    topic = list(frame["topic"]) if "topic" in frame.columns else None
    return PairBatch(a, b, vectors[: len(a)], vectors[len(a):], np.zeros(len(a)), topic=topic)


def grader_readings(judge: Judge, grader, frame: pd.DataFrame, batch: PairBatch) -> dict[str, tuple[float, float]]:
    """A grader (a pair model with the graded task) read on textbook pairs at the judge's threshold two ways: the
    word lists first, then the grader; the grader on every short plain pair. (accuracy, ROC-AUC) for each."""
    from sklearn.metrics import roc_auc_score

    from tracker.judge.polarity import apply_table

    rev, head = frame["label"].to_numpy() != "no_flip", judge.head_reading(batch, cascade=False)[0]
    out = {}
    ways = {"word lists, then this grader": judge.positions, "this grader on every short plain pair": None}
    for way, positions in ways.items():
        proba = apply_table(head, batch, positions, grader)
        right = (decide(proba, judge.threshold) != "no_flip") == rev
        out[way] = (float(right.mean()), float(roc_auc_score(rev, proba[:, 0] + proba[:, 1])))
    return out


def contrast_metrics(judge: Judge, frame: pd.DataFrame, batch: PairBatch) -> dict:
    """Reversal (full_flop or half_flip) vs no_flip accuracy at the judge's threshold, overall and per kind."""
    proba = judge.predict_proba(batch, cascade=False)
    pred = decide(proba, judge.threshold)
    true_rev = frame["label"].to_numpy() != "no_flip"
    hit = (pred != "no_flip") == true_rev
    from sklearn.metrics import roc_auc_score

    return {
        "n": int(len(frame)),
        "accuracy": round(float(hit.mean()), 4),
        "roc_auc": round(float(roc_auc_score(true_rev, proba[:, 0] + proba[:, 1])), 4),
        "reversal_recall": round(float(hit[true_rev].mean()), 4),
        "no_flip_accuracy": round(float(hit[~true_rev].mean()), 4),
        "per_kind": {k: round(float(hit[(frame["kind"] == k).to_numpy()].mean()), 4)
                     for k in sorted(frame["kind"].unique())},
    }


def fit_on_dev(dev: LabelledPairs, *, embedding_model: str, seed: int = SEED) -> tuple[Judge, dict]:
    """The judge as `tracker evaluate` fits it for the test actors: threshold and cascade cut-off from
    actor-grouped CV on `dev`, then fitted on all of `dev`. Returns the judge and that CV."""
    cv = cross_validate(dev, seed=seed)
    judge = train_judge(dev, embedding_model=embedding_model, threshold=cv["operating_point"]["threshold"],
                        version="dev", seed=seed, cascade=cv["cascade"]["cutoff"])
    return judge, cv


def held_out_proba(judge: Judge, held: LabelledPairs, *, cascade: bool = True) -> np.ndarray:
    """The judge's probabilities for held-out pairs, through the same cascade reads detect would make."""
    X = held.features()
    proba, read = judge.head_proba(judge.head, X), None
    if cascade and judge.cheap_head is not None:
        pc = judge.head_proba(judge.cheap_head, held.cheap_features())
        later = held.frame["later_id"].to_numpy() if "later_id" in held.frame.columns else None
        read = np.zeros(len(X), dtype=bool)
        read[select_reads(pc[:, 0] + pc[:, 1], judge.cascade_cutoff, later, judge.read_budget)] = True
        proba = np.where(read[:, None], proba, pc)
    return judge.read_positions(held.batch, proba, read)


def frozen_test(data: LabelledPairs, *, embedding_model: str, seed: int = SEED, cascade: bool = True) -> dict:
    """Fit on the development actors (threshold from their cross-validation), score the test actors once."""
    test = frozen_test_mask(data.frame)
    real = ~data.frame["synthetic"].to_numpy(dtype=bool)
    dev, held = data.subset(np.flatnonzero(~test)), data.subset(np.flatnonzero(test & real))
    judge, cv = fit_on_dev(dev, embedding_model=embedding_model, seed=seed)
    proba = held_out_proba(judge, held, cascade=cascade)
    y = held.labels
    rev = proba[:, 0] + proba[:, 1]
    out = {"n_pairs": int(len(y)), "n_actors": int(len(set(held.groups))),
           "threshold_from_dev_cv": judge.threshold,
           "at_threshold": metrics(y, decide(proba, judge.threshold).astype(str), rev, proba),
           "argmax": metrics(y, np.array(LABELS)[proba.argmax(axis=1)], rev, proba),
           "best_precision_point": operating_point(y != "no_flip", rev)}
    cheap = judge.cheap_head if judge.cheap_head is not None else judge.head
    pc = judge.head_proba(cheap, held.cheap_features())
    out["cue_lr_baseline"] = metrics(y, np.array(LABELS)[pc.argmax(axis=1)], pc[:, 0] + pc[:, 1], pc)
    return {"dev_cv": cv, "test": out}
