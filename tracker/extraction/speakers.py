"""Who said it: the people an article has named so far, so that a title, a surname or a pronoun
resolves to one person's full name (or an anonymous role).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.extraction.lexicon import (ANON_HEADS as _ANON_HEADS, DETERMINERS as _DETERMINERS, FEMALE_CUES as _FEMALE_CUES,
                                        FEMALE_FIRST_NAMES, HONORIFICS as _HONORIFICS, MALE_CUES as _MALE_CUES,
                                        ORG_HEADS as _ORG_HEADS, PRONOUNS as _PRONOUNS,
                                        QUESTIONER_HEADS as _QUESTIONER_HEADS, TITLE_SET as _TITLE_SET)
from tracker.extraction.records import Found

# ---------------------------------------------------------------------------- records


@dataclass
class _Person:
    name: str
    titles: str = ""  # lower-cased words introducing the name ("british prime minister")
    gender: str = ""  # "m" | "f" | "" (unknown) | "n" (a body: Downing Street, the Kremlin)
    mentions: list[tuple[int, bool]] = field(default_factory=list)  # (offset, was a subject)
    anonymous: bool = False  # a role without a name ('Downing Street spokesperson'), never a surname


# ---------------------------------------------------------------------------- discourse state


class Discourse:
    """People met so far, so later titles, surnames and pronouns can be resolved."""

    def __init__(self) -> None:
        self.people: dict[str, _Person] = {}
        self.open_quote: Found | None = None  # a quote left unclosed at the end of a paragraph

    def register(self, name: str, titles: str, offset: int, subject: bool) -> _Person:
        name = " ".join(name.split())
        person = self.lookup(name) if len(name.split()) == 1 else self.people.get(name)
        if person is None:
            # A longer name that extends a known one ("Donald Trump" after "Trump") replaces it.
            person = next((p for p in self.people.values() if len(name.split()) > 1 and not p.anonymous
                           and name.endswith(" " + p.name)), None)
            if person is not None:
                del self.people[person.name]
                person.name = name
            else:
                person = _Person(name)
            self.people[name] = person
        if titles and titles not in person.titles:
            person.titles = f"{person.titles} | {titles}".strip(" |")
        words = titles.split()
        if not person.gender:
            if any(w in _FEMALE_CUES for w in words) or name.split()[0].lower() in FEMALE_FIRST_NAMES:
                person.gender = "f"
            elif any(w in _MALE_CUES for w in words):
                person.gender = "m"
        person.mentions.append((offset, subject))
        return person

    def anonymous(self, phrase: str, offset: int) -> str:
        """An unnamed source as a role ('a Downing Street spokesperson' -> 'Downing Street spokesperson').
        'the spokesperson' with nothing more is the last role of that kind the article introduced; every
        role stays in focus, so a following 'he said' can be the spokesman rather than the minister."""
        role = _role(phrase)
        words = phrase.lower().split()
        head = role.lower().split()[-1] if role.split() else ""
        if words and words[0] in {"the", "that", "this"} and len(role.split()) == 1:
            earlier = [p for p in self.people.values() if p.anonymous and _last_mention(p, offset) >= 0
                       and p.name.lower().split()[-1] == head]
            if earlier:
                role = max(earlier, key=lambda p: _last_mention(p, offset)).name
        person = self.people.get(role)
        if person is None:
            gender = "m" if head.endswith("man") else "f" if head.endswith("woman") else ""
            person = self.people[role] = _Person(role, gender=gender, anonymous=True)
        person.mentions.append((offset, True))
        return role

    def lookup(self, name: str) -> _Person | None:
        """Full name from a surname or first name already met ("Trump", "Sir Keir")."""
        words = [w for w in name.split() if w.lower().strip(".") not in _HONORIFICS]
        if not words:
            return None
        clean = " ".join(words)
        if clean in self.people:
            return self.people[clean]
        key = clean.lower()
        named = [p for p in self.people.values() if not p.anonymous]
        hits = [p for p in named if p.name.lower().endswith(" " + key)]
        if not hits and len(words) == 1:
            hits = [p for p in named if key in p.name.lower().split()]
        return max(hits, key=_last_mention) if hits else None

    def by_title(self, phrase: str, before: int) -> _Person | None:
        """'the Prime Minister' -> the last person introduced with that title."""
        words = [w for w in phrase.lower().replace("-", " - ").split() if w not in _DETERMINERS
                 and w not in {"outgoing", "former", "new", "then", "incoming"}]
        role = " ".join(words).replace(" - ", "-")
        best = None
        for p in self.people.values():
            titles = p.titles.lower()
            if not titles or _last_mention(p, before) < 0:
                continue
            ok = _title_matches(role, titles)
            if ok and (best is None or _last_mention(p, before) > _last_mention(best, before)):
                best = p
        return best

    def recent(self, before: int, *, gender: str = "", subject_first: bool = True) -> _Person | None:
        """Most recent person (subjects preferred) of a compatible gender before an offset."""
        def ok(p):
            return not gender or p.gender == gender or (gender == "m" and p.gender == "")

        for want_subject in ((True, False) if subject_first else (False,)):
            best, best_at = None, -1
            for p in self.people.values():
                if not ok(p):
                    continue
                at = max((o for o, subj in p.mentions if o < before and (subj or not want_subject)), default=-1)
                if at > best_at:
                    best, best_at = p, at
            if best:
                return best
        return None


    def full_name(self, speaker: str) -> str:
        """A one-word speaker ('Albanese') as the one full name in the article that ends or starts with
        it, wherever that name appears; otherwise as it is."""
        if len(speaker.split()) != 1:
            return speaker
        key = speaker.lower()
        hits = {p.name for p in self.people.values() if len(p.name.split()) > 1 and not p.anonymous
                and key in (p.name.lower().split()[0], p.name.lower().split()[-1])}
        return hits.pop() if len(hits) == 1 else speaker


    def kind(self, speaker: str) -> str:
        """person / organisation / anonymous: a role without a name ('Senior official', 'allies of X') is
        anonymous; a body ('Downing Street', 'Ministry of Defence') or any other unnamed speaker the
        article never introduced as a person is an organisation."""
        low = speaker.lower()
        head = re.split(r"\s(?:in|at|from|of|for|with|close to|familiar with)\s", low)[0].split()
        if ("familiar with" in low or "close to" in low or (head and head[-1] in _ANON_HEADS | _QUESTIONER_HEADS
                                                             | {"allies", "ally", "people", "ministers", "members"})):
            return "anonymous"
        person = self.people.get(speaker)
        if person is not None:
            return "organisation" if person.gender == "n" else "person"
        if low.split() and low.split()[-1] in _ORG_HEADS:
            return "organisation"
        return "person" if self.lookup(speaker) else "organisation"


def _last_mention(p: _Person, before: int = 1 << 60) -> int:
    return max((o for o, _ in p.mentions if o < before), default=-1)


def _title_matches(role: str, titles: str) -> bool:
    """Does a role phrase ('president', 'french leader') fit the titles a person was introduced with?"""
    for title in titles.split(" | "):
        if role == "president" and "vice president" in title:
            continue
        if role and (title.endswith(role) or f" {role}" in f" {title}"):
            return True
        words = role.split()
        if len(words) >= 2 and words[-1] in {"leader", "premier", "politician"} and words[0] in title.split():
            return True  # "the French leader" <- "French President Emmanuel Macron"
    return False


# ---------------------------------------------------------------------------- people


def register_people(doc, base: int, state: Discourse, in_quote) -> None:
    """Every PERSON named outside quotes, with the title words just before the name."""
    named: set[int] = set()  # tokens inside a PERSON name: not registered again as a bare subject
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        ent = _extend_name(ent)
        named.update(range(ent.start, ent.end))
        name = _clean_name(ent.text)
        if len(ent) == 1 and ent[0].is_sent_start and not state.lookup(name):
            continue  # a lone capitalised word opening a sentence ("Turnout was ...") is rarely a new person
        if in_quote(ent.start_char):
            if len(name.split()) > 1 and name[0].isupper() and name not in state.people:
                state.people[name] = _Person(name)  # known for surname lookup, but not in focus
            continue
        if not name or not name[0].isupper():
            continue
        titles = _titles_before(doc, ent.start)
        subject = any((t.dep_ == "nsubj" or (t.dep_ in ("compound", "appos") and t.head.dep_ == "nsubj"))
                      and _main_clause(t) for t in ent)
        if len(name.split()) == 1 and state.lookup(name):
            name = state.lookup(name).name
        state.register(name, titles, base + ent.start_char, subject)
    for tok in doc:  # subjects the NER missed ("LONDON - Keir Starmer used ...")
        # a subject, or a name in apposition to one ("The opposition leader, Yair Lapid, wrote")
        subject_like = tok.dep_ == "nsubj" or (tok.dep_ == "appos" and tok.head.dep_ == "nsubj")
        if not subject_like or tok.pos_ != "PROPN" or tok.i in named or in_quote(tok.idx) \
                or tok.ent_type_ in ("GPE", "NORP") \
                or (tok.ent_type_ == "ORG" and not state.lookup(tok.text)
                    and not (tok.dep_ == "appos" and tok.head.lower_ in _TITLE_SET)):
            continue
        chain = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.is_title] + [tok]
        words = [t.text for t in chain]
        while words and (words[0].lower() in _TITLE_SET or words[0].lower() in _HONORIFICS):
            words = words[1:]
        if not words or any(base + tok.idx == o for p in state.people.values() for o, _ in p.mentions):
            continue
        name = " ".join(words)
        known = state.lookup(name)
        if known is None and (len(words) < 2 or words[-1].lower() in _TITLE_SET):
            continue  # one unknown word, or a role ("the Opposition Leader said"): not a name
        verb = tok.head if tok.dep_ == "nsubj" else tok.head.head
        if known is None and name not in state.people and (
                any(t.ent_type_ in ("FAC", "LOC") for t in chain) or words[-1].lower() in _ORG_HEADS):
            # "Downing Street refused to say ...": a body, never what "he" or "she" refers to
            body = state.people[name] = _Person(name, gender="n")
            body.mentions.append((base + tok.idx, verb.dep_ in ("ROOT", "conj")))
            continue
        state.register(known.name if known and len(words) < 2 else name, _titles_before(doc, chain[0].i if len(chain) == 1 else tok.i - len(words) + 1),
                       base + tok.idx, verb.dep_ in ("ROOT", "conj"))
    for tok in doc:  # unnamed sources that are subjects ("an EU diplomat had warned"), in focus from here on
        if tok.dep_ == "nsubj" and tok.lower_ in _ANON_HEADS and not in_quote(tok.idx) \
                and not any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children):
            phrase, at = _subject_phrase(tok)
            if not _named_within(phrase, state, multi_only=True):
                state.anonymous(phrase, base + at)


def _extend_name(ent):
    """NER sometimes stops early ('Ursula von' | 'der Leyen') or starts late ('Władysław' |
    'Kosiniak-Kamysz'): run on over the name's compound chain, never over a title."""
    end = ent.end
    doc = ent.doc
    start = ent.start
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
            and doc[start - 1].head.i >= ent.start and doc[start - 1].is_title \
            and doc[start - 1].lower_.strip(".") not in _TITLE_SET | _HONORIFICS \
            and doc[start - 1].ent_type_ not in ("GPE", "NORP", "ORG"):
        start -= 1
    ent = doc[start:ent.end]
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end - 1].dep_ == "compound" \
            and doc[end - 1].head.i >= end:
        end += 1
    return doc[ent.start:end]


def _main_clause(tok) -> bool:
    """Subject of the main clause (or of a verb joined to it), not of an 'if ...' clause."""
    verb = tok.head if tok.dep_ == "nsubj" else tok.head.head
    return verb.dep_ in ("ROOT", "conj") or verb.head is verb


def _clean_name(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip())
    words = [w for w in name.split() if w.lower() not in _HONORIFICS]
    return " ".join(words)


def _titles_before(doc, i: int) -> str:
    """Lower-cased capitalised/title words right before a name: 'British Prime Minister'."""
    words = []
    j = i - 1
    while j >= 0 and len(words) < 6:
        t = doc[j]
        if t.text in ("'s", "’s") or (t.is_title or t.is_upper or t.lower_ in {"of", "the", "-", "elect"}) \
                and not t.is_punct:
            words.append(t.lower_)
            j -= 1
            continue
        if t.lower_ in {"host", "anchor", "presenter", "spokesman", "spokeswoman", "secretary", "leader", "mp"}:
            words.append(t.lower_)
            j -= 1
            continue
        break
    while words and words[-1] in {"of", "the", "'s", "’s"}:
        words.pop()
    return " ".join(reversed(words)).replace(" - ", "-")


def resolve_speaker(phrase: str, offset: int, state: Discourse) -> str:
    """A speaker phrase as written -> a person's full name, or an anonymous role."""
    phrase = " ".join(re.sub(r"^[\s,;:]+|[\s,;:]+$", "", phrase).split())
    phrase = re.sub(r"['’]s$", "", re.sub(r"\s*\([^)]*\)$", "", phrase))  # "… Industries (BDI)"
    low = phrase.lower()
    if low in _PRONOUNS:
        p = state.recent(offset, gender=_PRONOUNS[low])
        return p.name if p else phrase
    if low in {"i", "we", "they", "it"}:
        p = state.recent(offset)
        return p.name if p and low == "i" else phrase
    words = low.split()
    head_words = re.split(r"\s(?:in|at|from|of|for|with)\s", low)[0].split()
    if head_words and head_words[-1] in _ANON_HEADS:
        named = _named_within(phrase, state, multi_only=True)
        return named or state.anonymous(phrase, offset)
    if head_words and head_words[-1] in _QUESTIONER_HEADS:
        named = _named_within(phrase, state, multi_only=True)
        # "the host asked": the person introduced as host ("Meet the Press host Kristen Welker"), if any
        titled = state.by_title(head_words[-1], offset) if words and words[0] == "the" else None
        return named or (titled.name if titled else head_words[-1].rstrip("s").capitalize())
    named = _named_within(phrase, state, multi_only=bool(words) and words[0] in {"the", "a", "an"})
    if named:
        return named
    person = state.by_title(phrase, offset)
    if person:
        return person.name
    if head_words and head_words[-1] in _ORG_HEADS and any(w[:1].isupper() for w in phrase.split()):
        return _role(phrase)  # "the Ministry of Transport", "the White House": a body, not the person in focus
    if words and (words[0] in {"the", "a", "an"} or not phrase[:1].isupper()):
        p = state.recent(offset)  # "the 81-year-old", "the Labour leader": the last person in focus
        return p.name if p else _role(phrase)
    return _clean_name(phrase)


def _named_within(phrase: str, state: Discourse, *, multi_only: bool = False) -> str:
    """A known person named inside a phrase ('Mr Starmer', 'Kremlin spokesman Dmitry Peskov')."""
    whole = [p.name for p in state.people.values() if len(p.name.split()) > 1 and not p.anonymous and p.name in phrase]
    if whole:
        return max(whole, key=len)
    words = [w for w in re.findall(r"[A-Z][\w.'’-]*", phrase)]
    for n in range(len(words), 1 if multi_only else 0, -1):
        for i in range(len(words) - n + 1):
            cand = " ".join(words[i:i + n])
            if cand.lower() in _HONORIFICS:
                continue
            person = (state.people.get(cand) if cand in state.people and not state.people[cand].anonymous else None) or (state.lookup(cand) if n <= 2 else None)
            if person:
                return person.name
    return ""


def _role(phrase: str) -> str:
    """'a senior official' -> 'Senior official'; 'NATO officials' -> 'NATO official'."""
    words = phrase.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not words:
        return phrase
    head_at = next((k - 1 for k, w in enumerate(words) if k and w.lower() in {"in", "at", "from", "of", "for", "with"}),
                   len(words) - 1)
    last = words[head_at]
    if last.lower() in _ANON_HEADS and last.lower().endswith("s") and last.lower() != "sources" \
            and not last.lower().endswith("ss"):
        words[head_at] = last[:-1]
    elif last.lower() == "sources":
        words[head_at] = "source"
    out = " ".join(words)
    return out[0].upper() + out[1:]


def _subject_phrase(tok) -> tuple[str, int]:
    """Text of a subject token with its left modifiers (titles, determiners), and its offset."""
    left = tok.left_edge.i
    span = tok.doc[left:tok.i + 1]
    # keep "an official in the vice president's office": a prep right after an anonymous head
    right = tok.i
    if tok.lower_ in _ORG_HEADS and tok.is_title:  # "the Federation of German Industries"
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ == "of" and any(t.is_title for t in child.subtree):
                right = child.right_edge.i
        span = tok.doc[left:right + 1]
    if tok.lower_ in _ANON_HEADS:
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in {"in", "at", "from", "with"}:
                right = child.right_edge.i
        span = tok.doc[left:right + 1]
    return span.text, span.start_char


def speaker_of(verb, base: int, state: Discourse) -> str:
    """Subject of a verb, climbing through conj/xcomp/advcl heads when it has none of its own."""
    tok = verb
    for _ in range(6):
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            if subj.lower_ in {"it", "that", "this", "which", "who"} and subj.lower_ != "who":
                return ""
            if subj.lower_ == "who" and tok.dep_ == "relcl":
                subj = tok.head
            # "Spain's prime minister, Pedro Sánchez, said": the name in apposition is the speaker
            name = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if name is not None and subj.pos_ != "PROPN":
                span = subj.doc[name.left_edge.i:name.i + 1]
                return resolve_speaker(span.text, base + span.start_char, state)
            text, at = _subject_phrase(subj)
            return resolve_speaker(text, base + at, state)
        if any(c.dep_ == "nsubjpass" for c in tok.children) or tok.dep_ in ("ROOT",) or tok.head is tok:
            return ""
        if tok.dep_ not in ("conj", "xcomp", "advcl", "pcomp", "prep", "relcl", "acl", "ccomp"):
            return ""
        tok = tok.head
    return ""
