"""ONNX backend for the embedder: the same vectors (fp32) or 2x cheaper ones (int8), without importing torch.

The graph is exported once from the model's own weights with torch.onnx (torch is installed anyway, as
sentence-transformers needs it) and cached on disk; after that, encoding needs only onnxruntime and
tokenizers, which is what makes a small incremental run cheap (no torch import, no model build).
sentence-transformers' own `backend="onnx"` is not used: it needs optimum-onnx, which conflicts with the
transformers 5 that sentence-transformers 6 requires (see docs/performance.md, section 2).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
import tempfile
import warnings
from pathlib import Path

import numpy as np

from tracker.errors import ModelError

BACKENDS = ("torch", "onnx", "onnx-int8")


def cache_root() -> Path:
    """Where tracker keeps what it derives from installed models: $TRACKER_CACHE, else ~/.cache/tracker."""
    return Path(os.environ.get("TRACKER_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "tracker"))


def cache_dir() -> Path:
    return cache_root() / "onnx"


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path}: {exc}") from None


def check_mean_pooled(model_dir: Path) -> int:
    """The ONNX path re-implements only Transformer → mean pooling → Normalize; anything else must use torch."""
    modules = [m.get("type", "") for m in _read_json(model_dir / "modules.json")]
    kinds = [m.rsplit(".", 1)[-1] for m in modules]
    pooling = _read_json(model_dir / "1_Pooling" / "config.json") if (model_dir / "1_Pooling").is_dir() else {}
    if kinds[:2] != ["Transformer", "Pooling"] or set(kinds[2:]) - {"Normalize"} or not pooling.get("pooling_mode_mean_tokens") \
            or any(pooling.get(k) for k in ("pooling_mode_cls_token", "pooling_mode_max_tokens",
                                            "pooling_mode_mean_sqrt_len_tokens")):
        raise ModelError(f"the ONNX backend supports mean-pooled sentence-transformers models only; {model_dir} has "
                         f"modules {kinds}; use --backend torch")
    return int(_read_json(model_dir / "sentence_bert_config.json").get("max_seq_length", 256))


def _source_key(model_dir: Path, quantized: bool) -> str:
    """Changes when the weights change, and only then: the exported graph is keyed by the files' bytes, so a
    reinstall or a fresh clone (new mtimes, same weights) reuses it instead of exporting another copy."""
    h = hashlib.sha256(b"tracker-onnx-2" + (b"-int8-pc-rr" if quantized else b"-fp32"))
    for f in sorted(model_dir.glob("*")):
        if f.is_file() and f.suffix in {".safetensors", ".bin", ".json", ".txt"}:
            h.update(f"{f.name}:{f.stat().st_size}:".encode())
            with f.open("rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
    return h.hexdigest()[:16]


def onnx_model(model_dir: Path, quantized: bool) -> Path:
    """The cached ONNX graph for this model, exported (and quantized) on first use."""
    target = cache_dir() / _source_key(model_dir, quantized) / ("model_int8.onnx" if quantized else "model.onnx")
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    fp32 = target if not quantized else onnx_model(model_dir, quantized=False)
    print(f"preparing the {'int8' if quantized else 'fp32'} ONNX encoder once: {target}", file=sys.stderr)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp, _quiet():
        tmp_path = Path(tmp) / target.name
        if quantized:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            # per-channel scales and a 7-bit range: no u8s8 saturation on AVX2 CPUs without VNNI,
            # vectors within cos 0.99 of fp32 (docs/performance.md, section 2)
            quantize_dynamic(str(fp32), str(tmp_path), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True)
        else:
            export_fp32(model_dir, tmp_path)
        os.replace(tmp_path, target)  # atomic: a concurrent or killed export never leaves half a file
    return target


@contextlib.contextmanager
def _quiet():
    """The exporter and quantizer warn about tracing details and pre-processing that do not apply here."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        root.setLevel(level)


def export_fp32(model_dir: Path, target: Path) -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer

    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()
    tok = AutoTokenizer.from_pretrained(str(model_dir))

    class LastHidden(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.m(input_ids=input_ids, attention_mask=attention_mask,
                          token_type_ids=token_type_ids).last_hidden_state

    enc = tok(["hello world", "a somewhat longer sentence for the export"], padding=True, return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    with torch.no_grad():
        torch.onnx.export(LastHidden(model), tuple(enc[k] for k in names), str(target), input_names=names,
                          output_names=["last_hidden_state"], opset_version=17, dynamo=False,
                          dynamic_axes={k: {0: "batch", 1: "seq"} for k in names + ["last_hidden_state"]})


class OnnxEncoder:
    """Tokenize like the sentence-transformers model, run the graph, mean-pool over the mask, L2-normalise."""

    def __init__(self, model_dir: str | Path, quantized: bool, threads: int | None = None, graph: Path | None = None):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_dir = Path(model_dir)
        if not (model_dir / "tokenizer.json").exists():
            raise ModelError(f"the ONNX backend needs a local model folder with tokenizer.json; {model_dir} has none; "
                             f"use --backend torch")
        max_len = check_mean_pooled(model_dir)
        path = graph or onnx_model(model_dir, quantized)
        opts = ort.SessionOptions()
        if threads:
            opts.intra_op_num_threads = threads
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        self.quantized = quantized
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=max_len)
        pad = _read_json(model_dir / "tokenizer_config.json").get("pad_token", "[PAD]")
        self.tokenizer.enable_padding(pad_id=self.tokenizer.token_to_id(pad) or 0, pad_token=pad)

    def encode(self, texts: list[str], batch_size: int = 64, show_progress: bool = False) -> np.ndarray:
        from tqdm.auto import tqdm

        if self.quantized:
            # Dynamic quantization scales activations per call: batched, a text's vector would depend on
            # its batch-mates (and so on ingest order, engine, partitioning). One text per call keeps each
            # vector a function of its text alone; without padding it costs little (bench/onnx_backend.py).
            batch_size = 1

        order = np.argsort([-len(t) for t in texts], kind="stable")  # similar lengths share a batch: less padding
        out: np.ndarray | None = None
        starts = range(0, len(texts), batch_size)
        for start in tqdm(starts, desc="embedding", unit="batch" if batch_size > 1 else "text", disable=not show_progress):
            idx = order[start:start + batch_size]
            enc = self.tokenizer.encode_batch([texts[i] for i in idx])
            feeds = {"input_ids": np.array([e.ids for e in enc], dtype=np.int64),
                     "attention_mask": np.array([e.attention_mask for e in enc], dtype=np.int64),
                     "token_type_ids": np.array([e.type_ids for e in enc], dtype=np.int64)}
            hidden = self.session.run(None, {k: v for k, v in feeds.items() if k in self.inputs})[0]
            mask = feeds["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            if out is None:
                out = np.zeros((len(texts), pooled.shape[1]), dtype=np.float32)
            out[idx] = pooled
        return out if out is not None else np.zeros((0, 0), dtype=np.float32)
