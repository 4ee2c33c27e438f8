"""The estimator tracker/classify.py shipped when this study started (ReversalClassifier), copied here so the
experiments do not move when the project code is refactored: scaled LogisticRegression (class_weight
balanced) + one softmax temperature fitted on inner stratified 5-fold out-of-fold logits."""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import softmax
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler

LABELS = ("full_flop", "half_flip", "no_flip")


class ReversalClassifier:
    def __init__(self, C: float = 0.05, class_weight: str | None = "balanced", calibrate: bool = True,
                 random_state: int = 0):
        self.C, self.class_weight, self.calibrate, self.random_state = C, class_weight, calibrate, random_state

    def _fit_lr(self, X, y):
        scaler = StandardScaler().fit(X)
        lr = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=5000)
        lr.fit(scaler.transform(X), y)
        return scaler, lr

    def fit(self, X, y):
        y = np.asarray(y)
        self.classes_ = np.array([c for c in LABELS if c in set(y)])
        scaler, lr = self._fit_lr(X, y)
        self.mean_, self.scale_ = scaler.mean_, scaler.scale_
        self.coef_, self.intercept_, self.lr_classes_ = lr.coef_.copy(), lr.intercept_.copy(), lr.classes_.copy()
        self.temperature_ = self._fit_temperature(X, y) if self.calibrate and len(y) >= 30 else 1.0
        return self

    def _fit_temperature(self, X, y) -> float:
        n_splits = int(min(5, np.bincount(np.unique(y, return_inverse=True)[1]).min()))
        if n_splits < 2:
            return 1.0
        logits = np.zeros((len(y), len(self.lr_classes_)))
        for tr, te in StratifiedKFold(n_splits, shuffle=True, random_state=self.random_state).split(X, y):
            scaler, lr = self._fit_lr(X[tr], y[tr])
            if list(lr.classes_) != list(self.lr_classes_):
                return 1.0
            logits[te] = scaler.transform(X[te]) @ lr.coef_.T + lr.intercept_
        target = np.array([list(self.lr_classes_).index(c) for c in y])

        def nll(t):
            p = softmax(logits / t, axis=1)
            return -np.mean(np.log(p[np.arange(len(y)), target] + 1e-12))

        return float(minimize_scalar(nll, bounds=(0.05, 20), method="bounded").x)

    def predict_proba(self, X):
        Z = (np.asarray(X, dtype=np.float64) - self.mean_) / self.scale_
        p = softmax((Z @ self.coef_.T + self.intercept_) / self.temperature_, axis=1)
        return p[:, [list(self.lr_classes_).index(c) for c in self.classes_]]
