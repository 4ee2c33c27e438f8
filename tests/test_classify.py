import json

import numpy as np
import pytest

from tracker.judge.model import META_FILE, WEIGHTS_FILE, Judge
from tracker.embed import Embedder
from tracker.judge.estimator import ReversalClassifier
from tracker.errors import ModelError
from tracker.judge.features import PairBatch, cue_counts, pair_features
from tracker.types import LABELS


def batch(n, seed=0, dim=8):
    rng = np.random.default_rng(seed)
    a = rng.normal(size=(n, dim)).astype(np.float32)
    a /= np.linalg.norm(a, axis=1, keepdims=True)
    flip = np.arange(n) % 2 == 0
    b = np.where(flip[:, None], -a, a) + rng.normal(scale=0.05, size=(n, dim)).astype(np.float32)
    b /= np.linalg.norm(b, axis=1, keepdims=True)
    texts_a = ["We will send troops." for _ in range(n)]
    texts_b = ["We will not send troops." if f else "We will send troops again." for f in flip]
    y = np.where(flip, "full_flop", "no_flip")
    return PairBatch(texts_a, texts_b, a, b, np.full(n, 30)), y


def test_classifier_follows_sklearn_conventions_and_learns():
    train, y = batch(80)
    test, yt = batch(40, seed=1)
    clf = ReversalClassifier()
    assert not hasattr(clf, "coef_")  # nothing learned in __init__
    assert clf.fit(pair_features(train), y) is clf
    proba = clf.predict_proba(pair_features(test))
    assert proba.shape == (40, 2) and np.allclose(proba.sum(axis=1), 1)
    assert (clf.predict(pair_features(test)) == yt).mean() > 0.9


def test_judge_roundtrip_and_three_columns(tmp_path):
    train, y = batch(60)
    judge = Judge(ReversalClassifier().fit(pair_features(train), y).head(), embedding_model="m", threshold=0.6, version="t")
    judge.save(tmp_path / "m")
    loaded = Judge.load(tmp_path / "m")
    assert (loaded.version, loaded.threshold, loaded.embedding_model) == ("t", 0.6, "m")
    np.testing.assert_allclose(loaded.predict_proba(train), judge.predict_proba(train))
    assert judge.predict_proba(train).shape == (60, len(LABELS))


def test_altered_weights_are_refused(tmp_path):
    train, y = batch(40)
    Judge(ReversalClassifier().fit(pair_features(train), y).head(), embedding_model="m").save(tmp_path / "m")
    with open(tmp_path / "m" / WEIGHTS_FILE, "ab") as fh:
        fh.write(b"x")
    with pytest.raises(ModelError, match="checksum mismatch"):
        Judge.load(tmp_path / "m")


def test_corrupt_or_missing_model(tmp_path):
    with pytest.raises(ModelError, match="no classifier here"):
        Judge.load(tmp_path)
    (tmp_path / WEIGHTS_FILE).write_bytes(b"junk")
    (tmp_path / META_FILE).write_text("{not json")
    with pytest.raises(ModelError, match="corrupt model metadata"):
        Judge.load(tmp_path)


def test_pickle_needs_trust(tmp_path):
    path = tmp_path / "model.pkl"
    path.write_bytes(b"\x80\x04not really a pickle")
    with pytest.raises(ModelError, match="refusing to unpickle"):
        Judge.load(path)


def test_shipped_model_loads_and_matches_card():
    judge = Judge.load()
    meta = json.loads((judge_dir() / META_FILE).read_text())
    assert judge.embedding_model == Embedder().model_id  # trained on the default encoder's vectors
    assert 0 < judge.threshold < 1 and meta["weights_sha256"]
    assert (judge_dir() / "MODEL_CARD.md").exists()


def judge_dir():
    from tracker.judge.model import SHIPPED_MODEL_DIR

    return SHIPPED_MODEL_DIR


def test_cue_counts_see_negation_and_refusal():
    counts = cue_counts(["We will not rule it out.", "Sure."])
    assert counts[0, 0] > 0 and counts[1].sum() == 0


def test_lowercased_cue_matching_equals_case_insensitive_matching_on_real_texts():
    import re
    from pathlib import Path

    import pandas as pd

    from tracker.judge.features import CUE_NAMES, CUES

    files = [Path("data/demo/statements.csv"), *sorted(Path("data/labelled/parts").glob("*_statements.csv"))]
    texts = [t for f in files for t in pd.read_csv(f, keep_default_na=False)["text"]]
    texts += ["WE WILL NOT RULE IT OUT.", "I Said It Was Obsolete. It's No Longer Obsolete?"]
    assert len(texts) > 700
    slow = np.log1p(np.array([[len(re.compile(CUES[n], re.I).findall(t)) for n in CUE_NAMES] for t in texts],
                             dtype=np.float32))
    np.testing.assert_array_equal(cue_counts(texts), slow)
    assert cue_counts(["WE WILL NOT RULE IT OUT."])[0, CUE_NAMES.index("refusal")] > 0
