"""Timelines: each (actor, topic) ordered by date; candidate pairs bounded by a window."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from tracker.features import active_cues
from tracker.types import PairScore

DEFAULT_WINDOW_DAYS = 730
DEFAULT_MAX_BACK = 8


def order_timelines(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements sorted by actor, topic, date (ties keep ingest order)."""
    return statements.sort_values(["actor", "topic", "date"], kind="stable").reset_index(drop=True)


def candidate_pairs(timelines: pd.DataFrame, *, window_days: int = DEFAULT_WINDOW_DAYS,
                    max_back: int = DEFAULT_MAX_BACK) -> np.ndarray:
    """(earlier_row, later_row) pairs: each statement against at most `max_back` earlier ones of its
    timeline dated within `window_days`. Work is O(n · max_back), not O(n²)."""
    n = len(timelines)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    actor = pd.factorize(timelines["actor"])[0]
    topic = pd.factorize(timelines["topic"].astype("string").fillna("<none>"))[0]
    group = actor.astype(np.int64) * (topic.max() + 1) + topic
    days = pd.to_datetime(timelines["date"]).to_numpy().astype("datetime64[D]").astype(np.int64)
    has_topic = timelines["topic"].notna().to_numpy()
    out = []
    later = np.arange(n)
    for k in range(1, min(max_back, n - 1) + 1):
        li = later[k:]
        ei = li - k
        ok = (group[ei] == group[li]) & (days[li] - days[ei] <= window_days) & has_topic[li]
        if ok.any():
            out.append(np.stack([ei[ok], li[ok]], axis=1))
    if not out:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(out)
    return pairs[np.lexsort((pairs[:, 0], pairs[:, 1]))]


def change_id(earlier_id: str, later_id: str) -> str:
    return "c-" + hashlib.sha1(f"{earlier_id}\x1f{later_id}".encode()).hexdigest()[:12]


def cue_shift(earlier_text: str, later_text: str) -> list[str]:
    """Stance cues present in one statement but not the other: '+refusal', '-openness'."""
    a, b = set(active_cues(earlier_text)), set(active_cues(later_text))
    return [f"+{c}" for c in sorted(b - a)] + [f"-{c}" for c in sorted(a - b)]


def select_changes(timelines: pd.DataFrame, pairs: np.ndarray, scores: dict[tuple[str, str], PairScore],
                   threshold: float) -> list[dict]:
    """One change at most per later statement: its strongest reversal against an earlier one.

    A reversal already visible at an intermediate statement is not reported again: if some M
    between E and L agrees with L and E→M is itself flagged, the change was E→M, not E→L.
    """
    ids = timelines["statement_id"].to_numpy()
    by_later: dict[int, list[int]] = {}
    for e, l in pairs:
        by_later.setdefault(int(l), []).append(int(e))
    changes = []
    for l, earlier in by_later.items():
        lid = ids[l]
        flagged = [(scores[(ids[e], lid)].score, e) for e in earlier
                   if (ids[e], lid) in scores and scores[(ids[e], lid)].score >= threshold]
        for score, e in sorted(flagged, reverse=True):
            eid = ids[e]
            between = [m for m in earlier if e < m < l]
            if any(
                scores.get((ids[m], lid)) is not None and scores[(ids[m], lid)].p_no_flip >= 0.5
                and scores.get((eid, ids[m])) is not None and scores[(eid, ids[m])].score >= threshold
                for m in between
            ):
                continue
            s = scores[(eid, lid)]
            row_e, row_l = timelines.iloc[e], timelines.iloc[l]
            changes.append({
                "change_id": change_id(eid, lid), "actor": row_l["actor"], "topic_id": int(row_l["topic"]),
                "earlier_id": eid, "later_id": lid, "label": s.label if s.label != "no_flip" else "half_flip",
                "score": round(s.score, 6), "p_full_flop": s.p_full_flop, "p_half_flip": s.p_half_flip,
                "p_no_flip": s.p_no_flip, "cues": cue_shift(row_e["text"], row_l["text"]),
            })
            break
    return changes
