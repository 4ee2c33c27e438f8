"""Statement dates from cues relative to the article date ('on Tuesday', 'a day earlier');
tracker.dates parses dates that are written out in full.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tracker.extraction.lexicon import WEEKDAYS
from tracker.extraction.read import Article
from tracker.extraction.records import Found, Quote, in_spans

# ---------------------------------------------------------------------------- dates

_MONTH_NAMES = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_MONTH_RE = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
             r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# a live-blog entry's time label ("9:07 a.m. - ", "19:40 - ", "Evening - "): not part of what anyone said
ENTRY_LABEL = re.compile(r"(?:(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?|\d{1,2}[:.]\d\d)(?:\s+(?:GMT|BST|UTC|CET|CEST|EST|EDT|"
                         r"CST|CDT|PST|PDT|IST|JST|AEST|AEDT))?|(?:Early |Late )?(?:Morning|Midday|"
                         r"Noon|Afternoon|Evening|Night|Overnight)|Update[d]?)\s+[-–—]\s+")
# up to four words of a name between a weekday and its event ("Wednesday's Senate Foreign Relations Committee hearing"),
# none of them a preposition or a determiner ("Monday's attack on the press" is not a press conference)
_NAME_WORDS = r"(?:(?!(?:on|of|the|a|an|to|for|with|by|that|at|in|and|as)\b)[\w'’-]+ ){0,4}?"
_CUES = [
    # a live-blog entry's time label opening a paragraph: a time on the blog's own day
    ("entry", re.compile(r"(?m)^" + ENTRY_LABEL.pattern)),
    # not "Friday's veto" (a day naming an event, not when anything was said) nor "the Sunday Times"; but "at
    # Tuesday's press conference", "opened Thursday's news conference", "Sunday's Andrew Marr Show" (a few words of
    # a name between) is where, so when, it was said (unless it lies ahead: "before Friday's meeting")
    # "in Sunday's national election": the night the votes were counted is when its reactions were said
    ("weekday", re.compile(r"(?<=\b[Ii]n )(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?=['’]s (?:[\w-]+ ){0,2}"
                           r"(?:election|vote|poll|referendum|run-?off|ballot)s?\b)|"
                           r"(?<![Aa]head of )(?<![Bb]efore )(?<![Uu]ntil )(?<![Ff]or )(?<![Nn]ext )"
                           r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?=['’]s " + _NAME_WORDS +
                           r"(?:press|news|daily|weekly|regular|briefing|meeting|hearing|session|interview|debate|"
                           r"rally|summit|conference|speech|event|sitting|town hall|cabinet|question|[Ss]how|"
                           r"programme|program|broadcast|episode|exchanges|hustings|appearance|conversation)\b)|"
                           # nor a day booked ahead ("a cabinet meeting for Monday.", not "halted for Friday prayers")
                           r"(?!(?<=[Ff]or )\w+day(?:[.,;:!?]|\s+(?:and|to)\b))"
                           r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b(?!['’]s\b)"
                           r"(?!\s+(?:Times|Telegraph|Mirror|Express))")),
    ("yesterday", re.compile(r"\byesterday\b|\blast night\b", re.I)),
    # not "BBC Radio 4's Today programme" or NBC's "Today show" (a programme's name)
    ("today", re.compile(r"\btoday\b(?!\s+(?:programme|program|show)\b)|\btonight\b(?!\s+show\b)|"
                         r"\bthis (?:morning|afternoon|evening)\b", re.I)),
    ("day_before", re.compile(r"\b(?:a|one) day (?:earlier|before)\b|\bthe (?:day|night) before\b|"
                              r"\bthe previous day\b", re.I)),
    # 'the next day', 'three days later' (not 'less than a day later')
    ("day_after", re.compile(r"\bthe (?:following|next) (?:day|morning|afternoon|evening)\b|\bthe day after\b|"
                             r"(?<!than )\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten) days? later\b", re.I)),
    ("same_day", re.compile(r"\b(?:the same day|that same day|later that day|earlier that day|"
                            r"hours (?:later|earlier))\b", re.I)),  # 'Hours later, she said …'
    # 'he said then', 'Trudeau wrote at the time': when the time named last was, whether a day or a month
    ("then", re.compile(r"\b(?:said|wrote|told (?:reporters|journalists|him|her|them|MPs)|declared|argued|insisted) "
                        r"(?:at the time\b|then\b(?!-))")),
    # 'said on Wednesday …, a day after he floated a takeover': the clause after it is a day before the day named
    ("after_event", re.compile(r"\b(?P<n>a|one|two|three|four) days? after\b", re.I)),
    ("last_week", re.compile(r"\blast week\b", re.I)),
    ("last_month", re.compile(r"\blast month\b", re.I)),
    ("month_day", re.compile(rf"\b(?P<mon>{_MONTH_RE})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (?P<year>\d{{4}}))?")),
    ("day_month", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<mon>{_MONTH_RE})\b\.?(?:,? (?P<year>\d{{4}}))?")),
    ("in_month", re.compile(rf"\b(?:[Ii]n|[Aa]s (?:recently|late) as|[Bb]ack in) (?P<mon>{_MONTH_RE})\b"
                            rf"(?!\.? \d{{1,2}}\b)(?:,? (?P<year>\d{{4}}))?")),
    ("days_ago", re.compile(r"\b(?P<n>two|three|four|five|six|\d{1,2}) days ago\b", re.I)),
    ("this_month", re.compile(r"\b(?:earlier|late|later) this month\b", re.I)),
    # 'in a letter earlier in the week': a day of the week before the article's, which the text does not name
    ("this_week", re.compile(r"\bearlier (?:this|in the) week\b|\bat the (?:start|beginning) of "
                             r"(?:this|the) week\b", re.I)),
    ("in_year", re.compile(r"\b[Ii]n (?P<year>(?:19|20)\d\d)\b(?! (?:election|budget|campaign|race|vote|contest))")),
]
_THAT_YEAR = re.compile(r"\s*,?\s+(?:of\s+)?(?:that|the\s+same)\s+year\b")
# a heading line that opens with a year ('2021: checks arrive'), as timelines and fact-checks set out their sections
_YEAR_HEADING = re.compile(r"(?m)^[ \t]*(?P<year>(?:19|20)\d\d)\b(?![-–/]?\d)[^\n.]{0,60}$")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# a year dates a statement only next to its saying: "said in 2023", "told the BBC in 2023", "In 2023, X said"
_SAYING = r"(?:said|told|wrote|argued|insisted|warned|promised|pledged|vowed|declared|claimed|stated)"
_SAID_BEFORE = re.compile(rf"\b{_SAYING}(?:\s+[\w'’]+){{0,3}}\s*$")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s|\n)$")
_OPENS = re.compile(r"(?:^|[.!?][\"”’]?\s+|\n|[\"“‘(]\s*)$")  # what may come before a sentence's first word
_SAID_AFTER = re.compile(rf",?\s+(?:[\w'’.-]+\s+){{1,4}}{_SAYING}\b")
# words that look ahead to the day after them ('ahead of the September 8 election', not 'ahead of the Tories on Sunday')
_FUTURE_BEFORE = re.compile(r"\b(?:will|would|due|set to|next|scheduled|expected|until|plans? to|as (?:early|soon) as|"
                            r"ahead of(?=(?: \S+)? ?$))\b"
                            r"[^.]{0,45}$", re.I)
_NAMED_DAY_BEFORE = re.compile(r"(?:day|\d)\s*,\s*$")  # "on Wednesday, the day after …": that Wednesday again
_SINCE_BEFORE = re.compile(r"\bsince\b[^,.;:\"“”\n]{0,60}$")  # "her first since she shelved it on Saturday": a boundary
# 'recorded on Thursday and broadcast on Saturday': the day it went out, when the sentence names the day it was recorded
_AIRED_BEFORE = re.compile(rf"\b(?:recorded|taped|filmed)\b[^.;\"“”\n]*\b(?:{'|'.join(WEEKDAYS)}|{_MONTH_RE})\b"
                           r"[^.;\"“”\n]*\b(?:broadcast|aired|screened|shown|transmitted)\b[^.;\"“”\n]{0,40}$", re.I)


def one_act(described: Found, f: Found) -> bool:
    """'Smith reversed course on Oct. 11, writing: "…"': a description of the same speaker in the same sentence
    is the same act, so its day is the quote's too (not one set against it: 'despite having appeared open')."""
    return described.speaker == f.speaker and described.sent_start == f.sent_start and described.contrasts is None


def _said_then(m: re.Match) -> bool:
    """The day is when something was said ('he said on August 12'; 'On August 16, five days before the poll, she
    told voters'): a day in the past, however near the same day next year is."""
    text = m.string
    if _SAID_ON.search(text[max(0, m.start() - 40):m.start()]):
        return True  # 'said on', 'told reporters on'; not 'said the vote on'
    opens = _OPENS_ON.search(text[max(0, m.start() - 5):m.start()])
    end = _SENTENCE_END.search(text, m.end())
    said = _SAID.search(text[m.end():end.start() if end else len(text)]) if opens else None
    return bool(said and not _WILL.search(text[m.end():m.end() + said.start()]))


_SAID_ON = re.compile(rf"\b{_SAYING}(?:\s+[\w'’]+)?\s+on\s+$")
_OPENS_ON = re.compile(r"(?:^|[.!?]\s+|\n)[Oo]n $")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_SAID = re.compile(rf"\b{_SAYING}\b")
_WILL = re.compile(r"\b(?:will|would|shall)\b")


@dataclass
class _Cue:
    start: int
    end: int
    kind: str
    match: re.Match


def _programme(text: str, m: re.Match) -> bool:
    """'Today' or 'This Morning' capitalised where a sentence does not begin names a programme or a paper
    ('went on RTÉ Radio 1's Today with Seán O'Rourke', 'India Today'): news copy writes the day in lower case."""
    words = m.group().split()
    return any(w[0].isupper() for w in words[1:]) or (
        words[0][0].isupper() and not _OPENS.search(text, max(0, m.start() - 4), m.start()))


def find_cues(text: str, quotes: list[Quote]) -> list[_Cue]:
    """Date expressions outside quotes; ones that look ahead ('due to take effect on Tuesday') are dropped."""
    quoted = in_spans([(q.open_start, q.close_end) for q in quotes])
    cues = []
    for kind, pattern in _CUES:
        for m in pattern.finditer(text):
            if quoted(m.start()):
                continue
            if kind == "today" and _programme(text, m):
                continue
            if kind in ("weekday", "month_day", "day_month") and _FUTURE_BEFORE.search(text[max(0, m.start() - 60):m.start()]):
                continue
            if kind in ("weekday", "month_day", "day_month") and _AIRED_BEFORE.search(text, max(0, m.start() - 200), m.start()):
                continue
            if kind in ("day_before", "day_after") and _NAMED_DAY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # it places the day just named against another event; it names no new day
            if kind in ("weekday", "month_day", "day_month", "in_month") and _SINCE_BEFORE.search(text, max(0, m.start() - 70), m.start()):
                continue  # the day something began, not a day anything in the paragraph was said
            if kind == "in_year" and not (_SAID_BEFORE.search(text[max(0, m.start() - 40):m.start()]) or (
                    _SENTENCE_START.search(text[max(0, m.start() - 3):m.start()])
                    and _SAID_AFTER.match(text, m.end()))):
                continue  # "who became Taoiseach in 2017": background, not when anything was said
            if kind in _CALENDAR_CUES and _in_background_clause(text, m.start(), m.end()):
                continue  # "X, who became governor in December, said": when she became it, not when she said it
            cues.append(_Cue(m.start(), m.end(), kind, m))
    cues.sort(key=lambda c: c.start)
    # "Monday's talks" style cues overlap nothing; drop cues nested in longer ones (month_day vs in_month)
    out = []
    for c in cues:
        if out and c.start < out[-1].end:
            if c.end - c.start > out[-1].end - out[-1].start:
                out[-1] = c
            continue
        out.append(c)
    return out


_CALENDAR_CUES = {"month_day", "day_month", "in_month", "in_year", "last_month"}  # dates, not the story's own days
_RELATIVE_OPEN = re.compile(r",\s+(?:who|whose|which)\b[^,.;:\"“”\n]*$")
_RELATIVE_CLOSE = re.compile(r"[^,.;:\"“”\n]*,")
_SPEECH_WORDS = re.compile(r"\b(?:said|says|say|told|tells|spoke|speaks|speaking|wrote|writes|tweeted|posted|"
                           r"announced|interview|remarks?|statement|comments?|briefing|news conference)\b", re.I)


def _in_background_clause(text: str, start: int, end: int) -> bool:
    """A date inside a relative clause set off by commas that says nothing was said then (', who was
    appointed in January,'): it dates the person's past, not a statement. (A weekday there, ', which
    surfaced on Friday,', is the story's own sequence and stays a cue.)"""
    before = _RELATIVE_OPEN.search(text, max(0, start - 150), start)
    after = _RELATIVE_CLOSE.match(text, end, end + 150)
    return bool(before and after and not _SPEECH_WORDS.search(text[before.start():after.end()]))


def _resolve_cue(cue: _Cue, article_day: dt.date, ref: dt.date) -> tuple[dt.date, str] | None:
    kind, m = cue.kind, cue.match
    if kind == "weekday":
        wanted = WEEKDAYS.index(m.group(0).lower())
        if re.match(r"\s+last week\b", m.string[m.end():m.end() + 12]):  # "on Wednesday last week"
            return article_day - dt.timedelta(days=article_day.weekday() + 7 - wanted), "day"
        if re.search(r"\b(?:previous|preceding|prior)\s+$", m.string[max(0, m.start() - 11):m.start()], re.I):
            return ref - dt.timedelta(days=(ref.weekday() - wanted) % 7 or 7), "day"  # before the day named last
        back = (article_day.weekday() - wanted) % 7
        if back == 0 and re.search(r"\blast\s+$", m.string[max(0, m.start() - 6):m.start()], re.I):
            back = 7  # "last Sunday" in a Sunday's paper: a week ago
        return article_day - dt.timedelta(days=back), "day"
    if kind == "yesterday":
        return article_day - dt.timedelta(days=1), "day"
    if kind in ("today", "entry"):
        return article_day, "day"
    if kind == "day_before":
        return ref - dt.timedelta(days=1), "day"
    if kind == "after_event":
        return ref - dt.timedelta(days=_NUMBERS.get(m.group("n").lower(), 1)), "day"
    if kind == "same_day":  # 'The same day, X said': the day named last
        return ref, "day"
    if kind == "day_after":  # 'the next day', 'three days later': counted on from the day named last
        return min(ref + dt.timedelta(days=_NUMBERS.get((m.group("n") or "").lower(), 1)), article_day), "day"
    if kind == "last_week":
        monday = article_day - dt.timedelta(days=article_day.weekday() + 7)
        return (monday + dt.timedelta(days=3)).replace(day=1), "month"
    if kind == "last_month":
        return (article_day.replace(day=1) - dt.timedelta(days=1)).replace(day=1), "month"
    if kind == "days_ago":
        n = m.group("n").lower()
        return article_day - dt.timedelta(days=_NUMBERS.get(n) or int(n)), "day"
    if kind == "this_month":
        return article_day.replace(day=1), "month"
    if kind == "this_week":  # the month of the week's middle day before the article's
        return (article_day - dt.timedelta(days=max(article_day.weekday(), 1) // 2 + 1)).replace(day=1), "month"
    if kind == "in_year":
        year = int(m.group("year"))
        return (dt.date(year, 1, 1), "year") if year < article_day.year else None  # this year or ahead: no date
    month = _MONTH_NAMES[m.group("mon")[:3].lower()]
    year = int(m.group("year")) if m.group("year") else None
    if kind == "in_month":
        year = year or (article_day.year if month <= article_day.month else article_day.year - 1)
        return dt.date(year, month, 1), "month"
    try:
        day = dt.date(year or article_day.year, month, int(m.group("day")))
    except ValueError:
        return None
    if year is None and day > article_day:
        if (day - article_day).days < 183 and not _said_then(m):
            return None  # "an election for July 4" in May looks ahead; it dates no statement
        day = day.replace(year=day.year - 1)  # "On August 16, she told voters" in February: last August
    return day, "day"


_DAY_CUES = {"weekday", "yesterday", "today", "month_day", "day_month"}
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
_CLAUSE_END = re.compile(r"[,;:.!?](?:\s|$)|\n")


def after_event(cue, f: Found) -> bool:
    """An 'a day after' cue that is not this statement's: it dates only what is said in its own clause ('a day
    after Badenoch told MPs that …'), not the sentence around it ('Two days after the vote, Hale said …')."""
    if cue.kind != "after_event":
        return False
    end = _CLAUSE_END.search(cue.match.string, cue.end)
    return not cue.end <= f.start < (end.start() if end else len(cue.match.string))


def _paragraph_year(cue) -> int | None:
    """The last year its paragraph's narration writes before a day cue ('The evolution ended in the spring of 2012.
    On May 6'): not one inside quotes, naming a thing ('the party's 2019 platform') or in a relative clause ('which
    declared independence in 1991')."""
    text = cue.match.string
    before = re.sub(r"[\"“][^\"“”]*[\"”]", lambda m: " " * len(m.group()), text[text.rfind("\n", 0, cue.start) + 1:cue.start])
    years = [m for m in re.finditer(r"\b((?:19|20)\d\d)\b", before)
             if not re.search(r"(?:['’]s|\bits|\btheir|\bhis|\bher|\bthe|\ban?)\s+$", before[:m.start()])
             and not re.search(r"\b(?:who|whose|which)\b[^,.;:\n]*$", before[:m.start()])]
    return int(years[-1].group(1)) if years else None


def resolved_cues(cues: list[_Cue], day0: dt.date) -> list[tuple[_Cue, dt.date, str]]:
    """Each cue's day (or month), in reading order: 'a day earlier' counts back from the day named last."""
    resolved: list[tuple[_Cue, dt.date, str]] = []
    ref = None
    year_named, year_at = None, 0  # the day (or month) of the last cue that writes its year, and where it ends
    headings = [(m.end(), int(m.group("year"))) for m in _YEAR_HEADING.finditer(cues[0].match.string)] if cues else []
    for cue in cues:
        if cue.kind == "then":
            if resolved:
                resolved.append((cue, *resolved[-1][1:]))
            continue
        yearless = cue.kind in ("month_day", "day_month") and not cue.match.group("year")  # 'on May 11'
        section = max((h for h in headings if h[0] <= cue.start), default=(0, 0))[1]  # the year of the heading above
        if yearless and year_named and (_THAT_YEAR.match(cue.match.string[cue.end:cue.end + 25])
                                        or year_named.year < day0.year and "\n" not in cue.match.string[year_at:cue.start]):
            # "In September 2010 … she said on September 6 of that year", "In May 2018 … a speech on May 11": a day
            # after a year the paragraph wrote is in that year, read as if written at that year's end
            got = _resolve_cue(cue, year_named.replace(month=12, day=31), year_named)
        elif yearless and (year := _paragraph_year(cue)) and year < day0.year:
            got = _resolve_cue(cue, dt.date(year, 12, 31), ref or day0)  # 'in the spring of 2012. On May 6, …'
        elif yearless and 0 < section < day0.year:
            got = _resolve_cue(cue, dt.date(section, 12, 31), ref or day0)  # '2021: checks arrive … on 20 April'
        elif cue.kind == "after_event":  # the day its own sentence names, else the day named last
            anchor = next((r for c in cues if c.start > cue.start and c.kind in _DAY_CUES
                           and not _SENTENCE_BREAK.search(cue.match.string, cue.end, c.start)
                           for r in [_resolve_cue(c, day0, day0)] if r), None)
            got = _resolve_cue(cue, day0, anchor[0] if anchor else ref or day0)
            if got:
                resolved.append((cue, *got))
            continue  # it dates its own clause only: the day named last stays
        elif cue.kind == "day_before":
            anchor = ref or next((r for c in cues if c.start > cue.start and c.kind != "day_before"
                                  for r in [_resolve_cue(c, day0, day0)] if r), (day0, "day"))[0]
            got = _resolve_cue(cue, day0, anchor)
        else:
            got = _resolve_cue(cue, day0, ref or day0)
        if got:
            resolved.append((cue, *got))
            if got[1] == "day":
                ref = got[0]
            if "year" in cue.match.re.groupindex and cue.match.group("year") or (
                    cue.kind in ("day_after", "day_before") and year_named and got[0].year == year_named.year):
                year_named, year_at = got[0], cue.end  # 'Eight days later' counts on in the year it counts from
    return resolved


def resolve_dates(article: Article, found: list[Found], quotes: list[Quote]) -> list[tuple[dt.date, str]]:
    """Each statement's date: a cue near its verb, else the last event date before it, else the article date."""
    day0 = article.date or dt.date.today()
    resolved = resolved_cues(find_cues(article.text, quotes), day0)
    content = [(f.start, f.end) for f in found if f.kind == "reported"]
    # the news frame: the first weekday / yesterday / today cue, the day the story is about
    frame = next((d for c, d, p in resolved if c.kind in FRAME_CUES and p == "day"), None)
    described = [(f.start, f.end, i) for i, f in enumerate(found) if f.kind == "description"]
    out: list[tuple[dt.date, str]] = []
    used_by: dict[int, tuple[str, str]] = {}  # cue start -> (speaker, kind) of the statement it dated
    last_of: dict[str, tuple[dt.date, str]] = {}
    for i, f in enumerate(found):
        # a cue inside another statement's description dates that description only
        others = [(s, e) for s, e, j in described if j != i and not one_act(found[j], f)]
        if f.fixed_date:
            out.append((f.fixed_date, "day"))
            continue
        # (a reported clause inside a description is the same act: 'claimed victory on Tuesday for …')
        words = [(s, e) for s, e in content if f.kind != "description" or not f.start <= s < e <= f.end]
        own = [(c, d, p) for c, d, p in resolved if f.sent_start <= c.start < f.sent_end and not after_event(c, f)
               and not any(s <= c.start < e for s, e in f.excluded + words + others)]
        if f.present:
            out.append((day0, "day"))
        elif f.on_frame and frame is not None and not own:
            out.append((frame, "day"))
        elif own:
            c, d, p = min(own, key=lambda x: abs(x[0].start - f.anchor))
            used_by[c.start] = (f.speaker, f.kind)
            out.append((d, p))
        else:
            out.append(_inherited(f, resolved, content, used_by, last_of, day0, frame, article.text))
        last_of[f.speaker] = out[-1]
    return out


# Weekday/yesterday/today cues set the news frame even inside a reported clause; explicit dates and
# months inside what someone said are usually background ("inflation fell in April").
FRAME_CUES = {"weekday", "yesterday", "today"}
# A written date or month before the frame is a look back ("As recently as May 7"); "a day earlier" is
# the story's own sequence of events, and stays the frame for what follows.
_LOOK_BACK_CUES = {"month_day", "day_month", "in_month", "last_month", "in_year"}
# "RTÉ had reported on Monday night that …": a day in the past perfect looks back from the story's own day
_PLUPERFECT = re.compile(r"\bhad (?:\w+ly )?(?:been )?\w+(?:ed|en|wn|ld|id|ne|ht|nt)\s+(?:\w+\s+){0,3}(?:on|by|since|until)\s+$")


def _inherited(f: Found, resolved, content, used_by, last_of, day0, frame=None, text="") -> tuple[dt.date, str]:
    """No cue of its own: the last event date before it, unless that date was another speaker's
    and this speaker was already dated ('Macron also announced …' after 'NATO said on Tuesday'). A
    look back to a date before the news frame ('As recently as May 7, he told MPs …') dates its own
    paragraph only: the paragraphs after it are back on the frame."""
    earlier = [(c, d, p) for c, d, p in resolved if c.start < f.sent_start and c.kind not in ("then", "after_event")
               and (c.kind in FRAME_CUES or not any(s <= c.start < e for s, e in content))
               and not (c.kind == "day_before" and used_by.get(c.start, ("", ""))[1] == "description")
               and not (frame is not None and (c.kind in _LOOK_BACK_CUES or _PLUPERFECT.search(text[max(0, c.start - 40):c.start]))
                        and d < frame and "\n" in text[c.start:f.sent_start])]
    if not earlier:
        return last_of.get(f.speaker, (day0, "day"))
    c, d, p = earlier[-1]
    if used_by.get(c.start, (f.speaker, ""))[0] != f.speaker:  # the day another speaker's statement took
        if f.speaker in last_of:
            return last_of[f.speaker]
        if frame is not None and p == "day" and d < frame:
            return frame, "day"  # their look back ("Putin, in comments published on Sunday"): not ours
    return d, p
