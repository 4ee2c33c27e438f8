"""Proposed library changes for detect at scale, written as drop-in replacements so they can be measured.

bench/detect_scale.py --patched applies them by monkeypatching (the library itself is NOT changed here):
  * tracker.timeline.select_changes: no DataFrame.iloc per change (each iloc builds a row Series from
    ~14 Arrow-backed columns, and its cost grows with the table: ~0.5 ms/change at 10k statements,
    several ms at 100k), and no Python loop over *all* pairs to build the (earlier, later) index: only
    pairs whose later statement is a flagged one or an earlier statement of one are indexed.
  * tracker.pipeline.refresh_topics: build the c-TF-IDF labels only when a touched topic is a clustered
    one (input/file topics keep their given label, yet every run with new statements labelled ALL
    topics from ALL texts).
  * tracker.store.Store.get_embeddings: fill one preallocated float32 array instead of keeping a dict
    of per-row arrays (each pinning its SQLite blob) and np.vstack-ing them: halves peak memory of a
    big read and avoids a million small objects.
Each function keeps the original's signature and results (same changes, same order).
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def select_changes(timelines: pd.DataFrame, pairs: np.ndarray, proba: np.ndarray, threshold: float) -> list[dict]:
    from tracker.timeline import _agrees, _flips, change_id, cue_shift

    if len(pairs) == 0:
        return []
    score = proba[:, 0] + proba[:, 1]
    flagged = np.flatnonzero(score >= threshold)
    if len(flagged) == 0:
        return []
    later_col = pairs[:, 1]
    laters = np.unique(later_col[flagged])
    needed = np.union1d(laters, pairs[np.isin(later_col, laters), 0])
    rows = np.flatnonzero(np.isin(later_col, needed))
    index = {(e, l): i for i, (e, l) in zip(rows.tolist(), pairs[rows].tolist())}
    is_later = set(laters.tolist())
    earlier_of: dict[int, list[int]] = {}
    for e, l in index:
        if l in is_later:
            earlier_of.setdefault(l, []).append(e)
    ids = timelines["statement_id"].to_numpy()
    actors = timelines["actor"].to_numpy()
    topics = timelines["topic"].to_numpy()
    texts = timelines["text"].to_numpy()
    by_later: dict[int, list[int]] = {}
    for i, l in zip(flagged.tolist(), later_col[flagged].tolist()):
        by_later.setdefault(l, []).append(i)
    changes = []
    for l, candidates in sorted(by_later.items()):
        between_all = earlier_of.get(l, [])
        for i in sorted(candidates, key=lambda i: -score[i]):
            e = int(pairs[i, 0])
            if any(_agrees(index, proba, m, l) and _flips(index, score, e, m, threshold)
                   for m in between_all if e < m < l):
                continue
            p = proba[i]
            label = "full_flop" if p[0] >= p[1] else "half_flip"
            changes.append({
                "change_id": change_id(ids[e], ids[l]), "actor": actors[l], "topic_id": int(topics[l]),
                "earlier_id": ids[e], "later_id": ids[l], "label": label, "score": round(float(score[i]), 6),
                "p_full_flop": float(p[0]), "p_half_flip": float(p[1]), "p_no_flip": float(p[2]),
                "cues": cue_shift(texts[e], texts[l]),
            })
            break
    return changes


def refresh_topics(store, embedder, model, *, touched: set[int]) -> None:
    from tracker.topics import centroid

    frame = store.statements()
    topics = store.topics().set_index("topic_id")
    members = frame[frame["topic"].notna()].groupby("topic")
    labels = {}
    if any(topics.at[t, "origin"] == "cluster" for t in touched):
        labels = model.label_topics({int(t): list(g["text"]) for t, g in members})
    rows = []
    for tid in sorted(touched):
        group = members.get_group(tid)
        vecs = store.get_embeddings(embedder.model_id, list(group["text_hash"]))
        origin = topics.at[tid, "origin"]
        label = labels.get(tid, topics.at[tid, "label"]) if origin == "cluster" else topics.at[tid, "label"]
        rows.append((tid, label, centroid(vecs), len(group)))
    store.update_topics(rows)


def get_embeddings(self, model_id: str, hashes) -> np.ndarray:
    from tracker.errors import StoreError

    unique = list(dict.fromkeys(hashes))
    pos = {h: i for i, h in enumerate(unique)}
    out = None
    seen = np.zeros(len(unique), dtype=bool)
    for start in range(0, len(unique), 900):
        chunk = unique[start : start + 900]
        marks = ",".join("?" * len(chunk))
        for h, dim, blob in self.conn.execute(
            f"SELECT text_hash, dim, vector FROM embeddings WHERE model_id = ? AND text_hash IN ({marks})",
            (model_id, *chunk),
        ):
            if out is None:
                out = np.empty((len(unique), dim), dtype=np.float32)
            i = pos[h]
            out[i] = np.frombuffer(blob, dtype="<f4")
            seen[i] = True
    if not seen.all():
        raise StoreError(f"{int((~seen).sum())} texts have no cached embedding for model {model_id}")
    if not len(hashes):
        return np.zeros((0, 0), dtype=np.float32)
    return out if len(unique) == len(hashes) else out[[pos[h] for h in hashes]]


def apply() -> None:
    import tracker.pipeline as pl
    import tracker.store as st
    import tracker.timeline as tl

    tl.select_changes = pl.select_changes = select_changes
    pl.refresh_topics = refresh_topics
    st.Store.get_embeddings = get_embeddings
