"""`tracker pull` of N feed entries from a local HTTP server: entries per second, and where the time goes.

A thread serves one RSS 2.0 feed with N items on 127.0.0.1; each item's page is a short news-style page
built around one REAL quote (data/labelled/parts/*_statements.csv, with its actor and date; a quote
used twice gets " (#i)" so every page has its own text). The pull runs in this process through
`Tracker.pull` with --delay 0 (no politeness wait against one's own server), into a fresh store.
Time is split as `PullSummary.seconds` records it: fetch (HTTP, including robots.txt and the feed),
extract (trafilatura + htmldate + the article path: spaCy, speakers, quotes, dates), store (SQLite),
and the rest (feed parsing, bookkeeping). Embedding is not part of a pull: it happens at `detect`
(`tracker run --pull` = pull + detect), which is measured by bench/incremental.py.

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/pull.py [--n 1000]
"""

from __future__ import annotations

import argparse
import csv
import html
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from _common import ROOT, machine, table

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="{date}T09:00:00Z"></head><body>
<nav><a href="/">Home</a> | <a href="/politics">Politics</a></nav>
<article><h1>{title}</h1>
<p>{actor} set out a position on {topic} in public remarks, according to the record this page was built from.</p>
<p>&quot;{text}&quot; {actor} said.</p>
<p>The remarks came as the debate on {topic} continued; reactions were mixed.</p>
</article><footer>Benchmark page: narration generated, the quote real.</footer></body></html>"""


def real_rows() -> list[dict]:
    rows = []
    for f in sorted((ROOT / "data" / "labelled" / "parts").glob("*_statements.csv")):
        with f.open(newline="", encoding="utf-8") as fh:
            rows += [r for r in csv.DictReader(fh) if r.get("date_precision") == "day" and r["text"].strip()]
    return rows


def build_site(n: int) -> dict[str, bytes]:
    rows = real_rows()
    site = {}
    items = []
    for i in range(n):
        r = rows[i % len(rows)]
        text = r["text"].strip().rstrip(".") + (f" (#{i})" if i >= len(rows) else "")
        page = PAGE.format(title=html.escape(f"{r['actor']} on {r['topic']}"), date=r["date"],
                           actor=html.escape(r["actor"]), topic=html.escape(r["topic"]), text=html.escape(text))
        site[f"/a/{i}.html"] = page.encode()
        items.append(f"<item><title>{html.escape(r['actor'])}</title><link>{{base}}/a/{i}.html</link></item>")
    site["/feed.xml"] = ("<?xml version='1.0'?><rss version='2.0'><channel><title>bench</title>"
                         + "".join(items) + "</channel></rss>").encode()
    site["/robots.txt"] = b"User-agent: *\nDisallow: /private/\n"
    return site


def serve(site: dict[str, bytes]):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_GET(self):
            body = site.get(self.path)
            if body is None:
                self.send_response(404)
                self.end_headers()
                return
            body = body.replace(b"{base}", self.server.base.encode())
            self.send_response(200)
            self.send_header("Content-Type", "application/xml" if self.path.endswith(".xml") else "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    from tracker import Tracker

    httpd = serve(build_site(args.n))
    def log(message: str) -> None:  # only an entry's fault; the summary is printed below
        if " entry " in message:
            print(message, file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp, Tracker.open(Path(tmp) / "bench.db", log=log) as t:
        t.add_source(f"{httpd.base}/feed.xml", name="bench", allow_private=True)
        started = time.perf_counter()
        s = t.pull(delay=0)
        wall = time.perf_counter() - started
        n_statements = t.store.count_statements()
        started = time.perf_counter()
        again = t.pull(delay=0)
        rerun = time.perf_counter() - started
    httpd.shutdown()
    other = wall - sum(s.seconds.values())
    print(f"machine: {machine()}")
    print(f"pull of {args.n} entries: {s.entries} taken in, {s.duplicates} duplicate, {n_statements} statements "
          f"stored, {len(s.failed)} failed sources, {s.entry_failures} failed entries")
    print(f"wall {wall:.1f} s = {s.entries / wall:.1f} entries/s; second pull (nothing new): {rerun:.2f} s, "
          f"{again.entries} new")
    rows = [[k, f"{v:.2f}", f"{100 * v / wall:.1f}%"] for k, v in (*s.seconds.items(), ("other", other))]
    rows.append(["embedding", "-", "0% (done at detect, not pull)"])
    print(table(rows, ["part", "seconds", "share"]))


if __name__ == "__main__":
    main()
