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
