"""The front door: `Tracker` opens a store, resolves defaults and the environment once, owns the
loaded models, and offers one method per job. The CLI and Python users both go through it.

    from tracker import Tracker

    with Tracker.open("tracker.db") as t:
        t.ingest(["data/demo/statements.csv", "seeds/"])
        t.detect()
        print(t.changes(actor="Donald Trump"))
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from tracker import intake
from tracker.errors import InputError, ModelError, UsageError
from tracker.outputs.export import write_table, write_text
from tracker.runstate import read_state, run_key

DEFAULT_ACTORS = Path("data/actors.csv")
Log = Callable[[str], None]


def _stderr(message: str) -> None:
    import sys

    print(message, file=sys.stderr)


@dataclass
class RunResult:
    """What `Tracker.run` did: the changes table, and where it wrote its outputs (if it did)."""

    changes: pd.DataFrame
    out: Path | None = None
    up_to_date: bool = False
    files: list[Path] = field(default_factory=list)


class Tracker:
    """A statement store plus the models that judge it. Open with `Tracker.open`; close when done."""

    def __init__(self, store, *, model: str | None, backend: str | None, classifier: str | Path | None,
                 actors: Path | None, engine: str, scheduler: str | None, trust: bool, log: Log):
        self.store = store
        self.model = model
        self.backend = backend
        self.classifier = classifier
        self.actors = actors
        self.engine = engine
        self.scheduler = scheduler
        self.trust = trust
        self.log = log
        self._judge = None
        self._embedder = None

    @classmethod
    def open(cls, db: str | Path | None = None, *, model: str | None = None, backend: str | None = None,
             classifier: str | Path | None = None, actors: str | Path | None = None, engine: str | None = None,
             scheduler: str | None = None, trust: bool = False, log: Log = _stderr) -> "Tracker":
        """Defaults: $TRACKER_DB or tracker.db (resolved by the store); $TRACKER_MODEL / $TRACKER_BACKEND or the
        bundled encoder (resolved by the embedder); the shipped judge; $TRACKER_ACTORS or data/actors.csv
        when present; the local engine. No other layer reads these variables."""
        from tracker.store import Store

        actors = actors or os.environ.get("TRACKER_ACTORS") or (DEFAULT_ACTORS if DEFAULT_ACTORS.exists() else None)
        return cls(Store.open(db), model=model, backend=backend, classifier=classifier,
                   actors=Path(actors) if actors else None, engine=engine or "local", scheduler=scheduler,
                   trust=trust, log=log)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Tracker":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- models, loaded once ---------------------------------------------------------------
    @property
    def judge(self):
        if self._judge is None:
            from tracker.judge.model import Judge

            judge = Judge.load(self.classifier, trust=self.trust)
            judge.load_scorer()
            self._judge = judge
        return self._judge

    @property
    def embedder(self):
        if self._embedder is None:
            from tracker.embed import Embedder

            embedder = Embedder(self.model, backend=self.backend, show_progress=True)
            if self.model or self.backend:
                embedder.load()  # fail now, with the model's own error, not after other work
            if self.judge.embedding_model != embedder.model_id:
                raise ModelError(f"classifier {self.judge.version} was trained on {self.judge.embedding_model} "
                                 f"embeddings, not {embedder.model_id}; use its --model/--backend, or retrain "
                                 "with `tracker train`")
            self._embedder = embedder
        return self._embedder

    # -- intake ------------------------------------------------------------------------------
    def ingest(self, inputs: str | Path | Iterable[str | Path] | pd.DataFrame, *, rejects: str | Path | None = None,
               article_meta: dict | None = None):
        """Add statements from files, folders or a DataFrame (columns as in a CSV); returns IngestSummary."""
        from tracker.actors import ActorAliases
        from tracker.ingest import ingest_files, ingest_frame

        rejects_dir = Path(rejects) if rejects else self.store.path.resolve().parent / "rejects"
        aliases = ActorAliases.from_csv(self.actors)
        if isinstance(inputs, pd.DataFrame):
            summary = ingest_frame(self.store, inputs, aliases, rejects_dir=rejects_dir, log=self.log)
        else:
            paths = [str(inputs)] if isinstance(inputs, (str, Path)) else [str(p) for p in inputs]
            meta = {k: v for k, v in (article_meta or {}).items() if v}
            summary = ingest_files(self.store, paths, aliases, rejects_dir=rejects_dir, log=self.log,
                                   article_meta=meta)
        self.log(f"read {summary.read}, ingested {summary.ingested}, duplicate {summary.duplicate}, "
                 f"rejected {summary.rejected}")
        return summary

    # -- judging ------------------------------------------------------------------------------
    def detect(self, *, window_days: int | None = None, budget: int | None = None, threshold: float | None = None,
               topics_file: str | Path | None = None, progress: bool = True):
        """Embed what is new, give it topics, judge its candidate pairs, store the changes."""
        from tracker.candidates import DEFAULT_BUDGET, DEFAULT_WINDOW_DAYS
        from tracker.engine import make_engine
        from tracker.pipeline import detect

        judge, embedder = self.judge, self.embedder
        runner = make_engine(self.engine, self.scheduler)
        try:
            s = detect(self.store, judge, embedder, window_days=window_days or DEFAULT_WINDOW_DAYS,
                       budget=budget or DEFAULT_BUDGET,
                       topics_file=topics_file, threshold=threshold, engine=runner, progress=progress)
        finally:
            runner.close()
        self.log(f"{s.statements} statements, {s.embedded} newly embedded, {s.new_topics} new topics, "
                 f"{s.pairs_scored} pairs scored, {s.changes} changes ({s.new_changes} new, {s.retracted} withdrawn)")
        return s

    def classify(self, pairs: pd.DataFrame | str | Path) -> pd.DataFrame:
        """Free-standing pairs (text_a, text_b; optional topic, date_a, date_b) with label and probabilities;
        a CSV path is read as ingest reads tables (any encoding it knows, a clear error naming the file)."""
        from tracker.pipeline import score_pairs

        if not isinstance(pairs, pd.DataFrame):
            from tracker.ingest import decode, read_csv_text

            path = Path(pairs)
            if not path.exists():
                raise InputError(f"{path}: file not found")
            warnings: list[str] = []
            rows = read_csv_text(decode(path.read_bytes(), str(path), warnings), str(path), warnings,
                                 required=("text_a", "text_b"))
            for w in warnings:
                self.log(f"warning: {w}")
            pairs = pd.DataFrame([r for _, r in rows])
        missing = {"text_a", "text_b"} - set(pairs.columns)
        if missing:
            raise InputError(f"pairs: missing column(s) {sorted(missing)}")
        return score_pairs(self.judge, self.embedder, pairs)

    # -- reading what the store holds -----------------------------------------------------------
    def changes(self, *, actor=None, topic=None, since=None, until=None, review=None) -> pd.DataFrame:
        from tracker.outputs.tables import changes_table

        return changes_table(self.store, actor=actor, topic=topic, since=_bound(since), until=_bound(until),
                             review=review)

    def candidates(self, *, actor=None, topic=None, since=None, until=None, min_score=None) -> pd.DataFrame:
        from tracker.outputs.tables import candidates_table

        return candidates_table(self.store, self.judge.key, self.judge.threshold, actor=actor, topic=topic,
                                since=_bound(since), until=_bound(until), min_score=min_score)

    def timeline(self, actor=None, topic=None) -> pd.DataFrame:
        from tracker.outputs.tables import timeline_table

        return timeline_table(self.store, actor=actor, topic=topic)

    def topics(self) -> pd.DataFrame:
        return self.store.topics()[["topic_id", "label", "description", "origin", "size"]]

    def report(self, path: str | Path | None = None, *, fmt: str | None = None, actor=None, topic=None, since=None,
               until=None) -> str:
        """The stance-change report as HTML or Markdown; written whole to `path` when given."""
        from tracker.outputs.report import render_report, report_format

        fmt = report_format(Path(path) if path else None, fmt)
        if fmt not in ("html", "md"):
            raise UsageError(f"--format must be html or md, not {fmt!r}")
        filters = {"actor": actor, "topic": topic, "since": _bound(since), "until": _bound(until)}
        text = render_report(self.store, fmt=fmt, filters=filters)
        if path:
            write_text(path, text)
        return text

    def digest(self, *, week: str | None = None, since=None, until=None, since_last: bool = False,
               fmt: str = "md", path: str | Path | None = None) -> tuple[dict, str]:
        """The digest document and its rendering; --since-last records what it sent after writing it."""
        from tracker.outputs.digest import build_digest, iso_week, range_window, record_sent, render_digest

        if fmt not in ("md", "html", "json"):
            raise UsageError(f"--format must be md, html or json, not {fmt!r}")
        if sum(bool(x) for x in (week, since or until, since_last)) != 1:
            raise UsageError("give exactly one of --week, --since/--until, --since-last")
        if week:
            try:
                window, mode = iso_week(week), "week"
            except ValueError as exc:
                raise UsageError(str(exc)) from None
        elif since_last:
            window, mode = None, "since-last"
        else:
            window, mode = range_window(_bound(since), _bound(until)), "range"
        doc = build_digest(self.store, window=window, mode=mode)
        text = render_digest(doc, fmt)
        write_text(path, text)
        if since_last and doc["n_changes"]:
            record_sent(self.store, doc)
        return doc, text

    def plot(self, actor: str, path: str | Path, *, topic=None) -> Path:
        """One actor-topic timeline (the actor's largest topic unless given) as PNG or SVG."""
        from tracker.outputs.tables import changes_table, timeline_table
        from tracker.outputs.plot import render_png, render_svg, timeline_figure, tooltip

        path = Path(path)
        if path.suffix.lower() not in (".png", ".svg"):
            raise UsageError("--out must end in .png or .svg")
        statements = timeline_table(self.store, actor=actor, topic=topic)
        if statements.empty:
            raise InputError(f"no statements for actor {actor!r}" + (f" and topic {topic!r}" if topic else ""))
        if topic is None:
            topic = str(statements["topic"].value_counts().idxmax())
            statements = statements[statements["topic"].astype(str) == topic]
        changes = changes_table(self.store, actor=actor, topic=topic, review=["unreviewed", "confirmed"])
        fig = timeline_figure(statements, changes,
                              title=f"{statements['actor'].iloc[0]} — {statements['topic_label'].iloc[0]}")
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix.lower() == ".svg":
            path.write_text(render_svg(fig, [tooltip(r) for _, r in statements.iterrows()]), encoding="utf-8")
        else:
            path.write_bytes(render_png(fig))
        return path

    # -- people's reviews (tracker/review) -----------------------------------------------------------
    def review(self, earlier_id: str, later_id: str, verdict: str, *, note: str = "", reviewer: str | None = None):
        """Append a person's verdict on a pair (full_flop / half_flip confirm, no_flip dismisses); the latest
        review of a pair wins and the history stays. Reviewer: given, else $TRACKER_REVIEWER or the login."""
        from tracker.review.labels import record_review
        return record_review(self.store, earlier_id, later_id, verdict, note=note, reviewer=reviewer)

    def reviews(self) -> pd.DataFrame:
        return self.store.reviews()

    def export_labels(self, out: str | Path = "reviewed-labels", *, part: str = "reviews") -> tuple[list[Path], int]:
        """Each reviewed pair's latest verdict as <part>_statements.csv + <part>_pairs.csv (data/labelled format)."""
        from tracker.review.labels import export_labels
        return export_labels(self.store, out, part=part)

    def serve(self, *, host: str = "127.0.0.1", port: int = 8765, token: str | None = None) -> None:
        """The review queue in a browser until interrupted; only the queue's candidates load the judge."""
        from tracker.review.server import serve
        serve(self.store.path, host=host, port=port, token=token, judge=lambda: self.judge, log=self.log)

    def add_source(self, url: str, **options) -> bool:  # name, kind ('feed' / 'page'), allow_private
        return intake.add_source(self.store, url, **options)

    def sources(self) -> pd.DataFrame:
        return intake.list_sources(self.store)

    def remove_source(self, url: str) -> None:
        intake.remove_source(self.store, url)

    def pull(self, sources: list[str] | None = None, **options):  # delay, timeout, max_bytes, user_agent
        return intake.pull_sources(self.store, sources, actors=self.actors, log=self.log, **options)

    # -- the whole job ---------------------------------------------------------------------------
    def run(self, inputs: list[str], out: str | Path | None = None, *, window_days: int | None = None,
            topics_file: str | Path | None = None, rejects: str | Path | None = None,
            article_meta: dict | None = None, pull: bool = False) -> RunResult:
        """(Pull the sources +) ingest + detect, then write changes.csv, a timeline CSV per flagged actor-topic
        and report.html into `out`. With the same inputs, options and store as the last run, it does nothing."""
        if pull:
            self.pull()
        from tracker.outputs.tables import changes_table, timeline_tables
        from tracker.outputs.report import render_report

        out = Path(out) if out is not None else None
        state_file = out / ".tracker-state" if out is not None else None
        key = run_key(inputs, settings={"model": self.model, "backend": self.backend, "classifier": self.classifier,
                                       "actors": self.actors, "topics": topics_file, "window": window_days,
                                       "meta": article_meta}, classifier=self.classifier, actors=self.actors,
                       topics=topics_file) if out else None
        state = read_state(state_file)
        if key and state.get("run") == key and state.get("store") == self.store.fingerprint() \
                and (out / "changes.csv").exists() and (out / "report.html").exists():
            self.log(f"nothing new: the same inputs and options as the last run into {out}, and the store is unchanged")
            return RunResult(pd.read_csv(out / "changes.csv", dtype=str, keep_default_na=False), out, up_to_date=True)
        self.ingest(inputs, rejects=rejects, article_meta=article_meta)
        self.detect(window_days=window_days, topics_file=topics_file)
        table = changes_table(self.store)
        if out is None:
            return RunResult(table)
        fingerprint = self.store.fingerprint()
        if (out / "changes.csv").exists() and (out / "report.html").exists() and state.get("store") == fingerprint:
            state_file.write_text(json.dumps({"store": fingerprint, "run": key}))
            self.log(f"nothing changed in the store; outputs in {out} are up to date")
            return RunResult(table, out, up_to_date=True)
        out.mkdir(parents=True, exist_ok=True)
        files = [out / "changes.csv"]
        write_table(table, files[0])
        tdir = out / "timelines"
        tdir.mkdir(exist_ok=True)
        tables = timeline_tables(self.store, zip(table["actor"], table["topic"]))
        for (actor, topic), (timeline_, _) in tables.items():
            files.append(tdir / f"{_slug(actor)}__topic-{topic}.csv")
            write_table(timeline_, files[-1])
        files.append(out / "report.html")
        write_text(files[-1], render_report(self.store, fmt="html", plot_cache=out / ".plots", tables=tables))
        state_file.write_text(json.dumps({"store": fingerprint, "run": key}))
        self.log(f"wrote {out / 'changes.csv'} ({len(table)} changes), {table.groupby(['actor', 'topic']).ngroups} "
                 f"timelines to {tdir} and {out / 'report.html'}")
        return RunResult(table, out, files=files)

    # -- the judge's training ------------------------------------------------------------------
    @staticmethod
    def train(*, data: str | Path = "data/labelled", out: str | Path = "models/reversal", model=None, backend=None,
              pair_model: str | Path | None = None, pretrain: bool = False, pretrain_size: int = 48_000,
              base: str | None = None, work: str | Path = "build/pair_model", version: str = "reversal-2",
              seed: int = 0, nli: str | None = None, reviews: str | Path | None = None, grader=None, log: Log = _stderr):
        """Stage 1 (the pair model on public corpora and the grader on textbook pairs, with `pretrain`), then
        stage 2 (the head on real pairs)."""
        from tracker.embed import Embedder
        from tracker.judge import workflow
        from tracker.review.labels import labelled_with_reviews  # reviewed pairs train too, grouped by actor
        from tracker.store import resolve_db_path

        pm, judge_grader = workflow.stage_one(work, fresh=pretrain, pair_model=pair_model, grader=grader, base=base,
                                              size=pretrain_size, seed=seed, log=log)
        embedder = Embedder(model, backend=backend, show_progress=True)
        reviews = resolve_db_path(None) if reviews is True else reviews
        frame = labelled_with_reviews(data, reviews, log=log) if reviews else None
        labelled = workflow.labelled_with_features(data, embedder, pair_model=pm, nli=nli, frame=frame, grader=judge_grader)
        return workflow.fit(labelled, embedder=embedder, out=out, version=version, seed=seed, data_dir=Path(data),
                            log=log)

    @staticmethod
    def evaluate(*, data: str | Path = "data/labelled", model=None, backend=None, pair_model=None, contrast=None,
                 seed: int = 0, nli: str | None = None, grader: str | Path | None = None, log: Log = _stderr) -> dict:
        """Judge metrics on data it was not fitted on: dev CV by actor, frozen test actors, contrast set."""
        from tracker.embed import Embedder
        from tracker.judge import workflow

        embedder = Embedder(model, backend=backend, show_progress=True)
        labelled = workflow.labelled_with_features(data, embedder, pair_model=workflow.pair_model_at(pair_model),
                                                   nli=nli, grader=workflow.grader_at(grader))
        return workflow.evaluate(labelled, embedder=embedder, seed=seed, contrast=contrast, log=log)

    @staticmethod
    def train_extraction(articles: str | Path = "data/articles", out: str | Path | None = None):
        """Fit the date chooser on the development articles' gold (the frozen test articles are never read)."""
        from tracker.extraction.train import train_extraction
        return train_extraction(articles, out)

    @staticmethod
    def evaluate_extraction(articles: str | Path = "data/articles") -> dict:
        """Speaker precision / recall and date accuracy of article extraction against gold.csv."""
        from tracker.extraction.evaluate import evaluate_extraction
        return evaluate_extraction(str(articles))


def _bound(value):
    from tracker.dates import DateError, parse_bound

    if value is None or value == "":
        return None
    try:
        return parse_bound(value)
    except DateError as exc:
        raise UsageError(str(exc)) from None


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "actor"
