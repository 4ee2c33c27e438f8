"""Reviews as records and as labelled data: what a person decided about a pair is a labelled pair.

`export_labels` writes the latest verdict of every reviewed pair in the `data/labelled` format
(docs of that format: data/labelled/SPEC.md); `reviewed_pairs` gives the same pairs as the frame
`tracker.judge.train.load_labelled` returns, so training can add them without a detour through files.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import pandas as pd

from tracker.dates import format_date
from tracker.errors import UsageError
from tracker.store import Store
from tracker.store_reviews import Review

STATEMENT_COLUMNS = ["statement_id", "actor", "date", "date_precision", "text", "source_url", "topic"]
PAIR_COLUMNS = ["pair_id", "earlier_id", "later_id", "label", "hard_case", "rationale"]
TRAINING_COLUMNS = ["pair_id", "later_id", "actor", "text_a", "text_b", "context_a", "context_b", "date_a", "date_b",
                    "label", "topic", "hard_case", "synthetic", "gap_days"]


def default_reviewer() -> str:
    """$TRACKER_REVIEWER, else the login name: a review always says who made it."""
    name = os.environ.get("TRACKER_REVIEWER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): the caller must say who reviews
        raise UsageError("--reviewer: give the reviewer's name (or set TRACKER_REVIEWER)") from None


def record_review(store: Store, earlier_id: str, later_id: str, verdict: str, *, note: str = "",
                  reviewer: str | None = None) -> Review:
    return store.add_review(earlier_id, later_id, verdict, reviewer=reviewer or default_reviewer(), note=note)


def export_labels(store: Store, out: str | Path, *, part: str = "reviews") -> tuple[list[Path], int]:
    """`<out>/<part>_statements.csv` and `<out>/<part>_pairs.csv`; ids are renumbered `<part>-S001` /
    `<part>-P001` (in review order) so they never collide with another part's. Returns (files, pairs)."""
    if not part or not all(ch.isalnum() or ch in "-_" for ch in part):
        raise UsageError(f"--part must be letters, digits, '-' or '_', not {part!r}")
    df = store.latest_reviewed()
    ids: dict[str, str] = {}
    statements = []
    for r in df.itertuples(index=False):
        for sid, date, precision, text, source in ((r.earlier_id, r.date_a, r.precision_a, r.text_a, r.source_a),
                                                    (r.later_id, r.date_b, r.precision_b, r.text_b, r.source_b)):
            if sid not in ids:
                ids[sid] = f"{part}-S{len(ids) + 1:03d}"
                statements.append([ids[sid], r.actor, format_date(date, precision), precision, text, source, r.topic])
    pairs = [[f"{part}-P{i + 1:03d}", ids[r.earlier_id], ids[r.later_id], r.verdict, "", rationale(r)]
             for i, r in enumerate(df.itertuples(index=False))]
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files = [out / f"{part}_statements.csv", out / f"{part}_pairs.csv"]
    for path, rows, columns in ((files[0], statements, STATEMENT_COLUMNS), (files[1], pairs, PAIR_COLUMNS)):
        tmp = path.with_name(path.name + ".tmp")
        pd.DataFrame(rows, columns=columns).to_csv(tmp, index=False, encoding="utf-8")
        tmp.replace(path)
    return files, len(pairs)


def rationale(r) -> str:
    """The reviewer's note on one line, else who reviewed it and when (the format wants a rationale)."""
    note = " ".join(str(r.note or "").split())
    return note or f"reviewed by {r.reviewer} on {str(r.reviewed_at)[:10]}"


def reviewed_pairs(store: Store) -> pd.DataFrame:
    """Every reviewed pair's latest verdict as `load_labelled()` frames it (TRAINING_COLUMNS); ids are
    prefixed 'review:' so that they never meet a labelled part's ids."""
    df = store.latest_reviewed()
    frame = pd.DataFrame({
        "pair_id": ["review:" + str(i) for i in df["review_id"]],
        "later_id": ["review:" + str(i) for i in df["later_id"]],
        "actor": df["actor"].astype(str),
        "text_a": df["text_a"].astype(str), "text_b": df["text_b"].astype(str),
        "context_a": df["context_a"].fillna("").astype(str), "context_b": df["context_b"].fillna("").astype(str),
        "date_a": [format_date(d, p) for d, p in zip(df["date_a"], df["precision_a"])],
        "date_b": [format_date(d, p) for d, p in zip(df["date_b"], df["precision_b"])],
        "label": df["verdict"].astype(str),
        "topic": df["topic"].astype(str),
        "hard_case": "",
        "synthetic": False,
    }, columns=TRAINING_COLUMNS[:-1])
    from tracker.judge.features import day_numbers, gap_days

    frame["gap_days"] = gap_days(day_numbers(df["date_a"].tolist()), day_numbers(df["date_b"].tolist()))
    frame["synthetic"] = frame["synthetic"].astype(bool)
    return frame[TRAINING_COLUMNS]


def labelled_with_reviews(data: str | Path, db: str | Path, *, log=print) -> pd.DataFrame:
    """`load_labelled(data)` plus the reviewed pairs of the store at `db`: what `tracker train --reviews`
    trains on (still cross-validated in actor-grouped folds)."""
    from tracker.judge.train import load_labelled

    labelled = load_labelled(data)
    with Store.open(db) as store:
        frame = with_reviews(labelled, reviewed_pairs(store))
    log(f"training data: {len(labelled)} labelled pairs + {len(frame) - len(labelled)} reviewed pairs from {db}")
    return frame


def with_reviews(labelled: pd.DataFrame, reviewed: pd.DataFrame) -> pd.DataFrame:
    """The labelled pairs plus the reviewed ones that are not already among them (same actor and both
    texts): a pair that was labelled by hand keeps its hand label."""
    known = set(zip(labelled["actor"], labelled["text_a"], labelled["text_b"]))
    new = reviewed[[k not in known for k in zip(reviewed["actor"], reviewed["text_a"], reviewed["text_b"])]]
    return pd.concat([labelled, new.reindex(columns=labelled.columns)], ignore_index=True)
