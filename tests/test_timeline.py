import pandas as pd

from tracker.timeline import candidate_pairs, change_id, cue_shift, order_timelines, article_linked_pairs, select_changes
import numpy as np


def frame(rows):
    return order_timelines(pd.DataFrame(rows, columns=["statement_id", "actor", "topic", "date", "text"]))


def pairs_of(df, **kw):
    return candidate_pairs(df, unit_vectors(len(df)), **kw)


def unit_vectors(n, dim=8, seed=0):
    v = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_pairs_stay_with_the_actor_inside_the_window_across_topics():
    df = frame([
        ("a1", "A", 1, "2020-01-01", "x"), ("a2", "A", 1, "2020-01-05", "x"), ("a3", "A", 1, "2024-01-01", "x"),
        ("a4", "A", 1, "2024-01-02", "x"), ("a5", "A", 1, "2024-01-03", "x"),
        ("b1", "B", 1, "2020-01-02", "x"), ("a6", "A", 2, "2020-01-03", "x"),
    ])
    ids = df["statement_id"].to_numpy()
    pairs = {(ids[e], ids[l]) for e, l in pairs_of(df, window_days=365)}
    # a topic cluster does not decide what is compared: a6 (topic 2) meets a1, and a2 meets a6
    assert pairs == {("a1", "a6"), ("a1", "a2"), ("a6", "a2"), ("a3", "a4"), ("a3", "a5"), ("a4", "a5")}


def test_budget_keeps_the_nearest_earlier_statements():
    rows = [(f"s{i}", "A", 1, f"2020-01-{i + 1:02d}", "x") for i in range(6)]
    df = frame(rows)
    v = np.zeros((6, 2), dtype=np.float32)
    v[:, 0] = 1.0
    v[1] = v[4] = [0.0, 1.0]  # s1 and s4 point the same way as s5
    v[5] = [0.0, 1.0]
    ids = df["statement_id"].to_numpy()
    got = {(ids[e], ids[l]) for e, l in candidate_pairs(df, v, budget=2) if ids[l] == "s5"}
    assert got == {("s1", "s5"), ("s4", "s5")}


def test_one_change_per_later_statement_and_no_repeat_of_an_earlier_flip():
    df = frame([("e", "A", 1, "2020-01-01", "I am open to it."), ("m", "A", 1, "2020-02-01", "I rule it out."),
                ("l", "A", 1, "2020-03-01", "I still rule it out.")])
    pairs = pairs_of(df)
    ids = df["statement_id"].to_numpy()
    verdicts = {("e", "m"): (0.8, 0.1, 0.1), ("e", "l"): (0.7, 0.1, 0.2), ("m", "l"): (0.05, 0.05, 0.9)}
    proba = np.array([verdicts[(ids[e], ids[l])] for e, l in pairs])
    changes = select_changes(df, pairs, proba, threshold=0.5)
    assert [(c["earlier_id"], c["later_id"], c["label"]) for c in changes] == [("e", "m", "full_flop")]
    assert changes[0]["change_id"] == change_id("e", "m")
    assert "+refusal" in changes[0]["cues"]


def test_below_threshold_is_not_a_change():
    df = frame([("e", "A", 1, "2020-01-01", "x"), ("l", "A", 1, "2020-03-01", "y")])
    assert select_changes(df, pairs_of(df), np.array([[0.3, 0.15, 0.55]]), threshold=0.5) == []


def test_without_intermediate_agreement_the_strongest_earlier_wins():
    df = frame([("a", "A", 1, "2020-01-01", "x"), ("b", "A", 1, "2020-02-01", "x"), ("c", "A", 1, "2020-03-01", "y")])
    pairs = pairs_of(df)
    ids = df["statement_id"].to_numpy()
    verdicts = {("a", "b"): (0.0, 0.1, 0.9), ("a", "c"): (0.6, 0.1, 0.3), ("b", "c"): (0.8, 0.1, 0.1)}
    proba = np.array([verdicts[(ids[e], ids[l])] for e, l in pairs])
    changes = select_changes(df, pairs, proba, threshold=0.5)
    assert [(c["earlier_id"], c["later_id"], c["score"]) for c in changes] == [("b", "c", 0.9)]


def test_cue_shift_names_direction():
    assert cue_shift("We might consider it.", "We will not do it.") [:1] == ["+commitment"]
    assert "-openness" in cue_shift("We might consider it.", "We will not do it.")


def linked_frame(link_to="l", actor_l="A", topic_l=1, date_l="2020-03-01"):
    """e is linked to `link_to` (None: no link); m and l follow on A's timeline unless told otherwise."""
    link = "{}" if link_to is None else '{"contrasted_with": "%s"}' % link_to
    rows = [("e", "A", 1, "2020-01-01", "open to it", link),
            ("m", "A", 1, "2020-02-01", "x", "{}"), ("l", actor_l, topic_l, date_l, "ruled it out", "{}")]
    return order_timelines(pd.DataFrame(rows, columns=["statement_id", "actor", "topic", "date", "text", "metadata"]))


def test_a_shift_the_source_reports_is_flagged_whatever_the_score():
    df = linked_frame()
    ids = df["statement_id"].to_numpy()
    linked = article_linked_pairs(df)
    assert [(ids[e], ids[l]) for e, l in linked] == [("e", "l")]
    pairs = pairs_of(df)
    proba = np.array([(0.1, 0.1, 0.8)] * len(pairs))  # the classifier sees nothing
    reported = np.array([(e, l) in {tuple(p) for p in linked.tolist()} for e, l in pairs.tolist()])
    changes = select_changes(df, pairs, proba, threshold=0.5, reported=reported)
    assert [(c["earlier_id"], c["later_id"], c["basis"], c["label"], c["score"]) for c in changes] == [
        ("e", "l", "source", "half_flip", 0.2)]  # half flip: a reported shift the classifier does not confirm
    assert select_changes(df, pairs, proba, threshold=0.5) == []  # without the link, nothing


def test_links_across_actors_or_within_one_day_are_not_shifts():
    assert len(article_linked_pairs(linked_frame(actor_l="B"))) == 0
    assert len(article_linked_pairs(linked_frame(topic_l=2))) == 1  # topic clusters do not split an actor's link
    assert len(article_linked_pairs(linked_frame(date_l="2020-01-01"))) == 0
    assert len(article_linked_pairs(linked_frame(link_to="nowhere"))) == 0
    assert len(article_linked_pairs(linked_frame(link_to=None))) == 0
