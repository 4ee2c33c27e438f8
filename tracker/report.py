"""Stance-change reports (HTML / Markdown) read from the store: no re-embedding, no re-judging."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import jinja2
import pandas as pd
from markupsafe import Markup

from tracker import __version__
from tracker.outputs import changes_contract, timeline_tables
from tracker.plot import render_png, render_svg, timeline_figure, tooltip
from tracker.store import Store

RATING = {"full_flop": "Full Flop", "half_flip": "Half Flip"}
CUE_WORDS = {
    "negation": "negation", "refusal": "refusal / ruling out", "openness": "openness", "commitment": "commitment",
    "hedging": "hedging", "support": "support", "change": "change marker", "past_self": "reference to own past words",
    "consistency": "consistency marker", "conditional": "conditional", "question": "question",
}


@dataclass
class Side:
    statement_id: str
    date: str
    text: str
    kind: str
    source: str

    @property
    def link(self) -> str | None:
        """Only http(s) sources become links: a `javascript:` URL in a statement must not."""
        return self.source if urlparse(self.source).scheme in ("http", "https") else None


@dataclass
class ChangeView:
    change_id: str
    actor: str
    topic: int
    topic_label: str
    label: str
    score: float
    earlier: Side
    later: Side
    cues: list[str] = field(default_factory=list)
    basis: str = "classifier"

    @property
    def basis_text(self) -> str:
        if self.basis == "source":
            return (f"Flagged because the source article itself reports the shift "
                    f"(classifier score for the pair alone: {self.score:.0%}).")
        return "Flagged by the reversal classifier."

    @property
    def rating(self) -> str:
        return RATING.get(self.label, self.label)

    @property
    def summary(self) -> str:
        def short(s: Side) -> str:
            return f"“{textwrap.shorten(s.text, 70, placeholder='…')}” ({s.date})"

        return f"From {short(self.earlier)} to {short(self.later)}"

    @property
    def cue_text(self) -> str:
        parts = []
        for cue in self.cues:
            sign, name = cue[0], cue[1:]
            parts.append(f"{'more' if sign == '+' else 'less'} {CUE_WORDS.get(name, name)}")
        return ", ".join(parts) or "no lexical cue shift (embedding features only)"


def load_changes(store: Store, **filters) -> list[ChangeView]:
    raw = store.changes(**filters)
    table = changes_contract(raw.copy()).set_index("change_id")  # the same read: no second query to race
    views = []
    for r in raw.itertuples(index=False):
        t = table.loc[r.change_id]
        views.append(ChangeView(
            r.change_id, r.actor, int(r.topic), r.topic_label or "", r.label, float(r.score),
            Side(r.earlier_id, t["earlier_date"], r.earlier_text, r.earlier_kind or "direct", r.earlier_source),
            Side(r.later_id, t["later_date"], r.later_text, r.later_kind or "direct", r.later_source),
            json.loads(r.cues or "[]"), r.basis,
        ))
    return views


def overview(changes: list[ChangeView]) -> pd.DataFrame:
    if not changes:
        return pd.DataFrame()
    df = pd.DataFrame({"actor": [c.actor for c in changes], "topic": [c.topic_label for c in changes]})
    return df.pivot_table(index="actor", columns="topic", aggfunc="size", fill_value=0)


def timeline_plots(store: Store, changes: list[ChangeView], *, fmt: str, cache: Path | None = None,
                   tables: dict | None = None) -> dict[tuple[str, int], str]:
    """One plot per actor-topic with a change: inline SVG for HTML, a PNG data URI for Markdown.

    Drawing dominates a report's cost, so with `cache` a plot is redrawn only when its timeline
    (statements, dates, changes) differs from the one it was drawn for.
    """
    plots = {}
    keys = list(dict.fromkeys((c.actor, c.topic) for c in changes))
    if tables is None or any(k not in tables for k in keys):  # `run` hands over the tables it just wrote
        tables = timeline_tables(store, keys)
    for actor, topic in keys:
        statements, chs = tables[(actor, topic)]
        key = hashlib.sha1(repr((statements.to_numpy().tolist(), chs.to_numpy().tolist(), fmt)).encode()).hexdigest()[:20]
        cached = cache / f"{key}.{fmt}" if cache else None
        if cached is not None and cached.exists():
            plots[(actor, topic)] = cached.read_text(encoding="utf-8")
            continue
        fig = timeline_figure(statements, chs)  # the section heading names actor and topic
        if fmt == "html":
            plots[(actor, topic)] = render_svg(fig, [tooltip(r) for _, r in statements.iterrows()])
        else:
            plots[(actor, topic)] = "data:image/png;base64," + base64.b64encode(render_png(fig)).decode()
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(plots[(actor, topic)], encoding="utf-8")
    return plots


def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("tracker", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=True),
        trim_blocks=True, lstrip_blocks=True,
    )


def md_escape(text: str) -> str:
    """Markdown viewers render inline HTML: escape it, and keep table pipes and line breaks inert."""
    return html.escape(str(text)).replace("|", "\\|").replace("\n", " ").replace("\r", " ")


def render_report(store: Store, *, fmt: str = "html", filters: dict | None = None,
                  plot_cache: Path | None = None, tables: dict | None = None) -> str:
    filters = filters or {}
    with store.snapshot():  # one consistent view while a writer may be syncing changes
        changes = load_changes(store, **filters)
        plots = timeline_plots(store, changes, fmt=fmt, cache=plot_cache, tables=tables)
        n_statements = store.count_statements()
    context = {
        "changes": changes,
        "overview": overview(changes),
        "plots": {k: Markup(v) if fmt == "html" else v for k, v in plots.items()},
        "n_statements": n_statements,
        "filters": {k: v for k, v in filters.items() if v},
        "generated": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "version": __version__,
    }
    env = _env()
    env.filters["md"] = md_escape
    template = env.get_template("report.html.j2" if fmt == "html" else "report.md.j2")
    return template.render(**context)


def report_format(out: Path | None, fmt: str | None) -> str:
    if fmt:
        return fmt
    if out is not None and out.suffix.lower() in (".md", ".markdown"):
        return "md"
    return "html"
