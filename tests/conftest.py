import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def db(tmp_path):
    return tmp_path / "t.db"


@pytest.fixture
def store(db):
    from tracker.store import Store

    with Store.open(db) as s:
        yield s


@pytest.fixture
def cli(monkeypatch, tmp_path):
    """Invoke the CLI in-process; returns (exit_code, stdout, stderr)."""
    from tracker.cli import app

    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("TRACKER_DB", raising=False)
    runner = CliRunner()

    def invoke(*args, input=None):
        result = runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return invoke


def write(path: Path, text: str, encoding="utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
           "<img src=x onerror=\"document.title='pwned'\">", "=HYPERLINK(\"http://evil\")"]


@pytest.fixture
def flagged_store(store):
    """A store with statements and flagged changes written directly: no model involved, so the
    report, digest and export tests exercise only what reads the store."""
    from tracker.store import text_hash
    from tracker.timeline import change_id
    from tracker.types import Statement

    rows = [
        ("t1", "Donald Trump", "2025-08-18", "We'll let you know that, maybe later today.", "https://example.org/a"),
        ("t2", "Donald Trump", "2025-08-19", "You have my assurance, and I'm president.", "https://example.org/b"),
        ("h1", "Hostile Person", "2025-08-11", "I support it. " + HOSTILE[0], "javascript:alert(1)"),
        ("h2", "Hostile Person", "2025-08-20", "I oppose it. " + HOSTILE[1] + " " + HOSTILE[2], HOSTILE[3]),
        ("o1", "Other Person", "2025-06-02", "Tariffs are bad.", ""),
        ("o2", "Other Person", "2025-08-30", "Tariffs are great.", ""),
    ]
    store.insert_statements([Statement(sid, a, d, "day", t, src, content_key=text_hash(sid + t))
                             for sid, a, d, t, src in rows])
    tid = store.add_topic("us troops in ukraine", origin="input")
    store.assign_topics([(sid, tid) for sid, *_ in rows])
    changes = [(e, l, a, label, score) for e, l, a, label, score in [
        ("t1", "t2", "Donald Trump", "full_flop", 0.91), ("h1", "h2", "Hostile Person", "full_flop", 0.8),
        ("o1", "o2", "Other Person", "half_flip", 0.7)]]
    store.sync_changes([{"change_id": change_id(e, l), "actor": a, "topic_id": tid, "earlier_id": e, "later_id": l,
                         "label": label, "score": score, "p_full_flop": score if label == "full_flop" else 0.1,
                         "p_half_flip": score if label == "half_flip" else 0.1, "p_no_flip": 1 - score,
                         "cues": ["+refusal", "-openness"], "basis": "source" if a == "Other Person" else "classifier"}
                        for e, l, a, label, score in changes], "test")
    return store
