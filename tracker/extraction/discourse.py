"""What an article has said so far about who is who: the people and unnamed sources it has named, with
their titles, gender and mentions, so that a later title, surname, role or pronoun resolves to one of
them (`speakers.py` reads the text; this is the state it keeps)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import product

from tracker.extraction.lexicon import (ANON_HEADS as _ANON_HEADS, DETERMINERS as _DETERMINERS, FEMALE_FIRST_NAMES,
                                        GROUP_HEADS, NOT_IN_NAMES, ONE_OF_A_KIND, ORG_HEADS as _ORG_HEADS, PARTICLES,
                                        QUESTIONER_HEADS as _QUESTIONER_HEADS, PUT_TO_YOU, cue_sex, first_name_gender,
                                        first_name_sure, role_name, title_matches)
from tracker.extraction.holders import offices_held
from tracker.extraction.people import middle_dropped
from tracker.extraction.records import Found

@dataclass
class Person:
    name: str
    titles: str = ""  # lower-cased words introducing the name ("british prime minister")
    gender: str = ""  # "m" | "f" | "" (unknown) | "n" (a body: Downing Street, the Kremlin) | "p" (unnamed people)
    mentions: list[tuple[int, bool]] = field(default_factory=list)  # (offset, was a subject)
    anonymous: bool = False  # a role without a name ('Downing Street spokesperson'), never a surname
    guessed: bool = False  # the gender comes from the first-name counts only, not from the article
    sure: bool = False  # … counts that leave little doubt (lexicon.SURE_SHARE)
    described: bool = False  # someone described, not named ('a shopkeeper'): only a pronoun's last resort
    aka: str = ""  # a nickname the article gave inside the name ('Jokowi'), which names them alone

    def add_title(self, title: str) -> None:
        if title and title not in self.titles:
            self.titles = f"{self.titles} | {title}".strip(" |")

    def focus(self, offset: int) -> None:
        """The subject of what is said at `offset`: in focus for the pronouns and titles after it."""
        self.mentions.append((offset, True))


class Discourse:
    """People met so far, so later titles, surnames and pronouns can be resolved."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.open_quote: Found | None = None  # a quote left unclosed at the end of a paragraph
        self.named_roles: dict[str, str] = {}  # role head ("spokesman") -> the person it turned out to be
        self.bodies: list[tuple[int, str, str]] = []  # named organisations: (offset, name, the words around it)
        self.body_subjects: set[int] = set()  # offsets of the named organisations that are a sentence's subject
        self.offices: list[tuple[int, str, str]] = []  # (offset, head, phrase): 'the Russian embassy', for 'the embassy'
        self.last_quote: Found | None = None  # the last direct quote, and the last question, for bare Q/A paragraphs
        self.last_question: Found | None = None
        self.askers: set[str] = set()  # who put a question, quoted or reported: never the one replying
        self.examiners: set[str] = set()  # who the article says put a question to someone it names
        self.para_start, self.para_end, self.para_text = 0, 0, ""  # the paragraph being read: a role may be named later in it
        self.floor = 0  # where the live blog entry being read begins: the last person in focus is named after it
        self.in_full: dict[str, str] = {}  # surname (or a body's initials) → the full name the article gives somewhere
        self.held = offices_held(None)  # a name → the offices its bearer held on the article's day
        self.sentence_starts: list[int] = []  # where the paragraph's sentences begin
        self.last_line: Found | None = None  # the last transcript line, which an unlabelled next line continues
        self.last_speaker = ""  # who made the last statement of the paragraphs read so far
        self.answerer = ""  # who the transcript's 'A:' lines are
        self.reply_due = ""  # who the next paragraph is, after an unlabelled printed question put to them
        self.introduced = ""  # who a paragraph ending 'Macron posted:' hands the next, unquoted paragraph to

    def register(self, name: str, titles: str, offset: int, subject: bool) -> Person:
        name = " ".join(name.split())
        person = self.lookup(name, titles) if len(name.split()) == 1 else self.people.get(name) or next(
            (p for p in self.people.values() if not p.anonymous  # 'Sushil Modi', 'Le Pen' after the name in full
             and (middle_dropped(name, p.name) or p.name.endswith(" " + name))), None)
        if person is None:  # a longer name that extends a known one ("Donald Trump" after "Trump") replaces it
            person = next((p for p in self.people.values() if len(name.split()) > 1 and not p.anonymous
                           and (name.endswith(" " + p.name) or middle_dropped(p.name, name))), None)
            if person is not None:
                del self.people[person.name]
                person.name = name
            person = person or Person(name)
            self.people[name] = person
        person.add_title(titles)
        if not person.gender:
            if (sex := cue_sex(titles.split())) == "f" or name.split()[0].lower() in FEMALE_FIRST_NAMES:
                person.gender = "f"
            elif sex == "m":
                person.gender = "m"
            else:
                person.gender = first_name_gender(name)
                person.guessed = bool(person.gender)
                person.sure = person.guessed and first_name_sure(name)
        person.mentions.append((offset, subject))
        return person

    def person(self, name: str) -> Person | None:
        """The named person (not an unnamed role) met under exactly this name."""
        return None if (p := self.people.get(name)) is None or p.anonymous else p

    def name_role(self, name: str, para_start: int, before: int) -> None:
        """'His spokesman was more guarded. "…," Dmitry Peskov said': a person named for the first time right
        after an unnamed role was the subject in the same paragraph is that role; later mentions of the role
        ('the Kremlin spokesman') are them."""
        person = self.person(name)
        if person is None or min((o for o, _ in person.mentions), default=-1) < para_start:
            return
        roles = [p for p in self.people.values() if p.anonymous and any(para_start <= o < before and s for o, s in p.mentions)
                 and min(o for o, _ in p.mentions) >= para_start]
        if len(roles) != 1:
            return
        role = roles[0]
        self.named_roles[role.name.lower().split()[-1]] = name
        del self.people[role.name]
        person.mentions.extend(role.mentions)

    def anonymous(self, phrase: str, offset: int) -> str:
        """An unnamed source as a role ('a Downing Street spokesperson' -> 'Downing Street spokesperson'); 'the
        spokesperson' is the last such role introduced. Roles stay in focus: 'he said' can be the spokesman; a plural
        one ('officials with knowledge of the talks', whose role has 'official') is never 'he' or 'she'."""
        role = self.earlier_role(phrase, offset) or role_name(phrase)
        head = role.lower().split()[-1] if role.split() else ""
        if phrase.lower().split()[0] in {"the", "that", "this"} and self.named_roles.get(head) in self.people:
            named = self.people[self.named_roles[head]]  # "the Kremlin spokesman", after he was named
            named.focus(offset)
            return named.name
        plural = any(w != k and w.endswith("s") for w, k in zip(phrase.lower().split()[::-1], role.lower().split()[::-1]))
        person = self.people.get(role)
        if person is None:
            gender = "p" if plural else "f" if head.endswith("woman") else "m" if head.endswith("man") else ""
            person = self.people[role] = Person(role, gender=gender, anonymous=True)
        elif person.gender == "p" and not plural:
            person.gender = ""  # 'officials …', then 'an official'
        person.focus(offset)
        return role

    def earlier_role(self, phrase: str, offset: int) -> str:
        """'the spokesperson', 'the friend': the last unnamed source introduced whose role ends with these words
        ('a Downing Street spokesperson', 'the prime minister's press secretary') or is one around someone ('a friend
        of Fallon')."""
        words = phrase.lower().split()
        if not words or words[0] not in {"the", "that", "this"} or len(words) < 2 or "'s" in phrase or "’s" in phrase:
            return ""
        tail = " ".join(words[1:])
        earlier = [p for p in self.people.values() if p.anonymous and _last_mention(p, offset) >= 0
                   and re.match(rf"(?:.*\s)?{re.escape(tail)}$|{re.escape(tail)} of ", p.name.lower())]  # 'Friend of X'
        return max(earlier, key=lambda p: _last_mention(p, offset)).name if earlier else ""

    def lookup(self, name: str, titles: str = "") -> Person | None:
        """Full name from a surname or first name already met ("Trump", "Sir Keir"); `titles`: those written with it."""
        clean = " ".join(w for w in name.split() if w.lower().strip(".") not in NOT_IN_NAMES)  # 'Tuesday Mrs May'
        if not clean:
            return None
        if clean in self.people:
            return self.people[clean]
        key = clean.lower()
        named = [p for p in self.people.values() if not p.anonymous]
        hits = [p for p in named if p.name.lower().endswith(" " + key) or p.aka.lower() == key]
        if not hits and " " not in clean:
            hits = [p for p in named if key in re.sub(r"\b(?:al|el|ad|ar|as|ash|at|az)-", "", p.name.lower()).split()]  # Sisi
        if len({p.name for p in hits}) > 1:  # one surname, two people: of the sex a title gives ('Mrs. Morgan'), then
            # the one met first ('Sara Duterte … her father') among those ever a subject (not a Gandhi named in passing)
            sex = cue_sex(f"{titles} {name}".lower().split())
            hits = [p for p in hits if sex and p.gender == sex] or hits
            hits = [p for p in hits if any(subj for _, subj in p.mentions)] or hits
            return min(hits, key=lambda p: min((o for o, _ in p.mentions), default=1 << 60))
        return max(hits, key=_last_mention) if hits else None

    def body_since(self, person: Person | None, offset: int, *, proper: bool) -> str:
        """The organisation named last before `offset`, if it was named after `person` was last mentioned ('' if
        not), preferring the last one that was a sentence's subject ('The Kasumi Club, the press club of the
        Foreign Ministry, … "…," the statement said' is the club's); `proper`: only a capitalised name counts
        ("the Ministry of Defence", not "the navy")."""
        at = max((o for o, _ in person.mentions if o < offset), default=-1) if person else -1
        named = [(o, name) for o, name, _ in self.bodies if at < o < offset and (name[:1].isupper() or not proper)]
        last = max([b for b in named if b[0] in self.body_subjects] or named, default=(-1, ""))
        return last[1]

    def acronym(self, word: str) -> str:
        """'EFF': the one body named earlier whose initials these are ('Economic Freedom Fighters'); '' for none."""
        names = ({n for _, n, _ in self.bodies} | {p.name for p in self.people.values() if p.gender == "n"}
                 if re.fullmatch(r"[A-Z]{2,6}", word) else set())  # only initials can be initials
        hits = {n for n in names if "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", n)) == word and n != word}
        return hits.pop() if len(hits) == 1 else self.in_full.get(word, "") if re.fullmatch(r"[A-Z]{2,6}", word) else ""

    def by_title(self, phrase: str, before: int) -> Person | None:
        """'the Prime Minister' -> the last person introduced with that title, or who held it that day."""
        words = [w for w in phrase.lower().replace("-", " - ").split() if w not in _DETERMINERS
                 and w not in {"outgoing", "former", "new", "then", "incoming"}]
        role = " ".join(words).replace(" - ", "-")
        held = [p for p in self.people.values() if _last_mention(p, before) >= 0 and title_matches(role, self.titles_of(p))]
        return max(held, key=lambda p: _last_mention(p, before), default=None)

    def titles_of(self, p: Person) -> str:
        """Every title `p` answers to, '|'-joined: those the article gives them and the offices they held that day."""
        return " | ".join(filter(None, (p.titles.lower(), self.held(p.name))))

    def one_host(self, before: int) -> Person | None:
        """'The interviewer, Jane Doe, … "…?" the anchor asked': the one person introduced before `before` as
        interviewer, host, anchor, presenter or moderator, whichever of those words the article uses later."""
        hosts = [p for p in self.people.values() if not p.anonymous and ONE_OF_A_KIND & set(p.titles.lower().split())
                 and _last_mention(p, before) >= 0]
        return hosts[0] if len(hosts) == 1 else None

    def one_asker(self, before: int) -> Person | None:
        """The one named person who put a question before `before` (the last quoted question's asker among them:
        '"How?" Nick Ferrari asked. … The presenter was not satisfied'), if there is just one."""
        asked = {self.last_question.speaker} if self.last_question is not None else set()
        named = [self.people[n] for n in self.askers | self.examiners | asked if n in self.people]
        named = [p for p in named if not p.anonymous and _last_mention(p, before) >= 0]
        return named[0] if len(named) == 1 else None

    def faced(self, before: int) -> Person | None:
        """'… when she faced Andrew Neil on BBC One. The interviewer told her': the one person the paragraph
        named only as an object so far, who is then the interviewer (or host, moderator …)."""
        seen = [p for p in self.people.values() if not p.anonymous and p.gender != "n"
                and any(self.para_start <= o < before for o, _ in p.mentions)]
        objects = [p for p in seen if not any(self.para_start <= o < before and s for o, s in p.mentions)
                   and any(_FACING.search(self.para_text[max(0, o - self.para_start - 60):o - self.para_start])
                           for o, _ in p.mentions if self.para_start <= o < before)]
        return objects[0] if len(objects) == 1 else None

    def recent(self, before: int, *, gender: str = "", subject_first: bool = True, anonymous: bool = False) -> Person | None:
        """Most recent person (subjects first) of a compatible gender before `before` (`anonymous`: only unnamed)."""
        def ok(p):  # gender "u": only people whose gender is unknown
            if anonymous or p.described:
                return anonymous and p.anonymous and p.gender in (gender, "")
            if gender == "u":
                return p.gender == "" and not p.anonymous
            return not gender or p.gender == gender or (gender == "m" and p.gender == "" and not _SEVERAL.match(p.name))

        floors = (self.floor, 0) if 0 < self.floor < before else (0,)  # a live blog's entry first, then all before it
        for floor, want_subject in product(floors, (True, False) if subject_first else (False,)):
            best, best_at = None, -1
            for p in self.people.values():
                if not ok(p):
                    continue
                at = max((o for o, subj in p.mentions if floor <= o < before and (subj or not want_subject)), default=-1)
                if at > best_at:
                    best, best_at = p, at
            if best:
                return best
        return None

    def asks(self, p: Person) -> bool:
        """The article has this person questioning others (an interviewer, a reporter), not answering them (a
        summit's host is no interviewer: titles alone do not say it)."""
        q = self.last_question  # or put the last quoted question to "you"
        return p.name in self.examiners or (q is not None and q.speaker == p.name and bool(PUT_TO_YOU.search(q.text)))

    def recent_answering(self, before: int, besides: Person | None = None) -> Person | None:
        """The named person mentioned last before `before` who does not put questions (nor is `besides`)."""
        people = [p for p in self.people.values() if not p.anonymous and not p.described and p.gender != "n"
                  and not self.asks(p) and p is not besides and _last_mention(p, before) >= 0]
        return max(people, key=lambda p: _last_mention(p, before), default=None)

    def pronoun(self, gender: str, offset: int) -> Person | None:
        """Who 'he' / 'she' (gender "m" / "f") at `offset` is; with no woman known yet, "she" is someone whose
        gender the article never gave, never the bare pronoun."""
        here = self.recent(offset, gender="u")
        p = self.recent(offset, gender=gender) or here
        if p is not None and here is not None and here is not p and last_subject(p, offset) < self.para_start \
                <= last_subject(here, offset):
            p = here  # 'Judge Birgitte Holm intervened. "…?" she said.': this paragraph's subject of unknown gender
        elif p is not None and here not in (None, p) and last_subject(p, offset) < 0 <= last_subject(here, offset):
            p = here  # 'Bash opened … before Kamala Harris picked him. "…," she said': a subject over a mention
        elif p is not None and here not in (None, p) and here.name == self.last_speaker and offset - self.para_start < 9 \
                and last_subject(p, offset) < last_subject(here, offset) and p.name not in self.askers:
            p = here  # '"…," Mensa said. / She said that …': the last to speak, whose gender was never given
        if p is not None and last_subject(p, offset) < self.para_start:
            p = self.named_before_here(offset, gender) or p  # 'Then it was the turn of Tom Brown. He began …'
        p = self.last_sentence_subject(offset, gender, p)
        # over someone last named in an earlier paragraph; with no one else it could be, from any paragraph
        guess = self.guessed_here(offset, gender) or (
            self.guessed_here(offset, gender, anywhere=True) if p is None else None)
        # no one named fits: someone described and not named, the last subject ('A shopkeeper … described the panic.
        # "…," she said')
        p = p or (None if guess else self.recent(offset, gender=gender, anonymous=True))
        if guess is not None and (p is None or _last_mention(p, offset) < self.para_start):
            p, guess.gender, guess.guessed = guess, gender, False  # the article's "she" over the guess
        if p is not None and not p.gender and not p.anonymous:
            p.gender = gender  # "she" was this woman: a later "he" is someone else
        return p

    def last_sentence_subject(self, offset: int, gender: str, p: Person | None) -> Person | None:
        """'Green Leader Annamie Paul seized on the moment. "…," she said.': the last subject of this paragraph
        after `p` was last one, in an earlier sentence, whose gender the article never gave or only a name's
        counts guessed otherwise, over `p`."""
        if p is None:
            return p
        since = max(self.para_start, last_subject(p, offset) + 1)
        last = max(((o, q) for q in self.people.values() if not q.anonymous for o, subj in q.mentions
                    if subj and since <= o < offset), key=lambda t: t[0], default=(-1, None))[1]
        at = last_subject(last, offset) if last is not None else -1
        if last is None or last is p or at < since or not re.search(r"[.!?][\"”’]?\s", self.para_text[
                at - self.para_start:offset - self.para_start]) or not (  # 'Egede, she said, …' is not Egede
                not last.gender or last.guessed and not last.sure and last.gender != gender):
            return p
        last.gender, last.guessed = gender, False
        return last

    def named_before_here(self, offset: int, gender: str) -> Person | None:
        """The one person of a fitting gender this paragraph named in a sentence before the one at `offset`,
        if there is just one: a pronoun opening a new paragraph's story is theirs, not the subject of an
        earlier paragraph ('Asked about Tom Brown, he said' names Brown in the pronoun's own sentence)."""
        sentence = max((s for s in self.sentence_starts if s <= offset), default=self.para_start)
        named = [p for p in self.people.values() if not p.anonymous and p.gender == gender and len(p.name.split()) > 1
                 and any(self.para_start <= o < sentence for o, _ in p.mentions)]
        if len(named) != 1:
            return None
        first = min(o for o, _ in named[0].mentions if o >= self.para_start)
        upto = min((s for s in self.sentence_starts if s > first), default=self.para_end)  # the end of its sentence
        if re.search(_SAME_PRONOUN[gender], self.para_text[:first - self.para_start]) or \
                re.search(_SUBJECT_PRONOUN[gender], self.para_text[first - self.para_start:upto - self.para_start]):
            return None  # 'He was asked whether he considered Putin an enemy. "…," he answered.': the chain goes on
            # (but 'Ivanka Trump distanced herself' or 'reminded Jen Psaki that she' is hers)
        return named[0]

    def guessed_here(self, before: int, gender: str, anywhere: bool = False) -> Person | None:
        """This paragraph's (or, `anywhere`, the article's) last subject whose gender only the first-name counts
        gave, and gave otherwise ('Jess Phillips, the Labour MP, … "…," she said': Jess is mostly a man's name in
        the US counts; 'Enda Kenny spoke. / He said …' where no man was named). Within the paragraph, a name the
        counts leave little doubt about (Peter) is no guess to overrule: 'she' is the woman named before."""
        here = [(o, p) for p in self.people.values() if p.guessed and p.gender != gender and (anywhere or not p.sure)
                for o, subj in p.mentions if subj and (anywhere or self.para_start <= o) and o < before]
        return max(here, key=lambda t: t[0])[1] if here else None

    def named_since(self, person: Person, offset: int) -> bool:
        """Was anyone else named since `person` was last a subject before `offset` (or was `person` never one)?"""
        since = max((o for o, subj in person.mentions if subj and o < offset), default=-1)
        return since < 0 or any(since < o < offset for p in self.people.values() if p is not person and not p.anonymous
                   for o, _ in p.mentions)

    def introduced_after(self, offset: int) -> Person | None:
        """The first person the rest of the paragraph names for the first time, as a subject ('"…," the transport
        minister said. Ana Ruiz, who took office in May, added …'); None if that first newcomer is no subject."""
        firsts = [(min(o for o, _ in p.mentions), p) for p in self.people.values()
                  if p.mentions and not p.anonymous and p.gender != "n" and len(p.name.split()) > 1]
        later = sorted(((o, p) for o, p in firsts if offset < o < self.para_end), key=lambda t: t[0])
        return later[0][1] if later and (later[0][0], True) in later[0][1].mentions else None

    def full_name(self, speaker: str) -> str:
        """A one-word speaker ('Albanese') as the one full name in the article that ends or starts with
        it, and a body ('Security Council') as the one body named in full with those last words ('UN Security
        Council'), and an acronym ('BOJ') as the one body it spells ('Bank of Japan'), wherever that name
        appears; otherwise as it is."""
        words = speaker.lower().split()
        if len(words) >= 2 and words[0] in PARTICLES:  # "De Blasio" after "Bill de Blasio", "De la Garza"
            hits = {p.name for p in self.people.values() if len(p.name.split()) > len(words) and not p.anonymous
                    and p.mentions and p.name.lower().split()[-len(words):] == words}  # not one met only in a quote
            return hits.pop() if len(hits) == 1 else speaker
        if speaker.isupper() and 2 <= len(speaker) <= 6 and speaker.isalpha():
            # "the BOJ said" after "the Bank of Japan": the one body whose words' initials spell it
            spelt = {name for _, name, _ in self.bodies if len(name.split()) == len(speaker) and " and " not in name
                     and "".join(w[0] for w in name.split()).upper() == speaker}
            if len(spelt) == 1:
                return spelt.pop()
        if speaker not in self.people:
            # "the Security Council" after "the UN Security Council": the one body named in full with these last words
            longer = {name for _, name, _ in self.bodies if len(name.split()) > len(words) and " and " not in name
                      and name.lower().split()[-len(words):] == words}  # a group ("X and Y") is not a name in full
            if len(longer) == 1:
                return longer.pop()
        if len(words) != 1:
            # "López Obrador" after "Andrés Manuel López Obrador": the one person whose name ends with these words
            ends = {p.name for p in self.people.values() if len(p.name.split()) > len(words) and not p.anonymous
                    and p.mentions and (p.name.lower().split()[-len(words):] == words  # not a name met only in a quote
                                        or middle_dropped(speaker, p.name))}  # 'Sushil Modi'
            return ends.pop() if len(ends) == 1 else speaker
        key = words[0]
        hits = {p.name for p in self.people.values() if len(p.name.split()) > 1 and not p.anonymous
                and key in (p.name.lower().split()[0], p.name.lower().split()[-1])}
        return hits.pop() if len(hits) == 1 else speaker

    def kind(self, speaker: str) -> str:
        """person / organisation / anonymous: a role without a name ('Senior official', 'allies of X') is
        anonymous; a body ('Downing Street', 'Ministry of Defence') or any other unnamed speaker the
        article never introduced as a person is an organisation."""
        low = speaker.lower()
        head = re.split(r"\s(?:in|at|from|of|for|with|close to|familiar with)\s", low)[0].split()
        last = low.split()[-1] if low.split() else ""  # "Ministry of Defence spokeswoman", "X's spokesman"
        if ("familiar with" in low or "close to" in low or last in _ANON_HEADS
                or (head and head[-1] in _ANON_HEADS | _QUESTIONER_HEADS
                    | {"allies", "ally", "people", "ministers", "members"})):
            return "anonymous"
        person = self.people.get(speaker)
        if person is not None:
            return "organisation" if person.gender == "n" else "person"
        if low.split() and low.split()[-1] in _ORG_HEADS:
            return "organisation"
        return "person" if self.lookup(speaker) else "organisation"


# puts the person named next across from the subject ('she faced Andrew Neil'; not 'reminding him that X had …')
_FACING = re.compile(r"(?i)\b(?:faced?|facing|with|to|by|told|tells|joined|against|before)\s+(?:[\w.'’-]+\s+){0,3}$")
_SAME_PRONOUN = {"m": r"(?i)\b(?:he|him|his|himself)\b", "f": r"(?i)\b(?:she|her|hers|herself)\b"}
_SUBJECT_PRONOUN = {g: r"(?is)^(?:(?!\b(?:that|whether|if|as|when|while|because)\b).)*?\b%s\b" % w for g, w in zip("mf", ("he", "she"))}
_SEVERAL = re.compile(r"(?i)(?:[\w-]+ ){0,2}?(?:%s)\b" % "|".join(sorted(w for w in _ANON_HEADS | GROUP_HEADS if w.endswith("s"))))


def _last_mention(p: Person, before: int = 1 << 60) -> int:
    return max((o for o, _ in p.mentions if o < before), default=-1)


def last_subject(p: Person, before: int) -> int:
    return max((o for o, subj in p.mentions if subj and o < before), default=-1)
