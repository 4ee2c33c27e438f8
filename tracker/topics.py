"""Topics: statements grouped across actors by clustering their embeddings.

Topic ids are stable: a new statement joins the nearest existing topic when it is close
enough, and only the rest are clustered into new topics. A `topic` given in the input wins,
and a topics file can pin topics of interest.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tracker.errors import InputError


@dataclass(frozen=True)
class PinnedTopic:
    topic_id: int | None
    label: str
    description: str

    @property
    def text(self) -> str:
        return f"{self.label}. {self.description}".strip()


def read_topics_file(path: str | Path) -> list[PinnedTopic]:
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: topics file not found")
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "label" not in reader.fieldnames:
            raise InputError(f"{path}: topics file needs a 'label' column (optional: id, description)")
        out = []
        for rowno, row in enumerate(reader, start=2):
            label = (row.get("label") or "").strip()
            if not label:
                raise InputError(f"{path}: row {rowno}: field 'label': empty")
            tid = (row.get("id") or row.get("topic_id") or "").strip()
            if tid and not tid.isdigit():
                raise InputError(f"{path}: row {rowno}: field 'id': expected a whole number, got {tid!r}")
            out.append(PinnedTopic(int(tid) if tid else None, label, (row.get("description") or "").strip()))
    return out


class TopicModel:
    """Incremental topics over unit-normalised sentence vectors, made per actor.

    An actor's new statement joins the nearest of that actor's topics when its centroid is close
    enough; the rest of the actor's new statements are clustered together (average linkage over a
    blend of embedding and word-overlap similarity) into new topics. Per actor, because one person's
    statements on one question are far closer to each other than to anyone else's on it: on the
    labelled statements this gives purer topics with fewer pieces than clustering everyone together
    (bench/candidates_quality.py). Ids stay stable: a topic, once made, only grows.
    """

    def __init__(self, join_threshold: float = 0.35, cluster_threshold: float = 0.18, lexical_weight: float = 0.2,
                 n_label_words: int = 3, max_batch: int = 3000):
        self.join_threshold = join_threshold
        self.cluster_threshold = cluster_threshold
        self.lexical_weight = lexical_weight
        self.n_label_words = n_label_words
        self.max_batch = max_batch

    def join_existing(self, vectors: np.ndarray, centroids: np.ndarray) -> np.ndarray:
        """Index of the nearest centroid for each vector, or -1 where none is close enough."""
        if len(vectors) == 0 or len(centroids) == 0:
            return np.full(len(vectors), -1)
        sims = vectors @ centroids.T
        best = sims.argmax(axis=1)
        return np.where(sims[np.arange(len(vectors)), best] >= self.join_threshold, best, -1)

    def cluster(self, vectors: np.ndarray, texts: list[str] | None = None) -> np.ndarray:
        """Cluster labels 0..k-1 for one actor's statements that no existing topic took."""
        n = len(vectors)
        if n <= 1:
            return np.zeros(n, dtype=int)
        if n > self.max_batch:  # bounded memory: cluster in time-ordered batches
            out, offset = np.zeros(n, dtype=int), 0
            for s in range(0, n, self.max_batch):
                part = self.cluster(vectors[s:s + self.max_batch], None if texts is None else texts[s:s + self.max_batch])
                out[s:s + self.max_batch] = part + offset
                offset += int(part.max()) + 1
            return out
        from sklearn.cluster import AgglomerativeClustering  # imported here: reruns with nothing new skip it

        sim = vectors @ vectors.T
        if texts is not None and self.lexical_weight > 0:
            sim = (1 - self.lexical_weight) * sim + self.lexical_weight * _word_overlap(texts)
        dist = np.clip(1 - sim, 0, None)
        np.fill_diagonal(dist, 0)
        model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                        distance_threshold=1 - self.cluster_threshold)
        return model.fit_predict(dist)

    def fit_clusters(self, vectors: np.ndarray, actors: list[str], texts: list[str] | None = None) -> np.ndarray:
        """Topic labels for a batch of statements from scratch (one actor at a time), for measuring."""
        actors = np.asarray(actors, dtype=object)
        out, offset = np.zeros(len(actors), dtype=int), 0
        for a in dict.fromkeys(actors.tolist()):
            idx = np.flatnonzero(actors == a)
            c = self.cluster(vectors[idx], None if texts is None else [texts[i] for i in idx])
            out[idx] = c + offset
            offset += int(c.max()) + 1
        return out

    def label_topics(self, docs_by_topic: dict[int, list[str]]) -> dict[int, str]:
        """A readable label per topic: its most distinctive words (class-based TF-IDF)."""
        ids = list(docs_by_topic)
        if not ids:
            return {}
        joined = [" ".join(docs_by_topic[i]) for i in ids]
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizer = TfidfVectorizer(stop_words="english", token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z\-']+\b",
                                     sublinear_tf=True, max_features=50_000)
        try:
            matrix = vectorizer.fit_transform(joined)
        except ValueError:  # only stop words
            return {i: f"topic {i}" for i in ids}
        vocab = np.array(vectorizer.get_feature_names_out())
        labels = {}
        for row, tid in enumerate(ids):
            scores = matrix[row].toarray().ravel()
            top = [vocab[j] for j in scores.argsort()[::-1][: self.n_label_words] if scores[j] > 0]
            labels[tid] = " / ".join(top) if top else f"topic {tid}"
        return labels


def centroid(vectors: np.ndarray) -> np.ndarray:
    return centroid_of_sum(vectors.sum(axis=0, dtype=np.float64))


def centroid_of_sum(total: np.ndarray) -> np.ndarray:
    """The unit-length mean direction; the sum is enough, so many topics can be summed in one pass."""
    norm = np.linalg.norm(total)
    return (total / norm if norm else total).astype(np.float32)


def _word_overlap(texts: list[str]) -> np.ndarray:
    """Cosine similarity of TF-IDF word vectors (fitted on these texts); zeros where there are no words."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        m = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    except ValueError:  # only stop words
        return np.zeros((len(texts), len(texts)))
    return (m @ m.T).toarray()
