"""The trainable estimator behind the judge (scikit-learn conventions: fit / predict_proba).

Kept apart from `classify` so that applying a trained judge needs numpy only: loading
scikit-learn and SciPy costs a cold process seconds that an incremental run should not pay.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize_scalar
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler

from tracker.judge.head import LinearHead, softmax
from tracker.types import LABELS


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
        return LinearHead.logits(Z, coef, intercept)

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Columns in the order of self.classes_ (full_flop, half_flip, no_flip where present)."""
        return self.head().predict_proba(X)

    def predict(self, X: np.ndarray) -> np.ndarray:
        return self.classes_[self.predict_proba(X).argmax(axis=1)]

    def head(self) -> LinearHead:
        """The fitted model as plain arrays, for the Judge to apply and save."""
        return LinearHead(self.mean_, self.scale_, self.coef_, self.intercept_, self.classes_, self.lr_classes_,
                          self.temperature_, self.get_params())
