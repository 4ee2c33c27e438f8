"""The ONNX backends of the embedder: speed vs torch, vector agreement, and the classifier's CV metrics.

Backends compared on the same texts, in one process, all through tracker.embed.Embedder:
  torch       SentenceTransformer — the reference;
  onnx        the bundled all-MiniLM-L6-v2 exported to ONNX (tracker/embed_onnx.py), run with onnxruntime;
  onnx-int8   the same graph dynamically quantized to int8 with per-channel scales and a 7-bit range
              (the library default for the bundled model);
  onnx-int8-pt  for comparison only: quantize_dynamic's defaults (per-tensor scales, full 8-bit range).

Reported:
  * encode speed (N unique real quotes made unique with " (#i)", batch 64; backends interleaved over
    rounds, wall and process-CPU time) and the speed-up vs torch;
  * cosine(torch vector, backend vector) over the same texts: mean and min;
  * tracker.judge.train.cross_validate (actor-grouped 5-fold, seed 0) on data/labelled with each backend's
    embeddings: macro-F1 (argmax) and reversal ROC-AUC, and the deltas vs torch;
  * the rule: default-worthy if >= 1.5x faster AND |delta macro-F1| <= 0.01.

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/onnx_backend.py [--n 400]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from _common import ORIGIN_NOTE, machine, table, unique_texts


def per_tensor_int8(model_dir: Path) -> Path:
    """quantize_dynamic with its defaults, beside the library's own cached graphs."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from tracker.embed_onnx import _quiet, onnx_model

    fp32 = onnx_model(model_dir, quantized=False)
    target = fp32.with_name("model_int8_per_tensor.onnx")
    if not target.exists():
        with _quiet():
            quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8)
    return target


def cv_metrics(frame, encode) -> dict:
    from tracker.judge.features import PairBatch
    from tracker.judge.train import LabelledPairs, cross_validate

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
    ap.add_argument("--n", type=int, default=400, help="unique texts for the speed test (default 400)")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()
    import onnxruntime
    import torch

    from tracker.embed import Embedder, resolve_model
    from tracker.embed_onnx import OnnxEncoder
    from tracker.judge.train import load_labelled

    print(f"machine: {machine()}, torch {torch.__version__} threads {torch.get_num_threads()}, "
          f"onnxruntime {onnxruntime.__version__}")
    print(ORIGIN_NOTE)
    embedders = {k: Embedder(backend=k, batch_size=args.batch_size) for k in ("torch", "onnx", "onnx-int8")}
    backends = {k: e.encode for k, e in embedders.items()}
    model_dir = Path(resolve_model(None)[1])
    pt = OnnxEncoder(model_dir, quantized=True, graph=per_tensor_int8(model_dir))
    backends["onnx-int8-pt"] = lambda t: pt.encode(t, args.batch_size)
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
    for k in names[1:]:  # the rule above
        sp = wall["torch"] / wall[k]
        d = abs(cv[k]["macro_f1"] - cv["torch"]["macro_f1"])
        verdict = "YES" if sp >= 1.5 and d <= 0.01 else "NO"
        print(f"{k}: >= 1.5x faster ({sp:.2f}x) and |Δ macro-F1| <= 0.01 ({d:.4f}) -> default-worthy: {verdict}; "
              f"operating point {cv[k]['op']} vs torch {cv['torch']['op']}")


if __name__ == "__main__":
    main()
