"""Direct quotes: the speaker's own words, found by their punctuation (clearer than a parser for it) and
attributed from the words around them. Labelled lines (transcripts, embedded posts) are in labels.py."""

from __future__ import annotations

import re

from tracker.extraction.answers import addressed
from tracker.extraction.asking import (ASKED_WHOM, ASKER_SUBJECT, PRESSED, PRONOUN_ASKED, PRONOUN_REPLY,
                                       QUESTION_FROM, QUESTION_PUT, REPORTED_ASK, addressee_replying, answerer, asker_of,
                                       bare_question_asker, examiner_again, host_challenges, interviewing,
                                       put_to_subject)
from tracker.extraction.attribution import (BEFORE_LABEL, OWN_WORDS, SPEECH_VERBS, TITLED_LABEL, after_attribution,
                                            signed)
from tracker.extraction.clauses import describes_a_thing, silent_content_clause
from tracker.extraction.labels import label_speaker, named_interviewer, outlet_label, puts_to_you
from tracker.extraction.quotemarks import CLOSING_MARKS, clause_start as _clause_start
from tracker.extraction.records import Found, Quote, trim_span as _trim
from tracker.extraction.discourse import Discourse
from tracker.extraction.lexicon import NEWS_WORDS, ORG_HEADS, PARTICLE_RE, PRONOUNS as _PRONOUNS
from tracker.extraction.names import subject_phrase
from tracker.extraction.speakers import resolve_speaker
from tracker.extraction.subjects import speaker_of, subject_speaker


# ---------------------------------------------------------------------------- quotes


_SPEECH = re.compile(rf"(?:{SPEECH_VERBS}|called|cried|yelled)", re.I)
_BOUNDARY_BEFORE = re.compile(rf"(?:^|[.!?:]|[.!?][\"”]|\b(?:{SPEECH_VERBS}|asking|saying|adding|replying),?|"
                              rf"\b(?:{SPEECH_VERBS}) \w+,?)\s*$", re.I)
_THAT_BEFORE = re.compile(r"\b(?:that|as|of|the|a|an|to|be|was|is|were|are|called|for|on|in|from|by|with)\s*$", re.I)


# a reply that says something in one or two words ("No.", "Yes, absolutely."): a statement once its question is known
_SHORT_ANSWER = re.compile(r"^(?:yes|no|never|absolutely|of course|not at all|certainly|correct|exactly|nope)\b", re.I)


def classify_quotes(text: str, quotes: list[Quote], para_start: int, para_end: int) -> None:
    """Direct quotes stand on their own (after a colon, a sentence end or 'X said,'); the rest are
    scare quotes inside reported speech ('said the voices "echo in my ears"')."""
    prev = None
    for q in quotes:
        inner = text[q.start:q.end].strip()
        words = len(inner.split())
        if prev is not None and prev.direct and _resumes(text, prev, q):
            q.direct, prev = True, q  # '"A," said X, who …, "and B."': the rest of the sentence X began
            continue
        prev = q
        before = text[max(para_start, q.open_start - 80):q.open_start]
        after = text[q.close_end:min(q.close_end + 80, para_end)]
        multi = bool(re.search(r"[.!?]\s+[A-Z]", inner))
        # a short quote is a statement when it stands as its own sentence ('"It's possible," he answered.',
        # '"Resign!"'), not a word or two quoted inside the writer's sentence ('called it "offensive"')
        alone = bool(_BOUNDARY_BEFORE.search(before)) and (bool(after_attribution(after) or _CAME_REPLY.match(after))
                                                            or inner[-1:] in ".!?")  # '"I cannot," came the answer
        if words < 3 and not multi and not _SHORT_ANSWER.match(inner) and not alone:
            continue
        if _THAT_BEFORE.search(before) and not multi:
            continue
        q.direct = bool(_BOUNDARY_BEFORE.search(before)) or bool(_may_attribute_after(inner) and after_attribution(after)) or multi


def _resumes(text: str, first: Quote | None, second: Quote) -> bool:
    """'"People come here for the bread," said X, who has run the shop since 1998, "and they stay …"': a part
    that opens in lower case after a part closed by a comma, with an attribution closed by a comma and no
    sentence end between, is the rest of one sentence, whatever the attribution holds (not '…," X said, urging
    people to "stay calm"')."""
    if first is None:
        return False
    inner, between = text[second.start:second.end].lstrip(), text[first.close_end:second.open_start]
    return text[first.start:first.end].rstrip().endswith(",") and inner[:1].islower() and between.rstrip().endswith(",") \
        and not re.search(r"[.!?:;]", between) and bool(re.search(rf"\b(?:{SPEECH_VERBS})\b", between))


def _only_attribution(between: str) -> bool:
    """'"A," X said, "B."': nothing but the attribution between two parts of one quote (not '"A," X said,
    and he went on to …. "B," he said.', two statements)."""
    m = after_attribution(between)
    return bool(m) and not between[m.end():].strip(" ,.:;\n")


def direct_quotes(text: str, doc, start: int, end: int, quotes: list[Quote], state: Discourse) -> list[Found]:
    out: list[Found] = []
    last: Found | None = None
    last_q: Quote | None = None  # the quote mark pair `last` ends with
    carried, state.open_quote = state.open_quote, None
    for q in quotes:
        if carried is not None and q.open_start == start:
            q.direct = True  # a new paragraph reopening a quote continues it
            carried.text = _join(carried.text, text[q.start:q.end].strip())
            carried.end = _trim(text, q.start, q.end)[1]
            carried.excluded.append((q.open_start, q.close_end))
            last, last_q = carried, q
            state.open_quote = carried if q.close_end >= end and text[q.close_end - 1] not in CLOSING_MARKS else None
            continue
        if not q.direct:
            continue
        speaker, anchor, put = _quote_speaker(text, doc, start, end, q, state)
        reply = PRONOUN_REPLY.match(text[q.close_end:end])
        if speaker and reply and state.last_quote is not None \
                and state.last_quote.speaker == speaker and state.last_quote.text.rstrip().endswith("?") \
                and not text[q.start:q.end].rstrip().endswith("?") \
                and (_only_attribution(gap := text[state.last_quote.end:q.open_start].lstrip("\"”?,. ").strip())
                     or not gap) \
                and not (re.match(rf"{reply.group(1)}\s+\w+\W*$", gap, re.I)
                         and re.fullmatch(r"sa(?:id|ys)|add(?:ed|s)", reply.group("verb"))):
            # '…: "Can you give a date?" "Not today," she said.', '"…?" Muñoz countered. "…," she replied.': a reply
            # is not the asker's, but the one asked; '"…?" he asked.\n\n"…," he said.' is the same man saying more
            asked = answerer(state, speaker, q.open_start, _PRONOUNS[reply.group(1).lower()])
            speaker = asked.name if asked is not None else speaker
        if speaker and state.last_quote is not None and state.last_quote.speaker == speaker:
            speaker = addressee_replying(text[start:q.open_start], text[q.close_end:end],
                                         text[state.last_quote.end:q.open_start], state, q.open_start) or speaker
        whom = ASKED_WHOM.search(text[start:q.open_start]) if reply else None
        if whom and not text[q.start:q.end].rstrip().endswith("?"):
            asked = state.lookup(whom.group("whom"))  # '… ask Emmer whether …. "…," he replies.'
            if asked is not None and asked.gender in ("", _PRONOUNS[reply.group(1).lower()]):
                speaker = asked.name
        prior = state.last_quote
        ask = REPORTED_ASK.search(text[start:q.open_start]) if speaker and reply and prior is not None else None
        if ask and not prior.text.rstrip().endswith("?") and prior.speaker != speaker \
                and speaker.split()[-1] in ask.group("who").split():
            # 'MP Paul Maina then asked whether …. "An audit began," he said.': the one who answered before
            speaker = prior.speaker
        asker = ASKER_SUBJECT.search(text[start:q.open_start])
        if asker and text[q.start:q.end].rstrip().endswith("?") and (
                PRONOUN_ASKED.match(text[q.close_end:end]) or text[start:q.open_start].rstrip().endswith(":")):
            # 'A second reporter was not convinced. "Why …?" she asked.': the reporter, not the woman in focus;
            # 'One journalist asked X why …, then turned to Y: "…?"': the journalist
            who = "name" if asker.group("name") else "asker"
            speaker = resolve_speaker(asker.group(who), start + asker.start(who), state)
        inner_start, inner_end = _trim(text, q.start, q.end)
        if inner_end <= inner_start:
            continue
        between = text[last.end:q.open_start] if last else ""
        # a part with its own attribution continues only a quote that nothing but an attribution separates
        # from it ('"A," X said, "B," he added'); an unattributed part continues the speaker's last quote
        attributed = _only_attribution if speaker else _attribution_then_same
        continues = last is not None and ((not speaker or speaker == last.speaker) and (
            attributed(between.lstrip("\"”,. ")) or not between.strip(" \"”,.\n")) or _resumes(text, last_q, q)) \
            and not (last.text.rstrip().endswith((".", "!", "?")) and between.rstrip().endswith(":"))  # 'He went on: …' is new
        if continues and last is not None:
            last_q = q
            last.text = _join(last.text, text[inner_start:inner_end])
            last.end = inner_end
            last.sent_end = max(last.sent_end, q.close_end)
            last.excluded.append((q.open_start, q.close_end))
            state.last_question = last if last.text.rstrip().endswith("?") else state.last_question  # '"… Why?"'
            continue
        if not speaker:
            prev = out[-1] if out else None
            p = state.recent(q.open_start)
            # '"Is this the end?" X asked. Y smiled. "…"': someone else became the subject in between
            other = p is not None and prev is not None and p.name != prev.speaker and \
                any(prev.end <= o < q.open_start and subj for o, subj in p.mentions)
            if prev is not None and prev.text.rstrip().endswith("?") and not other:
                p, other = answerer(state, prev.speaker, q.open_start), True  # a question's reply: someone else's
            reported_ask = REPORTED_ASK.search(text[start:q.open_start]) if prev is None else None
            if reported_ask and not text[q.start:q.end].rstrip().endswith("?"):
                # 'Journalist Lotte Bakker asked why …. "Minor cracks do not close a building."': the one asked
                asker = resolve_speaker(reported_ask.group("who"), start + reported_ask.start("who"), state)
                p, other = answerer(state, asker, q.open_start), True
            turn = None
            if prev is None and not text[start:q.open_start].strip() and interviewing(state):
                # a paragraph that is only a quote, in a run of them: questions and replies take turns
                if text[q.start:q.end].rstrip().endswith("?"):
                    # the interviewer asks again, also after the guest turned a question back on them
                    turn = examiner_again(state) or state.last_question.speaker
                elif state.last_quote is state.last_question or host_challenges(state):  # '"…?" she asked. "…"' too
                    p, other = answerer(state, state.last_quote.speaker, q.open_start), True
            pressed = PRESSED.search(text[start:q.open_start]) if prev is None else None
            if pressed and text[q.start:q.end].rstrip().endswith("?"):
                # 'Another reporter pressed him on his change of story. "Governor, how do you …?"'
                turn = resolve_speaker(pressed.group("asker"), start + pressed.start("asker"), state)
            put = bare_question_asker(text[start:q.open_start]) if prev is None and not turn and \
                text[q.start:q.end].rstrip().endswith("?") and not text[q.close_end:end].strip() else None
            if put:  # 'One reporter shouted a question about his strategist. "…?"': the reporter's
                turn = resolve_speaker(put[0], start + put[1], state)
            opens = prev is None and not turn and puts_to_you(text[q.start:q.end]) \
                and not text[start:q.open_start].strip()
            host = named_interviewer(text, q.open_start, state) if opens else None
            if host is not None:  # '… was interviewed by John Roe. / "Will you resign?"': a paragraph opened by a
                turn = host.name  # question put to "you" is the interviewer's, and the replies take turns
                state.examiners.add(turn)
            elif opens and re.match(r"\s*[\"“]", text[q.close_end:end]):
                turn = "Reporter"  # '"Do you accept the result?" "Yes," she said.': a question answered at once
            if prev is None and not turn and not other and state.last_speaker and not text[start:q.open_start].strip() \
                    and not text[:start].rstrip().endswith(":") and not interviewing(state) \
                    and not _introduced_just_before(text, start, p):
                # a paragraph that is only a quote goes on from whoever spoke last, not the last person named
                # ('"…," the governor said. / The minister is due to present the budget. / "…"')
                turn = state.last_speaker
            speaker = turn or (prev.speaker if prev and not other else (p.name if p else ""))
            anchor = q.open_start
        if speaker in state.people and addressed(text[q.start:q.end], speaker, state.titles_of(state.people[speaker])):
            other = answerer(state, speaker, q.open_start)  # '"… this boy, prime minister."': put to the PM
            speaker = other.name if other else ""
        if not speaker:
            continue
        sent_s, sent_e = _sentence_bounds(text, start, end, q)
        last_q = q
        last = Found(speaker, text[inner_start:inner_end], "direct", inner_start, inner_end, anchor,
                      sent_s, sent_e, [(q.open_start, q.close_end)])
        out.append(last)
        asked = state.last_question
        if asked is not None and asked.speaker != speaker and 0 < last.start - asked.end < 300:
            state.examiners.add(asked.speaker)  # '"How many?" he asked. / "Enough," Peters said.': he asks from here on
        state.last_quote = last
        if last.text.rstrip().endswith("?"):
            state.last_question = last
        if speaker not in state.people and not put and _FULL_NAME.fullmatch(speaker) \
                and speaker.split()[-1].lower() not in ORG_HEADS \
                and not NEWS_WORDS & {w.lower() for w in speaker.split()}:  # an outlet ('BBC Radio West Midlands')
            state.register(speaker, "", anchor, True)  # a name the NER missed, read off the attribution itself
        if speaker in state.people and not put:  # whoever is quoted is in focus for the "he went on" that follows
            state.name_role(speaker, start, q.open_start)
            state.people[speaker].focus(anchor)
        if q.end >= end:  # no closing mark: the quote goes on in the next paragraph
            state.open_quote = last
    return out


def _join(first: str, second: str) -> str:
    """Split quotes join with one space; the comma that closed the first part is dropped."""
    return first.rstrip().rstrip(",") + " " + second.lstrip()


def _sentence_bounds(text: str, start: int, end: int, q: Quote) -> tuple[int, int]:
    # the last full stop before the quote that ends a sentence, not an abbreviation ('he said on Sept. 25: "…"')
    stops = [m.end() for m in re.finditer(r"[.!?] ", text[start:q.open_start]) if not _ABBREVIATION.search(
        text, start, start + m.start() + 1)]
    left = start + stops[-1] if stops else start
    m = re.search(r"[.!?](?=\s|$)", text[q.close_end:end])
    right = q.close_end + m.end() if m else end
    return left, right


_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|No)\.$")


def _attribution_then_same(between: str) -> bool:
    """'"A," X said. "B."' or '"A," X said, adding that …. "B."': an attribution and nothing that starts
    another sentence before the next part (not '"A?" X asked. Y smiled. "B."')."""
    m = after_attribution(between)
    return bool(m) and not re.search(r"[.!?][\s\"”]+[A-Z]", between[m.end():])


def _named_colon(text: str, doc, start: int, q: Quote) -> bool:
    """'Marr came to the row: "…?" Johnson objected.': a named subject's clause ended by a colon introduces the quote."""
    if not text[start:q.open_start].rstrip().endswith(":"):
        return False
    lo = _clause_start(text, start, q.open_start) - start
    return any(t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.head.pos_ in ("VERB", "AUX")
               and lo <= t.idx < q.open_start - start for t in doc)


def _introduces_next(rest: str) -> bool:
    """An attribution that ends in a colon before a quote mark ('She replied: "No."') introduces that quote."""
    return bool(re.match(r"[^,.!?\"“”]{0,25}:\s*[\"“]", rest))  # not "Welker asked Trump, who replied: …"


def _may_attribute_after(inner: str) -> bool:
    """'"….," X said': a quote closed by a full stop ends its sentence, so what follows is new."""
    return not inner.rstrip().endswith(".")


def _quote_speaker(text: str, doc, start: int, end: int, q: Quote, state: Discourse) -> tuple[str, int, bool]:
    """Speaker from the attribution after the quote, else from the clause before it; and whether the quote
    is a question put to the sentence's subject (whose asker is not put in focus)."""
    after = text[q.close_end:min(q.close_end + 120, end)]
    if _CAME_REPLY.match(after):  # '"No," came the reply': whoever was asked, not the one who asked
        asked = state.last_quote if state.last_quote is not None and state.last_quote.text.rstrip().endswith("?") \
            else None
        asker = (asked.speaker if asked else "") or _before_speaker(text, doc, start, q, state)[0] or getattr(
            state.recent(q.open_start), "name", "")
        replier = answerer(state, asker, q.open_start, exclude=state.askers | {"Reporter"})
        return (replier.name if replier else ""), q.close_end, False
    m = after_attribution(after) if _may_attribute_after(text[q.start:q.end]) else signed(after)
    if m and _introduces_next(after[m.end():]):
        m = None  # '"Will you resign?" She replied: "No."': that attribution is the next quote's
    if m and (_INTRODUCED.search(text[max(start, q.open_start - 80):q.open_start]) or _named_colon(text, doc, start, q)):
        m = None  # 'John Roe asked: "Will she apologise?" Doe replied that …': the colon gave the speaker
    if m and _OWN_CONTENT.match(after[m.end("verb"):]):
        m = None  # '"Do you deny that?" Mr Sunak said again that he had not seen them.': a sentence of its own
    asked = m or _ASKED_AFTER.match(after)
    verb = _token_at(doc, start, q.close_end + asked.start("verb")) if asked else None
    if verb is not None and put_to_subject(verb):  # '"Will you resign?" she was asked.': put to her, not hers
        return asker_of(verb, start, state, text), q.close_end + asked.start("verb"), True
    if m:
        speaker = resolve_speaker(m.group("spk"), q.close_end + m.start("spk"), state)
        if speaker.lower() == "it":  # '"…," it said' with no body in focus: the body the paragraph made its subject
            speaker = _body_subject(doc, start, q, state)
        return speaker, q.close_end + m.start("verb"), False
    return _before_speaker(text, doc, start, q, state)


def _body_subject(doc, start: int, q, state: Discourse) -> str:
    """'The company rejected it. "…," it said': the last 'the <body word>' subject before, where it names a body."""
    subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ORG_HEADS and start + t.idx < q.open_start
                and t.i > 0 and doc[t.i - 1].lower_ == "the"]
    name = resolve_speaker(f"the {subjects[-1].lower_}", start + subjects[-1].idx, state) if subjects else ""
    known = state.lookup(name) if name else None
    return name if name and not name.lower().startswith("the ") and (known is None or known.gender == "n") else ""


# '"…?" she was asked': a pronoun the attribution patterns do not take as a subject before a passive
_ASKED_AFTER = re.compile(r"^[\s,]*(?:he|she|they|I|we)\s+(?:was|were|had been)\s+(?P<verb>asked|pressed|quizzed)\b",
                          re.I)
# a speech verb (and up to three words: 'asked the minister') and a colon right before a quote introduce it
_INTRODUCED = re.compile(rf"\b(?:{SPEECH_VERBS})(?:\s+[\w'’-]+){{0,3}}\s*:\s*$")
# a speech verb with a content clause of its own ('said again that …') reports speech; it attributes no quote
_OWN_CONTENT = re.compile(r"^(?:\s+(?:again|only|simply|later|then|repeatedly|instead|\w+ly))?\s+that\s+"
                          r"(?!night\b|day\b|morning\b|evening\b|afternoon\b|week\b|year\b|time\b)")
_CAME_REPLY = re.compile(r"^[\s,]*came (?:the|his|her|their|a) (?:\w+ )?(?:reply|answer|response|retort)\b")


def _before_speaker(text: str, doc, start: int, q: Quote, state: Discourse) -> tuple[str, int, bool]:
    """The speaker the clause before a quote gives ('X said: "…"', a transcript label, a question's asker)."""
    clause_start = _clause_start(text, start, q.open_start)
    before = text[clause_start:q.open_start]
    if not before.strip():
        return "", q.open_start, False
    label = BEFORE_LABEL.match(before)
    if label and (label.group(1).isupper() or state.lookup(label.group(1)) or outlet_label(label.group(1))):
        return label_speaker(label.group(1), state, clause_start), clause_start, False
    own = max(before.rfind(m) for m in "\"“”") + 1  # the clause's words after any earlier quote, whose verbs are not
    verbs = [t for t in doc if clause_start + own - start <= t.idx < q.open_start - start and t.pos_ in ("VERB", "AUX")]
    titled = (None if verbs else TITLED_LABEL.match(before)) or OWN_WORDS.search(before)  # not 'He told Mr Roe:'
    if titled:  # 'Defence lawyer Rodrigo de la Garza: "My client …"' in a live-blog entry; 'Roe's (or his) verdict: "…"'
        name = titled["name"] or titled["own"].lower()
        return resolve_speaker(name, clause_start + titled.start(titled.lastgroup), state), clause_start, False
    asked = QUESTION_FROM.search(before, own)
    if asked:  # 'The first question came from Alejandro Cuevas, a correspondent for Reforma: "…?"'
        at = clause_start + asked.start("spk")
        return resolve_speaker(asked.group("spk"), at, state), at, False
    if QUESTION_PUT.search(before, own) and text[q.start:q.end].rstrip().endswith("?"):
        return "Reporter", q.open_start, True  # 'Among the questions Gandhi fielded was one: "…?"': not Gandhi's
    for verb in reversed(verbs):
        if any(silent_content_clause(a, verbs, _SPEECH) for a in [verb, *verb.ancestors]) or describes_a_thing(verb):
            continue  # 'he pointed out that Cannard's name was in the records: "…"': the one who pointed it out
        if any(c.dep_ == "mark" and c.lower_ in ("before", "until") for c in verb.children) and (verb.tag_ == "VB" or any(
                c.dep_ == "aux" and c.lower_ in ("can", "could", "would", "might", "will") for c in verb.children)):
            continue  # 'Ann Lee steps in before Roe can respond: "…"': who acts, not who has yet to
        if put_to_subject(verb):
            return asker_of(verb, start, state, text), start + verb.idx, True  # the one asked stays in focus
        if any(c.dep_ == "nsubj" for c in verb.children) or verb.dep_ in ("conj", "advcl", "xcomp", "pcomp"):
            speaker = speaker_of(verb, start, state)
            if speaker:
                return speaker, start + verb.idx, False
        elif (verb.dep_ == "acl" and verb.i == verb.head.i + 1 and _SPEECH.fullmatch(verb.lower_)
              and re.fullmatch(r"(?:\s+\w+)?\s*[:,]?\s*", text[start + verb.idx + len(verb):q.open_start])):
            # "one journalist called out: ...": the parser hangs the verb on its subject as a modifier
            text_, at = subject_phrase(verb.head)
            return resolve_speaker(text_, start + at, state), start + verb.idx, False
        state_of = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) if verb.tag_ == "VBN" else None
        if state_of is not None and re.fullmatch(r"\s*:\s*", text[start + verb.idx + len(verb):q.open_start]):
            # 'The presenter, Jo Coburn, was unconvinced: "…"': a state the parser took for a passive
            speaker = subject_speaker(state_of, verb, start, state)
            if speaker:
                return speaker, start + verb.idx, False
    return "", q.open_start, False


_FULL_NAME = re.compile(rf"[A-Z][\w'’.-]+(?: (?:{PARTICLE_RE}))*(?: [A-Z][\w'’.-]+)+")
_NO_COMMENT = re.compile(r"\b(?:not|never|declined to|refused to)\s+(?:\w+\s+){0,2}(?:comment|respond|speak|sa(?:y|id))", re.I)


def _introduced_just_before(text: str, start: int, person) -> bool:
    """'Union president Marisol Ramírez was in no mood for compromise. / "…"': the subject of the sentence
    right before a bare quote is its speaker, unless that sentence says they did not speak."""
    if person is None:
        return False
    before = text[:start].rstrip()
    cut = max(before.rfind(". ", 0, len(before) - 1), before.rfind("? ", 0, len(before) - 1),
              before.rfind("! ", 0, len(before) - 1), before.rfind("\n"))
    sentence = before[cut + 1:]  # not one who asks there ('A younger man asked whether …'): the answer is another's
    return any(cut < o < start and subj for o, subj in person.mentions) and not _NO_COMMENT.search(sentence) \
        and not re.search(r"\b(?:asked|asks|wanted to know)\b", sentence)


def _token_at(doc, start: int, offset: int):
    """The paragraph's token that begins at `offset` in the article, if one does."""
    return next((t for t in doc if start + t.idx == offset), None)
