import re

import pandas as pd

from conftest import HOSTILE
from tracker.outputs.report import render_report


def test_html_report_is_self_contained_and_escaped(flagged_store):
    html = render_report(flagged_store, fmt="html")
    assert "Full Flop" in html and "Half Flip" in html and "confidence 91%" in html
    assert "You have my assurance, and I&#39;m president." in html
    assert "2025-08-18" in html and "2025-08-19" in html
    assert html.count("<svg") == 3  # one timeline plot per actor-topic with a change
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html
    assert not re.search(r'(src|href)="https?://', html.replace('href="https://example.org', ""))  # no network fetches
    assert "more refusal / ruling out, less openness" in html


def test_markdown_report_escapes_html(flagged_store):
    md = render_report(flagged_store, fmt="md")
    assert "### Full Flop (confidence 91%)" in md
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "data:image/png;base64," in md


def test_empty_store_says_so(store):
    html = render_report(store, fmt="html")
    assert "No stance changes" in html and "<svg" not in html


def test_report_says_why_a_change_is_flagged(flagged_store):
    html = render_report(flagged_store, fmt="html")
    assert html.count("Flagged by the reversal classifier.") == 2
    assert "reported by the source · classifier score 70%" in html
    assert "the source article itself reports the shift (classifier score for the pair alone: 70%)" in html
    assert "source article itself reports" in render_report(flagged_store, fmt="md")


def test_filters(flagged_store):
    html = render_report(flagged_store, fmt="html", filters={"actor": "Other Person"})
    assert "Tariffs are great." in html and "assurance" not in html


def test_plot_command(flagged_store, cli, tmp_path):
    db = flagged_store.path
    code, _, err = cli("plot", "--actor", "Donald Trump", "--out", tmp_path / "t.svg", "--db", db)
    assert code == 0, err
    svg = (tmp_path / "t.svg").read_text()
    assert "<title>2025-08-19: You have my assurance" in svg
    code, _, _ = cli("plot", "--actor", "Hostile Person", "--out", tmp_path / "h.svg", "--db", db)
    assert code == 0 and HOSTILE[0] not in (tmp_path / "h.svg").read_text()
    code, _, _ = cli("plot", "--actor", "Donald Trump", "--out", tmp_path / "t.png", "--db", db)
    assert code == 0 and (tmp_path / "t.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    code, _, err = cli("plot", "--actor", "Nobody", "--out", tmp_path / "n.png", "--db", db)
    assert code == 3 and "no statements" in err


def test_changes_csv_neutralises_hostile_cells(flagged_store, cli):
    code, out, _ = cli("changes", "--db", flagged_store.path, "--actor", "Hostile Person")
    assert code == 0 and "'=HYPERLINK" in out
    code, out, _ = cli("changes", "--db", flagged_store.path, "--actor", "Hostile Person", "--raw")
    assert ',"=HYPERLINK' in out or ",=HYPERLINK" in out


def test_timeline_tables_match_one_query_per_timeline(flagged_store, monkeypatch):
    from tracker.outputs import tables as outputs

    monkeypatch.setattr(outputs, "GROUPS_PER_QUERY", 2)  # several chunks, one group alone in the last
    groups = list(dict.fromkeys(zip(*[flagged_store.changes()[c] for c in ("actor", "topic")])))
    assert len(groups) == 3
    tables = outputs.timeline_tables(flagged_store, groups + groups[:1])
    assert list(tables) == [(a, int(t)) for a, t in groups]
    for actor, topic in groups:
        timeline, changes = tables[(actor, int(topic))]
        pd.testing.assert_frame_equal(timeline, outputs.timeline_table(flagged_store, actor=actor, topic=str(topic)))
        pd.testing.assert_frame_equal(changes, outputs.changes_table(flagged_store, actor=actor, topic=str(topic)))
        assert set(timeline["actor"]) == {actor} and len(changes) == 1
