"""How far careful readers agree with the real pairs' labels, beside the judge on the same pairs.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/label_agreement.py [dev|test]           # the stored readings
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/label_agreement.py [dev|test] --judge   # the judge's afresh

`label_agreement/dev/` holds a random sample of 120 development pairs, `label_agreement/test/` the 181 frozen test
pairs. Each folder has `items.csv` (item, pair_id), one `labels_*.csv` per reader (item, label, p_reversal: each
pair relabelled blind, from the two statements, their dates, contexts and the topic, with docs/annotation.md as
the guide) and `judge.csv` (pair_id, judge_rev, judge_label). The judge's reading of development pairs is its
out-of-fold one from actor-grouped 5-fold cross-validation on them, as `tracker evaluate` runs it; of test pairs,
that of the judge fitted on the development pairs, as `tracker evaluate` reads the frozen test actors (`--judge`
writes either again with the shipped pair model and grader, a few minutes here). It prints, for each reader and
for the judge against the gold: ROC-AUC of P(reversal), macro-F1 over the three grades, reversal precision /
recall, and Cohen's kappa; and the readers against each other.
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
from tracker.types import LABELS  # noqa: E402


def scores(gold: pd.Series, label: pd.Series, p_rev: pd.Series) -> dict:
    rev_true, rev_pred = gold != "no_flip", label != "no_flip"
    return {"roc_auc": roc_auc_score(rev_true, p_rev),
            "macro_f1": f1_score(gold, label, labels=list(LABELS), average="macro"),
            "precision": precision_score(rev_true, rev_pred), "recall": recall_score(rev_true, rev_pred),
            "kappa_3": cohen_kappa_score(gold, label), "kappa_rev": cohen_kappa_score(rev_true, rev_pred)}


def refresh_judge(folder: Path, split: str) -> None:
    """The shipped judge's recipe read on `split`'s pairs: out of fold on dev, fitted on dev for the test pairs."""
    from tracker.embed import Embedder
    from tracker.judge import workflow
    from tracker.judge.evaluate import fit_on_dev, held_out_proba
    from tracker.judge.train import cross_validate, frozen_test_mask

    embedder = Embedder(None)
    data = workflow.labelled_with_features("data/labelled", embedder, pair_model=workflow.pair_model_at(None),
                                           grader=workflow.grader_at(None))
    test = frozen_test_mask(data.frame)
    dev = data.subset(np.flatnonzero(~test))
    if split == "dev":
        oof = {}
        cross_validate(dev, scores=oof)
        ids, rev, grade = oof["pair_id"], oof["reversal"], oof["grade"]
    else:
        judge, _ = fit_on_dev(dev, embedding_model=embedder.model_id)
        held = data.subset(np.flatnonzero(test & ~data.frame["synthetic"].to_numpy()))
        proba = held_out_proba(judge, held)
        ids, rev, grade = held.frame["pair_id"].to_numpy(), proba[:, 0] + proba[:, 1], np.array(LABELS)[proba.argmax(1)]
    pd.DataFrame({"pair_id": ids, "judge_rev": rev, "judge_label": grade}).to_csv(folder / "judge.csv", index=False)


def main(folder: Path) -> None:
    items = pd.read_csv(folder / "items.csv")
    gold = load_labelled().set_index("pair_id")["label"]
    frame = items.assign(gold=items["pair_id"].map(gold))
    if frame["gold"].isna().any():
        missing = list(frame.loc[frame["gold"].isna(), "pair_id"])
        raise SystemExit(f"{folder / 'items.csv'}: field 'pair_id': not in data/labelled: {missing}")
    readers = {}
    for path in sorted(folder.glob("labels_*.csv")):
        labels = pd.read_csv(path).set_index("item")
        readers[path.stem.removeprefix("labels_")] = (frame["item"].map(labels["label"]),
                                                      frame["item"].map(labels["p_reversal"]))
    judge = pd.read_csv(folder / "judge.csv").set_index("pair_id")
    readers["judge"] = (frame["pair_id"].map(judge["judge_label"]), frame["pair_id"].map(judge["judge_rev"]))
    counts = frame["gold"].value_counts().to_dict()
    print(f"{folder.name}: {len(frame)} pairs, gold {counts}")
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
    if len(people) >= 2:  # the readers together: their mean P(reversal)
        p_mean = np.mean([readers[n][1] for n in people], axis=0)
        auc = roc_auc_score(frame["gold"] != "no_flip", p_mean)
        print(f"readers' mean P(reversal) against the gold: ROC-AUC {auc:.3f}")


if __name__ == "__main__":
    split = "test" if "test" in sys.argv[1:] else "dev"
    here = Path(__file__).with_name("label_agreement") / split
    if "--judge" in sys.argv:
        refresh_judge(here, split)
    main(here)
