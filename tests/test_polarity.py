"""Explicit positions: the reader composes stance words, compares two positions, and speaks only for
textbook-shaped pairs; the judge takes its verdict there and the head's reading everywhere else."""

import numpy as np
import pytest

from conftest import ROOT

from tracker.judge.features import PairBatch
from tracker.judge.model import Judge, decide
from tracker.judge.polarity import (Position, apply_table, on_scale, compare, fit_table, load_table, read_position,
                                    verdict)
from tracker.types import judged_text

FIRM_FOR, FIRM_AGAINST = Position(1, True), Position(-1, True)
OPEN_TO = Position(1, False)


@pytest.mark.parametrize("text, position", [
    ("I back the new bypass.", FIRM_FOR),
    ("I do not back the new bypass.", FIRM_AGAINST),
    ("We won't build the bypass.", FIRM_AGAINST),
    ("We will oppose the bypass.", FIRM_AGAINST),
    ("We are not ruling out a bypass.", OPEN_TO),  # a negated exclusion is openness, not commitment
    ("We won't let the library close.", FIRM_FOR),  # two negatives: the library stays
    ("A bypass is not on the table and not in our plans.", Position(-1, False)),  # coordinated parts agree
    ("We wanted a bypass, but we will not build one.", FIRM_AGAINST),  # the clause after a contrast speaks
    ("We might build a bypass if the money is there.", OPEN_TO),
    ("The bypass opens in May.", FIRM_FOR),  # a plain statement affirms what it says
    ("Will the bypass open in May?", None),  # a question takes no position
    ("Nothing has changed: the bypass remains our priority.", FIRM_FOR),  # a held line is not a negation
    ("There will be no bypass, over my dead body.", FIRM_AGAINST),  # emphasis strengthens, never flips
    ("We will build the bypass. Nobody should doubt it.", FIRM_FOR),  # the first sentence states the position
])
def test_positions_compose_negation_with_the_stance_word_it_governs(text, position):
    assert read_position(text) == position


def test_undoing_a_ban_composes_like_any_other_stance_word():
    kept, not_lifted = read_position("We will keep the hosepipe ban."), read_position("The hosepipe ban will not be lifted.")
    assert kept == not_lifted == FIRM_AGAINST
    assert verdict("We will keep the hosepipe ban.", "The hosepipe ban will not be lifted.") == "no_flip"


def test_the_same_thing_put_off_is_a_half_flip():
    assert verdict("The new bridge opens this month.", "The new bridge opens next year.") == "half_flip"
    assert verdict("The bridge opens in June.", "The bridge opening has slipped to the autumn.") == "half_flip"
    assert verdict("The bridge opens in June.", "The bridge still opens in June.") == "no_flip"


def test_a_ban_put_off_and_a_promise_narrowed_are_half_flips():
    assert verdict("We will ban new petrol cars from 2030.", "The ban on new petrol cars moves to 2035.") == "half_flip"
    assert verdict("We won't raise fares in 2030.", "We won't raise fares in 2035.") == "no_flip"  # a refusal kept
    assert verdict("The library will open by the spring.", "The library will open at the end of next year.") == "half_flip"
    assert verdict("Every school will get a nurse.", "Only the three poorest schools will get a nurse.") == "half_flip"
    assert verdict("Every school will get a nurse.", "Every school will get a nurse, starting with the poorest.") == "no_flip"


def test_keeping_things_as_they_are_is_not_changing_them():
    assert verdict("The speed limit on the coast road stays at 60.",
                   "We're not lowering the speed limit on the coast road.") == "no_flip"
    assert verdict("The speed limit on the coast road stays at 60.",
                   "The speed limit on the coast road will not stay at 60.") == "full_flop"  # the keep word negated
    assert verdict("We are open to keeping the coast road limit at 60.",  # tentative: not a firm status quo
                   "We will not keep the coast road limit at 60.") == "half_flip"


def test_a_condition_makes_a_position_tentative_without_a_sign_of_its_own():
    assert read_position("We will scrap the toll, if the budget allows.") == Position(-1, False)
    assert read_position("The toll goes, provided the Treasury pays.") == Position(1, False)
    assert verdict("We will scrap the bridge toll.", "We will scrap the bridge toll, if the budget allows.") == "half_flip"


def test_condemning_and_praising_words_take_sides():
    assert read_position("The border wall is a waste of money.") == FIRM_AGAINST
    assert read_position("Solar panels on new homes are a no-brainer.") == FIRM_FOR
    assert read_position("We'll probably sign the treaty.") == OPEN_TO


def test_reported_speech_keeps_the_commitment_it_reports():
    assert read_position("The senator said she would back the bill.") == FIRM_FOR  # "would" is her "will"
    assert read_position("The senator said she would not back the bill.") == FIRM_AGAINST
    assert read_position("The senator would back the bill.") == Position(1, False)  # a conditional stays one


@pytest.mark.parametrize("a, b", [("", "x"), ("[", "]"), ("No.", "Yes?"), ("?", "?"), ("a" * 5000, "b"),
                                  ("We will build it [applause]", "Will we build it?")])
def test_odd_input_is_no_verdict_or_a_verdict_never_an_error(a, b):
    for cos in (None, 0.0, 0.99):
        assert verdict(a, b, cos) in (None, "full_flop", "half_flip", "no_flip")


def test_a_reason_states_no_position_of_its_own():
    assert read_position("The new library is cancelled because the town cannot pay for it.") == FIRM_AGAINST
    assert read_position("I back the cargo terminal because it brings jobs.") == FIRM_FOR


def test_a_bare_answer_word_is_a_position():
    assert read_position("On a merger with the rival league: no.") == FIRM_AGAINST
    assert verdict("On a merger with the rival league: no.", "On a merger with the rival league: not happening.") == "no_flip"


def test_a_commitment_staged_or_made_to_wait_is_put_off():
    assert verdict("We will release the detainees immediately.",
                   "The detainees will be released after the next round of talks.") == "half_flip"
    assert verdict("We will raise the minimum wage at once.",
                   "We will raise the minimum wage, but gradually over three years.") == "half_flip"
    assert verdict("We will release the detainees after the talks.",
                   "The detainees will be released after the talks, as promised.") == "no_flip"


def test_a_closing_stance_on_it_speaks_and_framing_says_nothing():
    assert read_position("Closing streets to through traffic makes them safer. We support it.") == FIRM_FOR
    assert read_position("Adding lanes will only bring more traffic. I oppose it.") == FIRM_AGAINST
    assert read_position("Our promise holds: the two-child limit will be scrapped.") == FIRM_AGAINST
    assert read_position("Yes, I have changed my view: the reactor should not be built.") == FIRM_AGAINST


def test_a_negation_waits_past_will_and_let_for_the_verb():
    assert verdict("Bus fares will stay capped.", "We will not let bus fares rise above the cap.") == "no_flip"
    assert verdict("We will keep prescriptions free.", "No one will pay for their prescriptions.", cos=0.7) == "no_flip"
    assert verdict("We will let the library close.", "We won't let the library close.") == "full_flop"


def test_longer_horizons_and_narrower_groups():
    assert verdict("We will fix every pothole by the summer.", "Fixing every pothole will take a few years.") == "half_flip"
    assert verdict("We will insulate every home.", "We will insulate the homes of pensioners on low incomes.") == "half_flip"


def test_more_ways_to_rule_out_open_up_and_announce():
    assert verdict("Let's be clear: I oppose the Elm Street bike lane.", "I support the Elm Street bike lane.") == "full_flop"
    assert read_position("A coalition with the Greens is not impossible.") == OPEN_TO  # a negated exclusion
    assert read_position("We're willing to look at road pricing, but no decisions yet.").firm is False
    assert read_position("We'd listen to offers for the club.") == OPEN_TO
    assert read_position("The levy idea has been dismissed.") == FIRM_AGAINST


def test_keeping_words_negated_are_a_change_and_timing_brought_forward_is_not():
    assert verdict("The council will freeze council tax next year.",
                   "The council will not freeze council tax next year.") == "full_flop"
    assert verdict("Winter fuel grants will be paid in November.",
                   "Winter fuel grants will be paid in October, a month early.") == "no_flip"
    assert verdict("The cancer unit opens in June.", "The cancer unit will now open next year.") == "half_flip"
    assert verdict("Aid will be disbursed without delay.", "Aid will be disbursed once the reforms are verified.") == "half_flip"


def test_literal_openings_and_places_are_no_hedge():
    assert read_position("The tram line opens to passengers next year.") == FIRM_FOR
    assert read_position("The tram line will open to passengers next year.") == FIRM_FOR
    assert read_position("The maternity ward must stay where it is.") == FIRM_FOR
    assert read_position("We will pay the bonus where affordable.") == OPEN_TO


def test_a_part_that_only_says_it_will_be_so_restates_the_rest():
    assert read_position("Rejoining the bloc is a non-starter, and I'll keep saying so.") == FIRM_AGAINST
    assert read_position("The new charge is wrong, and I oppose it.") == FIRM_AGAINST  # a stance of its own counts


def test_comparing_positions_grades_the_change():
    assert compare(FIRM_FOR, FIRM_AGAINST) == "full_flop"
    assert compare(FIRM_AGAINST, OPEN_TO) == "half_flip"  # a refusal softened
    assert compare(FIRM_FOR, OPEN_TO) == "half_flip"  # a commitment hedged
    assert compare(OPEN_TO, FIRM_FOR) == "no_flip"
    assert compare(FIRM_FOR, None) is None


def test_verdicts_only_for_short_statements_on_one_proposition():
    assert verdict("We will build the northern bypass.", "We will not build the northern bypass.") == "full_flop"
    assert verdict("We will build the northern bypass.", "The harbour wall will not be repaired.") is None
    assert verdict("Will we build the northern bypass?", "We will not build the northern bypass.") is None
    long = "We will not build the northern bypass, " + "and that is final for the valley " * 5
    assert verdict("We will build the northern bypass.", long) is None
    # reworded: few shared words, but the embeddings say it is one proposition
    assert verdict("The packaging levy goes ahead in April.", "We have shelved it.") is None
    assert verdict("The packaging levy goes ahead in April.", "We have shelved it.", cos=0.7) == "full_flop"
    # a question the speaker puts and answers: the answer is read, the question names the proposition
    assert verdict("The northern bypass? Look, we will build it.", "We will not build the northern bypass.") == "full_flop"
    # a question the quote answers is the interviewer's: the answer alone is read
    assert verdict("Will you build it? — We will build the northern bypass.",
                   "We will not build the northern bypass.") == "full_flop"


def test_a_referent_in_brackets_names_the_proposition_and_takes_no_position():
    """"Open to the idea [he ruled out sending troops]": the insertion says what "the idea" is; the
    position is the statement's own ("open to"), not the refusal the insertion quotes."""
    later = "He has ruled out sending troops to the border."
    earlier = judged_text("appeared open to the idea a day earlier", "[" + later + "]")
    assert earlier == "appeared open to the idea a day earlier [He has ruled out sending troops to the border.]"
    assert verdict(earlier, later) == "half_flip"  # open, then ruled out
    assert verdict("appeared open to the idea a day earlier", later) is None  # "the idea" alone names nothing
    assert judged_text("No.", "Would you send troops?") == "Would you send troops? — No."  # a question goes first
    # only the statement's own words count toward the length limit
    long = later[:-1] + ", whatever the generals say about the situation on the ground in the weeks to come."
    assert len(long.split()) > 20 and verdict(judged_text("appeared open to the idea", f"[{long}]"), later) == "half_flip"


def test_verdict_table_is_smoothed_label_frequencies():
    a = ["We will build the bypass."] * 3
    b = ["We will not build the bypass."] * 3
    table = fit_table(a, b, ["full_flop", "full_flop", "no_flip"])
    assert np.allclose(table.sum(axis=1), 1)
    assert np.allclose(table[0], [3 / 6, 1 / 6, 2 / 6])  # the full_flop row: 2 + 1, 0 + 1, 1 + 1
    assert np.allclose(table[1], 1 / 3)  # a verdict never seen keeps the uniform prior


def test_table_names_the_row_of_a_bad_label(tmp_path):
    bad = tmp_path / "t.csv"
    bad.write_text("text_a,text_b,label\nWe will.,We won't.,full_flop\nWe will.,We won't.,flop\n")
    from tracker.errors import InputError

    with pytest.raises(InputError, match=r"t.csv: row 3: field 'label'"):
        load_table(None, [bad])
    assert load_table(None, [tmp_path / "absent.csv"]) is None


def test_judge_reads_textbook_pairs_explicitly_and_leaves_the_rest_to_the_head():
    judge = Judge.load()
    table = judge.positions
    judge.positions = None
    texts_a = ["I support raising the minimum wage to fifteen dollars an hour.",
               "The harbour authority has long argued about dredging, and the debate in the council went on for hours "
               "with many views from residents who live near the quay and want a say."]
    texts_b = ["I oppose raising the minimum wage to fifteen dollars an hour.",
               "Residents will get a vote on dredging next spring, the council said after a long meeting about "
               "the harbour and its future, which many people attended."]
    apart = np.eye(384)[:2]  # orthogonal vectors: only shared words can make one proposition
    batch = PairBatch(texts_a, texts_b, apart, apart[::-1], np.zeros(2))
    head_only = judge.predict_proba(batch, cascade=False)
    judge.positions = table
    both = judge.predict_proba(batch, cascade=False)
    assert not np.allclose(both[0], head_only[0]) and np.allclose(both[1], head_only[1])  # long: the head's
    assert decide(both, judge.threshold)[0] == "full_flop"


def test_positions_are_part_of_the_key_and_survive_save_and_load(tmp_path):
    judge = Judge.load()
    assert judge.positions is not None  # the shipped judge reads textbook pairs explicitly
    judge.save(tmp_path / "j")
    again = Judge.load(tmp_path / "j")
    assert np.allclose(again.positions, judge.positions) and again.key == judge.key
    again.positions = None
    again._key = None
    assert again.key != judge.key


def test_the_readers_rules_are_part_of_the_key(monkeypatch):
    """A new release of the reader's rules must not reuse verdicts stored under the old ones."""
    import tracker.judge.polarity as polarity

    judge = Judge.load()
    before = judge.key
    monkeypatch.setattr(polarity, "reader_fingerprint", lambda: "other rules")
    judge._key = None
    assert judge.key != before


def test_apply_table_without_a_table_changes_nothing():
    proba = np.array([[0.2, 0.1, 0.7]])
    batch = PairBatch(["We will."], ["We won't."], np.eye(2)[:1], np.eye(2)[:1], np.zeros(1))
    assert apply_table(proba, batch, None) is proba


class Grader:
    """A pair model that grades every pair it is asked about as a half_flip, and records what it read."""

    def __init__(self):
        self.read = []

    def grade_proba(self, a, b):
        self.read += list(zip(a, b))
        return np.tile([0.1, 0.8, 0.1], (len(a), 1))


def test_the_grader_reads_the_short_plain_pairs_the_word_lists_do_not_place():
    texts = [("We will build the bridge.", "We will not build the bridge."),  # the reader's: a full_flop
             ("The stadium is a fine use of public money.", "That arena has been a costly mistake."),  # unplaced
             ("Will you build it?", "We are looking at every option for the crossing."),  # a question
             (" ".join(["word"] * 25) + ".", "We oppose it.")]  # too long
    a, b = [x for x, _ in texts], [y for _, y in texts]
    va, vb = (np.tile(np.eye(4)[k:k + 1], (4, 1)).astype(np.float32) for k in (0, 1))  # cosine 0: words decide
    batch = PairBatch(a, b, va, vb, np.zeros(4))
    table = np.array([[0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0.05, 0.05, 0.9]])
    proba, grader = np.full((4, 3), 1 / 3), Grader()
    out = apply_table(proba, batch, table, grader)
    assert grader.read == [texts[1]]
    assert np.allclose(out[0], table[0]) and np.allclose(out[1], [0.1, 0.8, 0.1])
    assert np.allclose(out[2:], proba[2:])
    assert np.allclose(apply_table(proba, batch, table, None)[1], proba[1])  # no grader: unread


def test_on_the_judges_line_a_pair_both_read_takes_their_mean_on_the_judges_scale():
    texts = [("We will build the bridge.", "We will not build the bridge."),  # both read it
             ("The stadium is a fine use of public money.", "That arena has been a costly mistake."),  # the grader
             (" ".join(["word"] * 25) + ".", "We oppose it.")]  # too long: the head's
    a, b = [x for x, _ in texts], [y for _, y in texts]
    va, vb = (np.tile(np.eye(3)[k:k + 1], (3, 1)).astype(np.float32) for k in (0, 1))
    batch = PairBatch(a, b, va, vb, np.zeros(3))
    table = np.array([[0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0.05, 0.05, 0.9]])
    proba, grader = np.full((3, 3), 1 / 3), Grader()
    out = apply_table(proba, batch, table, grader, line=0.75)
    assert grader.read == texts[:2]
    mean = (table[0] + [0.1, 0.8, 0.1]) / 2  # reversal 0.925: odds 37 / 3, times the line's odds 3: 37 / 38
    assert np.isclose(out[0, :2].sum(), 37 / 38) and np.isclose(out[0, 0] / out[0, 1], mean[0] / mean[1])
    assert np.isclose(out[1, :2].sum(), 27 / 28) and np.allclose(out[2], proba[2])  # the grader's 0.9: 27 / 28
    assert np.allclose(out.sum(axis=1), 1)
    even = np.array([[0.25, 0.25, 0.5]])
    assert np.isclose(on_scale(even, [0], 0.75)[0, :2].sum(), 0.75)  # even odds land on the line
    # a pair only the word lists read is on the scale too, whatever else its batch holds (engines split batches)
    unread = np.array([False, True, True])
    with_others = apply_table(proba, batch, table, grader, unread, line=0.75)[0]
    alone = apply_table(proba[:1], batch.subset(np.array([0])), table, grader, unread[:1], line=0.75)[0]
    assert np.allclose(with_others, alone) and np.allclose(alone, on_scale(table[:1], [0], 0.75)[0])


def test_the_synthetic_sets_are_clean_and_apart_from_the_contrast_set():
    """Development pairs written by the project: well formed, marked synthetic, sharing no pair with the
    contrast set (evaluation only; a generic sentence may recur) and no statement with the real pairs."""
    import glob

    import pandas as pd

    from tracker.judge.evaluate import load_contrast
    from tracker.judge.polarity import TEXTBOOK_SETS
    from tracker.judge.train import load_labelled

    paths = sorted(glob.glob(str(ROOT / "data" / "synthetic" / "textbook_dev*.csv")))
    assert set(map(str, TEXTBOOK_SETS)) < set(paths)  # the held-out check (set 10) is not in the table
    frames = [pd.read_csv(p, dtype=str, keep_default_na=False) for p in paths]
    for path, frame in zip(paths, frames):
        assert list(frame.columns) == ["pair_id", "text_a", "text_b", "topic", "label", "kind", "synthetic"], path
        assert frame["label"].isin(["full_flop", "half_flip", "no_flip"]).all() and (frame["synthetic"] == "1").all()
        assert (frame[["text_a", "text_b"]] != "").all().all(), path
    def pairs(f):
        return {(a.strip().lower(), b.strip().lower()) for a, b in zip(f["text_a"], f["text_b"])}

    written = set().union(*map(pairs, frames))
    assert not written & pairs(load_contrast(ROOT / "data" / "contrast" / "contrast_pairs.csv"))
    real = load_labelled()
    assert not {t for pair in written for t in pair} & {t.strip().lower() for t in (*real["text_a"], *real["text_b"])}
