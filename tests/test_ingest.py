import datetime as dt
import json

import pandas as pd
import pytest

from tracker.actors import ActorAliases
from tracker.errors import InputError
from tracker.ingest import ingest_files, read_table, validate
from conftest import write

TODAY = dt.date(2026, 1, 1)
HEADER = "statement_id,actor,date,text,source,topic,extra_col\n"


def run_ingest(store, tmp_path, *paths):
    messages = []
    summary = ingest_files(store, [str(p) for p in paths], ActorAliases(), rejects_dir=tmp_path / "rejects",
                           log=messages.append, today=TODAY)
    return summary, messages


def test_valid_rows_go_in_and_bad_rows_are_reported(store, tmp_path):
    path = write(tmp_path / "s.csv", HEADER
                 + 'a1,Donald Trump,2025-08-18,"We\'ll let you know that, maybe later today.",https://x,troops,k\n'
                 + "a2,,2025-08-18,no actor here,,,\n"
                 + "a3,Donald Trump,someday,bad date,,,\n"
                 + "a4,Donald Trump,2025-08-19,   ,,,\n")
    summary, messages = run_ingest(store, tmp_path, path)
    assert (summary.read, summary.ingested, summary.duplicate, summary.rejected) == (4, 1, 0, 3)
    assert any("s.csv: row 3: field 'actor'" in m for m in messages)
    assert any("row 4: field 'date'" in m for m in messages)
    assert any("row 5: field 'text'" in m for m in messages)
    rejects = pd.read_csv(summary.rejects_path)
    assert rejects["field"].tolist() == ["actor", "date", "text"]
    assert rejects["statement_id"].tolist() == ["a2", "a3", "a4"]  # original columns kept
    row = store.statements().iloc[0]
    assert row["statement_id"] == "a1" and json.loads(row["metadata"]) == {"extra_col": "k"}


def test_ingest_is_idempotent(store, tmp_path):
    path = write(tmp_path / "s.csv", "actor,date,text\nJoe Biden,2024-07-05,I'm not going anywhere.\n"
                 "Joe Biden,2024-07-05,I'm not going anywhere.\n")
    first, _ = run_ingest(store, tmp_path, path)
    second, _ = run_ingest(store, tmp_path, path)
    assert (first.ingested, first.duplicate) == (1, 1)
    assert (second.ingested, second.duplicate) == (0, 2)
    assert store.count_statements() == 1


def test_conflicting_statement_id_is_rejected(store, tmp_path):
    a = write(tmp_path / "a.csv", "statement_id,actor,date,text\nx1,A,2024-01-01,one\n")
    b = write(tmp_path / "b.csv", "statement_id,actor,date,text\nx1,A,2024-01-01,two\n")
    run_ingest(store, tmp_path, a)
    summary, messages = run_ingest(store, tmp_path, b)
    assert summary.rejected == 1 and "b.csv: row 2: field 'statement_id'" in messages[0]


def test_missing_column_is_an_input_error(tmp_path):
    path = write(tmp_path / "s.csv", "actor,text\nA,hello\n")
    with pytest.raises(InputError, match=r"s.csv: missing required column\(s\) date"):
        read_table(str(path))


@pytest.mark.parametrize("content", ["", "   \n"])
def test_empty_file_is_an_input_error(tmp_path, content):
    with pytest.raises(InputError, match="empty"):
        read_table(str(write(tmp_path / "e.csv", content)))


def test_jsonl_with_broken_line_keeps_good_lines(store, tmp_path):
    path = write(tmp_path / "s.jsonl", '{"actor": "A", "date": "2024-01-02", "text": "yes"}\n{broken\n'
                 '{"actor": "A", "date": "2024-02-02", "text": "no"}\n')
    summary, messages = run_ingest(store, tmp_path, path)
    assert (summary.read, summary.ingested, summary.rejected) == (3, 2, 1)
    assert "s.jsonl: row 2: field '(line)'" in messages[0]


def test_parquet_and_semicolon_csv_and_latin1(store, tmp_path):
    pq = tmp_path / "s.parquet"
    pd.DataFrame({"actor": ["A"], "date": [pd.Timestamp("2024-03-01")], "text": ["parquet row"]}).to_parquet(pq)
    semi = write(tmp_path / "semi.csv", "actor;date;text\nB;2024-03-02;semicolon row\n")
    latin = write(tmp_path / "latin.csv", "actor,date,text\nFrançois Hollande,2014-01-14,Je suis prêt\n", "latin-1")
    summary, messages = run_ingest(store, tmp_path, pq, semi, latin)
    assert summary.ingested == 3 and summary.rejected == 0
    assert "François Hollande" in set(store.statements()["actor"])
    assert any("read as cp1252" in m for m in messages)


def test_validate_date_precision_and_alias():
    from tracker.ingest import RawTable

    table = RawTable("t.csv", [(2, {"actor": "Trump", "date": "August 2025", "text": "x"})])
    good, bad = validate(table, ActorAliases({"trump": "Donald Trump"}), today=TODAY)
    assert not bad
    (_, s), = good
    assert (s.actor, s.date, s.date_precision) == ("Donald Trump", "2025-08-01", "month")
