"""Readers (report, digest, changes) alongside writers (ingest, change sync) on one store file:
WAL, a busy timeout and short write transactions mean no 'database is locked'."""

import threading

from tracker.actors import ActorAliases
from tracker.outputs.digest import build_digest
from tracker.ingest import ingest_files
from tracker.outputs.tables import changes_table, timeline_table
from tracker.outputs.report import render_report
from tracker.store import Store
from tracker.timeline import change_id

ROUNDS = 40


def test_readers_and_writers_do_not_lock_each_other(flagged_store, tmp_path):
    db = flagged_store.path
    errors: list[BaseException] = []
    stop = threading.Event()

    def writer():
        try:
            with Store.open(db) as store:
                for i in range(ROUNDS):
                    path = tmp_path / f"w{i}.csv"
                    path.write_text("actor,date,text\n" + "".join(f"Writer,2025-08-{1 + j % 28:02d},round {i} line {j}\n"
                                                                  for j in range(50)))
                    ingest_files(store, [str(path)], ActorAliases(), rejects_dir=tmp_path / "r", log=lambda m: None)
                    rows = store.changes(include_inactive=True)
                    store.sync_changes([dict(change_id=r.change_id, actor=r.actor, topic_id=int(r.topic),
                                             earlier_id=r.earlier_id, later_id=r.later_id, label=r.label,
                                             score=r.score, p_full_flop=r.p_full_flop, p_half_flip=r.p_half_flip,
                                             p_no_flip=r.p_no_flip) for r in rows.itertuples()
                                        if i % 2 == 0 or r.change_id != change_id("o1", "o2")], "test")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            stop.set()

    def reader(kind):
        try:
            with Store.open(db) as store:
                n = 0
                while not stop.is_set() or n < 3:
                    if kind == "report":
                        assert "Stance changes" in render_report(store, fmt="md")
                    elif kind == "digest":
                        assert build_digest(store, window=None, mode="range")["n_changes"] >= 2
                    else:
                        assert len(changes_table(store)) >= 2 and len(timeline_table(store)) >= 6
                    n += 1
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer)] + [threading.Thread(target=reader, args=(k,))
                                                   for k in ("report", "digest", "changes")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    with Store.open(db) as store:
        assert store.count_statements() == 6 + ROUNDS * 50
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
