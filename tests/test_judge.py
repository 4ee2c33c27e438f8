"""The judge's parts: public corpora, the pair model's two stages, the cascade, and its weights key."""

import json
import shutil

import numpy as np
import pytest

from conftest import ROOT
from tracker.errors import InputError, ModelError
from tracker.judge.corpora import EXTERNAL_DIR, PAIR_LABELS, build_pair_table, verify
from tracker.judge.estimator import ReversalClassifier
from tracker.judge.features import PairBatch, pair_features
from tracker.judge.model import Judge, decide, select_reads


def test_corpora_are_checked_against_the_manifest(tmp_path):
    manifest = verify()
    assert {e["corpus"] for e in manifest} == {"perspectrum", "argkp", "snli", "taxinli"}
    assert all(e["licence"] and len(e["commit"]) == 40 and len(e["sha256"]) == 64 for e in manifest)
    copy = tmp_path / "external"
    shutil.copytree(EXTERNAL_DIR, copy)
    target = copy / manifest[0]["file"]
    target.write_bytes(target.read_bytes() + b"\n")
    with pytest.raises(InputError, match="SHA-256"):
        verify(copy)


def test_pair_table_is_balanced_reproducible_and_keeps_held_out_groups_apart():
    table = build_pair_table(size=2000, seed=3)
    again = build_pair_table(size=2000, seed=3)
    assert table.equals(again)
    assert set(table["label"]) == set(PAIR_LABELS)
    assert set(table["task"]) == {"pair", "stance"}
    assert {"perspectrum", "argkp", "snli", "taxinli"} <= set(table["corpus"])
    train, held = table[table["split"] == "train"], table[table["split"] == "heldout"]
    assert len(held) > 0 and not set(train["group"]) & set(held["group"])


def test_decision_rule_grades_by_the_larger_reversal_class():
    proba = np.array([[0.5, 0.3, 0.2], [0.2, 0.5, 0.3], [0.3, 0.2, 0.5]])
    assert list(decide(proba, 0.6)) == ["full_flop", "half_flip", "no_flip"]


def test_read_budget_keeps_the_best_pairs_of_each_later_statement():
    score = np.array([0.9, 0.2, 0.8, 0.7, 0.95, 0.6])
    later = np.array([1, 1, 1, 1, 2, 2])
    assert list(select_reads(score, 0.5, later, 2)) == [0, 2, 4, 5]
    assert list(select_reads(score, 0.75, later, 1)) == [0, 4]
    assert list(select_reads(score, 0.5, None, 1)) == [0, 2, 3, 4, 5]


class FakePairModel:
    """Says 'oppose' exactly when the second text contains 'not'; counts what it reads."""

    directory = "fake"
    meta = {"base": "fake"}

    def __init__(self):
        self.read = 0

    def logits(self, a, b):
        self.read += len(a)
        return np.array([[4.0, 0.0, 0.0] if " not " in f" {y} " else [0.0, 4.0, 0.0] for y in b])

    def fingerprint(self):
        return "fake"

    def grade_proba(self, a, b):  # trained for the public pairs only
        return None


def pairs(n, seed=0):
    rng = np.random.default_rng(seed)
    v = rng.normal(size=(n, 8)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    flip = np.arange(n) % 2 == 0
    a = ["We will send troops." for _ in range(n)]
    b = ["We will not send troops." if f else "We will send more troops." for f in flip]
    return PairBatch(a, b, v, v, np.full(n, 30), topic=["troops"] * n), np.where(flip, "full_flop", "no_flip")


def make_judge(model, cutoff):
    from tracker.judge.features import pair_model_features

    batch, y = pairs(60)
    X = np.hstack([pair_features(batch), pair_model_features(model, batch)])
    head = ReversalClassifier().fit(X, y).head()
    cheap = ReversalClassifier().fit(pair_features(batch), y).head()
    return Judge(head, embedding_model="m", threshold=0.5, version="t", pair_model=model, cheap_head=cheap,
                 cascade_cutoff=cutoff)


def test_cascade_reads_only_pairs_above_the_cutoff_and_never_flags_the_rest():
    model = FakePairModel()
    judge = make_judge(model, cutoff=1.01)  # nothing reaches the cutoff
    batch, _ = pairs(20, seed=1)
    model.read = 0
    proba = judge.predict_proba(batch)
    assert model.read == 0 and judge.pairs_read == 0
    assert (decide(proba, judge.threshold) == "no_flip").all()
    full = make_judge(FakePairModel(), cutoff=0.0).predict_proba(batch)
    assert (decide(full, 0.5)[::2] == "full_flop").all()  # with the pair model reading, the flips are found


def test_the_shipped_pair_model_reads_a_pair_once_for_its_stance_and_its_grade():
    from tracker.judge.pairmodel import PairModel

    shipped = ROOT / "models" / "reversal" / "pair_model"
    model, fresh = PairModel(shipped), PairModel(shipped)
    a = ["We will build the bridge.", "I support the tax.", "We will build the bridge."]
    b = ["We will not build the bridge.", "I oppose the tax.", "We will not build the bridge."]
    calls, compute = [], model._compute
    model._compute = lambda x, y, **kw: calls.append(len(x)) or compute(x, y, **kw)
    stance, grade = model.logits(a, b), model.grade_proba(a, b)
    assert calls == [2]  # two distinct pairs, read once for both tasks
    assert np.array_equal(stance, fresh.logits(a, b)) and np.array_equal(grade, fresh.grade_proba(a, b))


def test_stored_verdicts_follow_the_weights_not_the_version():
    a, b = make_judge(FakePairModel(), 0.2), make_judge(FakePairModel(), 0.3)
    assert a.version == b.version and a.key != b.key
    assert a.key == make_judge(FakePairModel(), 0.2).key


@pytest.mark.slow  # two minutes on two cores; CI runs it (.ci/run)
def test_both_stages_train_save_and_load_on_a_tiny_sample(tmp_path):
    """The code path of `tracker train --pretrain`, on 64 public pairs and a fifth of the labelled ones."""
    from tracker.embed import Embedder
    from tracker.judge import workflow
    from tracker.judge.features import PAIR_MODEL_FEATURES
    from tracker.judge.train import load_labelled

    model = workflow.pretrain(tmp_path / "work", size=80, log=lambda m: None)
    assert (model.directory / "pair_model.onnx").exists()
    done = model.meta["grading_pass"]  # the pass over the textbook pairs, never more of them than public pairs
    assert (tmp_path / "work" / "graded" / "model.safetensors").exists()
    assert 0 < done["textbook_rows"] == done["replayed_public_rows"] <= 80 and done["epochs"] == workflow.GRADING_EPOCHS
    assert model.meta["trained_rows"] > done["textbook_rows"]  # the joint pass's rows, kept from stage 1
    graded = model.grade_proba(["We will build the bridge."], ["We will not build the bridge."])  # the second task
    assert model.grades and graded.shape == (1, 3) and np.allclose(graded.sum(axis=1), 1)
    grader = workflow.train_grader(tmp_path / "work", size=16, log=lambda m: None)  # stage 1b: one step
    assert grader.meta["trained_rows"] == 16 and not grader.reads_every_pair  # the word lists first
    assert {p.name for p in grader.directory.iterdir()} >= {"adapter_model.safetensors", "grader.json"}
    assert not (grader.directory / "checkpoint").exists()
    frame = load_labelled(ROOT / "data" / "labelled")
    frame = frame[frame["actor"].isin(sorted(set(frame["actor"]))[:30])].reset_index(drop=True)
    data = workflow.labelled_with_features(None, Embedder(), pair_model=model, frame=frame, grader=grader)
    assert data.pair.shape == (len(frame), len(PAIR_MODEL_FEATURES[1])) and np.isfinite(data.pair).all()
    judge = workflow.fit(data, embedder=Embedder(), out=tmp_path / "judge", version="tiny", data_dir=ROOT / "data",
                         log=lambda m: None)
    assert judge.pair_model is not None and judge.cascade_cutoff is not None and judge.grader is not None
    assert judge.positions is not None and np.allclose(judge.positions.sum(axis=1), 1)  # the explicit reading
    card = (tmp_path / "judge" / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "share-alike" in card.lower() and "Explicit positions" in card and "Grader (`judge/grader/`)" in card
    adapter = tmp_path / "judge" / "grader" / "adapter_model.safetensors"
    kept = adapter.read_bytes()
    adapter.write_bytes(kept[:-1] + b"\x00")
    with pytest.raises(ModelError, match="grader files differ"):
        Judge.load(tmp_path / "judge")
    adapter.write_bytes(kept)
    onnx = tmp_path / "judge" / "pair_model" / "pair_model.onnx"
    onnx.write_bytes(onnx.read_bytes()[:-1] + b"\x00")
    with pytest.raises(ModelError, match="checksums"):
        Judge.load(tmp_path / "judge")


def test_shipped_judge_reads_both_statements():
    judge = Judge.load()
    meta = json.loads((ROOT / "models" / "reversal" / "model.json").read_text())
    assert judge.pair_model is not None and meta["pair_model"]["files"]
    size = sum(p.stat().st_size for p in (ROOT / "models" / "reversal").rglob("*") if p.is_file())
    assert size < 30 * 2**20


def test_a_judge_that_reads_both_orders_loads_and_keeps_its_key(tmp_path):
    """Judges saved before one reading order became the default keep reading both, under their old key."""
    import json

    judge = Judge.load()
    judge.save(tmp_path / "j")
    meta_path = tmp_path / "j" / "model.json"
    meta = json.loads(meta_path.read_text())
    assert meta["pair_model"]["orders"] == judge.pair_orders
    del meta["pair_model"]["orders"]
    meta_path.write_text(json.dumps(meta))
    old = Judge.load(tmp_path / "j")
    assert old.pair_orders == 2 and old.key != judge.key


def test_each_row_trains_only_its_own_tasks_outputs():
    """A public pair moves the oppose / agree / neutral outputs only, a textbook pair the three grades only."""
    import torch

    from tracker.judge.pairmodel import _task_loss

    logits = torch.zeros(2, 6, requires_grad=True)
    _task_loss(logits, torch.tensor([0, 3])).backward()  # oppose; full_flop
    g = logits.grad
    assert g[0, 3:].abs().sum() == 0 and g[1, :3].abs().sum() == 0
    assert g[0, :3].abs().sum() > 0 and g[1, 3:].abs().sum() > 0


def test_a_bad_textbook_label_names_file_row_and_field(tmp_path):
    from tracker.errors import InputError
    from tracker.judge.corpora import graded_table

    (tmp_path / "good.csv").write_text("text_a,text_b,label\nWe will.,We won't.,full_flop\n")
    assert list(graded_table(tmp_path, sets=["good.csv"], repeat=2)["label"]) == ["full_flop"] * 2
    (tmp_path / "set.csv").write_text("text_a,text_b,label\nWe will.,We won't.,full_flop\nA.,B.,flip\n")
    with pytest.raises(InputError, match=r"set.csv: row 3: field 'label'"):
        graded_table(tmp_path, sets=["set.csv"])
