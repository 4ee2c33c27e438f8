"""Attribution right after a closing quote: '"…," X said', '"…," said X', '"…," the prime minister, Keir
Starmer, said' and their kin, one pattern per shape; and the labels right before one ('Roe's verdict: "…"')."""

from __future__ import annotations

import re

from tracker.extraction.lexicon import (ANON_HEADS, CANDIDACY, DESCRIPTORS, DOCUMENT_HEADS, PARTICLE_RE, PERSON_ROLES,
                                        RANKS, ROLE_NOUNS, TITLE_WORDS)

SPEECH_VERBS = (
    "said|says|say|added|adds|told|tells|responded|responds|replied|replies|wrote|writes|written|warned|warns|"
    "insisted|insists|argued|argues|asked|asks|continued|explained|declared|stated|noted|stressed|"
    "posted|tweeted|answered|recalled|admitted|acknowledged|remarked|conceded|quipped|joked|vowed|"
    "promised|urged|announced|shouted|cautioned|countered|observed|predicted|suggested|went on|"
    "pressed|interjected|interrupted|followed up|follows up|put it to (?:him|her|them)|shot back|fired back|hit back|retorted|snapped|"
    # the present tense of live blogs and transcripts' stage directions ("…," she posts)
    "posts|tweets|explains|declares|states|notes|stresses|admits|recalls|answers|counters|urges|vows|"
    "promises|announces|jokes|quips|began|begins|called out|yelled|cut in|broke in|chimed in|read out|reads out|"
    # saying it again, or against someone ("…," he persisted)
    "persisted|persists|repeated|reiterated|protested|objected|complained|maintained|demanded|"
    # agreeing, confirming, claiming and musing ("…," she agreed)
    "agreed|agrees|confirmed|confirms|claimed|claims|boasted|lamented|mused|pleaded|reflected"
)


def _lower_title(words: str) -> str:
    """A lower-case title right before a name ('press secretary Karine Jean-Pierre', 'former U.S. president Donald
    Trump', 'interim NDP leader Peter Tabuns'): up to three words, lower-case or initials (a country's, a party's),
    then one of `words` (a regex alternation), hyphenated or not ('co-host Joy Behar', 'ex-minister')."""
    return rf"(?:(?:[a-z-]+|[A-Z]\.(?:[A-Z]\.)+|[A-Z]{{2,5}})\s){{0,3}}?(?:[a-z]+-)?(?:{words})\s(?=[A-Z])"


# what a person is, written lower-case before their name ('coastguard commander Rafael Ostrander said')
_ROLES = "|".join([TITLE_WORDS, *sorted(ROLE_NOUNS | CANDIDACY | DESCRIPTORS | RANKS)])
# a title's time, in lower case before it ('"…," former President Donald Trump said', 'acting Chief Justice')
_WAS = r"(?:(?:former|acting|interim|then|outgoing|incoming)\s(?=[A-Z]))"
# an abbreviated honorific or rank with its full stop ('"…," Ms. Raitt said')
_HON = r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Rev|Sgt|Adm|Maj)\.\s+)"
_SPK = rf"(?P<spk>(?!(?:At|In|On|During|After|Before|When|While|As|Then|But|And)\b){_HON}?{_WAS}?(?:[A-Z]|the\s|a\s|an\s|one\s|another\s|his\s|her\s|their\s|he\b|she\b|they\b|it\b|one\b|another\b|{_lower_title(_ROLES)})(?:[^,.;:!?\"“”\s]+\s?){{0,8}}?)"
_AFTER_A = re.compile(rf"^[\s,]*{_SPK}\s+(?:also |then |later |had |has |quickly |simply )?(?P<verb>{SPEECH_VERBS})\b")
# '"…," said opposition candidate Lydia Nyambura': a lower-case title or role before the name
_LOWER_TITLE = rf"(?:{_lower_title(_ROLES)})?"
_AFTER_B = re.compile(rf"^[\s,]*(?P<verb>{SPEECH_VERBS})\s+(?P<spk>(?:the\s|a\s|an\s)?{_LOWER_TITLE}"
                      r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Rev)\.\s+)?[A-Z][^,.;:!?\"“”]{0,80}?)"
                      r"(?=[,.;:!?]|\s+(?:in|on|at|of|to|during|after|before|when|while|as|from|on)\b|$)")


# '"…," said the second-ranking Republican, Rep. Steve Scalise, in a speech': the name in apposition
# '"…," the prime minister, Keir Starmer, said': the name in apposition before the verb
# ('"…," Roe's deputy, Ann Lee, said': an owner's role the same way)
_AFTER_D = re.compile(r"^[\s,]*(?:(?:the|a|an|his|her|its|their)\s|[A-Z][\w'’-]+['’]s\s)[^,.;:!?\"“”]{1,60},\s+"
                      rf"(?P<spk>[A-Z][\w'’-]+(?:\s+[A-Z][\w.'’-]+)+),\s+(?P<verb>{SPEECH_VERBS})\b")
# '"…," Roe, 54, said', '"…," Ann Lee, 61, a retired teacher, said': a name and an age
_AFTER_I = re.compile(r"^[\s,]*(?P<spk>[A-Z][\w'’-]+(?:\s+[A-Z][\w.'’-]+)*),\s+\d{1,3},\s+"
                      rf"(?:(?:a|an|the|who)\s[^,.;:!?\"“”]{{1,60}},\s+)?(?P<verb>{SPEECH_VERBS})\b")
_AFTER_C = re.compile(rf"^[\s,]*(?P<verb>{SPEECH_VERBS})\s+(?:the|a|an)\s[^,.;:!?\"“”]{{1,60}},\s+"
                      r"(?:(?:Rep|Sen|Gov|Gen|Dr|Mr|Mrs|Ms)\.?\s+)?(?P<spk>[A-Z][\w'’-]+(?:\s+[A-Z][\w.'’-]+)+)\s*(?=[,.;]|$)")


# '"…," Frans Timmermans, the Commission's executive vice-president, wrote on Twitter' or '"…," Hiroshi Mikitani,
# head of the business lobby, said': a name, then an apposition or a relative clause set off by commas, then the verb
# ('Sen. Lindsey Graham of South Carolina, also a senior member …, told CNN': a place after the name too)
_AFTER_E = re.compile(rf"^[\s,]*(?P<spk>{_HON}?[A-Z][\w'’-]+(?:\s+(?:{PARTICLE_RE})?\s*[A-Z][\w.'’-]+)+"
                      rf"|{_HON}[A-Z][\w'’-]+)(?:\s+of\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})?,\s+"
                      r"(?:the|a|an|his|her|its|their|who|which|one|now|then|also|[a-z][\w-]*)\s[^,.;:!?\"“”]{1,100}"
                      rf"(?:,\s[^,.;:!?\"“”]{{1,60}})?,\s+(?P<verb>{SPEECH_VERBS})\b")


# '"…?" one supporter, a working mother, asked the crowd': an unnamed person, then an apposition, then the verb
_AFTER_F = re.compile(r"^[\s,]*(?P<spk>(?:one|a|an|another)\s[a-z-]+(?:\s[a-z-]+)?),\s+(?:a|an|the|who)\s"
                      rf"[^,.;:!?\"“”]{{1,60}},\s+(?P<verb>{SPEECH_VERBS})\b")


# '"…," says a statement from the Elections Observation Group': the body that issued it
_AFTER_G = re.compile(rf"^[\s,]*(?P<verb>{SPEECH_VERBS})\s+(?:a|an|the)\s+(?:[a-z-]+\s+)?(?:{'|'.join(DOCUMENT_HEADS)})"
                      r"\s+(?:(?:issued|released|sent|put out)\s+)?(?:from|by)\s+"
                      r"(?P<spk>(?:the\s)?[A-Z][^,.;:!?\"“”]{0,80}?)(?=[,.;:!?]|\s+(?:in|on|at)\b|$)")


# '"…," said one diplomat', '"…," said a spokesman for the ministry': an unnamed person after the verb, in lower case
_UNNAMED_HEADS = "|".join(sorted(ANON_HEADS | PERSON_ROLES | {
    "lawmaker", "lawmakers", "protester", "protesters", "resident", "residents", "voter", "voters", "supporter",
    "supporters", "negotiator", "negotiators", "envoy", "ambassador", "lawyer", "member", "members", "person",
    "people"}, key=len, reverse=True))
# '"…," said a source close to the minister', '… said one person familiar with the talks'
_FAMILIAR = r"\s(?:familiar with|close to|briefed on|with knowledge of|involved in)\s[^,.;:!?\"“”]{1,60}?"
_AFTER_H = re.compile(rf"^[\s,]*(?P<verb>{SPEECH_VERBS})\s+(?P<spk>(?:the|a|an|one|another|two|three|several)\s"
                      rf"(?:[\w'’-]+\s){{0,3}}?(?:{_UNNAMED_HEADS})"
                      rf"(?:{_FAMILIAR}|\s(?:for|of|in|at|from|with|to)\s(?:the\s)?[A-Z][^,.;:!?\"“”]{{0,60}}?)?)"
                      r"(?=[,.;:!?]|\s+(?:in|on|at|during|after|before|when|while|as|who)\b|$)")


# '"…" — John Roe': a dash and a name closing the paragraph, as under a quote set apart
_AFTER_J = re.compile(r"^[ \t]*(?P<verb>[—–])[ \t]*(?P<spk>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)+)[ \t]*"
                      r"(?:,[^\n\"“”]{0,80})?$")


# '"…," said the left-wing legislator Ruth Lane': a lower-case description the role lists lack, one to four
# words, right before a full name; no preposition, pronoun, adverb or document among them ('said the report by …')
_NOT_DESCRIBING = ("by|of|from|for|in|on|at|to|with|and|or|but|that|who|which|whose|about|after|before|during|when|"
                   "while|as|than|into|over|under|his|her|their|its|this|these|those|he|she|they|it|we|you|also|then|"
                   "again|not|" + "|".join(sorted(DOCUMENT_HEADS)))
_AFTER_K = re.compile(r"^[\s,]*(?P<verb>said|says|added|adds|asked|asks|wrote|writes|replied|replies|explained|"
                      r"continued)\s+(?P<spk>(?:the\s|a\s|an\s)?"
                      rf"(?:(?!(?:{_NOT_DESCRIBING}|[a-z]+ly)\s)[a-z][a-z'’-]*\s){{1,4}}"
                      rf"[A-Z][\w'’-]+(?:\s+(?:(?:{PARTICLE_RE})\s+)?[A-Z][\w'’-]+)+)"
                      r"(?=[,.;:!?]|\s+(?:in|on|at|of|to|during|after|before|when|while|as|from)\b|$)")


# '"…," said its president, Siegfried Russwurm.': an owned role, then the name in apposition, who speaks
_AFTER_L = re.compile(rf"^[\s,]*(?P<verb>said|says|added|adds|wrote|writes)\s+(?:its|his|her|their|the\s+[a-z]+['’]s)\s+"
                      rf"(?:[a-z-]+\s+){{0,3}}[a-z-]+,\s+(?P<spk>[A-Z][\w'’-]+(?:\s+(?:(?:{PARTICLE_RE})\s+)?[A-Z][\w'’-]+)+)"
                      r"(?=[,.;:!?]|$)")


def after_attribution(after: str) -> re.Match | None:
    """'"…," X said' / '"…," said X' right after a closing quote."""
    if re.match(r"^\s*[\"“]", after):
        return None
    return _AFTER_A.match(after) or _AFTER_C.match(after) or _AFTER_D.match(after) or _AFTER_E.match(after) \
        or _AFTER_F.match(after) or _AFTER_G.match(after) or _AFTER_B.match(after) \
        or _AFTER_H.match(after) or _AFTER_K.match(after) or _AFTER_I.match(after) or _AFTER_L.match(after) \
        or signed(after)


def signed(after: str) -> re.Match | None:
    """'"…." — John Roe': the name under a quote, even one closed by a full stop."""
    return _AFTER_J.match(after)


# a transcript label before a quote, after a live blog's time stamp if there is one ('15:27 Dahl: "…"')
BEFORE_LABEL = re.compile(r"^\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[-–—]?\s*)?"
                          r"([A-Z][A-Za-z .&'’-]{1,40}):\s*$")
# 'Defence lawyer Rodrigo de la Garza: "…"': a titled name and a colon before a quote
TITLED_LABEL = re.compile(rf"^\s*(?:[A-Z][a-z]+ )?(?:[a-z]+ ){{0,3}}(?P<name>[A-Z][\w'’-]+(?: (?:{PARTICLE_RE}) ?)*"
                          r"(?: [A-Z][\w'’-]+)+):\s*$")
# 'Roe's verdict: "…"', 'His parting words to the benches: "…"', 'His first words were about the mood: "…"': the
# words that follow are the owner's
OWN_WORDS = re.compile(r"(?:^\s*|[.!?][\"”]?\s+)(?:(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)['’]s|(?P<own>His|Her)) "
                       r"(?:[a-z]+ )?(?:verdict|response|reply|answer|retort|message|assessment|warning|view|words|"
                       r"question)(?: (?:to|for) (?:the )?[\w'’-]+(?: [\w'’-]+){0,3})?"
                       r"(?: (?:was|were) [^:\"“”]{1,60})?:\s*$")  # 'Marr's first question was blunt: "…?"'
