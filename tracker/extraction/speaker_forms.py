"""When two speaker strings name one speaker, for the scorer (`evaluate.py`): the forms the gold and the extraction
write one person or body in (an unnamed source with or without its article, a spokesperson's principal either way
round, a country's body by its name or adjective, a name with or without given or middle names, one person's staff)."""

from __future__ import annotations

import re
import unicodedata

from tracker.extraction.lexicon import DEMONYMS, ORG_HEADS


def normalise(text: str) -> str:
    """Lower case, curly quotes and dashes folded, punctuation dropped, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": " ", "–": " "}))
    text = re.sub(r"[^\w\s']", " ", text).replace("'", "")
    return " ".join(text.split())


_ARTICLE = re.compile(r"^(?:(?:a|an|another|the|multiple|several|some|two|three|four|five) )+")
_PLURAL_HEAD = re.compile(r"\b(official|source|diplomat|aide|adviser|advisor|insider)s\b")


_SPOKES_FOR = re.compile(r"^(spokes(?:man|woman|person)) for (.+)$")
_COUNTRY_OWNS = re.compile(rf"^({'|'.join(c.lower() for c in DEMONYMS)})s ")  # "israels foreign ministry", normalised
_OF_COUNTRY = re.compile(rf"^(government|presidency|cabinet) of ({'|'.join(c.lower() for c in DEMONYMS)})$")


def same_speaker(pred: str, gold: str) -> bool:
    """One speaker, whether or not an unnamed one is written with its article or a number ("a NATO
    diplomat", "three NATO diplomats" and "NATO diplomat" are one unnamed source), and whichever way a
    spokesperson's principal is written ("spokesperson for X" is "X's spokesperson"), an unnamed
    journalist is a reporter, an unnamed interviewer, presenter or anchor is the gold's host, "Sir" or "Dame"
    before a name is no part of it nor is a peer's seat ("Lord McDonald of Salford" is "Lord McDonald"), and a
    party is one speaker by its name or its members ("Conservative Party", "the Conservatives"), a country's body
    by its name or adjective ("Israel's foreign ministry", "Israeli foreign ministry", "Government of Canada",
    "Canadian government", "UK government", "British government"), and a person's name
    without the given names the article never writes ("Tayyip Erdogan" is "Recep Tayyip Erdogan") or its middle
    names ("Hillary Clinton" is "Hillary Rodham Clinton"), one person's staff however their name is written
    ("Biden campaign", "Joe Biden's campaign"), and a body by its initials ("ANC", "African National Congress")."""
    def key(name: str) -> str:
        name = _PLURAL_HEAD.sub(r"\1", _ARTICLE.sub("", normalise(name)))
        name = re.sub(r"\bjournalist\b", "reporter", name)
        name = re.sub(r"^(?:interviewer|presenter|anchor)$", "host", name)
        name = re.sub(r"^(?:sir|dame) ", "", name)  # an honorific, not part of the name
        name = re.sub(r"^((?:lord|baroness|lady) \S+) of .+$", r"\1", name)  # "Lord McDonald of Salford": his seat
        # a party by its members or by its name: "the Conservatives", "Conservative Party"; "Labour", "Labour Party"
        name = re.sub(r"^(conservative|liberal|green|republican|socialist)s$", r"\1", re.sub(r" party$", "", name))
        name = _SPOKES_FOR.sub(r"\2s \1", name)  # normalise drops the apostrophe
        name = re.sub(r"^(?:uk|u k|united kingdom) ", "british ", name)  # "UK government", "British government"
        name = _OF_COUNTRY.sub(lambda m: f"{DEMONYMS[m.group(2).title()].lower()} {m.group(1)}", name)  # "of Canada"
        return _COUNTRY_OWNS.sub(lambda m: DEMONYMS[m.group(1).title()].lower() + " ", name)  # "Israel's" "Israeli"
    return key(pred) == key(gold) or _given_names_dropped(pred, gold) or _given_names_dropped(gold, pred) \
        or _middle_names_dropped(pred, gold) or _middle_names_dropped(gold, pred) or _one_persons_staff(pred, gold) \
        or _initials_of(pred, gold) or _initials_of(gold, pred)


_STAFF_OF = re.compile(r"^(?P<owner>(?:[A-Z][\w.-]*\s)*[A-Z][\w.-]*?)(?:['’]s)? "
                       r"(?P<staff>(?:press |private )?office|campaign|team|spokes(?:man|woman|person))$")


def _initials_of(short: str, full: str) -> bool:
    """'ANC' for 'African National Congress', 'DFA' for 'Department of Foreign Affairs': a body by its initials."""
    words = re.findall(r"[A-Z][\w'’-]*", re.sub(r"^(?:the|The) ", "", full))
    return bool(re.fullmatch(r"[A-Z]{2,6}", short)) and len(words) == len(short) and "".join(w[0] for w in words) == short


def _one_persons_staff(pred: str, gold: str) -> bool:
    """One person's office, campaign or spokesperson, with or without the given names and the possessive ("Joe
    Biden's office", "Biden's office"; "Liz Truss's campaign", "Truss campaign")."""
    a, b = _STAFF_OF.match(pred.strip()), _STAFF_OF.match(gold.strip())
    return bool(a and b) and a["staff"].lower() == b["staff"].lower() and a["owner"].split()[-1] == b["owner"].split()[-1]


_BODIES = ORG_HEADS | {"service", "services", "board", "bureau", "authority"}


def _middle_names_dropped(short: str, full: str) -> bool:
    """`short` is a given name and a surname, `full` the same two with capitalised middle names between them
    ("Hillary Clinton", "Hillary Rodham Clinton")."""
    s, f = short.split(), full.split()
    return len(s) == 2 and len(f) > 2 and f[0] == s[0] and f[-1] == s[-1] and all(w[:1].isupper() for w in f)


def _given_names_dropped(short: str, full: str) -> bool:
    """`short` is `full` without leading given names: two or more words that end `full`, after capitalised words
    only ("Friend of Boris Johnson" is not "Boris Johnson"), and no body's name ("Security Service")."""
    s, f = short.split(), full.split()
    return len(s) >= 2 and len(f) > len(s) and f[-len(s):] == s and s[-1].lower() not in _BODIES \
        and all(w.strip("\"“”'‘’")[:1].isupper() for w in f[:-len(s)])
