"""Who a bare surname is across articles: an article that writes only "Biden" or "Sunak" leaves the full
name to its reader's knowledge, while other articles of the same batch, or the store, name the person in
full. A surname becomes the full name that holds most of the documents naming someone by it, so that one
person is one actor on one timeline. Within one article, the forms of a name that are one person: a middle name
dropped, a nickname in quotes, a first name alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from tracker.extraction.lexicon import (DEMONYMS, HONORIFICS, ORG_HEADS, PARTICLES, PARTY_MEMBERS, POST_NOMINALS,
                                        ROLE_NOUNS, TITLE_SET, first_name_gender, is_role)

SHARE = 0.8  # the share of documents naming someone "X" in full that one full name must hold to own "X"
AT_LEAST = 3  # … and the documents it must be named in: someone the batch keeps coming back to, not one
# article's passer-by ('Tanaka of Kyodo News' is not the 'Naoki Tanaka' another article quotes)
_WORD = re.compile(r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*\.?")  # a capitalised word, not initials or an acronym
_NOT_NAMES = TITLE_SET | ROLE_NOUNS | POST_NOMINALS | PARTY_MEMBERS | ORG_HEADS | HONORIFICS
_PEOPLES = set(DEMONYMS.values())


def _no_title(word: str) -> bool:
    return word.lower().strip(".") not in _NOT_NAMES and not is_role(word.lower())


def _name_word(word: str) -> bool:
    return bool(_WORD.fullmatch(word)) and _no_title(word)


_NICKNAMED = re.compile(r"^(\w+) [\"“]([A-Z]\w+)[\"”] (?=\w)")


def nickname(name: str) -> str:
    """'Jokowi' in 'Joko "Jokowi" Widodo': a name in quotes inside a name, which the article may use alone."""
    m = _NICKNAMED.match(name.strip())
    return m[2] if m else ""


def without_nickname(name: str) -> str:
    """'Anthony "Jack" Regan' goes by Jack, a given name; 'Joko "Jokowi" Widodo' is Joko Widodo."""
    return _NICKNAMED.sub(lambda m: (m[2] if first_name_gender(m[2] + " X") else m[1]) + " ", name)


def first_named(ent, people) -> bool:
    """'Eduardo, the president's son', which the NER took for a body: one proper noun that is the first name of just
    one person the article has named in full."""
    return len(ent) == 1 and ent.root.pos_ == "PROPN" and len(
        [p for p in people.values() if not p.anonymous and p.name.split()[0] == ent.text != p.name]) == 1


_GIVEN_AND_SURNAME = re.compile(r"\b([A-Z][a-z]+) ([A-Z](?:[a-z]+|['’][A-Z][a-z]+)(?:-[A-Z][a-z]+)?)\b(?! [A-Z])")


def named_in_full(text: str) -> dict[str, str]:
    """Surname → the one person the article names in full with a known first name anywhere in it ('Cameron' →
    'David Cameron'): a live blog with its newest entries first, or a standfirst, may name someone by surname long
    before it gives the full name."""
    found: dict[str, set[str]] = {}
    for m in _GIVEN_AND_SURNAME.finditer(text):
        if first_name_gender(m[0]) and _name_word(m[1]) and m[1] not in _PEOPLES and _name_word(m[2]) \
                and not first_name_gender(m[2] + " X"):  # not 'German Greens', 'General Infirmary'; 'Morgan' may be given
            found.setdefault(m[2], set()).add(m[0])
    return {surname: names.pop() for surname, names in found.items() if len(names) == 1}


def middle_dropped(short: str, full: str) -> bool:
    """'Sushil Modi' for 'Sushil Kumar Modi', 'Kamala Harris' for 'Kamala D. Harris': a two-word name that
    keeps the first and last words of a longer one."""
    s, f = short.split(), full.split()
    return len(s) == 2 and len(f) > 2 and s[0] == f[0] and s[-1] == f[-1] and _name_word(s[0])


def is_full_name(name: str) -> bool:
    """A person's name of two to four words, each capitalised or a particle ('Ursula von der Leyen'), none of
    them a title, role or party ('Conservative MP', 'Foreign Secretary')."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not _name_word(words[-1]):
        return False
    return all(w in PARTICLES or (w[:1].isupper() and _no_title(w)) for w in words)


def surname_owners(named: Mapping[str, int], *, share: float = SHARE, at_least: int = AT_LEAST) -> dict[str, str]:
    """Surname → the one full name that `share` of the documents naming someone by that surname name in
    full, and at least `at_least` documents (`named`: full name → documents). 'Biden': 'Joe Biden' in 46,
    'Hunter Biden' in 1 → 'Joe Biden'."""
    by_surname: dict[str, Counter] = {}
    for name, count in named.items():
        if is_full_name(name):
            by_surname.setdefault(name.split()[-1], Counter())[name] += count
    owners = {}
    for surname, names in by_surname.items():
        (best, top), total = names.most_common(1)[0], sum(names.values())
        if top >= share * total and top >= at_least:
            owners[surname] = best
    return owners


def documents_naming(batch: Iterable[Sequence]) -> Counter:
    """Full person names among each document's speakers → how many documents name them."""
    named: Counter = Counter()
    for statements in batch:
        named.update({s.speaker for s in statements if s.speaker_kind == "person" and is_full_name(s.speaker)})
    return named


def complete_surnames(batch: Sequence[Sequence], known: Mapping[str, int] | None = None) -> list[list]:
    """Each document's statements with a speaker written by surname alone ('Sunak') given the full name
    that owns it among the batch's documents and `known` (full name → documents, as a store holds them)."""
    named = documents_naming(batch)
    named.update(known or {})
    owners = surname_owners(named)
    return [[replace(s, speaker=owners[s.speaker])
             if s.speaker_kind == "person" and s.speaker in owners and _name_word(s.speaker) else s
             for s in statements] for statements in batch]
