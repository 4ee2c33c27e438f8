"""Live blogs: entries headed by a time ('08.05 BST', '9:07 a.m. -'), in time order, that may run past midnight.

An entry after the clock runs back (23.55, then 00.40) is on the next day; a news frame cannot tell, since
the blog names its days once, at the top ('Monday 22 April, continuing into Tuesday 23 April') or not at all.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from tracker.extraction.dates import find_cues, resolved_cues

# a time opening a line: '08.05 BST', '5:40pm', '9:07 a.m. - Chrystia Freeland has left', '2:40am ET'
_ENTRY = re.compile(r"(?m)^[ \t]*(?P<h>[0-2]?\d)[:.](?P<m>[0-5]\d)(?:\s*(?P<ap>[ap])\.?m\.?)?"
                    r"(?:\s+[A-Z]{2,4})?[ \t]*(?:[-–—:][ \t]|$)", re.I)
MIN_ENTRIES = 3
BACK = 6 * 60  # the clock running back by more than this many minutes is a new day


def entry_days(text: str, article_day: dt.date, quotes) -> list[tuple[int, dt.date]]:
    """(start offset, day) of each timed entry of a live blog that runs past midnight, in reading order; [] for
    any other article. The first entries are on the first day the opening names before them, else the
    article's day."""
    entries = [(m.start(), _minutes(m)) for m in _ENTRY.finditer(text)]
    if len(entries) < MIN_ENTRIES:
        return []
    steps = [b - a for (_, a), (_, b) in zip(entries, entries[1:])]
    if sum(s >= 0 for s in steps) < len(steps) / 2:
        return []  # newest first, or not a timeline
    crossings = [0]
    for s in steps:
        crossings.append(crossings[-1] + (s < -BACK))
    if crossings[-1] == 0:
        return []
    opening = [d for c, d, p in resolved_cues(find_cues(text, quotes), article_day) if p == "day"
               and c.start < entries[0][0]]
    first = opening[0] if opening else article_day
    return [(at, first + dt.timedelta(days=k)) for (at, _), k in zip(entries, crossings)]


def _minutes(m: re.Match) -> int:
    h, minutes, ap = int(m.group("h")), int(m.group("m")), (m.group("ap") or "").lower()
    if ap == "p" and h < 12:
        h += 12
    elif ap == "a" and h == 12:
        h = 0
    return h * 60 + minutes


def day_of(offset: int, days: list[tuple[int, dt.date]]) -> dt.date | None:
    """The day of the entry holding `offset` (None before the first entry)."""
    i = bisect.bisect_right([at for at, _ in days], offset)
    return days[i - 1][1] if i else None
