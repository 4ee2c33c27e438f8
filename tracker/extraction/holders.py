"""Who held a head-of-state or head-of-government office on the article's day (`office_holders.tsv`, offices of
record): 'the president' in a 2019 article that names Donald Trump but never writes 'President Trump' is him, and
'the US president' in an article that also quotes President Xi Jinping is the one who held that office."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path


def _fold(word: str) -> str:
    """'Schröder' and 'Schroder', 'Erdoğan' and 'Erdogan' alike."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


@cache
def office_rows() -> list[tuple[str, str, tuple[str, ...], dt.date, dt.date | None]]:
    """(name, office, the words naming its country, first day, day it ended or None) for each term in the table."""
    lines = Path(__file__).with_name("office_holders.tsv").read_text(encoding="utf-8").splitlines()
    return [(name, office, tuple(countries.split("|")), dt.date.fromisoformat(start),
             dt.date.fromisoformat(end) if end else None)
            for name, office, countries, start, end in (line.split("\t") for line in lines if not line.startswith("#"))]


def offices_held(day: dt.date | None) -> Callable[[str], str]:
    """A name as an article writes it → the titles its holder had on `day` ('us president | … | president'), or ''.
    A name is a holder's when its last word is the holder's surname and its first word one of the holder's names
    ('Tayyip Erdogan' for Recep Tayyip Erdogan); a name of one word is no one's here."""
    held: dict[str, list[tuple[set[str], str]]] = {}
    for name, office, countries, start, end in office_rows():
        if day is not None and start <= day and (end is None or day < end):
            words = [_fold(w) for w in name.split()]
            held.setdefault(words[-1], []).append((set(words[:-1]), " | ".join([f"{c} {office}" for c in countries]
                                                                               + [office])))

    def titles(person: str) -> str:
        words = [_fold(w) for w in person.split()]
        if len(words) < 2:
            return ""
        return " | ".join(t for first, t in held.get(words[-1], ()) if words[0] in first)
    return titles
