"""How far a careful reader agrees with the real pairs' labels, beside the judge on the same pairs.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/label_agreement.py            # read the stored readings
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/label_agreement.py --judge    # refresh the judge's first

The folder holds `items.csv` (item, pair_id: a random sample of development pairs), one `labels_*.csv` per
reader (item, label, p_reversal: each pair relabelled blind, from the two statements, their dates, contexts and
the topic, with docs/annotation.md as the guide) and `judge_oof.csv` (pair_id, judge_rev, judge_label: the judge's
out-of-fold reading from actor-grouped 5-fold cross-validation on the development pairs, as `tracker evaluate`
runs it; `--judge` writes it again with the shipped pair model and grader, a few minutes here). It prints, for each reader and for the judge against the gold: ROC-AUC of P(reversal), macro-F1 over
the three grades, reversal precision / recall, and Cohen's kappa; and the readers against each other. Where
readers with world knowledge reach no higher than the judge's target, the target sits at the labels' own
agreement, not at what more model capacity could add.
"""

from __future__ import annotations

import sys
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score, f1_score, precision_score, recall_score, roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tracker.judge.train import load_labelled  # noqa: E402

LABELS = ["full_flop", "half_flip", "no_flip"]


def scores(gold: pd.Series, label: pd.Series, p_rev: pd.Series) -> dict:
    rev_true, rev_pred = gold != "no_flip", label != "no_flip"
    return {"roc_auc": roc_auc_score(rev_true, p_rev), "macro_f1": f1_score(gold, label, labels=LABELS, average="macro"),
            "precision": precision_score(rev_true, rev_pred), "recall": recall_score(rev_true, rev_pred),
            "kappa_3": cohen_kappa_score(gold, label), "kappa_rev": cohen_kappa_score(rev_true, rev_pred)}


def refresh_judge(folder: Path) -> None:
    """The shipped judge's recipe, cross-validated by actor on the development pairs: each pair's out-of-fold reading."""
    from tracker.embed import Embedder
    from tracker.judge import workflow
    from tracker.judge.train import cross_validate, frozen_test_mask

    data = workflow.labelled_with_features("data/labelled", Embedder(None), pair_model=workflow.pair_model_at(None),
                                           grader=workflow.grader_at(None))
    dev, scores = data.subset(np.flatnonzero(~frozen_test_mask(data.frame))), {}
    cross_validate(dev, scores=scores)
    pd.DataFrame({"pair_id": scores["pair_id"], "judge_rev": scores["reversal"],
                  "judge_label": scores["grade"]}).to_csv(folder / "judge_oof.csv", index=False)


def main(folder: Path) -> None:
    items = pd.read_csv(folder / "items.csv")
    gold = load_labelled().set_index("pair_id")["label"]
    frame = items.assign(gold=items["pair_id"].map(gold))
    if frame["gold"].isna().any():
        raise SystemExit(f"{folder / 'items.csv'}: pair ids not in data/labelled: {list(frame.loc[frame['gold'].isna(), 'pair_id'])}")
    readers = {}
    for path in sorted(folder.glob("labels_*.csv")):
        labels = pd.read_csv(path).set_index("item")
        readers[path.stem.removeprefix("labels_")] = (frame["item"].map(labels["label"]),
                                                      frame["item"].map(labels["p_reversal"]))
    judge = pd.read_csv(folder / "judge_oof.csv").set_index("pair_id")
    readers["judge"] = (frame["pair_id"].map(judge["judge_label"]), frame["pair_id"].map(judge["judge_rev"]))
    counts = frame["gold"].value_counts().to_dict()
    print(f"{len(frame)} development pairs, gold {counts}")
    print(f"{'reader':<10} {'ROC-AUC':>8} {'macro-F1':>9} {'P':>6} {'R':>6} {'kappa(3)':>9} {'kappa(rev)':>11}")
    for name, (label, p_rev) in readers.items():
        s = scores(frame["gold"], label, p_rev)
        print(f"{name:<10} {s['roc_auc']:>8.3f} {s['macro_f1']:>9.3f} {s['precision']:>6.2f} {s['recall']:>6.2f} "
              f"{s['kappa_3']:>9.3f} {s['kappa_rev']:>11.3f}")
    people = [n for n in readers if n != "judge"]
    for a, b in combinations(people, 2):
        la, lb = readers[a][0], readers[b][0]
        print(f"{a} against {b}: kappa(3) {cohen_kappa_score(la, lb):.3f}, "
              f"kappa(rev) {cohen_kappa_score(la != 'no_flip', lb != 'no_flip'):.3f}, "
              f"same grade {np.mean(la == lb):.3f}")
    if len(people) >= 2:  # the readers' mean P(reversal) and their agreed grade where they agree
        p_mean = np.mean([readers[n][1] for n in people], axis=0)
        print(f"readers' mean P(reversal) against the gold: ROC-AUC {roc_auc_score(frame['gold'] != 'no_flip', p_mean):.3f}")


if __name__ == "__main__":
    here = Path(__file__).with_name("label_agreement")
    if "--judge" in sys.argv:
        refresh_judge(here)
    main(here)
