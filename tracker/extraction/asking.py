"""Who put a quoted question, as the words around it say: the patterns the quote rules read ('A second reporter
was not convinced. "…?"', 'The first question came from Jane Roe: "…?"', '"…?" she asked. "…," he replied')."""

from __future__ import annotations

import re

from tracker.extraction.answers import ASK_LEMMAS, agent_of, comma_participle
from tracker.extraction.discourse import Discourse
from tracker.extraction.labels import interviewer_named, interviews, named_interviewer
from tracker.extraction.lexicon import NEWS_ASKERS, PUT_TO_YOU, QUESTIONER_HEADS, TITLE_SET
from tracker.extraction.speakers import resolve_speaker

# the sentence right before a quoted question says a questioner put it: "Another reporter pressed him on it."
# or only that one is the subject of that sentence: "A second reporter was not convinced.", "A reporter from
# the Hanoi daily raised the dam."
ASKER = r"(?P<asker>(?:[Aa]nother|[Oo]ne|[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+)?(?:%s))" % "|".join(sorted(QUESTIONER_HEADS))
PRESSED = re.compile(rf"\b{ASKER}\s+(?:asked|pressed|quizzed|pushed|challenged|followed up|wanted to know)\b"
                     r"[^.!?\"“”]*[.:]\s*$")
ASKER_SUBJECT = re.compile(rf"(?:^|[.!?]\s+){ASKER}\b"
                           r"(?:,\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+),)?"  # "The moderator, Marko Kovačević,"
                           r"[^.!?\"“”]*[.:]\s*$")
REPORTED_ASK = re.compile(r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*),?\s+(?:then\s+|also\s+|later\s+)?"
                          r"(?:asked|wanted to know|pressed)\b[^.\"“”]*?\b(?:whether|if|why|how|what|when)\b[^.\"“”]*\.\s*$")
PRONOUN_REPLY = re.compile(r"^[\s,]*(he|she)\s+(?P<verb>replie[sd]|sa(?:id|ys)|answer(?:ed|s)|respond(?:ed|s)|"
                           r"shot back|retort(?:ed|s)|add(?:ed|s))\b", re.I)
# 'Reporters ask Emmer whether the post decided his fate.' right before a quote: Emmer is the one who replies
ASKED_WHOM = re.compile(r"\b(?:ask(?:s|ed)?|press(?:es|ed)|quizz(?:es|ed))\s+(?P<whom>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
                        r"\s+(?:whether|if|why|how|what|when|about)\b[^.\"“”]*[.?]\s*$")
PRONOUN_ASKED = re.compile(r"^[\s,]*(?:he|she|they)\s+(?:asked|added|pressed|continued|wanted to know|said)\b")
# a quoted question introduced as one someone fielded, faced or was put: an unnamed asker's
QUESTION_PUT = re.compile(r"\bquestions?\b[^.:;\"“”]{0,60}?\b(?:fielded|faced|took|answered|was put|were put|put to)\b"
                          r"[^\"“”]*:\s*$")
QUESTION_FROM = re.compile(r"\b(?:question|questions|query)\b[^.:;\"“”]{0,30}?\bfrom\s+"
                           r"(?P<spk>[^,:;\"“”]{1,60}?)\s*(?=[,:]|$)")


_FLOOR = {"the floor", "the audience", "the room", "the crowd", "the back of the room"}
_ANOTHER_ASKED = re.compile(r"(?:^|[.!?]\s+)(?P<asker>[Aa]nother|[Oo]ne|[Aa] (?:second|third|fourth))\s+"
                            r"(?:asked|shouted|called out|wanted to know|pressed)\b[^.!?]*[.:]\s*$")
_PUT_WORDS = re.compile(r"\b(?:question|questions|asked|asking|shouted|called out|wanted to know|pressed)\b")


def bare_question_asker(before: str) -> tuple[str, int] | None:
    """Who put a quoted question that has no attribution of its own, as the sentence before it says: 'One reporter
    shouted a question about his strategist. "…?"' (that reporter), 'Another asked the question that had dogged
    him. "…?"' (another reporter), 'The first question came from the floor. "…?"' (someone in the room), 'The
    follow-up was inevitable. "…?"' (a reporter). The asker as written and its offset in `before`, else None."""
    m = ASKER_SUBJECT.search(before)
    if m and _PUT_WORDS.search(before, m.start()):
        who = "name" if m.group("name") else "asker"
        return m.group(who), m.start(who)
    m = _ANOTHER_ASKED.search(before)
    if m:
        return "a reporter", m.start("asker")
    last = max(before.rstrip().rfind(". "), before.rstrip().rfind("? ")) + 1
    m = QUESTION_FROM.search(before, last)
    if m:
        return ("a reporter" if m.group("spk").lower() in _FLOOR else m.group("spk")), m.start("spk")
    m = _THEIR_QUESTION.search(before, last)  # 'Then came the question, which he put to the House. "…?"': his
    if m:
        return m.group("who"), m.start("who")
    m = _QUESTION_CAME.match(before, last)  # 'The follow-up was inevitable. "…?"': no one named, a reporter
    return ("a reporter", m.start()) if m else None


_THEIR_QUESTION = re.compile(r"\bquestion\b[^.!?\"“”]*?\b(?:which|that)\s+(?P<who>he|she)\s+"
                             r"(?:put|posed|asked|raised)\b[^.!?\"“”]*[.:]\s*$")
# a sentence whose subject is the question itself, before a quoted question with no attribution
_QUESTION_CAME = re.compile(r"\s*(?:The|A|Then came the) (?:\w+ )?(?:follow-up|question)\b[^.!?\"“”]*[.:]\s*$")


def put_to_subject(verb) -> bool:
    """'Asked "Will you quit?", X said' / 'When asked "…?"' / 'X was asked: "…?"': a question put to someone."""
    if verb.lemma_.lower() not in ASK_LEMMAS:
        return False
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    subject = any(c.dep_ == "nsubj" for c in verb.children)
    # 'Asked: "…?", X said': a participle opening the sentence, put to the one who answers
    opening = verb.tag_ == "VBN" and verb.i == verb.sent.start and not subject
    # "…, asking: "…?"" is the subject's own question, not one put to them
    return passive or opening or verb.dep_ == "advcl" and verb.tag_ != "VBG" and not subject


def asker_of(verb, start: int, state: Discourse, text: str) -> str:
    """Who put the question: the agent ('Asked by Jane Roe of the BBC'), else the interviewer the article named
    (not the one asked), else the one host, presenter or moderator it introduced (a correspondent may be the news,
    not the questioner), else an unnamed reporter."""
    name = agent_of(verb)
    if name is None:  # "in a BBC interview with Laura Kuenssberg, she had been asked": the interviewer
        named = interviewer_named(verb.sent.text)  # named, but not put in focus: "she" is still the one asked
        if named:
            known = state.lookup(named)
            return known.name if known else named
        if _to_the_press(verb):
            return "Reporter"  # 'asked why …, he told reporters': the press asked, not an interviewer named earlier
        host = named_interviewer(text, start + verb.idx, state)
        asked = next((c.text for c in verb.children if c.dep_ == "nsubjpass"), "")
        if host is not None and asked not in host.name.split():
            return host.name
        host = state.one_host(state.para_end)  # 'the presenter, Nick Robinson': the one host
        return host.name if host is not None and _their_guest(host, _one_asked(verb, state)) else "Reporter"
    return resolve_speaker(verb.doc[name.left_edge.i:name.i + 1].text, start + name.left_edge.idx, state) or "Reporter"


_PRESS = NEWS_ASKERS | {"press", "media", "conference", "briefing", "newsman"}  # whom an answer was told to ('told reporters')


def _to_the_press(verb) -> bool:
    """Whether the answer went to the press ('asked why …, he told reporters', '… told a news conference')."""
    head = verb.head if verb.dep_ == "advcl" else None
    return head is not None and head.lemma_.lower() == "tell" and any(
        c.dep_ in ("dobj", "dative") and c.lemma_.lower() in _PRESS for c in head.children)


def _one_asked(verb, state: Discourse):
    """The person a question was put to, where a name says it ('Dr Holohan was asked', 'Asked whether …, Sánchez
    said'); None for a pronoun or a title."""
    who = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) or (next(
        (c for c in verb.head.children if c.dep_ == "nsubj"), None) if verb.dep_ == "advcl" else None)
    return state.lookup(who.text) if who is not None and who.pos_ == "PROPN" else None


def _their_guest(host, asked, near: int = 300) -> bool:
    """Whether the article put the one asked beside the host, as a subject ('Varadkar appeared on Claire Byrne
    Live'): a host asks their own guests, not someone questioned at a briefing the article reports beside the
    interview, nor someone the guest only spoke about."""
    return asked is None or asked is host or any(abs(o - h) <= near for o, subject in asked.mentions if subject
                                                 for h, _ in host.mentions)


def put_questions(questions, doc, start: int, state: Discourse, text: str) -> None:
    """A question the writer reports as put to someone ('Asked whether …, X said', 'X was asked whether …',
    'Pressed on why …', 'X, asked whether …, said') was still asked by someone (`asker_of`). Giving it that asker
    makes it a statement of its own, as a quoted question is."""
    verbs = {start + t.idx: t for t in doc}
    for q in questions:
        verb = verbs.get(q.anchor)
        if not q.asker and verb is not None and (put_to_subject(verb) or comma_participle(verb)):
            q.asker = asker_of(verb, start, state, text)


_REPLY_VERBS = r"(he|she)\s+(?:replied|answered|responded|retorted|shot back|hit back|countered)"
_REPLIES_BEFORE = re.compile(rf"(?:^|[.!?]\s+){_REPLY_VERBS}\s*:\s*$", re.I)
_REPLIES_AFTER = re.compile(rf"^[\s,]*{_REPLY_VERBS}\b", re.I)
_TOLD = re.compile(r"\b(?:told|asked|urged|pressed|warned|challenged)\s+(?P<whom>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)*)")


def addressee_replying(before: str, after: str, between: str, state: Discourse, at: int) -> str:
    """'"You have failed," Doe told Lee. She replied: "I have not."': a 'he' / 'she' who replies (before the quote or
    after it) is the one the last words were said to, where the words between name them and the gender fits; with
    only an attribution between ('"But nothing has changed," Sales said. "No, that has changed," he replied.'), the
    one named last before the reply who did not speak last: no one replies to their own words."""
    m = _REPLIES_BEFORE.search(before) or _REPLIES_AFTER.match(after)
    told = _TOLD.search(between) if m and len(between) < 300 else None
    person = state.lookup(told.group("whom")) if told else None
    want = "f" if m and m.group(1).lower() == "she" else "m"
    if m and not told and state.last_quote is not None and len(between) < 80 and not _ASKING.search(between):
        person = answerer(state, state.last_quote.speaker, at, want)
    return person.name if person is not None and not person.anonymous and person.gender in (want, "") else ""


_ASKING = re.compile(r"\b(?:ask|question|press|put it|put to|wanted to know)", re.I)


def answerer(state: Discourse, asker: str, before: int, gender: str = "", exclude: set[str] = frozenset()):
    """The person most recently named before a reply who is not the one who asked (of `gender`, or unknown,
    where the reply's pronoun gives one), nor anyone in `exclude` (who put questions of their own)."""
    named = [p for p in state.people.values() if p.name != asker and p.name not in exclude and not p.anonymous
             and p.gender != "n"
             and (not gender or p.gender in (gender, "")) and any(o < before for o, _ in p.mentions)]
    return max(named, key=lambda p: max(o for o, _ in p.mentions if o < before), default=None)


_EXAMINERS = {"counsel", "lawyer", "prosecutor", "barrister", "advocate", "attorney", "solicitor"}  # who cross-examine


def interviewing(state: Discourse) -> bool:
    """The last question was put by an interviewer (a host, reporter …, or anyone putting it to "you"), not asked
    for effect by a speaker."""
    q = state.last_question
    if q is None:
        return False
    asker = state.people.get(q.speaker)
    examines = asker is not None and bool(_EXAMINERS & set(asker.titles.split()))
    return q.speaker == "Reporter" or asker is not None and interviews(asker) or examines \
        or q.speaker in state.examiners or _addressed(q.text) or bool(PUT_TO_YOU.search(q.text))


def examiner_again(state: Discourse) -> str:
    """The one person the article has questioning others, when someone else spoke last: after a guest turns a
    question back on the host ('"Do you want people to know?" she asked.'), a bare question is the host's again."""
    them = [n for n in state.examiners if n in state.people and n != state.last_speaker]
    return them[0] if len(them) == 1 and state.last_speaker not in state.examiners else ""


def host_challenges(state: Discourse) -> bool:
    """The last quote is an interviewer's words put to "you" without a question mark ('The presenter was
    unconvinced: "You haven't repeated them."'): like a question, they wait for the other side's reply."""
    last = state.last_quote
    host = state.people.get(last.speaker) if last is not None else None
    return host is not None and interviews(host) and bool(re.search(r"(?i)\byou\b", last.text))


def _addressed(question: str) -> bool:
    """'Secretary, what caused the failure?', 'Mr President, will you …?': a question put to someone by title."""
    head = question.lstrip("\"“ ").split(",", 1)[0].lower().split()
    return 0 < len(head) <= 3 and (head[-1] in TITLE_SET or head[0] in {"mr", "mr.", "madam", "mrs", "ms", "sir"})


def interviewers(doc, state: Discourse, in_quote) -> None:
    """'… was interviewed by Nick Ferrari', 'grilled by Laura Kuenssberg': the named agent of an interview puts
    the questions from here on ('the presenter cut in: "…?"' is theirs). Only the agent of the verb: the wider
    `labels.interviewer_named` also reads 'an interview with X', where X may be the one interviewed."""
    for tok in doc:
        if tok.lower_ != "by" or tok.head.lemma_ not in _INTERVIEWING or in_quote(tok.idx):
            continue
        agent = next((c for c in tok.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
        person = state.lookup(agent.text) if agent is not None else None
        if person is not None and not person.anonymous:
            state.examiners.add(person.name)


_INTERVIEWING = {"interview", "grill", "quiz", "question", "cross-examine"}
