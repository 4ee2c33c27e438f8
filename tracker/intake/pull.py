"""`tracker pull`: read each source, fetch each new entry's page, take its text and publication date
(trafilatura, htmldate) and ingest it through the article path (speakers, quotes, dates; the page URL
as source, the source's name as outlet).

Faults never lose work. A source that fails (timeout, 4xx/5xx, redirect loop, junk, an oversized
body) is one stderr line, is skipped, and is tried again next run; the others go on. Each entry is
stored as it is taken in: its statements (an idempotent insert), then its record. A pull killed in
between stores the statements once and takes the entry in again next time; a source's ETag and
Last-Modified are saved only after all its new entries are in, so the next pull reads it again.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tracker.actors import ActorAliases
from tracker.errors import InputError, StoreError, UsageError
from tracker.extraction.read import html_to_text
from tracker.ingest import article_statements
from tracker.intake.feeds import Entry, FeedError, parse_feed
from tracker.intake.fetch import DELAY_S, MAX_BYTES, TIMEOUT_S, USER_AGENT, Fetcher, FetchError, Response
from tracker.store import text_hash
from tracker.store_sources import Source

_PAGE_TYPES = ("html", "xml", "text/plain")
_EARLIEST = "1800-01-01"  # htmldate's own floor is 1995: archives and anniversaries go back further


class LeftOut(Exception):
    """A page that will not change on a retry (no text, no date, not a page): recorded and left out."""


@dataclass
class PullSummary:
    """What a pull did; `seconds` splits its time into fetch, wait (politeness), extract and store."""

    sources: int = 0
    failed: list[str] = field(default_factory=list)
    unchanged: int = 0
    entries: int = 0
    duplicates: int = 0
    statements: int = 0
    entry_failures: int = 0
    left_out: int = 0
    seconds: dict[str, float] = field(default_factory=lambda: {"fetch": 0.0, "wait": 0.0, "extract": 0.0,
                                                               "store": 0.0})


def pull_sources(store, urls: list[str] | None = None, *, actors=None, log=print, delay: float | None = None,
                 timeout: float | None = None, max_bytes: int | None = None, user_agent: str | None = None,
                 fetcher: Fetcher | None = None) -> PullSummary:
    """Pull every source (or only `urls`); InputError when each one failed (all work done is kept)."""
    chosen = store.sources()
    if urls:
        known = {s.url: s for s in chosen}
        missing = [u for u in urls if u not in known]
        if missing:
            raise UsageError(f"not a followed source: {', '.join(missing)} (add it with `tracker sources add`)")
        chosen = [known[u] for u in dict.fromkeys(urls)]
    if not chosen:
        raise InputError("no sources to pull: add one with `tracker sources add URL`")
    env = os.environ
    fetcher = fetcher or Fetcher(
        user_agent=user_agent or env.get("TRACKER_USER_AGENT") or USER_AGENT,
        timeout=timeout if timeout is not None else TIMEOUT_S, max_bytes=max_bytes or MAX_BYTES,
        delay=delay if delay is not None else float(env.get("TRACKER_PULL_DELAY") or DELAY_S))
    aliases = ActorAliases.from_csv(actors).knowing(store.actor_documents())  # who a surname alone is
    summary = PullSummary(sources=len(chosen))
    for source in chosen:
        try:
            _pull_source(store, source, fetcher, aliases, summary, log)
            continue
        except (FetchError, FeedError, LeftOut) as exc:
            reason = str(exc)
        except (StoreError, sqlite3.Error):
            raise
        except Exception as exc:  # a parser's surprise on junk must not stop the other sources
            reason = f"unexpected {type(exc).__name__}: {exc}"
        summary.failed.append(source.url)
        log(f"pull: {source.url}: skipped: {reason}; tried again next run")
        store.note_pull(source.url, error=reason)
    summary.seconds["fetch"], summary.seconds["wait"] = fetcher.seconds["fetch"], fetcher.seconds["wait"]
    log(f"pull: {summary.sources} source(s): {summary.entries} new entries, {summary.statements} statements, "
        f"{summary.duplicates} duplicate, {summary.left_out} left out, {summary.unchanged} unchanged, "
        f"{len(summary.failed)} failed")
    if len(summary.failed) == len(chosen):
        raise InputError(f"pull: every source failed ({len(chosen)}); nothing new was read")
    return summary


def _pull_source(store, source: Source, fetcher: Fetcher, aliases, summary: PullSummary, log) -> None:
    conditional = {k: v for k, v in (("If-None-Match", source.etag), ("If-Modified-Since", source.last_modified))
                   if v}
    response = fetcher.get(source.url, allow_private=source.allow_private, headers=conditional)
    validators = {"etag": response.headers.get("etag"), "last_modified": response.headers.get("last-modified")}
    if response.status == 304:
        summary.unchanged += 1
        store.note_pull(source.url)
        return
    if source.kind == "page":
        _take(store, source, Entry(source.url), response, aliases, summary, log)
        store.note_pull(source.url, validators=True, **validators)
        return
    entries = parse_feed(response.body, base_url=response.url, content_type=response.content_type)
    new = [e for e in {e.url: e for e in entries}.values() if not store.entry_known(url=e.url)]
    failures = 0
    for entry in new:
        try:
            page = fetcher.get(entry.url, allow_private=source.allow_private)
            _take(store, source, entry, page, aliases, summary, log)
            continue
        except (FetchError, LeftOut) as exc:
            if isinstance(exc, LeftOut) or str(exc).startswith("disallowed by"):
                log(f"pull: {source.url}: entry {entry.url}: {exc}; left out")
                store.record_entry(source_url=source.url, url=entry.url, text_hash="", published=None,
                                   statements=0, status=f"left out: {exc}")
                summary.left_out += 1
                continue
            reason = str(exc)
        except (StoreError, sqlite3.Error):
            raise
        except Exception as exc:
            reason = f"{type(exc).__name__}: {exc}" if not isinstance(exc, InputError) else str(exc)
        failures += 1
        summary.entry_failures += 1
        log(f"pull: {source.url}: entry {entry.url}: {reason}; tried again next run")
    if new and failures == len(new):
        raise FetchError(f"each of its {failures} new entries failed")
    store.note_pull(source.url, error=f"{failures} entries failed" if failures else "",
                    validators=not failures, **validators)


def _take(store, source: Source, entry: Entry, response: Response, aliases, summary: PullSummary, log) -> None:
    """One page into statements and an entry record; a page whose text is already in is recorded only."""
    started = time.monotonic()
    if response.content_type and not any(t in response.content_type for t in _PAGE_TYPES):
        raise LeftOut(f"not a web page ({response.content_type})")
    html = decode_page(response)
    text = html_to_text(html).strip()
    if not text:
        raise LeftOut("no article text in the page")
    digest = text_hash(" ".join(text.split()))
    if store.entry_known(text_hash=digest):
        if source.kind == "feed":  # remember the URL too, so the next pull does not fetch it
            store.record_entry(source_url=source.url, url=entry.url, text_hash=digest, published=None,
                               statements=0, status="duplicate")
        summary.duplicates += 1
        return
    day = page_date(html, url=entry.url, fallback=entry.published)
    if day is None:
        raise LeftOut("no publication date in the page or the feed")
    statements = statements_from_text(text, aliases, date=day, url=entry.url, outlet=source.name, log=log)
    summary.seconds["extract"] += time.monotonic() - started
    started = time.monotonic()
    ingested, _, _ = store.insert_statements(statements)
    store.record_entry(source_url=source.url, url=entry.url, text_hash=digest, published=day.isoformat(),
                       statements=len(statements))
    summary.seconds["store"] += time.monotonic() - started
    summary.entries += 1
    summary.statements += ingested


def decode_page(response: Response) -> str:
    """The body as text: the charset the server names, else UTF-8, else Windows-1252."""
    from tracker.textio import decode

    charset = response.headers.get("content-type", "").lower().partition("charset=")[2].split(";")[0].strip(' "')
    if charset:
        try:
            return response.body.decode(charset, errors="replace")
        except LookupError:
            pass
    return decode(response.body, response.url, [])


def page_date(html: str, *, url: str, fallback: dt.date | None) -> dt.date | None:
    """The page's own publication date (metadata, then markup), else the feed's, else a wider search."""
    from htmldate import find_date

    today = dt.date.today().isoformat()
    for extensive in (False, True):
        if extensive and fallback is not None:
            return fallback
        try:
            found = find_date(html, url=url, original_date=True, extensive_search=extensive, min_date=_EARLIEST,
                              max_date=today)
        except Exception:  # htmldate on broken markup
            found = None
        if found:
            return dt.date.fromisoformat(found)
    return None


def statements_from_text(text: str, aliases: ActorAliases, *, date: dt.date, url: str, outlet: str,
                         log) -> list:
    """The article path (tracker.ingest.article_statements) run on fetched text, with the URL as source."""
    with tempfile.TemporaryDirectory(prefix="tracker-pull-") as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(text, encoding="utf-8")
        statements = article_statements(str(path), aliases, date=date.isoformat(), url=url, outlet=outlet, log=log)
    for s in statements:
        s.metadata["article"] = url
    return statements
