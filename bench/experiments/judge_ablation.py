"""Which of the pair model's views earn their cost? Dev actors only (the frozen test actors are never read).

Actor-grouped 5-fold cross-validation of the head over: the cue features alone (the previous judge);
cues + the pair model in one reading order; + both orders; + the stance view; the pair model's
features alone. The cost of each view is one pair-model call per pair (orders) or per statement (stance).

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/judge_ablation.py --pair-model DIR
"""

from __future__ import annotations

import argparse


from tracker.embed import Embedder
from tracker.judge.pairmodel import PairModel
from tracker.judge.train import LabelledPairs, add_pair_model, cross_validate, embed_pairs, frozen_test_mask, load_labelled

VIEWS = {  # columns of features.PAIR_MODEL_FEATURES
    "cues only": [],
    "cues + pair (a,b)": [0, 1, 2],
    "cues + pair (a,b) + (b,a)": [0, 1, 2, 3, 4, 5, 6],
    "cues + pair both orders + stance": list(range(9)),
    "cues + pair (a,b) + stance": [0, 1, 2, 7, 8],
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pair-model", required=True)
    args = ap.parse_args()
    frame = load_labelled()
    frame = frame[~frozen_test_mask(frame)].reset_index(drop=True)
    data = add_pair_model(embed_pairs(frame, Embedder()), PairModel(args.pair_model))
    print("| features | ROC-AUC | macro-F1 | precision at operating point | recall there |")
    print("|---|---|---|---|---|")
    for name, cols in VIEWS.items():
        variant = LabelledPairs(data.frame, data.batch, pair=data.pair[:, cols] if cols else None)
        r = cross_validate(variant)
        m, op = r["model_argmax"], r["operating_point"]
        print(f"| {name} | {m['reversal']['roc_auc']:.3f} | {m['macro_f1']:.3f} | {op['precision']:.2f} | {op['recall']:.2f} |")


if __name__ == "__main__":
    main()
