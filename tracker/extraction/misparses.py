"""Subjects the parser hung in the wrong place: a name that is the subject of its sentence although the parse
makes it an apposition, a conjunct, a predicate or an object (`speakers.py` registers them as subjects); and
surnames the NER split ('von der' a person, 'Leyen' a place); words in lower case it took for names; a body's own
name in brackets, which it took for a person, and a party in brackets after a name; the name a sentence opens with
as its topic; and verbs read as a noun or an adjective, which leave the sentence one noun phrase."""

from __future__ import annotations

import re

from tracker.extraction.lexicon import ORG_HEADS, PARTICLES, TITLE_SET, is_person_noun, is_role
from tracker.extraction.names import main_clause


def misplaced_subject(ent) -> bool:
    """A name the parser hung elsewhere that is the subject of its sentence: put first by a cleft ('It was Menon
    who answered'); given by the subject (`name_given`); set in apposition to the date before it, in a sentence whose
    verb has no subject of its own ('On 11 October, Ms Truss, by then chief secretary, was asked …'), or to the
    place that opens such a sentence ('In Shibuya, Kenichi Ishii, 53, said …'); or set off by commas after the
    place or body of the subject's title ('Ukraine's ambassador to Canada, Vadym Prystaiko, added …'); or joined to
    the first part of the portfolio before the title ('IT and BT Minister Priyank Kharge told')."""
    root, verb, doc = ent.root, ent.root.sent.root, ent.doc
    if cleft_subject(root) or name_given(root):
        return True
    if root.dep_ == "conj" and root.head.dep_ in ("nsubj", "nsubjpass") and root.head.ent_type_ == "" \
            and any(c.dep_ == "compound" and (is_role(c.lower_) or c.lower_ in TITLE_SET) for c in root.lefts):
        return main_clause(root.head)  # 'IT and BT Minister Priyank Kharge told …': a portfolio's first part
    subjectless = verb.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if root.dep_ == "appos" and root.head.ent_type_ in ("DATE", "TIME"):
        return subjectless
    if root.dep_ in ("appos", "conj") and root.head.dep_ == "pobj" and root.head.head.head.i == verb.i \
            and ent.end < len(doc) and doc[ent.end].text == "," and ent.start > 0 and doc[ent.start - 1].text == ",":
        return subjectless  # 'In Shibuya, Kenichi Ishii, 53, said …': after the place the sentence opens with
    if root.dep_ not in ("appos", "conj") or ent.start == 0 or ent.end >= len(doc) \
            or doc[ent.start - 1].text != "," or doc[ent.end].text != ",":
        return False
    head = root.head
    while head.dep_ in ("pobj", "prep") and head.head is not head:
        head = head.head
    return head is not root.head and head.dep_ in ("nsubj", "nsubjpass") and (
        is_role(head.lower_) or head.lower_ in TITLE_SET) and main_clause(head)


def cleft_subject(tok) -> bool:
    """'It was Menon who answered': the name a cleft sentence puts first is the subject of its who-clause."""
    be = tok.head
    if tok.dep_ != "attr" or be.lemma_ != "be" or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children):
        return False
    clauses = [c for c in (*tok.children, *be.children) if c.dep_ in ("relcl", "ccomp")]
    return any(w.lower_ == "who" and w.dep_ == "nsubj" for c in clauses for w in c.children)


def name_given(tok) -> bool:
    """'A young mother …, who gave her name only as Kerry, said …' (or 'only her surname, Kumazawa,'): the name
    someone described gave for themselves (`tok` the name's last word), which is who that described subject is; also
    the name a described subject goes by ('a Brisbane mother named Catherine stood to ask')."""
    named = tok.head if tok.dep_ in ("oprd", "dobj") and tok.head.lemma_ in ("name", "call") else None
    if named is not None and named.dep_ == "acl" and named.tag_ == "VBN" and named.head.dep_ in ("nsubj", "nsubjpass"):
        return tok.pos_ == "PROPN" and is_person_noun(named.head.lower_)
    if tok.dep_ == "appos" and tok.head.lower_ in ("name", "surname") and tok.head.dep_ == "dobj":
        give = tok.head.head  # '… who gave only her surname, Kumazawa, said …'
    else:
        give = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "as" else None
    return give is not None and give.lemma_ == "give" and tok.pos_ == "PROPN" and any(
        c.dep_ == "dobj" and c.lower_ in ("name", "surname")
        and any(p.lower_ in ("her", "his", "their") for p in c.children) for c in give.children)


def particle_surnames(doc, base: int, state, in_quote) -> None:
    """'At a press conference, von der Leyen was asked …': a surname that opens with a particle ('von der Leyen',
    'de Blasio'), of someone the article has named in full, met again outside quotes without the given names, is a
    mention of that person, whatever pieces the NER cut it into."""
    for person in [p for p in state.people.values() if not p.anonymous]:
        words = person.name.split()
        at = next((i for i, w in enumerate(words) if i and w.lower() in PARTICLES), None)
        if at is None or at == len(words) - 1:
            continue
        surname, given = " ".join(words[at:]), words[at - 1]
        for m in re.finditer(rf"(?<![\w-])(?i:{re.escape(surname[0])}){re.escape(surname[1:])}(?![\w-])", doc.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or in_quote(m.start()) or doc.text[:m.start()].rstrip().endswith(given) \
                    or any(o == base + m.start() for p in state.people.values() for o, _ in p.mentions):
                continue
            subject = span.root.dep_ in ("nsubj", "nsubjpass") and main_clause(span.root)  # not 'whom X promised'
            state.register(person.name, "", base + m.start(), subject)


def lower_case_name(tok) -> bool:
    """A word in lower case the tagger took for a proper noun ('Cameron, looking shaken, replied'), which names no
    one, unless it heads a body ('the foreign ministry') or ends a hyphenated name ('Choi Young-soo')."""
    doc = tok.doc
    return tok.pos_ == "PROPN" and tok.text[:1].islower() and tok.lower_ not in ORG_HEADS \
        and not (tok.i > 1 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_)


def body_alias(name) -> bool:
    """'the Social Liberals (Radikale Venstre)': a name (a span) in brackets after a body's name is that body's own
    name, whatever the NER took it for, and never a person; 'Joko Widodo (Jokowi)' still names him."""
    doc, root = name.doc, name.root
    return 0 < name.start and name.end < len(doc) and doc[name.start - 1].text == "(" and doc[name.end].text == ")" \
        and root.dep_ == "appos" and root.head.i < name.start \
        and (root.head.ent_type_ in ("ORG", "NORP") or root.head.tag_ == "NNPS")


def sentence_topic(name) -> bool:
    """'For Ellemann-Jensen the day marked a U-turn': a name (a span) that a sentence opens with as what it is about
    is in focus like its subject, so the pronoun after it is them; not where a named subject follows ('For Labour,
    Tom Watson wrote': the side he speaks for)."""
    root = name.root
    prep, verb = root.head, root.sent.root
    return root.dep_ == "pobj" and prep.lower_ == "for" and prep.i == prep.sent.start and prep.head == verb and not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN" for c in verb.children)


def hung_surname(tok, state) -> bool:
    """A known surname read as the object of the phrase its sentence opens with: 'Later in the briefing Price
    stressed …' (the verb left with no subject), 'For Holm-Larsen the day marked a U-turn' (the topic)."""
    doc, verb = tok.doc, tok.sent.root
    if tok.dep_ != "pobj" or not tok.is_title:
        return False
    if sentence_topic(name := doc[tok.left_edge.i:tok.i + 1]):
        return state.lookup(name.text) is not None  # 'Holm-Larsen', split at the hyphen
    return state.lookup(tok.text) is not None and tok.i + 1 < len(doc) and doc[tok.i + 1] == verb \
        and verb.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def bracketed_after_name(tok) -> bool:
    """'Foreign Minister Maxime Prévot (Les Engagés), who …, announced': a name in brackets after another is the
    party or body that person belongs to, which the parser may make a second subject; it is not who speaks."""
    doc = tok.doc
    first = min([tok.i] + [c.i for c in tok.lefts if c.dep_ == "compound"])
    return 2 <= first and tok.i + 1 < len(doc) and doc[first - 1].text == "(" and doc[tok.i + 1].text == ")" \
        and doc[first - 2].pos_ == "PROPN"


def qualifies_a_role(ent) -> bool:
    """'Kangana Ranaut, the party's Lok Sabha member from Mandi,': a name (a house, a place) that the NER took for a
    person, modifying the role in apposition to someone else; it is not a second person."""
    head = ent.root.head
    return ent.root.dep_ == "compound" and head.dep_ == "appos" and is_person_noun(head.lower_) \
        and head.head.pos_ == "PROPN" and head.head.i < ent.start


def verb_read_as_noun(ent) -> bool:
    """'Donald Trump moves against the nominee': a present-tense verb the parser read as a plural noun that
    the name modifies, at the head of the sentence; or a past-tense one it read as an adjective of the noun
    after it ('Trump reversed course.', `verb_read_as_adjective`)."""
    head = ent.root.head
    return ent.root.dep_ == "compound" and head.dep_ == "ROOT" and head.tag_ == "NNS" and head.i == ent.end \
        and not any(c.dep_ in ("det", "poss", "amod") for c in head.children) \
        or ent.end < len(ent.doc) and getattr(verb_read_as_adjective(ent.doc[ent.end]), "i", -1) == ent.root.i


def verb_read_as_adjective(verb):
    """The name before a past-tense verb the parser read as an adjective, the sentence one noun phrase ('Trump |
    reversed | course.': the name and the verb both modify 'course'); None for any other verb."""
    name = verb.doc[verb.i - 1] if verb.i > 0 else None
    return name if name is not None and verb.dep_ == "amod" and verb.tag_ in ("VBD", "VBN") and verb.pos_ == "VERB" \
        and verb.head.dep_ == "ROOT" and name.pos_ == "PROPN" and name.dep_ in ("nmod", "compound") \
        and name.head == verb.head else None
