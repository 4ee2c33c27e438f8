"""Review queue (issue 17): verdicts in the store and the CLI, their effect on changes, reports and
digests, reviewed pairs as labelled data, and the web app's safety and concurrency. No model loads:
stores are written directly (conftest.flagged_store) and the judge is a key and a threshold."""

import json
import re
import threading
from io import StringIO
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from conftest import HOSTILE, ROOT

THRESHOLD = 0.75
JUDGE = SimpleNamespace(key="test", threshold=THRESHOLD)
CONTRACT = ["change_id", "actor", "topic", "topic_label", "earlier_id", "earlier_date", "earlier_text",
            "earlier_source", "later_id", "later_date", "later_text", "later_source", "label", "score"]


def add_candidates(store):
    """flagged_store plus one earlier Trump statement and the judge's cached verdicts: the three flagged
    pairs, and two pairs it scored without flagging ((t0, t1) at 0.6, (t0, t2) at 0.2)."""
    from tracker.store import text_hash
    from tracker.types import Statement

    store.insert_statements([Statement("t0", "Donald Trump", "2025-08-01", "day", "Troops are an option.",
                                       "https://example.org/0", context="Would you send troops?",
                                       content_key=text_hash("t0"))])
    store.assign_topics([("t0", 1)])
    pairs = {("t1", "t2"): (0.81, 0.10, 0.09), ("h1", "h2"): (0.70, 0.10, 0.20), ("o1", "o2"): (0.10, 0.60, 0.30),
             ("t0", "t1"): (0.40, 0.20, 0.40), ("t0", "t2"): (0.10, 0.10, 0.80)}
    store.put_verdicts("test", [e for e, _ in pairs], [l for _, l in pairs],
                          np.array(list(pairs.values())))
    return store


@pytest.fixture
def review_store(flagged_store):
    return add_candidates(flagged_store)


def client(store, **kw):
    from starlette.testclient import TestClient

    from tracker.review.app import create_app

    app = create_app(store.path, judge=lambda: JUDGE, allowed_hosts=["127.0.0.1", "localhost"], **kw)
    return TestClient(app, base_url="http://127.0.0.1:8765")


def form_of(html: str) -> dict:
    """The review form's hidden fields, as a browser would send them."""
    form = html[html.index('id="review-form"'):]
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))


def csv(text: str) -> pd.DataFrame:
    return pd.read_csv(StringIO(text), dtype=str, keep_default_na=False)


# -- the store and the CLI ------------------------------------------------------------------------------
def test_cli_review_reviews_export_labels_round_trip(review_store, cli, tmp_path):
    from tracker.judge.train import load_labelled

    db = review_store.path
    code, out, err = cli("review", "t1", "t2", "--verdict", "full_flop", "--reviewer", "Ada", "--note", "said so",
                         "--db", db)
    assert code == 0 and out == "" and "review 1: full_flop on t1 -> t2 by Ada" in err
    code, _, _ = cli("review", "h1", "h2", "--verdict", "no_flip", "--reviewer", "Bo", "--note", HOSTILE[3], "--db", db)
    assert code == 0
    code, out, _ = cli("reviews", "--format", "json", "--db", db)
    rows = json.loads(out)
    assert code == 0 and [(r["earlier_id"], r["later_id"], r["verdict"], r["reviewer"]) for r in rows] == [
        ("t1", "t2", "full_flop", "Ada"), ("h1", "h2", "no_flip", "Bo")]
    assert rows[0]["actor"] == "Donald Trump" and rows[0]["note"] == "said so" and all(r["latest"] for r in rows)
    code, out, _ = cli("reviews", "--db", db)
    assert code == 0 and "'=HYPERLINK" in out  # CSV neutralises formulas, as every table does

    code, _, err = cli("export-labels", "--out", tmp_path / "labels", "--db", db)
    assert code == 0 and "wrote 2 reviewed pair(s)" in err
    st = pd.read_csv(tmp_path / "labels" / "reviews_statements.csv", dtype=str, keep_default_na=False)
    pairs = pd.read_csv(tmp_path / "labels" / "reviews_pairs.csv", dtype=str, keep_default_na=False)
    spec = (ROOT / "data" / "labelled" / "SPEC.md").read_text()
    assert ",".join(st.columns) in spec and ",".join(pairs.columns) in spec
    assert pairs["pair_id"].tolist() == ["reviews-P001", "reviews-P002"] and pairs["rationale"][0] == "said so"
    assert pairs["label"].tolist() == ["full_flop", "no_flip"] and st["statement_id"].is_unique
    frame = load_labelled(tmp_path / "labels")  # what `tracker train` reads, unchanged
    assert frame["label"].tolist() == ["full_flop", "no_flip"]
    assert frame["text_b"].iloc[1].endswith(HOSTILE[1] + " " + HOSTILE[2])  # verbatim, not escaped


@pytest.mark.parametrize("args, message", [
    (["t1", "t2", "--verdict", "flop"], "--verdict must be full_flop, half_flip or no_flip"),
    (["t1", "nope", "--verdict", "no_flip"], "unknown statement id 'nope'"),
    (["t2", "t1", "--verdict", "no_flip"], "give the earlier first"),
    (["t1", "h2", "--verdict", "no_flip"], "different actors"),
    (["t1", "t2", "--verdict", "no_flip", "--reviewer", "  "], "give the reviewer's name"),
])
def test_cli_review_errors_are_usage_errors(review_store, cli, args, message):
    code, out, err = cli("review", *args, "--db", review_store.path, *(["--reviewer", "Ada"] if "--reviewer"
                                                                        not in args else []))
    assert code == 2 and message in err and out == "" and err.strip().count("\n") == 0
    assert len(review_store.reviews()) == 0


def test_reviewer_defaults_to_tracker_reviewer(review_store, cli, monkeypatch):
    monkeypatch.setenv("TRACKER_REVIEWER", "Env Person")
    code, _, err = cli("review", "o1", "o2", "--verdict", "half_flip", "--db", review_store.path)
    assert code == 0 and "by Env Person" in err
    assert review_store.reviews()["reviewer"].tolist() == ["Env Person"]


def test_latest_review_wins_and_history_stays(review_store, cli):
    db = review_store.path
    for verdict, who in (("full_flop", "Ada"), ("no_flip", "Bo"), ("half_flip", "Cy")):
        assert cli("review", "t1", "t2", "--verdict", verdict, "--reviewer", who, "--db", db)[0] == 0
        changes = csv(cli("changes", "--db", db, "--actor", "Donald Trump")[1])
        assert changes["review"].tolist() == ["dismissed" if verdict == "no_flip" else "confirmed"]
    history = review_store.reviews()
    assert history["verdict"].tolist() == ["full_flop", "no_flip", "half_flip"]
    assert history["latest"].tolist() == [False, False, True]
    assert changes["label"].tolist() == ["half_flip"]  # the reviewer's grade; the judge's stays in the store
    assert review_store.changes(actor="Donald Trump")["judge_label"].tolist() == ["full_flop"]
    assert review_store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 3


def test_changes_keeps_contract_columns_and_filters_by_review(review_store, cli):
    db = review_store.path
    cli("review", "h1", "h2", "--verdict", "no_flip", "--reviewer", "Ada", "--db", db)
    cli("review", "t1", "t2", "--verdict", "full_flop", "--reviewer", "Ada", "--db", db)
    code, out, _ = cli("changes", "--db", db)
    every = csv(out)
    assert code == 0 and list(every.columns) == CONTRACT + ["review"] and len(every) == 3
    assert dict(zip(every["later_id"], every["review"])) == {"t2": "confirmed", "h2": "dismissed", "o2": "unreviewed"}
    for state, later in (("dismissed", ["h2"]), ("confirmed", ["t2"]), ("unreviewed", ["o2"]),
                         ("confirmed,unreviewed", ["t2", "o2"])):
        code, out, _ = cli("changes", "--db", db, "--review", state)
        assert code == 0 and csv(out)["later_id"].tolist() == later, state
    code, out, _ = cli("changes", "--db", db, "--review", "dismissed", "--format", "json")
    assert list(json.loads(out)[0]) == CONTRACT + ["review"]
    code, out, err = cli("changes", "--db", db, "--review", "maybe")
    assert code == 2 and "--review must be among unreviewed, confirmed, dismissed" in err


def test_report_leaves_out_dismissed_and_marks_confirmed(review_store):
    from tracker.outputs.report import render_report

    review_store.add_review("h1", "h2", "no_flip", reviewer="Ada")
    review_store.add_review("t1", "t2", "full_flop", reviewer="Ada")
    html = render_report(review_store, fmt="html")
    md = render_report(review_store, fmt="md")
    for text in (html, md):
        assert "Hostile Person" not in text and "I oppose it" not in text
        assert "assurance" in text and "Tariffs are great" in text
        assert text.count("confirmed by a reviewer") == 1
    assert "2 flagged changes" in html
    from tracker.outputs.tables import timeline_table

    timeline = timeline_table(review_store, actor="Hostile Person")  # nor is it the change of its timeline
    assert timeline["change_label"].tolist() == ["", ""]
    assert timeline_table(review_store, actor="Donald Trump")["change_label"].tolist() == ["", "", "full_flop"]


def test_week_digest_shows_only_the_confirmed_change(review_store, cli):
    """Week 2025-W34 holds two changes (Trump 08-19, Hostile 08-20): one dismissed, one confirmed."""
    import jsonschema

    from tracker.outputs.digest import build_digest, iso_week, render_digest

    db = review_store.path
    cli("review", "h1", "h2", "--verdict", "no_flip", "--reviewer", "Ada", "--db", db)
    cli("review", "t1", "t2", "--verdict", "full_flop", "--reviewer", "Ada", "--db", db)
    doc = build_digest(review_store, window=iso_week("2025-W34"), mode="week")
    assert doc["n_changes"] == 1 and [g["actor"] for g in doc["groups"]] == ["Donald Trump"]
    assert [a["actor"] for a in doc["actors"]] == ["Donald Trump"]
    assert doc["groups"][0]["changes"][0]["review"] == "confirmed"
    jsonschema.validate(doc, json.loads((ROOT / "docs" / "digest.schema.json").read_text()))
    for fmt in ("md", "html"):
        text = render_digest(doc, fmt)
        assert "confirmed by a reviewer" in text and "assurance" in text and "I oppose it" not in text
    code, out, _ = cli("digest", "--since-last", "--format", "json", "--db", db)
    sent = [c["later"]["statement_id"] for g in json.loads(out)["groups"] for c in g["changes"]]
    assert code == 0 and sorted(sent) == ["o2", "t2"]  # the dismissed change is neither sent nor recorded
    assert review_store.sent_change_ids() == set(review_store.changes(review="confirmed")["change_id"]) | set(
        review_store.changes(actor="Other Person")["change_id"])


def test_confirmed_candidate_becomes_a_change_with_basis_review(review_store, cli):
    from tracker.outputs.digest import build_digest

    db = review_store.path
    assert "t0" not in set(review_store.changes()["earlier_id"])
    code, _, err = cli("review", "t0", "t1", "--verdict", "full_flop", "--reviewer", "Ada", "--db", db)
    assert code == 0, err
    row = review_store.changes(actor="Donald Trump").set_index("earlier_id").loc["t0"]
    assert (row["basis"], row["label"], row["review"], round(row["score"], 4)) == ("review", "full_flop",
                                                                                   "confirmed", 0.6)
    assert "t0" in set(csv(cli("changes", "--db", db, "--review", "confirmed")[1])["earlier_id"])
    doc = build_digest(review_store, window=None, mode="since-last")
    basis = {c["earlier"]["statement_id"]: c["basis"] for g in doc["groups"] for c in g["changes"]}
    assert basis["t0"] == "review"
    # a later detect re-syncs its own changes: the reviewed one stays, and is not doubled
    known = review_store.changes()
    review_store.sync_changes([dict(change_id=r.change_id, actor=r.actor, topic_id=int(r.topic),
                                    earlier_id=r.earlier_id, later_id=r.later_id, label=r.judge_label, score=r.score,
                                    p_full_flop=r.p_full_flop, p_half_flip=r.p_half_flip, p_no_flip=r.p_no_flip,
                                    basis=r.basis) for r in known.itertuples() if r.basis != "review"], "test")
    assert list(review_store.changes()["earlier_id"]).count("t0") == 1
    review_store.add_review("t0", "t1", "no_flip", reviewer="Bo")  # dismissed again: no longer a change
    assert "t0" not in set(review_store.changes()["earlier_id"])


def test_reviewed_pairs_are_shaped_like_labelled_pairs(review_store):
    from tracker.judge.train import load_labelled
    from tracker.review.labels import labelled_with_reviews, reviewed_pairs, with_reviews

    review_store.add_review("t1", "t2", "full_flop", reviewer="Ada")
    review_store.add_review("t1", "t2", "half_flip", reviewer="Bo")
    review_store.add_review("o1", "o2", "no_flip", reviewer="Ada")
    labelled = load_labelled(ROOT / "data" / "labelled")
    reviewed = reviewed_pairs(review_store)
    assert list(reviewed.columns) == list(labelled.columns)
    assert reviewed["label"].tolist() == ["half_flip", "no_flip"]  # each pair once, its latest verdict
    assert reviewed["gap_days"].tolist() == [1, 89] and not reviewed["synthetic"].any()
    merged = with_reviews(labelled, reviewed)
    assert len(merged) == len(labelled) + 2
    assert len(with_reviews(merged, reviewed)) == len(merged)  # a pair already labelled keeps its label
    said = []
    frame = labelled_with_reviews(ROOT / "data" / "labelled", review_store.path, log=said.append)
    pd.testing.assert_frame_equal(frame, merged)
    assert said == [f"training data: {len(labelled)} labelled pairs + 2 reviewed pairs from {review_store.path}"]


# -- the queue ----------------------------------------------------------------------------------------
def test_queue_flagged_first_then_candidates_most_uncertain_first(review_store):
    from tracker.review.queue import CandidateCache, Filters, build_queue

    def queue(**filters):
        page = build_queue(review_store, Filters(**filters), judge_key="test", threshold=THRESHOLD, cache=cache)
        assert page.total == len(page.items) and page.n_flagged == sum(i.kind == "flagged" for i in page.items)
        return [(i.earlier_id, i.later_id, i.kind) for i in page.items]

    cache = CandidateCache()

    assert queue() == [("h1", "h2", "flagged"), ("o1", "o2", "flagged"), ("t1", "t2", "flagged"),
                       ("t0", "t1", "candidate"), ("t0", "t2", "candidate")]
    assert queue(actor="donald trump") == [("t1", "t2", "flagged"), ("t0", "t1", "candidate"),
                                           ("t0", "t2", "candidate")]
    assert queue(since="2025-08-25") == [("o1", "o2", "flagged")]
    assert queue(until="2025-08-18") == [("t0", "t1", "candidate")]
    assert queue(topic="us troops in ukraine") == queue() and queue(topic="999") == []
    review_store.add_review("h1", "h2", "no_flip", reviewer="Ada")
    review_store.add_review("t0", "t1", "half_flip", reviewer="Ada")
    assert queue() == [("o1", "o2", "flagged"), ("t1", "t2", "flagged"), ("t0", "t2", "candidate")]
    for offset in range(4):  # a window of it, across both parts
        for limit in (1, 2, 5):
            page = build_queue(review_store, Filters(), judge_key="test", threshold=THRESHOLD, cache=cache,
                               offset=offset, limit=limit)
            assert [(i.earlier_id, i.later_id, i.kind) for i in page.items] == queue()[offset:offset + limit]
            assert (page.total, page.n_flagged) == (3, 2)


# -- the web app ---------------------------------------------------------------------------------------
def test_pages_escape_hostile_text_and_send_a_strict_csp(review_store):
    review_store.add_review("t0", "t2", "no_flip", reviewer=HOSTILE[0], note=HOSTILE[1] + HOSTILE[3])
    c = client(review_store)
    for url in ("/", "/item?earlier=h1&later=h2", "/reviews", "/item?pos=0", "/static/review.js", "/nope"):
        r = c.get(url)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp, url
        assert "frame-ancestors 'none'" in csp and "form-action 'self'" in csp
        assert r.headers["x-content-type-options"] == "nosniff" and r.headers["referrer-policy"] == "same-origin"
        if url.startswith("/static") or url == "/nope":
            continue
        body = r.text
        assert r.status_code == 200 and "<script>alert" not in body and not re.search(r"<img[^>]*onerror", body)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body, url
        assert 'href="javascript:' not in body and "<script src=\"/static/review.js\" defer></script>" in body
        assert re.findall(r"<script", body) == ["<script"]  # only the app's own file
        assert " style=" not in body and "<style" not in body  # no inline style either
    item = c.get("/item?earlier=h1&later=h2").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in item and "=HYPERLINK(&#34;http://evil&#34;)" in item
    assert "Would you send troops?" in c.get("/item?earlier=t0&later=t1").text  # the question it answers
    assert '<a href="https://example.org/0" rel="noopener noreferrer nofollow">' in c.get(
        "/item?earlier=t0&later=t1").text


def test_a_referent_shows_as_what_the_statement_refers_to(review_store):
    from tracker.store import text_hash
    from tracker.types import Statement

    review_store.insert_statements([Statement("t3", "Donald Trump", "2025-08-17", "day", "appeared open to the idea",
                                              "https://example.org/3", context="[send <b>troops</b>]",
                                              content_key=text_hash("t3"))])
    review_store.assign_topics([("t3", 1)])
    review_store.put_verdicts("test", ["t3"], ["t2"], np.array([(0.8, 0.1, 0.1)]))
    page = client(review_store).get("/item?earlier=t3&later=t2").text
    assert "Refers to:</span> send &lt;b&gt;troops&lt;/b&gt;</p>" in page and "Answering:" not in page


def test_post_without_a_valid_csrf_token_is_refused(review_store):
    c = client(review_store)
    fields = form_of(c.get("/item?earlier=t1&later=t2").text)
    good = {**fields, "action": "full_flop", "reviewer": "Ada"}
    no_token = {k: v for k, v in good.items() if k != "csrf"}
    assert c.post("/review", data=no_token, follow_redirects=False).status_code == 403
    assert c.post("/review", data={**good, "csrf": "0" * 64}, follow_redirects=False).status_code == 403
    assert c.post("/review", data=good, headers={"origin": "http://evil.example"},
                  follow_redirects=False).status_code == 403
    assert c.post("/review", data=good, headers={"sec-fetch-site": "cross-site"},
                  follow_redirects=False).status_code == 403
    other = client(review_store)  # another browser: its own cookie, so this form's token is not valid for it
    other.get("/")
    assert other.post("/review", data=good, follow_redirects=False).status_code == 403
    assert len(review_store.reviews()) == 0
    r = c.post("/review", data=good, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/item?")
    assert review_store.reviews()[["verdict", "reviewer"]].values.tolist() == [["full_flop", "Ada"]]


def test_review_flow_skip_saved_message_duplicate_and_conflict(review_store):
    c = client(review_store)
    first = form_of(c.get("/item?pos=0").text)
    assert (first["earlier"], first["later"]) == ("h1", "h2")
    r = c.post("/review", data={**first, "action": "skip"}, follow_redirects=False)
    assert r.status_code == 303 and "pos=1" in r.headers["location"] and len(review_store.reviews()) == 0
    second = form_of(c.get(r.headers["location"]).text)
    assert (second["earlier"], second["later"]) == ("o1", "o2")
    send = {**second, "action": "half_flip", "reviewer": "Ada", "note": "hedged"}
    page = c.post("/review", data=send).text  # follows to the next item
    assert "Saved: half_flip on o1 → o2, by Ada." in page and 'value="Ada"' in page  # name remembered
    assert c.post("/review", data=send, follow_redirects=False).status_code == 303  # the same form again
    assert len(review_store.reviews()) == 1
    stale = form_of(c.get("/item?earlier=t1&later=t2").text)
    review_store.add_review("t1", "t2", "no_flip", reviewer="Bo")  # someone else, meanwhile
    page = c.post("/review", data={**stale, "action": "full_flop", "reviewer": "Ada"}).text
    assert "Bo also reviewed that pair (no_flip)" in page
    assert review_store.changes(actor="Donald Trump", review="confirmed")["later_id"].tolist() == ["t2"]
    r = c.post("/review", data={**form_of(c.get("/item?pos=0").text), "action": "no_flip", "reviewer": " "})
    assert r.status_code == 400 and "give the reviewer&#39;s name" in r.text


def test_non_loopback_host_needs_a_token(review_store, cli):
    from tracker.errors import UsageError
    from tracker.review.server import check_bind

    assert "127.0.0.1" in check_bind("127.0.0.1", None) and "::1" in check_bind("::1", None)
    assert check_bind("localhost", None) is not None
    for host in ("0.0.0.0", "192.0.2.7", "::", "example.org"):
        with pytest.raises(UsageError, match="give --token"):
            check_bind(host, None)
    assert check_bind("0.0.0.0", "x" * 32) is None  # any Host: the token guards it
    with pytest.raises(UsageError, match="at least 16"):
        check_bind("0.0.0.0", "short")
    code, out, err = cli("serve", "--host", "0.0.0.0", "--db", review_store.path)
    assert code == 2 and "would open the review queue to other machines" in err and out == ""


def test_token_and_host_checks(review_store):
    token = "t" * 24
    c = client(review_store, token=token)
    assert c.get("/").status_code == 401 and c.get("/static/review.css").status_code == 401
    assert c.get("/?token=wrong").status_code == 401
    r = c.get(f"/?token={token}&actor=Ada", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/?actor=Ada"
    assert c.get("/").status_code == 200  # the cookie now carries it
    fresh = client(review_store, token=token)
    assert fresh.get("/", headers={"authorization": f"Bearer {token}"}).status_code == 200
    r = client(review_store).get("/", headers={"host": "evil.example:8765"})  # DNS rebinding
    assert r.status_code == 400 and "Unexpected Host" in r.text


def test_two_reviewers_500_actions_each_against_one_server(review_store):
    """Two browsers post 500 verdicts each, at once, to a real server: every review is kept, none twice
    (each thread also re-sends 25 of its forms, as a double press would)."""
    import httpx

    from tracker.review.app import create_app
    from tracker.review.server import running

    app = create_app(review_store.path, judge=lambda: JUDGE, allowed_hosts=["127.0.0.1"])
    pairs = [("t1", "t2"), ("h1", "h2"), ("o1", "o2"), ("t0", "t1"), ("t0", "t2")]
    verdicts = ["full_flop", "half_flip", "no_flip"]
    failures: list = []

    def reviewer(name: str, base: str) -> None:
        with httpx.Client(base_url=base, timeout=60) as http:
            fields = form_of(http.get("/item?pos=0").text)
            sent = []
            for i in range(500):
                e, l = pairs[i % len(pairs)]
                data = {"csrf": fields["csrf"], "earlier": e, "later": l, "action": verdicts[i % 3],
                        "reviewer": name, "note": f"{name} {i}", "action_id": f"{name}-{i}", "pos": "0"}
                sent.append(data)
                r = http.post("/review", data=data)
                if r.status_code != 303:
                    failures.append((name, i, r.status_code))
            for data in sent[::20]:
                http.post("/review", data=data)

    with running(app) as base:
        threads = [threading.Thread(target=reviewer, args=(n, base)) for n in ("Ada", "Bo")]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
    assert failures == []
    df = review_store.reviews()
    assert len(df) == 1000 and df["note"].is_unique
    assert df.groupby("reviewer").size().to_dict() == {"Ada": 500, "Bo": 500}
    notes = set(df["note"])
    assert all(f"{n} {i}" in notes for n in ("Ada", "Bo") for i in range(500))
    assert df["review_id"].is_monotonic_increasing and df["latest"].sum() == len(pairs)
