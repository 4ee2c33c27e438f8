"""An ONNX backend for the embedder: speed vs torch, vector agreement, and the classifier's CV metrics.

Backends compared on the same texts, in one process:
  torch       SentenceTransformer (the library's load_encoder) — the reference;
  onnx-fp32   the bundled all-MiniLM-L6-v2 exported offline to ONNX, run with onnxruntime;
  onnx-int8   the same graph, dynamically quantized to int8 (onnxruntime.quantization.quantize_dynamic,
              defaults: per-tensor scales, full 8-bit range);
  onnx-int8-pc  the same with per_channel=True, reduce_range=True (per-channel weight scales, 7-bit range:
              no u8s8 saturation on AVX2 CPUs without VNNI) — much closer to the fp32 vectors.
Export first tries sentence-transformers' own `SentenceTransformer(path, backend="onnx")` (and
`export_dynamic_quantized_onnx_model` for int8). With sentence-transformers 6.2 that path needs
optimum-onnx, whose latest release (0.1.0) requires transformers < 4.58 while sentence-transformers 6.2
requires transformers >= 5, so it cannot load here; the script then exports with torch.onnx.export
(TorchScript exporter, opset 17) and runs the graph with onnxruntime directly: the same tokenizer
(the ST model's, max_seq_length 256), attention-masked mean pooling and L2 normalisation as the ST
pipeline of this model.

Reported:
  * encode speed (N unique real quotes made unique with " (#i)", batch 64; backends interleaved over
    rounds, wall and process-CPU time) and the speed-up vs torch;
  * cosine(torch vector, backend vector) over the same texts: mean and min;
  * tracker.train.cross_validate (actor-grouped 5-fold, seed 0) on data/labelled with each backend's
    embeddings: macro-F1 (argmax) and reversal ROC-AUC, and the deltas vs torch;
  * the rule from the issue: default-worthy if >= 1.5x faster AND |delta macro-F1| <= 0.01.

onnxruntime / onnx are NOT project dependencies. Installing optimum-onnx[onnxruntime] into the project
venv would downgrade transformers 5.24 -> 4.57 (and huggingface_hub, tokenizers), breaking
sentence-transformers 6.2, so install only the two runtime packages beside it:
    .venv/bin/pip install --no-deps --target /tmp/onnx_site onnxruntime==1.32.0 onnx==1.23.2 flatbuffers ml_dtypes protobuf
Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/onnx_backend.py [--n 600] [--site /tmp/onnx_site] [--workdir /tmp/onnx_models]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

import numpy as np

from _common import ORIGIN_NOTE, machine, table, unique_texts


def export(workdir: Path, src: str) -> tuple[Path, Path, Path, str]:
    """(fp32 model.onnx, int8 model, int8 per-channel/reduce-range model, how it was exported); cached in workdir."""
    mdir = workdir / "minilm"
    fp32, int8 = mdir / "onnx" / "model.onnx", mdir / "onnx" / "model_qint8_avx2.onnx"
    int8pc = mdir / "onnx" / "model_qint8_pc_rr.onnx"
    how = "cached"
    if not fp32.exists():
        if mdir.exists():
            shutil.rmtree(mdir)
        shutil.copytree(src, mdir)
        try:
            from sentence_transformers import SentenceTransformer

            SentenceTransformer(str(mdir), backend="onnx", device="cpu").save_pretrained(str(mdir))
            how = "sentence-transformers backend='onnx' (optimum)"
        except Exception as exc:  # noqa: BLE001 - report why and fall back
            print(f"sentence-transformers ONNX export unavailable: {type(exc).__name__}: "
                  f"{str(exc).strip().splitlines()[-1][:200] if str(exc).strip() else ''}")
            torch_export(mdir, fp32)
            how = "torch.onnx.export (TorchScript exporter, opset 17)"
    if not int8.exists():
        try:
            from sentence_transformers import SentenceTransformer
            from sentence_transformers.backend import export_dynamic_quantized_onnx_model

            export_dynamic_quantized_onnx_model(SentenceTransformer(str(mdir), backend="onnx"), "avx2", str(mdir))
        except Exception as exc:  # noqa: BLE001
            print(f"sentence-transformers int8 export unavailable ({type(exc).__name__}); "
                  f"using onnxruntime.quantization.quantize_dynamic")
            from onnxruntime.quantization import QuantType, quantize_dynamic

            quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    if not int8pc.exists():
        from onnxruntime.quantization import QuantType, quantize_dynamic

        # per-channel weight scales + 7-bit range (avoids u8s8 saturation on AVX2 CPUs without VNNI)
        quantize_dynamic(str(fp32), str(int8pc), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True)
    return fp32, int8, int8pc, how


def torch_export(mdir: Path, target: Path) -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer

    model = AutoModel.from_pretrained(str(mdir), attn_implementation="eager").eval()
    tok = AutoTokenizer.from_pretrained(str(mdir))

    class Wrapped(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.m(input_ids=input_ids, attention_mask=attention_mask,
                          token_type_ids=token_type_ids).last_hidden_state

    enc = tok(["hello world", "a somewhat longer sentence for the export"], padding=True, return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    target.parent.mkdir(parents=True, exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(Wrapped(model), tuple(enc[k] for k in names), str(target), input_names=names,
                          output_names=["last_hidden_state"], opset_version=17, dynamo=False,
                          dynamic_axes={k: {0: "batch", 1: "seq"} for k in names + ["last_hidden_state"]})


class OrtEncoder:
    """Tokenize like the ST model, run the ONNX graph, mean-pool over the mask, L2-normalise."""

    def __init__(self, path: Path, st_model, threads: int):
        import onnxruntime as ort

        so = ort.SessionOptions()
        so.intra_op_num_threads = threads
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.tokenizer = st_model.tokenizer
        self.max_len = st_model.max_seq_length

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        order = np.argsort([-len(t) for t in texts], kind="stable")  # like ST: similar lengths batched together
        out = np.zeros((len(texts), 0), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            idx = order[start : start + batch_size]
            enc = self.tokenizer([texts[i] for i in idx], padding=True, truncation=True, max_length=self.max_len,
                                 return_tensors="np")
            feeds = {k: enc[k].astype(np.int64) for k in enc if k in self.inputs}
            hidden = self.session.run(None, feeds)[0]
            mask = enc["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            if out.shape[1] == 0:
                out = np.zeros((len(texts), pooled.shape[1]), dtype=np.float32)
            out[idx] = pooled
        return out


def cv_metrics(frame, encode) -> dict:
    from tracker.features import PairBatch
    from tracker.train import LabelledPairs, cross_validate

    texts = list(dict.fromkeys(list(frame["text_a"]) + list(frame["text_b"])))
    vecs = encode(texts)
    at = {t: i for i, t in enumerate(texts)}
    a = vecs[[at[t] for t in frame["text_a"]]]
    b = vecs[[at[t] for t in frame["text_b"]]]
    data = LabelledPairs(frame, PairBatch(list(frame["text_a"]), list(frame["text_b"]), a, b,
                                          frame["gap_days"].to_numpy()))
    r = cross_validate(data)
    return {"macro_f1": r["model_argmax"]["macro_f1"], "roc_auc": r["model_argmax"]["reversal"].get("roc_auc"),
            "op": r["operating_point"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=600, help="unique texts for the speed test (default 600)")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--site", default="/tmp/onnx_site", help="extra site folder holding onnxruntime + onnx")
    ap.add_argument("--workdir", default="/tmp/onnx_models", help="where the exported models are kept")
    args = ap.parse_args()
    if args.site and Path(args.site).is_dir():
        sys.path.append(args.site)  # appended, so the venv's own packages always win
    import onnxruntime
    import torch

    from tracker.embed import load_encoder, resolve_model
    from tracker.train import load_labelled

    print(f"machine: {machine()}, torch {torch.__version__} threads {torch.get_num_threads()}, "
          f"onnxruntime {onnxruntime.__version__}")
    print(ORIGIN_NOTE)
    st = load_encoder(None)
    fp32, int8, int8pc, how = export(Path(args.workdir), resolve_model(None)[1])
    print(f"export: {how}; fp32 {fp32.stat().st_size / 2**20:.0f} MiB, int8 {int8.stat().st_size / 2**20:.0f} MiB, "
          f"int8-pc {int8pc.stat().st_size / 2**20:.0f} MiB")
    threads = torch.get_num_threads()
    backends = {
        "torch": lambda t: np.asarray(st.encode(t, batch_size=args.batch_size, normalize_embeddings=True,
                                                convert_to_numpy=True, show_progress_bar=False), dtype=np.float32),
        "onnx-fp32": (lambda e: lambda t: e.encode(t, args.batch_size))(OrtEncoder(fp32, st, threads)),
        "onnx-int8": (lambda e: lambda t: e.encode(t, args.batch_size))(OrtEncoder(int8, st, threads)),
        "onnx-int8-pc": (lambda e: lambda t: e.encode(t, args.batch_size))(OrtEncoder(int8pc, st, threads)),
    }
    texts = unique_texts(args.n, seed=3)
    for f in backends.values():
        f(texts[:64])  # warm-up
    wall = {k: 0.0 for k in backends}
    cpu = {k: 0.0 for k in backends}
    vecs = {k: [] for k in backends}
    bounds = [round(i * args.n / args.rounds) for i in range(args.rounds + 1)]
    names = list(backends)
    for r in range(args.rounds):
        chunk = texts[bounds[r]:bounds[r + 1]]
        for k in (names if r % 2 == 0 else names[::-1]):  # alternate order against drift in machine load
            t0, c0 = time.perf_counter(), time.process_time()
            vecs[k].append(backends[k](chunk))
            wall[k] += time.perf_counter() - t0
            cpu[k] += time.process_time() - c0
    vecs = {k: np.vstack(v) for k, v in vecs.items()}

    print("\ncomputing actor-grouped CV with each backend's embeddings ...", flush=True)
    frame = load_labelled()
    cv = {k: cv_metrics(frame, f) for k, f in backends.items()}

    rows = []
    for k in names:
        cos = np.sum(vecs[k] * vecs["torch"], axis=1)
        rows.append([k, f"{wall[k]:.2f}", f"{args.n / wall[k]:.1f}", f"{wall['torch'] / wall[k]:.2f}x",
                     f"{cpu['torch'] / cpu[k]:.2f}x", f"{cos.mean():.5f}", f"{cos.min():.5f}",
                     f"{cv[k]['macro_f1']:.4f}", f"{cv[k]['macro_f1'] - cv['torch']['macro_f1']:+.4f}",
                     f"{cv[k]['roc_auc']:.4f}", f"{cv[k]['roc_auc'] - cv['torch']['roc_auc']:+.4f}"])
    print(f"\nN = {args.n} texts, batch {args.batch_size}, {args.rounds} interleaved rounds; CV on "
          f"{len(frame)} labelled pairs (actor-grouped 5-fold, seed 0)\n")
    print(table(rows, ["backend", "encode s", "texts/s", "speed-up (wall)", "speed-up (CPU)", "cos mean",
                       "cos min", "macro-F1", "Δ F1", "rev ROC-AUC", "Δ AUC"]))
    for k in names[1:]:
        sp = wall["torch"] / wall[k]
        d = abs(cv[k]["macro_f1"] - cv["torch"]["macro_f1"])
        verdict = "YES" if sp >= 1.5 and d <= 0.01 else "NO"
        print(f"{k}: >= 1.5x faster ({sp:.2f}x) and |Δ macro-F1| <= 0.01 ({d:.4f}) -> default-worthy: {verdict}; "
              f"operating point {cv[k]['op']} vs torch {cv['torch']['op']}")


if __name__ == "__main__":
    main()
