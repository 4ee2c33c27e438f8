"""Questions and the answers they get: an answer keeps the question it replies to as its `context`,
so the judge reads "Would you send troops? — No." and not a bare "No.".

A question is a quoted one (a direct statement ending in "?", the questioner's own) or one the writer
reports ("asked whether he trusted Putin", "pressed … to say whether this was a U-turn", "when asked
about the jet"). An answer is any later statement of someone other than the questioner, in the same
paragraph or the next ones, until another question is put or MAX_PARAGRAPHS have passed.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.extraction.records import Found
from tracker.extraction.discourse import Discourse
from tracker.extraction.speakers import resolve_speaker, speaker_of

ASK_LEMMAS = {"ask", "press", "quiz", "question", "challenge"}
MAX_PARAGRAPHS = 1  # an answer is in the question's paragraph or the next one


@dataclass
class Question:
    start: int
    end: int
    text: str
    asker: str = ""  # who asked, where known (a quoted question's speaker)
    asked: str = ""  # who was asked, where the article says ("Trump was asked", "asked Powell whether")


def reported_questions(doc, base: int, state: Discourse, in_quote) -> list[Question]:
    """Questions the writer reports: the clause after ask / press, or 'about …' after 'asked'."""
    out = []
    for tok in doc:
        if tok.lemma_.lower() not in ASK_LEMMAS or tok.pos_ != "VERB" or in_quote(tok.idx):
            continue
        part = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i), None)
        if part is None:
            part = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "about"), None)
        if part is None:
            continue
        first, last = part.left_edge.i, part.right_edge.i
        while last > first and doc[last].is_punct:
            last -= 1
        span = doc[first:last + 1]
        if len(span) < 3 or in_quote(span.start_char):
            continue
        out.append(Question(base + span.start_char, base + span.end_char, span.text, asked=_asked(tok, base, state)))
    return out


def _asked(verb, base: int, state: Discourse) -> str:
    """Who the question was put to: 'X was asked', 'asked X whether', or the subject of the clause that
    'Asked whether …, X said' / 'Pressed by …, X said' hangs from."""
    for child in verb.children:
        if child.dep_ in ("nsubjpass", "dobj") and child.pos_ in ("PROPN", "PRON", "NOUN"):
            return resolve_speaker(child.text if child.pos_ == "PRON" else
                                   verb.doc[child.left_edge.i:child.i + 1].text, base + child.idx, state)
    if verb.dep_ == "advcl":
        return speaker_of(verb.head, base, state)
    return ""


def attach_questions(text: str, found: list[Found], questions: list[Question], same) -> dict[int, str]:
    """found index -> the question it answers: the statements by the person asked (or, when the article
    does not say, by the first speaker other than the asker) that follow the question in its paragraph,
    up to the next question or another speaker; failing those, the first one in the next paragraph.
    `same(a, b)` says whether two speaker strings name one person."""
    asked_at = {(f.start, f.end) for f in found if f.kind == "direct" and f.text.rstrip().endswith("?")}
    questions = sorted(questions + [Question(f.start, f.end, f.text, asker=f.speaker) for f in found
                                    if (f.start, f.end) in asked_at], key=lambda q: q.start)
    out: dict[int, str] = {}
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
            out[i], answered = q.text, True
            if paragraphs:
                break  # the first statement of the next paragraph answers, not the rest of it
    return out


def _lines_between(text: str, a: int, b: int) -> int:
    """How many paragraph breaks (non-empty lines) lie between two offsets."""
    return sum(1 for line in text[a:b].split("\n")[1:] if line.strip())
