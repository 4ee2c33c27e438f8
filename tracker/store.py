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

MIGRATIONS: list[tuple[str, str]] = [
    (
        "initial schema",
        """
        CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            statement_id TEXT NOT NULL UNIQUE,
            content_key TEXT NOT NULL UNIQUE,
            actor TEXT NOT NULL,
            date TEXT NOT NULL,
            date_precision TEXT NOT NULL DEFAULT 'day',
            text TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            topic_hint TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT '',
            context TEXT NOT NULL DEFAULT '',
            metadata TEXT NOT NULL DEFAULT '{}',
            topic_id INTEGER REFERENCES topics(topic_id),
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX statements_timeline ON statements(actor, topic_id, date);
        CREATE TABLE embeddings (
            model_id TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            dim INTEGER NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (model_id, text_hash)
        ) WITHOUT ROWID;
        CREATE TABLE topics (
            topic_id INTEGER PRIMARY KEY,
            label TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL,
            pinned INTEGER NOT NULL DEFAULT 0,
            model_id TEXT,
            centroid BLOB,
            size INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX topics_named ON topics(label) WHERE origin IN ('input', 'file');
        CREATE TABLE pair_scores (
            earlier_id TEXT NOT NULL,
            later_id TEXT NOT NULL,
            model_version TEXT NOT NULL,
            p_full_flop REAL NOT NULL,
            p_half_flip REAL NOT NULL,
            p_no_flip REAL NOT NULL,
            PRIMARY KEY (earlier_id, later_id, model_version)
        ) WITHOUT ROWID;
        CREATE TABLE changes (
            change_id TEXT PRIMARY KEY,
            actor TEXT NOT NULL,
            topic_id INTEGER,
            earlier_id TEXT NOT NULL,
            later_id TEXT NOT NULL,
            label TEXT NOT NULL,
            score REAL NOT NULL,
            p_full_flop REAL NOT NULL,
            p_half_flip REAL NOT NULL,
            p_no_flip REAL NOT NULL,
            cues TEXT NOT NULL DEFAULT '[]',
            model_version TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            detected_at TEXT NOT NULL
        );
        CREATE INDEX changes_later ON changes(later_id);
        """,
    ),
    (
        "digest bookkeeping",
        """
        CREATE TABLE digests (
            digest_id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            mode TEXT NOT NULL,
            window_start TEXT,
            window_end TEXT,
            n_changes INTEGER NOT NULL
        );
        CREATE TABLE digest_items (
            digest_id INTEGER NOT NULL REFERENCES digests(digest_id),
            change_id TEXT NOT NULL UNIQUE REFERENCES changes(change_id)
        );
        """,
    ),
    (
        "pair scores keyed by statement row ids",
        """
        DROP TABLE pair_scores;
        CREATE TABLE pair_scores (
            earlier INTEGER NOT NULL,
            later INTEGER NOT NULL,
            model_version TEXT NOT NULL,
            p_full_flop REAL NOT NULL,
            p_half_flip REAL NOT NULL,
            p_no_flip REAL NOT NULL,
            PRIMARY KEY (model_version, later, earlier)
        ) WITHOUT ROWID;
        """,
    ),
    (
        "pair verdicts packed per later statement (a cache: rebuilt by the next detect)",
        # A row per judged pair cost 206 s to write at 1M statements (7.7M pairs); packed, one row holds
        # every earlier statement judged against one later one, as little-endian int64 / float32 arrays.
        """
        DROP TABLE pair_scores;
        CREATE TABLE pair_verdicts (
            model_version TEXT NOT NULL,
            later INTEGER NOT NULL,
            earlier BLOB NOT NULL,
            proba BLOB NOT NULL
        );
        CREATE INDEX pair_verdicts_model ON pair_verdicts(model_version, later);
        """,
    ),
    (
        "embeddings in a rowid table with a separate key index",
        # WITHOUT ROWID put the 1.5 KB vectors inside the key B-tree, so "which texts lack a vector?"
        # read every vector page; with a rowid table it reads only the small key index.
        """
        CREATE TABLE embeddings_new (
            id INTEGER PRIMARY KEY,
            model_id TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            dim INTEGER NOT NULL,
            vector BLOB NOT NULL,
            UNIQUE (model_id, text_hash)
        );
        INSERT INTO embeddings_new(model_id, text_hash, dim, vector) SELECT model_id, text_hash, dim, vector FROM embeddings;
        DROP TABLE embeddings;
        ALTER TABLE embeddings_new RENAME TO embeddings;
        """,
    ),
    (
        "why a change is flagged: the classifier's score, or the source article reporting the shift",
        "ALTER TABLE changes ADD COLUMN basis TEXT NOT NULL DEFAULT 'classifier';",
    ),
]


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def resolve_db_path(db: str | os.PathLike | None) -> Path:
    return Path(db or os.environ.get("TRACKER_DB") or DEFAULT_DB)


def to_blob(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<f4")


class Store:
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
                    "INSERT INTO statements(statement_id, content_key, actor, date, date_precision, text, text_hash,"
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
            " s.date_precision, s.text, s.text_hash, s.source, s.topic_hint, s.kind, s.context, s.metadata"
            " FROM statements s LEFT JOIN topics t ON t.topic_id = s.topic_id"
        )
        where, params = self._filters(actor=actor, topic=topic, groups=groups, actor_col="s.actor",
                                      topic_col="s.topic_id")
        sql += where + " ORDER BY s.actor, s.topic_id, s.date, s.id"
        df = pd.read_sql_query(sql, self.conn, params=params)
        df["topic"] = df["topic"].astype("Int64")
        return df

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
    def unembedded_hashes(self, model_id: str) -> set[str]:
        """Text hashes of statements with no cached vector for this model (usually few: asked of SQLite,
        instead of loading every cached hash)."""
        return {h for (h,) in self.conn.execute(
            "SELECT DISTINCT s.text_hash FROM statements s WHERE NOT EXISTS "
            "(SELECT 1 FROM embeddings e WHERE e.model_id = ? AND e.text_hash = s.text_hash)", (model_id,))}

    def put_embeddings(self, model_id: str, items: Iterable[tuple[str, np.ndarray]]) -> None:
        with self.transaction() as c:
            c.executemany(
                "INSERT OR IGNORE INTO embeddings(model_id, text_hash, dim, vector) VALUES (?, ?, ?, ?)",
                ((model_id, h, int(v.shape[0]), to_blob(v)) for h, v in items),
            )

    def get_embeddings(self, model_id: str, hashes: Sequence[str]) -> np.ndarray:
        """Vectors in the order of `hashes`, filled into one float32 array; every hash must be cached."""
        unique = list(dict.fromkeys(hashes))
        pos = {h: i for i, h in enumerate(unique)}
        out = None
        seen = np.zeros(len(unique), dtype=bool)
        for h, dim, blob in self._embedding_rows(model_id, unique):
            i = pos.get(h)
            if i is None:
                continue
            if out is None:
                out = np.empty((len(unique), dim), dtype=np.float32)
            out[i] = np.frombuffer(blob, dtype="<f4")
            seen[i] = True
        if not seen.all():
            raise StoreError(f"{int((~seen).sum())} texts have no cached embedding for model {model_id}")
        if not len(hashes):
            return np.zeros((0, 0), dtype=np.float32)
        return out if len(unique) == len(hashes) else out[[pos[h] for h in hashes]]

    def _embedding_rows(self, model_id: str, hashes: list[str]):
        """Looked up by key in batches, or, when most of the cache is wanted, read in one scan (at a
        million vectors the scan is several times faster than a million key lookups)."""
        total = self.conn.execute("SELECT count(*) FROM embeddings WHERE model_id = ?", (model_id,)).fetchone()[0]
        if len(hashes) * 4 >= total:
            yield from self.conn.execute(  # in table order: no index hop per row
                "SELECT text_hash, dim, vector FROM embeddings NOT INDEXED WHERE model_id = ?", (model_id,))
            return
        for start in range(0, len(hashes), 900):
            chunk = hashes[start : start + 900]
            yield from self.conn.execute(
                f"SELECT text_hash, dim, vector FROM embeddings WHERE model_id = ? AND text_hash IN ({','.join('?' * len(chunk))})",
                (model_id, *chunk),
            )

    # -- topics ---------------------------------------------------------------
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

    # -- pair scores and changes ---------------------------------------------
    def pair_scores(self, model_version: str) -> pd.DataFrame:
        """Every cached verdict of this model: earlier, later (statement row ids) and the probabilities."""
        import pandas as pd

        later, earlier, proba = [], [], []
        for lat, e_blob, p_blob in self.conn.execute(
                "SELECT later, earlier, proba FROM pair_verdicts WHERE model_version = ? ORDER BY rowid", (model_version,)):
            e = np.frombuffer(e_blob, dtype="<i8")
            earlier.append(e)
            later.append(np.full(len(e), lat, dtype=np.int64))
            proba.append(np.frombuffer(p_blob, dtype="<f4").reshape(len(e), 3))
        if not earlier:
            return pd.DataFrame({c: pd.Series(dtype=t) for c, t in (("earlier", "int64"), ("later", "int64"),
                                 ("p_full_flop", "float32"), ("p_half_flip", "float32"), ("p_no_flip", "float32"))})
        p = np.concatenate(proba)
        df = pd.DataFrame({"earlier": np.concatenate(earlier), "later": np.concatenate(later),
                           "p_full_flop": p[:, 0], "p_half_flip": p[:, 1], "p_no_flip": p[:, 2]})
        return df.drop_duplicates(["earlier", "later"], keep="last", ignore_index=True)  # a re-judged pair: latest

    def candidates(self, model_version: str, *, actor=None, topic=None, since=None, until=None) -> pd.DataFrame:
        """Every pair this judge scored, with both statement ids, the later statement's actor and topic,
        and whether it is an active change; filters apply to the later statement, as in changes()."""
        import pandas as pd

        scores = self.pair_scores(model_version)
        sql = ("SELECT s.id AS later, s.statement_id AS later_id, s.actor, s.topic_id AS topic, t.label AS topic_label,"
               " s.date AS later_date FROM statements s LEFT JOIN topics t ON t.topic_id = s.topic_id")
        where, params = self._filters(actor=actor, topic=topic, since=since, until=until, actor_col="s.actor",
                                      topic_col="s.topic_id", date_col="s.date")
        later = pd.read_sql_query(sql + where, self.conn, params=params)
        df = scores.merge(later, on="later", how="inner")
        ids = pd.read_sql_query("SELECT id AS earlier, statement_id AS earlier_id, date AS earlier_date FROM statements",
                                self.conn)
        df = df.merge(ids, on="earlier", how="left")
        active = {(e, l) for e, l in self.conn.execute("SELECT earlier_id, later_id FROM changes WHERE active = 1")}
        df["flagged"] = [(e, l) in active for e, l in zip(df["earlier_id"], df["later_id"])]
        df["topic"] = df["topic"].astype("Int64")
        return df.sort_values(["actor", "later_date", "later_id", "earlier_date", "earlier_id"], kind="stable",
                              ignore_index=True)

    def put_pair_scores(self, model_version: str, earlier: np.ndarray, later: np.ndarray, proba: np.ndarray) -> None:
        earlier, later = np.asarray(earlier, dtype="<i8"), np.asarray(later, dtype=np.int64)
        proba = np.asarray(proba, dtype="<f4").reshape(len(earlier), 3)
        order = np.argsort(later, kind="stable")
        earlier, later, proba = earlier[order], later[order], proba[order]
        starts = np.flatnonzero(np.r_[True, later[1:] != later[:-1]]) if len(later) else np.zeros(0, dtype=np.int64)
        ends = np.r_[starts[1:], len(later)]
        with self.transaction() as c:
            c.executemany(
                "INSERT INTO pair_verdicts(model_version, later, earlier, proba) VALUES (?, ?, ?, ?)",
                ((model_version, int(later[a]), earlier[a:b].tobytes(), proba[a:b].tobytes())
                 for a, b in zip(starts.tolist(), ends.tolist())),
            )

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
                include_inactive=False) -> pd.DataFrame:
        """Flagged changes joined with both statements; since/until bound the later statement's date."""
        import pandas as pd

        sql = (
            "SELECT c.change_id, c.actor, c.topic_id AS topic, t.label AS topic_label,"
            " e.statement_id AS earlier_id, e.date AS earlier_date, e.date_precision AS earlier_precision,"
            " e.text AS earlier_text, e.source AS earlier_source, e.kind AS earlier_kind,"
            " l.statement_id AS later_id, l.date AS later_date, l.date_precision AS later_precision,"
            " l.text AS later_text, l.source AS later_source, l.kind AS later_kind,"
            " c.label, c.score, c.p_full_flop, c.p_half_flip, c.p_no_flip, c.cues, c.basis, c.detected_at, c.active"
            " FROM changes c JOIN statements e ON e.statement_id = c.earlier_id"
            " JOIN statements l ON l.statement_id = c.later_id LEFT JOIN topics t ON t.topic_id = c.topic_id"
        )
        where, params = self._filters(actor=actor, topic=topic, since=since, until=until, groups=groups,
                                      actor_col="c.actor", topic_col="c.topic_id", date_col="l.date")
        if not include_inactive:
            where += (" AND" if where else " WHERE") + " c.active = 1"
        sql += where + " ORDER BY c.actor, c.topic_id, l.date, e.date"
        df = pd.read_sql_query(sql, self.conn, params=params)
        df["topic"] = df["topic"].astype("Int64")
        return df

    def fingerprint(self) -> str:
        """Changes whenever anything an output shows changes: statements, topics, changes."""
        h = hashlib.sha1()
        for sql in ("SELECT count(*), max(id) FROM statements",
                    "SELECT topic_id, label FROM topics ORDER BY topic_id",
                    "SELECT change_id, active, label, score, basis FROM changes ORDER BY change_id"):
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
