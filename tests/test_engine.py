"""The Dask engine (a LocalCluster) and the local engine agree on the demo data."""

import numpy as np
import pytest

from conftest import ROOT
from tracker.actors import ActorAliases
from tracker.judge.model import Judge
from tracker.embed import Embedder
from tracker.engine import LocalEngine, actor_partitions
from tracker.ingest import ingest_files
from tracker.pipeline import detect
from tracker.store import Store

pytest.importorskip("dask.distributed", reason="the dask extra is not installed")


def test_partitions_are_stable_and_keep_actors_whole():
    actors = ["A", "B", "A", "C", "B", "D"]
    parts = actor_partitions(actors, 3)
    assert sorted(i for p in parts for i in p) == list(range(6))
    for p in parts:
        for q in parts:
            if p is not q:
                assert not {actors[i] for i in p} & {actors[i] for i in q}
    assert [list(p) for p in parts] == [list(p) for p in actor_partitions(actors, 3)]


def run(db, engine):
    with Store.open(db) as store:
        ingest_files(store, [str(ROOT / "data/demo/statements.csv")], ActorAliases.from_csv(ROOT / "data/actors.csv"),
                     rejects_dir=db.parent / "rejects", log=lambda m: None)
        detect(store, Judge.load(), Embedder(), engine=engine, progress=False)
        changes = store.changes()[["change_id", "label", "score"]].round(5).values.tolist()
        scores = store.verdicts(Judge.load().key).sort_values(["earlier_id", "later_id"])
        vectors = store.get_embeddings(Embedder().model_id, list(store.statements()["judged_hash"]))
    return changes, scores, vectors


def test_dask_engine_matches_local(tmp_path):
    from tracker.engine import DaskEngine

    local = run(tmp_path / "local.db", LocalEngine())
    engine = DaskEngine(n_workers=2)
    try:
        assert engine.n_partitions == 4
        distributed = run(tmp_path / "dask.db", engine)
    finally:
        engine.close()
    assert local[0] == distributed[0]
    np.testing.assert_allclose(local[1][["p_full_flop", "p_half_flip", "p_no_flip"]].to_numpy(),
                               distributed[1][["p_full_flop", "p_half_flip", "p_no_flip"]].to_numpy(), atol=1e-4)
    assert len(local[1]) > 10
    np.testing.assert_allclose(local[2], distributed[2], atol=1e-4)
