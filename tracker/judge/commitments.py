"""When and to whom a commitment is made: the two ways the same promise can shrink without changing sign.
"This month" → "next year" puts it off; "every region" → "the three neediest regions" narrows it.
Hand-written word lists, listed here so a reader can audit them.
"""

from __future__ import annotations

import re

_MONTHS = ("january february march april may june july august september october november december").split()
_HORIZON = [  # (pattern, months ahead): how far off a statement puts what it promises
    (r"\b(?:today|tonight|right now|immediately|right away|straight away|at once|this week|within days|tomorrow)\b", 0),
    (r"\bthis decade\b", 12),
    (r"\b(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", 0.1),
    (r"\b(?:next week|within weeks)\b", 0.25), (r"\bthis month\b", 0.5), (r"\bnext month\b", 1),
    (r"\b(?:in the new year|after the election)\b", 6),
    (r"\b(?:end of (?:the|this) month|by month[- ]end)\b", 0.5),
    (r"\bthis (?:summer|spring|autumn|fall|winter|season|session|quarter|term|year)\b", 4),
    (r"\b(?:by|in|before|over|during|until|for) (?:the )?(?:summer|spring|autumn|fall|winter|christmas|easter|recess)\b", 4),
    (r"\b(?:end of (?:the|this) year|by year[- ]end|this (?:january|february|march|april|june|july|august|september|"
     r"october|november|december))\b", 4),
    (r"\bnext (?:january|february|march|april|may|june|july|august|september|october|november|december)\b", 12),
    (r"\bnext (?:summer|spring|autumn|fall|winter|season|session|quarter|term|parliament)\b", 9),
    (r"\b(?:within (?:a|one) year|(?:first|opening) (?:hundred|100) days)\b", 6),
    (r"\bin (?:two|three|four|five|six|nine|\d+) months\b", 6), (r"\bin (?:a|one) month\b", 1),
    (r"\b(?:next (?:financial|fiscal|calendar|academic|school) year)\b", 18),
    (r"\b(?:next year|in a few years|in (?:two|three|four|five) years|years from now)\b", 18),
    (r"\b(?:(?:a few|several|many) years|within (?:two|three|four|five) years|(?:second|next) term)\b", 36),
    (r"\b(?:(?:next|coming) decade|decade or two|long[- ]term)\b", 120),
    (r"\b(?:later|eventually|one day|at some point|in time|in due course|end of the decade)\b", 30),
]


def _horizon(text: str) -> tuple[float | None, int | None, int | None]:
    """(months ahead from relative words, the latest year named, the latest month named)."""
    low = text.lower()
    ahead = [m for pattern, m in _HORIZON if re.search(pattern, low)]
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", low)]
    months = [_MONTHS.index(w) for w in re.findall(r"\b[a-z]+\b", low) if w in _MONTHS and w != "may"]
    return (max(ahead) if ahead else None, max(years) if years else None, max(months) if months else None)


def later(a: str, b: str) -> bool:
    """Does b put the same thing further off than a ("this year" → "next year", 2030 → 2035)?"""
    (ha, ya, ma), (hb, yb, mb) = _horizon(a), _horizon(b)
    if ya is not None and yb is not None:
        return yb > ya
    if yb is not None and ya is None and ha is not None:
        return ha <= 12  # "this year" → "in 2031": named years are taken as further off than a year
    if ha is not None and hb is not None:
        return hb > ha
    if ma is not None and ha is None and ya is None and hb is not None and hb >= 12:
        return True  # "opens in June" → "next year"
    if ma is not None and mb is not None and ha is None and hb is None:
        return mb != ma and not _SOONER.search(b.lower())  # another month, not brought forward: later
    return bool(_DELAY.search(b.lower())) and not _DELAY.search(a.lower())


_SOONER = re.compile(r"\b(?:brought forward|bring forward|earlier|early|ahead of (?:schedule|time)|sooner)\b")
_DELAY = re.compile(r"\b(?:slip(?:s|ped|ping)?|reschedul\w*|defer(?:s|red|ring)?|push(?:ed)? back|postpon\w*|"
                    r"(?<!without )delay\w*|(?:running|months|weeks) late|not until|not before|until|wait|rather than|instead|"
                    r"moved to|a further|later than planned|after|only after|once (?!again|more)\w+|gradual\w*|"
                    r"in (?:phases|stages)|over (?:the coming|the next|several|two|three|four|five) (?:weeks|months|years))\b")
_UNIVERSAL = re.compile(r"\b(?:every|all|each|whole|any|everyone|everybody|nationwide|across the)\b")
_RESTRICTED = re.compile(r"\b(?:only|just|some|a few|a handful of|limited to|certain|selected|several|one|two|three|"
                         r"four|five|most|a couple of|low-income|on low incomes|the (?:worst|neediest|poorest|main|"
                         r"biggest|largest|most)\b)")


def narrowed(a: str, b: str) -> bool:
    """Does b promise the same to fewer ("every region" → "the three neediest regions")?"""
    a, b = a.lower(), b.lower()
    return bool(_UNIVERSAL.search(a)) and not _UNIVERSAL.search(b) and bool(_RESTRICTED.search(b))


# Words that keep things as they are: "the limit stays at 60" and "we won't lower it" agree.
KEEP = re.compile(r"(?<!\bto )\b(?:stay(?:s|ed|ing)?|remain\w*|keep\w*|kept|retain\w*|maintain\w*|continu\w*|stick\w* (?:to|with)|"
                  r"hold\w* the line|protect\w*|preserv\w*|in place|uphold\w*|upheld|stand(?:s|ing)? by|stood by|frozen|freez\w*|"
                  r"honou?r(?:s|ed|ing)?|respect(?:s|ed|ing)?)\b")
