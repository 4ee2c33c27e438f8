"""Feeds into entries: RSS 0.9x / 1.0 / 2.0 and Atom through feedparser, JSON Feed 1.x by hand
(it is plain JSON: a `version` URL and `items` with `url` and `date_published`)."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from urllib.parse import urljoin


class FeedError(Exception):
    """A body that is not a readable feed."""


@dataclass(frozen=True)
class Entry:
    """One feed item: the page to fetch and the date the feed gives it (if any)."""

    url: str
    title: str = ""
    published: dt.date | None = None


def parse_feed(body: bytes, *, base_url: str, content_type: str = "") -> list[Entry]:
    """The entries with a link, in feed order; a body that is no feed at all is a FeedError."""
    head = body.lstrip()[:1]
    if "json" in content_type or head == b"{":
        return _json_feed(body, base_url)
    import feedparser

    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": base_url,
                                                                  "content-type": content_type or "application/xml"})
    entries = []
    for item in parsed.entries:
        link = item.get("link") or ""
        if not link:
            continue
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        day = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        entries.append(Entry(urljoin(base_url, link), str(item.get("title", "")), day))
    if not entries and (parsed.bozo or not parsed.version):  # a well-formed empty feed is fine; junk is not
        reason = getattr(parsed, "bozo_exception", None)
        raise FeedError("not a readable RSS, Atom or JSON feed" + (f" ({_short(reason)})" if reason else ""))
    return entries


def _json_feed(body: bytes, base_url: str) -> list[Entry]:
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedError(f"not a readable JSON feed ({_short(exc)})") from None
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith("https://jsonfeed.org/version/") \
            or not isinstance(doc.get("items"), list):
        raise FeedError("not a JSON Feed (no jsonfeed.org version or no items list)")
    entries = []
    for item in doc["items"]:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url")
        if not isinstance(link, str) or not link:
            continue
        entries.append(Entry(urljoin(base_url, link), str(item.get("title", "")),
                             _rfc3339_day(item.get("date_published") or item.get("date_modified"))))
    return entries


def _rfc3339_day(value) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _short(reason) -> str:
    text = " ".join(str(reason).split())
    return text if len(text) <= 120 else text[:117] + "..."
