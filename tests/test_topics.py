import numpy as np

from tracker.topics import TopicModel, centroid, read_topics_file


def unit(v):
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_new_vectors_join_close_centroids_only():
    model = TopicModel(join_threshold=0.8)
    centroids = np.stack([unit([1, 0, 0]), unit([0, 1, 0])])
    vectors = np.stack([unit([1, 0.1, 0]), unit([0, 0, 1]), unit([0.1, 1, 0])])
    assert model.join_existing(vectors, centroids).tolist() == [0, -1, 1]


def test_cluster_groups_similar_vectors():
    model = TopicModel(cluster_threshold=0.8)
    vectors = np.stack([unit([1, 0.05, 0]), unit([1, 0, 0.05]), unit([0, 1, 0]), unit([0, 1, 0.1])])
    labels = model.cluster(vectors)
    assert labels[0] == labels[1] and labels[2] == labels[3] and labels[0] != labels[2]


def test_labels_are_distinctive_words():
    labels = TopicModel().label_topics({1: ["troops in Ukraine", "no troops to Ukraine"],
                                        2: ["tariffs on China", "China tariffs rise"]})
    assert "ukraine" in labels[1] and "troops" in labels[1]
    assert "china" in labels[2] and "tariffs" in labels[2]


def test_centroid_is_unit_length():
    assert abs(np.linalg.norm(centroid(np.stack([unit([1, 0]), unit([0, 1])]))) - 1) < 1e-6


def test_topics_file(tmp_path):
    path = tmp_path / "topics.csv"
    path.write_text("id,label,description\n7,us troops in ukraine,Sending US ground forces to Ukraine\n")
    (t,) = read_topics_file(path)
    assert (t.topic_id, t.label) == (7, "us troops in ukraine") and "ground forces" in t.text


def test_refresh_topics_sets_each_touched_topics_centroid_and_size(store):
    """Centroids are summed for all touched topics in one pass; each must equal its own members' centroid."""
    from tracker.embed import Embedder
    from tracker.pipeline import refresh_topics
    from tracker.store import text_hash
    from tracker.store_cache import from_blob
    from tracker.types import Statement

    rng = np.random.default_rng(3)
    embedder = Embedder("fake-model")
    tids = [store.add_topic(f"t{i}", origin="input", model_id=embedder.model_id) for i in range(3)]
    rows = [(f"s{i}", tids[i % 3] if i < 10 else tids[0]) for i in range(12)]
    store.insert_statements([Statement(sid, "A", "2024-01-01", "day", f"text {sid}", "", content_key=text_hash(sid))
                             for sid, _ in rows])
    store.assign_topics(rows)
    frame = store.statements()
    vectors = {h: unit(rng.normal(size=8)) for h in frame["judged_hash"]}
    store.put_embeddings(embedder.model_id, vectors.items())
    refresh_topics(store, embedder, TopicModel(), frame, touched={tids[0], tids[2]})
    topics = store.topics().set_index("topic_id")
    for tid in (tids[0], tids[2]):
        members = frame[frame["topic"] == tid]
        expected = centroid(np.vstack([vectors[h] for h in members["judged_hash"]]))
        np.testing.assert_allclose(from_blob(topics.at[tid, "centroid"]), expected, atol=1e-6)
        assert topics.at[tid, "size"] == len(members)
    assert topics.at[tids[1], "centroid"] is None  # untouched
