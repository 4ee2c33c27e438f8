"""The flow in one direction: store → embed → topics → timelines → judge → changes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from tracker.judge.model import Judge, decide
from tracker.embed import Embedder
from tracker.engine import LocalEngine, actor_partitions
from tracker.judge.features import PairBatch, cue_counts, day_numbers, gap_days
from tracker.store import Store
from tracker.store_cache import from_blob
from tracker.candidates import DEFAULT_BUDGET, DEFAULT_WINDOW_DAYS
from tracker.timeline import candidate_pairs, order_timelines, article_linked_pairs, select_changes
from tracker.topics import TopicModel, centroid, centroid_of_sum, read_topics_file
from tracker.types import LABELS, judged_text

SCORE_BATCH = 4096
SAVE_BATCH = 65_536


@dataclass
class DetectSummary:
    statements: int = 0
    embedded: int = 0
    new_topics: int = 0
    pairs_scored: int = 0
    pairs_read: int = 0  # of those, read by the pair model (the rest stopped at the cascade); local engine only
    changes: int = 0
    new_changes: int = 0
    retracted: int = 0


def embed_statements(store: Store, embedder: Embedder, engine=None, *, frame: pd.DataFrame | None = None) -> int:
    """Encode only texts with no cached vector; on an engine, partitioned by actor."""
    frame = store.statements() if frame is None else frame
    missing = store.unembedded_hashes(embedder.model_id)
    todo = frame.loc[frame["judged_hash"].isin(missing), ["actor", "text", "context", "judged_hash"]]
    todo = todo.drop_duplicates("judged_hash")
    if todo.empty:
        return 0
    texts = np.array([judged_text(t, c) for t, c in zip(todo["text"], todo["context"])], dtype=object)
    hashes = todo["judged_hash"].to_numpy()
    engine = engine or LocalEngine()
    parts = actor_partitions(list(todo["actor"]), engine.n_partitions)
    encoded = engine.map(_EncodeTask(embedder), [list(texts[idx]) for idx in parts])
    for idx, vectors in zip(parts, encoded):
        store.put_embeddings(embedder.model_id, zip(hashes[idx], vectors))
    return len(todo)


class _EncodeTask:
    """Picklable work unit for an engine: the worker loads the model once (load_encoder caches it)."""

    def __init__(self, embedder: Embedder):
        self.embedder = embedder

    def __call__(self, texts: list[str]) -> np.ndarray:
        return self.embedder.encode(texts)


class _JudgeTask:
    def __init__(self, judge: Judge):
        self.judge = judge

    def __call__(self, batch: PairBatch) -> np.ndarray:
        return self.judge.predict_proba(batch).astype(np.float32)


def assign_topics(store: Store, embedder: Embedder, model: TopicModel, *, topics_file: str | Path | None = None,
                  frame: pd.DataFrame | None = None) -> int:
    """Give every statement a topic; returns the number of topics created.

    A `frame` from store.statements() is updated in place with the new topic ids, so the caller
    need not read every statement again.
    """
    created = 0
    existing = store.topics()
    if topics_file:
        named = set(existing.loc[existing["origin"].isin(["file", "input"]), "label"].str.casefold())
        pinned = [t for t in read_topics_file(topics_file) if t.label.casefold() not in named]
        if pinned:
            vectors = embedder.encode([t.text for t in pinned])
            for t, v in zip(pinned, vectors):
                store.add_topic(t.label, origin="file", description=t.description, pinned=True,
                                model_id=embedder.model_id, centroid=v, topic_id=t.topic_id)
                created += 1
            existing = store.topics()
    frame = store.statements() if frame is None else frame
    todo = frame.loc[frame["topic"].isna(), ["statement_id", "actor", "topic_hint", "judged_hash", "text"]]
    if todo.empty:
        return created
    assignments: list[tuple[str, int]] = []
    by_label = {lbl.casefold(): int(tid) for tid, lbl, origin in
                existing[["topic_id", "label", "origin"]].itertuples(index=False) if origin in ("input", "file")}
    hinted = todo[todo["topic_hint"] != ""]
    for sid, hint in zip(hinted["statement_id"], hinted["topic_hint"]):
        key = hint.casefold()
        if key not in by_label:
            by_label[key] = store.add_topic(hint, origin="input", model_id=embedder.model_id)
            created += 1
        assignments.append((sid, by_label[key]))
    free = todo[todo["topic_hint"] == ""]
    if not free.empty:
        created += _cluster_free(store, embedder, model, frame, free, assignments)
    store.assign_topics(assignments)
    new_topic = dict(assignments)
    frame["topic"] = frame["topic"].fillna(frame["statement_id"].map(new_topic)).astype("Int64")
    refresh_topics(store, embedder, model, frame, touched=set(new_topic.values()))
    return created


def _cluster_free(store: Store, embedder: Embedder, model: TopicModel, frame: pd.DataFrame, free: pd.DataFrame,
                  assignments: list[tuple[str, int]]) -> int:
    """Topics for statements with no input topic, one actor at a time: join one of the actor's
    clustered topics when close enough, else cluster with the actor's other new statements."""
    created = 0
    vectors = store.get_embeddings(embedder.model_id, list(free["judged_hash"]))
    topics = store.topics()
    topics = topics[topics["centroid"].notna() & (topics["model_id"] == embedder.model_id)]
    centroid_of = {int(t): from_blob(b) for t, b in zip(topics["topic_id"], topics["centroid"])}
    pinned = sorted(int(t) for t in topics.loc[topics["origin"] == "file", "topic_id"])  # any actor may join these
    owned = frame.loc[frame["topic"].notna(), ["actor", "topic"]].drop_duplicates()
    owned = owned[owned["topic"].astype(int).isin(list(centroid_of))]
    topics_of = owned.groupby("actor")["topic"].agg(lambda t: sorted(int(x) for x in t)).to_dict()
    ids, texts = free["statement_id"].to_numpy(dtype=object), free["text"].to_numpy(dtype=object)
    for actor, idx in free.groupby("actor", sort=False).indices.items():
        mine = sorted(set(topics_of.get(actor, [])) | set(pinned))
        cents = np.vstack([centroid_of[t] for t in mine]) if mine else np.zeros((0, vectors.shape[1]), dtype=np.float32)
        joined = model.join_existing(vectors[idx], cents)
        for i in np.flatnonzero(joined >= 0):
            assignments.append((ids[idx[i]], mine[joined[i]]))
        rest = idx[joined < 0]
        if not len(rest):
            continue
        clusters = model.cluster(vectors[rest], list(texts[rest]))
        for c in np.unique(clusters):
            members = rest[clusters == c]
            tid = store.add_topic(f"topic {c}", origin="cluster", model_id=embedder.model_id,
                                  centroid=centroid(vectors[members]))
            created += 1
            assignments += [(ids[i], tid) for i in members]
    return created


def refresh_topics(store: Store, embedder: Embedder, model: TopicModel, frame: pd.DataFrame, *,
                   touched: set[int]) -> None:
    """Recompute centroid, size and (for clustered topics) the label of topics that gained members."""
    topics = store.topics().set_index("topic_id")
    labels = {}
    if any(topics.at[t, "origin"] == "cluster" for t in touched):  # given labels never change
        members = frame.loc[frame["topic"].notna(), ["topic", "text"]]
        labels = model.label_topics({int(t): list(g["text"]) for t, g in members.groupby("topic")})
    # arrays, not row subsets of the frame: at a million statements each frame copy costs gigabytes
    mask = frame["topic"].isin(touched).to_numpy(dtype=bool)
    tids = frame["topic"].to_numpy()[mask].astype(np.int64)
    order = np.argsort(tids, kind="stable")
    # one read for every touched topic's members (a scan when that is most of the cache), not one per topic
    vecs = store.get_embeddings(embedder.model_id, list(frame["judged_hash"].to_numpy(dtype=object)[mask][order]))
    tids = tids[order]
    starts = np.flatnonzero(np.r_[True, tids[1:] != tids[:-1]]) if len(tids) else np.zeros(0, dtype=np.int64)
    ends = np.r_[starts[1:], len(tids)].astype(np.int64)
    rows = []
    for tid, a, b in zip(tids[starts].tolist(), starts.tolist(), ends.tolist()):
        total = vecs[a:b].sum(axis=0, dtype=np.float64)  # buffered: np.add.reduceat would copy all to float64
        size = b - a
        origin = topics.at[tid, "origin"]
        label = labels.get(tid, topics.at[tid, "label"]) if origin == "cluster" else topics.at[tid, "label"]
        rows.append((tid, label, centroid_of_sum(total), size))
    store.update_topics(rows)


def detect(store: Store, judge: Judge, embedder: Embedder, *, window_days: int = DEFAULT_WINDOW_DAYS,
           budget: int = DEFAULT_BUDGET, threshold: float | None = None,
           topic_model: TopicModel | None = None, topics_file: str | Path | None = None,
           progress: bool = True, engine=None) -> DetectSummary:
    """Embed what is new, assign topics, score unscored candidate pairs, sync the flagged changes."""
    engine = engine or LocalEngine()
    summary = DetectSummary()
    frame = store.statements()  # read once; assign_topics fills in the topic ids it gives
    summary.embedded = embed_statements(store, embedder, engine, frame=frame)
    summary.new_topics = assign_topics(store, embedder, topic_model or TopicModel(), topics_file=topics_file,
                                       frame=frame)
    timelines = order_timelines(frame)
    summary.statements = len(timelines)
    pairs = _candidates(store, embedder, timelines, window_days=window_days, budget=budget)
    linked = article_linked_pairs(timelines)
    if len(linked):  # a shift the article reports is judged even outside the window
        pairs = np.unique(np.vstack([pairs, linked]), axis=0)
        pairs = pairs[np.lexsort((pairs[:, 0], pairs[:, 1]))]
    read_before = judge.pairs_read
    proba, summary.pairs_scored = _pair_probabilities(store, judge, embedder, timelines, pairs, progress=progress,
                                                      engine=engine)
    summary.pairs_read = judge.pairs_read - read_before
    cut = judge.threshold if threshold is None else threshold
    reported = None
    if len(linked):
        keys = pd.MultiIndex.from_arrays([pairs[:, 0], pairs[:, 1]])
        reported = keys.isin(pd.MultiIndex.from_arrays([linked[:, 0], linked[:, 1]]))
    changes = select_changes(timelines, pairs, proba, cut, reported)
    summary.changes = len(changes)
    summary.new_changes, summary.retracted = store.sync_changes(changes, judge.key)
    return summary


CANDIDATE_CHUNK = 200_000


def _candidates(store: Store, embedder: Embedder, timelines: pd.DataFrame, *, window_days: int, budget: int) -> np.ndarray:
    """Neighbour candidates, reading vectors for about CANDIDATE_CHUNK statements at a time (whole
    actors per chunk), so memory stays bounded at a million statements."""
    actors = timelines["actor"].to_numpy(dtype=object)
    starts = np.flatnonzero(np.r_[True, actors[1:] != actors[:-1]]) if len(actors) else np.zeros(0, dtype=np.int64)
    cuts, last = [0], 0
    for s in starts.tolist():
        if s - last >= CANDIDATE_CHUNK:
            cuts.append(s)
            last = s
    cuts.append(len(actors))
    hashes = timelines["judged_hash"].to_numpy(dtype=object)
    out = []
    for a, b in zip(cuts[:-1], cuts[1:]):
        if b - a < 2:
            continue
        vectors = store.get_embeddings(embedder.model_id, list(hashes[a:b]))
        out.append(candidate_pairs(timelines.iloc[a:b], vectors, window_days=window_days, budget=budget) + a)
    return np.concatenate(out) if out else np.zeros((0, 2), dtype=np.int64)


def _pair_probabilities(store: Store, judge: Judge, embedder: Embedder, timelines: pd.DataFrame, pairs: np.ndarray,
                        *, progress: bool, engine) -> tuple[np.ndarray, int]:
    """Probabilities for every candidate pair: cached verdicts reused, only new pairs judged."""
    proba = np.full((len(pairs), len(LABELS)), np.nan, dtype=np.float32)
    if len(pairs) == 0:
        return proba, 0
    sid = timelines["statement_id"].to_numpy(dtype=object)
    e_id, l_id = sid[pairs[:, 0]], sid[pairs[:, 1]]
    cached = store.verdicts(judge.key)
    if len(cached):
        # match on timeline positions: integer keys, not millions of string pairs
        index = pd.Index(sid)
        at_e, at_l = index.get_indexer(cached["earlier_id"]), index.get_indexer(cached["later_id"])
        hit = pd.MultiIndex.from_arrays([at_e, at_l]).get_indexer(pd.MultiIndex.from_arrays([pairs[:, 0], pairs[:, 1]]))
        found = hit >= 0
        proba[found] = cached[["p_full_flop", "p_half_flip", "p_no_flip"]].to_numpy(dtype=np.float32)[hit[found]]
    todo = np.flatnonzero(np.isnan(proba[:, 0]))
    if len(todo) == 0:
        return proba, 0
    needed = np.unique(pairs[todo])
    slot = np.full(len(timelines), -1, dtype=np.int64)  # timeline row -> row of the fetched arrays
    slot[needed] = np.arange(len(needed))
    vectors = store.get_embeddings(embedder.model_id, list(timelines["judged_hash"].iloc[needed]))
    own = timelines["text"].to_numpy(dtype=object)
    texts = np.array([judged_text(t, c) for t, c in zip(own, timelines["context"].to_numpy(dtype=object))],
                     dtype=object)
    # stance cues count the speaker's own words; a question in `context` is someone else's
    cues = cue_counts(list(own[needed]))
    days = day_numbers(timelines["date"].to_numpy(dtype=object))
    labels = store.topics().set_index("topic_id")["label"]  # the stance view's target: the timeline's topic
    topic_of = timelines["topic"].map(labels).fillna("").to_numpy(dtype=object)
    bar = tqdm(total=len(todo), desc="scoring pairs", unit="pair", disable=not progress or len(todo) < 2000)
    task = _JudgeTask(judge)
    actors = timelines["actor"].to_numpy(dtype=object)  # once: converting the column per window was quadratic
    unsaved: list[np.ndarray] = []
    for start in range(0, len(todo), SCORE_BATCH * engine.n_partitions):
        window = todo[start : start + SCORE_BATCH * engine.n_partitions]
        chunks = [window[idx] for idx in actor_partitions(list(actors[pairs[window, 1]]), engine.n_partitions)]
        batches = []
        for c in chunks:
            e, l = pairs[c, 0], pairs[c, 1]
            batches.append(PairBatch(list(texts[e]), list(texts[l]), vectors[slot[e]], vectors[slot[l]],
                                     gap_days(days[e], days[l]), cues_a=cues[slot[e]], cues_b=cues[slot[l]],
                                     topic=list(topic_of[l]), later=l))
        for chunk, p in zip(chunks, engine.map(task, batches)):
            proba[chunk] = p
            unsaved.append(chunk)
        if sum(map(len, unsaved)) >= SAVE_BATCH:
            _save_verdicts(store, judge, e_id, l_id, proba, unsaved)
        bar.update(len(window))
    _save_verdicts(store, judge, e_id, l_id, proba, unsaved)
    bar.close()
    return proba, len(todo)


def score_pairs(judge: Judge, embedder: Embedder, pairs: pd.DataFrame) -> pd.DataFrame:
    """Classify free-standing pairs (text_a, text_b[, date_a, date_b]); adds label and probabilities."""
    a, b = pairs["text_a"].astype(str).tolist(), pairs["text_b"].astype(str).tolist()
    vectors = embedder.encode(a + b)
    gap = np.zeros(len(pairs))
    if {"date_a", "date_b"} <= set(pairs.columns):
        gap = gap_days(day_numbers(pairs["date_a"].tolist()), day_numbers(pairs["date_b"].tolist()))
    topic = pairs["topic"].fillna("").astype(str).tolist() if "topic" in pairs.columns else None
    proba = judge.predict_proba(PairBatch(a, b, vectors[: len(a)], vectors[len(a):], gap, topic=topic), cascade=False)
    out = pairs.copy()
    out["label"] = decide(proba, judge.threshold)
    for j, name in enumerate(LABELS):
        out[f"p_{name}"] = proba[:, j].round(6)
    return out


def _save_verdicts(store: Store, judge: Judge, e_id, l_id, proba, unsaved: list[np.ndarray]) -> None:
    """One transaction per SAVE_BATCH judged pairs: a kill loses at most that much work, and the
    write-ahead log is not committed (and checkpointed) once per few thousand pairs."""
    if unsaved:
        idx = np.concatenate(unsaved)
        store.put_verdicts(judge.key, e_id[idx], l_id[idx], proba[idx])
        unsaved.clear()
