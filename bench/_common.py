"""Shared helpers for the benchmarks in bench/: real statement texts, synthetic statement tables, timing.

Statement texts are REAL quotes (data/labelled/parts/*_statements.csv and data/demo/statements.csv),
sampled with replacement and made unique with a short suffix such as " (#123)" so every row is a
distinct text (nothing is served from the embedding cache by accident).
"""

from __future__ import annotations

import csv
import os
import resource
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ORIGIN_NOTE = ("texts: real quotes from data/labelled/parts/*_statements.csv + data/demo/statements.csv, "
               "sampled with replacement and made unique with a suffix ' (#i)'")


def real_texts() -> list[str]:
    files = sorted((ROOT / "data" / "labelled" / "parts").glob("*_statements.csv")) + [ROOT / "data" / "demo" / "statements.csv"]
    out: list[str] = []
    for f in files:
        with f.open(newline="", encoding="utf-8") as fh:
            out += [r["text"].strip() for r in csv.DictReader(fh) if r.get("text", "").strip()]
    return list(dict.fromkeys(out))


def unique_texts(n: int, seed: int = 0, start: int = 0) -> list[str]:
    """n unique real-length statements: sampled real quotes + ' (#i)' (i counts from `start`)."""
    base = real_texts()
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(base), size=n)
    return [f"{base[j]} (#{start + i})" for i, j in enumerate(pick)]


def statement_rows(n: int, *, seed: int = 0, start: int = 0, actors: int = 2000, topics_per_actor: int = 4,
                   n_topics: int = 50, years: float = 5.0) -> list[dict]:
    """Statement rows (statement_id, actor, date, text, topic): `actors` actors, each talking about a few
    of `n_topics` topics, dates spread uniformly over `years` years ending 2025-06-30."""
    rng = np.random.default_rng(seed + 1)
    texts = unique_texts(n, seed=seed, start=start)
    actor = rng.integers(0, actors, size=n)
    # each actor has a fixed small set of topics; a statement picks one of them
    actor_topics = np.random.default_rng(12345).integers(0, n_topics, size=(actors, topics_per_actor))
    topic = actor_topics[actor, rng.integers(0, topics_per_actor, size=n)]
    end = np.datetime64("2025-06-30")
    days = end - rng.integers(0, int(365 * years), size=n).astype("timedelta64[D]")
    return [{"statement_id": f"b-{start + i}", "actor": f"Actor {a:05d}", "date": str(d), "text": t,
             "topic": f"topic-{tp:03d}"} for i, (a, d, t, tp) in enumerate(zip(actor, days, texts, topic))]


def write_csv(rows: list[dict], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


class Timer:
    """Accumulates wall time per named section."""

    def __init__(self):
        self.t: dict[str, float] = {}

    @contextmanager
    def __call__(self, name: str):
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.t[name] = self.t.get(name, 0.0) + time.perf_counter() - t0

    def wrap(self, obj, attr: str, name: str | None = None):
        """Replace obj.attr (a bound method) with a timed version on this instance only."""
        fn = getattr(obj, attr)
        key = name or attr

        def timed(*a, **kw):
            with self(key):
                return fn(*a, **kw)

        setattr(obj, attr, timed)
        return fn


def table(rows: list[list], header: list[str]) -> str:
    cells = [header] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    return "\n".join([line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [line(r) for r in cells[1:]])


def maxrss_mib_children() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # Linux: KiB


def machine() -> str:
    import platform

    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
