"""Shapes of a reported clause in the parse: an attribution set off inside it, a report of what is yet
to be said, two claims joined by 'and that', a that-clause in which no one speaks, a report inside a question,
a clause of someone else's after a comma."""

from __future__ import annotations

import re

from tracker.extraction.attribution import SPEECH_VERBS
from tracker.extraction.lexicon import TITLE_SET, is_person_noun


def parenthetical(verb) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'The plan, she said, would fail': a reporting verb set off by commas inside the clause it reports.
    The clause's two parts as char spans (before and after the attribution), else None."""
    doc, head = verb.doc, verb.head
    if verb.dep_ != "parataxis" or head.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    lo, hi = verb.left_edge.i, verb.right_edge.i  # the commas around it may be its own children
    before = doc[lo] if doc[lo].text == "," else doc[lo - 1] if lo > 0 else doc[lo]
    after = doc[hi] if doc[hi].text == "," and hi > verb.i else doc[hi + 1] if hi + 1 < len(doc) else doc[hi]
    # the clause's subject before the attribution, or after it where a phrase opens the clause ('At council
    # meetings, she said, the budget is the last item')
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and (c.i < verb.i or c.i > after.i)),
                   None)
    if before.text != "," or after.text != "," or subject is None or head.i < verb.i:
        return None
    first, last = head.left_edge.i, head.right_edge.i
    while last > after.i and doc[last].is_punct:
        last -= 1
    marks = {'"', "“", "”"}
    # a quote split by its attribution ('"The plan," she said, "would fail"') is a direct quote; a scare quote
    # later in the second part ('had been "designed with the government"') stays in the reported clause
    if first >= before.i or last <= after.i or any(t.text in marks for t in doc[first:after.i + 2]):
        return None
    return (doc[first].idx, before.idx), (after.idx + 1 + (doc.text[after.idx + 1:after.idx + 2] == " "),
                                          doc[last].idx + len(doc[last].text))


_PENDING_HEADS = {"expect", "plan", "intend", "set", "schedule", "prepare", "due", "hope", "aim", "poise"}


def not_yet_said(verb) -> bool:
    """A reporting verb in the future ('will announce', 'is expected to announce', 'is due to say'): what it
    reports has not been said, so it is no statement."""
    if any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll"} for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and verb.i > head.i and (
        head.lemma_.lower() in _PENDING_HEADS or head.lower_ == "going")  # not "went on to argue"


def that_clauses(doc, content: tuple[int, int]) -> list[tuple[int, int]]:
    """A reported span split where a second clause opens with its own 'that' ("said the checkup had shown
    signs of the disease and that he could no longer serve"): each clause is a claim of its own."""
    lo, hi = content
    cuts = [t for t in doc if lo < t.idx < hi and t.lower_ == "that" and t.dep_ == "mark" and t.i > 0
            and doc[t.i - 1].lower_ in ("and", "but") and doc[t.i - 1].dep_ == "cc"]
    parts, start = [], lo
    for t in cuts:
        end = doc[t.i - 1].idx
        while end > start and doc.text[end - 1] in " ,;":
            end -= 1
        if len(doc.text[start:end].split()) >= 2:
            parts.append((start, end))
        start = t.idx + len(t.text) + 1
    if len(doc.text[start:hi].split()) >= 2:
        parts.append((start, hi))
    return parts or [content]


def silent_content_clause(verb, verbs, speech) -> bool:
    """A that-clause of another of `verbs` (its 'that' written or not) that says no one spoke ('pointed out that the
    log was public:', 'She said Australia would have liked more:'), unlike 'reported that the president replied:' or
    'that she nominated him with these words:'; `speech` matches speech verbs."""
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    return verb.dep_ == "ccomp" and verb.head in verbs and (not marks or marks[0] in ("that", "whether")) \
        and not any(speech.fullmatch(t.text) or t.lower_ in ("words", "remarks") for t in verb.subtree)


def inside_question(tok) -> bool:
    """'asked whether he had said that …': a report inside a question ('X questioned how …, while Y said' is not)."""
    while tok.head.i != tok.i:
        if own_clause(tok):
            return False
        part, tok = tok, tok.head
        if tok.lemma_.lower() in {"ask", "wonder", "question"} or (  # 'wanted to know why he had told MPs that …'
                tok.lemma_.lower() == "know" and tok.head.lemma_.lower() == "want") or (  # 'pressed him on why …'
                tok.lower_ in ("on", "over") and tok.head.lemma_.lower() in {"press", "quiz", "challenge"}
                and part.doc[part.left_edge.i].lower_ in {"whether", "why", "how", "what", "when", "if"}):
            return True
    return False


def asked_about(verb) -> bool:
    """A position named inside a question put to someone ('asked whether that meant Gazprom was refusing to
    accept the turbine', 'pressed on why he had changed his mind'): no position of the one asked."""
    if not inside_question(verb):
        return False
    tok = verb
    while tok.head.i != tok.i and tok.lemma_.lower() not in {"ask", "wonder", "question", "press"}:
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in tok.children) \
                or tok.doc[tok.left_edge.i].lower_ in ("whether", "if", "why", "how", "what"):
            return True
        tok = tok.head
    return False


def describes_a_thing(verb) -> bool:
    """A verb in a relative clause on a thing ('opened with the routine question the opposition uses to range
    widely: "…"'): it says what the thing is, so its subject is not the one whose words follow. A speech verb
    there speaks ('a post in which Trump demanded: "…"', 'an event where a reporter asked him: "…"')."""
    return not re.fullmatch(SPEECH_VERBS, verb.lower_) and any(
        a.dep_ == "relcl" and a.head.pos_ == "NOUN" and not is_person_noun(a.head.lower_) for a in [verb, *verb.ancestors])


def own_clause(tok) -> bool:
    """', while Taoiseach Simon Harris said …': a clause after a comma with a subject of its own is someone else's."""
    return tok.dep_ == "advcl" and after_comma(tok) and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def after_comma(tok) -> bool:
    """The phrase `tok` heads is set off by a comma before it."""
    return tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == ","


def said_on_a_noun(noun, media: set[str]) -> list:
    """'said in a statement that …', 'told journalists on a conference call that …': the that-clauses the parser hung
    on a noun after the verb instead of on the verb, where the noun is a medium or the clause has its own subject."""
    return [a for a in noun.children if a.dep_ in ("acl", "relcl", "ccomp")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in a.children)
            and (noun.lemma_.lower() in media or any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children))]


_WH = {"what", "why", "how", "who", "whom", "whose", "which"}
_WITHHOLDING = {"refuse", "decline", "avoid", "fail", "struggle", "demand", "stop", "deny"}  # 'refused to explain why'


def wh_object(verb, content: tuple[int, int]) -> bool:
    """'explained what he had meant', 'told reporters why he drove': the clause names what was said about,
    not what was said, so it reports no position. These stay: a free relative as the subject of a clause
    ('said what mattered was jobs') and a relative one ('the vote, which she said she would win') are claims;
    a refusal to say ('would not say why', 'refused to explain why') is a description."""
    doc = verb.doc
    toks = [t for t in doc if content[0] <= t.idx < content[1]]
    if not toks or toks[0].lower_ not in _WH or toks[0].i < verb.i or any(c.dep_ == "neg" for c in verb.children) \
            or any(a.lemma_.lower() in _WITHHOLDING for a in verb.ancestors):
        return False
    roots = [t for t in toks if not content[0] <= t.head.idx < content[1] or t.head == t]
    return not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.left_edge == toks[0] != c
                   for r in roots for c in r.children)


def names_a_thing(verb) -> bool:
    """'what officials called additional checks', 'which the military called Operation Midnight Hammer':
    a name given, not a statement. Quoted words ('what he called "brave"') are the speaker's own and stay."""
    return verb.lemma_.lower() == "call" and any(
        c.dep_ in ("dobj", "nsubj", "oprd") and c.lower_ in ("what", "which") and c.i < verb.i
        for c in verb.children) and not any(t.text in {'"', "“", "”"} for t in verb.subtree if t.i > verb.i)


def who_said(tok) -> bool:
    """'Saoirse McHugh, the former candidate, who said on Monday that …': the person a relative clause of speech
    hangs on (or on their apposition) spoke, so is in focus as a subject for the 'she' that follows."""
    heads = [tok, *[c for c in tok.children if c.dep_ == "appos"]]
    return any(c.dep_ == "relcl" and re.fullmatch(SPEECH_VERBS, c.lower_)
               and any(s.dep_ == "nsubj" and s.lower_ == "who" for s in c.children)
               for h in heads for c in h.children)


def definite_title(tok, phrase: str) -> bool:
    """'The prime minister chose …', 'The Russian leader defended …', 'its leader spent the following months …' (a
    party's): a title after 'the' or 'its' and any nationality, as a subject: who holds it is in focus from here on."""
    words, nations = phrase.lower().split(), {t.lower_ for t in tok.lefts if t.ent_type_ in ("NORP", "GPE")}
    while len(words) > 2 and words[1] in nations:
        words.pop(1)
    return words[0] in ("the", "its") and " ".join(words[1:]) in TITLE_SET and tok.pos_ in ("NOUN", "PROPN")
