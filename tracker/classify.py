"""The judge: pairs of statements in, reversal probabilities out. Knows no SQL and no files
beyond its own saved weights (arrays + JSON, never pickle)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from dataclasses import dataclass, field

import numpy as np

from tracker.errors import ModelError
from tracker.features import FEATURE_VERSION, PairBatch, pair_features
from tracker.types import LABELS

WEIGHTS_FILE = "weights.npz"
META_FILE = "model.json"
CARD_FILE = "MODEL_CARD.md"
SHIPPED_MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "reversal"
DEFAULT_THRESHOLD = 0.5


def softmax(z: np.ndarray, axis: int = 1) -> np.ndarray:
    z = z - z.max(axis=axis, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


@dataclass
class LinearHead:
    """A fitted, temperature-scaled multinomial logistic regression as plain arrays."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    classes: np.ndarray
    lr_classes: np.ndarray
    temperature: float = 1.0
    params: dict = field(default_factory=dict)

    @staticmethod
    def logits(Z: np.ndarray, coef: np.ndarray, intercept: np.ndarray) -> np.ndarray:
        logits = Z @ coef.T + intercept
        if coef.shape[0] == 1:  # binary LogisticRegression keeps one row
            logits = np.hstack([-logits, logits]) / 2
        return logits

    @property
    def n_features(self) -> int:
        return int(self.mean.shape[0])

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Columns in the order of self.classes (full_flop, half_flip, no_flip where present)."""
        Z = (np.asarray(X, dtype=np.float64) - self.mean) / self.scale
        p = softmax(self.logits(Z, self.coef, self.intercept) / self.temperature, axis=1)
        return p[:, [list(self.lr_classes).index(c) for c in self.classes]]


class Judge:
    """A trained classifier plus what it needs to be applied: feature version, embedding model, threshold,
    and the NLI scorer (tracker/nli.py) if it was trained with one."""

    def __init__(self, head: LinearHead, *, embedding_model: str, threshold: float = DEFAULT_THRESHOLD,
                 version: str = "dev", metadata: dict | None = None, nli: str | None = None):
        self.head = head
        self.embedding_model = embedding_model
        self.threshold = threshold
        self.version = version
        self.metadata = metadata or {}
        self.nli = nli
        self.scorer = None  # loaded on first use; tests may set their own

    def __getstate__(self):
        state = dict(self.__dict__)
        state["scorer"] = None  # an ONNX session or a torch model does not travel to engine workers
        return state

    def load_scorer(self) -> None:
        """Load the NLI scorer now, so that a missing one stops a run before it has done any work."""
        if self.nli and self.scorer is None:
            from tracker.nli import load_scorer

            self.scorer = load_scorer(self.nli)

    def features(self, batch: PairBatch) -> np.ndarray:
        X = pair_features(batch)
        if not self.nli:
            return X
        from tracker.nli import nli_features

        self.load_scorer()
        return np.hstack([X, nli_features(self.scorer, batch.text_a, batch.text_b)])

    def predict_proba(self, batch: PairBatch) -> np.ndarray:
        """(n, 3) probabilities in LABELS order: full_flop, half_flip, no_flip."""
        if len(batch) == 0:
            return np.zeros((0, len(LABELS)))
        X = self.features(batch)
        if X.shape[1] != self.head.n_features:
            raise ModelError(
                f"classifier {self.version} expects {self.head.n_features} features, got {X.shape[1]}: "
                f"it was trained on embeddings of {self.embedding_model}; retrain with `tracker train --model ...`"
            )
        proba = self.head.predict_proba(X)
        full = np.zeros((len(batch), len(LABELS)))
        for j, c in enumerate(self.head.classes):
            full[:, LABELS.index(c)] = proba[:, j]
        return full

    # -- persistence: arrays + JSON, hash-checked --------------------------------
    def save(self, directory: str | Path, *, extra: dict | None = None) -> Path:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        h = self.head
        np.savez(directory / WEIGHTS_FILE, mean=h.mean, scale=h.scale, coef=h.coef, intercept=h.intercept)
        meta = {
            "format": "tracker-reversal-classifier/1",
            "version": self.version,
            "feature_version": FEATURE_VERSION,
            "embedding_model": self.embedding_model,
            "nli_model": self.nli,
            "classes": list(map(str, h.classes)),
            "lr_classes": list(map(str, h.lr_classes)),
            "temperature": h.temperature,
            "threshold": self.threshold,
            "params": h.params,
            "weights_sha256": _sha256(directory / WEIGHTS_FILE),
            **self.metadata,
            **(extra or {}),
        }
        (directory / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        return directory

    @classmethod
    def load(cls, directory: str | Path | None = None, *, trust: bool = False) -> "Judge":
        directory = Path(directory) if directory else SHIPPED_MODEL_DIR
        if directory.is_file() and directory.suffix.lower() in (".pkl", ".pickle", ".joblib"):
            if not trust:
                raise ModelError(f"{directory}: refusing to unpickle a model file (it can run code); "
                                 "pass --trust only if you made this file yourself")
            import joblib

            obj = joblib.load(directory)
            if not isinstance(obj, Judge):
                raise ModelError(f"{directory}: does not hold a tracker Judge")
            return obj
        meta_path, weights_path = directory / META_FILE, directory / WEIGHTS_FILE
        if not meta_path.exists() or not weights_path.exists():
            raise ModelError(f"{directory}: no classifier here (expected {META_FILE} and {WEIGHTS_FILE}); "
                             "run `tracker train` to build one")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ModelError(f"{meta_path}: corrupt model metadata: {exc}") from None
        if meta.get("format") != "tracker-reversal-classifier/1":
            raise ModelError(f"{meta_path}: unknown model format {meta.get('format')!r}")
        digest = _sha256(weights_path)
        if digest != meta.get("weights_sha256"):
            raise ModelError(f"{weights_path}: checksum mismatch (file corrupt or altered); "
                             f"expected {meta.get('weights_sha256')}, got {digest}")
        if meta.get("feature_version") != FEATURE_VERSION:
            raise ModelError(f"{directory}: trained with features {meta.get('feature_version')}, "
                             f"this tracker computes {FEATURE_VERSION}; retrain with `tracker train`")
        try:
            with np.load(weights_path, allow_pickle=False) as w:
                arrays = {k: w[k] for k in ("mean", "scale", "coef", "intercept")}
        except Exception as exc:
            raise ModelError(f"{weights_path}: cannot read weights: {exc}") from None
        head = LinearHead(arrays["mean"], arrays["scale"], arrays["coef"], arrays["intercept"],
                          np.array(meta["classes"]), np.array(meta["lr_classes"]), float(meta.get("temperature", 1.0)),
                          meta.get("params", {}))
        known = {"format", "version", "feature_version", "embedding_model", "nli_model", "classes", "lr_classes",
                 "temperature", "threshold", "params", "weights_sha256"}
        return cls(head, embedding_model=meta["embedding_model"], threshold=float(meta.get("threshold", DEFAULT_THRESHOLD)),
                   version=meta.get("version", "unknown"), metadata={k: v for k, v in meta.items() if k not in known},
                   nli=meta.get("nli_model"))


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
