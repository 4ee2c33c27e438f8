"""The library front door, used without the CLI; and the README's Python example, run as written."""

import io
import os
import re
import subprocess
import sys

import pandas as pd
import pytest

from conftest import ROOT
from tracker import Tracker
from tracker.errors import InputError, UsageError
from tracker.outputs.export import write_table

ROWS = pd.DataFrame({
    "actor": ["Ann Example", "Ann Example", "Ann Example", "Ben Example"],
    "date": ["2024-01-10", "2024-03-02", "2024-05-20", "2024-02-01"],
    "text": ["I support raising the minimum wage to fifteen dollars an hour.",
             "Schools need more teachers, and we will fund them.",
             "I oppose raising the minimum wage to fifteen dollars an hour.",
             "We will build the bridge next year."],
    "source": ["https://example.org/1", "https://example.org/2", "https://example.org/3", "https://example.org/4"],
})


@pytest.fixture(scope="module")
def tracked(tmp_path_factory):
    db = tmp_path_factory.mktemp("lib") / "lib.db"
    with Tracker.open(db, log=lambda m: None) as t:
        summary = t.ingest(ROWS)
        detected = t.detect(progress=False)
    return db, summary, detected


def test_ingest_a_frame_and_detect(tracked):
    db, summary, detected = tracked
    assert (summary.read, summary.ingested, summary.rejected) == (4, 4, 0)
    assert detected.statements == 4
    with Tracker.open(db, log=lambda m: None) as t:
        timeline = t.timeline(actor="Ann Example")
        candidates = t.candidates()
    assert list(timeline["date"]) == ["2024-01-10", "2024-03-02", "2024-05-20"]
    # every earlier statement of Ann is a candidate for her latest one, across topics
    latest = candidates[candidates["later_id"] == timeline["statement_id"].iloc[-1]]
    assert set(latest["earlier_id"]) == set(timeline["statement_id"].iloc[:2])
    assert set(candidates["actor"]) == {"Ann Example"}


def test_library_tables_are_the_cli_csv_byte_for_byte(tracked, cli):
    db, _, _ = tracked
    with Tracker.open(db, log=lambda m: None) as t:
        frames = {"changes": t.changes(), "timeline": t.timeline(), "candidates": t.candidates()}
    for command, frame in frames.items():
        code, stdout, _ = cli(command, "--db", db)
        assert code == 0
        buffer = io.StringIO()
        write_table(frame, buffer)
        assert stdout == buffer.getvalue(), command


def test_bad_values_are_usage_errors(tracked):
    db, _, _ = tracked
    with Tracker.open(db, log=lambda m: None) as t:
        with pytest.raises(UsageError):
            t.changes(since="not a date")
        with pytest.raises(UsageError):
            t.digest(week="2025-W34", since_last=True)
        with pytest.raises(InputError, match="text_b"):
            t.classify(pd.DataFrame({"text_a": ["x"]}))


def test_readme_python_example_runs_as_written(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## From Python", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    for name in ("data", "seeds"):
        (tmp_path / name).symlink_to(ROOT / name)
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "2025-08-19" in result.stdout  # the seed article's reversal is among the changes it prints
