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
    assert store.cached_hashes("m") == {"h1", "h2", "h3"}
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
    """Verdicts are packed per later statement; a later judged in two writes keeps both parts, and a
    pair judged twice reads back its latest verdict."""
    p = np.random.default_rng(2).random((6, 3)).astype(np.float32)
    store.put_pair_scores("v1", np.array([1, 2, 1, 3]), np.array([5, 5, 6, 9]), p[:4])
    store.put_pair_scores("v1", np.array([4, 3]), np.array([5, 9]), p[4:])  # later 5 again; pair (3, 9) again
    store.put_pair_scores("v2", np.array([1]), np.array([5]), p[:1])
    got = store.pair_scores("v1").sort_values(["later", "earlier"]).reset_index(drop=True)
    assert list(zip(got["earlier"], got["later"])) == [(1, 5), (2, 5), (4, 5), (1, 6), (3, 9)]
    expected = np.vstack([p[0], p[1], p[4], p[2], p[5]])
    np.testing.assert_array_equal(got[["p_full_flop", "p_half_flip", "p_no_flip"]].to_numpy(), expected)
    assert len(store.pair_scores("v2")) == 1 and store.pair_scores("none").empty
