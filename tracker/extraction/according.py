"""'According to an official, X happened': a statement with no reporting verb, whose source is named
before or after it."""

from __future__ import annotations

import re

from tracker.extraction.discourse import Discourse
from tracker.extraction.lexicon import REPORT_LEMMAS
from tracker.extraction.records import Found
from tracker.extraction.speakers import resolve_speaker

# verbs of one who spoke, not of a reading ('the bank is signalling that …' is the source's reading)
_SPEAKING = {"say", "tell", "write", "post", "tweet", "add", "reply", "answer", "respond", "remark"}
_NO_SOURCE = re.compile(r"\b(?:results|figures|data|polls?|estimates|count|tally)$", re.I)  # numbers, not a speaker


def according_to(doc, base: int, state: Discourse, in_quote) -> list[Found]:
    """'According to an official ..., X happened' with no reporting verb: the source said it."""
    out = []
    for sent in doc.sents:
        written = doc.user_data.get("source", doc.text)[sent.start_char:sent.end_char]
        m = re.match(r"^According to (?P<who>[^,]+),\s*(?P<what>.+?)[.!?]?$", written.strip())
        if m is None and not any(t.lemma_.lower() in REPORT_LEMMAS for t in sent):
            # "Taxes will rise, according to X"; not "an official confirmed …, according to CNN": that
            # names who reported the official's words
            m = re.match(r"^(?P<what>[^,]{10,}?),? according to (?P<who>[^,.]+)[.!?]?$", written.strip())
        if not m or in_quote(sent.start_char) or _NO_SOURCE.search(m.group("who")):
            continue
        if m.group("what").rstrip().endswith(":"):
            continue  # 'According to a transcript, the exchange went as follows:' opens what follows, says nothing
        s = base + sent.start_char + written.index(m.group("what"))
        if any(t.dep_ == "ROOT" and t.lemma_.lower() in _SPEAKING and t.idx >= s - base and (
                any(c.dep_ == "ccomp" for c in t.children) or any(q.is_quote for q in t.doc[t.i:sent.end]))
               for t in sent):
            continue  # 'According to those in the room, he told colleagues: …': the words are his, said in the room
        speaker = resolve_speaker(m.group("who"), base + sent.start_char, state)
        out.append(Found(speaker, m.group("what"), "reported", s, s + len(m.group("what")), base + sent.start_char,
                          base + sent.start_char, base + sent.end_char))
    return out
