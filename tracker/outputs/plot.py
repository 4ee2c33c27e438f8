"""Timeline plots: one actor-topic, dates on x, statements as points, flagged changes as arrows."""

from __future__ import annotations

import io
import textwrap
import xml.etree.ElementTree as ET

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

COLORS = {"full_flop": "#c0392b", "half_flip": "#e67e22", "": "#34495e"}
SVG_NS = "http://www.w3.org/2000/svg"


def timeline_figure(statements: pd.DataFrame, changes: pd.DataFrame, *, title: str = ""):
    """statements: a timeline table (date, text, change_label); changes: rows of the changes table."""
    dates = pd.to_datetime(statements["date"].map(_first_day))
    fig, ax = plt.subplots(figsize=(8, 2.6), dpi=100)
    ax.axhline(0, color="#bdc3c7", lw=1, zorder=0)
    ys = [0.0] * len(statements)
    for i, (d, label) in enumerate(zip(dates, statements["change_label"].fillna(""))):
        point = ax.scatter([d], [ys[i]], s=70, color=COLORS.get(label, COLORS[""]), zorder=3,
                           edgecolor="white", linewidth=1)
        point.set_gid(f"stmt-{i}")
    index = {sid: i for i, sid in enumerate(statements["statement_id"])}
    for _, ch in changes.iterrows():
        e, l = index.get(ch["earlier_id"]), index.get(ch["later_id"])
        if e is None or l is None:
            continue
        ax.annotate("", xy=(dates.iloc[l], 0), xytext=(dates.iloc[e], 0),
                    arrowprops=dict(arrowstyle="->", color=COLORS.get(ch["label"], "#000"), lw=2,
                                    connectionstyle="arc3,rad=-0.25"))
    ax.set_ylim(-0.5, 1.0)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if len(dates):
        pad = max(pd.Timedelta(days=3), (dates.max() - dates.min()) * 0.05)
        ax.set_xlim(dates.min() - pad, dates.max() + pad)
    if title:
        ax.set_title(textwrap.shorten(title, 90), fontsize=10, loc="left")
    fig.tight_layout()
    return fig


def _first_day(value: str) -> str:
    parts = str(value).split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def render_png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()


def render_svg(fig, tooltips: list[str]) -> str:
    """SVG with a <title> (hover text) on each statement point; text is XML-escaped by ElementTree."""
    buf = io.BytesIO()
    fig.savefig(buf, format="svg")
    plt.close(fig)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ET.fromstring(buf.getvalue())
    for group in root.iter(f"{{{SVG_NS}}}g"):
        gid = group.get("id", "")
        if gid.startswith("stmt-"):
            i = int(gid.split("-")[1])
            if i < len(tooltips):
                title = ET.Element(f"{{{SVG_NS}}}title")
                title.text = tooltips[i]
                group.insert(0, title)
    for script in list(root.iter(f"{{{SVG_NS}}}script")):  # matplotlib writes none; make sure
        root.remove(script)
    return ET.tostring(root, encoding="unicode")


def tooltip(row) -> str:
    return f"{row['date']}: {textwrap.shorten(str(row['text']), 200)}"
