"""Would a bigger base encoder make a better pair model? Stage 1 from each base on the same public pairs
at a few sizes, then what each pair model buys: its own P(oppose) on the contrast set (zero-shot), and the
head over cues + its features in actor-grouped cross-validation on the dev actors (the frozen test actors
are never read).

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/base_model_curve.py \
          --base minilm=BUNDLED --base mpnet=/path/to/all-mpnet-base-v2 --sizes 2000 6000 --work build/basecurve

BUNDLED is the bundled all-MiniLM-L6-v2. Each (base, size) pair model is kept under --work and reused
when the script is run again. Prints one Markdown table.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from tracker.embed import Embedder
from tracker.judge.evaluate import contrast_batch, load_contrast
from tracker.judge.head import softmax
from tracker.judge.pairmodel import PairModel, bundled_encoder_path, export_onnx
from tracker.judge.train import add_pair_model, cross_validate, embed_pairs, frozen_test_mask, load_labelled
from tracker.judge.workflow import pretrain


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", action="append", required=True, help="NAME=PATH (PATH BUNDLED: the bundled MiniLM)")
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 6000])
    ap.add_argument("--work", default="build/basecurve")
    args = ap.parse_args()
    embedder = Embedder()
    frame = load_labelled()
    frame = frame[~frozen_test_mask(frame)].reset_index(drop=True)
    dev = embed_pairs(frame, embedder)
    contrast = load_contrast()
    batch = contrast_batch(contrast, embedder)
    reversal = (contrast["label"] != "no_flip").to_numpy()
    rows = []
    for spec in args.base:
        name, path = spec.split("=", 1)
        base = bundled_encoder_path() if path == "BUNDLED" else path
        for size in args.sizes:
            work = Path(args.work) / f"{name}_{size}"
            done = work / "result.json"
            if done.exists():
                rows.append(json.loads(done.read_text()))
                continue
            t0 = time.time()
            if (work / "onnx" / "pair_model.json").exists():
                model = PairModel(work / "onnx")
            elif (work / "torch" / "model.safetensors").exists() and not (work / "torch" / "checkpoint").exists():
                model = PairModel(export_onnx(work / "torch", work / "onnx"))  # trained; export only
            else:
                model = pretrain(work, base=base, size=size)
            seconds = time.time() - t0
            ab = softmax(model.logits(batch.text_a, batch.text_b))
            ba = softmax(model.logits(batch.text_b, batch.text_a))
            zero_shot = roc_auc_score(reversal, (ab[:, 0] + ba[:, 0]) / 2)
            cv = cross_validate(add_pair_model(dev, model))
            row = {"base": name, "size": size, "stage1_s": round(seconds), "contrast_auc_zero_shot": round(zero_shot, 3),
                   "dev_cv_auc": cv["model_argmax"]["reversal"]["roc_auc"], "dev_macro_f1": cv["model_argmax"]["macro_f1"]}
            done.write_text(json.dumps(row))
            rows.append(row)
            print(row, flush=True)
    print("\n| base | stage-1 pairs (table size) | stage-1 s | contrast ROC-AUC, P(oppose) alone | dev CV ROC-AUC, head | dev macro-F1 |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['base']} | {r['size']} | {r['stage1_s']} | {r['contrast_auc_zero_shot']:.3f} | "
              f"{r['dev_cv_auc']:.3f} | {r['dev_macro_f1']:.3f} |")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
