"""Whose words a verb reports: the subject the parse gives it, climbing through the clauses it sits in
('"…", he said, adding that …'), with the parser's usual misreadings mended."""

from __future__ import annotations

from tracker.extraction.discourse import Discourse
from tracker.extraction.lexicon import (ANON_HEADS, NEWS_ASKERS, PROGRAMME_ENDS, SAYING, TITLE_SET as _TITLE_SET,
                                        is_person_noun)
from tracker.extraction.misparses import name_given, verb_read_as_adjective
from tracker.extraction.names import group_of, main_subject, opening_subject, subject_phrase
from tracker.extraction.speakers import resolve_speaker


_QUOTE_MARKS = {'"', "“", "”", "'", "‘", "’"}
# a share of a group ("a number of Fianna Fáil ministers complained"): the group speaks, not the share
_SHARE_HEADS = {"number", "handful", "couple", "majority", "minority", "dozens", "hundreds", "scores"}


# verbs of saying, and of remarking on something, whose subject may go on to ask
_REMARKING = SAYING | {"note", "observe", "remark", "point", "recall", "explain", "stress", "acknowledge", "concede"}


def speaker_of(verb, base: int, state: Discourse) -> str:
    """Subject of a verb, climbing through conj/xcomp/advcl heads when it has none of its own."""
    tok = verb
    for _ in range(6):
        quoted = next((c for c in tok.children if c.dep_ == "dobj"), None) if tok is not verb and tok.lemma_ == "quote" \
            and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children) else None
        if quoted is not None:  # 'The paper quoted him as saying: …': the one quoted, not the paper
            nominative = {"him": "he", "her": "she", "them": "they"}.get(quoted.lower_)
            return resolve_speaker(nominative, base + tok.sent.start_char, state) if nominative \
                else subject_speaker(quoted, tok, base, state)
        # a "subject" after the verb that opens a quote ('wrote on X: "Thanks …"') is the parser misreading the quote
        subjects = [c for c in tok.children if c.dep_ == "nsubj"
                    and not (c.i > tok.i and c.doc[c.left_edge.i].text in _QUOTE_MARKS)]
        subj = main_subject(subjects) or (opening_subject(tok) if tok is verb else None)
        word = next((c for c in tok.lefts if c.i == c.sent.start and c.dep_ in ("aux", "npadvmod") and c.is_title), None)
        known = state.lookup(word.text) if subj is None and word is not None and len(word) > 1 else None
        if known is not None and not known.anonymous and known.name.split()[-1] == word.text:
            return resolve_speaker(known.name, base + word.idx, state)  # "May said": a surname parsed as a modal
        if subj is not None:
            return subject_speaker(subj, tok, base, state)
        if tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBN") and tok.head.dep_ == "ROOT" \
                and tok.head.pos_ in ("NOUN", "PROPN"):
            # 'The interviewer, who is never seen, opened by asking …': a sentence with no verb at its root, whose
            # verb the parser hung on its subject
            return subject_speaker(tok.head, tok, base, state)
        if (name := verb_read_as_adjective(tok)) is not None:  # 'Trump reversed course.' read as one noun phrase
            return subject_speaker(name, tok, base, state)
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ == "pobj" and tok.head.head.lower_ == "with":
            text, at = subject_phrase(tok.head)  # "…, with its press secretary insisting that …"
            return resolve_speaker(text, base + at, state)
        passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if tok is not verb and tok.dep_ == "acl" and any(c.dep_ == "mark" for c in tok.children):
            tok = tok.head.head  # "brushed aside the finding that X was poisoned, telling …": not X
            continue
        if passive is not None and tok is not verb and passive.pos_ == "PROPN":
            # "Willie Jackson was ejected after telling Seymour: …": the one who was ejected said it
            text, at = subject_phrase(passive)
            return resolve_speaker(text, base + at, state)
        if passive is not None or tok.dep_ in ("ROOT",) or tok.head == tok:
            return ""
        if tok.dep_ not in ("conj", "xcomp", "advcl", "pcomp", "prep", "relcl", "acl", "ccomp"):
            return ""
        told = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None) \
            if tok.dep_ == "xcomp" and (tok.lemma_ in SAYING or tok.lemma_ == "ask") else None
        if told is not None and told.pos_ == "PROPN" and told.lower_ not in PROGRAMME_ENDS:  # not 'used the Andrew Marr Show to'
            return subject_speaker(told, tok, base, state)  # "…, prompting Ferrari to ask:": Ferrari asks
        said = [c for c in tok.head.children if c.dep_ == "parataxis" and c.lemma_ in SAYING and c.i < tok.i] \
            if tok.dep_ == "advcl" and tok.tag_ == "VBG" else []
        if said:  # '"…", he said, adding that …': the one who said it, not the subject of the words before
            tok = said[-1]
            continue
        if tok.dep_ == "conj" and tok.lemma_ in SAYING and tok.head.dep_ == "ccomp" and tok.head.lemma_ not in SAYING \
                and tok.head.head.lemma_ in _REMARKING and tok.head.head.i < tok.head.i:  # not the quote's own verb
            tok = tok.head  # "X said Y led a party … and asked: …", "One noted that Y had joined … and asked: …": X
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.dep_ == "ccomp" and tok.head.head.lemma_ in SAYING \
                and tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == ",":
            tok = tok.head  # "said that X was close, while suggesting …": the one who said it, not X
        tok = tok.head
    return ""


def subject_speaker(subj, tok, base: int, state: Discourse) -> str:
    """Who a verb's subject names: a group, the name in apposition, the holder of a title, else the phrase
    resolved; '' for a count or a pronoun that names no one."""
    # "none has signalled"; "four of the nine members backed a cut" is a count ("No 10" is Downing Street)
    count = subj.pos_ == "NUM" and not any(t.lower_ in ("no", "number") for t in subj.lefts)
    if subj.lower_ in ("one", "another") and not any(subj.children):  # 'Reporters … When one asked': one of them
        return resolve_speaker(subj.lower_, base + subj.idx, state)
    of = [c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"]
    whole = next((c for c in of[0].children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None) \
        if subj.lower_ in _SHARE_HEADS and len(of) == 1 else None
    if whole is not None:
        subj, of = whole, []
    if subj.lower_ == "one" and len(of) == 1 and len(list(subj.children)) == 1:  # 'When one of them asked, "…?"'
        whom = [c.lower_ for c in of[0].children if c.dep_ == "pobj"]
        if whom and whom[0] in NEWS_ASKERS:
            return "Reporter"
        if whom == ["them"]:
            return resolve_speaker("one", base + subj.idx, state)
    pronoun = subj.lower_ if subj.text != "IT" else ""  # 'IT and BT Minister Priyank Kharge told': a portfolio
    if pronoun == "it" and tok.lemma_ in SAYING:  # "It added:" after a body that spoke
        body = resolve_speaker("it", base + subj.idx, state)
        return "" if body == "it" else body
    if count or pronoun in {"it", "that", "this", "which", "none", "nobody", "nothing", "everyone",
                                "everybody", "someone", "somebody", "anyone", "anybody"} or (
            subj.lower_ == "one" and any(c.lower_ == "no" for c in subj.children)):
        return ""
    if subj.lower_ == "who" and tok.dep_ == "relcl":
        subj = _antecedent(subj, tok.head)
        if subj.dep_ == "appos" and subj.head.ent_type_ == "PERSON":
            subj = subj.head  # "Jim Jordan, the committee's top Republican, who argued …": Jordan
        owner = subj.head.head if subj.dep_ == "pobj" and subj.head.lower_ == "of" else None
        person = state.lookup(owner.text) if owner is not None and owner.pos_ == "PROPN" else None
        if person is not None and not person.anonymous and person.gender != "n":
            subj = owner  # "Jane Roe of Zee News, who asked …": who is the person, not her outlet
    group, _ = group_of(subj, state)
    if group:
        return group
    given = next((t for t in subj.sent if t.i > subj.i and name_given(t)), None) if subj.pos_ == "NOUN" else None
    if given is not None:  # "A young mother …, who gave her name only as Kerry, said": Kerry
        span = subj.doc[given.left_edge.i:given.i + 1]
        return resolve_speaker(span.text, base + span.start_char, state)
    # "Spain's prime minister, Pedro Sánchez, said": the name in apposition is the speaker
    name = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None) or _seat_holder(subj)
    if name is not None and (subj.pos_ != "PROPN" or subj.lower_ in _TITLE_SET):
        span = subj.doc[name.left_edge.i:name.i + 1]
        return resolve_speaker(span.text, base + span.start_char, state)
    held = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj" and g.pos_ == "PROPN"), None) if subj.lower_ in _TITLE_SET else None
    person = state.lookup(held.text) if held is not None and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in held.children) else None
    if person is not None and not person.anonymous and person.gender != "n":
        return resolve_speaker(person.name, base + held.idx, state)  # 'Director-General of Health Ashley …'
    text, at = subject_phrase(subj)
    if _interrupting(subj, tok):  # 'Antony Blinken, he added, "did a good job"': he is not Blinken
        at = subj.doc[subj.i - 2].left_edge.idx
    return resolve_speaker(text, base + at, state)


def _interrupting(subj, verb) -> bool:
    """'Putin, he said, is afraid': a pronoun's attribution set off by commas right after the subject of the clause
    it interrupts, which it cannot name; it is read as of the clause's start."""
    doc = subj.doc
    return (subj.lower_ in ("he", "she") and verb.i == subj.i + 1 and subj.i >= 2 and doc[subj.i - 1].text == ","
            and doc[subj.i - 2].pos_ in ("PROPN", "NOUN") and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ",")


def _seat_holder(subj):
    """'the MP for Tooting, Rosena Allin-Khan,', 'The president of the summit in Dubai, Sultan Al Jaber,': a name the
    parser hung on the last noun of the phrase after a title word or a reporter's; only under those, so 'Allies of
    the former prime minister, Oksana Levchenko,' stay her allies."""
    if subj.lower_ not in _TITLE_SET and subj.lower_ not in NEWS_ASKERS:
        return None
    seat = subj
    while (seat := next((o for prep in seat.children if prep.dep_ == "prep" for o in prep.children
                         if o.dep_ == "pobj"), None)) is not None:
        if (name := next((a for a in seat.children if a.dep_ == "appos" and a.ent_type_ == "PERSON"), None)) is not None:
            return name
    return None


def _antecedent(who, head):
    """Whom ', who said' is about: the person noun right before the comma ('Details emerged from party sources,
    who said …': the sources), where the parse hung the clause on an earlier word; else the parse's head."""
    doc = who.doc
    before = doc[who.i - 2] if who.i >= 2 and doc[who.i - 1].text == "," else None
    if before is None or before.i == head.i or before.pos_ not in ("NOUN", "PROPN"):
        return head
    person = before.ent_type_ == "PERSON" or before.lower_ in ANON_HEADS or is_person_noun(before.lower_)
    return before if person else head
