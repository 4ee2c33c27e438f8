"""Continuous intake (tracker/intake): sources, pull and its faults, against a real HTTP server on
127.0.0.1 serving the fixture feeds and article pages in tests/fixtures/feeds."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FEEDS = Path(__file__).resolve().parent / "fixtures" / "feeds"
ALIASES = {"/articles/draghi-copy.html": "articles/draghi.html"}  # the same article syndicated under a 2nd URL
HUGE = 50 * 1024 * 1024


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # close-delimited bodies: /huge streams with no Content-Length

    def log_message(self, *args):
        pass

    def do_GET(self):
        server = self.server
        server.requests.append((self.path, dict(self.headers)))
        path = self.path.split("?")[0]
        if path == "/error500":
            return self._send(500, b"server error")
        if path == "/slow":
            time.sleep(2)
            return self._send(200, b"<rss version='2.0'><channel></channel></rss>", "application/rss+xml")
        if path in ("/loop-a", "/loop-b"):
            return self._send(302, b"", location="/loop-b" if path == "/loop-a" else "/loop-a")
        if path == "/to-file":
            return self._send(302, b"", location="file:///etc/passwd")
        if path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(HUGE // len(chunk)):  # generated as it goes: never held in memory
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):  # the client hung up at its size limit
                pass
            return None
        file = FEEDS / ALIASES.get(path, path.lstrip("/"))
        if not file.is_file() or FEEDS not in file.resolve().parents:
            return self._send(404, b"not found")
        body = file.read_bytes().replace(b"{base}", server.base.encode())
        etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
        if self.headers.get("If-None-Match") == etag:
            return self._send(304, b"", etag=etag)
        kind = {".xml": "application/xml", ".json": "application/feed+json", ".txt": "text/plain"}.get(
            file.suffix, "text/html; charset=utf-8")
        return self._send(200, body, kind, etag=etag, last_modified="Mon, 11 Jul 2016 12:00:00 GMT")

    def _send(self, status, body, kind="text/plain", *, location=None, etag=None, last_modified=None):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (("Location", location), ("ETag", etag), ("Last-Modified", last_modified)):
            if value:
                self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (the timeout test)
            pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.requests = []
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def tracker(db):
    from tracker import Tracker

    lines: list[str] = []
    with Tracker.open(db, log=lines.append) as t:
        t.lines = lines
        yield t


def add(cli, db, url, *extra):
    code, _, stderr = cli("sources", "add", url, "--db", db, "--allow-private", *extra)
    assert code == 0, stderr


def pull(cli, db, *extra):
    return cli("pull", "--db", db, "--delay", "0", "--timeout", "0.5", *extra)


def statements(db):
    from tracker.store import Store

    with Store.open(db) as s:
        return s.statements()


def test_sources_add_list_remove(cli, db):
    add(cli, db, "https://example.org/feed.xml", "--name", "Example News")
    add(cli, db, "https://example.org/statement", "--kind", "page")
    code, out, _ = cli("sources", "list", "--db", db, "--format", "json")
    assert code == 0 and '"Example News"' in out and '"page"' in out
    code, _, stderr = cli("sources", "remove", "https://example.org/feed.xml", "--db", db)
    assert code == 0, stderr
    code, out, _ = cli("sources", "list", "--db", db)
    assert "feed.xml" not in out and "statement" in out
    assert cli("sources", "remove", "https://example.org/nope", "--db", db)[0] == 2


@pytest.mark.parametrize("url", ["ftp://example.org/feed.xml", "file:///etc/passwd", "javascript:alert(1)",
                                 "example.org/feed"])
def test_only_http_sources(cli, db, url):
    code, _, stderr = cli("sources", "add", url, "--db", db)
    assert code == 2 and "http(s)" in stderr


def test_pull_ingests_each_feed_kind_once(cli, db, server):
    for feed in ("rss.xml", "atom.xml", "feed.json"):
        add(cli, db, f"{server.base}/{feed}", "--name", f"Fixture {feed}")
    code, _, stderr = pull(cli, db)
    assert code == 0, stderr
    df = statements(db)
    by_actor = {a: g for a, g in df.groupby("actor")}
    expected = {"Ronald Reagan": ("1987-06-12", "reagan"), "Mario Draghi": ("2012-07-26", "draghi"),
                "Franklin D. Roosevelt": ("1933-03-04", "roosevelt"), "George Bush": ("1988-08-18", "bush"),
                "Theresa May": ("2016-07-11", "may"), "Barack Obama": ("2008-01-08", "obama")}
    for actor, (date, page) in expected.items():
        rows = next((g for a, g in by_actor.items() if actor.split()[-1] in a), None)
        assert rows is not None, (actor, sorted(by_actor))
        assert (rows["date"] == date).all(), rows[["date", "text"]]
        assert rows["source"].str.startswith(f"{server.base}/articles/{page}").all()
    draghi = df[df["text"].str.contains("whatever it takes")]
    assert len(draghi) == 1  # the syndicated copy (same text, another URL) is not ingested twice
    assert "1 duplicate, 1 left out" in stderr  # the copy, and the page robots.txt disallows
    assert "disallowed by" in stderr and "secret.html" in stderr  # robots.txt honoured
    assert not any(p.startswith("/private/") for p, _ in server.requests)
    agent = next(h for p, h in server.requests if p == "/rss.xml")["User-Agent"]
    assert agent.startswith("tracker/")

    server.requests.clear()
    code, _, stderr = pull(cli, db)
    assert code == 0 and "0 new entries" in stderr and "3 unchanged" in stderr, stderr
    assert len(statements(db)) == len(df)
    feed_requests = [h for p, h in server.requests if p.endswith((".xml", ".json")) and p != "/robots.txt"]
    assert len(feed_requests) == 3 and all("If-None-Match" in h and "If-Modified-Since" in h for h in feed_requests)
    assert not any(p.startswith("/articles/") for p, _ in server.requests)


FAULTS = {
    "error500": "HTTP 500",
    "slow": "timed out",
    "loop-a": "redirect loop",
    "huge": "byte limit",
    "malformed.xml": "not a readable",
    "to-file": "only http(s)",
}


def test_faults_are_one_line_each_and_lose_nothing(cli, db, server):
    add(cli, db, f"{server.base}/atom.xml")
    for path in FAULTS:
        add(cli, db, f"{server.base}/{path}")
    started = time.monotonic()
    code, _, stderr = pull(cli, db)
    assert code == 0, stderr
    assert time.monotonic() - started < 10
    for path, reason in FAULTS.items():
        lines = [line for line in stderr.splitlines() if f"{server.base}/{path}:" in line]
        assert len(lines) == 1 and reason in lines[0] and "tried again next run" in lines[0], (path, stderr)
    actors = " ".join(statements(db)["actor"])
    assert "Roosevelt" in actors and "Bush" in actors

    code, out, _ = cli("sources", "list", "--db", db)
    assert "HTTP 500" in out  # the reason is kept with the source until it next succeeds


def test_every_source_failing_exits_nonzero(cli, db, server):
    add(cli, db, f"{server.base}/error500")
    add(cli, db, f"{server.base}/malformed.xml")
    code, _, stderr = pull(cli, db)
    assert code == 3 and "every source failed" in stderr


def test_private_addresses_need_allow_private(cli, db, server):
    code, _, _ = cli("sources", "add", f"{server.base}/atom.xml", "--db", db)
    assert code == 0
    code, _, stderr = pull(cli, db)
    assert code == 3 and "--allow-private" in stderr and "127.0.0.1" in stderr
    assert server.requests == []  # refused before connecting


def test_address_checks():
    from tracker.intake.fetch import FetchError, Fetcher, is_public

    for address in ("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                    "0.0.0.0", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "224.0.0.1"):
        assert not is_public(address), address
    assert is_public("93.184.216.34") and is_public("2606:4700::1111")
    # a host with one private address among public ones is refused too
    fetcher = Fetcher(delay=0, resolver=lambda host, port: ["93.184.216.34", "10.0.0.7"])
    with pytest.raises(FetchError, match="10.0.0.7"):
        fetcher.get("http://mixed.example/feed.xml", robots=False)


def test_page_source_and_same_text_not_twice(cli, db, server):
    add(cli, db, f"{server.base}/articles/draghi.html", "--kind", "page", "--name", "ECB watch")
    add(cli, db, f"{server.base}/articles/draghi-copy.html", "--kind", "page")
    code, _, stderr = pull(cli, db, "--source", f"{server.base}/articles/draghi.html")
    assert code == 0 and "1 source(s): 1 new entries" in stderr, stderr
    code, _, stderr = pull(cli, db)
    assert code == 0 and "0 new entries" in stderr and "1 duplicate, 0 left out, 1 unchanged" in stderr, stderr
    df = statements(db)
    assert len(df[df["text"].str.contains("whatever it takes")]) == 1
    assert '"outlet": "ECB watch"' in df["metadata"].iloc[0]
    assert (df["source"] == f"{server.base}/articles/draghi.html").all()


def test_kill_mid_pull_keeps_the_store_consistent(tracker, server, monkeypatch):
    from tracker.store import Store

    tracker.add_source(f"{server.base}/feed.json", allow_private=True)
    record = Store.record_entry
    calls = []

    def killed_after_first(self, **kw):
        calls.append(kw["url"])
        if len(calls) == 2:
            raise KeyboardInterrupt  # a kill between an entry's statements and its record
        return record(self, **kw)

    monkeypatch.setattr(Store, "record_entry", killed_after_first)
    with pytest.raises(KeyboardInterrupt):
        tracker.pull(delay=0, timeout=0.5)
    monkeypatch.setattr(Store, "record_entry", record)
    assert tracker.store.count_entries() == 1
    before = tracker.store.statements()
    assert len(before) >= 2  # the first entry's, and the second's (stored, not yet recorded)

    summary = tracker.pull(delay=0, timeout=0.5)
    after = tracker.store.statements()
    assert summary.entries == 2 and tracker.store.count_entries() == 3  # obama (again) and may/draghi: the rest
    assert after["statement_id"].is_unique and not after.duplicated(["actor", "date", "text"]).any()
    assert set(before["statement_id"]) <= set(after["statement_id"])


def test_run_pull_runs_the_whole_job(tracker, server, monkeypatch):
    calls = []
    monkeypatch.setattr(type(tracker), "detect", lambda self, **kw: calls.append("detect"))
    tracker.add_source(f"{server.base}/atom.xml", allow_private=True)
    result = tracker.run([], None, pull=True)
    assert calls == ["detect"] and result.out is None
    assert tracker.store.count_entries() == 2


def test_removed_and_readded_source_ingests_nothing_twice(tracker, server):
    url = f"{server.base}/atom.xml"
    tracker.add_source(url, allow_private=True)
    assert tracker.pull(delay=0, timeout=0.5).entries == 2
    tracker.remove_source(url)
    assert tracker.sources().empty
    assert tracker.add_source(url, allow_private=True) is True
    again = tracker.pull(delay=0, timeout=0.5)  # validators went with the source: the feed is read in full
    assert again.entries == 0 and again.unchanged == 0
    assert tracker.store.count_entries() == 2


def test_run_needs_inputs_or_pull(cli, db):
    code, _, stderr = cli("run", "--db", db)
    assert code == 2 and "--pull" in stderr
