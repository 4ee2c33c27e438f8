"""Review queue page time with 10,000 changes in the store (target: <= 200 ms per page).

Builds a store without any model: N statements (real quotes, bench/_common.py) of 2,000 actors on 50
topics, the judge's cached verdicts for each statement against up to 10 earlier statements of its actor,
`--changes` of those pairs flagged as changes and `--reviews` of them already reviewed. Then serves it
with `tracker serve`'s server (uvicorn, loopback) and times, over real HTTP:
  queue cold:  the first queue page (reads every cached verdict once into the candidate cache);
  queue warm:  the queue page again (median of --repeat), and with an actor filter;
  item:        an item page (both statements, timeline, judge, history);
  review POST: one verdict stored (append + redirect), median;
  queue after a confirm: the queue page after a reviewer confirmed an unflagged candidate (no rebuild).

Run:  .venv/bin/python bench/review_queue.py [--changes 10000] [--statements 30000] [--reviews 1000]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from _common import ORIGIN_NOTE, machine, statement_rows

TARGET_MS = 200.0
JUDGE = SimpleNamespace(key="bench@0", threshold=0.75)


def build_store(db: Path, *, n_statements: int, n_changes: int, n_reviews: int, seed: int = 0):
    from tracker.store import Store, text_hash
    from tracker.timeline import change_id
    from tracker.types import Statement

    rows = statement_rows(n_statements, seed=seed)
    store = Store.open(db)
    store.insert_statements([Statement(r["statement_id"], r["actor"], r["date"], "day", r["text"],
                                       f"https://example.org/{r['statement_id']}", content_key=text_hash(r["text"]))
                             for r in rows])
    topic_ids = {t: store.add_topic(t, origin="input") for t in sorted({r["topic"] for r in rows})}
    store.assign_topics([(r["statement_id"], topic_ids[r["topic"]]) for r in rows])
    rng = np.random.default_rng(seed)
    by_actor: dict[str, list[dict]] = {}
    for r in sorted(rows, key=lambda r: (r["actor"], r["date"], r["statement_id"])):
        by_actor.setdefault(r["actor"], []).append(r)
    earlier, later, best = [], [], []
    for timeline in by_actor.values():
        for j in range(1, len(timeline)):
            es = timeline[max(0, j - 10):j]
            earlier += [e["statement_id"] for e in es]
            later += [timeline[j]["statement_id"]] * len(es)
            best.append((es[-1], timeline[j]))
    proba = rng.dirichlet([1.0, 1.0, 2.0], size=len(earlier)).astype(np.float32)
    store.put_verdicts(JUDGE.key, np.array(earlier), np.array(later), proba)
    picks = rng.choice(len(best), size=min(n_changes, len(best)), replace=False)
    changes = []
    for k in picks.tolist():
        e, l = best[k]
        score = float(rng.uniform(0.6, 1.0))
        changes.append({"change_id": change_id(e["statement_id"], l["statement_id"]), "actor": l["actor"],
                        "topic_id": topic_ids[l["topic"]], "earlier_id": e["statement_id"],
                        "later_id": l["statement_id"],
                        "label": "full_flop", "score": score, "p_full_flop": score, "p_half_flip": 0.0,
                        "p_no_flip": 1 - score})
    store.sync_changes(changes, JUDGE.key)
    for i, ch in enumerate(changes[:n_reviews]):
        store.add_review(ch["earlier_id"], ch["later_id"], ("full_flop", "half_flip", "no_flip")[i % 3],
                         reviewer="bench")
    return store, changes


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--changes", type=int, default=10_000)
    ap.add_argument("--statements", type=int, default=30_000)
    ap.add_argument("--reviews", type=int, default=1_000)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    import httpx

    from tracker.review.app import create_app
    from tracker.review.server import running

    print(f"machine: {machine()}  (load average now: {os.getloadavg()[0]:.1f})")
    print(ORIGIN_NOTE)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        store, changes = build_store(Path(tmp) / "bench.db", n_statements=args.statements, n_changes=args.changes,
                                     n_reviews=args.reviews)
        n_pairs = store.conn.execute("SELECT count(*) FROM pair_verdicts").fetchone()[0]
        print(f"store: {store.count_statements()} statements, {len(store.changes())} changes "
              f"({args.reviews} reviewed), verdict rows for {n_pairs} later statements; built in "
              f"{time.perf_counter() - t0:.1f} s")
        app = create_app(store.path, judge=lambda: JUDGE, allowed_hosts=["127.0.0.1"])
        with running(app) as base, httpx.Client(base_url=base, timeout=120) as http:
            def get(url: str) -> str:
                r = http.get(url)
                assert r.status_code == 200, (url, r.status_code, r.text[:500])
                return r.text

            cold = timed(lambda: get("/"), 1)[0]
            page = get("/")
            total = re.search(r"(\d+) to review", page).group(1)
            warm = timed(lambda: get("/"), args.repeat)
            actor = changes[-1]["actor"]
            filtered = timed(lambda: get(f"/?actor={actor.replace(' ', '+')}"), args.repeat)
            item = timed(lambda: get("/item?pos=0"), args.repeat)
            fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', get("/item?pos=0")))
            posts = []
            for i in range(args.repeat):
                data = {**fields, "action": "no_flip", "reviewer": "bench", "action_id": f"bench-{i}"}
                t0 = time.perf_counter()
                r = http.post("/review", data=data)
                posts.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 303, r.text[:500]
            last_row = (r'href="/item\?earlier=([^&]+)&amp;later=([^&]+)&amp;pos=\d+"><span class="date">[^<]*'
                        r'</span>[^<]*</a></td>\s*<td class="grade[^"]*">[^<]*</td>\s*</tr>\s*</tbody>')
            candidate = re.search(last_row, get(f"/?offset={int(total) - 1}"))  # the queue's last: a candidate
            r = http.post("/review", data={**fields, "earlier": candidate.group(1), "later": candidate.group(2),
                                           "action": "full_flop", "reviewer": "bench", "action_id": "bench-confirm"})
            assert r.status_code == 303 and store.changes(review="confirmed")["basis"].eq("review").sum() == 1
            after = timed(lambda: get("/"), args.repeat)
    print(f"queue: {total} items (unreviewed changes, then the top unflagged candidates)")
    print(f"{'measure':<28}{'ms':>10}{'vs 200 ms target':>20}")
    for name, ms in (("queue page, cold", cold), ("queue page, warm (median)", statistics.median(warm)),
                     ("queue page, actor filter", statistics.median(filtered)),
                     ("queue after a confirm", statistics.median(after)),
                     ("item page (median)", statistics.median(item)),
                     ("review POST (median)", statistics.median(posts))):
        print(f"{name:<28}{ms:>10.1f}{ms / TARGET_MS:>19.2f}x")
    ok = statistics.median(warm) <= TARGET_MS
    print(f"queue page {'meets' if ok else 'MISSES'} the {TARGET_MS:.0f} ms target (warm median; cold once per "
          f"detect, when the verdict cache changes)")


if __name__ == "__main__":
    sys.exit(main())
