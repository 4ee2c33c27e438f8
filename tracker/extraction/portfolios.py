"""Titles written before a name, and where the name starts: 'Chancellor Olaf Scholz', 'Green MP Caroline Lucas',
and the person a title's portfolio runs into: 'Leader of the Opposition Edappadi K. Palaniswami', 'Minister for
Science and Technology Fawad Chaudhry', 'Adviser to the PM on Commerce Abdul Razak Dawood'. The parser hangs
the name inside the portfolio (or the portfolio on the name), so the subject reads as the bare title or as the
portfolio with the name; the speaker is the name at its end."""

from __future__ import annotations

import re

from tracker.extraction.lexicon import HONORIFICS, ORG_HEADS, TITLE_SET, is_role

_INITIAL = re.compile(r"[A-Z]\.?")


def portfolio_holder(tok):
    """The name ending a subject that opens with a title and its portfolio ('Minister for X … Name'), as a span;
    None for any other subject. A PERSON entity there is the name; else the last two capitalised words (three
    around an initial), since the NER runs the portfolio's last word into the name."""
    doc, end = tok.doc, tok.right_edge.i
    title = doc[tok.left_edge.i]
    if title.lower_ == "the":
        return None  # 'The Minister for Health said': no name follows
    if not _written_as_title(title):
        return None
    if not any(c.dep_ == "prep" and c.lower_ in ("of", "for", "to", "on") for c in title.children):
        return None
    last = doc[end]
    if last.pos_ != "PROPN" or not last.is_title or end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN":
        return None
    if last.ent_type_ == "PERSON":
        start = end
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        return doc[start:end + 1] if start < end else None
    return _name_at_end(doc, title.i, end)


def portfolio_name(ent):
    """The name at the end of an entity the NER ran on from a title's portfolio ('the Opposition Edappadi K.
    Palaniswami' after 'Leader of'), as a span; None where the entity does not follow a title's preposition."""
    first = ent[1] if len(ent) > 1 and ent[0].lower_ == "the" else ent[0]
    return _name_at_end(ent.doc, first.i - 1, ent.end - 1) if in_portfolio(first) else None


def _name_at_end(doc, after: int, end: int):
    """The last two capitalised words up to `end` (three around an initial), where a portfolio's word comes
    before them after token `after`: the NER runs the portfolio's last word into the name."""
    start = end
    while start - 1 > after and doc[start - 1].pos_ == "PROPN" and (doc[start - 1].is_title
                                                                    or _INITIAL.fullmatch(doc[start - 1].text)):
        start -= 1
    if end - start + 1 < 3:  # the portfolio's word and at least a first and a last name
        return None
    name = doc[end - 2 if _INITIAL.fullmatch(doc[end - 1].text) else end - 1:end + 1]
    return None if any(t.lower_ in TITLE_SET or t.lower_ in ORG_HEADS for t in name) else name


def portfolio_title(tok):
    """The title token whose portfolio a name ends ('Leader' for 'Palaniswami' in 'Leader of the Opposition
    Edappadi K. Palaniswami'), else None: the name is the subject where the title is."""
    prep = tok.head if tok.dep_ == "pobj" else None
    title = prep.head if prep is not None and prep.dep_ == "prep" else None
    return title if title is not None and _written_as_title(title) else None


def in_portfolio(tok) -> bool:
    """'Commerce' in 'Adviser to the PM on Commerce Abdul Razak Dawood': the object of a capitalised title's
    preposition is its portfolio, not a given name the NER left off."""
    doc, i = tok.doc, tok.i - 1
    i -= i >= 0 and doc[i].lower_ == "the"
    title = doc[i].head if i >= 0 else None  # written as a title ('Leader of'), not 'president of Planned Parenthood'
    return title is not None and doc[i].pos_ == "ADP" and _written_as_title(title)


def _written_as_title(tok) -> bool:
    """'Leader', 'Minister', 'Adviser': an office written capitalised, as a title before a name."""
    return tok.is_title and (is_role(tok.lower_) or tok.lower_ in TITLE_SET)


def titled_name(words: list[str]) -> tuple[list[str], list[str]]:
    """'Chancellor Olaf Scholz' -> (['chancellor'], ['Olaf', 'Scholz']): title words first (or a place or
    party and then a title: 'Green MP Caroline Lucas'), then at least a first and a last name (honorifics
    dropped); ([], words) when the words are not such a name."""
    k = 0
    while k < len(words) and words[k].lower() in TITLE_SET:
        k += 1
    if not k:  # "Ugenya MP David Ochieng", "Green MP Caroline Lucas": a title after a place or party
        k = next((j + 1 for j in range(len(words) - 3, 0, -1)  # also a company's officer: "Infosys CFO Mohandas Pai"
                  if words[j].lower() in TITLE_SET or company_title(words[j])), 0)
    rest = [w for w in words[k:] if w.lower() not in HONORIFICS and w.lower() not in TITLE_SET]
    return ([w.lower() for w in words[:k]], rest) if k and len(rest) >= 2 else ([], words)


def company_title(word: str) -> bool:
    """'CFO', 'founder': a company's officer, written between the company and the name."""
    return word in ("CEO", "CFO", "COO", "CTO") or word.lower() in ("founder", "co-founder", "chairman", "chairwoman")
