"""Continuous intake: follow news feeds and pages, take each new entry's article in through the
article path. `sources` keeps the list, `fetch` speaks HTTP safely, `feeds` reads RSS / Atom /
JSON Feed, `pull` ties them to the store."""

from __future__ import annotations

from tracker.intake.sources import add_source, list_sources, remove_source


def pull_sources(store, urls=None, **options):
    """Pull every source (or those in `urls`); see tracker.intake.pull (imported only when pulling)."""
    from tracker.intake import pull

    return pull.pull_sources(store, urls, **options)


__all__ = ["add_source", "list_sources", "remove_source", "pull_sources"]
