"""Stance-change reports (HTML / Markdown) read from the store: no re-embedding, no re-judging."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
from pathlib import Path

import jinja2
import pandas as pd
from markupsafe import Markup

from tracker.version import __version__
from tracker.outputs.tables import timeline_tables
from tracker.outputs.plot import render_png, render_svg, timeline_figure, tooltip
from tracker.store import Store
from tracker.types import Change

PUBLISHED = ("unreviewed", "confirmed")  # a change a reviewer dismissed is never published


def load_changes(store: Store, **filters) -> list[Change]:
    return published_changes(store, **filters)[0]


def published_changes(store: Store, **filters) -> tuple[list[Change], set[str]]:
    """Every change except those a reviewer dismissed, and the ids of those a reviewer confirmed."""
    df = store.changes(review=PUBLISHED, **filters)
    return ([Change.from_row(r) for r in df.itertuples(index=False)],
            set(df.loc[df["review"] == "confirmed", "change_id"]))


def overview(changes: list[Change]) -> pd.DataFrame:
    if not changes:
        return pd.DataFrame()
    df = pd.DataFrame({"actor": [c.actor for c in changes], "topic": [c.topic_label for c in changes]})
    return df.pivot_table(index="actor", columns="topic", aggfunc="size", fill_value=0)


def timeline_plots(store: Store, changes: list[Change], *, fmt: str, cache: Path | None = None,
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
        chs = chs[chs["review"] != "dismissed"]
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


def template_env() -> jinja2.Environment:
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
        changes, confirmed = published_changes(store, **filters)
        plots = timeline_plots(store, changes, fmt=fmt, cache=plot_cache, tables=tables)
        n_statements = store.count_statements()
    context = {
        "changes": changes,
        "confirmed": confirmed,
        "overview": overview(changes),
        "plots": {k: Markup(v) if fmt == "html" else v for k, v in plots.items()},
        "n_statements": n_statements,
        "filters": {k: v for k, v in filters.items() if v},
        "generated": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "version": __version__,
    }
    env = template_env()
    env.filters["md"] = md_escape
    template = env.get_template("report.html.j2" if fmt == "html" else "report.md.j2")
    return template.render(**context)


def report_format(out: Path | None, fmt: str | None) -> str:
    if fmt:
        return fmt
    if out is not None and out.suffix.lower() in (".md", ".markdown"):
        return "md"
    return "html"
