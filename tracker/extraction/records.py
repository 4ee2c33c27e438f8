"""Records shared by the extraction steps, kept apart so the step modules need not import each other."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# ---------------------------------------------------------------------------- records


@dataclass
class Quote:
    start: int  # offsets of the quoted words (inside the quote marks), in article.text
    end: int
    open_start: int  # offset of the opening quote mark
    close_end: int  # offset just after the closing mark
    direct: bool = False


@dataclass
class Found:
    """A statement before its date is resolved."""

    speaker: str
    text: str
    kind: str
    start: int
    end: int
    anchor: int  # offset of the reporting verb (or attribution) used to pick a date cue
    sent_start: int
    sent_end: int
    excluded: list[tuple[int, int]] = field(default_factory=list)  # spans whose date cues are not ours
    present: bool = False
    fixed_date: dt.date | None = None
    contrasts: "Found | None" = None  # the same speaker's statement the writer sets this one against
    on_frame: bool = False  # a transcript line: said on the story's own day (the news frame), whatever came before


# ---------------------------------------------------------------------------- spans


def in_spans(spans: list[tuple[int, int]]):
    return lambda i: any(s <= i < e for s, e in spans)


def trim_span(text: str, s: int, e: int) -> tuple[int, int]:
    """A span without the spaces around it and a trailing comma."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e
