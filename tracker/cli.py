"""Command line: parses arguments, calls the library, prints. Messages go to stderr.

Exit codes: 0 ok; 2 usage; 3 input cannot be read; 4 model problem; 5 store problem.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from tracker.errors import InputError, ModelError, StoreError, TrackerError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Track what public figures say and flag when they reverse themselves.")

EXIT_CODES = {InputError: 3, ModelError: 4, StoreError: 5}

Db = Annotated[Optional[Path], typer.Option("--db", envvar="TRACKER_DB", help="SQLite store (default: tracker.db).")]
Model = Annotated[Optional[str], typer.Option("--model", envvar="TRACKER_MODEL",
                                               help="sentence-transformers model name or path (default: bundled all-MiniLM-L6-v2).")]
Backend = Annotated[Optional[str], typer.Option("--backend", envvar="TRACKER_BACKEND",
                                                 help="Encoder runtime: auto (bundled model: onnx-int8; others: torch), torch, onnx, onnx-int8.")]
Classifier = Annotated[Optional[Path], typer.Option("--classifier", help="Trained classifier folder (default: shipped models/reversal).")]
Trust = Annotated[bool, typer.Option("--trust", help="Allow loading a pickled classifier file you made yourself.")]
Out = Annotated[Optional[Path], typer.Option("--out", help="Output file (default: stdout).")]
Nli = Annotated[Optional[str], typer.Option("--nli", help="Add an NLI contradiction scorer's features: 'aegis' "
                                            "(optional extra, no stated licence) or a CrossEncoder name/path.")]
Actor = Annotated[Optional[str], typer.Option("--actor")]
Topic = Annotated[Optional[str], typer.Option("--topic", help="Topic id or label.")]
Since = Annotated[Optional[str], typer.Option("--since", help="Later statement on or after this date.")]
Until = Annotated[Optional[str], typer.Option("--until", help="Later statement on or before this date.")]
Raw = Annotated[bool, typer.Option("--raw", help="Do not neutralise spreadsheet formulas in CSV output.")]


def err(message: str) -> None:
    typer.echo(message, err=True)


def command(*args, **kwargs):
    """app.command that turns library errors into one stderr line and a meaningful exit code."""
    def wrap(fn):
        @functools.wraps(fn)
        def run(*a, **kw):
            try:
                return fn(*a, **kw)
            except TrackerError as exc:
                err(f"error: {exc}")
                raise typer.Exit(EXIT_CODES.get(type(exc), 1)) from None
            except KeyboardInterrupt:
                err("interrupted")
                raise typer.Exit(130) from None
        return app.command(*args, **kwargs)(run)
    return wrap


def _open(db):
    from tracker.store import Store

    return Store.open(db)


def _aliases(actors: Optional[Path]):
    from tracker.actors import ActorAliases

    if actors is None and Path("data/actors.csv").exists():
        actors = Path("data/actors.csv")
    return ActorAliases.from_csv(actors)


def _judge(classifier, trust):
    from tracker.classify import Judge

    judge = Judge.load(classifier, trust=trust)
    judge.load_scorer()
    return judge


def _bound(value):
    from tracker.dates import DateError, parse_bound

    try:
        return parse_bound(value)
    except DateError as exc:
        raise typer.BadParameter(str(exc)) from None


def _ingest(store, inputs, actors, rejects, article_meta=None):
    from tracker.ingest import ingest_files

    rejects_dir = rejects or store.path.resolve().parent / "rejects"
    meta = {k: v for k, v in (article_meta or {}).items() if v}
    summary = ingest_files(store, [str(i) for i in inputs], _aliases(actors), rejects_dir=rejects_dir, log=err,
                           article_meta=meta)
    err(f"read {summary.read}, ingested {summary.ingested}, duplicate {summary.duplicate}, rejected {summary.rejected}")
    return summary


def _check_embeddings(judge, embedder) -> None:
    """A classifier's cosine cut points only hold for the vectors it was trained on."""
    if judge.embedding_model != embedder.model_id:
        raise ModelError(f"classifier {judge.version} was trained on {judge.embedding_model} embeddings, "
                         f"not {embedder.model_id}; use its --model/--backend, or retrain with `tracker train`")


def _detect(store, model, backend, classifier, trust, window, topics_file, threshold=None, engine="local",
            scheduler=None):
    from tracker.embed import Embedder
    from tracker.pipeline import detect

    judge = _judge(classifier, trust)
    embedder = Embedder(model, backend=backend, show_progress=True)
    if model or backend:
        embedder.load()  # fail now, with the model's own error, not after ingesting
    _check_embeddings(judge, embedder)
    from tracker.engine import make_engine

    runner = make_engine(engine, scheduler)
    try:
        s = detect(store, judge, embedder, window_days=window, topics_file=topics_file, threshold=threshold,
                   engine=runner)
    finally:
        runner.close()
    err(f"{s.statements} statements, {s.embedded} newly embedded, {s.new_topics} new topics, "
        f"{s.pairs_scored} pairs scored, {s.changes} changes ({s.new_changes} new, {s.retracted} withdrawn)")
    return s


Window = Annotated[int, typer.Option("--window", help="Compare statements at most this many days apart.")]
TopicsFile = Annotated[Optional[Path], typer.Option("--topics", help="CSV of pinned topics: id,label,description.")]
Actors = Annotated[Optional[Path], typer.Option("--actors", envvar="TRACKER_ACTORS",
                                                help="Alias CSV alias,canonical (default: data/actors.csv if present).")]
Rejects = Annotated[Optional[Path], typer.Option("--rejects", help="Folder for rejected rows (default: beside the store).")]
ArticleDate = Annotated[Optional[str], typer.Option("--date", help="Article date (articles only; else sidecar or text).")]
ArticleUrl = Annotated[Optional[str], typer.Option("--url", help="Article URL (articles only).")]
ArticleOutlet = Annotated[Optional[str], typer.Option("--outlet", help="Article outlet (articles only).")]
Engine = Annotated[str, typer.Option("--engine", help="local, or dask (partitions embedding and judging by actor).")]
Scheduler = Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address (default: a LocalCluster).")]


@command()
def ingest(inputs: Annotated[list[str], typer.Argument(help="CSV / JSONL / Parquet tables, .txt/.md/.html articles, "
                                                            "or folders; '-' reads CSV from stdin.")],
           db: Db = None, actors: Actors = None, rejects: Rejects = None,
           date: ArticleDate = None, url: ArticleUrl = None, outlet: ArticleOutlet = None):
    """Add statements to the store (idempotent); articles are split into attributed statements."""
    with _open(db) as store:
        _ingest(store, inputs, actors, rejects, {"date": date, "url": url, "outlet": outlet})


@command()
def detect(db: Db = None, model: Model = None, backend: Backend = None, classifier: Classifier = None, trust: Trust = False,
           window: Window = 730, topics: TopicsFile = None, engine: Engine = "local", scheduler: Scheduler = None):
    """Embed, group into topics, and flag reversals along each actor-topic timeline."""
    with _open(db) as store:
        _detect(store, model, backend, classifier, trust, window, topics, engine=engine, scheduler=scheduler)


@command()
def changes(db: Db = None, format: Annotated[str, typer.Option("--format", help="csv or json")] = "csv",
            out: Out = None, actor: Actor = None, topic: Topic = None, since: Since = None, until: Until = None,
            raw: Raw = False):
    """List flagged changes (contract columns)."""
    from tracker.export import write_table
    from tracker.outputs import changes_table

    if format not in ("csv", "json"):
        raise typer.BadParameter("--format must be csv or json")
    with _open(db) as store:
        df = changes_table(store, actor=actor, topic=topic, since=_bound(since), until=_bound(until))
    write_table(df, out, fmt=format, raw=raw)


@command()
def timeline(db: Db = None, actor: Actor = None, topic: Topic = None, out: Out = None, raw: Raw = False):
    """Every statement ordered by actor, topic and date, with the change that ends at it."""
    from tracker.export import write_table
    from tracker.outputs import timeline_table

    with _open(db) as store:
        write_table(timeline_table(store, actor=actor, topic=topic), out, raw=raw)


@command()
def topics(db: Db = None, out: Out = None, raw: Raw = False):
    """List topics with their labels and sizes."""
    from tracker.export import write_table

    with _open(db) as store:
        df = store.topics()[["topic_id", "label", "description", "origin", "size"]]
    write_table(df, out, raw=raw)


@command()
def classify(pairs: Annotated[Path, typer.Argument(help="CSV with text_a,text_b (optional actor,date_a,date_b).")],
             out: Out = None, model: Model = None, backend: Backend = None, classifier: Classifier = None,
             trust: Trust = False, raw: Raw = False):
    """Classify free-standing statement pairs."""
    import pandas as pd

    from tracker.embed import Embedder
    from tracker.export import write_table
    from tracker.ingest import decode, read_csv_text
    from tracker.pipeline import score_pairs

    if not pairs.exists():
        raise InputError(f"{pairs}: file not found")
    warnings: list[str] = []
    rows = read_csv_text(decode(pairs.read_bytes(), str(pairs), warnings), str(pairs), warnings, required=("text_a", "text_b"))
    for w in warnings:
        err(f"warning: {w}")
    frame = pd.DataFrame([r for _, r in rows])
    judge = _judge(classifier, trust)
    embedder = Embedder(model, backend=backend)
    _check_embeddings(judge, embedder)
    write_table(score_pairs(judge, embedder, frame), out, raw=raw)


@command()
def run(inputs: Annotated[list[str], typer.Argument(help="Statement files or folders.")],
        out: Annotated[Optional[Path], typer.Option("--out", help="Output folder (default: changes CSV to stdout).")] = None,
        db: Db = None, model: Model = None, backend: Backend = None, classifier: Classifier = None, trust: Trust = False,
        actors: Actors = None, rejects: Rejects = None, window: Window = 730, topics: TopicsFile = None,
        date: ArticleDate = None, url: ArticleUrl = None, outlet: ArticleOutlet = None,
        engine: Engine = "local", scheduler: Scheduler = None):
    """Ingest + detect, then write changes.csv, a timeline CSV per flagged actor-topic, and report.html."""
    import json

    state_file = out / ".tracker-state" if out is not None else None
    key = _run_key(inputs, actors=actors, topics=topics, classifier=classifier, model=model, backend=backend,
                   window=window, date=date, url=url, outlet=outlet) if out is not None else None
    with _open(db) as store:
        state = _read_state(state_file)
        if key and state.get("run") == key and state.get("store") == store.fingerprint() \
                and (out / "changes.csv").exists() and (out / "report.html").exists():
            err(f"nothing new: the same inputs and options as the last run into {out}, and the store is unchanged")
            return
        from tracker.export import write_table
        from tracker.outputs import changes_table, timeline_tables

        _ingest(store, inputs, actors, rejects, {"date": date, "url": url, "outlet": outlet})
        _detect(store, model, backend, classifier, trust, window, topics, engine=engine, scheduler=scheduler)
        table = changes_table(store)
        if out is None:
            write_table(table, None)
            return
        fingerprint = store.fingerprint()
        if (out / "changes.csv").exists() and (out / "report.html").exists() and state.get("store") == fingerprint:
            state_file.write_text(json.dumps({"store": fingerprint, "run": key}))
            err(f"nothing changed in the store; outputs in {out} are up to date")
            return
        out.mkdir(parents=True, exist_ok=True)
        write_table(table, out / "changes.csv")
        tdir = out / "timelines"
        tdir.mkdir(exist_ok=True)
        tables = timeline_tables(store, zip(table["actor"], table["topic"]))
        for (actor, topic), (timeline_, _) in tables.items():
            write_table(timeline_, tdir / f"{_slug(actor)}__topic-{topic}.csv")
        from tracker.report import render_report

        _write_text(out / "report.html", render_report(store, fmt="html", plot_cache=out / ".plots", tables=tables))
        state_file.write_text(json.dumps({"store": fingerprint, "run": key}))
        err(f"wrote {out / 'changes.csv'} ({len(table)} changes), {table.groupby(['actor', 'topic']).ngroups} "
            f"timelines to {tdir} and {out / 'report.html'}")


def _read_state(path: Optional[Path]) -> dict:
    """What the last `run --out` wrote: the store fingerprint and the run key (an older plain-text
    state, or none, just means the next run does the full work)."""
    import json

    try:
        state = json.loads(path.read_text()) if path is not None and path.exists() else {}
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _run_key(inputs: list[str], **options) -> Optional[str]:
    """Everything a run's result depends on besides the store: the bytes of every input, alias, topics
    and classifier file, the options and this version. Equal keys and an unchanged store mean a rerun
    would redo work to arrive where it is; None (stdin, a missing path) means always do the work."""
    import hashlib
    import os

    from tracker import __version__
    from tracker.classify import SHIPPED_MODEL_DIR

    files: list[Path] = []
    for item in inputs:
        path = Path(item)
        if item == "-" or not path.exists():
            return None
        files += sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
    actors = options["actors"] or (Path("data/actors.csv") if Path("data/actors.csv").exists() else None)
    classifier = Path(options["classifier"] or SHIPPED_MODEL_DIR)
    for extra in (actors, options["topics"], classifier):
        if extra is not None and Path(extra).exists():
            extra = Path(extra)
            files += sorted(f for f in extra.rglob("*") if f.is_file()) if extra.is_dir() else [extra]
    env = {k: os.environ.get(k, "") for k in ("TRACKER_MODEL", "TRACKER_BACKEND")}
    h = hashlib.sha256(repr((__version__, sorted((k, str(v)) for k, v in options.items()), env)).encode())
    for f in files:
        h.update(str(f.resolve()).encode() + b"\x00")
        h.update(f.read_bytes())
    return h.hexdigest()


def _report(store, fmt, filters):
    from tracker.report import render_report

    return render_report(store, fmt=fmt, filters=filters)


def _write_text(path: Optional[Path], text: str) -> None:
    """stdout when path is None; else written whole via a temporary file, so readers never see half."""
    if path is None or str(path) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


@command()
def report(out: Annotated[Optional[Path], typer.Option("--out", help="report.html or report.md (default: HTML to stdout).")] = None,
           format: Annotated[Optional[str], typer.Option("--format", help="html or md (default: from --out's suffix).")] = None,
           db: Db = None, actor: Actor = None, topic: Topic = None, since: Since = None, until: Until = None):
    """Stance-change report: evidence side by side, overview table, timeline plots (self-contained)."""
    from tracker.report import report_format

    fmt = report_format(out, format)
    if fmt not in ("html", "md"):
        raise typer.BadParameter("--format must be html or md")
    filters = {"actor": actor, "topic": topic, "since": _bound(since), "until": _bound(until)}
    with _open(db) as store:
        _write_text(out, _report(store, fmt, filters))
    if out:
        err(f"wrote {out}")


@command()
def plot(actor: Annotated[str, typer.Option("--actor", help="Actor whose timeline to plot.")],
         out: Annotated[Path, typer.Option("--out", help="FILE.png or FILE.svg")],
         topic: Topic = None, db: Db = None):
    """Plot an actor's timeline (one topic, or the topic with most statements)."""
    from tracker.outputs import changes_table, timeline_table
    from tracker.plot import render_png, render_svg, timeline_figure, tooltip

    if out.suffix.lower() not in (".png", ".svg"):
        raise typer.BadParameter("--out must end in .png or .svg")
    with _open(db) as store:
        statements = timeline_table(store, actor=actor, topic=topic)
        if statements.empty:
            raise InputError(f"no statements for actor {actor!r}" + (f" and topic {topic!r}" if topic else ""))
        if topic is None:
            topic = str(statements["topic"].value_counts().idxmax())
            statements = statements[statements["topic"].astype(str) == topic]
        changes = changes_table(store, actor=actor, topic=topic)
    fig = timeline_figure(statements, changes, title=f"{statements['actor'].iloc[0]} — {statements['topic_label'].iloc[0]}")
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".svg":
        out.write_text(render_svg(fig, [tooltip(r) for _, r in statements.iterrows()]), encoding="utf-8")
    else:
        out.write_bytes(render_png(fig))
    err(f"wrote {out}")


@command()
def digest(week: Annotated[Optional[str], typer.Option("--week", help="ISO week, e.g. 2025-W34.")] = None,
           since: Since = None, until: Until = None,
           since_last: Annotated[bool, typer.Option("--since-last", help="Everything not sent in an earlier --since-last digest; records what it sends.")] = False,
           format: Annotated[str, typer.Option("--format", help="md, html or json")] = "md",
           out: Out = None, db: Db = None):
    """Weekly digest of changes, cron-friendly: --since-last never repeats or skips a change."""
    from tracker.digest import build_digest, iso_week, range_window, record_sent, render_digest

    if format not in ("md", "html", "json"):
        raise typer.BadParameter("--format must be md, html or json")
    if sum(bool(x) for x in (week, since or until, since_last)) != 1:
        raise typer.BadParameter("give exactly one of --week, --since/--until, --since-last")
    if week:
        try:
            window, mode = iso_week(week), "week"
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
    elif since_last:
        window, mode = None, "since-last"
    else:
        window, mode = range_window(_bound(since), _bound(until)), "range"
    with _open(db) as store:
        doc = build_digest(store, window=window, mode=mode)
        _write_text(out, render_digest(doc, format))
        if since_last and doc["n_changes"]:
            record_sent(store, doc)
    err(f"digest: {doc['n_changes']} change(s)" + (" (recorded as sent)" if since_last and doc["n_changes"] else ""))


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "actor"


def _labelled(folder: Path, embedder, nli: Optional[str]):
    from tracker.nli import load_scorer
    from tracker.train import add_nli, embed_pairs, load_labelled

    scorer = load_scorer(nli) if nli else None  # before the slow embedding: a missing scorer fails fast
    data = embed_pairs(load_labelled(folder), embedder)
    return add_nli(data, scorer) if scorer else data


@command()
def train(data: Annotated[Path, typer.Option("--data", help="Labelled data folder.")] = Path("data/labelled"),
          out: Annotated[Path, typer.Option("--out", help="Where to save the classifier.")] = Path("models/reversal"),
          model: Model = None, backend: Backend = None, seed: int = 0, nli: Nli = None,
          version: Annotated[str, typer.Option("--version", help="Version recorded with the model.")] = "reversal-1"):
    """Train the reversal classifier on labelled pairs (reproducible: fixed seed)."""
    from tracker.embed import Embedder
    from tracker.train import cross_validate, train_judge, write_metrics
    from tracker.modelcard import write_card

    embedder = Embedder(model, backend=backend, show_progress=True)
    data_ = _labelled(data, embedder, nli)
    err(f"{len(data_.labels)} pairs, {len(set(data_.groups))} actors; cross-validating ...")
    result = cross_validate(data_, seed=seed)
    judge = train_judge(data_, embedding_model=embedder.model_id, threshold=result["operating_point"]["threshold"],
                        version=version, seed=seed)
    judge.save(out, extra={"cv": {"macro_f1": result["model_argmax"]["macro_f1"], **result["operating_point"]}})
    write_metrics(result, out / "metrics.json")
    write_card(out, result, judge, data_dir=data)
    err(f"saved {out}: macro-F1 {result['model_argmax']['macro_f1']}, operating point {result['operating_point']}")


@command()
def evaluate(data: Annotated[Path, typer.Option("--data", help="Labelled data folder.")] = Path("data/labelled"),
             model: Model = None, backend: Backend = None, seed: int = 0, folds: int = 5, out: Out = None,
             nli: Nli = None):
    """Actor-grouped cross-validation of the classifier and two baselines; prints metrics JSON."""
    import json

    from tracker.embed import Embedder
    from tracker.train import cross_validate, write_metrics

    result = cross_validate(_labelled(data, Embedder(model, backend=backend, show_progress=True), nli),
                            n_splits=folds, seed=seed)
    if out:
        write_metrics(result, out)
    typer.echo(json.dumps(result, indent=2))


@command("evaluate-extraction")
def evaluate_extraction(articles: Annotated[Path, typer.Option("--articles", help="Folder with articles, sidecars and gold.csv.")] = Path("data/articles"),
                        out: Out = None):
    """Score statement extraction against gold: speaker precision/recall, date accuracy (JSON)."""
    import json

    from tracker.extract_eval import evaluate_extraction as run_eval

    if not (articles / "gold.csv").exists():
        raise InputError(f"{articles}: no gold.csv")
    _write_text(out, json.dumps(run_eval(str(articles)), indent=2) + "\n")


def main() -> None:
    app()
