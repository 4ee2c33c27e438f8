"""The weekly digest: changes whose later statement falls in a window, each sent exactly once
with --since-last (what was sent is recorded in the store only after the digest is written)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass


from tracker.outputs.report import PUBLISHED, md_escape, template_env
from tracker.types import Change
from tracker.store import Store

SCHEMA_VERSION = "1.2"  # 1.1: optional "basis" on each change; 1.2: basis "review", optional "review"


@dataclass(frozen=True)
class Window:
    start: dt.date | None
    end: dt.date | None
    label: str
    partial: bool


def iso_week(spec: str, *, today: dt.date | None = None) -> Window:
    """'2025-W34' → Monday..Sunday of that ISO week; partial while the week is not over."""
    today = today or dt.date.today()
    try:
        year, week = spec.upper().split("-W")
        start = dt.date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        raise ValueError(f"cannot read week {spec!r}: expected YYYY-Www, e.g. 2025-W34") from None
    end = start + dt.timedelta(days=6)
    return Window(start, end, f"{int(year)}-W{int(week):02d}", partial=today < end)


def range_window(since: str | None, until: str | None, *, today: dt.date | None = None) -> Window:
    today = today or dt.date.today()
    start = dt.date.fromisoformat(since) if since else None
    end = dt.date.fromisoformat(until) if until else None
    label = f"{since or '…'} to {until or '…'}"
    return Window(start, end, label, partial=end is None or today < end)


def build_digest(store: Store, *, window: Window | None, mode: str, now: dt.datetime | None = None) -> dict:
    """The digest document (the JSON schema's shape); does not record anything."""
    now = now or dt.datetime.now(dt.timezone.utc)
    since_last = mode == "since-last"
    with store.snapshot():  # changes, what was sent and the volumes from one committed state
        changes = store.changes(since=window.start.isoformat() if window and window.start else None,
                                until=window.end.isoformat() if window and window.end else None,
                                review=PUBLISHED)  # a change a reviewer dismissed is never sent
        if since_last:
            sent = store.sent_change_ids()
            changes = changes[~changes["change_id"].isin(sent)]
        volume = store.statement_volume(start=window.start if window else None,
                                        end=window.end if window else None)
    groups = []
    for (actor, topic), g in changes.groupby(["actor", "topic"], sort=True):
        groups.append({
            "actor": actor, "topic": int(topic), "topic_label": g["topic_label"].iloc[0] or "",
            "n_changes": int(len(g)),
            "changes": [change_json(r) for r in g.itertuples(index=False)],
        })
    actors = []
    for actor, g in changes.groupby("actor", sort=True):
        n_st = int(volume.get(actor, 0))
        actors.append({"actor": actor, "n_changes": int(len(g)), "n_statements": n_st,
                       "changes_per_100_statements": round(100 * len(g) / n_st, 2) if n_st else None})
    return {
        "schema_version": SCHEMA_VERSION,
        "generated_at": now.isoformat(timespec="seconds"),
        "mode": mode,
        "window": {
            "label": window.label if window else "everything not yet sent",
            "start": window.start.isoformat() if window and window.start else None,
            "end": window.end.isoformat() if window and window.end else None,
            "partial": bool(window.partial) if window else False,
        },
        "n_changes": int(len(changes)),
        "groups": groups,
        "actors": actors,
    }


def change_json(row) -> dict:
    """A change as the digest sends it; one a reviewer confirmed carries "review": "confirmed"."""
    out = Change.from_row(row).to_json()
    if getattr(row, "review", None) == "confirmed":
        out["review"] = "confirmed"
    return out


def render_digest(doc: dict, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    env = template_env()
    env.filters["md"] = md_escape
    return env.get_template(f"digest.{fmt}.j2").render(d=doc)


def record_sent(store: Store, doc: dict) -> int:
    """Mark the digest's changes as sent; call only after the digest has been written out."""
    ids = [c["change_id"] for g in doc["groups"] for c in g["changes"]]
    return store.record_digest(ids, mode=doc["mode"], start=doc["window"]["start"], end=doc["window"]["end"])

