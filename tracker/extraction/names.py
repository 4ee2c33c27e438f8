"""Names as the parse gives them: where a name starts and ends, the titles written before it or set beside
it, and names the NER took for something else."""

from __future__ import annotations

import re

from tracker.extraction.discourse import Discourse
from tracker.extraction.people import without_nickname
from tracker.extraction.portfolios import company_title, in_portfolio, portfolio_holder, titled_name
from tracker.extraction.lexicon import (ANON_HEADS, CLOCK_TIME, COMPOUND_HEADS, DESCRIPTORS, DOCUMENT_HEADS, GROUP_BODIES,
                                        GROUP_HEADS, HONORIFICS, ONE_OF_A_KIND, ORG_HEADS, PARTICLES, PARTY_MEMBERS,
                                        PERSON_ROLES, POST_NOMINALS, REPLIES, SAYING, STANCE_NOUNS, TITLE_ABBREVIATIONS,
                                        TITLE_SET, first_name_gender, is_person_noun, is_role, role_name)


def person_behind_title(ent) -> bool:
    """'host Wanjiku Kamau', 'journalist Marko Lysenko': a name the NER took for an organisation, right after
    a lower-case word for what a person does, is a person's name."""
    words = ent.text.split()
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if ent.label_ == "ORG" and 3 <= len(words) <= 4 and words[0].lower() in TITLE_SET and words[0][:1].isupper() \
            and all(w[:1].isupper() for w in words) and first_name_gender(" ".join(words[1:])):
        return True  # "former TD Brian Stanley": a title read into the name, then a first name
    if ent.label_ == "ORG" and len(words) == 4 and company_title(words[1]) and all(w[:1].isupper() for w in words[2:]) \
            and words[-1].lower() not in ORG_HEADS:
        return True  # "Infosys CFO Mohandas Pai": a company, its officer's title, then the name
    return ent.label_ == "ORG" and before is not None and before.lower_ in PERSON_ROLES and before.is_lower \
        and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and words[-1].lower() not in ORG_HEADS


def names_a_side(ent) -> bool:
    """'the Fianna Fáil leader', 'the Labour leader': a name between 'the' and an office is the party or country
    whose office it is, whatever the NER took it for; its holder is found by the title."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.lower_ == "the" and ent.root.dep_ == "compound" and ent.root.head.i == ent.end \
        and is_role(ent.root.head.lower_) and not first_name_gender(ent.text)


def heads_government(ent) -> bool:
    """'the Narendra Modi government', 'the Biden administration': a person's name, whatever the NER took it for."""
    return ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in ("government", "administration") \
        and ent.root.dep_ == "compound" and (ent.label_ == "PERSON" or len(ent) > 1 and all(t.is_title for t in ent))


def appositive_role(ent) -> str:
    """'Nigeria's senate president, Ibrahim Danladi,' / 'Kwame Asante, the finance minister,': the role set beside
    the name, so that 'the senate president' later is this person."""
    def role(t) -> bool:  # "the finance minister", or a capitalised title ("Japan's Minister of Agriculture")
        return t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.lower_ in TITLE_SET)

    root = ent.root
    nouns = [root.head] if root.dep_ == "appos" and role(root.head) else []
    nouns += [c for c in root.children if c.dep_ == "appos" and role(c)]
    if root.dep_ == "attr" and root.head.lemma_ == "be":  # "The moderator was Rania Haddad"
        nouns += [c for c in root.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and role(c)
                  and any(d.lower_ == "the" for d in c.children)]
    if not nouns:  # "the Narendra Modi government": its head ("the prime minister" later)
        return role_before(ent) or ("head of government" if heads_government(ent) else "")
    noun = nouns[0]
    return " ".join([t.lower_ for t in noun.lefts if t.dep_ in ("compound", "amod") and t.is_alpha] + [noun.lower_])


def titled_possessive(tok, base: int, state: Discourse) -> None:
    """A name behind a title in the possessive ("Chancellor Olaf Scholz's party") is a person, whatever
    the NER made of it; at least a first and a last name, so a lone word is never taken for one."""
    chain = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.is_title] + [tok]
    lead, rest = titled_name([t.text for t in chain])
    if lead:
        state.register(" ".join(rest), " ".join(lead), base + chain[0].idx, False)


def extend_name(ent):
    """NER sometimes stops early ('Ursula von' | 'der Leyen') or starts late ('Władysław' |
    'Kosiniak-Kamysz'): run on over the name's compound chain, never over a title."""
    doc, start, end = ent.doc, ent.start, ent.end
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
            and doc[start - 1].head.i >= ent.start and doc[start - 1].is_title \
            and doc[start - 1].lower_.strip(".") not in TITLE_SET | HONORIFICS \
            and doc[start - 1].ent_type_ not in ("GPE", "NORP", "ORG") and not in_portfolio(doc[start - 1]):
        start -= 1
    ent = doc[start:ent.end]
    while end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].lower_ in PARTICLES) and (
            doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end or doc[end - 1].lower_ in PARTICLES):
        end += 1  # 'von' | 'der' (tagged a noun) | 'Leyen': no name ends on a particle, however the parser hung it
    # "Miguel Ángel | Yunes Márquez of the PAN": surnames the NER left off, that the parser did not chain
    more = end
    while more < min(len(doc), end + 2) and doc[more].pos_ == "PROPN" and doc[more].is_title \
            and doc[more].ent_type_ in ("", "PERSON") and doc[more].lower_ not in TITLE_SET | HONORIFICS:
        more += 1
    if more > end and len(ent) >= 2 and (more == len(doc) or not doc[more].is_title):
        end = more
    # 'Han Duck' | '-soo': the rest of a hyphenated name the tokenizer split off; not a compound the name starts
    # ('Trump-era', 'Labour-led', 'American-style')
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and doc[end + 1].is_alpha and not COMPOUND_HEADS.fullmatch(doc[end + 1].lower_):
        end += 2
    return doc[ent.start:end]


def name_chain(tok) -> list:
    """The capitalised proper nouns a name's last word carries before it, a compound on a compound included
    ('Human Rights Watch', not 'Rights Watch')."""
    chain = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.is_title] + [tok]
    while chain[0].i > 0 and (t := tok.doc[chain[0].i - 1]).dep_ == "compound" and t.pos_ == "PROPN" and t.is_title \
            and t.head in chain:
        chain.insert(0, t)
    return chain


_LINKS = {"against", "for", "of", "in", "on", "at", "to", "with", "and", "the"}  # words no personal name starts with
_NAME_AT_END = re.compile(r"^(?P<before>\S+(?: [a-z][\w-]*)+) (?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)+)$")


def name_at_end(phrase: str) -> str:
    """'Her party colleague K.C. Venugopal' -> 'K.C. Venugopal': a name of two words or more after lower-case words
    that describe the person; a particle among those words belongs to the name ('Charles de Gaulle Jr')."""
    m = _NAME_AT_END.match(phrase)
    if m is None or any(w in PARTICLES for w in m.group("before").split()[1:]):
        return phrase
    return m.group("name")


def clean_name(name: str) -> str:
    name = re.sub(r"['’]s?$", "", name.strip())  # "Bharat Motors'" too
    name = without_nickname(name)
    words = [w for w in name.split() if w.lower() not in HONORIFICS]
    while len(words) > 2 and (words[0].lower() in DESCRIPTORS or words[0].lower() in PARTY_MEMBERS) \
            and words[1].lower() not in _LINKS:  # not "Labour Against Antisemitism", a body's name
        words = words[1:]  # "Pensioner Beverley Hunt", "Democrat Nathan Cullen"
    while len(words) > 2 and words[-1].lower().strip(".") in POST_NOMINALS:
        words = words[:-1]  # "Michael Hodge QC"
    return " ".join(words)


def titles_before(doc, i: int) -> str:
    """Lower-cased capitalised/title words right before a name: 'British Prime Minister'."""
    words = []
    j = i - 1
    while j >= 0 and len(words) < 6:
        t = doc[j]
        if t.text in ("'s", "’s") or (t.is_title and t.pos_ != "ADP" or t.is_upper or t.lower_ in {"of", "the", "-", "elect"}) \
                and (not t.is_punct or t.text == "-"):  # 'Director-General of Health', not 'For'
            words.append(TITLE_ABBREVIATIONS.get(t.lower_, t.lower_))
            j -= 1
            continue
        if t.lower_ in ONE_OF_A_KIND | {"spokesman", "spokeswoman", "secretary", "leader", "mp"} or (
                t.dep_ in ("compound", "amod") and j < t.head.i < i + 3 and t.is_alpha and not t.is_stop):
            # "central bank governor Paulo Azevedo": the lower-case words of a title run into the name
            words.append(t.lower_)
            j -= 1
            continue
        break
    while words and words[-1] in {"of", "the", "'s", "’s"}:
        words.pop()
    return " ".join(reversed(words)).replace(" - ", "-")


def role_in_apposition(span) -> bool:
    """'Vasily Nebenzia, the Russian ambassador,': a name of two or more capitalised words that the NER took
    for a body or a place is a person when a person's title stands in apposition to it."""
    if span.label_ not in ("ORG", "GPE", "") or len(span) < 2 or not all(t.is_title for t in span) \
            or any(t.lower_ in ORG_HEADS for t in span):
        return False
    root = span.root
    return any(c.dep_ == "appos" and c.lower_ in TITLE_SET for c in root.children) or bool(role_before(span)) or (
        root.dep_ == "appos" and root.head.lower_ in TITLE_SET)  # "Galway's mayor, Siobhán Kelly,"


_ROLE_BEFORE = re.compile(r"\b(?:the|its|his|her|their)\s+([a-z][a-z' -]{0,60}?),\s*$")


def role_before(span) -> str:
    """'asked the minister of water and sanitation, Busisiwe Mahlangu, when …': the role set off by commas
    right before a name that closes with a comma, whatever the parser hung the name on ('' if none)."""
    doc = span.doc
    m = _ROLE_BEFORE.search(doc.text[max(0, span.start_char - 70):span.start_char])
    closed = doc.text[span.end_char:span.end_char + 1] == ","
    if not m or not closed:
        return ""
    words = m.group(1).split()
    head = words[:words.index("of")] if "of" in words else words
    return m.group(1) if head and head[-1] in TITLE_SET else ""


_SUBORDINATORS = {"before", "after", "since", "until", "while", "because", "although", "though", "unless", "once"}


def main_clause(tok) -> bool:
    """Subject of the main clause (or of a verb joined to it), not of an 'if ...' clause. A subject opening its
    sentence whose verb the parser hung under a later one ("Kuenssberg reminded him that rents had climbed
    and that petrol was up") is the main clause's too."""
    verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else tok.head.head
    if verb.dep_ == "ROOT" and any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in verb.children):
        return False  # "…, weeks before Kamala Harris picked him …": a subordinate clause the parser made the root
    if verb.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ in ("that", "whether") for c in verb.children):
        return False  # "said he had a plan, but that Lindner had shown no will": a second reported clause
    return verb.dep_ in ("ROOT", "conj") or verb.head == verb or (
        tok.left_edge.i == tok.sent.start and verb.dep_ == "ccomp" and verb.i < verb.head.i) or (
        # "The crisis began on Saturday, when Gallant went on television": no one is the main clause's subject
        verb.dep_ in ("advcl", "relcl") and any(c.lower_ == "when" for c in verb.children)
        and _subject_is_thing(tok.sent.root)) or (
        # "When Abbott faced the press, he was asked …": the pronoun of the main clause is the opening clause's subject
        # ('After Rogers swears him in, he asks': not when the clause names someone else as him or her)
        verb.dep_ == "advcl" and verb.i < verb.head.i and any(c.lower_ in ("when", "as", "after") for c in verb.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("he", "she") for c in verb.head.children)
        and not any(t.lower_ in ("him", "her", "himself", "herself") for t in verb.subtree))


def opening_subject(verb):
    """'Yasmin Abdel-Rahman, the lawmaker who chairs …, whose father … first proposed a reform, said …': the parser
    gave the sentence's main verb no subject and hung the name opening the sentence under a verb before it. That
    name, set off by a comma, is the main verb's subject; None when the parse is not of that shape."""
    sent = verb.sent
    if verb.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    for tok in verb.doc[sent.start:verb.i]:
        if tok.dep_ == "nsubj" and tok.pos_ == "PROPN" and tok.left_edge.i == sent.start and tok.head.i < verb.i \
                and tok.i + 1 < verb.i and verb.doc[tok.i + 1].text == "," and tok.head.dep_ == "ccomp":
            return tok
    return None


def _subject_is_thing(root) -> bool:
    """The sentence's main subject is a common noun that names no person ('The crisis began …')."""
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.pos_ == "NOUN" and not is_person_noun(subj.lower_) and not is_role(subj.lower_)


def register_missed_names(doc, base: int, state: Discourse, in_quote) -> None:
    """People the NER missed outside a subject: a first and last name ('a press conference with Theresa May'),
    and the gender a reflexive gives a subject whose first name did not ('Ivanka Trump distanced herself')."""
    for tok in doc:
        first = doc[tok.i - 1] if tok.i else tok
        if tok.dep_ in ("pobj", "dobj") and tok.pos_ == first.pos_ == "PROPN" and first.dep_ == "compound" \
                and first.is_title and tok.is_title and {tok.ent_type_, first.ent_type_} <= {"", "DATE"} \
                and not in_quote(tok.idx) and first_name_gender(f"{first.text} {tok.text}") and not state.lookup(tok.text):
            state.register(f"{first.text} {tok.text}", titles_before(doc, first.i), base + first.idx, False)
        if tok.lower_ in ("herself", "himself") and tok.dep_ in ("dobj", "pobj") and not in_quote(tok.idx):
            verb = tok.head if tok.dep_ == "dobj" else tok.head.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            names = [] if subj is None else [t for t in (subj, *subj.children) if t.pos_ == "PROPN" and t.dep_ in
                                               ("nsubj", "appos")]
            person = state.lookup(_name_span(doc, names[0]).text) if len(names) == 1 else None
            if person is not None and person.gender == "" and not person.anonymous:
                person.gender = "f" if tok.lower_ == "herself" else "m"


def main_subject(subjects: list):
    """Of a verb's nsubj children, the speaker when the parser split one subject in two: the one a name is in
    apposition to ("The AfD co-leader, Alice Weidel, said"), else the one not set off by commas ("On his opponent,
    Joe Biden, Trump said"), else a name among common nouns, the one nearest before the verb ("On the morning after
    the EU referendum, in June 2016, Sturgeon said": the parse made the referendum a subject too), else the first."""
    named = [c for c in subjects if any(a.dep_ == "appos" and a.pos_ == "PROPN" for a in c.children)]
    plain = [c for c in subjects if not (0 < c.left_edge.i and c.right_edge.i + 1 < len(c.doc)
                                         and c.doc[c.left_edge.i - 1].text == "," == c.doc[c.right_edge.i + 1].text)]
    names = [c for c in plain or subjects if (c.pos_ == "PROPN" or c.ent_type_ == "PERSON") and c.i < c.head.i]  # 'Ben-Gvir', 'Sang-hoon'
    nearest = names[-1:] if len(names) < len(plain or subjects) else []
    return (named or (plain if len(plain) == 1 else nearest or subjects) or [None])[0]


def _name_span(doc, tok):
    """The name a subject token ends: its PERSON entity ('NEW DELHI - Finance Minister Nirmala Sitharaman' ->
    'Nirmala Sitharaman'), else all that leads up to it."""
    if tok.ent_type_ == "PERSON":
        start = tok.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        return doc[start:tok.i + 1]
    return doc[tok.left_edge.i:tok.i + 1]


PEERAGE = {"lord": "m", "baron": "m", "viscount": "m", "earl": "m", "lady": "f", "baroness": "f"}
_OFFICES = {"advocate", "chief", "justice", "lieutenant", "provost", "privy", "mayor", "chancellor", "speaker",
            "president", "protector"}  # 'the Lord Chancellor, Shabana Mahmood': an office, not a peer's name


def register_peers(doc, base: int, state: Discourse, in_quote) -> set[int]:
    """Peers by their titles ('Lord Anderson of Ipswich', 'Baroness Chapman'): the title is the name, with its
    'of Place'. Returns the tokens they cover, which no other rule names again."""
    covered: set[int] = set()
    for tok in doc[:-1]:
        name = doc[tok.i + 1]
        if tok.lower_ not in PEERAGE or not tok.is_title or not name.is_title or name.pos_ != "PROPN" \
                or name.lower_ in TITLE_SET | _OFFICES \
                or in_quote(tok.idx):
            continue
        end = name.i + 1
        if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].is_title and doc[end + 1].pos_ == "PROPN":
            end += 2
        person = state.register(doc[tok.i:end].text, titles_before(doc, tok.i),
                                base + tok.idx, name.dep_ in ("nsubj", "nsubjpass") and main_clause(name))
        person.gender = person.gender or PEERAGE[tok.lower_]
        covered.update(range(tok.i, end))
    return covered


def group_of(subj, state: Discourse) -> tuple[str, int]:
    """'The European Commission and Germany', 'The armed forces and the national police': a subject of two or
    more names or bodies joined by 'and' speaks as one group ('' if not), with the offset of its last word in
    the sentence. Each person in it is named in full; a body by its name."""
    parts = [subj, *subj.conjuncts]
    if len(parts) < 2 or not any(c.dep_ == "cc" and c.lower_ == "and" for p in parts for c in p.children):
        return "", 0
    last = parts[-1].doc[parts[-1].left_edge.i:parts[-1].i + 1]
    title, name = titled_name(last.text.split())
    first = parts[0].doc[parts[0].left_edge.i:parts[0].i + 1]
    known = state.lookup(first.text)
    if len(parts) == 2 and title and name and parts[0].ent_type_ != "PERSON" and (
            known is None or known.gender == "n" or parts[0].ent_type_ in ("ORG", "GPE", "NORP", "FAC", "LOC")):
        # 'Alberta Environment and Protected Areas Minister Rebecca Schulz': one minister's portfolio
        return clean_name(" ".join(name)), parts[-1].idx
    names = []
    for part in parts:
        if part.pos_ == "PROPN":
            words = [t.text for t in part.doc[part.left_edge.i:part.i + 1] if t.dep_ not in ("cc", "punct", "det")
                     and not re.fullmatch(CLOCK_TIME, t.text)]  # not a live blog entry's time
            name = clean_name(" ".join(words))
            known = state.lookup(name) if len(name.split()) == 1 else None
            names.append(known.name if known else name)
        elif part.pos_ == "NOUN" and (part.lower_ in ORG_HEADS or part.lower_ in GROUP_BODIES):
            role = role_name(part.doc[part.left_edge.i:part.i + 1].text)
            names.append(role[0].lower() + role[1:])  # "the national police" -> "national police"
        else:
            return "", 0  # "Trump and his aides": a person and a role is no named group
    group = ", ".join(names[:-1]) + " and " + names[-1]
    return group[0].upper() + group[1:], parts[-1].idx


def subject_phrase(tok) -> tuple[str, int]:
    """Text of a subject token with its left modifiers (titles, determiners), and its offset."""
    if (holder := portfolio_holder(tok)) is not None:  # 'Minister for Science and Technology Fawad Chaudhry'
        return holder.text, holder.start_char
    left = tok.left_edge.i
    span = tok.doc[left:tok.i + 1]
    # keep "an official in the vice president's office": a prep right after an anonymous head
    right = tok.i
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].head.i == tok.i and tok.doc[tok.i + 1].dep_ == "nummod":
        right = tok.i + 1  # "Number 10 said"
        span = tok.doc[left:right + 1]
    if tok.lower_ in ORG_HEADS and tok.is_title:  # "the Federation of German Industries"
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in ("of", "for") and any(t.is_title for t in child.subtree):
                right = child.right_edge.i
        span = tok.doc[left:right + 1]
    if tok.lower_ in GROUP_HEADS:  # "allies of Rachel Reeves" (not the clause that follows the name)
        for child in tok.rights:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None) if child.lower_ == "of" else None
            if child.dep_ == "prep" and obj is not None:
                right = obj.i
        span = tok.doc[left:right + 1]
    if tok.lower_ in ANON_HEADS or tok.lower_ in ("people", "person"):
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in {"in", "at", "from", "with", "for"} or (
                    child.dep_ in ("amod", "acl") and child.lower_ in {"familiar", "close", "briefed"}):
                right = child.right_edge.i  # "people familiar with the talks", "a source close to the minister"
        span = tok.doc[left:right + 1]
    if tok.lower_ in DOCUMENT_HEADS:  # "a post on Loop by footballer Danilo Moreira": who wrote it
        by = [t for t in tok.subtree if t.lower_ == "by" and t.dep_ in ("prep", "agent") and t.i > tok.i]
        end = by[0].right_edge.i if by else tok.i
        while by and end + 1 < len(tok.doc) and tok.doc[end + 1].pos_ == "PROPN":
            end += 1  # 'footballer Danilo Moreira' that the parser split
        span = tok.doc[left:end + 1] if by else span
    doc, end = tok.doc, span.end  # "Ben-Gvir" split by the parser into "Ben", "-", "Gvir"
    while end + 1 < len(doc) and doc[end - 1].whitespace_ == "" and doc[end].text == "-" and doc[end].whitespace_ == "":
        end += 2
    named = next((e for e in doc.ents if e.start == end and e.label_ == "PERSON" and len(e) > 1), None)
    if named is not None and is_role(doc[end - 1].lower_) and doc[end - 1].whitespace_:
        end = named.end  # "Party vice-president | John Roe": a name the parser cut from its title
    return doc[span.start:end].text, span.start_char


def said_by_surname(tok) -> bool:
    """'"…," Albanese said', 'Renho, who leads the opposition, responded': one word with no determiner that the NER
    took for a people and that says something, or for a people or a place and that a 'who' clause makes a person."""
    who = any(c.dep_ == "relcl" and any(w.lower_ in ("who", "whom", "whose") for w in c.children) for c in tok.children)
    return tok.ent_type_ in ("NORP", "GPE") and tok.tag_ == "NNP" and tok.dep_ == "nsubj" and (
        who or tok.ent_type_ == "NORP" and tok.head.lemma_ in SAYING) and not any(c.dep_ == "det" for c in tok.children)


def owns_words(tok) -> bool:
    """'Starmer's reply was warm', 'Corbyn's speech.': the owner of words someone gave, as the main clause's subject or
    a sentence alone; and of a position a clause is about ('Johnson's position has wandered') that no one else says."""
    head = tok.head
    said = head.head.dep_ == "ccomp" and head.head.head.lemma_ in SAYING  # 'Kaine said that Trump's position …'
    return tok.dep_ == "poss" and (head.dep_ in ("nsubj", "nsubjpass") or head.dep_ == "ROOT" and head.pos_ == "NOUN") \
        and (main_clause(head) and head.lemma_.lower() in DOCUMENT_HEADS | REPLIES or head.lemma_.lower() in STANCE_NOUNS and not said)
