"""Training and evaluation on the real labelled pairs (vectors faked for speed where noted)."""

import numpy as np
import pytest

from conftest import ROOT
from tracker.judge.features import PairBatch
from tracker.judge.train import LabelledPairs, actor_folds, cross_validate, load_labelled, operating_point

LABELLED = ROOT / "data" / "labelled"


@pytest.fixture(scope="module")
def frame():
    return load_labelled(LABELLED)


def test_labelled_data_meets_the_brief(frame):
    assert len(frame) >= 500 and frame["actor"].nunique() >= 80
    assert set(frame["label"]) == {"full_flop", "half_flip", "no_flip"}
    assert not frame["synthetic"].any()
    for case in ("negation_both", "agreeing", "different_topic", "quoting_other", "conditional",
                 "mentions_old_position"):
        assert (frame["hard_case"] == case).sum() >= 10, case


def test_folds_never_share_an_actor(frame):
    y, groups = frame["label"].to_numpy(), frame["actor"].to_numpy()
    folds = actor_folds(y, groups)
    assert len(folds) == 5
    for train, test in folds:
        assert not set(groups[train]) & set(groups[test])
    assert sorted(np.concatenate([t for _, t in folds]).tolist()) == list(range(len(y)))


def fake(frame, seed=0):
    rng = np.random.default_rng(seed)
    n = len(frame)
    a = rng.normal(size=(n, 16)).astype(np.float32)
    b = rng.normal(size=(n, 16)).astype(np.float32)
    a /= np.linalg.norm(a, axis=1, keepdims=True)
    b /= np.linalg.norm(b, axis=1, keepdims=True)
    return LabelledPairs(frame, PairBatch(list(frame["text_a"]), list(frame["text_b"]), a, b,
                                          frame["gap_days"].to_numpy()))


def test_cross_validation_is_reproducible_and_complete(frame):
    subset = frame[frame["actor"].isin(sorted(set(frame["actor"]))[:50])].reset_index(drop=True)
    data = fake(subset)
    first, second = cross_validate(data, n_splits=3), cross_validate(data, n_splits=3)
    assert first == second
    assert first["grouping"] == "actor" and first["n_pairs"] == len(subset)
    for key in ("model_argmax", "model_at_operating_point"):
        m = first[key]
        assert set(m["per_class"]) == {"full_flop", "half_flip", "no_flip"}
        assert {"macro_f1", "confusion_matrix", "reversal", "brier"} <= set(m)
        assert {"precision", "recall", "roc_auc", "ece"} <= set(m["reversal"])
    assert set(first["baselines"]) == {"cosine", "negation_flip", "cue_lr"}


def test_cross_validation_hands_out_the_out_of_fold_readings_it_scores(frame):
    """The readings given back are the ones the metrics come from: one per pair, the same ROC-AUC."""
    from sklearn.metrics import roc_auc_score

    subset = frame[frame["actor"].isin(sorted(set(frame["actor"]))[:50])].reset_index(drop=True)
    scores = {}
    result = cross_validate(fake(subset), n_splits=3, scores=scores)
    assert sorted(scores["pair_id"]) == sorted(subset["pair_id"])
    gold = subset.set_index("pair_id").loc[scores["pair_id"], "label"].to_numpy()
    auc = roc_auc_score(gold != "no_flip", scores["reversal"])
    assert round(auc, 4) == result["model_argmax"]["reversal"]["roc_auc"]
    assert set(scores["grade"]) <= {"full_flop", "half_flip", "no_flip"}


def test_operating_point_never_buys_precision_with_a_handful_of_flags():
    rev = np.array([1] * 6 + [1] * 94 + [0] * 100, dtype=bool)
    score = np.concatenate([np.linspace(0.99, 0.95, 6), np.linspace(0.9, 0.1, 194)])  # six sure ones, then noise
    score[6:] = np.random.default_rng(0).permutation(score[6:])
    op = operating_point(rev, score, target=0.9)
    assert op["recall"] >= 0.3 and op["threshold"] < 0.95


def test_operating_point_reaches_precision_when_possible():
    rev = np.array([True] * 10 + [False] * 10)
    score = np.r_[np.linspace(0.9, 0.6, 10), np.linspace(0.65, 0.1, 10)]
    op = operating_point(rev, score, target=0.9)
    assert op["target_met"] and op["precision"] >= 0.9 and op["recall"] >= 0.8
