"""The store's intake tables: the sources `tracker pull` follows and the entries it has taken in.

Mixed into `Store` (tracker/store.py); like the rest of the store, the only place that speaks SQL.
A source keeps its HTTP validators (ETag, Last-Modified) for conditional requests, saved only once
every new entry of a response is taken in, so a pull killed half-way reads the feed again next time.
`fetched_entries` outlives its source: removing and re-adding a feed never ingests an entry twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SOURCE_KINDS = ("feed", "page")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Source:
    """One followed feed or page, with what the last pull learnt about it."""

    url: str
    name: str
    kind: str
    allow_private: bool
    added_at: str
    etag: str | None = None
    last_modified: str | None = None
    last_pulled_at: str | None = None
    last_ok_at: str | None = None
    last_error: str = ""


_COLUMNS = ("url, name, kind, allow_private, added_at, etag, last_modified, last_pulled_at, last_ok_at,"
            " last_error")


def _source(row) -> Source:
    return Source(row[0], row[1], row[2], bool(row[3]), *row[4:])


class SourceTables:
    """The sources and fetched_entries tables; needs `self.conn` and `self.transaction()`."""

    def add_source(self, url: str, *, name: str, kind: str, allow_private: bool) -> bool:
        """Follow `url`; True if it is new (an existing source takes the new name, kind and flag)."""
        with self.transaction() as c:
            known = c.execute("SELECT 1 FROM sources WHERE url = ?", (url,)).fetchone()
            c.execute("INSERT INTO sources(url, name, kind, allow_private, added_at) VALUES (?, ?, ?, ?, ?)"
                      " ON CONFLICT(url) DO UPDATE SET name = excluded.name, kind = excluded.kind,"
                      " allow_private = excluded.allow_private", (url, name, kind, int(allow_private), _now()))
        return known is None

    def remove_source(self, url: str) -> bool:
        with self.transaction() as c:
            return c.execute("DELETE FROM sources WHERE url = ?", (url,)).rowcount == 1

    def sources(self) -> list[Source]:
        return [_source(r) for r in self.conn.execute(f"SELECT {_COLUMNS} FROM sources ORDER BY added_at, url")]

    def note_pull(self, url: str, *, error: str = "", etag: str | None = None, last_modified: str | None = None,
                  validators: bool = False) -> None:
        """Record a pull's outcome; with `validators`, also the response's ETag / Last-Modified."""
        now = _now()
        with self.transaction() as c:
            c.execute("UPDATE sources SET last_pulled_at = ?, last_error = ?,"
                      " last_ok_at = CASE WHEN ? = '' THEN ? ELSE last_ok_at END WHERE url = ?",
                      (now, error, error, now, url))
            if validators:
                c.execute("UPDATE sources SET etag = ?, last_modified = ? WHERE url = ?", (etag, last_modified, url))

    def entry_known(self, *, url: str | None = None, text_hash: str | None = None) -> bool:
        """Whether an entry with this URL (or this text) was taken in already."""
        if url is not None and self.conn.execute("SELECT 1 FROM fetched_entries WHERE url = ?", (url,)).fetchone():
            return True
        return text_hash is not None and self.conn.execute(
            "SELECT 1 FROM fetched_entries WHERE text_hash = ?", (text_hash,)).fetchone() is not None

    def record_entry(self, *, source_url: str, url: str, text_hash: str, published: str | None,
                     statements: int, status: str = "ingested") -> None:
        """One entry taken in (its statements are already stored: inserting them again is a no-op)."""
        with self.transaction() as c:
            c.execute("INSERT INTO fetched_entries(source_url, url, text_hash, published, statements, status,"
                      " fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                      (source_url, url, text_hash, published, statements, status, _now()))

    def count_entries(self, source_url: str | None = None) -> int:
        sql, params = "SELECT count(*) FROM fetched_entries", ()
        if source_url is not None:
            sql, params = sql + " WHERE source_url = ?", (source_url,)
        return self.conn.execute(sql, params).fetchone()[0]
