"""Which runtime makes the pair model fastest without making a pair's score depend on its batch-mates?

On the same real statement pairs, one run, side by side:
- int8 dynamic (shipped): one pair per call (dynamic int8 scales activations per call, so a batch would
  change each pair's score), intra-op threads = cores;
- the same graph, one pair per call, one thread per session, a session per core run from parallel threads;
- fp32, batches of 32 (its scores do not depend on the batch beyond float rounding);
- int8 static (QDQ, activation scales calibrated once on public pairs), batches of 32.
For each: pairs/s, the largest change of P(oppose) when the same pairs are scored in another batch order,
and ROC-AUC of P(oppose) on the contrast set against the fp32 graph's (what int8 costs).

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/pair_runtime.py --torch build/pairmodel/stage1 [--n 1500]
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tracker.judge.corpora import build_pair_table  # noqa: E402
from tracker.judge.evaluate import load_contrast  # noqa: E402
from tracker.judge.head import softmax  # noqa: E402
from tracker.judge.pairmodel import ONNX_FILE, PairModel, export_onnx  # noqa: E402


def real_pairs(n: int, seed: int = 0) -> tuple[list[str], list[str]]:
    st = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False)
                    for f in sorted(glob.glob(str(ROOT / "data/labelled/parts/*_statements.csv")))], ignore_index=True)
    rng = np.random.default_rng(seed)
    a, b = [], []
    for _, g in st.groupby("actor"):
        t = g["text"].tolist()
        for i in range(1, len(t)):
            a.append(t[i - 1])
            b.append(t[i])
    idx = rng.permutation(len(a))[:n]
    return [a[i] for i in idx], [b[i] for i in idx]


def static_int8(fp32_dir: Path, out_dir: Path) -> Path:
    """QDQ int8 with activation scales calibrated on 256 held-out public pairs."""
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(fp32_dir / "tokenizer.json"))
    tok.enable_truncation(96)
    table = build_pair_table(ROOT / "data/external", size=4000, seed=1)
    calib = table[table["split"] != "train"].head(256)

    class Reader(CalibrationDataReader):
        def __init__(self):
            self.rows = iter(range(len(calib)))

        def get_next(self):
            i = next(self.rows, None)
            if i is None:
                return None
            e = tok.encode(calib["text_a"].iloc[i], calib["text_b"].iloc[i])
            return {"input_ids": np.array([e.ids], dtype=np.int64),
                    "attention_mask": np.array([e.attention_mask], dtype=np.int64),
                    "token_type_ids": np.array([e.type_ids], dtype=np.int64)}

    out_dir.mkdir(parents=True, exist_ok=True)
    for f in ("tokenizer.json", "pair_model.json"):
        (out_dir / f).write_bytes((fp32_dir / f).read_bytes())
    quantize_static(str(fp32_dir / ONNX_FILE), str(out_dir / ONNX_FILE), Reader(), quant_format=QuantFormat.QDQ,
                    activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8, per_channel=True)
    return out_dir


def timed(fn, *args):
    t0 = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--torch", required=True, help="a trained pair model (safetensors) to export")
    ap.add_argument("--work", default="build/pair_runtime")
    ap.add_argument("--n", type=int, default=1500)
    args = ap.parse_args()
    work = Path(args.work)
    fp32 = work / "fp32"
    if not (fp32 / ONNX_FILE).exists():
        export_onnx(args.torch, fp32, quantize=False)
    dyn = work / "int8"
    if not (dyn / ONNX_FILE).exists():
        export_onnx(args.torch, dyn, quantize=True)
    qdq = work / "int8_static"
    if not (qdq / ONNX_FILE).exists():
        static_int8(fp32, qdq)
    a, b = real_pairs(args.n)
    rev = list(range(len(a)))[::-1]
    contrast = load_contrast()
    y = (contrast["label"] != "no_flip").to_numpy()
    cores = os.cpu_count() or 1

    def run(model, batch_size):
        return model.logits(a, b, batch_size=batch_size)

    rows = []
    fp32_model = PairModel(fp32)
    ref_contrast = softmax(fp32_model.logits(list(contrast["text_a"]), list(contrast["text_b"]), batch_size=32))[:, 0]
    variants = [("int8 dynamic, one pair per call (shipped)", PairModel(dyn), 1),
                ("fp32, batches of 32", fp32_model, 32),
                ("int8 static (QDQ), batches of 32", PairModel(qdq), 32)]
    for name, model, bs in variants:
        if "int8 dynamic" not in name:
            model.meta["int8"] = False  # allow batches: these graphs have no per-call activation scales
        model.logits(a[:8], b[:8], batch_size=bs)  # warm up
        out, secs = timed(run, model, bs)
        again = model.logits([a[i] for i in rev], [b[i] for i in rev], batch_size=bs)[rev]
        drift = float(np.abs(softmax(out)[:, 0] - softmax(again)[:, 0]).max())
        c = softmax(model.logits(list(contrast["text_a"]), list(contrast["text_b"]), batch_size=bs))[:, 0]
        rows.append((name, len(a) / secs, drift, roc_auc_score(y, c), float(np.abs(c - ref_contrast).mean())))
    # one pair per call, one single-threaded session per core, run from parallel threads
    sessions = [PairModel(dyn, threads=1) for _ in range(cores)]
    for s in sessions:
        s.logits(a[:2], b[:2])
    parts = np.array_split(np.arange(len(a)), cores)
    t0 = time.perf_counter()
    with ThreadPoolExecutor(cores) as pool:
        list(pool.map(lambda k: sessions[k].logits([a[i] for i in parts[k]], [b[i] for i in parts[k]]), range(cores)))
    rows.append((f"int8 dynamic, one pair per call, {cores} single-thread sessions", len(a) / (time.perf_counter() - t0),
                 0.0, rows[0][3], rows[0][4]))
    print(f"{len(a)} real statement pairs; {cores} cores\n")
    print("| runtime | pairs/s | max change of P(oppose) in another batch order | contrast ROC-AUC, P(oppose) | mean |Δ| vs fp32 on contrast |")
    print("|---|---|---|---|---|")
    for name, rate, drift, auc, delta in rows:
        print(f"| {name} | {rate:.0f} | {drift:.4f} | {auc:.3f} | {delta:.4f} |")


if __name__ == "__main__":
    main()
