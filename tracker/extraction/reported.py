"""Statements in the writer's words (reported speech, descriptions of positions):
found in spaCy's dependency parse, since no quote marks set them off.
"""

from __future__ import annotations

import re

from tracker.extraction.lexicon import AUDIENCES, CONCESSIVES, CONVENED, DESCRIPTION_PATTERNS, REPORT_LEMMAS, SAYING, TIME_NOUNS
from tracker.extraction.clauses import (after_comma, asked_about, inside_question, names_a_thing, not_yet_said,
                                        own_clause, parenthetical, said_on_a_noun, that_clauses, wh_object)
from tracker.extraction.records import Found
from tracker.extraction.discourse import Discourse
from tracker.extraction.subjects import speaker_of
from tracker.extraction.misparses import verb_read_as_adjective

# ---------------------------------------------------------------------------- vocabulary

_NOT_CONTENT_DEPS = {"punct", "cc", "conj", "nsubj", "nsubjpass", "aux", "auxpass", "neg", "mark", "advcl",
                     "npadvmod", "prt", "dep"}

_DESCRIPTION = re.compile("|".join(f"(?:{p})" for p in DESCRIPTION_PATTERNS), re.I)
# a concessive right before a description sets it against the same speaker's statement in its sentence
_CONCESSIVE_START = re.compile(r"(?:%s)\b" % "|".join(CONCESSIVES), re.I)
_CONTRAST = re.compile(r"\b(?:%s)\s+(?:(?:having|he|she|they|had|has|have|was|were|earlier|previously|once|just)\s+){0,3}$"
                       % "|".join(CONCESSIVES), re.I)
# 'though he defended the delay' concedes at the same time; 'though he had once defended it' looks back
_CONCURRENT = re.compile(r"\b(?:although|though)\s+(?!(?:\w+\s+){0,2}(?:having|had|earlier|previously|once)\b)", re.I)


# ---------------------------------------------------------------------------- reported speech


def find_reported(doc, base: int, state: Discourse, in_quote, direct_spans, already: list[Found]) -> list[Found]:
    out: list[Found] = []
    taken: list[tuple[int, int]] = []
    overrides: dict[int, str] = {}  # verb index -> speaker, for verbs the parser attached too deep
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or in_quote(tok.idx):
            continue
        lemma = tok.lemma_.lower()
        made_clear = lemma == "make" and any(c.lower_ == "clear" for c in tok.children)
        clause_only = lemma == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children) or lemma in (
            "shoot", "hit", "fire") and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children)
        request = _is_request(tok)
        put_to = _put_it_to(tok)  # "put it to her that …"
        if clause_only or lemma in ("remind", "concede"):  # "pointed out that the case was in court", "shot back that …", "reminded
            # him that …": a clause only ("pointed out the flaws", "reminded her of her record", "conceded some ground")
            if not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
                continue
        elif lemma not in REPORT_LEMMAS and not made_clear and not request and put_to is None:  # "ruled out X": a description
            continue
        if lemma == "call" and not request and (not any(c.dep_ in ("dobj", "ccomp", "oprd") for c in tok.children)
                                                or any(c.dep_ == "prt" for c in tok.children) or _called_no_words(tok)
                                                or names_a_thing(tok)):
            continue  # "called off its strike": an act; "called a snap election": convened; "what X called Y": a name
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in {"refuse", "decline"}:
            continue  # "refused to say ..." is a description
        if not_yet_said(tok):
            continue  # "is expected to announce new measures", "will say that …": nothing said yet
        aside = parenthetical(tok)
        if aside is not None:  # "The plan, she said, would fail": the sentence around the attribution
            (lo, cut_lo), (cut_hi, hi) = aside
            colon = doc.text.rfind(": ", lo, cut_lo)  # 'X turned it around: Putin, he said, is …'
            lo = colon + 2 if colon >= 0 else lo
            speaker = speaker_of(tok, base, state)
            about = next((state.lookup(c.text) for c in tok.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
            if about is not None and about.name == speaker:
                continue  # 'Putin, he said, is afraid': 'he' is never the one the clause is about
            if speaker and not any(base + lo < de and ds < base + hi for ds, de in direct_spans):
                sent = tok.sent
                out.append(Found(speaker, f"{doc.text[lo:cut_lo]} {doc.text[cut_hi:hi]}", "reported", base + lo,
                                 base + hi, base + tok.idx, base + sent.start_char, base + sent.end_char,
                                 [(base + lo, base + hi)], tok.tag_ in ("VBZ", "VBP")))
                taken.append((base + lo, base + hi))
            continue
        content = put_to if put_to is not None else _content_span(tok, made_clear, request)
        if content is None or any(c.dep_ == "ccomp" and c.i < tok.i and in_quote(c.idx) for c in tok.children):
            continue  # nothing said, or what was said is the quote before ('"…," a diplomat confirmed, also on …')
        content = _cut_at_sibling_report(tok, content, overrides)
        if lemma not in _DENYING and wh_object(tok, content):
            continue  # "explained what he had meant": what was said is not given
        if lemma in _DENYING or any(c.dep_ == "neg" for c in tok.children):
            # "denied that war plans were shared", "would not confirm that …": the words negate the clause
            first = min([c.i for c in tok.children if c.dep_ in ("aux", "neg") and c.i < tok.i] + [tok.i])
            content = (tok.doc[first].idx, content[1])
        s, e = base + content[0], base + content[1]
        if any(ds <= s < de for ds, de in direct_spans):
            continue  # the clause is a quote: handled as direct speech
        clip = min([ds for ds, _ in direct_spans if s < ds < e], default=e)
        if clip < e:  # "urged voters to reject X: \"…\"": the quote is its own statement
            e = clip
            while e > s and doc.text[e - base - 1] in " :;,\"“":
                e -= 1
            content = (content[0], e - base)
        if inside_question(tok):
            continue  # inside a question put to someone, not a claim
        if any(ts <= base + tok.idx < te for ts, te in taken):
            continue  # nested inside another reported clause ("confirmed that Trump ruled out ...")
        speaker = overrides.get(tok.i) or speaker_of(tok, base, state)
        if not speaker:
            continue
        overrides.update({k: speaker for k, v in overrides.items() if v == ""})
        content = _close_quote(doc.text, content)
        text, e = doc.text[content[0]:content[1]], base + content[1]
        if len(text.split()) < 2:
            continue
        sent = tok.sent
        present = tok.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lower_ not in ("has", "have")
                                                     for c in tok.children)
        clauses = that_clauses(doc, content)  # "said A and that B": two claims
        for c in tok.children:  # "said it did, but that ministers would …": the parser joined B to the verb
            if c.dep_ == "conj" and c.i > tok.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                clauses.append(_close_quote(doc.text, _span_of(c)))
                taken.append((base + clauses[-1][0], base + clauses[-1][1]))
        for lo, hi in clauses:
            if len(doc.text[lo:hi].split()) >= 2:
                out.append(Found(speaker, doc.text[lo:hi], "reported", base + lo, base + hi, base + tok.idx,
                                 base + sent.start_char, base + sent.end_char, [(s, e)], present))
        taken.append((s, e))
    return out


def _put_it_to(verb) -> tuple[int, int] | None:
    """'Reporters put it to her that the move made her look weak': the span of the clause put, else None."""
    if verb.lemma_.lower() != "put" or not any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children) \
            or not any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in verb.children):
        return None
    put = next((c for c in verb.children if c.i > verb.i and (c.dep_ == "ccomp" or c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in c.children))), None)
    if put is not None:
        return _span_of(put)
    # 'When Ruiz put it to her that …, Vasquez laughed': parsed with the clause as the head of 'put'
    head = verb.head if verb.dep_ == "advcl" and verb.head.i > verb.i else None
    mark = next((m for m in head.children if m.dep_ == "mark" and m.lower_ == "that" and m.i > verb.i), None) \
        if head is not None else None
    return _trim_tokens(verb.doc, mark.i + 1, _right_edge(head)) if mark is not None else None


_REQUEST_LEMMAS = {"ask", "invite", "call", "encourage", "implore", "beg", "plead"}


def _called_no_words(verb) -> bool:
    """'called the press conference at Parliament House': the one thing called is an event, named plainly;
    'had not yet called the family', 'called Merkel on Friday': someone phoned."""
    rights = [c for c in verb.rights if c.dep_ not in ("punct", "cc", "conj", "prep", "advmod", "advcl", "npadvmod")]
    named = [c for c in verb.rights if c.dep_ not in ("punct", "cc", "conj", "prep", "advmod", "advcl")
             and not (c.dep_ == "npadvmod" and c.lemma_.lower() in TIME_NOUNS)]
    after = rights[0].right_edge.i + 1 if rights else 0  # a quote the parse hung elsewhere ('called Puerto Rico "…"')
    if len(rights) != 1 or rights[0].dep_ not in ("dobj", "oprd") or any(t.is_quote for t in verb.subtree if t.i > verb.i) \
            or after < len(verb.doc) and verb.doc[after].is_quote:
        return False
    return rights[0].lemma_.lower() in CONVENED or len(named) == 1 and (
        rights[0].lower_ == "family" or rights[0].pos_ in ("PROPN", "PRON")) and not any(
        c.dep_ == "appos" for c in rights[0].children)  # 'calling Zelensky a dictator': a name called


def _is_request(verb) -> bool:
    """'asked the attorney general to investigate', 'called on supporters to take to the streets': someone
    asked to act is told what the speaker wants (a question, 'asked him whether …', is not one)."""
    if verb.lemma_.lower() not in _REQUEST_LEMMAS or any(c.dep_ == "ccomp" for c in verb.children):
        return False
    wants = any(_infinitive(c) for c in verb.children)
    asked = any(c.dep_ == "dobj" for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ in {"on", "with"} and any(o.dep_ == "pobj" for o in c.children) for c in verb.children)
    return wants and asked


def _infinitive(tok) -> bool:
    """'to investigate' hanging from a verb (the parser calls it xcomp or advcl)."""
    return tok.dep_ in ("xcomp", "advcl") and tok.tag_ == "VB" and any(a.lower_ == "to" for a in tok.children)


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


def _content_span(verb, made_clear: bool, request: bool) -> tuple[int, int] | None:
    """Char span of what was said: the clausal complement, else the infinitive/object phrase."""
    if made_clear:
        clear = next(c for c in verb.children if c.lower_ == "clear")
        inner = [c for c in clear.children if c.dep_ in ("ccomp", "advcl")] or \
            [c for c in verb.children if c.dep_ == "ccomp" and c.i > clear.i]  # "made clear that …"
        return _span_of(inner[0]) if inner else None
    ccomp = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if ccomp:  # 'said that trust had …', 'accepted that trust had …': 'that' read as a determiner of the subject
        first, obj = ccomp[0].left_edge.i, verb.doc[ccomp[0].left_edge.i - 1]
        if obj.dep_ == "dobj" and obj.head == verb and verb.doc[obj.left_edge.i].lower_ == "that" \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in ccomp[0].children):
            first = obj.left_edge.i
        first += verb.doc[first].lower_ == "that" and verb.doc[first].dep_ in ("det", "advmod")
        return _trim_tokens(verb.doc, first, _right_edge(ccomp[0]))
    # "said in a statement that …", "told journalists on a conference call that …": the clause hung on the noun
    medium = [a for p in verb.children if p.dep_ == "prep" and p.i > verb.i for o in p.children if o.dep_ == "pobj"
              for a in said_on_a_noun(o, _MEDIA)]
    # "insisted the same day that …", "told the BBC's Today programme (that) he had …": a clause hung on the noun
    medium += [a for o in verb.children if o.i > verb.i and (
        o.dep_ == "npadvmod" and o.lemma_.lower() in TIME_NOUNS or o.dep_ == "dobj" and o.lemma_.lower() in AUDIENCES
        and verb.lemma_.lower() == "tell") for a in o.children if a.dep_ in ("relcl", "acl") and any(
        m.dep_ == "mark" and m.lower_ == "that" or m.dep_ == "nsubj" and m.i == a.left_edge.i for m in a.children)]
    if medium:
        return _span_of(medium[0])
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if before and verb.dep_ == "ROOT" and before[0].left_edge.i == verb.sent.start and \
            verb.doc[before[0].right_edge.i + 1].text == "," and \
            any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in before[0].children) and \
            not any(t.text in {".", "!", "?", "\"", "“", "”"} for t in verb.doc[before[0].left_edge.i:verb.i]):
        # a clause of its own words ("Taxes will rise, Jane Doe said"), not "Speaking to …", nor a quote
        return _span_of(before[0])
    rights = [c for c in verb.rights if (c.dep_ not in _NOT_CONTENT_DEPS or (request and _infinitive(c)))
              and not _is_time_phrase(c)]
    if all(_is_circumstance(c) for c in rights):
        return None  # "conceded in a post on X": where it was said, not what
    if verb.lemma_.lower() in {"say", "tell", "add", "write", "post", "tweet"} | _CLAUSE_ONLY:
        return None  # "said of the Russian president", "maintain a firewall": nothing said without a clause
    if _reports_an_act(verb, rights):
        return None
    first = min(c.left_edge.i for c in rights)
    last = max(c.right_edge.i if c.dep_ != "advcl" else _right_edge(c) for c in rights)
    return _trim_tokens(verb.doc, first, last)


_MEDIA = {"statement", "interview", "post", "letter", "speech", "briefing", "message", "video", "note", "tweet",
          "address", "article", "column", "broadcast", "conference", "release", "memo", "email", "podcast"}
_DENYING = {"deny"}  # a report whose words negate its clause: the text keeps the verb
# report only with a clause ("replied that …", not "replied to the letter")
_CLAUSE_ONLY = {"maintain", "assert", "reaffirm", "caution", "counter", "retort", "reply", "respond", "answer", "remark",
                "observe", "complain", "urge", "accuse", "threaten", "warn", "accept", "joke"}  # "urged voters to …", "accused X of …",
# "threatened new tariffs", "warned against softness": descriptions


def _is_time_phrase(tok) -> bool:
    """'on Wednesday afternoon' after the verb dates the statement; it is not what was said."""
    return tok.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)


# verbs that also report acts; with a known thing as their only object ("announced the decision",
# "conceded the election") they say that something happened, not what anyone claims
_ACT_VERBS = {"announce", "confirm", "concede", "repeat", "note", "list", "post", "write", "reiterate", "state",
              "explain", "signal", "declare"}
_DEFINITE = {"the", "his", "her", "its", "their", "this", "that"}


def _reports_an_act(verb, rights) -> bool:
    """'announced the decision in a letter', 'confirmed her opposition': an act-reporting verb whose only
    content is a known thing (a definite object, no clause of its own), so nothing is claimed."""
    if verb.lemma_.lower() not in _ACT_VERBS or any(c.dep_ not in ("dobj", "prep", "npadvmod", "advmod") for c in rights):
        return False
    definite = any(c.dep_ == "dobj" and any((d.lower_ in _DEFINITE and d.dep_ in ("det", "poss"))
                                           or (d.dep_ == "poss" and d.pos_ in ("NOUN", "PROPN")) for d in c.children)
                   or c.dep_ == "dobj" and c.pos_ == "PROPN"  # "the decision", "the minister's removal", "Jeff Sessions"
                   for c in rights)
    clause = any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for c in rights for t in c.subtree)
    return definite and not clause


def _is_circumstance(tok) -> bool:
    """'in a post on X', 'at a rally', 'during the debate' say where or how, not what was said."""
    return tok.dep_ == "prep" and tok.lower_ in {"in", "at", "during", "after", "before", "via", "through", "from"}


def _span_of(head) -> tuple[int, int]:
    first, last = head.left_edge.i, _right_edge(head)
    return _trim_tokens(head.doc, first, last)


def _right_edge(head) -> int:
    """Right edge of a phrase, stopping before a ', doing …' gloss the writer added."""
    last = head.i
    rights = list(head.rights)
    for k, child in enumerate(rights):
        if _is_gloss(child) or _is_concession(child) or _asks_on(child) or _own_report(child) \
                or child.dep_ == "cc" and k + 1 < len(rights) and _asks_on(rights[k + 1]):
            break
        last = max(last, child.right_edge.i)
    return last


def _own_report(tok) -> bool:
    """'said X was not to blame, while Bowie said he was sorry': another speaker's report, not the content."""
    kids = {(c.dep_, c.lower_ if c.dep_ == "mark" else "") for c in tok.children}
    return tok.dep_ == "advcl" and tok.lemma_.lower() in REPORT_LEMMAS and {("nsubj", ""), ("mark", "while")} <= kids


def _asks_on(tok) -> bool:
    """'noted that the US had joined … and asked: "…?"': the one who noted it goes on to ask; not the content."""
    return tok.dep_ == "conj" and tok.lemma_.lower() in SAYING and any(c.text == ":" for c in tok.children)


def _is_gloss(tok) -> bool:
    """', telling journalists that …' or 'while urging them to …' holds a statement of its own, so it is cut off;
    so does ', with its press secretary insisting that …'."""
    if tok.dep_ == "prep" and tok.lower_ == "with" and after_comma(tok):
        return any(t.tag_ == "VBG" and t.lemma_.lower() in REPORT_LEMMAS for t in tok.subtree)
    opener = tok.doc[tok.left_edge.i] if tok.left_edge.i < tok.i else None  # "while urging them …"
    if not (tok.dep_ == "advcl" and tok.tag_ == "VBG"
            and (after_comma(tok) or (opener is not None and opener.lower_ in {"while", "before", "after"}))):
        return False
    sub = tok.doc[tok.left_edge.i:tok.right_edge.i + 1]
    return any(t.lemma_.lower() in REPORT_LEMMAS for t in sub) or bool(_DESCRIPTION.search(sub.text))


def _is_manner(tok) -> bool:
    """'conceded defeat, flanked by his family': a past participle after a comma says how, not what the stance is."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBN" and after_comma(tok)


_WHEN = re.compile(r"(?:(?:less|more|only|just|barely|not) (?:than )?)?(?:(?:a|an|one|two|three|four|five|six|hours?|days?|"
                   r"weeks?|months?|years?|minutes?|shortly|soon|moments?|hours?|the day|the week) ){0,3}(?:after|before)\b",
                   re.I)


def _is_when(tok) -> bool:
    """'backed down, hours after insisting it would stay': a time clause after a comma says when, not what."""
    return tok.dep_ in ("prep", "advcl", "npadvmod", "advmod") and after_comma(tok) \
        and bool(_WHEN.match(tok.doc[tok.left_edge.i:tok.right_edge.i + 1].text))


def _is_concession(tok) -> bool:
    """', despite having appeared open to it' is the writer setting a position against another one: its
    own statement (a description), not part of what was said."""
    return (tok.dep_ in ("prep", "advcl", "advmod")
            and bool(_CONCESSIVE_START.match(tok.doc[tok.left_edge.i:tok.right_edge.i + 1].text)))


def _close_quote(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """'called the deal "a disaster"': a quote opened inside the span runs to its closing mark in the paragraph,
    where the parse ended the clause inside it ('said it would be "really important all of us push back …"')."""
    inner = text[span[0]:span[1]]
    curly = inner.count("“") > inner.count("”")
    if not curly and not (inner.count("“") == 0 and inner.count('"') % 2 == 1):
        return span
    close, stop = text.find("”" if curly else '"', span[1]), text.find("\n", span[1])
    return (span[0], close + 1) if close >= 0 and (stop < 0 or close < stop) else span


def _trim_tokens(doc, first: int, last: int) -> tuple[int, int]:
    while first <= last and (doc[first].dep_ == "mark" and doc[first].lower_ in {"that", "whether", "if"}
                             or doc[first].is_punct and doc[first].text not in "\"“"):
        first += 1
    while last >= first and doc[last].is_punct and doc[last].text not in "\"”":
        last -= 1
    if last < first:
        return 0, 0
    return doc[first].idx, doc[last].idx + len(doc[last].text)


# ---------------------------------------------------------------------------- descriptions

_HABIT = {"usually", "routinely", "typically", "normally", "generally", "traditionally", "habitually", "customarily"}


def find_descriptions(doc, base: int, state: Discourse, in_quote, already: list[Found]) -> list[Found]:
    out = []
    for m in _DESCRIPTION.finditer(doc.text):
        if in_quote(m.start()):
            continue
        tok = next((t for t in doc if t.idx <= m.start() < t.idx + len(t) + 1 and not t.is_space), None)
        if tok is None:
            continue
        verb = next((t for t in doc[tok.i:tok.i + 4] if t.pos_ in ("VERB", "AUX")), tok)
        if verb.pos_ == "AUX" and verb.head != verb:
            verb = verb.head
        if any(c.dep_ == "advmod" and c.lower_ in _HABIT for c in verb.children) or asked_about(verb) or (
                verb.i == verb.sent.start and verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)):
            continue  # 'Downing Street routinely declines to comment', 'asked whether X had apologised', 'Questioned
            # in the Bundestag, he denied …' (done to the subject, not by them): no position
        speaker = speaker_of(verb, base, state)
        if not speaker:
            continue
        rights = [c for c in verb.rights if c.dep_ not in ("conj", "cc", "punct")]
        rights = rights[:next((k for k, c in enumerate(rights) if _is_gloss(c) or _is_manner(c) or _is_when(c)
                               or own_clause(c)), len(rights))]
        last = max([c.right_edge.i for c in rights] + [verb.i] + [verb.head.i] * bool(verb_read_as_adjective(verb)))
        s_char, e_char = _trim_tokens(doc, tok.i, last)
        s, e = base + s_char, base + e_char
        if any(f.start <= s < f.end for f in already + out):
            continue  # part of another statement ("appeared to take aim at": one description)
        sent = verb.sent
        present = bool(re.match(r"(?:is|are|has been|have been)\b", m.group(0), re.I)) or tok.tag_ in ("VBZ", "VBP")
        found = Found(speaker, doc.text[s_char:e_char], "description", s, e, s, base + sent.start_char,
                       base + sent.end_char, [], present)
        before = _CONTRAST.search(doc.text[max(0, s_char - 60):s_char])
        if before and not _CONCURRENT.match(before.group(0)):
            found.contrasts = next((f for f in already if f.speaker == speaker and f.sent_start == found.sent_start),
                                   None)
        out.append(found)
    return out
