"""Who an unnamed role is: the one person an article names in that role, before or after it ('the Kremlin
spokesman … / The spokesman, Dmitry Peskov'; 'A senior consultant … / The consultant, Dr Jane Roe')."""

from __future__ import annotations

import re

from tracker.extraction.discourse import Discourse, Person
from tracker.extraction.lexicon import GROUP_HEADS, is_person_noun, is_role, role_name
from tracker.extraction.names import owns_words

_SPOKES = ("spokesman", "spokeswoman", "spokesperson")


def named_roles(state: Discourse, text: str, speakers: set[str]) -> dict[str, str]:
    """Each unnamed spokesperson ('the Kremlin spokesman') as the one named person the article gives that
    role, before or after ('Kremlin spokesman Dmitry Peskov', 'the Kremlin spokesman, Dmitry Peskov', 'Hua
    Chunying, the ministry's spokeswoman'); a role that names no one, or two, is left as it is. A bare role that
    spoke ('the shopkeeper said') is the person named as 'The shopkeeper, Aoife Brannigan'."""
    # a name met only inside a quote has no place in the narration to weigh
    named = [p for p in state.people.values() if not p.anonymous and len(p.name.split()) > 1 and p.mentions]
    bare = [s for s in speakers if s not in state.people and " " not in s and is_person_noun(s.lower())]
    out = {s: hits.pop() for s in bare if len(hits := _named_as_the(s.lower(), bare, named, text)) == 1}
    anonymous = [n for n, p in state.people.items() if p.anonymous]
    for role in anonymous:
        words = role.lower().split()
        if words and words[-1] in _SPOKES:
            # "President Vladimir Putin's spokesman … / The spokesman, Dmitry Peskov, told …"
            hits = {p.name for p in named if _gives_role(p, role, words, text)} or _named_as_the(words[-1], anonymous,
                                                                                                named, text)
        elif words and (words[-1] in _UNNAMED or is_person_noun(words[-1]) and not is_role(words[-1])):
            # 'a senior Russian official said …  The official, Sergei Ryabkov, added': named later, as the one
            # ('A shopkeeper … / The shopkeeper, Aoife Brannigan, …' the same)
            hits = _named_as_the(words[-1], anonymous, named, text)
        else:
            hits = set()
        hits = hits or _lede_name(state.people[role], named, text) or _described_later(state.people[role], named, text) \
            or _titled_later(state.people[role], named, text) or _sole_spokesperson(state.people[role], named, text)
        if len(hits) == 1:
            out[role] = hits.pop()
    return out


def _named_as_the(head: str, anonymous: list[str], named: list, text: str) -> set[str]:
    """Who the article names as 'The <head>, <name>', when it has only one unnamed role with that head."""
    if sum(n.lower().split()[-1] == head for n in anonymous) != 1:
        return set()
    return {p.name for p in named if re.search(rf"\b[Tt]he {head},? (?:{_HONORIFIC} )?{re.escape(p.name)}\b", text)}


_HONORIFIC = r"(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame)\.?"  # 'The consultant, Dr Miriam Okonjo-Reyes'



def _lede_name(role, named: list, text: str) -> set[str]:
    """"India's top diplomat on Thursday rejected … / Foreign Secretary Vikram Misri was answering …": a
    one-of-a-kind role ('<owner>'s <role>', never 'a …') that opens the article before anyone is named is the
    titled person the next paragraph introduces first, as its subject."""
    first = min(o for o, _ in role.mentions)
    head = role.name.lower().split()[-1]
    # "A Home Office minister said … / Rachel Maclean, the safeguarding minister, …": an office, not a source
    office = head in _OFFICES and re.match(r"an?\s", text[first:first + 3], re.I)
    if not (re.search(r"\w['’]s \w", role.name) or office) or head in _NEVER_UNIQUE \
            or (re.match(r"(?:an?|one|two|three|several|some)\s", text[first:first + 6], re.I) and not office) \
            or any(o < first for p in named for o, _ in p.mentions):
        return set()
    end = text.find("\n", first)
    nxt = re.search(r"\S[^\n]*", text[end:]) if end >= 0 else None
    if nxt is None:
        return set()
    lo, hi = end + nxt.start(), end + nxt.end()
    met = sorted(((min(o for o, _ in p.mentions), p) for p in named if p.mentions), key=lambda t: t[0])
    after = [(o, p) for o, p in met if o >= first]
    if not after or not lo <= after[0][0] < hi:
        return set()
    o, p = after[0]
    fits = not office or any(t.split()[-1:] == [head] for t in p.titles.lower().split(" | "))
    return {p.name} if p.titles and (o, True) in p.mentions and fits else set()


_OFFICES = {"minister", "senator", "mp", "lawmaker", "governor", "mayor", "councillor", "congressman",
            "congresswoman", "legislator", "judge", "ambassador"}


def _described_later(role, named: list, text: str) -> set[str]:
    """'The defence minister said … / Mehmet Yıldız, who has held the defence portfolio since 2023, also said':
    a definite role that opens the article before anyone is named is the person a later relative clause
    describes with the role's words (its head, or every word before the head)."""
    first = min(o for o, _ in role.mentions)
    words = [w for w in re.split(r"[\s'’]+", role.name.lower()) if w and w not in {"of", "the", "for", "s"}]
    if not words or not re.match(r"the\s", text[first:first + 4], re.I) or words[-1] in _NEVER_UNIQUE \
            or any(o < first for p in named for o, _ in p.mentions):
        return set()
    hits = set()
    for p in named:
        at = min(o for o, _ in p.mentions)
        m = re.match(rf"{re.escape(p.name)},? (?:who|whose)\b([^,.;]*)", text[at:])
        said = m.group(1).lower().split() if m else []
        if said and (words[-1] in said or (len(words) > 1 and all(w in said for w in words[:-1]))):
            hits.add(p.name)
    return hits


def _titled_later(role, named: list, text: str) -> set[str]:
    """'… the company's Australian chairman said … / News Corp executive chairman Michael Miller': an owned role
    ('<owner>'s <head>'), or a definite one opening the article before anyone is named ('The veteran senator …'),
    is the one person introduced after it with a title ending in the same head word."""
    words = role.name.lower().split()
    first = min(o for o, _ in role.mentions)
    lede = re.search(r"\b(?:[Tt]he) (?:[\w'’-]+ ){0,3}$", text[max(0, first - 60):first]) \
        and not any(o < first for p in named for o, _ in p.mentions)
    if not (re.search(r"\w['’]s \w", role.name) or lede) or not words or words[-1] in _NEVER_UNIQUE:
        return set()
    titled = [p for p in named if any(t.split()[-1:] == words[-1:] for t in p.titles.lower().split(" | "))]
    if lede and titled:  # an article that opens on someone unnamed names them next
        return {min(titled, key=lambda p: min(o for o, _ in p.mentions)).name}
    return {p.name for p in titled} if len(titled) == 1 and min(o for o, _ in titled[0].mentions) > first else set()


def _sole_spokesperson(role, named: list, text: str) -> set[str]:
    """'Germany's government spokesman said … / Steffen Hebestreit, his spokesman, …': a spokesperson the article
    introduces unnamed and not as 'a …' is the one person it later calls spokesperson, where that title names no
    principal the role does not ('Ivan Petrov, the ministry's spokesman' is not the Kremlin's)."""
    words = role.name.lower().replace("’", "'").split()
    first = min(o for o, _ in role.mentions)
    if not words or words[-1] not in _SPOKES or re.match(r"(?:an?|one|another)\s", text[first:first + 8], re.I):
        return set()
    fits, spokes = set(), set()
    for p in named:
        said = [t for t in p.titles.lower().split(" | ") if t.split()[-1:] and t.split()[-1] in _SPOKES]
        said += [m.group(1).lower() for m in re.finditer(
            rf"\b{re.escape(p.name)}, (?:the |an? )?((?:[\w'’-]+ ){{0,3}}spokes(?:man|woman|person))\b", text)]
        if said:
            spokes.add(p.name)
        if said and all(w in words or w in _POSSESSIVES for t in said for w in t.replace("’", "'").split()[:-1]) \
                and min(o for o, _ in p.mentions) > first:
            fits.add(p.name)
    return fits if len(fits) == 1 and fits == spokes else set()


_POSSESSIVES = {"his", "her", "its", "their"}


_NEVER_UNIQUE = {"source", "sources", "official", "officials", "people", "aide", "aides", "insider", "diplomats",
                 "spokesman", "spokeswoman", "spokesperson"}


_UNNAMED = ("official", "aide", "adviser", "advisor", "diplomat", "insider")  # roles an article may name later


def _gives_role(person, role: str, words: list[str], text: str) -> bool:
    """Does the article name `person` as `role`: right before the name, in apposition after it, or as a title
    ('spokeswoman Hua Chunying')? Every word of the role must be there: a ministry's spokesman is not the
    Kremlin's."""
    name = re.escape(person.name)
    if re.search(rf"{re.escape(role)},? {name}\b", text, re.I):
        return True
    described = [person.titles.lower()]
    m = re.search(rf"\b{name}, (?:the|an?|its|his|her|their) ((?:[\w'’-]+ ){{0,3}}{words[-1]})\b", text, re.I)
    if m:
        described.append(m.group(1).lower())
    return any(words[-1] in d.split() and all(w in d for w in words[:-1]) for d in described)


_CIRCLE = re.compile(r"(?i)(?:(?:a|an|one|another|the|two|three|several|some)\s+)?(?:(?:close|longtime|long-time)\s+)?"
                     r"(?P<head>[a-z]+)\s+of\s+(?P<owner>.+?)(?:['’]s)?$")


def circle_of(phrase: str, state: Discourse) -> str:
    """'a friend of Fallon', 'allies of Rachel Reeves', 'organisers of the protests': people around someone or
    something, who speak for themselves; a person they are around is named in full."""
    m = _CIRCLE.match(phrase)
    if m is None or m.group("head").lower() not in GROUP_HEADS:
        return ""
    owner = m.group("owner")
    person = state.lookup(owner) if owner[:1].isupper() else None
    return role_name(f"{m.group('head')} of {person.name if person is not None and not person.anonymous else owner}")


def owner_of_words(tok, base: int, state: Discourse) -> Person | None:
    """The person whose words or position a main clause's subject is, named by surname or by title ('Starmer's
    reply was warm', 'The prime minister's own line has shifted'): in focus, so the pronoun after it is them."""
    if not owns_words(tok):
        return None
    owner = state.lookup(tok.text) if tok.is_title else None
    if owner is None and is_role(tok.lower_):
        owner = state.by_title(tok.doc[tok.left_edge.i:tok.i + 1].text, base + tok.idx)
    return owner if owner is not None and not owner.anonymous and owner.gender != "n" else None
