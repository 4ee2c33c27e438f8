"""Candidate recall and topic quality on the labelled statements (data/labelled).

Candidate recall: the share of labelled pairs (earlier, later) that candidate generation puts before
the judge, at the default budget, with and without the input `topic` column.
Topics: the statements clustered without their `topic` (as unseen data would be); then, against
the labelled `topic` values, purity (the share of each cluster's statements that carry its most
common labelled topic, weighted by size) and clusters per labelled topic (how many clusters the
statements of one labelled topic are spread over, averaged over topics). Reported separately for
the development actors and the frozen test actors (tracker.judge.train.frozen_test_mask); topic
settings are chosen on development actors only.

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/candidates_quality.py [--budget 10]
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json

import numpy as np
import pandas as pd

from tracker.candidates import DEFAULT_BUDGET, neighbour_pairs
from tracker.embed import Embedder
from tracker.topics import TopicModel


def load():
    st = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False)
                    for f in sorted(glob.glob("data/labelled/parts/*_statements.csv"))], ignore_index=True)
    pairs = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False)
                       for f in sorted(glob.glob("data/labelled/parts/*_pairs.csv"))], ignore_index=True)
    st["day"] = pd.to_datetime(st["date"].map(lambda d: "-".join(d.split("-") + ["01"] * (3 - len(d.split("-"))))))
    st = st.sort_values(["actor", "day", "statement_id"], kind="stable").reset_index(drop=True)
    st["test"] = st["actor"].map(lambda a: int(hashlib.sha256(a.encode()).hexdigest(), 16) % 5 == 0)
    return st, pairs


def candidate_recall(st, pairs, vectors, *, budget, hints) -> dict:
    days = st["day"].to_numpy().astype("datetime64[D]").astype(np.int64)
    cand = neighbour_pairs(st["actor"].to_numpy(dtype=object), days, vectors,
                           hints=st["topic"].to_numpy(dtype=object) if hints else None, budget=budget,
                           window_days=100_000)
    row = {sid: i for i, sid in enumerate(st["statement_id"])}
    found = set(map(tuple, cand.tolist()))
    hit = []
    for e, l in zip(pairs["earlier_id"], pairs["later_id"]):
        a, b = row[e], row[l]
        hit.append((min(a, b), max(a, b)) in found)
    per_statement = np.bincount(cand[:, 1], minlength=len(st)) if len(cand) else np.zeros(len(st))
    return {"recall": round(float(np.mean(hit)), 4), "pairs": len(pairs),
            "candidates_per_statement_mean": round(float(per_statement.mean()), 2),
            "candidates_per_statement_max": int(per_statement.max())}


def topic_quality(labels: np.ndarray, clusters: np.ndarray) -> dict:
    f = pd.DataFrame({"t": labels, "c": clusters})
    purity = f.groupby("c")["t"].agg(lambda s: s.value_counts().iloc[0]).sum() / len(f)
    spread = f.groupby("t")["c"].nunique().mean()
    return {"purity": round(float(purity), 4), "clusters_per_topic": round(float(spread), 3),
            "clusters": int(f["c"].nunique()), "labelled_topics": int(f["t"].nunique()), "statements": len(f)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--budget", type=int, default=DEFAULT_BUDGET)
    args = ap.parse_args()
    st, pairs = load()
    vectors = Embedder(None).encode(list(st["text"]))
    out = {"budget": args.budget}
    for hints in (False, True):
        out[f"candidates_{'with' if hints else 'without'}_input_topics"] = candidate_recall(
            st, pairs, vectors, budget=args.budget, hints=hints)
    model = TopicModel()
    for part, mask in (("dev", ~st["test"].to_numpy()), ("test", st["test"].to_numpy())):
        clusters = model.fit_clusters(vectors[mask], list(st.loc[mask, "actor"]), list(st.loc[mask, "text"]))
        out[f"topics_{part}"] = topic_quality(st.loc[mask, "topic"].to_numpy(), clusters)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
