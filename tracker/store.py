"""The SQLite store: the one module that speaks SQL.

Ordinary SQLite tools can read it: dates are ISO text, metadata and cues are JSON text,
vectors are little-endian float32 blobs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from typing import TYPE_CHECKING

import numpy as np

from tracker.errors import StoreError
from tracker.types import Statement

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_DB = "tracker.db"

from tracker.migrations import MIGRATIONS  # noqa: E402
from tracker.store_cache import CacheTables, to_blob  # noqa: E402
from tracker.store_reviews import CONFIRMED, LATEST_REVIEWS, REVIEW_STATE, REVIEW_STATES, ReviewTables  # noqa: E402
from tracker.store_sources import SourceTables  # noqa: E402


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def resolve_db_path(db: str | os.PathLike | None) -> Path:
    return Path(db or os.environ.get("TRACKER_DB") or DEFAULT_DB)


class Store(CacheTables, ReviewTables, SourceTables):
    """A tracker database; open with Store.open(path) or use as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, db: str | os.PathLike | None = None) -> "Store":
        path = resolve_db_path(db)
        if path.exists() and path.is_dir():
            raise StoreError(f"{path}: is a directory, not a tracker database")
        if path.exists() and path.stat().st_size > 0:
            with path.open("rb") as fh:
                if fh.read(16) != b"SQLite format 3\x00":
                    raise StoreError(f"{path}: not an SQLite database (refusing to touch it)")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(path, timeout=60, isolation_level=None)
            conn.execute("PRAGMA busy_timeout = 60000")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open as a tracker database: {exc}") from None
        store = cls(conn, path)
        store.migrate()
        return store

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT: writers queue on the lock instead of failing mid-way."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every query inside sees the same committed state (WAL readers never
        block writers, and a writer's commit in between cannot make two reads disagree)."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        finally:
            self.conn.execute("COMMIT")

    # -- schema ---------------------------------------------------------------
    def migrate(self) -> None:
        with self.transaction() as c:
            c.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            done = {v for (v,) in c.execute("SELECT version FROM schema_migrations")}
            for version, (name, sql) in enumerate(MIGRATIONS, start=1):
                if version in done:
                    continue
                for stmt in sql.split(";"):
                    if stmt.strip():
                        c.execute(stmt)
                c.execute(
                    "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, _now()),
                )
            c.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")

    @property
    def schema_version(self) -> int:
        return self.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]

    # -- statements -----------------------------------------------------------
    def insert_statements(self, statements: Sequence[Statement]) -> tuple[int, int, list[tuple[int, str]]]:
        """Insert new statements in one transaction.

        Returns (ingested, duplicates, conflicts), a conflict being (index, message) for a
        statement_id already used by a different statement.
        """
        ingested = duplicates = 0
        conflicts: list[tuple[int, str]] = []
        now = _now()
        with self.transaction() as c:
            for i, s in enumerate(statements):
                cur = c.execute(
                    "INSERT INTO statements(statement_id, content_key, actor, date, date_precision, text, judged_hash,"
                    " source, topic_hint, kind, context, metadata, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
                    " ON CONFLICT DO NOTHING",
                    (
                        s.statement_id, s.content_key, s.actor, s.date, s.date_precision, s.text,
                        text_hash(s.judged_text), s.source, s.topic_hint, s.kind, s.context,
                        json.dumps(s.metadata, ensure_ascii=False, default=str), now,
                    ),
                )
                if cur.rowcount == 1:
                    ingested += 1
                    continue
                same = c.execute("SELECT 1 FROM statements WHERE content_key = ?", (s.content_key,)).fetchone()
                if same:
                    duplicates += 1
                else:
                    conflicts.append((i, f"statement_id {s.statement_id!r} is already used by a different statement"))
        return ingested, duplicates, conflicts

    def statements(self, *, actor: str | None = None, topic: str | None = None, groups=None) -> pd.DataFrame:
        """Statements with their topic, ordered by actor, topic and date."""
        import pandas as pd  # here, not at module level: `run` with nothing new must not pay its import

        sql = (
            "SELECT s.id AS row_id, s.statement_id, s.actor, s.topic_id AS topic, t.label AS topic_label, s.date,"
            " s.date_precision, s.text, s.judged_hash, s.source, s.topic_hint, s.kind, s.context, s.metadata"
            " FROM statements s LEFT JOIN topics t ON t.topic_id = s.topic_id"
        )
        where, params = self._filters(actor=actor, topic=topic, groups=groups, actor_col="s.actor",
                                      topic_col="s.topic_id")
        sql += where + " ORDER BY s.actor, s.topic_id, s.date, s.id"
        df = pd.read_sql_query(sql, self.conn, params=params)
        df["topic"] = df["topic"].astype("Int64")
        return df

    def actor_documents(self) -> dict[str, int]:
        """Actor → the sources (articles, pages) that hold statements of theirs: how often the store has met
        them, for giving a surname written alone its full name."""
        return dict(self.conn.execute("SELECT actor, count(DISTINCT source) FROM statements GROUP BY actor"))

    def count_statements(self) -> int:
        return self.conn.execute("SELECT count(*) FROM statements").fetchone()[0]

    def _filters(self, *, actor=None, topic=None, since=None, until=None, groups=None, actor_col, topic_col,
                 date_col=None):
        clauses, params = [], []
        if groups is not None:  # exact (actor, topic id) pairs: one query for many timelines
            groups = list(groups)
            clauses.append(f"({actor_col}, {topic_col}) IN (VALUES {', '.join(['(?, ?)'] * len(groups)) or '(NULL, NULL)'})")
            params += [v for a, t in groups for v in (a, int(t))]
        if actor:
            clauses.append(f"{actor_col} = ? COLLATE NOCASE")
            params.append(actor)
        if topic is not None and str(topic) != "":
            if str(topic).isdigit():
                clauses.append(f"{topic_col} = ?")
                params.append(int(topic))
            else:
                clauses.append(f"{topic_col} IN (SELECT topic_id FROM topics WHERE label = ? COLLATE NOCASE)")
                params.append(str(topic))
        if since:
            clauses.append(f"{date_col} >= ?")
            params.append(since)
        if until:
            clauses.append(f"{date_col} <= ?")
            params.append(until)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    # -- embeddings -----------------------------------------------------------
    def topics(self) -> pd.DataFrame:
        import pandas as pd

        return pd.read_sql_query(
            "SELECT topic_id, label, description, origin, pinned, model_id, centroid, size FROM topics ORDER BY topic_id",
            self.conn,
        )

    def add_topic(self, label: str, *, origin: str, description: str = "", pinned: bool = False,
                  model_id: str | None = None, centroid: np.ndarray | None = None, topic_id: int | None = None) -> int:
        with self.transaction() as c:
            if topic_id is not None and c.execute("SELECT 1 FROM topics WHERE topic_id = ?", (topic_id,)).fetchone():
                topic_id = None  # id taken: keep the label, let SQLite number it
            cur = c.execute(
                "INSERT INTO topics(topic_id, label, description, origin, pinned, model_id, centroid, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (topic_id, label, description, origin, int(pinned), model_id,
                 None if centroid is None else to_blob(centroid), _now()),
            )
            return int(cur.lastrowid)

    def update_topics(self, rows: Iterable[tuple[int, str, np.ndarray | None, int]]) -> None:
        """(topic_id, label, centroid, size) for topics whose members changed."""
        with self.transaction() as c:
            c.executemany(
                "UPDATE topics SET label = ?, centroid = ?, size = ? WHERE topic_id = ?",
                ((label, None if cen is None else to_blob(cen), size, tid) for tid, label, cen, size in rows),
            )

    def assign_topics(self, assignments: Iterable[tuple[str, int]]) -> None:
        assignments = sorted(assignments)  # in key order: fewer B-tree pages touched per update
        bulk = len(assignments) >= 10_000 and len(assignments) * 4 >= self.count_statements()
        with self.transaction() as c:
            if bulk:  # keeping the timeline index current row by row costs 4x rebuilding it (a cold run)
                c.execute("DROP INDEX statements_timeline")
            c.executemany("UPDATE statements SET topic_id = ? WHERE statement_id = ?",
                          ((tid, sid) for sid, tid in assignments))
            if bulk:
                c.execute("CREATE INDEX statements_timeline ON statements(actor, topic_id, date)")

    def sync_changes(self, changes: Sequence[dict], model_version: str) -> tuple[int, int]:
        """Make the active changes equal `changes`; keep detected_at of ones already known.

        Changes that stop being flagged are deactivated, not deleted, so a digest that already
        sent them keeps its record.
        """
        now = _now()
        added = 0
        with self.transaction() as c:
            known = {cid: active for cid, active in c.execute("SELECT change_id, active FROM changes")}
            keep = set()
            for ch in changes:
                keep.add(ch["change_id"])
                values = (ch["actor"], ch["topic_id"], ch["earlier_id"], ch["later_id"], ch["label"], ch["score"],
                          ch["p_full_flop"], ch["p_half_flip"], ch["p_no_flip"], json.dumps(ch.get("cues", [])),
                          model_version, ch.get("basis", "classifier"))
                if ch["change_id"] in known:
                    c.execute(
                        "UPDATE changes SET actor=?, topic_id=?, earlier_id=?, later_id=?, label=?, score=?,"
                        " p_full_flop=?, p_half_flip=?, p_no_flip=?, cues=?, model_version=?, basis=?, active=1"
                        " WHERE change_id=?", (*values, ch["change_id"]))
                    added += 0 if known[ch["change_id"]] else 1
                else:
                    c.execute(
                        "INSERT INTO changes(actor, topic_id, earlier_id, later_id, label, score, p_full_flop,"
                        " p_half_flip, p_no_flip, cues, model_version, basis, change_id, detected_at, active)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)", (*values, ch["change_id"], now))
                    added += 1
            gone = [cid for cid, active in known.items() if active and cid not in keep]
            c.executemany("UPDATE changes SET active = 0 WHERE change_id = ?", ((cid,) for cid in gone))
        return added, len(gone)

    def changes(self, *, actor=None, topic=None, since=None, until=None, groups=None,
                include_inactive=False, review=None) -> pd.DataFrame:
        """Flagged changes joined with both statements; since/until bound the later statement's date.

        Each carries its latest review (`review`: unreviewed / confirmed / dismissed; `review` filters by
        it): a confirmed change shows the reviewer's label (`judge_label` keeps the judge's), and a
        confirmed pair that detect does not flag is a change with basis 'review'."""
        import pandas as pd

        sql = (
            "SELECT c.change_id, c.actor, c.topic_id AS topic, t.label AS topic_label,"
            " e.statement_id AS earlier_id, e.date AS earlier_date, e.date_precision AS earlier_precision,"
            " e.text AS earlier_text, e.source AS earlier_source, e.kind AS earlier_kind,"
            " l.statement_id AS later_id, l.date AS later_date, l.date_precision AS later_precision,"
            " l.text AS later_text, l.source AS later_source, l.kind AS later_kind,"
            f" CASE WHEN {CONFIRMED} THEN v.verdict ELSE c.label END AS label, c.score, c.p_full_flop,"
            " c.p_half_flip, c.p_no_flip, c.cues,"
            f" CASE WHEN c.active = 0 AND {CONFIRMED} THEN 'review' ELSE c.basis END AS basis, c.detected_at, c.active,"
            f" {REVIEW_STATE} AS review, c.label AS judge_label"
            " FROM changes c JOIN statements e ON e.statement_id = c.earlier_id"
            " JOIN statements l ON l.statement_id = c.later_id LEFT JOIN topics t ON t.topic_id = c.topic_id"
            f" LEFT JOIN ({LATEST_REVIEWS}) v ON v.earlier_id = c.earlier_id AND v.later_id = c.later_id"
        )
        where, params = self._filters(actor=actor, topic=topic, since=since, until=until, groups=groups,
                                      actor_col="c.actor", topic_col="c.topic_id", date_col="l.date")
        if not include_inactive:
            where += (" AND" if where else " WHERE") + f" (c.active = 1 OR {CONFIRMED})"
        if review is not None:
            states = [review] if isinstance(review, str) else list(review)
            if not states or set(states) - set(REVIEW_STATES):
                raise ValueError(f"review must be among {', '.join(REVIEW_STATES)}, not {review!r}")
            where += (" AND" if where else " WHERE") + f" {REVIEW_STATE} IN ({', '.join('?' * len(states))})"
            params += states
        sql += where + " ORDER BY c.actor, c.topic_id, l.date, e.date"
        df = pd.read_sql_query(sql, self.conn, params=params)
        df["topic"] = df["topic"].astype("Int64")
        return df

    def fingerprint(self) -> str:
        """Changes whenever anything an output shows changes: statements, topics, changes, reviews."""
        h = hashlib.sha1()
        for sql in ("SELECT count(*), max(id) FROM statements",
                    "SELECT topic_id, label FROM topics ORDER BY topic_id",
                    "SELECT change_id, active, label, score, basis FROM changes ORDER BY change_id",
                    "SELECT count(*), max(review_id) FROM reviews"):
            for row in self.conn.execute(sql):
                h.update(repr(row).encode())
        return h.hexdigest()

    # -- digests -----------------------------------------------------------------
    def sent_change_ids(self) -> set[str]:
        return {cid for (cid,) in self.conn.execute("SELECT change_id FROM digest_items")}

    def record_digest(self, change_ids: Sequence[str], *, mode: str, start: str | None, end: str | None) -> int:
        """One transaction: the digest row and its items, so a killed run records nothing."""
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO digests(created_at, mode, window_start, window_end, n_changes) VALUES (?, ?, ?, ?, ?)",
                (_now(), mode, start, end, len(change_ids)),
            )
            digest_id = int(cur.lastrowid)
            c.executemany("INSERT OR IGNORE INTO digest_items(digest_id, change_id) VALUES (?, ?)",
                          ((digest_id, cid) for cid in change_ids))
        return digest_id

    def statement_volume(self, *, start=None, end=None) -> dict[str, int]:
        """Statements per actor dated inside [start, end]: the denominator for digest rates."""
        clauses, params = [], []
        if start:
            clauses.append("date >= ?")
            params.append(str(start))
        if end:
            clauses.append("date <= ?")
            params.append(str(end))
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        return dict(self.conn.execute(f"SELECT actor, count(*) FROM statements{where} GROUP BY actor", params))


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
