"""Quote marks: the spans double quotes set off, single-quoted quotations read as double ones, and where the
sentence around a quote starts."""

from __future__ import annotations

import re

from tracker.extraction.records import Quote

_OPEN = "\"“"
CLOSING_MARKS = "\"”"


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
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
            quotes.append(Quote(i + 1, j, i, min(j + 1, end)))
            i = j + 1
            continue
        i += 1
    return quotes


_SINGLE_OPEN, _SINGLE_CLOSE = "'‘", "'’"


def single_quotes_as_double(text: str) -> str:
    """Quotations in single quotes ('We will stay out,' she said), as some outlets write them, in double
    quotes, one character for one so every offset holds; apostrophes (don't, Mori's) and single quotes
    nested in a double-quoted span stay. An opener follows a space, a line start or an opening bracket or
    dash or colon and precedes a letter or digit; its closer is the first single quote after it that ends a
    word and is not followed by a letter ("members' votes" would close early; such quotes are rare)."""
    if "'" not in text and "‘" not in text:
        return text
    out = list(text)
    in_double = False
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\n":
            in_double = False  # a quote left open ends with its paragraph
        elif ch in "“”\"":
            in_double = ch == "“" or (ch == "\"" and not in_double)
        elif ch in _SINGLE_OPEN and not in_double and (i == 0 or text[i - 1] in " \t\n([—–-:") \
                and i + 1 < len(text) and text[i + 1].isalnum():
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            j = next((k for k in range(i + 2, end) if text[k] in _SINGLE_CLOSE and not text[k - 1].isspace()
                      and (k + 1 == len(text) or not text[k + 1].isalnum())), -1)
            if j > 0 and '"' not in text[i:j] and "“" not in text[i:j]:
                out[i], out[j] = "“", "”"
                i = j
        i += 1
    return "".join(out)


_ABBREVIATED = re.compile(r"(?:\b[A-Z]|\b(?:Sen|Rep|Gov|Gen|Lt|Col|Sgt|Mr|Mrs|Ms|Dr|St|Hon|Prof|Rev))\.$")


def clause_start(text: str, start: int, pos: int) -> int:
    """Start of the sentence holding `pos`, ignoring sentence ends inside quotes."""
    i, quote_open, last = start, False, start
    while i < pos:
        ch = text[i]
        if ch in "“”\"":
            quote_open = (ch == "“") or (ch == "\"" and not quote_open)
            if ch == "”":
                quote_open = False
        elif ch in ".!?" and not quote_open and i + 1 < len(text) and text[i + 1] in " \"”" \
                and not _ABBREVIATED.search(text, max(start, i - 5), i + 1):  # not 'put it to Sen. Warren:'
            last = i + 1
        i += 1
    return last
