"""End to end on real statements the judge was not fitted on: detect over the frozen test actors.

The test actors' labelled statements (tracker.judge.train.frozen_test_mask) are ingested WITHOUT their
`topic` column, as unseen data would arrive; a judge fitted on the development actors' pairs only (same
recipe and pair model as the shipped one) runs `detect`. Then, against the labelled pairs:
- candidate recall: labelled pairs that detect judged;
- pair recall / precision: labelled reversals flagged / flagged pairs that are labelled reversals
  (among flagged pairs that are labelled at all; unlabelled flags are counted apart);
- timeline recall: (actor, labelled topic) timelines with a labelled reversal in which detect flagged
  a change between two of their statements; every flagged change comes with both statements.

`--dev` runs the same on the development actors instead, in two folds (fit on one half of the actors,
detect on the other, then swap), for choosing between designs without reading the test actors.

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/end_to_end.py [--pair-model DIR] [--dev] [--derived]
"""

from __future__ import annotations

import argparse
import glob
import json
import tempfile
from pathlib import Path

import pandas as pd

from tracker import Tracker
from tracker.embed import Embedder
from tracker.judge import workflow
from tracker.judge.train import add_pair_model, embed_pairs, frozen_test_mask, load_labelled


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pair-model", default=None, help="default: the shipped pair model")
    ap.add_argument("--dev", action="store_true", help="two folds over the development actors")
    ap.add_argument("--derived", action="store_true", help="train with the derived different-topic negatives too")
    args = ap.parse_args()
    frame = load_labelled(derived=args.derived)
    test = frozen_test_mask(frame)
    pm = workflow.pair_model_at(args.pair_model)
    if not args.dev:
        out = run(frame, ~test, test, pm)
        out["conservative"] = conservative_curve()
        print(json.dumps(out, indent=2))
        return
    import hashlib

    half = frame["actor"].map(lambda a: int(hashlib.sha1(a.encode()).hexdigest(), 16) % 2 == 0).to_numpy(dtype=bool)
    parts = [run(frame, ~test & half, ~test & ~half, pm), run(frame, ~test & ~half, ~test & half, pm)]
    keys = [k for k, v in parts[0].items() if isinstance(v, int)]
    total = {k: parts[0][k] + parts[1][k] for k in keys}
    total["pair_recall"] = round(total["flagged_reversals"] / max(1, total["labelled_reversals"]), 4)
    total["pair_precision"] = round(total["flagged_reversals"] / max(1, total["flagged_labelled"]), 4)
    total["timeline_recall"] = round(total["timelines_found"] / max(1, total["reversal_timelines"]), 4)
    total["candidate_recall"] = round(total["labelled_judged"] / max(1, total["labelled_pairs"]), 4)
    total["conservative"] = conservative_curve()
    print(json.dumps(total, indent=2))


SCORED: list[pd.DataFrame] = []


def conservative_curve(target_precisions=(0.3, 0.4, 0.5, 0.6)) -> dict:
    """Over every judged candidate pair, unlabelled pairs counted as not reversals (so precision is a
    lower bound): ROC-AUC, and the lowest threshold reaching each precision with its recall."""
    import numpy as np
    from sklearn.metrics import roc_auc_score

    df = pd.concat(SCORED, ignore_index=True).sort_values("score", ascending=False)
    y = df["reversal"].to_numpy()
    tp = np.cumsum(y)
    prec = tp / np.arange(1, len(y) + 1)
    rec = tp / max(1, y.sum())
    out = {"candidate_pairs": int(len(y)), "labelled_reversals_among_them": int(y.sum()),
           "roc_auc_vs_everything_else": round(float(roc_auc_score(y, df["score"])), 4)}
    for t in target_precisions:
        ok = np.flatnonzero(prec >= t)
        out[f"precision>={t}"] = ({"threshold": round(float(df["score"].iloc[ok[-1]]), 4),
                                   "recall": round(float(rec[ok[-1]]), 4)} if len(ok) else None)
    return out


def run(frame: pd.DataFrame, fit_mask, detect_mask, pm) -> dict:
    real = ~frame["synthetic"].to_numpy(dtype=bool)
    dev = embed_pairs(frame[fit_mask].reset_index(drop=True), Embedder())
    if pm is not None:
        dev = add_pair_model(dev, pm)
    st = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False)
                    for f in sorted(glob.glob("data/labelled/parts/*_statements.csv"))], ignore_index=True)
    actors = set(frame.loc[detect_mask, "actor"])
    st = st[st["actor"].isin(actors)]
    pairs = frame[detect_mask & real]
    with tempfile.TemporaryDirectory() as tmp:
        workflow.fit(dev, embedder=Embedder(), out=Path(tmp) / "judge", version="dev-only", data_dir=Path("data"),
                     log=lambda m: None)
        with Tracker.open(Path(tmp) / "e2e.db", classifier=Path(tmp) / "judge", actors=None, log=lambda m: None) as t:
            t.ingest(st.rename(columns={"source_url": "source"})[["statement_id", "actor", "date", "text", "source"]])
            summary = t.detect(progress=False)
            changes = t.changes()
            judged = t.candidates()
    judged_set = set(zip(judged["earlier_id"], judged["later_id"]))
    flagged = set(zip(changes["earlier_id"], changes["later_id"]))
    raw = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False)
                     for f in sorted(glob.glob("data/labelled/parts/*_pairs.csv"))], ignore_index=True)
    raw = raw[raw["pair_id"].isin(set(pairs["pair_id"]))]
    label = {(e, l): y for e, l, y in zip(raw["earlier_id"], raw["later_id"], raw["label"])}
    reversals = {k for k, y in label.items() if y != "no_flip"}
    labelled_flags = flagged & set(label)
    topic = dict(zip(st["statement_id"], zip(st["actor"], st["topic"])))
    rev_timelines = {topic[l] for _, l in reversals}
    found_timelines = {topic[l] for e, l in flagged if topic.get(e) == topic.get(l)} & rev_timelines
    key = list(zip(judged["earlier_id"], judged["later_id"]))
    SCORED.append(pd.DataFrame({"score": judged["score"].astype(float).to_numpy(),
                                "reversal": [k in reversals for k in key]}))
    return {
        "statements": int(len(st)), "actors": len(actors), "labelled_pairs": len(label),
        "labelled_judged": len(set(label) & judged_set), "flagged_reversals": len(flagged & reversals),
        "flagged_labelled": len(labelled_flags),
        "labelled_reversals": len(reversals), "pairs_judged": summary.pairs_scored,
        "pairs_read_by_pair_model": summary.pairs_read, "changes": len(flagged),
        "candidate_recall": round(len(set(label) & judged_set) / max(1, len(label)), 4),
        "pair_recall": round(len(flagged & reversals) / max(1, len(reversals)), 4),
        "pair_precision": round(len(labelled_flags & reversals) / max(1, len(labelled_flags)), 4),
        "flags_on_unlabelled_pairs": len(flagged - set(label)),
        "reversal_timelines": len(rev_timelines), "timelines_found": len(found_timelines),
        "timeline_recall": round(len(found_timelines) / max(1, len(rev_timelines)), 4),
        "changes_without_both_statements": int((changes["earlier_text"].eq("") | changes["later_text"].eq("")).sum()),
    }


if __name__ == "__main__":
    main()
