"""Property-based: arbitrary text never raises an unhandled exception in parsing.

Example counts: 2,500 for each parsing property and 400 for extraction (10,400 in all); HYPOTHESIS_PROFILE=quick runs fewer.
"""

import datetime as dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.actors import ActorAliases
from tracker.dates import DateError, parse_date
from tracker.errors import InputError
from tracker.ingest import RawTable, read_csv_text, validate

settings.register_profile("default", max_examples=2500, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("quick", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

TODAY = dt.date(2026, 1, 1)
dateish = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"\d{1,4}[-/. ]\d{1,2}[-/. ]\d{1,4}", fullmatch=True),
    st.from_regex(r"(Jan|Feb|Mar|Aug|Sept?)\.? \d{1,2},? \d{4}", fullmatch=True),
    st.integers(min_value=-10**6, max_value=10**6).map(str),
)


@given(dateish)
def test_parse_date_only_raises_date_error(value):
    try:
        day, precision = parse_date(value, today=TODAY)
    except DateError as exc:
        assert str(exc)
    else:
        assert day <= TODAY and precision in ("day", "month", "year")


@given(st.text(max_size=400))
def test_csv_reader_only_raises_input_error(text):
    try:
        rows = read_csv_text(text, "fuzz.csv", [])
    except InputError as exc:
        assert "fuzz.csv" in str(exc)
    else:
        assert all(isinstance(r, dict) for _, r in rows)


row = st.fixed_dictionaries({"actor": st.text(max_size=30), "date": dateish, "text": st.text(max_size=200)},
                            optional={"statement_id": st.text(max_size=10), "source": st.text(max_size=30),
                                      "other": st.one_of(st.none(), st.integers(), st.text(max_size=10))})


@given(st.lists(row, max_size=8))
def test_validate_accounts_for_every_row(rows):
    table = RawTable("fuzz.csv", list(enumerate(rows, start=2)))
    good, bad = validate(table, ActorAliases(), today=TODAY)
    assert len(good) + len(bad) == len(rows)
    for r in bad:
        assert r.file == "fuzz.csv" and r.field in ("actor", "date", "text") and r.message


@given(st.text(max_size=300))
def test_jsonl_reader_never_crashes(text):
    from tracker.ingest import _read_jsonl

    try:
        table = _read_jsonl(text, "fuzz.jsonl", [])
    except InputError as exc:
        assert "fuzz.jsonl" in str(exc)
    else:  # every non-blank line is either a row or a rejected line, never both, never lost
        lines = [n for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
        assert sorted([n for n, _ in table.rows] + [r.row for r in table.rejected]) == lines


article_text = st.lists(st.one_of(
    st.text(max_size=80),
    st.sampled_from(['"We will not," he said.', "She said that it was over.", "Trump said:", '"', "“", "”",
                     "on Tuesday", "a day earlier", "yesterday", "— Name (@handle) August 19, 2025",
                     "TRUMP: “Yes.”", "the Prime Minister", "\n\n", "The Statement said", "It added:", "Q: Will you?",
                     "A: No.", "Defence lawyer Jane de la Roe:", "his spokesman said", "The defence minister said",
                     ", who chairs the committee,", "The first question came from", "Another reporter pressed him.",
                     "9.53pm - Roe confirms", "wrote on Twitter", "was unmoved", "urged voters to",
                     "reversed course, two days after"]),
), max_size=12).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(article_text)
def test_extraction_never_crashes(text):
    from tracker.extraction.read import Article
    from tracker.extraction.extract import extract_statements

    article = Article(path="fuzz.txt", text=text, date=TODAY, url="https://example.org", outlet="", date_source="argument")
    for s in extract_statements(article):
        assert s.kind in ("direct", "reported", "description") and s.speaker and s.date <= TODAY + dt.timedelta(days=1)
