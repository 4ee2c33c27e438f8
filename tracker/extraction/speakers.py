"""Who said it: the people named so far, so that a title, surname or pronoun resolves to one full name or role."""

from __future__ import annotations

import re

from tracker.extraction.lexicon import (ANON_HEADS as _ANON_HEADS, DETERMINERS as _DETERMINERS,
                                        HONORIFICS as _HONORIFICS, ORG_HEADS as _ORG_HEADS, PRONOUNS as _PRONOUNS,
                                        QUESTIONER_HEADS as _QUESTIONER_HEADS, TITLE_SET as _TITLE_SET, CLOCK_TIME,
                                        AGENT_HEADS as _AGENT_HEADS, DOCUMENT_HEADS as _DOCUMENT_HEADS, PROGRAMME_ENDS,
                                        GROUP_HEADS as _GROUP_HEADS, REPLIES as _REPLIES, ONE_OF_A_KIND, SAYING,
                                        PLATFORMS, PRONOUN_WORDS, NEWS_ASKERS, GENERIC_BODIES, UNNAMED_SUBJECTS, SEATS,
                                        first_name_gender, NEWS_WORDS, PARTY_MEMBERS, SOMEONE_NEW, NOT_IN_NAMES,
                                        is_person_noun, is_role, one_of_the_askers, role_name, title_matches, STAFF as _STAFF)
from tracker.extraction.discourse import Discourse, Person
from tracker.extraction.clauses import definite_title, inside_question, who_said
from tracker.extraction.bodies import names_its_own, register_body, the_body, the_office, the_party
from tracker.extraction.misparses import (body_alias, bracketed_after_name, cleft_subject, hung_surname, qualifies_a_role,
                                          lower_case_name, misplaced_subject, sentence_topic, verb_read_as_noun)
from tracker.extraction.roles import circle_of, owner_of_words
from tracker.extraction.names import (appositive_role, clean_name, extend_name, group_of, heads_government, main_clause,
                                      names_a_side, owns_words, person_behind_title, register_missed_names, register_peers,
                                      name_at_end, name_chain, role_in_apposition, said_by_surname, subject_phrase,
                                      titled_possessive, titles_before)
from tracker.extraction.people import first_named, nickname
from tracker.extraction.portfolios import portfolio_name, portfolio_title, titled_name


def register_people(doc, base: int, state: Discourse, in_quote) -> None:
    """Every PERSON named outside quotes, with the title words just before the name."""
    named = register_peers(doc, base, state, in_quote)  # tokens inside a name: not registered again
    for ent in doc.ents:
        if named & set(range(ent.start, ent.end)):
            continue
        ent = held if (held := portfolio_name(ent)) is not None else ent  # 'Leader of the Opposition Tom K. Vale'
        # a name the NER took for a place, in apposition to a role ("the regulator's head, Siobhán Kilbride,")
        person_like = held is not None or ent.label_ == "PERSON" or person_behind_title(ent) or (
            ent.label_ == "GPE" and len(ent) > 1 and ent.root.dep_ == "appos" and bool(first_name_gender(ent.text))
        ) or (  # "Frans Timmermans' alliance", which the NER took for a nationality
            ent.label_ == "NORP" and len(ent.text.split()) > 1 and bool(first_name_gender(ent.text))
        ) or role_in_apposition(ent) or (  # "with Chancellor Olaf Scholz", which the NER took for a body
            ent.label_ == "ORG" and len(ent.text.split()) == 2 and ent[0].is_title and ent[-1].is_title
            and ent[-1].lower_ not in _ORG_HEADS and bool(first_name_gender(ent.text))) or heads_government(ent) \
            or first_named(ent, state.people) or sentence_topic(ent) and state.lookup(ent.text) is not None
        if ent.label_ == "ORG" and not person_like and not in_quote(ent.start_char):  # for "the company" / "the union"
            register_body(ent, base, state)
        if not person_like or names_a_side(ent) or body_alias(ent) or bracketed_after_name(ent.root) or qualifies_a_role(ent):
            continue
        ent = ent[:-1] if len(ent) > 1 and ent[-1].dep_ == "case" else ent  # "Frans Timmermans' Green-Labour alliance"
        ent = ent[1:] if len(ent) > 1 and re.fullmatch(r"\d[\d.:]*(?:am|pm)?", ent[0].text) else ent  # '20:30 Lai has'
        ent = extend_name(ent)
        named.update(range(ent.start, ent.end))
        name = clean_name(ent.text)
        if name.lower() in PLATFORMS or len(ent) == 1 and (ent[0].is_sent_start or ent[0].lower_ in _TITLE_SET) \
                and not state.lookup(name) and not (ent[0].dep_ == "nsubj" and ent[0].head.lemma_ in SAYING
                                                    and ent[0].lower_ not in _TITLE_SET):
            # a platform ("wrote on Twitter"); a lone capitalised word opening a sentence ("Turnout was ...") or a title
            # is rarely a new person, unless it says something ("9.53pm - Tugendhat confirms he is running")
            continue
        if in_quote(ent.start_char):
            if len(name.split()) > 1 and name[0].isupper() and name not in state.people:
                state.people[name] = Person(name)  # known for surname lookup, but not in focus
            continue
        if not name or not name[0].isupper():
            continue
        hosts = ent.root.dep_ == "nsubj" and ent.root.head.lemma_ in ("host", "moderate", "anchor")  # 'Bruce hosted …'
        titles = " ".join(t for t in (titles_before(doc, ent.start), appositive_role(ent), "host" if hosts else "") if t)
        lead, rest = titled_name(name.split())
        if lead:  # "Taoiseach Leo Varadkar" read as one name: the title goes with the titles, not the name
            titles, name = " ".join([titles] + lead).strip(), " ".join(rest)
        subject = any((t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ in ("compound", "appos")
                                                             and t.head.dep_ in ("nsubj", "nsubjpass")))
                      and main_clause(t) for t in ent) or (
            ent.root.dep_ == "ROOT" and ent.root.pos_ == "PROPN" and ent.root.i < ent.root.sent.end - 3) or (
            verb_read_as_noun(ent)) or (  # a parse that made the name its root ("Rishi Sunak, reporting to the
            # Commons, aimed at the Kremlin") or a modifier of the verb after it names the subject; or one that
            # made the title before it the subject ("Former chief minister | Amarinder Singh hit back")
            ent.start > 0 and doc[ent.start - 1].dep_ == "nsubj" and is_role(doc[ent.start - 1].lower_)
            and main_clause(doc[ent.start - 1])) or owns_words(ent.root) or misplaced_subject(ent) or who_said(ent.root) \
            or sentence_topic(ent) or (  # 'For Ellemann-Jensen the day marked a U-turn. … he told'; the title's holder
                (title := portfolio_title(ent.root)) is not None and title.dep_ in ("nsubj", "nsubjpass") and main_clause(title))
        # (the owner of words given: "Starmer's reply was warm. '…,' he wrote"; 'On 11 October, Ms Truss, … was asked')
        if show := re.search(rf" (?:{'|'.join(sorted(PROGRAMME_ENDS)).title()})$", name):  # "Andrew Marr Show": a
            name, titles, subject = name[:show.start()], f"{titles} host".strip(), False  # programme, not its host
        if (len(name.split()) == 1 or name not in state.people) and state.lookup(name, titles):
            name = state.lookup(name, titles).name  # "López Obrador" after "Andrés Manuel López Obrador"
        elif len(name.split()) == 1 and not subject and not titles:
            continue  # one word met first as an object ("his promise on Brexit"): news copy names a person in full
        person = state.register(name, titles, base + ent.start_char, subject)
        person.aka = person.aka or nickname(ent.text)
    for tok in doc:  # in focus: an unnamed source as a subject ("A Downing Street source was more combative."), someone
        # described for a pronoun no name fits ("A shopkeeper … described the panic."; an opening "The senator had …")
        lede = doc[tok.left_edge.i].lower_ == "the" and tok.is_lower and not any(not p.anonymous
                                                                                  for p in state.people.values())
        if tok.dep_ not in ("nsubj", "nsubjpass") or in_quote(tok.idx) or not main_clause(tok) \
                or not (doc[tok.left_edge.i].lower_ in ("a", "an") or lede):
            continue
        if tok.lower_ in UNNAMED_SUBJECTS:
            _note_unnamed(subject_phrase(tok)[0], base + tok.idx, state)  # at the head: after a body it holds
        elif is_person_noun(tok.lower_) and (lede or not is_role(tok.lower_) and tok.lower_ not in _TITLE_SET) \
                and tok.lower_ not in _QUESTIONER_HEADS:
            phrase = subject_phrase(tok)[0]  # 'A friend of Fallon': named as a speech verb would name them
            state.people[state.anonymous(circle_of(phrase, state) or phrase, base + tok.idx)].described = True
    for tok in doc:  # subjects the NER missed ("LONDON - Keir Starmer used ..."), a name in apposition to one ("The
        # opposition leader, Yair Lapid, wrote") or joined to one ("Ann Lee and Fire Chief Jane Doe"), a known surname
        # opening a sentence whose verb the parser gave no subject ('Albanese, who …, opened by …' made the name the
        # root; 'Pike later posted …' made it an adverb), one read as the object of the phrase the sentence opens with
        hung = hung_surname(tok, state)
        misparsed = hung or tok.i == tok.sent.start and tok.is_title and state.lookup(tok.text) is not None \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.sent.root.children)
        subject_like = tok.dep_ == "nsubj" or (tok.dep_ in ("appos", "conj") and tok.head.dep_ == "nsubj") or misparsed \
            or cleft_subject(tok) \
            or (tok.dep_ == "nsubjpass" and state.lookup(tok.text) is not None)  # 'Singh … was put on the defensive'
        possessive = tok.dep_ == "poss" and tok.pos_ == "PROPN" and tok.i not in named and not in_quote(tok.idx)
        if possessive:
            titled_possessive(tok, base, state)  # "Chancellor Olaf Scholz's Social Democrats"
        if (owner := None if in_quote(tok.idx) else owner_of_words(tok, base, state)) is not None:
            owner.focus(base + tok.idx)  # "Starmer's reply was warm. '…,' he wrote": his words come next
        if possessive:
            continue
        hyphened = state.lookup(doc[tok.i - 2:tok.i + 1].text) if tok.i > 1 and doc[tok.i - 1].text == "-" \
            and not doc[tok.i - 2].whitespace_ and not doc[tok.i - 1].whitespace_ else None
        if subject_like and hyphened is not None and not in_quote(tok.idx):  # 'Bar-David stood down …', misparsed
            state.register(hyphened.name, "", base + doc[tok.i - 2].idx, True)
            continue
        chain = name_chain(tok)
        titled = bool(titled_name([t.text for t in chain])[0])
        # a known surname as written, hyphen and all ("Hartley-Brewer"), or alone ('Cameron') and named in full further on
        known_word = state.lookup(tok.text) or state.lookup(doc[chain[0].i:tok.i + 1].text) \
            or (len(chain) == 1 and state.in_full.get(tok.text))
        # a capitalised word the tagger took for a pronoun ("Tugendhat confirms") is a name, and so is one it took for a
        # common noun or an adjective, when it is the surname of someone named ("Pence took", "Mahuta, as host, opened")
        proper = tok.pos_ == "PROPN" and not lower_case_name(tok) or misparsed or (
            tok.pos_ in ("PRON", "NOUN", "ADJ", "AUX") and tok.is_title and tok.lower_ not in PRONOUN_WORDS
            and (tok.pos_ == "PRON" or state.lookup(tok.text) is not None or tok.text in state.in_full))
        # a place or a people ("Alaska Republican"), unless a known name or a first name taken for one ("Kemi Badenoch")
        place = tok.ent_type_ in ("GPE", "NORP") and not known_word and not (
            tok.ent_type_ == "GPE" and first_name_gender(" ".join(t.text for t in chain))) and not said_by_surname(tok)
        if not subject_like or not proper or tok.i in named or in_quote(tok.idx) or place or bracketed_after_name(tok) \
                or body_alias(doc[chain[0].i:tok.i + 1]) \
                or (tok.ent_type_ == "ORG" and not known_word and not titled  # "Chancellor Olaf Scholz"
                    and not (len(chain) > 1 and first_name_gender(" ".join(t.text for t in chain))  # "Rosa Benally"
                             and tok.lower_ not in _ORG_HEADS)
                    and not (tok.dep_ == "appos" and tok.head.lower_ in _TITLE_SET)
                    and not role_in_apposition(tok.doc[chain[0].i:tok.i + 1])):
            continue
        words = titled_name([t.text for t in chain])[1]  # 'Fire Chief Jane Doe': the title before a place or body
        while words and (words[0].lower() in _TITLE_SET or words[0].lower() in NOT_IN_NAMES) and not (len(words) == 1 and known_word):
            words = words[1:]  # 'Tuesday Mrs May'; not 'French was unmoved' (Jennifer French)
        if not words or any(base + tok.idx == o for p in state.people.values() for o, _ in p.mentions):
            continue
        span = doc[(first := chain[-len(words)].i):tok.i + 1].text  # "Choi Young-soo": a hyphen the chain skips
        name = clean_name(span if span.replace("-", " ").split() == words else " ".join(words))  # 'Conservative …'
        if not name or any(ch.isdigit() for ch in name):  # "the Ruger Mini-14 used in 1989": a thing, not a person
            continue
        if (known := state.lookup(name)) is None and name in state.in_full and not name.isupper():  # 'Cameron opens …', 'David Cameron' below
            name, words = state.in_full[name], state.in_full[name].split()
        verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else tok.sent.root if hung else tok.head.head
        if known is None and (len(words) < 2 and not (tok.ent_type_ == "" and verb.lemma_ in SAYING
                                                      or said_by_surname(tok)) or words[-1].lower() in _TITLE_SET):
            continue  # one unknown word (unless it says something: "Lula said"), or a role: not a name
        if known is None and name not in state.people and (
                any(t.ent_type_ in ("FAC", "LOC") for t in chain) or words[-1].lower() in _ORG_HEADS):
            # "Downing Street refused to say ...": a body, never what "he" or "she" refers to
            name = role_name(doc[tok.left_edge.i:tok.i + 1].text) if name.islower() else name  # 'the Chinese ministry'
            body = state.people[name] = Person(name, gender="n")
            body.mentions.append((base + tok.idx, verb.dep_ in ("ROOT", "conj")))
            continue
        state.register(known.name if known and len(words) < 2 else name, titles_before(doc, first)
                       or appositive_role(doc[first:tok.i + 1]), base + tok.idx,
                       verb.dep_ in ("ROOT", "conj") and (hung or main_clause(tok)))  # not 'and that Scholz expected'
    register_missed_names(doc, base, state, in_quote)
    for tok in doc:  # unnamed sources that are subjects ("an EU diplomat had warned"), in focus from here on
        if tok.dep_ != "nsubj" or in_quote(tok.idx) or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children) \
                or inside_question(tok):  # 'was asked whether his aide had sat in …': the aide says nothing
            continue
        group, last = group_of(tok, state)
        if " and " in group:
            state.bodies.append((base + last, group, group))  # "The army and the police issued … they said"
            continue
        phrase, at = subject_phrase(tok)
        owned = tok.lower_ in _AGENT_HEADS and _owned_role(phrase)
        if _SAME.match(phrase):
            resolve_speaker(phrase, base + at, state)  # 'the same diplomat': someone met already, in focus again
        elif (tok.lower_ in _ANON_HEADS or owned or _ANONYMITY.search(" ".join(t.text for t in tok.subtree))) \
                and not _named_within(phrase, state, multi_only=True) \
                and not (tok.head.dep_ == "ccomp" and tok.head.head.lemma_ in SAYING) and tok.head.dep_ != "relcl":
            # not the subject of what someone said ('Willis said officials had warned') or of a relative clause
            _note_unnamed(phrase, base + at, state)  # 'One MP, who asked for anonymity, …': unnamed, in focus
        elif definite_title(tok, phrase) and main_clause(tok):  # not "… clear when the president made an announcement"
            resolve_speaker(re.sub(r"^its ", "the ", phrase), base + at, state)  # "The prime minister chose …": who holds it


_OWNERS, _OWNER_AS_SUBJECT = {"his": "m", "her": "f"}, {"his": "he", "her": "she", "their": "they", "its": "it"}
_SPOKES_FOR = re.compile(r"^(?:a|an|the)?\s*(?P<head>spokes(?:man|woman|person))\s+for\s+(?P<owner>(?:the\s+)?[A-Z][\w'’.-]*"
                         r"(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,5})$", re.I)
_FAMILIAR = re.compile(r"(?:(?:a|an|the|one|two|three|several|multiple) )?(?:people|person|sources?|officials?|bankers?)"
                       r" (?:familiar with|close to|briefed on|with knowledge of|involved in)\b")


def resolve_speaker(phrase: str, offset: int, state: Discourse) -> str:
    """A speaker phrase as written (less a live blog entry's time: '22:25 A spokesman …') -> a person's full name,
    or an anonymous role."""
    phrase = " ".join(re.sub(rf"^[\s,;:]+|[\s,;:]+$|^{CLOCK_TIME}\s+", "", phrase).split())
    phrase = re.sub(r"['’]s$", "", re.sub(r"\s*\([^)]*\)$", "", phrase))  # "… Industries (BDI)"
    if not phrase.strip():
        return ""  # nothing left to name anyone ('(Alba)' read as a subject)
    low = phrase.lower()
    if low in ("one", "another"):  # 'reporters wanted to know. "…?" one asked.': one of them, else no one named
        return one_of_the_askers(low, state.para_text[:max(0, offset - state.para_start)])
    if low in _PRONOUNS:
        p = state.pronoun(_PRONOUNS[low], offset)
        return p.name if p else phrase
    if low in SEATS:
        return SEATS[low]
    if low in {"i", "we", "they", "it"}:
        p = state.recent(offset)
        if low == "i":
            return p.name if p else phrase
        # "Downing Street said … They added", "It added": a body in focus speaks as "they" or "it" (a person never does)
        # an unnamed source is "they" whether one or several ('A Downing Street source … "…," they said')
        return state.body_since(p, offset, proper=True) or (
            p.name if p and (p.gender == "n" or (p.anonymous and low == "they")) else phrase)
    if (same := _SAME.match(phrase)) and same.group("role").split()[-1] in _QUESTIONER_HEADS:
        phrase, low, same = f"the {same.group('role')}", f"the {same.group('role')}".lower(), None  # 'the reporter'
    if same:  # 'the same diplomat': the one with that role or title, else the one in focus
        role = same.group("role")
        earlier = state.earlier_role(role, offset)
        person = None if earlier else state.by_title(role, offset) or state.recent(offset)
        if person is not None:
            person.focus(offset)
        return state.anonymous(earlier, offset) if earlier else person.name if person else ""
    if body := state.acronym(re.sub(r"^the\s+", "", phrase, flags=re.I)):  # "The EFF welcomed …": never a person
        return body
    words = low.split()
    head_words = re.split(r"\s(?:in|at|from|of|for|with|based|familiar|close|involved|briefed)\s", low)[0].split()
    issuer = [w for w in phrase.split()[:-1] if w.lower() not in _DETERMINERS or w.lower() in _OWNER_AS_SUBJECT]
    by = re.match(r"(?P<doc>.+?)\sby\s+(?:[a-z-]+\s+){0,2}(?P<who>[A-Z].*)$", phrase)
    if by and re.split(r"\s(?:on|in|at|from|of)\s", by.group("doc").lower())[0].split()[-1] in _DOCUMENT_HEADS:
        return resolve_speaker(by.group("who"), offset, state)  # "a post on Loop by footballer Danilo Moreira"
    if len(head_words) > 1 and head_words[-1] in _DOCUMENT_HEADS | _REPLIES and issuer and issuer[-1][:1].isupper():
        # "a Downing Street statement said", "a Kremlin readout said", "Biden's answer came …": whoever gave it
        return resolve_speaker(_OWNER_AS_SUBJECT.get(" ".join(issuer).lower(), " ".join(issuer)), offset, state)
    if len(head_words) == 2 and head_words[0] in {"the", "that", "this"} and head_words[1] in _DOCUMENT_HEADS:
        # "the statement said": the statement of whoever is in focus, a person or the body named last
        p = state.recent(offset)
        return state.body_since(p, offset, proper=False) or (p.name if p else "")
    if circle := circle_of(phrase, state):
        return circle  # "allies of Rachel Reeves", "a friend of Fallon": not the one they are around
    if len(words) in (2, 3) and words[0] in _OWNERS and " ".join(words[1:]) in _GROUP_HEADS - {"aides"} | _STAFF:
        # "while her rivals argue …": people around the one in focus speak for themselves, never as her ("her
        # aides" are her unnamed sources, below); "her office" is the office of whoever "she" is
        owner = state.pronoun(_OWNERS[words[0]], offset) if words[-1] in _STAFF else state.recent(offset, gender=_OWNERS[words[0]])
        return role_name(f"{owner.name}'s {' '.join(words[1:])}" if owner and not owner.anonymous else phrase)  # not in focus
    if _FAMILIAR.match(low):
        return state.anonymous(phrase, offset)  # "people familiar with the talks": unnamed, and never in focus
    owned = _SPOKES_FOR.match(phrase)
    if owned:  # "a spokesman for Chancellor Olaf Scholz", "a spokesperson for the Foreign Office"
        body = owned.group("owner").lower().startswith("the ")
        owner = re.sub(r"^(?:the|a|an)\s+", "", owned.group("owner"), flags=re.I)
        words = owner.split()
        while len(words) > 1 and words[0].lower() in _TITLE_SET | _HONORIFICS:
            words = words[1:]  # "Chancellor Olaf Scholz" is Olaf Scholz
        titled = state.by_title(owner, offset) if body else None  # "a spokeswoman for the prime minister"
        person = _named_within(owner, state, multi_only=False) or (titled.name if titled else "") or (
            " ".join(words) if not body and words[-1].lower() not in _ORG_HEADS else "")
        role = f"{person}'s {owned.group('head')}" if person else f"{owner} {owned.group('head')}"
        return state.anonymous(role, offset)
    if head_words and head_words[-1] in _ANON_HEADS:
        if len(words) == 3 and words[0] in {"a", "the"} and words[1] == "party" and (party := the_party(state, offset)):
            phrase = f"{party} {words[2]}"  # "a party spokeswoman": of the party named, or of the leader named last
        named = _named_within(phrase, state, multi_only=True)
        if named and re.search(rf"{re.escape(named.split()[-1])}['’]s\b", phrase):
            # "President Vladimir Putin's spokesman": the one he speaks for, not the speaker
            return state.anonymous(f"{named}'s {phrase.split()[-1]}", offset)
        if named:
            return named
        owners = [p for p in state.people.values() if words[0] in _OWNERS and not p.anonymous
                  and p.gender in (_OWNERS[words[0]], "") and any(o < offset for o, _ in p.mentions)]
        if len(owners) == 1 and owners[0].gender:
            # "his spokesman" where the only person named so far who may be "his" is a man: "John Roe's spokesman"
            return state.anonymous(f"{owners[0].name}'s {' '.join(phrase.split()[1:])}", offset)
        owner = state.recent(offset, gender=_OWNERS[words[0]]) if words[0] in _OWNERS and len(words) == 2 else None
        if owner is not None and not owner.anonymous and owner.gender != "n" and not state.named_since(owner, offset):
            # "his spokesman" with several men named: the one in focus, if no one was named after him
            return state.anonymous(f"{owner.name}'s {phrase.split()[1]}", offset)
        titled = state.by_title(phrase, offset) if words[0] in {"the", "that", "this"} else None
        if titled is not None and not state.earlier_role(phrase, offset):
            titled.focus(offset)  # "the spokeswoman" after "spokeswoman Hua Chunying"
            return titled.name
        return state.anonymous(phrase, offset)
    if head_words and head_words[-1] in _QUESTIONER_HEADS:  # "Al Jazeera's correspondent": no one named, its reporter
        named = "" if re.search(r"['’]s \w+$", phrase) else _named_within(phrase, state, multi_only=True)
        # "the host asked": who was introduced as host ("host Kristen Welker"), else the one host, faced or asker
        titled = state.by_title(head_words[-1], offset) if words and words[0] == "the" else None
        if titled is None and len(words) == 2 and words[0] == "the" and words[1] in ONE_OF_A_KIND:
            titled = state.one_host(offset) or state.faced(offset) or state.one_asker(offset)
        if titled is not None and not named:
            titled.focus(offset)
            titled.add_title(head_words[-1])  # 'the presenter asked' makes the one asking a presenter from here on
        if named or titled:
            return named or titled.name
        return "Reporter" if head_words[-1] in NEWS_ASKERS else head_words[-1].rstrip("s").capitalize()
    named = _named_within(phrase, state, multi_only=bool(words) and words[0] in {"the", "a", "an"})
    if named and words[0] == "the" and is_role(head_words[-1]) and re.search(rf"\b{re.escape(named)}(?:\s[a-z-]+)+$", phrase):
        named = getattr(state.by_title(phrase, offset), "name", named)  # "the Fianna Fáil leader": a party as a name
    if named:
        return named
    earlier = state.earlier_role(phrase, offset)
    if earlier:
        return state.anonymous(earlier, offset)
    if head_words and head_words[-1] in _AGENT_HEADS and _owned_role(phrase):
        return state.anonymous(phrase, offset)
    person = state.by_title(phrase, offset) if words[0] != "another" else None  # "another MP": not one named
    if person:
        person.focus(offset)  # "the prime minister said": in focus now, for the "he" that follows
        return person.name
    if words[0] == "the" and head_words and head_words[-1] in GENERIC_BODIES \
            and not names_its_own(phrase, head_words):  # not "the Elections Observation Group"
        named = the_party(state, offset) if head_words[-1] == "party" else the_body(state, head_words[-1], offset)
        if named:  # "the company said", after "state-owned railway company Deutsche Bahn": in focus for "it said"
            state.bodies.append((offset, named, named))
            state.body_subjects.add(offset)
            return named
    if head_words and head_words[-1] in _ORG_HEADS and (any(w[:1].isupper() for w in phrase.split()) or words[0] == "the"):
        # "the Ministry of Transport", "the White House", "Britain's (or the) opposition Labour Party": a body by its name
        if len(words) == 2 and words[0] == "the" and (office := the_office(state, words[1], offset)):
            return role_name(office)  # "the embassy", after "the Russian embassy in Canberra"
        party = re.match(r"(?:[A-Z][\w.' ’-]*['’]s |[Tt]he )(?:[a-z-]+ )*(?P<name>(?:[A-Z][\w'’-]* )+Party)$", phrase)
        return party.group("name") if party else role_name(phrase)
    if words[0] == "the" and len(words) > 1 and words[-1] in NEWS_WORDS and all(w[:1].isupper() for w in phrase.split()[1:]):
        return role_name(phrase)  # "The Associated Press asked": an outlet, not the person last in focus
    if len(words) == 2 and words[0] == "the" and (words[1] in ("opposition", "regime", "junta") or phrase.split()[1][:1].isupper()
                                                  and words[1].endswith("s") and not is_role(words[1])):
        return role_name(phrase)  # "The Greens", "the opposition said": a party or parties, not the person in focus
    if len(words) > 2 and words[0] == "the" and all(w[:1].isupper() for w in phrase.split()[1:]) \
            and not is_role(" ".join(head_words[1:])) and not is_person_noun(head_words[-1]) \
            and head_words[-1] not in PARTY_MEMBERS:  # not "the West Virginia Democrat"
        return role_name(phrase)  # "The Italian Red Cross, which runs the centre, said": a body by its name
    if len(words) > 1 and (words[0] in SOMEONE_NEW or phrase[:1].islower() and head_words[-1].endswith("s")) \
            and is_person_noun(re.sub(r"s$", "", head_words[-1])):  # "one supporter, a working mother, asked",
        return state.anonymous(phrase, offset)  # "three bankers", "committee members": unnamed, not the one in focus
    if words and (words[0] in {"the", "a", "an"} or not phrase[:1].isupper()):
        p = state.recent(offset)  # "the 81-year-old", "the Labour leader": the last person in focus
        title, role = " ".join(words[1:]), " ".join(head_words[1:])
        if words[0] == "the" and p is not None and p.titles and not p.anonymous and is_role(role) \
                and not title_matches(role, p.titles):
            # "the transport minister" is not the opposition leader in focus but whom the paragraph then introduces
            later = state.introduced_after(offset)
            if later is not None:
                later.add_title(role)
                return later.name
        if p is not None and words[0] == "the" and is_role(role) and not title_matches(role, p.titles) and (
                state.asks(p) or getattr(state.last_question, "speaker", "") == p.name or p.name in state.askers):
            p = state.recent_answering(offset, besides=p) or p  # 'she asked whether … The PM replied': not the asker
        if p is not None and words[0] == "the" and title in _TITLE_SET and not p.anonymous and p.gender != "n":
            p.add_title(title)  # "the prime minister" from now on means this one
        if words[0] == "the" and is_role(role) and (p is None or (  # "The defence minister said …", "the
                re.match(r"the [a-z]+['’]s ", low) and p.titles and not title_matches(head_words[-1], p.titles))):
            return state.anonymous(phrase, offset)  # company's chairman" (the PM in focus): a role, in focus for "he"
        return p.name if p else role_name(phrase)
    if words[0] in _OWNERS or words[0] == "their":
        later = state.introduced_after(offset)  # "His coalition partner is unconvinced. Prime Minister X …"
        if later is not None:
            return later.name
    lead, rest = titled_name(clean_name(phrase := name_at_end(phrase)).split())  # 'Her colleague K.C. Venugopal'
    return " ".join(rest) if lead else clean_name(phrase)  # "Ruaraka MP TJ Kajwang" is TJ Kajwang


_ANONYMITY = re.compile(r"\b(?:anonymity|not to be (?:named|identified)|declined to be (?:named|identified))\b")
_SAME = re.compile(r"(?i)the same (?P<role>[a-z][\w -]*)$")
_PROPER_AFTER_POSS = re.compile(r"['’]s\s+[A-Z]")  # "the bank's Governor Andrew Bailey" names someone


def _note_unnamed(phrase: str, offset: int, state: Discourse) -> None:
    """An unnamed source met as a subject, under the name its statements get ('a spokesperson for Reeves')."""
    resolve_speaker(phrase, offset, state) if _SPOKES_FOR.match(phrase) else state.anonymous(phrase, offset)


def _owned_role(phrase: str) -> bool:
    """'the prime minister's press secretary': someone who speaks for another, not that other person."""
    return phrase.lower().startswith("the ") and bool(re.search(r"\w['’]s \w", phrase)) \
        and not _PROPER_AFTER_POSS.search(phrase)


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
            person = state.person(cand) or (state.lookup(cand) if n <= 2 else None)
            if person:
                return person.name
    return ""
