"""The judge: pairs of statements in, reversal probabilities out. Knows no SQL and no files
beyond its own saved weights (arrays + JSON, never pickle)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import softmax
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler

from tracker.errors import ModelError
from tracker.features import FEATURE_VERSION, PairBatch, pair_features
from tracker.types import LABELS

WEIGHTS_FILE = "weights.npz"
META_FILE = "model.json"
CARD_FILE = "MODEL_CARD.md"
SHIPPED_MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "reversal"
DEFAULT_THRESHOLD = 0.5


class ReversalClassifier(ClassifierMixin, BaseEstimator):
    """Scaled logistic regression over pair features, temperature-calibrated on held-out folds."""

    def __init__(self, C: float = 0.05, class_weight: str | None = "balanced", calibrate: bool = True,
                 random_state: int = 0):
        self.C = C
        self.class_weight = class_weight
        self.calibrate = calibrate
        self.random_state = random_state

    def _fit_lr(self, X, y):
        scaler = StandardScaler().fit(X)
        lr = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=5000)
        lr.fit(scaler.transform(X), y)
        return scaler, lr

    def fit(self, X: np.ndarray, y) -> "ReversalClassifier":
        y = np.asarray(y)
        unknown = set(y) - set(LABELS)
        if unknown:
            raise ValueError(f"unknown labels: {sorted(unknown)}")
        self.classes_ = np.array([c for c in LABELS if c in set(y)])
        scaler, lr = self._fit_lr(X, y)
        self.mean_, self.scale_ = scaler.mean_.astype(np.float64), scaler.scale_.astype(np.float64)
        self.coef_, self.intercept_ = lr.coef_.copy(), lr.intercept_.copy()
        self.lr_classes_ = lr.classes_.copy()
        self.temperature_ = 1.0
        if self.calibrate and len(y) >= 30:
            self.temperature_ = self._fit_temperature(X, y)
        return self

    def _fit_temperature(self, X, y) -> float:
        """One temperature fitted to out-of-fold logits: fixes over-confidence, keeps the ranking."""
        n_splits = int(min(5, np.bincount(np.unique(y, return_inverse=True)[1]).min()))
        if n_splits < 2:
            return 1.0
        logits = np.zeros((len(y), len(self.lr_classes_)))
        for train, test in StratifiedKFold(n_splits, shuffle=True, random_state=self.random_state).split(X, y):
            scaler, lr = self._fit_lr(X[train], y[train])
            if list(lr.classes_) != list(self.lr_classes_):
                return 1.0
            logits[test] = self._logits(scaler.transform(X[test]), lr.coef_, lr.intercept_)
        index = {c: i for i, c in enumerate(self.lr_classes_)}
        target = np.array([index[c] for c in y])

        def nll(t):
            p = softmax(logits / t, axis=1)
            return -np.mean(np.log(p[np.arange(len(y)), target] + 1e-12))

        return float(minimize_scalar(nll, bounds=(0.05, 20), method="bounded").x)

    @staticmethod
    def _logits(Z, coef, intercept):
        logits = Z @ coef.T + intercept
        if coef.shape[0] == 1:  # binary LogisticRegression keeps one row
            logits = np.hstack([-logits, logits]) / 2
        return logits

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Columns in the order of self.classes_ (full_flop, half_flip, no_flip where present)."""
        Z = (np.asarray(X, dtype=np.float64) - self.mean_) / self.scale_
        p = softmax(self._logits(Z, self.coef_, self.intercept_) / self.temperature_, axis=1)
        order = [list(self.lr_classes_).index(c) for c in self.classes_]
        return p[:, order]

    def predict(self, X: np.ndarray) -> np.ndarray:
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


class Judge:
    """A trained classifier plus what it needs to be applied: feature version, embedding model, threshold."""

    def __init__(self, classifier: ReversalClassifier, *, embedding_model: str, threshold: float = DEFAULT_THRESHOLD,
                 version: str = "dev", metadata: dict | None = None):
        self.classifier = classifier
        self.embedding_model = embedding_model
        self.threshold = threshold
        self.version = version
        self.metadata = metadata or {}

    def predict_proba(self, batch: PairBatch) -> np.ndarray:
        """(n, 3) probabilities in LABELS order: full_flop, half_flip, no_flip."""
        if len(batch) == 0:
            return np.zeros((0, len(LABELS)))
        X = pair_features(batch)
        if X.shape[1] != self.classifier.mean_.shape[0]:
            raise ModelError(
                f"classifier {self.version} expects {self.classifier.mean_.shape[0]} features, got {X.shape[1]}: "
                f"it was trained on embeddings of {self.embedding_model}; retrain with `tracker train --model ...`"
            )
        proba = self.classifier.predict_proba(X)
        full = np.zeros((len(batch), len(LABELS)))
        for j, c in enumerate(self.classifier.classes_):
            full[:, LABELS.index(c)] = proba[:, j]
        return full

    # -- persistence: arrays + JSON, hash-checked --------------------------------
    def save(self, directory: str | Path, *, extra: dict | None = None) -> Path:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        c = self.classifier
        np.savez(directory / WEIGHTS_FILE, mean=c.mean_, scale=c.scale_, coef=c.coef_, intercept=c.intercept_)
        meta = {
            "format": "tracker-reversal-classifier/1",
            "version": self.version,
            "feature_version": FEATURE_VERSION,
            "embedding_model": self.embedding_model,
            "classes": list(map(str, c.classes_)),
            "lr_classes": list(map(str, c.lr_classes_)),
            "temperature": c.temperature_,
            "threshold": self.threshold,
            "params": c.get_params(),
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
        clf = ReversalClassifier(**meta.get("params", {}))
        clf.mean_, clf.scale_, clf.coef_, clf.intercept_ = (arrays[k] for k in ("mean", "scale", "coef", "intercept"))
        clf.classes_ = np.array(meta["classes"])
        clf.lr_classes_ = np.array(meta["lr_classes"])
        clf.temperature_ = float(meta.get("temperature", 1.0))
        known = {"format", "version", "feature_version", "embedding_model", "classes", "lr_classes", "temperature",
                 "threshold", "params", "weights_sha256"}
        return cls(clf, embedding_model=meta["embedding_model"], threshold=float(meta.get("threshold", DEFAULT_THRESHOLD)),
                   version=meta.get("version", "unknown"), metadata={k: v for k, v in meta.items() if k not in known})


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
