"""End to end on real statements the judge was not fitted on: detect over the frozen test actors.

The test actors' labelled statements (tracker.judge.train.frozen_test_mask) are ingested WITHOUT their
`topic` column, as unseen data would arrive; a judge fitted on the development actors' pairs only (same
recipe and pair model as the shipped one) runs `detect`. Then, against the labelled pairs:
- candidate recall: labelled pairs that detect judged;
- pair recall / precision: labelled reversals flagged / flagged pairs that are labelled reversals
  (among flagged pairs that are labelled at all; unlabelled flags are counted apart);
- timeline recall: (actor, labelled topic) timelines with a labelled reversal in which detect flagged
  a change between two of their statements; every flagged change comes with both statements.

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/end_to_end.py [--pair-model DIR]
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
    args = ap.parse_args()
    frame = load_labelled()
    test = frozen_test_mask(frame)
    pm = workflow.pair_model_at(args.pair_model)
    dev = embed_pairs(frame[~test].reset_index(drop=True), Embedder())
    if pm is not None:
        dev = add_pair_model(dev, pm)
    st = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False)
                    for f in sorted(glob.glob("data/labelled/parts/*_statements.csv"))], ignore_index=True)
    actors = set(frame.loc[test, "actor"])
    st = st[st["actor"].isin(actors)]
    pairs = frame[test]
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
    out = {
        "statements": int(len(st)), "actors": len(actors), "labelled_pairs": len(label),
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
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
