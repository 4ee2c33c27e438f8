"""Organisations an article names, and the one body a later "the company", "the party" or "it" is."""

from __future__ import annotations

import re

from tracker.extraction.discourse import Discourse
from tracker.extraction.lexicon import (DEMONYMS, FIRM_WORDS, GENERIC_BODIES, ORG_HEADS, PARTY_MEMBERS, PARTY_NAMES,
                                        TIME_NOUNS, body_name)
from tracker.extraction.names import clean_name, main_clause


def register_body(ent, base: int, state: Discourse) -> None:
    """A named organisation, with the words around it, for "the company" / "the union" later on."""
    doc, end = ent.doc, ent.end
    around = " ".join(t.text for t in doc[max(0, ent.start - 3):min(len(doc), ent.end + 1)])  # "Union," -> "Union ,"
    appos = re.match(r",\s+(?:the|a|an)\s+([^,.;]{1,50}),", doc.text[ent.end_char:ent.end_char + 60])
    around += " " + appos.group(1) if appos else ""  # "Deutsche Bahn, the state-owned railway company,"
    while end < len(doc) and doc[end].is_title and ent.start <= doc[end].head.i < end:
        end += 1  # "the Office of the Vice President", where the entity stops at "Vice"
    name = clean_name(re.sub(r"^the\s+", "", doc[ent.start:end].text, flags=re.I))
    if (known := state.lookup(name)) is not None and not known.anonymous and known.gender != "n":
        return  # 'that Hunka had served': a person named before, whom the NER took for a body
    state.bodies.append((base + ent.start_char, name, around))
    if ent.root.dep_ in ("nsubj", "nsubjpass") and not any(c.dep_ == "conj" for c in ent.root.children):
        state.body_subjects.add(base + ent.start_char)  # one body as the subject ("Canada Post laid the blame")


def register_offices(doc, base: int, state: Discourse, in_quote) -> None:
    """'Ecuador's presidency was unrepentant. "…," it said': a country's or a body's office (its name owning an
    office word) as a main clause's subject is a body of its own, for the "it" and "the ministry" after it."""
    for tok in doc:
        if tok.lower_ in ORG_HEADS and tok.is_lower and not in_quote(tok.idx):
            _register_office(tok, base, state)
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.lower_ not in ORG_HEADS or not tok.is_lower \
                or in_quote(tok.idx):  # not 'Britain's opposition Labour Party', named as it is
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.ent_type_ in ("GPE", "ORG", "NORP")), None)
        if owner is None or not main_clause(tok):
            continue
        name = body_name(re.sub(r"^the\s+", "", doc[owner.left_edge.i:tok.i + 1].text, flags=re.I))
        state.bodies.append((base + owner.idx, name, name))
        state.body_subjects.add(base + owner.idx)


def _register_office(head, base: int, state: Discourse) -> None:
    """'the Russian embassy', 'China's foreign ministry', 'an ethics committee report', 'the government of Canada':
    an office word with a name or a noun that says whose it is, for a later bare 'the embassy' (a time of day
    says no one's: 'by evening government insiders')."""
    mods = [c for c in head.lefts if c.dep_ in ("compound", "amod", "poss", "nmod")]
    whose = [c for c in mods if (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
             or (c.dep_ == "compound" and c.pos_ == "NOUN")) and c.lower_ not in TIME_NOUNS]
    of = next((g for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
               if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "ORG")), None)
    if not whose and of is None:
        return  # 'the new government' says nothing about whose it is
    start = min((c.left_edge.i for c in mods), default=head.i) if whose else head.i
    end = of.right_edge.i + 1 if of is not None and not whose else head.i + 1
    phrase = body_name(re.sub(r"^(?:the|a|an)\s+", "", head.doc[start:end].text, flags=re.I))
    state.offices.append((base + head.doc[start].idx, head.lower_, phrase))


def the_office(state: Discourse, head: str, offset: int) -> str | None:
    """'the embassy', 'the government': the one office of that word the article named before, with whose it is;
    none named, the home country's (`register_home`)."""
    named = {phrase.lower(): phrase for at, word, phrase in state.offices if word == head and 0 <= at < offset}
    if named:
        return next(iter(named.values())) if len(named) == 1 else None
    return next((phrase for at, word, phrase in state.offices if word == head and at < 0), None)


_HOME_OFFICES = ("government", "presidency", "cabinet")  # a country's own, which news copy writes bare
_EXTRA_NAMES = {"Britain": ("UK", "U.K.", "United Kingdom"), "Netherlands": ("Holland",)}
# each country by its name, its adjective and other names, as whole words ('U.K.' too), compiled once
_WRITTEN = {country: re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, (country, demonym,
                                                                                  *_EXTRA_NAMES.get(country, ())))))
            for country, demonym in DEMONYMS.items()}


def register_home(text: str, state: Discourse) -> None:
    """The country an article is about (its name or adjective written at least three times, and half again as
    often as any other's, or more often than any other and first): a bare 'the government' or 'the presidency'
    with no other named is that country's."""
    at = {country: [m.start() for m in pattern.finditer(text)] for country, pattern in _WRITTEN.items()}
    ranked = sorted(at, key=lambda country: -len(at[country]))
    top, n, runner_up = ranked[0], len(at[ranked[0]]), len(at[ranked[1]])
    first = min((starts[0], country) for country, starts in at.items() if starts)[1] if n else None
    if n >= 3 and (n >= 1.5 * runner_up or n > runner_up and first == top):
        state.offices.extend((-1, head, f"{DEMONYMS[top]} {head}") for head in _HOME_OFFICES)


def the_party(state: Discourse, offset: int) -> str | None:
    """'the party', 'a party spokeswoman': the party body named before `offset` (as `the_body` finds it), else the
    party in the titles of the person named last ('Conservative leader Erin O'Toole' -> 'Conservative Party')."""
    if named := the_body(state, "party", offset, nearby=False):  # not any body named near ('the debate on TVA')
        return named
    people = [p for p in state.people.values() if not p.anonymous and any(o < offset for o, _ in p.mentions)]
    last = max(people, key=lambda p: max(o for o, _ in p.mentions if o < offset), default=None)
    party = {PARTY_NAMES[w] for w in set(re.split(r"[\s|]+", last.titles)) & PARTY_MEMBERS} if last else set()
    return party.pop() if len(party) == 1 else None


def the_body(state: Discourse, head: str, offset: int, nearby: bool = True) -> str | None:
    """'the company', 'the union', 'the central bank': the one organisation named before `offset` whose name
    or the words right around it carry that word ('Bank of England', 'the GDL union'); None for none or two.
    `nearby`: else the one body named in the last few sentences, whatever it is."""
    hits = {name for at, name, around in state.bodies if at < offset and head in around.lower().split()}
    here = {state.acronym(name) or name for at, name, around in state.bodies
            if state.para_start <= at < offset and at in state.body_subjects and name[:1].isupper()
            and not (GENERIC_BODIES - {head}) & set(around.lower().split())}  # not "the GDL union" for "the company"
    if len(here) == 1:  # "The EFF welcomed the reversal … '…,' the party said": this paragraph's one body subject
        return here.pop()
    if len(hits) == 1:
        return hits.pop()
    # none named with the word: the one named body of the last few sentences ("Canada Post laid the blame on
    # the union. '…,' the company said")
    near = {name for at, name, _ in state.bodies if offset - NEAR_BODY < at < offset and name[:1].isupper()} \
        if nearby else set()
    if len(near) > 1:  # "the company", with the GDL union and Deutsche Bahn named: not the one called a union
        other = GENERIC_BODIES - {head}
        near -= {name for at, name, around in state.bodies if other & set(around.lower().split())}
    firms = {name for name in near if name.split()[-1].lower() in FIRM_WORDS}
    if len(near) > 1 and head == "company" and len(firms) == 1:  # "workers at Bharat Motors' Chennai plant"
        near = firms
    if len(near) > 1:  # "Canada Post laid the blame on the union … The Crown corporation confirmed": the last
        # body that was a sentence's subject
        subjects = [(at, name) for at, name, _ in state.bodies if at in state.body_subjects and name in near
                    and offset - NEAR_BODY < at < offset]
        near = {max(subjects)[1]} if subjects else near
    return near.pop() if not hits and len(near) == 1 else None


def names_its_own(phrase: str, head_words: list[str]) -> bool:
    """'the Elections Observation Group', 'the Palestinian foreign ministry': a body the phrase names itself, by a
    capitalised head or by a country's adjective before a state's office, not a body named before it."""
    words = phrase.split()
    return words[len(head_words) - 1][:1].isupper() or (head_words[-1] in _STATE_OFFICES
                                                       and any(w in _PEOPLES for w in words))


_STATE_OFFICES = {"ministry", "department", "agency", "commission", "council", "force"}
_PEOPLES = set(DEMONYMS.values())
NEAR_BODY = 400  # characters back that "the company" may look for the one body named


_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:of|and|for|on|the)\s+[A-Z][\w’'-]*|\s+[A-Z][\w’'-]*)+")


def spelled_out(text: str) -> dict[str, str]:
    """Initials the article writes → the one body it names in full with them ('BJP' → 'Bharatiya Janata Party',
    'DFA' → 'Department of Foreign Affairs'): a name holding an organisation's head word, so that a role ('PM')
    never becomes a body."""
    initials = set(re.findall(r"\b[A-Z]{2,6}\b", text))
    found: dict[str, set[str]] = {}
    for m in _CAPITALISED_RUN.finditer(text):
        words = re.sub(r"['’]s\b", "", m.group()).split()
        for i in range(len(words)):
            for j in range(i + 1, len(words)):
                name = words[i:j + 1]
                if not name[0][:1].isupper() or not name[-1][:1].isupper():
                    continue
                letters = "".join(w[0] for w in name if w[:1].isupper())
                if letters in initials and any(w.lower() in ORG_HEADS for w in name):
                    found.setdefault(letters, set()).add(" ".join(name))
    return {letters: names.pop() for letters, names in found.items() if len(names) == 1}
