"""The encoder backends: what the shared model id promises, and what makes a small run cheap."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tracker.embed import Embedder, resolve_model
from tracker.embed_onnx import _source_key, check_mean_pooled
from tracker.errors import ModelError

TEXTS = ["You have my assurance, and I'm president.", "We'll let you know that, maybe later today.",
         "Nuclear power is a bridge technology.", "word " * 400, "No."]


def test_fp32_onnx_gives_torchs_vectors_so_they_share_a_model_id():
    torch_v = Embedder(backend="torch").encode(TEXTS)
    onnx = Embedder(backend="onnx")
    assert onnx.model_id == Embedder(backend="torch").model_id
    cos = np.sum(onnx.encode(TEXTS) * torch_v, axis=1)
    assert cos.min() > 0.9999, cos  # the over-long text included: truncated at the same 256 tokens


def test_int8_vectors_are_close_but_recorded_under_their_own_id():
    fp32, int8 = Embedder(backend="onnx"), Embedder(backend="onnx-int8")
    assert int8.model_id != fp32.model_id and int8.model_id.endswith("#onnx-int8")
    a, b = fp32.encode(TEXTS), int8.encode(TEXTS)
    assert np.allclose(np.linalg.norm(b, axis=1), 1, atol=1e-5)
    cos = np.sum(a * b, axis=1)
    assert 0.95 < cos.min() < 1 - 1e-6, cos  # quantized: close, not identical


def test_int8_vector_depends_on_the_text_alone():
    """Cached vectors must not depend on what else was embedded in the same call (engines partition)."""
    int8 = Embedder(backend="onnx-int8")
    together = int8.encode(TEXTS)
    alone = np.vstack([int8.encode([t]) for t in TEXTS])
    assert np.array_equal(together, alone)


def test_backend_defaults_and_errors(monkeypatch):
    monkeypatch.delenv("TRACKER_BACKEND", raising=False)
    assert Embedder().model_id.endswith("#onnx-int8")  # the bundled model runs on int8 ONNX
    assert Embedder("someone/other-model").model_id == "someone/other-model"  # others on torch
    with pytest.raises(ModelError, match="unknown backend"):
        _ = Embedder(backend="tpu").model_id
    with pytest.raises(ModelError, match="local model folder"):
        Embedder("someone/other-model", backend="onnx").load()


def test_onnx_refuses_models_it_cannot_reproduce(tmp_path):
    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "modules.json").write_text(json.dumps(
        [{"type": "sentence_transformers.models.Transformer"}, {"type": "sentence_transformers.models.Pooling"}]))
    (tmp_path / "1_Pooling" / "config.json").write_text(json.dumps({"pooling_mode_cls_token": True}))
    with pytest.raises(ModelError, match="mean-pooled"):
        check_mean_pooled(tmp_path)
    assert check_mean_pooled(Path(resolve_model(None)[1])) == 256


def test_exported_graph_is_keyed_by_the_weights_bytes_not_their_mtimes(tmp_path):
    import os
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        d.mkdir()
        (d / "model.safetensors").write_bytes(b"weights")
        (d / "config.json").write_text("{}")
    os.utime(b / "model.safetensors", (1, 1))
    assert _source_key(a, quantized=True) == _source_key(b, quantized=True)
    assert _source_key(a, quantized=True) != _source_key(a, quantized=False)
    (b / "model.safetensors").write_bytes(b"weightz")
    assert _source_key(a, quantized=True) != _source_key(b, quantized=True)


def test_default_encoder_does_not_import_torch():
    Embedder().encode(["warm the export cache"])  # the export itself needs torch, once
    code = ("import sys; from tracker.embed import Embedder; Embedder().encode(['a statement']); "
            "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stderr
