"""The sources `tracker pull` follows: checked when added, kept in the store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.errors import UsageError
from tracker.intake.fetch import FetchError, check_url
from tracker.store_sources import SOURCE_KINDS

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ["url", "name", "kind", "allow_private", "added_at", "last_pulled_at", "last_ok_at", "last_error",
           "entries"]


def add_source(store, url: str, *, name: str | None = None, kind: str = "feed", allow_private: bool = False) -> bool:
    """Follow an http(s) feed or page; True if new. `allow_private` lets it (and its entries) be fetched
    from loopback or private addresses."""
    url = url.strip()
    try:
        _, host, _ = check_url(url)
    except FetchError as exc:
        raise UsageError(str(exc)) from None
    if kind not in SOURCE_KINDS:
        raise UsageError(f"--kind must be feed or page, not {kind!r}")
    name = " ".join((name or host).split())
    return store.add_source(url, name=name, kind=kind, allow_private=allow_private)


def remove_source(store, url: str) -> None:
    """Stop following `url`; entries already taken in stay known, so re-adding it ingests nothing twice."""
    if not store.remove_source(url.strip()):
        raise UsageError(f"not a followed source: {url} (see `tracker sources list`)")


def list_sources(store) -> "pd.DataFrame":
    import pandas as pd

    rows = [{**{c: getattr(s, c) for c in COLUMNS[:-1]}, "entries": store.count_entries(s.url)}
            for s in store.sources()]
    return pd.DataFrame(rows, columns=COLUMNS)
