"""News articles as input: text plus the metadata (date, url, outlet) statements need.

An article's date anchors every relative date ("on Tuesday", "yesterday") found in it, so
an article without a date is refused rather than guessed at silently.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from tracker.dates import DateError, parse_date
from tracker.errors import InputError
from tracker.textio import ARTICLE_SUFFIXES, decode


_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# Only full dates (day, month and year) count: a bare "Tuesday" needs an anchor itself.
_FULL_DATES = [
    re.compile(rf"\b{_MONTHS}\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}\b"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTHS}\.?,? \d{{4}}\b"),
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
]


@dataclass
class Article:
    """One article's text and where/when it was published."""

    path: str
    text: str
    date: dt.date | None
    url: str
    outlet: str
    date_source: str  # "argument" | "sidecar" | "text"


def read_article(path: str | Path, *, date: dt.date | str | None = None, url: str | None = None,
                 outlet: str | None = None) -> Article:
    """Read a .txt/.md/.html article; explicit metadata beats the sidecar, which beats the text."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: file not found")
    if p.suffix.lower() not in ARTICLE_SUFFIXES:
        raise InputError(f"{p}: not an article (expected one of {', '.join(sorted(ARTICLE_SUFFIXES))})")
    text = _read_text(p)
    if not text.strip():
        raise InputError(f"{p}: article is empty")
    meta = _sidecar(p)
    day, source = _pick_date(p, date, meta.get("date"))
    if day is None:
        day, source = latest_date_in_text(text), "text"
    if day is None:
        raise InputError(f"{p}: no article date found (no sidecar {p.name}.meta.json, no full date in the text); "
                         "pass --date YYYY-MM-DD")
    return Article(str(p), text, day, url or meta.get("url") or "", outlet or meta.get("outlet") or "", source)


def _read_text(p: Path) -> str:
    raw = decode(p.read_bytes(), str(p), [])
    if p.suffix.lower() in (".html", ".htm"):
        return html_to_text(raw)
    return raw.replace("\r\n", "\n")


def html_to_text(html: str) -> str:
    """Main text via trafilatura (drops menus and ads); plain tag stripping if it finds nothing."""
    html = timed_entries(html)
    text = _trafilatura_text(html)
    return text if text else _strip_tags(html)


_CLOCK = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})")
_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "header", "span", "strong", "b"}


def timed_entries(html: str) -> str:
    """A live blog's entry headings as text lines: a block that holds nothing but a `<time datetime="…T…">`
    becomes a paragraph `14:05, Saturday April 9`, the clock and day its attribute gives. Main-text extraction
    drops such headings, and with them the time and day of each entry. Pages with fewer than three such headings
    are left as they are (one `<time>` is the page's own date)."""
    if "<time" not in html:
        return html
    try:
        import lxml.html
    except ImportError:
        return html
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html
    heads = []
    for t in root.iter("time"):
        m = _CLOCK.match(t.get("datetime", "").strip())
        block = t.getparent()
        while block is not None and block.tag in ("span", "strong", "b", "a") and not (block.text or "").strip():
            block = block.getparent()
        if m is None or block is None:
            continue
        if block.tag not in _BLOCKS and _stands_alone(t):
            block = t  # `<section><time …>22:45</time><p>…</p>`: the time is the entry's heading by itself
        elif block.tag not in _BLOCKS:
            continue
        if " ".join(block.text_content().split()) != " ".join(t.text_content().split()):
            continue  # the time sits inside an entry's text, not as its heading
        try:
            day = dt.date.fromisoformat(m.group(1))
        except ValueError:
            continue
        heads.append((block, f"{m.group(2)}:{m.group(3)}, {day:%A %B} {day.day}"))
    if len(heads) < 3:
        return html
    for block, line in heads:
        para = lxml.html.Element("p")
        para.text, para.tail = line, block.tail
        block.getparent().replace(block, para)
    return lxml.html.tostring(root, encoding="unicode")


def _stands_alone(t) -> bool:
    """Whether a `<time>` opens its container with no text of the container's own beside it."""
    parent = t.getparent()
    return t.getprevious() is None and not (parent.text or "").strip() and not (t.tail or "").strip()


def _trafilatura_text(html: str) -> str | None:
    try:
        import trafilatura

        return trafilatura.extract(html, include_comments=False, include_tables=False)
    except Exception:  # not importable (e.g. lxml_html_clean missing) or broken markup
        return None


class _TextOnly(HTMLParser):
    _SKIP = {"script", "style", "noscript", "head"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "article", "section"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def _strip_tags(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _sidecar(p: Path) -> dict:
    side = p.with_name(p.name + ".meta.json")
    if not side.exists():
        return {}
    try:
        meta = json.loads(decode(side.read_bytes(), str(side), []))
    except json.JSONDecodeError as exc:
        raise InputError(f"{side}: not valid JSON: {exc.msg}") from None
    if not isinstance(meta, dict):
        raise InputError(f"{side}: expected a JSON object")
    return meta


def _pick_date(p: Path, explicit, sidecar) -> tuple[dt.date | None, str]:
    for value, source in ((explicit, "argument"), (sidecar, "sidecar")):
        if value in (None, ""):
            continue
        try:
            day, _ = parse_date(value, today=dt.date.max)
        except DateError as exc:
            raise InputError(f"{p}: bad article date from {source}: {exc}") from None
        return day, source
    return None, ""


def latest_date_in_text(text: str) -> dt.date | None:
    """The latest explicit full date in the text: usually the publication or update line."""
    found = []
    for pattern in _FULL_DATES:
        for m in pattern.finditer(text):
            try:
                found.append(parse_date(m.group(0).replace(".", ""), today=dt.date.max)[0])
            except DateError:
                continue
    return max(found) if found else None
