"""Ingest: statement tables (CSV, JSONL, Parquet) → validated Statements + rejected rows.

Nothing is lost: every row either becomes a Statement or a Rejected record naming file,
row and field; rejected rows are written to a CSV the user is told about.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
from tqdm.auto import tqdm

from tracker.actors import ActorAliases
from tracker.dates import DateError, parse_date
from tracker.errors import InputError, TrackerError
from tracker.extraction.people import complete_surnames
from tracker.store import Store
from tracker.types import IngestSummary, Rejected, Statement

REQUIRED = ("actor", "date", "text")
OPTIONAL = ("statement_id", "source", "topic", "kind", "context")
from tracker.textio import ARTICLE_SUFFIXES, TABLE_SUFFIXES, decode  # noqa: E402  (re-exported)
MAX_TEXT_CHARS = 20_000
_DELIMITERS = ",;\t|"


@dataclass
class RawTable:
    """Rows read from one file, before validation; row numbers as a user would count them."""

    name: str
    rows: list[tuple[int, dict]]
    rejected: list[Rejected] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_csv_text(text: str, name: str, warnings: list[str], *,
                  required: tuple[str, ...] = REQUIRED) -> list[tuple[int, dict]]:
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    first = text.splitlines()[0]
    counts = {d: first.count(d) for d in _DELIMITERS}
    delimiter = max(counts, key=counts.get) if max(counts.values()) > 0 else ","
    if delimiter != ",":
        warnings.append(f"{name}: using delimiter {delimiter!r}")
    csv.field_size_limit(2**31 - 1)  # a huge cell is rejected by validation, with its row number
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    _check_header(reader.fieldnames or [], name, required)
    rows = []
    try:
        for row in reader:
            extra = row.pop(None, None)
            if extra:
                row["_extra"] = delimiter.join(extra)
            rows.append((len(rows) + 2, {_norm(k): v for k, v in row.items() if k is not None}))
    except csv.Error as exc:
        raise InputError(f"{name}: line {reader.line_num}: malformed CSV: {exc}") from None
    return rows


def _norm(column: str) -> str:
    return str(column).strip().lower()


def _check_header(columns: Iterable[str], name: str, required: tuple[str, ...] = REQUIRED) -> None:
    cols = {_norm(c) for c in columns if c is not None}
    missing = [c for c in required if c not in cols]
    if missing:
        raise InputError(
            f"{name}: missing required column(s) {', '.join(missing)} (found: {', '.join(sorted(cols)) or 'none'})"
        )


def read_table(path: str) -> RawTable:
    """Read one file (or '-' for CSV on stdin) into raw rows."""
    warnings: list[str] = []
    if path == "-":
        data = sys.stdin.buffer.read()
        return RawTable("<stdin>", read_csv_text(decode(data, "<stdin>", warnings), "<stdin>", warnings), warnings=warnings)
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: file not found")
    if p.is_dir():
        raise InputError(f"{p}: is a directory")
    suffix = p.suffix.lower()
    if suffix == ".parquet":
        return _read_parquet(p)
    data = p.read_bytes()
    if suffix in (".jsonl", ".ndjson"):
        return _read_jsonl(decode(data, str(p), warnings), str(p), warnings)
    if suffix not in (".csv", ".tsv") and data[:1] in (b"{",):
        return _read_jsonl(decode(data, str(p), warnings), str(p), warnings)
    return RawTable(str(p), read_csv_text(decode(data, str(p), warnings), str(p), warnings), warnings=warnings)


def _read_jsonl(text: str, name: str, warnings: list[str]) -> RawTable:
    rows, rejected, columns = [], [], set()
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            rejected.append(Rejected(name, lineno, "(line)", f"not valid JSON: {exc.msg}", {"_line": line[:2000]}))
            continue
        if not isinstance(obj, dict):
            rejected.append(Rejected(name, lineno, "(line)", "not a JSON object", {"_line": line[:2000]}))
            continue
        obj = {_norm(k): v for k, v in obj.items()}
        columns |= obj.keys()
        rows.append((lineno, obj))
    if rows:
        _check_header(columns, name)
    elif not rejected:
        raise InputError(f"{name}: file is empty")
    return RawTable(name, rows, rejected, warnings)


def _read_parquet(p: Path) -> RawTable:
    try:
        df = pd.read_parquet(p)
    except Exception as exc:  # pyarrow raises many types for a broken file
        raise InputError(f"{p}: cannot read as Parquet: {exc}") from None
    _check_header(df.columns, str(p))
    df.columns = [_norm(c) for c in df.columns]
    records = df.to_dict(orient="records")
    return RawTable(str(p), [(i, r) for i, r in enumerate(records, start=1)])


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    return str(value)


def content_key(actor: str, date: str, text: str) -> str:
    norm = " ".join(text.split()).casefold()
    return hashlib.sha1(f"{actor.casefold()}\x1f{date}\x1f{norm}".encode()).hexdigest()


def validate(table: RawTable, aliases: ActorAliases, *,
             today: dt.date | None = None) -> tuple[list[tuple[int, Statement]], list[Rejected]]:
    """Turn raw rows into (row number, Statement); each failure names file, row and field."""
    good: list[tuple[int, Statement]] = []
    bad = list(table.rejected)
    rows = tqdm(table.rows, desc=f"reading {Path(table.name).name}", unit="row", disable=len(table.rows) < 20_000)
    for rowno, row in rows:
        def reject(fld: str, msg: str) -> None:
            bad.append(Rejected(table.name, rowno, fld, msg, {k: _cell(v) for k, v in row.items()}))

        text_value = row.get("text")
        if text_value is not None and not isinstance(text_value, str) and _cell(text_value):
            reject("text", f"expected text, got {type(text_value).__name__}")
            continue
        text = _cell(text_value).strip()
        if not text:
            reject("text", "empty text")
            continue
        if len(text) > MAX_TEXT_CHARS:
            reject("text", f"text is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,} (split it into statements)")
            continue
        actor = aliases.canonical(_cell(row.get("actor")))
        if not actor:
            reject("actor", "empty actor")
            continue
        try:
            day, precision = parse_date(row.get("date"), today=today)
        except DateError as exc:
            reject("date", str(exc))
            continue
        iso = day.isoformat()
        key = content_key(actor, iso, text)
        sid = _cell(row.get("statement_id")).strip() or f"s-{key[:12]}"
        meta = {k: _cell(v) for k, v in row.items() if k not in REQUIRED + OPTIONAL and _cell(v)}
        good.append((rowno, Statement(
            statement_id=sid, actor=actor, date=iso, date_precision=precision, text=text,
            source=_cell(row.get("source")).strip(), topic_hint=_cell(row.get("topic")).strip(),
            kind=_cell(row.get("kind")).strip(), context=_cell(row.get("context")).strip(), metadata=meta,
            content_key=key,
        )))
    return good, bad


def write_rejects(rejected: list[Rejected], path: Path) -> Path:
    """Rejected rows with the reason, original columns after; appended across runs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    columns: list[str] = []
    for r in rejected:
        columns += [c for c in r.raw if c not in columns]
    frame = pd.DataFrame(
        [{"file": r.file, "row": r.row, "field": r.field, "error": r.message, **r.raw} for r in rejected],
        columns=["file", "row", "field", "error", *columns],
    )
    from tracker.outputs.export import neutralise_formulas

    neutralise_formulas(frame).to_csv(path, index=False)
    return path


def article_statements(path: str, aliases: ActorAliases, *, date=None, url=None, outlet=None,
                       log=print) -> list[Statement]:
    """Statements extracted from one news article (quotes, reported speech, descriptions); a speaker named by
    surname alone takes the full name that the people `aliases` knows give it."""
    article, found = extract_article(path, aliases, date=date, url=url, outlet=outlet, log=log)
    return as_statements(path, article, complete_surnames([found], aliases.people)[0], aliases)


def extract_article(path: str, aliases: ActorAliases, *, date=None, url=None, outlet=None, log=print):
    """The article read from `path` and the statements extracted from it."""
    from tracker.extraction.read import read_article
    from tracker.extraction.extract import extract_statements

    article = read_article(path, date=date, url=url, outlet=outlet)
    if article.date_source == "text":
        log(f"{path}: no date given; using the latest full date in the text, {article.date.isoformat()} "
            "(pass --date or a .meta.json sidecar to set it)")
    return article, extract_statements(article, aliases=aliases)


def as_statements(path: str, article, found: list, aliases: ActorAliases) -> list[Statement]:
    """One article's extracted statements as store records, each keyed by its speaker, day and words."""
    found = [replace(x, speaker=aliases.canonical(x.speaker)) for x in found]  # a completed name may have an alias
    keys = [content_key(x.speaker, x.date.isoformat(), x.text) for x in found]
    out = []
    for x, key in zip(found, keys):
        meta = {"article": str(path), "outlet": article.outlet, "sentence": x.sentence, "start": x.start, "end": x.end,
                "speaker_kind": x.speaker_kind}
        context = x.context  # the question it answers, if any
        if x.contrasts is not None:
            # the writer sets this position against another statement of the speaker: detect treats the pair
            # as a shift the source itself reports; a description ("appeared open to the idea") takes the
            # other statement, in square brackets, as what it refers to, since that says what "the idea" was
            if x.kind == "description":
                context = f"[{found[x.contrasts].text}]"
            meta["contrasted_with"] = f"a-{keys[x.contrasts][:12]}"
        out.append(Statement(
            statement_id=f"a-{key[:12]}", actor=x.speaker, date=x.date.isoformat(), date_precision=x.date_precision,
            text=x.text, source=article.url or str(path), kind=x.kind, context=context, content_key=key,
            metadata=meta,
        ))
    return out


def _extract_articles(paths: list[str], aliases: ActorAliases, log,
                      article_meta: dict | None) -> dict[str, list[Statement] | Rejected]:
    """Every article among `paths`, extracted before any is stored, so that a surname one article writes
    alone takes the full name another gives (or `aliases.people`); an article the rules fail on is a reject."""
    read: dict[str, tuple] = {}
    out: dict[str, list[Statement] | Rejected] = {}
    for path in tqdm(paths, desc="extracting", unit="article", disable=None if len(paths) > 1 else True):
        try:
            read[path] = extract_article(path, aliases, log=log, **(article_meta or {}))
        except TrackerError:
            raise
        except Exception as exc:  # a fault in the extraction rules on this text: the other files go on
            out[path] = Rejected(path, 0, "text", f"no statements extracted, the article was skipped "
                                                  f"({type(exc).__name__}: {exc})")
    completed = complete_surnames([found for _, found in read.values()], aliases.people)
    for (path, (article, _)), found in zip(read.items(), completed):
        out[path] = as_statements(path, article, found, aliases)
    return out


def ingest_files(store: Store, paths: list[str], aliases: ActorAliases, *, rejects_dir: Path,
                 log=print, today: dt.date | None = None, article_meta: dict | None = None) -> IngestSummary:
    """Read, validate and store each file; reject-report per file; returns the totals."""
    total = IngestSummary()
    all_rejected: list[Rejected] = []
    paths = expand_inputs(paths)
    article_paths = [p for p in paths if Path(p).suffix.lower() in ARTICLE_SUFFIXES]
    articles = _extract_articles(article_paths, aliases.knowing(store.actor_documents()) if article_paths else aliases,
                                 log, article_meta)
    for path in paths:
        if path in articles:
            statements = articles[path]
            if isinstance(statements, Rejected):
                log(f"rejected: {statements.describe()}")
                all_rejected.append(statements)
                total.add(IngestSummary(read=1, rejected=1))
                continue
            ingested, duplicates, _ = store.insert_statements(statements)
            log(f"{path}: {len(statements)} statements extracted")
            total.add(IngestSummary(read=len(statements), ingested=ingested, duplicate=duplicates))
            continue
        table = read_table(path)
        for w in table.warnings:
            log(f"warning: {w}")
        numbered, rejected = validate(table, aliases, today=today)
        ingested, duplicates, conflicts = store.insert_statements([s for _, s in numbered])
        for index, msg in conflicts:
            rowno, s = numbered[index]
            raw = {"statement_id": s.statement_id, "actor": s.actor, "date": s.date, "text": s.text}
            rejected.append(Rejected(table.name, rowno, "statement_id", msg, raw))
        summary = IngestSummary(read=len(table.rows) + len(table.rejected), ingested=ingested,
                                duplicate=duplicates, rejected=len(rejected))
        for r in rejected[:20]:
            log(f"rejected: {r.describe()}")
        if len(rejected) > 20:
            log(f"rejected: ... and {len(rejected) - 20} more")
        all_rejected += rejected
        total.add(summary)
    if all_rejected:
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        total.rejects_path = str(write_rejects(all_rejected, rejects_dir / f"rejects-{stamp}.csv"))
        log(f"{len(all_rejected)} rejected rows written to {total.rejects_path}")
    return total


def ingest_frame(store: Store, frame: pd.DataFrame, aliases: ActorAliases, *, rejects_dir: Path, log=print,
                 name: str = "<frame>", today: dt.date | None = None) -> IngestSummary:
    """Statements from a DataFrame with the columns of a statements CSV; rows numbered from 1."""
    _check_header(frame.columns, name)
    rows = [(i, {_norm(str(k)): _cell(v) for k, v in r.items()}) for i, r in enumerate(frame.to_dict("records"), 1)]
    numbered, rejected = validate(RawTable(name, rows), aliases, today=today)
    ingested, duplicates, conflicts = store.insert_statements([s for _, s in numbered])
    for index, msg in conflicts:
        rowno, s = numbered[index]
        rejected.append(Rejected(name, rowno, "statement_id", msg, {"statement_id": s.statement_id}))
    for r in rejected[:20]:
        log(f"rejected: {r.describe()}")
    summary = IngestSummary(read=len(rows), ingested=ingested, duplicate=duplicates, rejected=len(rejected))
    if rejected:
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        summary.rejects_path = str(write_rejects(rejected, rejects_dir / f"rejects-{stamp}.csv"))
        log(f"{len(rejected)} rejected rows written to {summary.rejects_path}")
    return summary


def expand_inputs(paths: list[str]) -> list[str]:
    """Folders expand to the statement tables inside them, in name order."""
    out: list[str] = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = sorted(str(f) for f in p.iterdir() if f.suffix.lower() in TABLE_SUFFIXES | ARTICLE_SUFFIXES)
            if not found:
                raise InputError(f"{p}: no statement tables (.csv, .jsonl, .parquet) or articles (.txt, .md, .html) in folder")
            out += found
        else:
            out.append(path)
    return out
