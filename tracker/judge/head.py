"""A fitted linear head as plain arrays: what the judge applies with numpy alone."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


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
