"""The bad-input matrix: every case gives a clear message, keeps the valid rows, and the counts add
up (read = ingested + duplicate + rejected)."""

import datetime as dt

import pandas as pd
import pytest

from conftest import write
from tracker.actors import ActorAliases
from tracker.errors import InputError
from tracker.ingest import ingest_files

TODAY = dt.date(2026, 1, 1)


def ingest(store, tmp_path, path):
    messages = []
    s = ingest_files(store, [str(path)], ActorAliases(), rejects_dir=tmp_path / "rejects", log=messages.append,
                     today=TODAY)
    assert s.read == s.ingested + s.duplicate + s.rejected
    return s, messages


@pytest.mark.parametrize("name, content, encoding, expect", [
    ("bom.csv", "\ufeffactor,date,text\nA,2024-01-01,with a byte order mark\n", "utf-8", (1, 0)),
    ("quoted_newlines.csv", 'actor,date,text\nA,2024-01-01,"line one\nline two"\nB,2024-01-02,after\n', "utf-8", (2, 0)),
    ("tabs.tsv", "actor\tdate\ttext\nA\t2024-01-01\ttab separated\n", "utf-8", (1, 0)),
    ("pipes.csv", "actor|date|text\nA|2024-01-01|pipe separated\n", "utf-8", (1, 0)),
    ("header_only.csv", "actor,date,text\n", "utf-8", (0, 0)),
    ("latin1.csv", "actor,date,text\nJosé Luis,2024-01-01,Año nuevo\n", "latin-1", (1, 0)),
    ("whitespace.csv", "actor,date,text\nA,2024-01-01,   \nA,2024-01-01,\t\n", "utf-8", (0, 2)),
    ("dates.csv", "actor,date,text\nA,31/02/2024,x\nA,2099-01-01,y\nA,04/05/2024,z\nA,soon,w\nA,2024-02-29,ok\n", "utf-8", (1, 4)),
])
def test_matrix(store, tmp_path, name, content, encoding, expect):
    s, _ = ingest(store, tmp_path, write(tmp_path / name, content, encoding))
    assert (s.ingested, s.rejected) == expect


def test_invalid_utf8_sequences_and_nul_bytes(store, tmp_path):
    path = tmp_path / "bytes.csv"
    path.write_bytes(b"actor,date,text\nA,2024-01-01,bad \xff\xfe bytes\nB,2024-01-02,nul\x00 byte\n")
    s, messages = ingest(store, tmp_path, path)
    assert s.ingested == 2
    assert any("NUL" in m for m in messages) and any("not valid UTF-8" in m for m in messages)
    assert "nul byte" in set(store.statements()["text"])


def test_one_megabyte_text_is_rejected_not_crashing(store, tmp_path):
    big = "word " * 210_000
    path = write(tmp_path / "big.csv", f"actor,date,text\nA,2024-01-01,{big}\nA,2024-01-02,small\n")
    s, messages = ingest(store, tmp_path, path)
    assert (s.ingested, s.rejected) == (1, 1)
    assert "big.csv: row 2: field 'text': text is 1,049,999 characters" in messages[0]


def test_duplicate_rows(store, tmp_path):
    path = write(tmp_path / "dup.csv", "actor,date,text\nA,2024-01-01,same\nA,2024-01-01,same\nA,2024-01-01,  same\n")
    s, _ = ingest(store, tmp_path, path)
    assert (s.read, s.ingested, s.duplicate) == (3, 1, 2)


def test_parquet_with_wrong_column_types(store, tmp_path):
    path = tmp_path / "typed.parquet"
    pd.DataFrame({"actor": ["A", "B", "C"], "date": [20240101, 20240102, 20240103],
                  "text": [1, 2, 3]}).to_parquet(path)
    s, messages = ingest(store, tmp_path, path)
    assert s.ingested == 0 and s.rejected == 3
    assert "typed.parquet: row 1: field 'text': expected text, got int" in messages[0]


def test_broken_parquet_is_an_input_error(store, tmp_path):
    path = write(tmp_path / "broken.parquet", "not parquet at all")
    with pytest.raises(InputError, match="broken.parquet: cannot read as Parquet"):
        ingest(store, tmp_path, path)


def test_jsonl_non_object_lines(store, tmp_path):
    path = write(tmp_path / "s.jsonl", '[1,2]\n{"actor":"A","date":"2024-01-01","text":"ok"}\n"str"\n')
    s, messages = ingest(store, tmp_path, path)
    assert (s.read, s.ingested, s.rejected) == (3, 1, 2)
    rejects = pd.read_csv(s.rejects_path)
    assert rejects["row"].tolist() == [1, 3]


def test_hundred_thousand_rows_with_one_percent_bad(store, tmp_path):
    lines = ["actor,date,text"]
    for i in range(100_000):
        date = "not a date" if i % 100 == 7 else f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        lines.append(f"Actor {i % 500},{date},statement number {i}")
    path = write(tmp_path / "big.csv", "\n".join(lines) + "\n")
    s, _ = ingest(store, tmp_path, path)
    assert (s.read, s.ingested, s.rejected) == (100_000, 99_000, 1_000)
    assert store.count_statements() == 99_000
    assert len(pd.read_csv(s.rejects_path)) == 1_000


def test_an_article_the_extraction_fails_on_is_rejected_and_the_next_file_still_ingested(store, tmp_path, monkeypatch):
    import tracker.extraction.extract as extract

    real = extract.extract_statements

    def fails_on_bad(article, **kw):
        if article.path.endswith("bad.txt"):
            raise ValueError("min() arg is an empty sequence")
        return real(article, **kw)

    monkeypatch.setattr(extract, "extract_statements", fails_on_bad)
    (tmp_path / "in").mkdir()
    for name in ("bad.txt", "good.txt"):
        write(tmp_path / "in" / name, 'Jane Doe said on Monday: "We will build the bridge next year."\n', "utf-8")
    (tmp_path / "in" / "bad.txt.meta.json").write_text('{"date": "2025-08-20"}')
    (tmp_path / "in" / "good.txt.meta.json").write_text('{"date": "2025-08-20"}')
    s, messages = ingest(store, tmp_path, tmp_path / "in")
    assert (s.ingested, s.rejected) == (1, 1)
    assert any("bad.txt: row 0: field 'text'" in m and "ValueError" in m for m in messages)
    assert "bad.txt" in pd.read_csv(s.rejects_path)["file"].iloc[0]
