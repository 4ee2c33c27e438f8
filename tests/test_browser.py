"""The HTML report in a real headless Chromium: renders, logs no console errors, runs no hostile script."""

import re
import shutil
import subprocess

import pytest

from conftest import HOSTILE
from tracker.outputs.report import render_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0"]


@pytest.fixture(scope="module")
def chromium():
    if CHROMIUM is None:
        reason = "Chromium not installed (.ci/run installs the Debian package 'chromium' when it can)"
        print(f"SKIP: {reason}")
        pytest.skip(reason)
    return CHROMIUM


def browse(chromium, tmp_path, page, *extra):
    result = subprocess.run([chromium, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *extra, page.as_uri()],
                            capture_output=True, text=True, timeout=120)
    return result


def test_report_renders_without_errors_and_runs_no_script(chromium, flagged_store, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render_report(flagged_store, fmt="html"), encoding="utf-8")
    shot = tmp_path / "report.png"
    result = browse(chromium, tmp_path, page, "--screenshot=" + str(shot), "--window-size=1200,1800")
    assert shot.exists() and shot.stat().st_size > 10_000, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line]
    assert not console, console

    dom = browse(chromium, tmp_path, page, "--dump-dom").stdout
    assert "<title>Stance changes" in dom  # the onerror payload would have renamed the page to 'pwned'
    assert "pwned" not in dom.split("</title>")[0]
    text_only = re.sub(r"<[^>]+>", "", dom)
    for payload in HOSTILE[:2]:
        assert payload.replace("<", "&lt;").replace(">", "&gt;") in dom or payload in text_only
    assert "<script" not in dom.lower()
    assert not re.search(r"<img[^>]*onerror", dom, re.IGNORECASE)
    shutil.copy(shot, tmp_path.parent / "report-screenshot.png")
