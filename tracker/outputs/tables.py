"""Contract tables read from the store: `changes` and `timeline` (column names are an API)."""

from __future__ import annotations

import pandas as pd

from tracker.dates import format_date
from tracker.errors import UsageError
from tracker.store import Store
from tracker.store_reviews import REVIEW_STATES
from tracker.types import Change

CHANGE_COLUMNS = ["change_id", "actor", "topic", "topic_label", "earlier_id", "earlier_date", "earlier_text",
                  "earlier_source", "later_id", "later_date", "later_text", "later_source", "label", "score",
                  "review"]  # review: unreviewed / confirmed / dismissed, a person's latest verdict (tracker/review)
CANDIDATE_COLUMNS = ["earlier_id", "later_id", "actor", "topic", "topic_label", "score", "label", "flagged"]
TIMELINE_COLUMNS = ["statement_id", "actor", "topic", "topic_label", "date", "text", "source",
                    "change_label", "change_score"]


def _dates(df: pd.DataFrame, col: str, precision_col: str) -> pd.Series:
    return pd.Series([format_date(d, p) for d, p in zip(df[col], df[precision_col])], index=df.index, dtype=object)


def changes_table(store: Store, *, actor=None, topic=None, since=None, until=None, review=None) -> pd.DataFrame:
    """`review`: one state or several (a list, or comma-separated) of unreviewed, confirmed, dismissed."""
    if isinstance(review, str):
        review = [r.strip() for r in review.split(",") if r.strip()]
    if review is not None and (not review or set(review) - set(REVIEW_STATES)):
        raise UsageError(f"--review must be among {', '.join(REVIEW_STATES)} (comma-separated), not {review!r}")
    return changes_contract(store.changes(actor=actor, topic=topic, since=since, until=until, review=review))


def changes_contract(df: pd.DataFrame) -> pd.DataFrame:
    """Rows of Store.changes() as the contract table, through the one Change record."""
    rows = [Change.from_row(r).contract() for r in df.itertuples(index=False)]
    out = pd.DataFrame(rows, columns=CHANGE_COLUMNS)
    out["topic"] = out["topic"].astype("Int64")
    out["review"] = df["review"].to_numpy() if "review" in df.columns else "unreviewed"
    return out


def candidates_table(store: Store, judge_key: str, threshold: float, *, actor=None, topic=None, since=None,
                     until=None, min_score: float | None = None) -> pd.DataFrame:
    """Every pair the judge scored, flagged or not: for review and for measuring candidate generation."""
    from tracker.judge.model import decide

    df = store.candidates(judge_key, actor=actor, topic=topic, since=since, until=until)
    proba = df[["p_full_flop", "p_half_flip", "p_no_flip"]].to_numpy(dtype=float)
    df["score"] = (proba[:, 0] + proba[:, 1]).round(4) if len(df) else pd.Series(dtype=float)
    df["label"] = decide(proba, threshold) if len(df) else pd.Series(dtype=object)
    if min_score is not None:
        df = df[df["score"] >= min_score]
    return df[CANDIDATE_COLUMNS].reset_index(drop=True)


def timeline_table(store: Store, *, actor=None, topic=None) -> pd.DataFrame:
    return _timeline_contract(store.statements(actor=actor, topic=topic), store.changes(actor=actor, topic=topic))


def _timeline_contract(df: pd.DataFrame, changes: pd.DataFrame) -> pd.DataFrame:
    if "review" in changes.columns:  # a change a reviewer dismissed is no change of this timeline
        changes = changes[changes["review"] != "dismissed"]
    best = changes.sort_values("score", ascending=False).drop_duplicates("later_id")
    best = best.set_index("later_id")
    df["date"] = _dates(df, "date", "date_precision")
    labels = df["statement_id"].map(best["label"]).astype(object)
    df["change_label"] = labels.where(labels.notna(), "")
    df["change_score"] = df["statement_id"].map(best["score"].round(4))
    df["change_score"] = df["change_score"].astype(object).where(df["change_score"].notna(), "")
    return df[TIMELINE_COLUMNS].reset_index(drop=True)


GROUPS_PER_QUERY = 400  # two parameters each, well under SQLite's variable limit


def timeline_tables(store: Store, groups) -> dict[tuple[str, int], tuple[pd.DataFrame, pd.DataFrame]]:
    """(timeline, changes) contract tables for many actor-topics, two queries per few hundred of them
    instead of two per timeline: a report or a run over thousands of timelines stays cheap."""
    groups = list(dict.fromkeys((a, int(t)) for a, t in groups))
    out = {}
    for start in range(0, len(groups), GROUPS_PER_QUERY):
        part = groups[start:start + GROUPS_PER_QUERY]
        changes = store.changes(groups=part)
        timelines = _timeline_contract(store.statements(groups=part), changes)  # later_id is unique to its timeline
        changes = changes_contract(changes)
        rows_t = timelines.groupby(["actor", "topic"], sort=False).indices
        rows_c = changes.groupby(["actor", "topic"], sort=False).indices
        for key in part:
            out[key] = (timelines.iloc[rows_t.get(key, [])].reset_index(drop=True),
                        changes.iloc[rows_c.get(key, [])].reset_index(drop=True))
    return out
