"""Does fine-tuning the pre-trained pair model on real pairs beat a head over its frozen features?

Development actors only (the frozen test actors are never read), 5 actor-grouped folds. Per fold the
stage-1 pair model is fine-tuned on the training fold's pairs (both reading orders; full_flop and
half_flip -> oppose, no_flip -> agree, no_flip of a different topic -> neutral) and scored on the
held-out fold: ROC-AUC of its mean P(oppose) over both orders, beside the shipped recipe (LR head over
cue features + frozen pair-model features) on the same folds.

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/pair_finetune_cv.py --stage1 build/pairmodel/stage1 [--epochs 2]
(--stage1 is the torch folder stage 1 leaves before ONNX export; CPU: about 2 minutes a fold.)
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from tracker.judge.head import softmax
from tracker.judge.pairmodel import PairModel, fit_pair_model
from tracker.judge.train import actor_folds, frozen_test_mask, load_labelled


def as_rows(frame: pd.DataFrame) -> pd.DataFrame:
    label = np.where(frame["label"] != "no_flip", "oppose",
                     np.where(frame["hard_case"] == "different_topic", "neutral", "agree"))
    ab = pd.DataFrame({"text_a": frame["text_a"], "text_b": frame["text_b"], "label": label})
    ba = pd.DataFrame({"text_a": frame["text_b"], "text_b": frame["text_a"], "label": label})
    return pd.concat([ab, ba], ignore_index=True).sample(frac=1.0, random_state=0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stage1", required=True)
    ap.add_argument("--epochs", type=float, default=2.0)
    args = ap.parse_args()
    frame = load_labelled()
    dev = frame[~frozen_test_mask(frame)].reset_index(drop=True)
    y = dev["label"].to_numpy()
    rev = y != "no_flip"
    score = np.zeros(len(dev))
    for k, (train, test) in enumerate(actor_folds(y, dev["actor"].to_numpy())):
        work = tempfile.mkdtemp(prefix=f"ft{k}-")
        fit_pair_model(as_rows(dev.iloc[train]), base=args.stage1, out_dir=work, epochs=args.epochs, batch_size=16,
                       lr=2e-5, max_length=96, progress=False)
        model = PairModel(work)
        a, b = list(dev["text_a"].iloc[test]), list(dev["text_b"].iloc[test])
        score[test] = (softmax(model.logits(a, b))[:, 0] + softmax(model.logits(b, a))[:, 0]) / 2
        print(f"fold {k}: AUC {roc_auc_score(rev[test], score[test]):.3f}", flush=True)
        shutil.rmtree(work)
    print(json.dumps({"n_pairs": int(len(dev)), "epochs": args.epochs,
                      "fine_tuned_pair_model_roc_auc": round(float(roc_auc_score(rev, score)), 4)}))


if __name__ == "__main__":
    main()
