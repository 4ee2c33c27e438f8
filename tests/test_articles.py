import datetime as dt
import json

import pytest

from tracker.extraction.read import ARTICLE_SUFFIXES, read_article
from tracker.errors import InputError


def _write(tmp_path, name, text, meta=None, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    if meta is not None:
        (tmp_path / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def test_suffixes():
    assert ARTICLE_SUFFIXES == {".txt", ".md", ".html", ".htm"}


def test_sidecar_metadata(tmp_path):
    path = _write(tmp_path, "a.txt", "Jane Doe said the plan would work.",
                  {"date": "2025-08-20", "url": "https://example.org/a", "outlet": "Example"})
    art = read_article(path)
    assert (art.date, art.url, art.outlet, art.date_source) == (dt.date(2025, 8, 20), "https://example.org/a",
                                                                "Example", "sidecar")


def test_explicit_arguments_beat_sidecar(tmp_path):
    path = _write(tmp_path, "a.txt", "Text.", {"date": "2025-08-20", "url": "u1", "outlet": "o1"})
    art = read_article(path, date="2025-01-02", url="u2")
    assert (art.date, art.url, art.outlet, art.date_source) == (dt.date(2025, 1, 2), "u2", "o1", "argument")


def test_date_from_text_is_latest_full_date(tmp_path):
    text = "Published 19 Aug 2025. Updated August 21, 2025. Earlier talks on 2025-08-18 failed."
    art = read_article(_write(tmp_path, "a.md", text))
    assert art.date == dt.date(2025, 8, 21)
    assert art.date_source == "text"


def test_no_date_anywhere_names_file_and_flag(tmp_path):
    path = _write(tmp_path, "nodate.txt", "Someone said something on Tuesday.")
    with pytest.raises(InputError, match=r"nodate\.txt.*--date"):
        read_article(path)


def test_cp1252_fallback(tmp_path):
    path = _write(tmp_path, "a.txt", "He said “no” – 2025-01-02", encoding="cp1252")
    assert "“no”" in read_article(path).text


def test_html_input(tmp_path):
    html = ("<html><head><title>T</title><script>var x=1;</script></head><body><nav>Menu</nav>"
            "<article><p>Jane Doe said on Monday that the bridge would reopen in spring.</p>"
            "<p>“We are ready,” Doe told reporters.</p></article></body></html>")
    art = read_article(_write(tmp_path, "a.html", html), date="2025-03-05")
    assert "the bridge would reopen" in art.text
    assert "var x" not in art.text


def test_html_fallback_strips_tags(monkeypatch, tmp_path):
    import tracker.extraction.read as articles

    monkeypatch.setattr(articles, "_trafilatura_text", lambda html: None)
    art = read_article(_write(tmp_path, "a.htm", "<p>Hello <b>there</b></p><script>x()</script>"), date="2025-03-05")
    assert art.text.strip() == "Hello there"


def test_unknown_suffix_rejected(tmp_path):
    with pytest.raises(InputError):
        read_article(_write(tmp_path, "a.pdf", "x"))


def _blog(entries, heading='<h3><time datetime="{stamp}+01:00">{clock}</time></h3>', entry="div"):
    body = "".join(f'<{entry} class="entry">{heading.format(stamp=stamp, clock=stamp[11:])}<p>{text}</p></{entry}>'
                   for stamp, text in entries)
    return (f"<html><head><title>Live</title></head><body><nav>Home | World</nav><article><h1>Vote night live</h1>"
            f"{body}</article><footer>About us</footer></body></html>")


ENTRIES = [("2025-03-02T00:40", "Anna Berg told reporters the count had been fair and she would not contest it."),
           ("2025-03-01T23:55", "The result is in: the motion has passed by four votes after a long evening."),
           ("2025-03-01T21:10", "Tomas Lind said the government would respect whatever the chamber decided."),
           ("2025-03-01T18:30", "Debate has opened in a packed chamber, with every seat on the benches taken.")]


@pytest.mark.parametrize("heading, entry", [
    ('<h3><time datetime="{stamp}+01:00">{clock}</time></h3>', "div"),
    ('<time datetime="{stamp}+01:00">{clock}</time>', "section"),  # the time alone opens its entry
])
def test_html_live_blog_keeps_each_entrys_time_and_day(tmp_path, heading, entry):
    text = read_article(_write(tmp_path, "live.html", _blog(ENTRIES, heading, entry)), date="2025-03-02").text
    heads = [line for line in text.splitlines() if line[:2].isdigit()]
    assert heads == ["00:40, Sunday March 2", "23:55, Saturday March 1", "21:10, Saturday March 1",
                     "18:30, Saturday March 1"]
    assert text.index("18:30") < text.index("Debate has opened")


def test_html_time_inside_text_or_alone_is_left_as_it_is(tmp_path):
    one = ('<html><body><article><h1>Vote</h1><p><time datetime="2025-03-01T11:40">1 March 2025, 11:40</time></p>'
           "<p>Anna Berg said on Friday that the count had been fair and that she would not contest it.</p>"
           "</article></body></html>")
    assert "Saturday March 1" not in read_article(_write(tmp_path, "one.html", one), date="2025-03-01").text
