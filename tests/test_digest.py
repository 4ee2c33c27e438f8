import datetime as dt
import json

import jsonschema
import pytest

from conftest import ROOT
from tracker.outputs.digest import build_digest, iso_week, render_digest

SCHEMA = json.loads((ROOT / "docs" / "digest.schema.json").read_text())


def test_iso_week_bounds_and_partial():
    w = iso_week("2025-W34", today=dt.date(2025, 8, 20))
    assert (w.start, w.end, w.partial) == (dt.date(2025, 8, 18), dt.date(2025, 8, 24), True)
    assert not iso_week("2025-W34", today=dt.date(2025, 9, 1)).partial
    with pytest.raises(ValueError, match="YYYY-Www"):
        iso_week("week 34")


def test_week_digest_validates_and_normalises(flagged_store):
    doc = build_digest(flagged_store, window=iso_week("2025-W34"), mode="week")
    jsonschema.validate(doc, SCHEMA)
    assert doc["n_changes"] == 2  # later statements on 08-19 and 08-20; 08-30 is the next week
    trump = next(a for a in doc["actors"] if a["actor"] == "Donald Trump")
    assert (trump["n_changes"], trump["n_statements"], trump["changes_per_100_statements"]) == (1, 2, 50.0)
    assert {g["actor"] for g in doc["groups"]} == {"Donald Trump", "Hostile Person"}
    assert {c["basis"] for g in doc["groups"] for c in g["changes"]} == {"classifier"}
    later = build_digest(flagged_store, window=iso_week("2025-W35"), mode="week")
    jsonschema.validate(later, SCHEMA)
    assert [c["basis"] for g in later["groups"] for c in g["changes"]] == ["source"]


def test_since_last_reports_each_change_once(flagged_store, cli, tmp_path):
    db = flagged_store.path
    code, first, _ = cli("digest", "--since-last", "--format", "json", "--db", db)
    code2, second, err = cli("digest", "--since-last", "--format", "json", "--db", db)
    assert code == code2 == 0
    assert json.loads(first)["n_changes"] == 3 and json.loads(second)["n_changes"] == 0
    code, md, _ = cli("digest", "--since-last", "--db", db)
    assert "No changes" in md


def test_late_change_for_old_week_appears_in_next_digest(flagged_store, cli):
    from tracker.store import text_hash
    from tracker.timeline import change_id
    from tracker.types import Statement

    db = flagged_store.path
    cli("digest", "--since-last", "--db", db)
    flagged_store.insert_statements([Statement("late", "Other Person", "2025-01-01", "day", "Tariffs are terrible.",
                                               content_key=text_hash("late"))])
    flagged_store.assign_topics([("late", 1)])
    known = flagged_store.changes()
    rows = [dict(change_id=r.change_id, actor=r.actor, topic_id=int(r.topic), earlier_id=r.earlier_id,
                 later_id=r.later_id, label=r.label, score=r.score, p_full_flop=r.p_full_flop,
                 p_half_flip=r.p_half_flip, p_no_flip=r.p_no_flip) for r in known.itertuples()]
    rows.append(dict(change_id=change_id("late", "o1"), actor="Other Person", topic_id=1, earlier_id="late",
                     later_id="o1", label="half_flip", score=0.6, p_full_flop=0.1, p_half_flip=0.5, p_no_flip=0.4))
    flagged_store.sync_changes(rows, "test")
    _, out, _ = cli("digest", "--since-last", "--format", "json", "--db", db)
    doc = json.loads(out)
    assert [c["change_id"] for g in doc["groups"] for c in g["changes"]] == [change_id("late", "o1")]


def test_formats_and_arguments(flagged_store, cli):
    db = flagged_store.path
    code, html, _ = cli("digest", "--week", "2025-W34", "--format", "html", "--db", db)
    assert code == 0 and "&lt;script&gt;" in html and "<script>" not in html
    code, _, err = cli("digest", "--week", "2025-W34", "--since-last", "--db", db)
    assert code == 2
    code, md, _ = cli("digest", "--since", "2025-08-25", "--until", "2025-08-31", "--db", db)
    assert code == 0 and "Tariffs are great" in md and "assurance" not in md


def test_digest_json_of_empty_store_validates(store):
    doc = build_digest(store, window=None, mode="since-last")
    jsonschema.validate(doc, SCHEMA)
    assert doc["n_changes"] == 0 and "No changes" in render_digest(doc, "md")
