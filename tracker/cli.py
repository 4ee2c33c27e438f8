"""Command line: each command parses its arguments, calls one `Tracker` method, prints.

Messages go to stderr. Exit codes: 0 ok; 2 usage; 3 input cannot be read; 4 model problem;
5 store problem.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from tracker.api import Tracker
from tracker.outputs.export import write_text
from tracker.errors import InputError, ModelError, StoreError, TrackerError, UsageError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Track what public figures say and flag when they reverse themselves.")

EXIT_CODES = {UsageError: 2, InputError: 3, ModelError: 4, StoreError: 5}

Db = Annotated[Optional[Path], typer.Option("--db", help="SQLite store (default: $TRACKER_DB or tracker.db).")]
Model = Annotated[Optional[str], typer.Option("--model", help="sentence-transformers model name or path (default: "
                                               "$TRACKER_MODEL or the bundled all-MiniLM-L6-v2).")]
Backend = Annotated[Optional[str], typer.Option("--backend", help="Encoder runtime ($TRACKER_BACKEND): auto (bundled "
                                                 "model: onnx-int8; others: torch), torch, onnx, onnx-int8.")]
Classifier = Annotated[Optional[Path], typer.Option("--classifier", help="Trained judge folder (default: shipped models/reversal).")]
Trust = Annotated[bool, typer.Option("--trust", help="Allow loading a pickled classifier file you made yourself.")]
Out = Annotated[Optional[Path], typer.Option("--out", help="Output file (default: stdout).")]
Nli = Annotated[Optional[str], typer.Option("--nli", help="Add an NLI contradiction scorer's features: 'aegis' "
                                            "(optional extra, no stated licence) or a CrossEncoder name/path.")]
Actor = Annotated[Optional[str], typer.Option("--actor")]
Topic = Annotated[Optional[str], typer.Option("--topic", help="Topic id or label.")]
Since = Annotated[Optional[str], typer.Option("--since", help="Later statement on or after this date.")]
Until = Annotated[Optional[str], typer.Option("--until", help="Later statement on or before this date.")]
Raw = Annotated[bool, typer.Option("--raw", help="Do not neutralise spreadsheet formulas in CSV output.")]
Format = Annotated[str, typer.Option("--format", help="csv or json")]
Window = Annotated[Optional[int], typer.Option("--window", help="Compare statements at most this many days apart (default 20 years).")]
Budget = Annotated[Optional[int], typer.Option("--budget", help="Earlier statements each statement is compared with (default 10).")]
TopicsFile = Annotated[Optional[Path], typer.Option("--topics", help="CSV of pinned topics: id,label,description.")]
Actors = Annotated[Optional[Path], typer.Option("--actors", help="Alias CSV alias,canonical (default: $TRACKER_ACTORS, "
                                                "else data/actors.csv if present).")]
Rejects = Annotated[Optional[Path], typer.Option("--rejects", help="Folder for rejected rows (default: beside the store).")]
ArticleDate = Annotated[Optional[str], typer.Option("--date", help="Article date (articles only; else sidecar or text).")]
ArticleUrl = Annotated[Optional[str], typer.Option("--url", help="Article URL (articles only).")]
ArticleOutlet = Annotated[Optional[str], typer.Option("--outlet", help="Article outlet (articles only).")]
Engine = Annotated[str, typer.Option("--engine", help="local, or dask (partitions embedding and judging by actor).")]
Scheduler = Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address (default: a LocalCluster).")]
PairModelDir = Annotated[Optional[Path], typer.Option("--pair-model", help="Pair model folder (default: the shipped "
                                                      "models/reversal/pair_model; 'none' for cue features only).")]
GraderDir = Annotated[Optional[Path], typer.Option("--grader", help="Grader folder for short plain pairs (default: "
                                                  "the shipped models/reversal/grader; 'none' for the pair model's).")]
LabelledDir = Annotated[Path, typer.Option("--data", help="Labelled data folder.")]


def err(message: str) -> None:
    typer.echo(message, err=True)


def command(*args, on: typer.Typer | None = None, **kwargs):
    """app.command (or `on`'s) that turns library errors into one stderr line and a meaningful exit code."""
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
        return (on or app).command(*args, **kwargs)(run)
    return wrap


def _open(db, **kw) -> Tracker:
    return Tracker.open(db, log=err, **kw)


def _table(df, out, format="csv", raw=False) -> None:
    from tracker.outputs.export import write_table

    if format not in ("csv", "json"):
        raise UsageError("--format must be csv or json")
    write_table(df, out, fmt=format, raw=raw)


@command()
def ingest(inputs: Annotated[list[str], typer.Argument(help="CSV / JSONL / Parquet tables, .txt/.md/.html articles, "
                                                            "or folders; '-' reads CSV from stdin.")],
           db: Db = None, actors: Actors = None, rejects: Rejects = None,
           date: ArticleDate = None, url: ArticleUrl = None, outlet: ArticleOutlet = None):
    """Add statements to the store (idempotent); articles are split into attributed statements."""
    with _open(db, actors=actors) as t:
        t.ingest(inputs, rejects=rejects, article_meta={"date": date, "url": url, "outlet": outlet})


@command()
def detect(db: Db = None, model: Model = None, backend: Backend = None, classifier: Classifier = None, trust: Trust = False,
           window: Window = None, budget: Budget = None, topics: TopicsFile = None, engine: Engine = "local",
           scheduler: Scheduler = None):
    """Embed, group into topics, judge each statement against its actor's nearest earlier ones."""
    with _open(db, model=model, backend=backend, classifier=classifier, trust=trust, engine=engine,
               scheduler=scheduler) as t:
        t.detect(window_days=window, budget=budget, topics_file=topics)


@command()
def changes(db: Db = None, format: Format = "csv", out: Out = None, actor: Actor = None, topic: Topic = None,
            since: Since = None, until: Until = None, raw: Raw = False,
            review: Annotated[Optional[str], typer.Option("--review", help="Only changes whose review is unreviewed, "
                                                          "confirmed or dismissed (comma-separated).")] = None):
    """List flagged changes (contract columns, then `review`: unreviewed / confirmed / dismissed)."""
    with _open(db) as t:
        _table(t.changes(actor=actor, topic=topic, since=since, until=until, review=review), out, format, raw)


@command()
def candidates(db: Db = None, format: Format = "csv", out: Out = None, actor: Actor = None, topic: Topic = None,
               since: Since = None, until: Until = None,
               min_score: Annotated[Optional[float], typer.Option("--min-score", help="Only pairs scoring at least this.")] = None,
               classifier: Classifier = None, trust: Trust = False, raw: Raw = False):
    """Every pair the judge scored, flagged or not (earlier_id, later_id, actor, topic, topic_label, score, label, flagged)."""
    with _open(db, classifier=classifier, trust=trust) as t:
        _table(t.candidates(actor=actor, topic=topic, since=since, until=until, min_score=min_score), out, format, raw)


@command()
def timeline(db: Db = None, actor: Actor = None, topic: Topic = None, out: Out = None, raw: Raw = False):
    """Every statement ordered by actor, topic and date, with the change that ends at it."""
    with _open(db) as t:
        _table(t.timeline(actor=actor, topic=topic), out, raw=raw)


@command()
def topics(db: Db = None, out: Out = None, raw: Raw = False):
    """List topics with their labels and sizes."""
    with _open(db) as t:
        _table(t.topics(), out, raw=raw)


@command()
def classify(pairs: Annotated[Path, typer.Argument(help="CSV with text_a,text_b (optional topic,actor,date_a,date_b).")],
             out: Out = None, model: Model = None, backend: Backend = None, classifier: Classifier = None,
             trust: Trust = False, raw: Raw = False):
    """Classify free-standing statement pairs."""
    with _open(None, model=model, backend=backend, classifier=classifier, trust=trust) as t:
        _table(t.classify(pairs), out, raw=raw)


@command()
def run(inputs: Annotated[Optional[list[str]], typer.Argument(help="Statement files or folders.")] = None,
        out: Annotated[Optional[Path], typer.Option("--out", help="Output folder (default: changes CSV to stdout).")] = None,
        db: Db = None, model: Model = None, backend: Backend = None, classifier: Classifier = None, trust: Trust = False,
        actors: Actors = None, rejects: Rejects = None, window: Window = None, topics: TopicsFile = None,
        date: ArticleDate = None, url: ArticleUrl = None, outlet: ArticleOutlet = None,
        engine: Engine = "local", scheduler: Scheduler = None,
        pull: Annotated[bool, typer.Option("--pull", help="Pull the followed sources first (`tracker pull`).")] = False):
    """(Pull +) ingest + detect, then write changes.csv, a timeline CSV per flagged actor-topic, and report.html."""
    if not inputs and not pull:
        raise UsageError("give statement files or folders, or --pull")
    with _open(db, model=model, backend=backend, classifier=classifier, trust=trust, actors=actors, engine=engine,
               scheduler=scheduler) as t:
        result = t.run(inputs or [], out, window_days=window, topics_file=topics, rejects=rejects,
                       article_meta={"date": date, "url": url, "outlet": outlet}, pull=pull)
    if out is None:
        _table(result.changes, None)


@command()
def report(out: Annotated[Optional[Path], typer.Option("--out", help="report.html or report.md (default: HTML to stdout).")] = None,
           format: Annotated[Optional[str], typer.Option("--format", help="html or md (default: from --out's suffix).")] = None,
           db: Db = None, actor: Actor = None, topic: Topic = None, since: Since = None, until: Until = None):
    """Stance-change report: evidence side by side, overview table, timeline plots (self-contained)."""
    with _open(db) as t:
        text = t.report(out, fmt=format, actor=actor, topic=topic, since=since, until=until)
    if out:
        err(f"wrote {out}")
    else:
        write_text(None, text)


@command()
def plot(actor: Annotated[str, typer.Option("--actor", help="Actor whose timeline to plot.")],
         out: Annotated[Path, typer.Option("--out", help="FILE.png or FILE.svg")],
         topic: Topic = None, db: Db = None):
    """Plot an actor's timeline (one topic, or the topic with most statements)."""
    with _open(db) as t:
        err(f"wrote {t.plot(actor, out, topic=topic)}")


@command()
def digest(week: Annotated[Optional[str], typer.Option("--week", help="ISO week, e.g. 2025-W34.")] = None,
           since: Since = None, until: Until = None,
           since_last: Annotated[bool, typer.Option("--since-last", help="Everything not sent in an earlier --since-last digest; records what it sends.")] = False,
           format: Annotated[str, typer.Option("--format", help="md, html or json")] = "md",
           out: Out = None, db: Db = None):
    """Weekly digest of changes, cron-friendly: --since-last never repeats or skips a change."""
    with _open(db) as t:
        doc, _ = t.digest(week=week, since=since, until=until, since_last=since_last, fmt=format, path=out)
    err(f"digest: {doc['n_changes']} change(s)" + (" (recorded as sent)" if since_last and doc["n_changes"] else ""))


@command()
def train(data: LabelledDir = Path("data/labelled"),
          out: Annotated[Path, typer.Option("--out", help="Where to save the judge.")] = Path("models/reversal"),
          model: Model = None, backend: Backend = None, seed: int = 0, nli: Nli = None, pair_model: PairModelDir = None,
          pretrain: Annotated[bool, typer.Option("--pretrain", help="Stage 1 first: train the pair model on the "
                                                                    "public corpora in data/external.")] = False,
          pretrain_size: Annotated[int, typer.Option("--pretrain-size", help="Public pairs for stage 1.")] = 48_000,
          base: Annotated[Optional[str], typer.Option("--base", help="Encoder to start stage 1 from (default: "
                                                                     "the bundled all-MiniLM-L6-v2).")] = None,
          work: Annotated[Path, typer.Option("--work", help="Stage 1 working folder (checkpoints).")] = Path("build/pair_model"),
          version: Annotated[str, typer.Option("--version", help="Version recorded with the judge.")] = "reversal-2",
          reviews: Annotated[bool, typer.Option("--reviews", help="Also train on the store's reviewed pairs.")] = False,
          grader: GraderDir = None, db: Db = None):
    """Train the judge: stage 1 (pair model, with --pretrain) then stage 2 (head on labelled pairs)."""
    Tracker.train(data=data, out=out, model=model, backend=backend, pair_model=pair_model, pretrain=pretrain,
                  pretrain_size=pretrain_size, base=base, work=work, version=version, seed=seed, nli=nli,
                  reviews=(db or True) if reviews else None, grader=grader, log=err)


@command()
def evaluate(data: LabelledDir = Path("data/labelled"), model: Model = None, backend: Backend = None, seed: int = 0,
             out: Out = None, nli: Nli = None, pair_model: PairModelDir = None, grader: GraderDir = None,
             contrast: Annotated[Optional[Path], typer.Option("--contrast", help="Contrast set CSV.")] = None):
    """Judge metrics on data it was not fitted on: dev CV by actor, frozen test actors, contrast set (JSON)."""
    result = Tracker.evaluate(data=data, model=model, backend=backend, pair_model=pair_model, contrast=contrast,
                              seed=seed, nli=nli, grader=grader, log=err)
    text = json.dumps(result, indent=2) + "\n"
    if out:
        write_text(out, text)
    typer.echo(text, nl=False)


@command("train-extraction")
def train_extraction(articles: Annotated[Path, typer.Option("--articles", help="Folder with articles, sidecars and gold.csv.")] = Path("data/articles"),
                     out: Annotated[Optional[Path], typer.Option("--out", help="Where to save the date chooser "
                                                                          "(default: models/extraction/dates.json).")] = None):
    """Fit the date chooser on the development articles' gold."""
    chooser = Tracker.train_extraction(articles, out)
    err(f"date chooser fitted on {chooser.meta['trained_on']['statements']} statements of "
        f"{chooser.meta['trained_on']['articles']} development articles")


@command("evaluate-extraction")
def evaluate_extraction(articles: Annotated[Path, typer.Option("--articles", help="Folder with articles, sidecars and gold.csv.")] = Path("data/articles"),
                        out: Out = None):
    """Score statement extraction against gold: speaker precision/recall, date accuracy (JSON)."""
    write_text(out, json.dumps(Tracker.evaluate_extraction(articles), indent=2) + "\n")


@command()
def review(earlier_id: Annotated[str, typer.Argument(help="The earlier statement's id.")],
           later_id: Annotated[str, typer.Argument(help="The later statement's id (same actor).")],
           verdict: Annotated[str, typer.Option("--verdict", help="full_flop or half_flip (confirm), "
                                                "no_flip (dismiss).")],
           note: Annotated[str, typer.Option("--note", help="Why: kept with the verdict.")] = "",
           reviewer: Annotated[Optional[str], typer.Option("--reviewer", envvar="TRACKER_REVIEWER",
                                                           help="Who decides (default: the login name).")] = None,
           db: Db = None):
    """Record a verdict on a pair; the latest review of a pair wins, earlier ones stay as history."""
    with _open(db) as t:
        r = t.review(earlier_id, later_id, verdict, note=note, reviewer=reviewer)
    err(f"review {r.review_id}: {r.verdict} on {r.earlier_id} -> {r.later_id} by {r.reviewer}"
        + (f" (replaces {r.previous.verdict} by {r.previous.reviewer})" if r.previous else ""))


@command()
def reviews(db: Db = None, format: Format = "csv", out: Out = None, raw: Raw = False):
    """Every review, oldest first; `latest` marks the one that counts for its pair."""
    with _open(db) as t:
        _table(t.reviews(), out, format, raw)


@command("export-labels")
def export_labels(out: Annotated[Path, typer.Option("--out", help="Folder for <part>_statements.csv and "
                                                    "<part>_pairs.csv.")] = Path("reviewed-labels"),
                  part: Annotated[str, typer.Option("--part", help="File and id prefix.")] = "reviews", db: Db = None):
    """Write each reviewed pair's latest verdict in the data/labelled format (see data/labelled/SPEC.md)."""
    with _open(db) as t:
        files, n = t.export_labels(out, part=part)
    err(f"wrote {n} reviewed pair(s) to {files[1]} and their statements to {files[0]}")


@command()
def serve(db: Db = None, host: Annotated[str, typer.Option("--host", help="Address to listen on; anything but "
                                                          "loopback needs --token.")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port")] = 8765,
          token: Annotated[Optional[str], typer.Option("--token", envvar="TRACKER_REVIEW_TOKEN",
                                                       help="Required from every browser (16+ characters).")] = None,
          classifier: Classifier = None, trust: Trust = False):
    """Review queue in the browser: confirm or dismiss flags, with keyboard shortcuts (Ctrl-C stops it)."""
    with _open(db, classifier=classifier, trust=trust) as t:
        t.serve(host=host, port=port, token=token)


sources_app = typer.Typer(no_args_is_help=True, help="The feeds and pages `tracker pull` follows.")
app.add_typer(sources_app, name="sources")
SourceUrl = Annotated[str, typer.Argument(help="http(s) URL of a feed (RSS, Atom, JSON Feed) or a page.")]


@command("add", on=sources_app)
def sources_add(url: SourceUrl, db: Db = None,
                name: Annotated[Optional[str], typer.Option("--name", help="Outlet name (default: the host).")] = None,
                kind: Annotated[str, typer.Option("--kind", help="feed, or page (one page followed for changes).")] = "feed",
                allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow loopback and private "
                                                            "addresses for this source (off by default).")] = False):
    """Follow a feed or page (adding it again updates its name, kind and --allow-private)."""
    with _open(db) as t:
        new = t.add_source(url, name=name, kind=kind, allow_private=allow_private)
    err(f"{'following' if new else 'updated'} {url}")


@command("list", on=sources_app)
def sources_list(db: Db = None, format: Format = "csv", out: Out = None, raw: Raw = False):
    """The followed sources, with when each was last pulled, its last error and its entries taken in."""
    with _open(db) as t:
        _table(t.sources(), out, format, raw)


@command("remove", on=sources_app)
def sources_remove(url: SourceUrl, db: Db = None):
    """Stop following a source (its entries stay known, so they are never ingested twice)."""
    with _open(db) as t:
        t.remove_source(url)
    err(f"no longer following {url}")


@command()
def pull(db: Db = None, actors: Actors = None,
         source: Annotated[Optional[list[str]], typer.Option("--source", help="Only this source (repeatable).")] = None,
         delay: Annotated[Optional[float], typer.Option("--delay", envvar="TRACKER_PULL_DELAY",
                                                        help="Seconds between requests to one host (default 1).")] = None,
         timeout: Annotated[Optional[float], typer.Option("--timeout", help="Seconds per response (default 20).")] = None):
    """Read each source, fetch each new entry's page and ingest it as an article (exit 3 if every source fails)."""
    with _open(db, actors=actors) as t:
        t.pull(source or None, delay=delay, timeout=timeout)


def main() -> None:
    app()
