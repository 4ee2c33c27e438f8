"""What a reviewer sees next: flagged changes nobody has reviewed, then the strongest pairs the judge
scored but did not flag, each part most uncertain first (the score nearest the flagging threshold),
and everything one item page shows about a pair.

The judge's scored pairs are read from the store's verdict cache once and kept, sorted by score, until
that cache changes (a detect ran): a queue page then costs two small queries, not a scan of every pair.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from urllib.parse import urlparse

import numpy as np

from tracker.dates import format_date
from tracker.errors import UsageError
from tracker.store import Store
from tracker.types import RATING

CANDIDATES = 200  # unflagged candidates after the flagged changes
DEFAULT_THRESHOLD = 0.5  # when the judge cannot be loaded: flagged changes still get an order


@dataclass(frozen=True)
class Filters:
    """The queue's filters as the reviewer typed them (strings; empty = no filter)."""

    actor: str = ""
    topic: str = ""
    since: str = ""
    until: str = ""

    @classmethod
    def from_mapping(cls, m) -> "Filters":
        return cls(**{k: " ".join(str(m.get(k, "") or "").split())[:200] for k in ("actor", "topic", "since", "until")})

    def bounds(self) -> tuple[str | None, str | None]:
        """since/until as ISO days; a date that cannot be read is a UsageError."""
        from tracker.dates import DateError, parse_bound

        try:
            return parse_bound(self.since or None), parse_bound(self.until or None)
        except DateError as exc:
            raise UsageError(str(exc)) from None

    def params(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v}


@dataclass(frozen=True)
class Item:
    earlier_id: str
    later_id: str
    actor: str
    topic: int | None
    later_date: str
    score: float
    label: str  # the judge's grade
    kind: str  # "flagged" (an unreviewed change) or "candidate" (scored, not flagged)
    basis: str
    uncertainty: float

    @property
    def rating(self) -> str:
        return RATING.get(self.label, self.label)


@dataclass(frozen=True)
class QueuePage:
    """A window of the queue: its length, how much of it is flagged changes, and items [offset, ...)."""

    total: int
    n_flagged: int
    offset: int
    items: list[Item]


class CandidateCache:
    """The judge's unflagged scored pairs, sorted by score (highest first), as plain arrays; rebuilt
    only when the judge's cached verdicts or the flagged changes change."""

    def __init__(self):
        self._lock = threading.Lock()
        self._key = None
        self._columns: dict[str, np.ndarray] | None = None

    def get(self, store: Store, judge_key: str, threshold: float) -> dict[str, np.ndarray]:
        key = (judge_key, threshold, store.verdict_state(judge_key), store.changes_state())
        with self._lock:
            if self._key == key and self._columns is not None:
                return self._columns
        columns = unflagged_pairs(store, judge_key, threshold)
        with self._lock:
            self._key, self._columns = key, columns
        return columns


def unflagged_pairs(store: Store, judge_key: str, threshold: float) -> dict[str, np.ndarray]:
    from tracker.judge.model import decide

    df = store.candidates(judge_key)
    df = df[~df["flagged"].to_numpy(dtype=bool)]
    proba = df[["p_full_flop", "p_half_flip", "p_no_flip"]].to_numpy(dtype=float)
    df = df.assign(score=(proba[:, 0] + proba[:, 1]).round(4) if len(df) else np.zeros(0),
                   label=decide(proba, threshold) if len(df) else np.zeros(0, dtype=object))
    df = df.sort_values(["score", "later_date", "later_id", "earlier_id"], ascending=[False, True, True, True],
                        kind="stable", ignore_index=True)
    out = {c: df[c].to_numpy(dtype=object) for c in ("earlier_id", "later_id", "actor", "later_date", "label")}
    out["score"] = df["score"].to_numpy(dtype=float)
    out["topic"] = df["topic"].astype("Int64").fillna(-1).to_numpy(dtype=np.int64)  # -1: no topic yet
    out["actor_key"] = df["actor"].astype(str).str.lower().to_numpy(dtype=object)
    out["topic_key"] = df["topic_label"].fillna("").astype(str).str.lower().to_numpy(dtype=object)
    return out


def build_queue(store: Store, filters: Filters, *, judge_key: str | None, threshold: float | None,
                cache: CandidateCache, candidates: int = CANDIDATES, offset: int = 0,
                limit: int | None = None) -> QueuePage:
    """The review queue: unreviewed flagged changes, then up to `candidates` unflagged, unreviewed pairs
    with the highest scores; each part ordered most uncertain first. Returns items [offset, offset+limit)."""
    since, until = filters.bounds()
    t = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    where = {"actor": filters.actor or None, "topic": filters.topic or None, "since": since, "until": until}
    with store.snapshot():  # changes, reviews and scores from one committed state
        n_flagged, rows = store.unreviewed_changes(threshold=t, offset=offset, limit=limit, **where)
        items = [Item(e, l, a, None if tp is None else int(tp), d, float(sc), lab, "flagged", basis,
                      round(abs(float(sc) - t), 4)) for e, l, a, tp, d, lab, sc, basis in rows]
        second: list[Item] = []
        if judge_key is not None and candidates > 0:
            cols = cache.get(store, judge_key, t)
            everything = range(len(cols["score"]))
            order = np.flatnonzero(_mask(cols, filters, since, until)) if filters.params() else everything
            reviewed = store.reviewed_pairs()
            for k in order:  # by score, highest first: stop once enough are found
                pair = (cols["earlier_id"][k], cols["later_id"][k])
                if pair in reviewed:
                    continue
                topic = int(cols["topic"][k])
                second.append(Item(pair[0], pair[1], cols["actor"][k], None if topic < 0 else topic,
                                   cols["later_date"][k], float(cols["score"][k]), cols["label"][k], "candidate", "",
                                   round(abs(float(cols["score"][k]) - t), 4)))
                if len(second) >= candidates:
                    break
            second.sort(key=lambda i: (i.uncertainty, i.later_date, i.earlier_id, i.later_id))
    start = max(0, offset - n_flagged)
    stop = None if limit is None else max(0, offset + limit - n_flagged)
    return QueuePage(n_flagged + len(second), n_flagged, offset, items + second[start:stop])


def _mask(cols: dict[str, np.ndarray], f: Filters, since: str | None, until: str | None) -> np.ndarray:
    mask = np.ones(len(cols["score"]), dtype=bool)
    if f.actor:
        mask &= cols["actor_key"] == f.actor.lower()
    if f.topic:
        mask &= (cols["topic"] == int(f.topic)) if f.topic.isdigit() else (cols["topic_key"] == f.topic.lower())
    if since:
        mask &= cols["later_date"] >= since
    if until:
        mask &= cols["later_date"] <= until
    return mask


# -- what one item page shows -----------------------------------------------------------------------
TIMELINE_AROUND = 2  # statements shown before the earlier one and after the later one
TIMELINE_BETWEEN = 10  # statements shown between them at most (the first and last halves)


def safe_link(source: str) -> str | None:
    """Only http(s) sources become links: a `javascript:` or `data:` URL in a statement must not."""
    return source if source and urlparse(source).scheme in ("http", "https") else None


def side(details: dict) -> dict:
    return {**details, "date_text": format_date(details["date"], details["date_precision"]),
            "kind": details["kind"] or "direct", "link": safe_link(details["source"] or "")}


def item_view(store: Store, earlier_id: str, later_id: str, *, judge_key: str | None,
              threshold: float | None) -> dict | None:
    """Both statements, the judge's grade, the actor's timeline around them and the pair's reviews;
    None when either statement is unknown."""
    with store.snapshot():
        details = store.statement_details([earlier_id, later_id])
        if earlier_id not in details or later_id not in details:
            return None
        e, l = side(details[earlier_id]), side(details[later_id])
        topic = l["topic"] if l["topic"] is not None else e["topic"]
        timeline = around(store.actor_statements(l["actor"], topic), earlier_id, later_id)
        history = store.reviews(earlier_id=earlier_id, later_id=later_id)
        judge = judge_view(store.change_for_pair(earlier_id, later_id),
                           store.pair_proba(earlier_id, later_id, judge_key) if judge_key else None, threshold)
    return {"earlier": e, "later": l, "actor": l["actor"], "topic": topic,
            "topic_label": l["topic_label"] or e["topic_label"] or "", "timeline": timeline,
            "history": history.to_dict("records"), "judge": judge,
            "seen": int(history["review_id"].max()) if len(history) else 0}


def judge_view(change: dict | None, proba, threshold: float | None) -> dict | None:
    """The judge's grade and probabilities: the stored change's when flagged, else its cached verdict."""
    from tracker.judge.model import decide

    if change is not None and change["basis"] != "review":  # a 'review' row holds a person's label
        p = (change["p_full_flop"], change["p_half_flip"], change["p_no_flip"])
        return {"label": change["label"], "rating": RATING.get(change["label"], change["label"]),
                "score": change["score"], "p": p, "flagged": bool(change["active"]), "basis": change["basis"],
                "threshold": threshold}
    if proba is None:
        return None
    t = DEFAULT_THRESHOLD if threshold is None else threshold
    label = str(decide(np.asarray([proba], dtype=float), t)[0])
    return {"label": label, "rating": RATING.get(label, label), "score": float(proba[0] + proba[1]),
            "p": tuple(float(x) for x in proba), "flagged": False, "basis": "", "threshold": threshold}


def around(statements: list[dict], earlier_id: str, later_id: str) -> list[dict]:
    """The actor's timeline near the pair: a few statements before and after, the ones between (the
    middle elided when many); `gap` rows stand for what is left out."""
    ids = [s["statement_id"] for s in statements]
    if earlier_id not in ids or later_id not in ids:
        return []
    i, j = ids.index(earlier_id), ids.index(later_id)
    i, j = min(i, j), max(i, j)
    keep = list(range(max(0, i - TIMELINE_AROUND), i + 1))
    between = list(range(i + 1, j))
    if len(between) > TIMELINE_BETWEEN:
        half = TIMELINE_BETWEEN // 2
        keep += between[:half] + [-(len(between) - 2 * half)] + between[-half:]
    else:
        keep += between
    keep += list(range(j, min(len(statements), j + TIMELINE_AROUND + 1)))
    out = []
    for k in keep:
        if k < 0:
            out.append({"gap": -k})
            continue
        s = statements[k]
        out.append({**s, "date_text": format_date(s["date"], s["date_precision"]), "kind": s["kind"] or "direct",
                    "mark": "earlier" if s["statement_id"] == earlier_id else
                            "later" if s["statement_id"] == later_id else ""})
    return out
