"""Would more labelled pairs of the same kind reach the classifier targets? A learning curve says.

The shipped estimator on the shipped features, on exactly the actor-grouped folds of tracker evaluate;
in each fold only a random share of the TRAINING actors is kept (the test part never changes), five
draws per share. Out-of-fold reversal ROC-AUC and macro-F1 per share.

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/learning_curve.py
"""

from __future__ import annotations

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

from common import folds, load_frame
from tracker.embed import Embedder
from tracker.judge.estimator import ReversalClassifier
from tracker.judge.features import pair_features
from tracker.judge.train import embed_pairs
from tracker.types import LABELS

SHARES = (0.25, 0.5, 0.75, 1.0)
DRAWS = 5


def main() -> None:
    frame = load_frame()
    data = embed_pairs(frame, Embedder())
    X, y, groups = pair_features(data.batch), data.labels, data.groups
    rng = np.random.default_rng(0)
    print(f"{len(y)} pairs, {len(set(groups))} actors, embeddings {Embedder().model_id}\n")
    print("| share of training actors | draws | rev ROC-AUC (mean ± sd) | macro-F1 (mean ± sd) |\n|---|---|---|---|")
    for share in SHARES:
        aucs, f1s = [], []
        for _ in range(DRAWS if share < 1 else 1):
            oof = np.zeros((len(y), len(LABELS)))
            for train, test in folds(frame):
                actors = np.unique(groups[train])
                keep = rng.choice(actors, max(2, int(round(len(actors) * share))), replace=False)
                train = train[np.isin(groups[train], keep)]
                clf = ReversalClassifier(random_state=0).fit(X[train], y[train])
                proba = clf.predict_proba(X[test])
                for j, c in enumerate(clf.classes_):
                    oof[test, LABELS.index(c)] = proba[:, j]
            aucs.append(roc_auc_score(y != "no_flip", oof[:, 0] + oof[:, 1]))
            f1s.append(f1_score(y, np.array(LABELS)[oof.argmax(axis=1)], average="macro"))
        print(f"| {share:.2f} | {len(aucs)} | {np.mean(aucs):.3f} ± {np.std(aucs):.3f} | "
              f"{np.mean(f1s):.3f} ± {np.std(f1s):.3f} |")


if __name__ == "__main__":
    main()
