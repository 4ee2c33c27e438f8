"""What do more real pairs buy? The same frozen test pairs, scored by judges fitted on two development sets.

A development set is a list of labelled parts (`data/labelled/parts/<part>_pairs.csv`); the frozen
test actors (`train.frozen_test_mask`) of every part are scored, never trained on. Each judge is fitted
and applied exactly as `tracker evaluate` fits and applies its test judge (`evaluate.fit_on_dev`,
`evaluate.held_out_proba`, cascade included).
ROC-AUC is reported on the test pairs of the original parts, of the added parts, and of all of them.

Each `--added` group is one batch of parts; the judges are fitted on the original parts, then with each
batch added in turn.

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/more_pairs.py \
          --added usnew,eunew,worldnew,orgnew --added usnew2,uknew2,worldnew2,orgnew2
"""

from __future__ import annotations

import argparse

import numpy as np
from sklearn.metrics import roc_auc_score

from tracker.embed import Embedder
from tracker.judge.evaluate import fit_on_dev, held_out_proba
from tracker.judge.model import decide
from tracker.judge.train import add_pair_model, embed_pairs, frozen_test_mask, load_labelled
from tracker.judge.workflow import pair_model_at


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--added", action="append", required=True,
                    help="a batch of parts (comma-separated) whose pairs are added; repeat for more batches")
    args = ap.parse_args()
    emb = Embedder()
    frame = load_labelled()
    data = add_pair_model(embed_pairs(frame, emb), pair_model_at(None))
    part = frame["pair_id"].str.split("-").str[0].to_numpy()
    batches = [b.split(",") for b in args.added]
    added = np.isin(part, [p for b in batches for p in b])
    test = frozen_test_mask(frame) & ~frame["synthetic"].to_numpy(dtype=bool)
    held = data.subset(np.flatnonzero(test))
    rev = held.labels != "no_flip"
    origin = added[test]
    print(f"test pairs: {int((~origin).sum())} of the original parts, {int(origin.sum())} of the added ones "
          f"({len(set(held.groups))} actors)\n")
    print("| development pairs | actors | dev CV ROC-AUC | test ROC-AUC: original parts | added parts | all | "
          "test P / R at threshold (all) |")
    print("|---|---|---|---|---|---|---|")
    rows = [("original parts", ~test & ~added)]
    for k in range(len(batches)):
        upto = np.isin(part, [p for b in batches[:k + 1] for p in b])
        rows.append((f"original + batches 1-{k + 1}" if k else "original + batch 1", ~test & (~added | upto)))
    for name, dev_mask in rows:
        dev = data.subset(np.flatnonzero(dev_mask))
        judge, cv = fit_on_dev(dev, embedding_model=emb.model_id)
        proba = held_out_proba(judge, held)
        score = proba[:, 0] + proba[:, 1]
        flagged = decide(proba, judge.threshold) != "no_flip"
        auc = lambda m: roc_auc_score(rev[m], score[m])  # noqa: E731
        print(f"| {name} | {len(dev.labels)} pairs, {len(set(dev.groups))} | {cv['model_argmax']['reversal']['roc_auc']:.3f} | "
              f"{auc(~origin):.3f} | {auc(origin):.3f} | {auc(np.ones_like(origin)):.3f} | "
              f"{rev[flagged].mean() if flagged.any() else float('nan'):.2f} / {flagged[rev].mean():.2f} |")

if __name__ == "__main__":
    main()
