"""Labelled lines: transcript lines ('RUBIO: Well, …', 'Q: …') and embedded posts ('… — Name (@handle)
August 19, 2025'), each the labelled speaker's or the post author's own words.
"""

from __future__ import annotations

import datetime as dt
import re

from tracker.dates import DateError, parse_date
from tracker.extraction.discourse import Discourse
from tracker.extraction.lexicon import INTERVIEWERS, NEWS_WORDS, ONE_OF_A_KIND, TITLE_SET, is_role
from tracker.extraction.records import Found, trim_span as _trim
from tracker.extraction.speakers import resolve_speaker

# ---------------------------------------------------------------------------- transcript lines


def outlet_label(label: str) -> bool:
    """'CTV News: "…?"': an outlet or body asking in a transcript (an acronym in it, or a news word last)."""
    words = label.split()
    return len(words) <= 3 and (any(len(w) >= 2 and w.isupper() for w in words)
                                or words[-1].lower() in NEWS_WORDS)


def reporter_at(outlet: str, before: str, state: Discourse) -> str:
    """'Q (AP):' after 'Zeke Miller of The Associated Press' (or 'CBS News' Ed O'Keefe'), 'COURIER:' after 'The
    Hillbrook Courier's reporter, Naomi Fell': the one person the article placed at that outlet (its name, a longer
    name it begins or ends, or the initials of one), else ''."""
    def names(written: str) -> bool:
        words = [w for w in written.split() if w.lower() != "the"]
        ends = [words[0].lower(), words[-1].lower()] if words else []
        return outlet.lower() in (" ".join(words).lower(), *ends) or \
            outlet == "".join(w[0] for w in words if w[:1].isupper())
    org = r"(?:[Tt]he )?[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,4}"
    hits = set()
    for p in state.people.values():
        if p.anonymous or p.gender == "n":
            continue
        name = re.escape(p.name)
        placed = rf"\b{name},? (?:of|from) (?P<at>{org})|(?P<own>{org})['’]s? (?:[a-z][\w-]*,? ){{0,3}}{name}\b"
        for m in re.finditer(placed, before):
            if names(m.group("at") or m.group("own")):
                # 'TIME's correspondent Eric Roe and its editor, Sam Poe': two of its people ask, the outlet's questions
                hits.update([p.name, ""] if _CO_ASKER.match(before, m.end()) else [p.name])
    return hits.pop() if len(hits) == 1 else ""


_CO_ASKER = re.compile(r",? and (?:(?:its|the|their|her|his) )?(?:[a-z][\w-]*,? ){0,4}[A-Z][\w'’-]+ [A-Z][\w'’-]+")


def body_label(label: str, state: Discourse) -> str:
    """'TIME:', 'The Economist:', 'SPIEGEL:' in an interview an outlet the article names conducted: that body
    as the article names it ('Der Spiegel' for 'SPIEGEL' after "DER SPIEGEL's editor"), else ''."""
    bare = re.sub(r"^the ", "", label.lower())
    named = [name for _, name, _ in state.bodies if re.sub(r"^the ", "", name.lower()) == bare
             or name.lower().endswith(" " + bare)]
    if not named:
        return ""
    name = max([*named, label], key=len)
    return name.title() if name.isupper() else name  # 'FOX NEWS:' is Fox News, as any label in capitals


def by_initials(label: str, before: str, state: Discourse) -> str:
    """'VZ:' after 'Volodymyr Zelensky:', 'TE:' after 'The Economist:', 'L.W.:' after 'Lally Weymouth': the one
    earlier label or person whose initials the label is, else ''."""
    raw = label.strip()
    if re.fullmatch(r"(?:[A-Z]\. ?){2,3}", raw):
        label = re.sub(r"[. ]", "", raw)
    if not re.fullmatch(r"[A-Z]{2,3}", label):
        return ""
    named = {m.group(1) for m in re.finditer(r"(?m)^\s*([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}):", before)}
    named |= {p.name for p in state.people.values() if not p.anonymous}
    def initials(name: str) -> str:
        return "".join(w[0] for w in name.split() if w[:1].isupper())

    hits = {n for n in named if initials(n) == label}
    if not hits and "." in raw:  # 'L.W.:' in a printed Q&A: a name written before it ('sat down with Lally Weymouth')
        hits = {n for n in re.findall(r"\b[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}\b", before) if initials(n) == label}
    return hits.pop() if len(hits) == 1 else ""


# who conducts an interview: 'an interview with CNBC's Christine Tan', 'was interviewed by Simon Shepherd', 'answered
# questions from the Sportsdesk's Malcolm Tyrie', 'spoke to the BBC's Laura Kuenssberg' or 'to Ann Lee of The Telegraph'
# (an outlet's person, not 'spoke to Zelensky'), 'Tan's questions', 'Naomi Fell put questions by email to', 'an interview … conducted by Bongani
# Madondo', 'Editor Ann Lee interviewed …'; and who
# examines a witness: 'cross-examined by Ann Lee', 'Ann Lee appears for the plaintiff'
_INTERVIEWER = re.compile(r"\b(?:interview(?:ed)? (?:with|by)|questions (?:from|by)|(?:cross-)?examined by|questioned by|"
                          r"interview[^.\n]{0,60}? conducted by)"
                          r" (?:(?:the )?(?:[A-Z][\w.&-]* )*"
                          r"[A-Z][\w.&-]*['’]s )?(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+)"
                          r"|\b(?:sat down|spoke|speaking|talking|talked) (?:with|to) (?:the )?(?:[A-Z][\w.&-]* )*"
                          r"[A-Z][\w.&-]*['’]s (?P<met>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+)"
                          r"|\b(?:[Ss]at down|[Ss]poke|[Ss]peaking|[Tt]alking|[Tt]alked)(?: on the phone)?(?: this week| today)? (?:with|to) "
                          r"(?P<of>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+) of (?:The |the )?[A-Z]"  # 'to Ann Lee of The Telegraph'
                          r"|\b(?P<own>[A-Z][\w'’-]+)['’]s questions\b"
                          r"|\b(?P<agent>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+),? (?:put|sent|emailed|submitted) "
                          r"(?:(?:the|these|her|his) )?questions\b"
                          r"|\b(?P<counsel>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+),? (?:appears|appeared|appearing) for\b"
                          r"|\b(?P<asker>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+) (?:interviewed|interviews)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|we|we're|my|our)\b|^\s*(?:Yes|No)\b", re.I)


def first_person(words: str) -> bool:
    """Words that speak for the speaker ('We are making progress', 'Yes, …'); narration speaks of others."""
    return bool(_FIRST_PERSON.search(words))


def unlabelled_turn(text: str, start: int, end: int, state: Discourse) -> Found | None:
    """An interview printed without labels ('Is that a done deal you think?' / 'I think that is a done deal.'):
    a paragraph without quote marks that asks the interviewee something ('you' in it, a question mark at its
    end) is the interviewer's, and the next paragraph, when it speaks in the first person or opens with yes or
    no, the interviewee's. The interviewer is the one the article says conducts the interview ('an interview with
    CNBC's Christine Tan', 'was interviewed by Simon Shepherd', 'Tan's questions'); the interviewee is the
    person the article made a subject first, else the one other person it named. Without an interviewer nothing is
    read."""
    para, due, state.reply_due = text[start:end], state.reply_due, ""
    if any(c in para for c in "\"“”"):
        return None
    if due:
        return Found(due, para.strip(), "direct", start, end, start, start, end, [(start, end)], False,
                     on_frame=True) if _FIRST_PERSON.search(para) else None
    nxt = re.match(r"\s*\n\s*([^\n]+)", text[end:])
    if not puts_to_you(para) or nxt is None \
            or any(c in nxt.group(1) for c in "\"“”") or not _FIRST_PERSON.search(nxt.group(1)):
        return None
    asker = named_interviewer(text, start, state)
    others = [p for p in state.people.values() if p is not asker and not p.anonymous and p.gender != "n"]
    firsts = [(min(o for o, subj in p.mentions if subj), p) for p in others if any(subj for _, subj in p.mentions)]
    if asker is None or not firsts and len(others) != 1:  # 'X sent questions to Y': Y, the one other person named
        return None
    state.reply_due = min(firsts, key=lambda t: t[0])[1].name if firsts else others[0].name
    return Found(asker.name, para.strip(), "direct", start, end, start, start, end, [(start, end)], False,
                 on_frame=True)


def interviewer_named(text: str, start: int = 0, end: int | None = None) -> str:
    """The last name `text[start:end]` gives as conducting an interview ('an interview with CNBC's Christine Tan',
    'was interviewed by Simon Shepherd', 'Tan's questions', 'Ann Lee interviewed …'), else ''."""
    named = [m[m.lastgroup] for m in _INTERVIEWER.finditer(text, start, len(text) if end is None else end)]  # one per shape
    return named[-1] if named else ""


def named_interviewer(text: str, before: int, state: Discourse):
    """The person the article last said conducts an interview before offset `before`, if it knows them."""
    name = interviewer_named(text, 0, before)
    return state.lookup(name) if name else None


def puts_to_you(words: str) -> bool:
    """A question put to the one it addresses: 'Will you resign?', 'Prime minister, is your plan dead?'."""
    return words.rstrip().endswith("?") and bool(re.search(r"\byou(?:r|rs|rself)?\b", words, re.I))


def label_speaker(label: str, state: Discourse, at: int) -> str:
    """Transcript labels ('TRUMP:', 'SECRETARY RUBIO:', 'FOX NEWS:', 'PRIME MINISTER:') at offset `at` -> a
    known person, else the label in title case."""
    bare = " ".join(w for w in label.split() if w.lower() not in TITLE_SET) or label
    person = state.lookup(label.title()) or state.lookup(label) or state.lookup(bare.title())
    words = label.split()
    if person is None and len(words) > 2 and is_role(" ".join(words[:-1]).lower()):
        person = state.lookup(words[-1].title())  # 'CHIEF CABINET SECRETARY SUGA:' is Suga, under his office
    if person is None and label.lower() in ONE_OF_A_KIND:  # 'MODERATOR:' after "moderator Marko Kovačević"
        titled = [p for p in state.people.values() if not p.anonymous and label.lower() in p.titles.split()]
        person = titled[0] if len(titled) == 1 else None
    if person is None and re.sub(r"^the ", "", label.lower()) in TITLE_SET:
        # 'PRIME MINISTER:' after "Prime Minister Scott Morrison": who holds the title
        person = state.by_title(re.sub(r"^the ", "", label.lower()), at)
    return person.name if person else body_label(label, state) or (label.title() if label.isupper() else label)


# labels that head a line but name no speaker ("BREAKING:", "WATCH LIVE:", "EDITOR'S NOTE:")
_NOT_SPEAKERS = {"breaking", "update", "updated", "watch", "live", "read", "more", "editor's", "editor’s", "note",
                 "correction", "related", "photo", "photos", "video", "exclusive", "analysis", "opinion", "see", "also"}


def transcript_line(text: str, start: int, end: int, state: Discourse) -> Found | None:
    """'RUBIO: Well, ultimately, yeah.', 'Welker: Will you run?' (a person the article named) or 'JOHN ROE
    (HOST): …' in an interview transcript: the labelled speaker's own words. 'Q:' is the interviewer's,
    'A:' the interviewee's."""
    asker = _Q_NAMED.match(text[start:end])  # "Q (Hiroshi Tanaka, Chubu Shimbun): Will the plant close?"
    if asker is not None:
        bs, be = _trim(text, start + asker.start("body"), end)
        who = " ".join(asker.group("who").split())
        if outlet_label(who) and "," not in asker.group(0).split(":")[0]:  # "Q (CBS):": its reporter, not the outlet
            who = reporter_at(who, text[:start], state) or "Reporter"
        return Found(who, text[bs:be], "direct", bs, be, start, start, end, [(bs, be)], False, on_frame=True)
    m = _LABEL_LINE.match(text[start:end]) or _QA_DOT.match(text[start:end]) or _HANSARD.match(text[start:end])
    role = _ROLE_LINE.match(text[start:end]) if m is None else None  # 'Spokesperson: …', 'Question: …'
    m = m or (role if role and role.group("label").lower() in _ROLE_LABELS | TITLE_SET else None)
    named = None if m else _NAME_LINE.match(text[start:end])
    if named is not None and state.person(named.group("label")) is None and not body_label(named.group("label"), state) \
            and not (state.lookup(named.group("label")) and not state.lookup(named.group("label")).anonymous):
        named = None
    m = m or named
    if not m:
        return None
    label = next(g for k, g in m.groupdict().items() if k != "body" and g).strip()  # the one name group that matched
    words = label.lower().split()
    # 'COURIER: …' in an interview the Hillbrook Courier's reporter conducted: that reporter's question
    reporter = reporter_at(label.title(), text[:start], state) if len(words) == 1 and label.isupper() else ""
    label = by_initials(label, text[:start], state) or label
    if not words or any(w in _NOT_SPEAKERS for w in words) or not (reporter or _is_label(label, state)):
        return None
    bs, be = _trim(text, start + m.start("body"), end)
    role = _interview_role(words, start, state, text)
    speaker = reporter or (label_speaker(label, state, start) if role is None else role)
    intro = _SELF_INTRO.match(text, bs, be) if speaker == "Reporter" else None
    speaker = intro.group("name") if intro else speaker  # 'Q: Sir, this is Jane Roe from Times Now. Are …?'
    if be - bs < 2 or not speaker:
        return None
    # the line's words are what was said: a day named in them ("in May") is not the day it was said
    return Found(speaker, text[bs:be], "direct", bs, be, start, start, end, [(bs, be)], False, on_frame=True)


# a reporter who gives their name and outlet before the question, as briefing transcripts print it
_SELF_INTRO = re.compile(r"(?:(?:Sir|Ma'am|Madam|Hi|Hello|Yes|Thanks|Thank you)[,.!]?\s+)*"
                         r"(?:(?:[Tt]his is|I am|I'm|[Mm]y name is)\s+)?"
                         r"(?P<name>(?!I\b|I'm\b)[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}),?\s+(?:from|of|with)\s+"
                         r"(?:the\s+)?[A-Z]")


def interviews(person) -> bool:
    """The article introduced this person as one who asks (a host, presenter, reporter …)."""
    return bool(INTERVIEWERS & set(person.titles.split()))


def _interview_role(words: list[str], at: int, state: Discourse, text: str) -> str | None:
    """'Q:' / 'QUESTION:' is the interviewer the article named (a host, presenter …, or the one it said conducts the
    interview: 'was interviewed by John Roe'), else a reporter;
    'A:' / 'ANSWER:' is whoever the first 'A:' line was: the last named person before it who is not that
    interviewer and was the subject of a sentence ('' when none is), not someone the questions name later."""
    if words not in (["q"], ["question"], ["a"], ["answer"]):
        return None
    hosts = [p for p in state.people.values() if not p.anonymous and interviews(p)]
    host = max(hosts, key=lambda p: max(o for o, _ in p.mentions), default=None) or named_interviewer(text, at, state)
    if words[0].startswith("q"):  # the one named as conducting it, even where the tagger did not take the name
        return host.name if host else interviewer_named(text, 0, at) or "Reporter"
    # never the one who asks: the host, a "Reporter" that a 'Q:' line made, or anyone introduced as an interviewer
    if state.answerer in state.people:
        return state.answerer
    named = [p for p in state.people.values() if not p.anonymous and p is not host and p.gender != "n"
             and p.name != "Reporter" and not interviews(p) and any(o < at for o, _ in p.mentions)]
    subjects = [p for p in named if any(subj and o < at for o, subj in p.mentions)]  # not a rival named in passing
    state.answerer = max(subjects or named, key=lambda p: max(o for o, subj in p.mentions if o < at and (
        subj or not subjects))).name if named else ""
    return state.answerer


# ---------------------------------------------------------------------------- embedded posts


_SIGNATURE = re.compile(
    r"[—–-]\s*(?P<author>[^()\n—–]+?)\s*\(@\w+\)\s*(?P<date>[A-Z][a-z]+\.? \d{1,2},? \d{4})\s*$")
_CAPS = "A-ZÀ-ÖØ-Þ"  # capitals, with the accented ones of Latin-1 ("MARCUS BÉLANGER:")
_LABEL_LINE = re.compile(rf"^\s*(?P<label>(?:Ma?c)?[{_CAPS}](?:[{_CAPS} .&'’-]|(?<= )Ma?c(?=[{_CAPS}])){{0,40}}?)"  # McCULLAGH
                         rf"(?:\s*\([\w .&'’-]{{1,30}}\))?:\s*(?P<body>.+)$")
_Q_NAMED = re.compile(r"^\s*(?:Q|QUESTION|Question)\s*\((?P<who>[A-Z][^,()]{1,60})(?:,[^()]*)?\):\s*(?P<body>.+)$")
_QA_DOT = re.compile(r"^\s*(?P<label>Q|A)\.\s+(?P<body>[A-Z\"“].+)$")  # "Q. Do you …?" / "A. Less than …"
_NAME_WORD = r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*"  # "Moreno", "Eze-Navarro", "O'Neill"
_ROLE_LINE = re.compile(r"^\s*(?P<label>[A-Z][a-z]+(?: [a-z]+)?):\s*(?P<body>.+)$")
# parliamentary records: 'Senator HARTLEY:', 'Mrs. Joanna Pratt (Northfield):', 'Mr Kofi Asante (Dunmore North) (Ind):',
# 'The Minister for Housing (Mr. David Ashworth):' (the name in brackets after a role)
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+)"
_HANSARD = re.compile(
    rf"^\s*(?:(?:Senator\s+|{_HONORIFIC})(?P<caps>[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)?)"
    rf"|{_HONORIFIC}(?P<full>{_NAME_WORD}(?: {_NAME_WORD}){{1,2}})\s*\([A-Z][\w ,.'’-]{{1,40}}\)"
    rf"(?:\s*\([A-Z][\w&.'’-]{{1,12}}\))?"  # and a party: 'Mr Kofi Asante (Dunmore North) (Ind):'
    rf"|(?:The )?[A-Z][\w ,'’-]{{2,60}}?\s*\({_HONORIFIC}?(?P<role>{_NAME_WORD}(?: {_NAME_WORD}){{1,2}})\)"
    rf"|{_HONORIFIC}(?P<named>{_NAME_WORD}(?: {_NAME_WORD}){{1,2}})):\s*(?P<body>.+)$")
_NAME_LINE = re.compile(rf"^\s*(?P<label>{_NAME_WORD}(?: {_NAME_WORD}){{0,2}}):\s*(?P<body>.+)$")


def post_signature(line: str) -> re.Match | None:
    return _SIGNATURE.search(line)


def post_statements(text: str, state: Discourse) -> list[Found]:
    """An embedded post ('… — Name (@handle) August 19, 2025'): its lines are the author's words,
    except transcript lines ('TRUMP: "…"'), which belong to the labelled speaker."""
    out = []
    for sig, block in post_blocks(text):
        author = resolve_speaker(sig.group("author"), sig.start(), state)
        try:
            day = parse_date(sig.group("date").replace(".", ""), today=dt.date.max)[0]
        except DateError:
            day = None
        for ls, le in block:
            out.extend(_post_line(text, ls, le, author, day, state))
    return out


def post_blocks(text: str) -> list[tuple[re.Match, list[tuple[int, int]]]]:
    """Each post signature with the post lines above it (and any text before the dash)."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    blocks = []
    for idx, (s, e) in enumerate(lines):
        sig = _SIGNATURE.search(text, s, e)
        if not sig:
            continue
        block = []
        j = idx - 1
        while j >= 0 and _looks_like_post(text[lines[j][0]:lines[j][1]]) and len(block) < 8:
            block.append(lines[j])
            j -= 1
        head = re.sub(r"(?:https?://|pic\.twitter\.com/)\S+", "", text[s:sig.start()]).strip()
        if head:
            block.append((s, s + len(text[s:sig.start()].rstrip())))
        blocks.append((sig, sorted(block)))
    return blocks


def _looks_like_post(line: str) -> bool:
    """Post lines are short and look like social media: labels, emoji, all-caps or quotes."""
    if len(line) > 280:
        return False
    return bool(_LABEL_LINE.match(line) or re.search(r"[\U0001F000-\U0001FFFF\u2600-\u27BF]", line)
                or re.match(r"^\s*[\"“]", line) or re.match(r"^\s*[A-Z]{4,}\b", line))


_ROLE_LABELS = {"reporter", "host", "interviewer", "moderator", "anchor", "question", "q", "a", "answer", "journalist",
                "correspondent", "presenter"}


def _is_label(label: str, state: Discourse) -> bool:
    """'FOX NEWS:', 'TRUMP:', 'REPORTER:', 'Spokesperson:' are speakers; 'BREAKING:' or 'CONFIRMED:' are not."""
    return len(label.split()) > 1 or label.lower() in _ROLE_LABELS | TITLE_SET or bool(state.lookup(label.title())) \
        or bool(body_label(label, state))


def _post_line(text: str, s: int, e: int, author: str, day, state: Discourse) -> list[Found]:
    line = text[s:e]
    stripped = re.sub(r"^[^\w\"“]+", "", line)
    offset = s + (len(line) - len(stripped))
    speaker, body_at = author, offset
    m = _LABEL_LINE.match(stripped)
    if m and _is_label(m.group("label"), state):
        speaker, body_at = label_speaker(m.group("label"), state, offset), offset + m.start("body")
    bs, be = _trim(text, body_at, e)
    while bs < be and text[bs] in "\"“":
        bs += 1
    while be > bs and text[be - 1] in "\"”:":
        be -= 1
    if be - bs < 3:
        return []
    return [Found(speaker, text[bs:be], "direct", bs, be, s, s, e, [], False, day)]
