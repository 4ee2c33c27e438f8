"""Shifts the writer reports in so many words ("reversed course", "a U-turn", "walked back"): whose position
changed, and which of their statements in the article it departs from.
"""

from __future__ import annotations

import re

from tracker.extraction.discourse import Discourse
from tracker.extraction.lexicon import WALKED_BACK
from tracker.extraction.records import Found
from tracker.extraction.subjects import speaker_of

# A shift the writer reports in so many words ("reversed course", "a U-turn", "backed down", "changed
# his position", "backed away from", "abandoned the pledge"); not when negated ("will not back down", "never
# backed down").
SHIFT_CUES = re.compile(
    r"\b(?:revers(?:ed|es|ing) (?:course|(?:his|her|their|its) (?:position|stance|decision))|u-?turn(?:ed|s)?"
    r"|climb-?down|climbed down|(?:backed|backs|backing) down|backtrack(?:ed|s|ing)?|" + WALKED_BACK +
    r"|(?:changed|changes|changing) (?:his|her|their|its) (?:position|mind|stance|tune)|about-face|flip-flop\w*"
    r"|no longer (?:support|back|oppose|favou?r|believe|want|think|plan|intend|endorse|rule)\w*"
    # taking back one's own words: "regrets warning that …", "apologised for saying …", "retracted the claim"
    r"|regret(?:s|ted|ting)? (?:saying|warning|using|describing|calling|comparing|(?:his|her|their|the|those) "
    r"(?:remarks?|comments?|words|claim))|apologi[sz](?:ed|es|ing)(?: (?:on|late on|early on|last) \w+)? for (?:saying|using|describing|calling|"
    r"(?:his|her|their|the|those) (?:remarks?|comments?|words))|distanc(?:ed|es|ing) (?:himself|herself|themselves|"
    r"itself) from (?:(?:his|her|their|its) own|(?:his|her|their|its) (?:earlier|previous))"
    r"|retract(?:ed|s|ing) (?:his|her|their|its|the) (?:remarks?|comments?|claim|statement)"
    r"|(?:backed|backs|backing) away(?: on \w+)? from|revers(?:ed|es|ing) (?:himself|herself|themselves|itself)"
    r"|withdr(?:ew|aws|awing|awn) (?:his|her|their|its|the|those) (?:remarks?|comments?|words|claim)"
    r"|abandon(?:ed|s|ing) (?:a|the|his|her|its|their) (?:plan|pledge|promise|position|policy|stance))\b",
    re.I)
_NEGATED = re.compile(r"\b(?:not|never|no|n't|refused to|declined to|won't)\s+(?:\w+\s+){0,2}$", re.I)
# asking whether a shift is coming ('quizzed about whether another climbdown was coming') reports none
_ASKED_WHETHER = re.compile(r"\b(?:whether|if)\b[^.,;:\"“”]*$", re.I)
# Declining to say is taking no position, so it is never the position a reported shift departs from.
_NO_POSITION = re.compile(r"^(?:declined|refused|would not|wouldn't|did not|didn't) (?:to )?"
                          r"(?:say|confirm|comment|answer|discuss|be drawn|rule|give|specify|elaborate)\b", re.I)

# 'abandoning a position he had defended', 'six months after telling Sweden …': the shift's own sentence
# recalls the position it departs from, which is no later end of that shift
_LOOKS_BACK = re.compile(r"\b(?:had|having)\s+(?:\w+ly\s+)?$|\b(?:after|before)\s+$", re.I)


def find_shifts(doc, base: int, state: Discourse, in_quote) -> list[tuple[str, int]]:
    """(whose position changed, sentence start) for each sentence outside quotes that reports a shift."""
    out = []
    for m in SHIFT_CUES.finditer(doc.text):
        if in_quote(m.start()) or _NEGATED.search(doc.text[max(0, m.start() - 40):m.start()]) \
                or _ASKED_WHETHER.search(doc.text[max(0, m.start() - 60):m.start()]):
            continue
        tok = next((t for t in doc if t.idx <= m.start() < t.idx + len(t)), None)
        if tok is None:
            continue
        verb = next((t for t in [tok, *tok.ancestors] if t.pos_ in ("VERB", "AUX")), None)
        speaker = speaker_of(verb, base, state) if verb is not None else ""
        if speaker:
            out.append((speaker, base + tok.sent.start_char))
    return out


def link_shifts(found: list[Found], days: list, shifts: list[tuple[str, int]], same, settled: list[bool],
                text: str) -> None:
    """A reported shift links the speaker's statements in its sentence to the position it departs from: the
    speaker's statement whose words the sentence quotes ('walked back a remark that appeared to brand them as
    "garbage"'; the first such, if several), else the speaker's earliest statement, when the article dates that one itself (not by
    inheritance or the date chooser) to an earlier day. `same(a, b)` says whether two speaker strings name one
    person; `days[i]` is found[i]'s date, `settled[i]` whether found[i] fixes its own day."""
    for speaker, sent_start in shifts:
        # a question or a refusal to say states no position, so it is never the position a shift departs from
        mine = [i for i, f in enumerate(found) if same(f.speaker, speaker) and not f.text.rstrip(" \"”'’").endswith("?")
                and not _NO_POSITION.match(f.text)]
        later = [i for i in mine if found[i].sent_start == sent_start and found[i].contrasts is None
                 and not _LOOKS_BACK.search(text[sent_start:found[i].anchor])]
        if not later:
            continue
        sentence = text[sent_start:max(found[i].sent_end for i in later)]
        quoted = [q.strip(" ,.") for q in re.findall(r"[\"“]([^\"“”]{3,80})[\"”]", sentence)]
        cited = [i for i in mine if i not in later and any(q and q.lower() in found[i].text.lower() for q in quoted)]
        if cited:
            source = min(cited, key=lambda i: (days[i], found[i].start))
            for i in later:
                found[i].contrasts = found[source]
            continue
        first = min(mine, key=lambda i: (days[i], found[i].start))
        for i in later:
            if days[first] < days[i] and settled[first]:
                found[i].contrasts = found[first]
