"""Which of the pair model's views earn their cost, and would more real pairs help? Dev actors only (the
frozen test actors are never read).

Actor-grouped 5-fold cross-validation of the head over: the cue features alone (the previous judge);
cues + the pair model in one reading order; + both orders; + the stance view; the pair model's
features alone. The cost of each view is one pair-model call per pair (orders) or per statement (stance).
Then a learning curve: the same folds, each training fold cut to a share of its actors, for the cue-only
head and the head with the pair model.

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/judge_ablation.py --pair-model DIR
"""

from __future__ import annotations

import argparse


from tracker.embed import Embedder
from tracker.judge.pairmodel import PairModel
from sklearn.metrics import roc_auc_score

from tracker.judge.estimator import ReversalClassifier
from tracker.judge.train import (LabelledPairs, actor_folds, add_pair_model, cross_validate, embed_pairs,
                                 frozen_test_mask, load_labelled)

VIEWS = {  # columns of features.PAIR_MODEL_FEATURES[2]
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
    data = add_pair_model(embed_pairs(frame, Embedder()), PairModel(args.pair_model), orders=2)  # every view
    print("| features | ROC-AUC | macro-F1 | precision at operating point | recall there |")
    print("|---|---|---|---|---|")
    for name, cols in VIEWS.items():
        variant = LabelledPairs(data.frame, data.batch, pair=data.pair[:, cols] if cols else None)
        r = cross_validate(variant)
        m, op = r["model_argmax"], r["operating_point"]
        print(f"| {name} | {m['reversal']['roc_auc']:.3f} | {m['macro_f1']:.3f} | {op['precision']:.2f} | {op['recall']:.2f} |")
    learning_curve(data)



def learning_curve(data: LabelledPairs, shares=(0.25, 0.5, 0.75, 1.0), seeds=(0, 1, 2)) -> None:
    import numpy as np

    y, groups = data.labels, data.groups
    real = ~data.frame["synthetic"].to_numpy(dtype=bool)
    rev = y != "no_flip"
    print("\n| share of training actors | cue-only head ROC-AUC | head with pair model ROC-AUC |")
    print("|---|---|---|")
    for share in shares:
        aucs = {"cues": [], "pair": []}
        for seed in seeds:
            rng = np.random.default_rng(seed)
            score = {k: np.zeros(len(y)) for k in aucs}
            for train, test in actor_folds(y, groups):
                actors = sorted(set(groups[train]))
                keep = set(rng.permutation(actors)[: max(2, int(round(share * len(actors))))])
                tr = train[np.isin(groups[train], list(keep))]
                for k, X in (("cues", data.cheap_features()), ("pair", data.features())):
                    p = ReversalClassifier().fit(X[tr], y[tr]).predict_proba(X[test])
                    score[k][test] = p[:, :-1].sum(axis=1) if p.shape[1] == 3 else p[:, 0]
            for k in aucs:
                aucs[k].append(roc_auc_score(rev[real], score[k][real]))
        print(f"| {share:.0%} | {np.mean(aucs['cues']):.3f} | {np.mean(aucs['pair']):.3f} |")


if __name__ == "__main__":
    main()
