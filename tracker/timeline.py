"""Timelines: each actor's statements in date order; candidate pairs; the changes they show."""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pandas as pd

from tracker.candidates import DEFAULT_BUDGET, DEFAULT_WINDOW_DAYS, neighbour_pairs
from tracker.judge.features import active_cues



def order_timelines(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements sorted by actor and date (ties keep ingest order): each actor's timeline, across
    topics, so that an earlier row of an actor is an earlier statement."""
    key = ["actor", "date", "row_id"] if "row_id" in statements.columns else ["actor", "date"]
    return statements.sort_values(key, kind="stable").reset_index(drop=True)


def candidate_pairs(timelines: pd.DataFrame, vectors: np.ndarray, *, window_days: int = DEFAULT_WINDOW_DAYS,
                    budget: int = DEFAULT_BUDGET) -> np.ndarray:
    """(earlier_row, later_row) pairs: each statement against its actor's nearest earlier statements
    (tracker.candidates). `vectors` are the statements' embeddings in timeline row order."""
    days = pd.to_datetime(timelines["date"]).to_numpy().astype("datetime64[D]").astype(np.int64)
    hints = timelines["topic_hint"].fillna("").to_numpy(dtype=object) if "topic_hint" in timelines.columns else None
    return neighbour_pairs(timelines["actor"].to_numpy(dtype=object), days, vectors, hints=hints, budget=budget,
                           window_days=window_days)


def article_linked_pairs(timelines: pd.DataFrame) -> np.ndarray:
    """(earlier_row, later_row) pairs whose source article sets one position against the other
    ("he will not send troops, despite having appeared open to the idea a day earlier").

    Extraction records the link as `contrasted_with` in the statement's metadata; only links between
    statements of one actor on different dates count.
    """
    if "metadata" not in timelines.columns or len(timelines) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    meta = timelines["metadata"].astype(str)
    linked = np.flatnonzero(meta.str.contains('"contrasted_with"', regex=False).to_numpy())
    if len(linked) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    row_of = {sid: i for i, sid in enumerate(timelines["statement_id"].to_numpy())}
    actors, dates = timelines["actor"].to_numpy(), timelines["date"].to_numpy()
    out = []
    for i in linked.tolist():
        j = row_of.get(json.loads(meta.iloc[i]).get("contrasted_with"))
        if j is None or actors[i] != actors[j] or dates[i] == dates[j]:
            continue
        out.append((i, j) if dates[i] < dates[j] else (j, i))
    return np.array(sorted(set(out)), dtype=np.int64).reshape(-1, 2)


def change_id(earlier_id: str, later_id: str) -> str:
    return "c-" + hashlib.sha1(f"{earlier_id}\x1f{later_id}".encode()).hexdigest()[:12]


def cue_shift(earlier_text: str, later_text: str) -> list[str]:
    """Stance cues present in one statement but not the other: '+refusal', '-openness'."""
    a, b = set(active_cues(earlier_text)), set(active_cues(later_text))
    return [f"+{c}" for c in sorted(b - a)] + [f"-{c}" for c in sorted(a - b)]


def select_changes(timelines: pd.DataFrame, pairs: np.ndarray, proba: np.ndarray, threshold: float,
                   reported: np.ndarray | None = None) -> list[dict]:
    """One change at most per later statement: its strongest reversal against an earlier one.

    `proba` holds (p_full_flop, p_half_flip, p_no_flip) for each row of `pairs`. A reversal already
    visible at an intermediate statement is not reported again: if some M between E and L agrees
    with L and E→M is itself flagged, the change was E→M, not E→L. Only pairs around flagged ones
    are indexed, and columns are read as arrays once: this runs per detect over every pair.

    `reported` marks pairs whose source article itself reports the shift: they are flagged whatever
    the classifier says (basis "source", score still the classifier's) and win over its picks. Otherwise
    only pairs whose statements share a topic (an input topic or a cluster) are flagged.
    """
    if len(pairs) == 0:
        return []
    score = proba[:, 0] + proba[:, 1]
    reported = np.zeros(len(pairs), dtype=bool) if reported is None else reported
    # every candidate is judged (and listed by `tracker candidates` for review), but the judge cannot yet
    # tell a reversal from two statements on different subjects: only a pair within one topic is flagged
    topic_ids = timelines["topic"].to_numpy()
    same_topic = pd.notna(topic_ids[pairs[:, 0]]) & (topic_ids[pairs[:, 0]] == topic_ids[pairs[:, 1]])
    flagged = np.flatnonzero(((score >= threshold) & same_topic) | reported)
    if len(flagged) == 0:
        return []
    later_col = pairs[:, 1]
    laters = np.unique(later_col[flagged])
    needed = np.union1d(laters, pairs[np.isin(later_col, laters), 0])
    rows = np.flatnonzero(np.isin(later_col, needed))
    index = {(e, l): i for i, (e, l) in zip(rows.tolist(), pairs[rows].tolist())}
    is_later = set(laters.tolist())
    earlier_of: dict[int, list[int]] = {}
    for e, l in index:
        if l in is_later:
            earlier_of.setdefault(l, []).append(e)
    ids = timelines["statement_id"].to_numpy()
    actors = timelines["actor"].to_numpy()
    topics = timelines["topic"].to_numpy()
    texts = timelines["text"].to_numpy()
    by_later: dict[int, list[int]] = {}
    for i, l in zip(flagged.tolist(), later_col[flagged].tolist()):
        by_later.setdefault(l, []).append(i)
    changes = []
    for l, candidates in sorted(by_later.items()):
        between_all = earlier_of.get(l, [])
        for i in sorted(candidates, key=lambda i: (not reported[i], -score[i])):
            e = int(pairs[i, 0])
            if not reported[i] and any(_agrees(index, proba, m, l) and _flips(index, score, e, m, threshold)
                                       for m in between_all if e < m < l):
                continue
            p = proba[i]
            label = "full_flop" if p[0] >= p[1] else "half_flip"
            if reported[i] and score[i] < threshold:
                label = "half_flip"  # the source reports a shift that the classifier does not confirm
            changes.append({
                "change_id": change_id(ids[e], ids[l]), "actor": actors[l], "topic_id": int(topics[l]),
                "earlier_id": ids[e], "later_id": ids[l], "label": label, "score": round(float(score[i]), 6),
                "p_full_flop": float(p[0]), "p_half_flip": float(p[1]), "p_no_flip": float(p[2]),
                "cues": cue_shift(texts[e], texts[l]), "basis": "source" if reported[i] else "classifier",
            })
            break
    return changes


def _agrees(index, proba, m: int, l: int) -> bool:
    i = index.get((m, l))
    return i is not None and proba[i, 2] >= 0.5


def _flips(index, score, e: int, m: int, threshold: float) -> bool:
    i = index.get((e, m))
    return i is not None and score[i] >= threshold
