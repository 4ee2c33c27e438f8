"""Who put a quoted question, as the words around it say: the patterns the quote rules read ('A second reporter
was not convinced. "…?"', 'The first question came from Jane Roe: "…?"', '"…?" she asked. "…," he replied')."""

from __future__ import annotations

import re

from tracker.extraction.lexicon import QUESTIONER_HEADS

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
PRONOUN_REPLY = re.compile(r"^[\s,]*(he|she)\s+(?:replie[sd]|sa(?:id|ys)|answer(?:ed|s)|respond(?:ed|s)|shot back|"
                           r"retort(?:ed|s)|add(?:ed|s))\b", re.I)
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
    m = _QUESTION_CAME.match(before, last)  # 'The follow-up was inevitable. "…?"': no one named, a reporter
    return ("a reporter", m.start()) if m else None


# a sentence whose subject is the question itself, before a quoted question with no attribution
_QUESTION_CAME = re.compile(r"\s*(?:The|A|Then came the) (?:\w+ )?(?:follow-up|question)\b[^.!?\"“”]*[.:]\s*$")
