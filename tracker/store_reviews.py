"""The store's reviews: people's verdicts on pairs of statements, kept append-only.

Mixed into `Store` (tracker/store.py); like the rest of the store, the only place that speaks SQL.
A pair's latest review (highest review_id) is its verdict; earlier ones stay as its history. A
confirmed pair that detect never flagged gets a `changes` row with basis 'review' (inactive, so a
later detect neither removes nor duplicates it; `Store.changes` shows it while it stays confirmed).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from tracker.errors import UsageError

if TYPE_CHECKING:
    import pandas as pd

VERDICTS = ("full_flop", "half_flip", "no_flip")
REVIEW_STATES = ("unreviewed", "confirmed", "dismissed")
# SQLite returns the bare columns of the row that holds max(): one row per pair, its latest review.
LATEST_REVIEWS = ("SELECT earlier_id, later_id, verdict, max(review_id) AS review_id FROM reviews"
                  " GROUP BY earlier_id, later_id")
CONFIRMED = "v.verdict IN ('full_flop', 'half_flip')"
REVIEW_STATE = (f"CASE WHEN v.verdict IS NULL THEN 'unreviewed' WHEN {CONFIRMED} THEN 'confirmed'"
                " ELSE 'dismissed' END")
MAX_NOTE = 2000
MAX_REVIEWER = 100


@dataclass(frozen=True)
class Review:
    """One stored review; `created` is False when its action_id had been stored already."""

    review_id: int
    earlier_id: str
    later_id: str
    verdict: str
    reviewer: str
    note: str
    reviewed_at: str
    created: bool = True
    previous: "Review | None" = None  # the pair's latest review before this one


def check_review(verdict: str, reviewer: str, note: str) -> tuple[str, str, str]:
    """The three free-form fields, cleaned; a bad value is a UsageError naming the option."""
    if verdict not in VERDICTS:
        raise UsageError(f"--verdict must be full_flop, half_flip or no_flip, not {verdict!r}")
    reviewer = " ".join(str(reviewer or "").split())
    if not reviewer:
        raise UsageError("--reviewer: give the reviewer's name")
    if len(reviewer) > MAX_REVIEWER:
        raise UsageError(f"--reviewer: at most {MAX_REVIEWER} characters")
    note = str(note or "").replace("\r\n", "\n").strip()
    if len(note) > MAX_NOTE:
        raise UsageError(f"--note: at most {MAX_NOTE} characters")
    return verdict, reviewer, note


class ReviewTables:
    """The reviews table; needs `self.conn`, `self.transaction()` and `self._filters()`."""

    def add_review(self, earlier_id: str, later_id: str, verdict: str, *, reviewer: str, note: str = "",
                   action_id: str | None = None, judge_key: str | None = None) -> Review:
        """Append one review in one write transaction (writers queue on the lock, none is lost).

        A repeated `action_id` returns the stored review instead of adding a second one. Confirming a
        pair with no `changes` row adds one (basis 'review'), scored from the judge's cached verdict
        when it has one (`judge_key` picks the judge; otherwise the latest verdict of any judge)."""
        verdict, reviewer, note = check_review(verdict, reviewer, note)
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
        with self.transaction() as c:
            if action_id:
                row = c.execute(f"SELECT {_COLUMNS} FROM reviews WHERE action_id = ?", (action_id,)).fetchone()
                if row:
                    return Review(*row, created=False)
            e, l = self._review_pair(c, earlier_id, later_id)
            prev = c.execute(f"SELECT {_COLUMNS} FROM reviews WHERE earlier_id = ? AND later_id = ?"
                             " ORDER BY review_id DESC LIMIT 1", (earlier_id, later_id)).fetchone()
            cur = c.execute("INSERT INTO reviews(earlier_id, later_id, verdict, reviewer, note, reviewed_at, action_id)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?)", (earlier_id, later_id, verdict, reviewer, note, now,
                                                               action_id or None))
            if verdict != "no_flip":
                self._review_change(c, e, l, verdict, now, judge_key)
        return Review(int(cur.lastrowid), earlier_id, later_id, verdict, reviewer, note, now,
                      previous=Review(*prev) if prev else None)

    def _review_pair(self, c, earlier_id: str, later_id: str):
        rows = {r[0]: r for r in c.execute(
            "SELECT statement_id, id, actor, date, topic_id FROM statements WHERE statement_id IN (?, ?)",
            (earlier_id, later_id))}
        for sid in (earlier_id, later_id):
            if sid not in rows:
                raise UsageError(f"unknown statement id {sid!r} (see `tracker timeline`)")
        e, l = rows[earlier_id], rows[later_id]
        if earlier_id == later_id:
            raise UsageError("a review needs two different statements")
        if e[2] != l[2]:
            raise UsageError(f"{earlier_id!r} ({e[2]}) and {later_id!r} ({l[2]}) are by different actors")
        if e[3] > l[3]:
            raise UsageError(f"{earlier_id!r} ({e[3]}) is later than {later_id!r} ({l[3]}): give the earlier first")
        return e, l

    def _review_change(self, c, e, l, verdict: str, now: str, judge_key: str | None) -> None:
        from tracker.timeline import change_id

        if c.execute("SELECT 1 FROM changes WHERE earlier_id = ? AND later_id = ?", (e[0], l[0])).fetchone():
            return
        topic = l[4] if l[4] is not None else e[4]
        if topic is None:
            raise UsageError(f"{l[0]!r} has no topic yet: run `tracker detect` before confirming it")
        p = self._pair_proba(c, e[1], l[1], judge_key)
        proba = (0.0, 0.0, 0.0) if p is None else tuple(float(x) for x in p)
        c.execute("INSERT OR IGNORE INTO changes(change_id, actor, topic_id, earlier_id, later_id, label, score,"
                  " p_full_flop, p_half_flip, p_no_flip, cues, model_version, active, detected_at, basis)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 'review')",
                  (change_id(e[0], l[0]), l[2], int(topic), e[0], l[0], verdict, round(proba[0] + proba[1], 6),
                   *proba, json.dumps([]), judge_key or "review", now))

    @staticmethod
    def _pair_proba(c, earlier: int, later: int, judge_key: str | None) -> np.ndarray | None:
        """The judge's (p_full_flop, p_half_flip, p_no_flip) for a pair from the verdict cache, if scored."""
        sql = "SELECT earlier, proba FROM pair_verdicts WHERE later = ?"
        params: tuple = (later,)
        if judge_key:
            sql, params = sql + " AND model_version = ?", (later, judge_key)
        for e_blob, p_blob in c.execute(sql + " ORDER BY rowid DESC", params):
            hits = np.flatnonzero(np.frombuffer(e_blob, dtype="<i8") == earlier)
            if len(hits):
                return np.frombuffer(p_blob, dtype="<f4").reshape(-1, 3)[hits[-1]]
        return None

    def pair_proba(self, earlier_id: str, later_id: str, judge_key: str | None = None) -> np.ndarray | None:
        ids = dict(self.conn.execute("SELECT statement_id, id FROM statements WHERE statement_id IN (?, ?)",
                                     (earlier_id, later_id)))
        if earlier_id not in ids or later_id not in ids:
            return None
        return self._pair_proba(self.conn, ids[earlier_id], ids[later_id], judge_key)

    # -- reading ------------------------------------------------------------------------------
    def reviews(self, *, earlier_id: str | None = None, later_id: str | None = None) -> pd.DataFrame:
        """Every review, oldest first, with the pair's actor; `latest` marks the one that counts."""
        import pandas as pd

        where, params = "", []
        if earlier_id is not None and later_id is not None:
            where, params = " WHERE r.earlier_id = ? AND r.later_id = ?", [earlier_id, later_id]
        df = pd.read_sql_query(
            "SELECT r.review_id, r.earlier_id, r.later_id, s.actor, r.verdict, r.reviewer, r.note, r.reviewed_at,"
            f" r.review_id = v.review_id AS latest FROM reviews r JOIN ({LATEST_REVIEWS}) v"
            " ON v.earlier_id = r.earlier_id AND v.later_id = r.later_id"
            f" LEFT JOIN statements s ON s.statement_id = r.later_id{where} ORDER BY r.review_id",
            self.conn, params=params)
        df["latest"] = df["latest"].astype(bool)
        return df

    def review_by_id(self, review_id: int) -> Review | None:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM reviews WHERE review_id = ?", (review_id,)).fetchone()
        return Review(*row) if row else None

    def reviewed_pairs(self) -> set[tuple[str, str]]:
        return set(self.conn.execute("SELECT DISTINCT earlier_id, later_id FROM reviews"))

    def change_for_pair(self, earlier_id: str, later_id: str) -> dict | None:
        """The stored change of a pair as detect (or a review) wrote it, active or not."""
        cur = self.conn.execute("SELECT label, score, p_full_flop, p_half_flip, p_no_flip, basis, active FROM changes"
                                " WHERE earlier_id = ? AND later_id = ?", (earlier_id, later_id))
        row = cur.fetchone()
        return dict(zip([d[0] for d in cur.description], row)) if row else None

    def verdict_state(self, judge_key: str) -> tuple:
        """Changes whenever the judge's cached verdicts do: what a cached candidates table depends on."""
        return tuple(self.conn.execute("SELECT count(*), max(rowid) FROM pair_verdicts WHERE model_version = ?",
                                       (judge_key,)).fetchone())

    def unreviewed_changes(self, *, threshold: float, actor=None, topic=None, since=None, until=None,
                           offset: int = 0, limit: int | None = None) -> tuple[int, list[tuple]]:
        """Active changes nobody has reviewed (the queue's first part), most uncertain first: the score
        nearest `threshold`. Returns their count and rows [offset, offset + limit) as (earlier_id,
        later_id, actor, topic, later_date, label, score, basis); sorted and cut by SQLite, not Python."""
        where, params = self._filters(actor=actor, topic=topic, since=since, until=until, actor_col="c.actor",
                                      topic_col="c.topic_id", date_col="l.date")
        where += ((" AND" if where else " WHERE") + " c.active = 1 AND NOT EXISTS (SELECT 1 FROM reviews r"
                  " WHERE r.earlier_id = c.earlier_id AND r.later_id = c.later_id)")
        body = " FROM changes c JOIN statements l ON l.statement_id = c.later_id" + where
        count = self.conn.execute("SELECT count(*)" + body, params).fetchone()[0]
        rows = self.conn.execute(
            "SELECT c.earlier_id, c.later_id, c.actor, c.topic_id, l.date, c.label, c.score, c.basis" + body
            + " ORDER BY round(abs(c.score - ?), 4), l.date, c.earlier_id, c.later_id LIMIT ? OFFSET ?",
            [*params, float(threshold), -1 if limit is None else int(limit), int(offset)]).fetchall()
        return count, rows

    def changes_state(self) -> tuple:
        """Changes whenever detect changes which pairs are flagged (one pass over `changes`); a review's
        own row is inactive, so confirming a candidate leaves it as it was."""
        return tuple(self.conn.execute("SELECT count(*), total(score), max(rowid) FROM changes WHERE active = 1")
                     .fetchone())

    def statement_details(self, ids) -> dict[str, dict]:
        """Statements by id with everything a reviewer reads: text, date, source, kind, context, topic."""
        ids = list(dict.fromkeys(ids))
        out: dict[str, dict] = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start:start + 900]
            cur = self.conn.execute(
                "SELECT s.statement_id, s.actor, s.date, s.date_precision, s.text, s.source, s.kind, s.context,"
                " s.topic_id, t.label FROM statements s LEFT JOIN topics t ON t.topic_id = s.topic_id"
                f" WHERE s.statement_id IN ({','.join('?' * len(chunk))})", chunk)
            for row in cur:
                out[row[0]] = dict(zip(("statement_id", "actor", "date", "date_precision", "text", "source", "kind",
                                        "context", "topic", "topic_label"), row))
        return out

    def actor_statements(self, actor: str, topic: int | None) -> list[dict]:
        """One actor's statements in one topic (all topics when None), in timeline order."""
        sql = ("SELECT statement_id, date, date_precision, text, kind FROM statements WHERE actor = ?"
               + (" AND topic_id = ?" if topic is not None else "") + " ORDER BY date, id")
        params = (actor, int(topic)) if topic is not None else (actor,)
        return [dict(zip(("statement_id", "date", "date_precision", "text", "kind"), r))
                for r in self.conn.execute(sql, params)]

    def latest_reviewed(self) -> pd.DataFrame:
        """Each reviewed pair's latest verdict with both statements: what becomes labelled data."""
        import pandas as pd

        return pd.read_sql_query(
            "SELECT r.review_id, r.earlier_id, r.later_id, r.verdict, r.reviewer, r.note, r.reviewed_at, e.actor,"
            " e.date AS date_a, e.date_precision AS precision_a, e.text AS text_a, e.source AS source_a,"
            " e.context AS context_a, l.context AS context_b,"
            " l.date AS date_b, l.date_precision AS precision_b, l.text AS text_b, l.source AS source_b,"
            " COALESCE(t.label, '') AS topic FROM reviews r"
            f" JOIN ({LATEST_REVIEWS}) v ON v.review_id = r.review_id"
            " JOIN statements e ON e.statement_id = r.earlier_id JOIN statements l ON l.statement_id = r.later_id"
            " LEFT JOIN topics t ON t.topic_id = COALESCE(l.topic_id, e.topic_id) ORDER BY r.review_id",
            self.conn)


_COLUMNS = "review_id, earlier_id, later_id, verdict, reviewer, note, reviewed_at"
