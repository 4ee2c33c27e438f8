"""Would a pair model trained on stance alone read stance better than the shipped mixed one?

Stage 1 from the bundled MiniLM-L6 on (claim or topic, statement) rows only (Perspectrum claim ->
perspective, ArgKP topic -> argument; about 11.8k rows, one epoch, about 6 minutes on 2 CPU cores),
then its stance view (P(agree) - P(oppose) of each statement toward the topic: their gap and product)
is compared with the shipped model's: on the contrast set (never trained on), and as head features
in actor-grouped CV over the dev actors (the frozen test actors are not read).

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/stance_only_model.py --work build/stanceonly
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from tracker.embed import Embedder
from tracker.judge.corpora import build_pair_table
from tracker.judge.estimator import ReversalClassifier
from tracker.judge.evaluate import contrast_batch, load_contrast
from tracker.judge.features import pair_features, pair_model_features
from tracker.judge.model import decide
from tracker.judge.pairmodel import PairModel, export_onnx, fit_pair_model
from tracker.judge.train import (LabelledPairs, add_pair_model, cross_validate, embed_pairs, frozen_test_mask,
                                 load_labelled)

STANCE_MIX = {("perspectrum", "stance"): 0.5, ("argkp", "stance"): 0.5}


def stance_view(model: PairModel, batch) -> np.ndarray:
    """The stance columns (gap, product) of what `model` reads of each pair, as the judge computes them."""
    return pair_model_features(model, batch)[:, 3:]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", default="build/stanceonly")
    work = Path(ap.parse_args().work)
    if not (work / "onnx").exists():
        table = build_pair_table(size=18_000, mix=STANCE_MIX, seed=0)
        fit_pair_model(table[table["split"] == "train"], out_dir=work / "torch", epochs=1.0, seed=0, max_length=96)
        export_onnx(work / "torch", work / "onnx", quantize=True)
    emb, shipped, stance_model = Embedder(), PairModel("models/reversal/pair_model"), PairModel(work / "onnx")
    contrast = load_contrast()
    cb = contrast_batch(contrast, emb)
    crev = (contrast["label"] != "no_flip").to_numpy()
    c_new = stance_view(stance_model, cb)
    c_old = pair_model_features(shipped, cb)
    print(f"contrast ROC-AUC of the stance gap: stance-only model {roc_auc_score(crev, c_new[:, 0]):.3f}, "
          f"shipped model {roc_auc_score(crev, c_old[:, 3]):.3f}")
    print(pd.DataFrame({"kind": contrast["kind"], "stance-only gap": c_new[:, 0], "shipped gap": c_old[:, 3]})
          .groupby("kind").mean().round(2).to_string())
    frame = load_labelled()
    real = add_pair_model(embed_pairs(frame[~frozen_test_mask(frame)].reset_index(drop=True), emb), shipped)
    r_new = stance_view(stance_model, real.batch)
    rev = real.labels != "no_flip"
    print(f"\ndev real pairs ROC-AUC of the stance gap: stance-only {roc_auc_score(rev, r_new[:, 0]):.3f}, "
          f"shipped {roc_auc_score(rev, real.pair[:, 3]):.3f}\n")
    print("| head features | dev CV ROC-AUC | dev macro-F1 | dev P / R at threshold | contrast ROC-AUC | contrast accuracy |")
    print("|---|---|---|---|---|---|")
    cX = pair_features(cb)
    for name, extra, c_extra in (("shipped (cues + pair + stance view)", real.pair, c_old),
                                 ("shipped + stance-only view", np.hstack([real.pair, r_new]), np.hstack([c_old, c_new])),
                                 ("cues + pair (a,b) + stance-only view", np.hstack([real.pair[:, :3], r_new]),
                                  np.hstack([c_old[:, :3], c_new]))):
        data = LabelledPairs(real.frame, real.batch, pair=extra, pair_model=shipped)
        r = cross_validate(data)
        p = ReversalClassifier().fit(data.features(), data.labels).predict_proba(np.hstack([cX, c_extra]))
        m, op = r["model_argmax"], r["operating_point"]
        print(f"| {name} | {m['reversal']['roc_auc']:.3f} | {m['macro_f1']:.3f} | {op['precision']:.2f} / {op['recall']:.2f} | "
              f"{roc_auc_score(crev, p[:, 0] + p[:, 1]):.3f} | {np.mean((decide(p, op['threshold']) != 'no_flip') == crev):.3f} |")


if __name__ == "__main__":
    main()
