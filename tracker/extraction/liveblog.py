"""Live blogs: entries headed by a time ('08.05 BST', '9:07 a.m. -', '12.40am, Sunday October 15'), oldest or
newest first, each written to be read alone, that may run past midnight.

Read oldest first, an entry after the clock runs back (23.55, then 00.40) is on the next day; a news frame cannot
tell, since the blog names its days once, at the top ('Monday 22 April, continuing into Tuesday 23 April'), on
the header of the entry where the day turns, or not at all.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from tracker.extraction.dates import find_cues, resolved_cues

# a time opening a line: '08.05 BST', '5:40pm', '9:07 a.m. - Chrystia Freeland has left', '2:40am ET'
# ('12.40am, Sunday October 15': a header line may name the entry's day)
_ENTRY = re.compile(r"(?m)^[ \t]*(?P<h>[0-2]?\d)[:.](?P<m>[0-5]\d)(?:\s*(?P<ap>[ap])\.?m\.?)?"
                    r"(?:\s+[A-Z]{2,4})?[ \t]*(?:[-–—:][ \t]|(?P<day>,[ \t]*[A-Z][^\n]{3,40})?$)", re.I)
MIN_ENTRIES = 3
BACK = 6 * 60  # the clock running back by more than this many minutes is a new day


def entry_days(text: str, article_day: dt.date, quotes) -> list[tuple[int, dt.date]]:
    """(start offset, day) of each timed entry of a live blog that runs past midnight, in reading order; [] for
    any other article. The first entries are on the first day the opening names before them, else the
    article's day."""
    found, newest_first = _timeline(text)
    if not found:
        return []
    minutes = [_minutes(m) for m in found]
    order = minutes[::-1] if newest_first else minutes  # oldest first
    crossings = [0]
    for a, b in zip(order, order[1:]):
        crossings.append(crossings[-1] + (b - a < -BACK))
    if crossings[-1] == 0:
        return []
    if newest_first:
        crossings = crossings[::-1]
    named = [(k, _named_day(m, article_day)) for m, k in zip(found, crossings)]
    named = [(k, d) for k, d in named if d is not None]
    if named:  # the day an entry's header names fixes the others
        k0, day0 = named[0]
        first = day0 - dt.timedelta(days=k0)
    elif newest_first:  # the newest entry is on the article's day
        first = article_day - dt.timedelta(days=max(crossings))
    else:
        opening = [d for c, d, p in resolved_cues(find_cues(text, quotes), article_day) if p == "day"
                   and c.start < found[0].start()]
        first = opening[0] if opening else article_day
    return [(m.start(), first + dt.timedelta(days=k)) for m, k in zip(found, crossings)]


def entry_starts(text: str) -> list[int]:
    """Where each timed entry of a live blog begins; [] for any other article. Entries are written to be read
    alone: an entry's "he" or "she" is someone that entry names, where it names one, before anyone an entry
    above it named."""
    return [m.start() for m in _timeline(text)[0]]


def _timeline(text: str) -> tuple[list[re.Match], bool]:
    """The entry headers of a live blog and whether the newest comes first; none where the times are too few
    or do not run one way."""
    found = list(_ENTRY.finditer(text))
    if len(found) < MIN_ENTRIES:
        return [], False
    steps = [_minutes(b) - _minutes(a) for a, b in zip(found, found[1:])]
    newest_first = sum(s <= 0 for s in steps) > len(steps) / 2
    if not newest_first and sum(s >= 0 for s in steps) < len(steps) / 2:
        return [], False  # not a timeline
    return found, newest_first


def _named_day(m: re.Match, article_day: dt.date) -> dt.date | None:
    """The day an entry's header line names after its time ('12.40am, Sunday October 15'), if it names one."""
    header = m.group("day") or ""
    days = [d for _, d, p in resolved_cues(find_cues(header, []), article_day) if p == "day"]
    return days[0] if days else None


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
