"""Questions and the answers they get: an answer keeps the question it replies to as its `context`,
so the judge reads "Would you send troops? — No." and not a bare "No.".

A question is a quoted one (a direct statement ending in "?", the questioner's own) or one the writer
reports ("asked whether he trusted Putin", "pressed … to say whether this was a U-turn", "when asked
about the jet"). An answer is any later statement of someone other than the questioner, in the same
paragraph or the next ones, until another question is put or MAX_PARAGRAPHS have passed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extraction.lexicon import ORG_HEADS, QUESTIONER_HEADS, title_matches
from tracker.extraction.records import Found
from tracker.extraction.discourse import Discourse
from tracker.extraction.speakers import resolve_speaker
from tracker.extraction.subjects import speaker_of

ASK_LEMMAS = {"ask", "press", "quiz", "question", "challenge"}
MAX_PARAGRAPHS = 1  # an answer is in the question's paragraph or the next one
_WH = {"whether", "if", "why", "how", "what", "when", "who", "where", "which"}  # words that open a reported question


@dataclass
class Question:
    start: int
    end: int
    text: str
    asker: str = ""  # who asked, where known (a quoted question's speaker, a reported question's subject)
    asked: str = ""  # who was asked, where the article says ("Trump was asked", "asked Powell whether")
    anchor: int = 0  # the asking verb
    sent: tuple[int, int] = (0, 0)  # its sentence


def reported_questions(doc, base: int, state: Discourse, in_quote) -> list[Question]:
    """Questions the writer reports: the clause after ask / press / 'wanted to know', or 'about …' after 'asked'."""
    out = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        wants_to_know = lemma == "know" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "want"
        if (lemma not in ASK_LEMMAS and not wants_to_know) or tok.pos_ != "VERB" or in_quote(tok.idx):
            continue
        part = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i), None)
        if part is not None and part.dep_ == "xcomp" and any(c.dep_ == "prep" and c.lower_ == "for" and c.i < part.i
                                                             for c in tok.children):
            part = None  # 'asked for anonymity to speak candidly': a request, no question
        if part is None:  # 'pressed her on whether …', 'challenged him over why …': the preposition's clause
            part = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "over") for g in c.children
                         if g.dep_ == "pcomp" and g.doc[g.left_edge.i].lower_ in _WH), None)
        if part is None:
            part = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "about"), None)
        if part is None:  # 'Asked by the news agency who would take over, X said': the parse made the question a
            # relative clause of a noun in the asking verb's phrases
            part = next((r for r in tok.subtree if r.dep_ == "relcl" and r.head.dep_ == "pobj" and r.i > tok.i
                         and _asks_of(doc[r.left_edge.i], r.head) and r.left_edge.i - 1 > tok.i
                         and not doc[r.left_edge.i - 1].is_punct), None)
        span = _wh_after(tok) if part is None else (part.left_edge.i, part.right_edge.i)
        if span is None:
            continue
        first, last = span
        while last > first and doc[last].is_punct:
            last -= 1
        span = doc[first:last + 1]
        if len(span) < 3 or in_quote(span.start_char):
            continue
        sent = tok.sent
        out.append(Question(base + span.start_char, base + span.end_char, span.text, _asker(tok, part, base, state),
                            _asked(tok, base, state), base + tok.idx, (base + sent.start_char, base + sent.end_char)))
    return out


# what may stand between an asking verb and its question: whom it was put to, 'then', and where or by whom it was put
_LEADS_TO_WH = re.compile(r"\s+(?:(?:him|her|them|me|us|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*|the\s+[a-z]+)\s+)?"
                          r"(?:(?:then|again|also|later|repeatedly)\s+)?"
                          r"(?:(?:by|on|in|at|during|after)\s+[^,;:.?!\"“”]{1,60}?(?:,\s+[A-Z][\w'’-]*)?,?\s+)*"
                          r"(?P<wh>whether|if|when|why|how|what|about)\s[^,;:.?!\"“”—]+")


def _wh_after(verb) -> tuple[int, int] | None:
    """The question after an asking verb whose clause the parse hung elsewhere ('Asked when the call had taken
    place, he said', 'One reporter asked what the minister made of it'): from the question word to the clause's
    end, the words between naming only whom it was put to, by whom or where; token indices, or None."""
    doc = verb.doc
    m = _LEADS_TO_WH.match(doc.text, verb.idx + len(verb.text), verb.sent.end_char)
    span = doc.char_span(m.start("wh"), m.end(), alignment_mode="contract") if m else None
    return (span.start, span.end - 1) if span is not None and len(span) >= 3 else None


def _asks_of(wh, noun) -> bool:
    """A question word right after a noun that opens what was asked, not a relative clause: 'what', 'how', 'why'
    ('asked in an interview with CNN what proof …'), and 'who' after a body ('asked by the news agency who would
    …'); not 'asked by a reporter who had covered the case', 'the number of people who had enrolled'."""
    return wh.lower_ in ("what", "how", "why") or wh.lower_ == "who" and (
        noun.ent_type_ == "ORG" or noun.lemma_.lower() in ORG_HEADS)


def comma_participle(verb) -> bool:
    """'Becerra, asked whether it was over, said it was not': the tagger read 'asked' as its subject's past tense;
    set off by commas between its subject and a later verb, it is a participle: the question was put to him."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or doc[verb.i - 1].text != "," or subject.right_edge.i not in (verb.i - 2, verb.i - 1):
        return False  # (the parse may hang the comma after the subject on it)
    later = verb.head if verb.dep_ == "ccomp" and verb.head.i > verb.i else next(
        (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    return later is not None and doc[later.i - 1].text == ","


def question_statements(questions: list[Question], taken: list[Found]) -> list[Found]:
    """A question the writer reports with its asker known ('Maria Georgiou asked whether …', 'a reporter followed
    up, asking whether …', or one put to someone: `asking.put_questions`) is the asker's statement; it overlaps no
    other statement."""
    return [Found(q.asker, q.text, "reported", q.start, q.end, q.anchor, q.sent[0], q.sent[1])
            for q in questions if q.asker and not any(f.start < q.end and q.start < f.end for f in taken)]


def agent_of(verb):
    """The one a passive verb is done by, the word naming them: the first name right after 'by' ('Asked by co-host
    Steve Doocy what …', where the parse splits the hyphenated title and may hang the name elsewhere), else what
    the parse hangs off 'by'."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is None:
        return None
    for t in verb.doc[agent.i + 1:agent.i + 6]:
        if t.ent_type_ == "PERSON":
            while t.i + 1 < len(t.doc) and t.doc[t.i + 1].ent_iob_ == "I":
                t = t.doc[t.i + 1]
            return t
        if t.is_punct and t.text != "-" or t.tag_ in ("WP", "WRB", "IN", "VBD", "VBZ"):
            break
    return next((c for c in agent.children if c.dep_ == "pobj"), None)


def _asker(verb, part, base: int, state: Discourse) -> str:
    """Who put a reported question, where the asking verb is active and has a subject of its own (or of the
    clause it continues): never for 'Asked whether …, X said', 'X was asked whether …' or 'X, asked whether …,
    said' (`asking.put_questions` names those askers)."""
    clause = part is None or part.dep_ in ("ccomp", "pcomp", "relcl") and part.doc[part.left_edge.i].lower_ in _WH
    if not clause or comma_participle(verb):
        return ""
    if verb.tag_ == "VBN" or any(c.dep_ == "nsubjpass" for c in verb.children):
        name = agent_of(verb)  # 'X was asked by Jane Roe whether …'
        return "" if name is None else _named(name, base, state)
    if verb.dep_ == "advcl" and verb.lower_.endswith("ed") and not any(c.dep_ == "nsubj" for c in verb.children):
        return ""  # 'Asked how …, Kenny said': a participle the tagger read as a past tense, not Kenny asking
    subject = next((c for c in (verb.head if verb.lemma_.lower() == "know" else verb).children if c.dep_ == "nsubj"),
                   None)  # 'Another wanted to know whether …': the subject of 'wanted'
    if subject is not None and subject.lower_ in {"another", "one", "others", "some"}:
        # "One of the hosts asked whether …": that role, unnamed
        group = next((g for of in subject.children if of.dep_ == "prep" and of.lower_ == "of" for g in of.children
                      if g.dep_ == "pobj" and g.lemma_.lower() in QUESTIONER_HEADS), None)
        if group is None:  # 'Another asked whether …' after an unnamed reporter's question: another reporter;
            # 'Reporters pressed him … One asked whether …': one of them
            press = re.search(r"\b(?:reporters|journalists|correspondents)\b", state.para_text[:base + subject.idx - state.para_start], re.I)
            return "Reporter" if subject.lower_ in ("another", "one") and ("Reporter" in state.askers or press) else ""
        return resolve_speaker(f"a {group.lemma_.lower()}", base + group.idx, state)
    if subject is None and verb.dep_ == "conj":
        # 'The first exchange came when a reporter raised …, and asked how …': the parse joined 'asked' to a
        # clause whose subject is a thing; the questioner named last before it asked
        inherited = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        near = [t for t in verb.sent if t.i < verb.i and t.dep_ == "nsubj" and t.lemma_.lower() in QUESTIONER_HEADS]
        if inherited is not None and inherited.pos_ == "NOUN" and inherited.lemma_.lower() not in QUESTIONER_HEADS \
                and near:
            return _named(near[-1], base, state)
    last = state.last_question
    if subject is not None and subject.lower_ in {"he", "she"} and last is not None and last is state.last_quote \
            and last.speaker == "Reporter" and any(c.dep_ == "advmod" and c.lower_ in _AGAIN for c in verb.children):
        return "Reporter"  # '"…?" the reporter asked. He also asked whether …': the same unnamed reporter, if no
        # one has been quoted since
    return speaker_of(verb.head if verb.lemma_.lower() == "know" else verb, base, state)


_AGAIN = {"also", "again", "then", "further", "later"}


def _named(tok, base: int, state: Discourse) -> str:
    """Who a noun phrase names: the name in apposition ('the presenter, Kay Burley'), the name a role leads into
    ('the broadcaster Chris Evans'), else the phrase ('reporters', 'the BBC')."""
    doc = tok.doc
    named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    end = tok.i + 2  # 'the presenter, Kay Burley,' that the parser did not read as apposition
    while named is None and tok.pos_ == "NOUN" and end < len(doc) and doc[tok.i + 1].text == "," \
            and doc[end].pos_ == "PROPN":
        end += 1
    if named is None and end > tok.i + 3 and end < len(doc) and doc[end].text == ",":
        named = doc[end - 1]
    tok = named if named is not None else tok
    first = tok.i if tok.pos_ == "PROPN" else tok.left_edge.i
    while tok.pos_ == "PROPN" and first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound":
        first -= 1
    span = doc[first:tok.i + 1]
    return resolve_speaker(span.text, base + span.start_char, state)


def _asked(verb, base: int, state: Discourse) -> str:
    """Who the question was put to: 'X was asked', 'asked X whether', or the subject of the clause that
    'Asked whether …, X said' / 'Pressed by …, X said' hangs from."""
    put_to = ("nsubjpass", "dobj", "nsubj") if comma_participle(verb) else ("nsubjpass", "dobj")
    for child in verb.children:
        if child.dep_ in put_to and child.pos_ == "PRON":
            return resolve_speaker(child.text, base + child.idx, state)
        if child.dep_ in put_to and child.pos_ in ("PROPN", "NOUN"):
            return _named(child, base, state)  # 'asked the Minister of Education, Catherine Morrow, whether …'
    if verb.dep_ == "advcl":
        return speaker_of(verb.head, base, state)
    return ""


def attach_questions(text: str, found: list[Found], questions: list[Question], same) -> dict[int, Question]:
    """found index -> the question it answers: the statements by the person asked (or, when the article
    does not say, by the first speaker other than the asker) that follow the question in its paragraph,
    up to the next question or another speaker; failing those, the first one in the next paragraph.
    `same(a, b)` says whether two speaker strings name one person."""
    quoted = {(f.start, f.end) for f in found if f.kind == "direct" and f.text.rstrip().endswith("?")}
    asked_at = quoted | {(q.start, q.end) for q in questions if q.asker}  # reported questions that are statements
    questions = sorted(questions + [Question(f.start, f.end, f.text, asker=f.speaker) for f in found
                                    if (f.start, f.end) in quoted], key=lambda q: q.start)
    out: dict[int, Question] = {}
    for k, q in enumerate(questions):
        stop = questions[k + 1].start if k + 1 < len(questions) else len(text)
        answerer, answered = q.asked, False
        for i, f in enumerate(found):
            if f.start >= stop:
                break
            if f.start < q.end or (f.start, f.end) in asked_at or i in out:
                continue
            paragraphs = _lines_between(text, q.end, f.start)
            if paragraphs > MAX_PARAGRAPHS or (paragraphs and answered):
                break  # too far, or answered where it was asked and what follows is the answerer going on
            if not answerer:
                if q.asker and same(f.speaker, q.asker):
                    continue
                answerer = f.speaker
            if not same(f.speaker, answerer):
                break
            out[i], answered = q, True
            if paragraphs:
                break  # the first statement of the next paragraph answers, not the rest of it
    return out


def _lines_between(text: str, a: int, b: int) -> int:
    """How many paragraph breaks (non-empty lines) lie between two offsets."""
    return sum(1 for line in text[a:b].split("\n")[1:] if line.strip())


# titles a speaker is addressed by ("…, prime minister.", "Mr President, …", "Senator, …")
_VOCATIVE_TITLES = ("prime minister", "president", "senator", "governor", "chancellor", "secretary", "minister",
                    "taoiseach", "premier", "speaker", "congressman", "congresswoman", "mayor", "ambassador",
                    "commissioner", "general", "leader")
_VOCATIVE = re.compile(r"(?:^|[,.;:!?]\s+)(?:(?:mr|mrs|ms|madam|mister)\.?\s+)?(?P<who>[A-Za-z][\w'’ -]{1,30}?)"
                       r"(?=\s*(?:[,.!?]|$))", re.IGNORECASE)


def addressed(words: str, name: str, titles: str) -> bool:
    """Whether quoted words are put to the person `name`: they address them by one of their `titles`
    (`Discourse.titles_of`), or by honorific and surname ("I'm talking about this boy, prime minister.",
    "Thank you, Mr Johnson."). Words put to someone are not theirs."""
    surname = name.split()[-1].lower()
    for m in _VOCATIVE.finditer(words):
        who = m.group("who").lower().strip()
        opener = m.group(0).lower().lstrip(",.;:!? ").split()[0].rstrip(".")
        honorific = opener in {"mr", "mrs", "ms", "madam", "mister"}
        if who in _VOCATIVE_TITLES and title_matches(who, titles):
            return True
        if honorific and (who == surname or who.split()[-1] == surname):
            return True
    return False
