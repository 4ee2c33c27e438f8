import sqlite3

import numpy as np
import pytest

from tracker.errors import StoreError
from tracker.store import MIGRATIONS, Store


def test_schema_is_migrated_and_readable(db):
    with Store.open(db) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn = sqlite3.connect(db)  # plain sqlite3 reads it
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"statements", "embeddings", "topics", "changes", "schema_migrations"} <= tables
    with Store.open(db) as store:  # reopening applies nothing twice
        assert store.conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)


def test_embedding_cache_roundtrip(store):
    vecs = np.random.default_rng(0).normal(size=(3, 4)).astype(np.float32)
    store.put_embeddings("m", zip(["h1", "h2", "h3"], vecs))
    np.testing.assert_array_equal(store.get_embeddings("m", ["h3", "h1"]), vecs[[2, 0]])
    assert store.get_embeddings("m", ["h1"]).dtype == np.float32


@pytest.mark.parametrize("wanted", [["h7", "h2", "h7"], [f"h{i}" for i in range(40)][::-1]])
def test_embedding_lookup_by_key_and_by_scan_agree(store, wanted):
    """A few hashes are looked up by key, most of the cache in one scan: same vectors, same order."""
    vecs = np.random.default_rng(1).normal(size=(40, 4)).astype(np.float32)
    store.put_embeddings("m", zip([f"h{i}" for i in range(40)], vecs))
    store.put_embeddings("other", zip([f"h{i}" for i in range(40)], -vecs))  # another model's vectors
    np.testing.assert_array_equal(store.get_embeddings("m", wanted), vecs[[int(h[1:]) for h in wanted]])
    with pytest.raises(StoreError, match="1 texts have no cached embedding"):
        store.get_embeddings("m", wanted + ["missing"])


def test_not_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes")
    with pytest.raises(StoreError, match="not an SQLite database"):
        Store.open(path)
    assert path.read_text() == "these are my notes"


def test_pair_verdicts_roundtrip_across_writes(store):
    """Verdicts name pairs by statement id; packed per later statement, a later judged in two writes
    keeps both parts, and a pair judged twice reads back its latest verdict."""
    from tracker.store import text_hash
    from tracker.types import Statement

    store.insert_statements([Statement(f"s{i}", "A", f"2025-01-0{i}", "day", f"Statement {i}.", "https://example.org",
                                       content_key=text_hash(f"s{i}")) for i in range(1, 10)])
    p = np.random.default_rng(2).random((6, 3)).astype(np.float32)
    store.put_verdicts("v1", ["s1", "s2", "s1", "s3"], ["s5", "s5", "s6", "s9"], p[:4])
    store.put_verdicts("v1", ["s4", "s3"], ["s5", "s9"], p[4:])  # later s5 again; pair (s3, s9) again
    store.put_verdicts("v2", ["s1"], ["s5"], p[:1])
    got = store.verdicts("v1").sort_values(["later_id", "earlier_id"]).reset_index(drop=True)
    assert list(zip(got["earlier_id"], got["later_id"])) == [("s1", "s5"), ("s2", "s5"), ("s4", "s5"), ("s1", "s6"),
                                                            ("s3", "s9")]
    expected = np.vstack([p[0], p[1], p[4], p[2], p[5]])
    np.testing.assert_array_equal(got[["p_full_flop", "p_half_flip", "p_no_flip"]].to_numpy(), expected)
    np.testing.assert_array_equal(store.pair_proba("s3", "s9", "v1"), p[5])
    with pytest.raises(StoreError, match="no statement 'nope'"):
        store.put_verdicts("v1", ["nope"], ["s5"], p[:1])
    assert len(store.verdicts("v2")) == 1 and store.verdicts("none").empty


@pytest.mark.parametrize("n", [5, 12_000])
def test_topic_assignment_small_and_bulk_keep_the_timeline_index(store, n):
    """Bulk assignment rebuilds the timeline index inside the transaction; it must exist afterwards."""
    from tracker.types import Statement

    store.insert_statements([Statement(f"s{i}", f"A{i % 7}", "2024-01-01", "day", f"t{i}", "", content_key=f"k{i}")
                             for i in range(n)])
    tid = store.add_topic("t", origin="input")
    store.assign_topics([(f"s{i}", tid) for i in range(n)])
    assert store.conn.execute("SELECT count(*) FROM statements WHERE topic_id = ?", (tid,)).fetchone()[0] == n
    plan = " ".join(r[-1] for r in store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM statements WHERE actor = 'A1' AND topic_id = ?", (tid,)))
    assert "statements_timeline" in plan


def test_unembedded_hashes_are_the_statements_without_a_vector_for_that_model(store):
    from tracker.store import text_hash
    from tracker.types import Statement

    store.insert_statements([Statement(f"s{i}", "A", "2024-01-01", "day", f"text {i % 3}", "", content_key=f"k{i}")
                             for i in range(5)])  # three distinct texts
    hashes = [text_hash(f"text {i}") for i in range(3)]
    assert store.unembedded_hashes("m") == set(hashes)
    store.put_embeddings("m", [(hashes[0], np.ones(4, dtype=np.float32))])
    store.put_embeddings("other", [(hashes[1], np.ones(4, dtype=np.float32))])
    assert store.unembedded_hashes("m") == set(hashes[1:])


def test_migrating_an_older_store_keeps_its_vectors(tmp_path, monkeypatch):
    import tracker.store as store_module

    db = tmp_path / "old.db"
    vecs = np.random.default_rng(4).normal(size=(3, 4)).astype(np.float32)
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS[:4])  # the schema before the embeddings re-layout
    with Store.open(db) as old:  # written as that schema stored vectors (column names of the time)
        from tracker.store_cache import to_blob

        with old.transaction() as c:
            c.executemany("INSERT INTO embeddings(model_id, text_hash, dim, vector) VALUES (?, ?, ?, ?)",
                          [("m", h, 4, to_blob(v)) for h, v in zip(["h1", "h2", "h3"], vecs)])
        assert old.schema_version == 4
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS)
    with Store.open(db) as new:
        assert new.schema_version == len(MIGRATIONS)
        np.testing.assert_array_equal(new.get_embeddings("m", ["h2", "h3", "h1"]), vecs[[1, 2, 0]])
        new.put_embeddings("m", [("h1", -vecs[0])])  # the key still makes a second insert a no-op
        np.testing.assert_array_equal(new.get_embeddings("m", ["h1"]), vecs[[0]])
