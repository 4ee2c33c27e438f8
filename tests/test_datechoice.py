"""The date chooser: which candidate day a statement gets, how it is fitted, saved and loaded."""

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from tracker.errors import InputError
from tracker.extraction.datechoice import SHIPPED_DATES_MODEL, Candidates, DateChooser, shipped_chooser

ROOT = Path(__file__).resolve().parents[1]
MON, TUE, WED = dt.date(2025, 8, 18), dt.date(2025, 8, 19), dt.date(2025, 8, 20)


def cands(days: dict, settled=False, **context) -> Candidates:
    return Candidates({d: {"age": (WED - d).days / 30, **f} for d, f in days.items()},
                      {"present": 0.0, **context}, {d: "day" for d in days}, settled)


def examples(n=40):
    """A toy world where the statement's day is always the last day named before it, whatever the rules say."""
    out = []
    for i in range(n):
        last = MON if i % 2 else TUE
        other = TUE if last == MON else MON
        out.append((cands({last: {"prev1": 1.0}, other: {"rule": 1.0, "frame": 1.0}, WED: {"day0": 1.0}}),
                    last.isoformat()))
    return out


def test_fitted_chooser_learns_the_gold_day_not_the_rules_day():
    chooser = DateChooser.fit(examples())
    assert "rule" not in chooser.day_features
    assert chooser.choose(cands({MON: {"prev1": 1.0}, TUE: {"rule": 1.0, "frame": 1.0}, WED: {"day0": 1.0}}))[0] == MON
    assert chooser.choose(cands({TUE: {"prev1": 1.0}, MON: {"rule": 1.0, "frame": 1.0}, WED: {"day0": 1.0}}))[0] == TUE


def test_a_settled_statement_keeps_the_rules_day_and_is_not_learned_from():
    chooser = DateChooser.fit(examples())
    settled = cands({MON: {"prev1": 1.0}, TUE: {"rule": 1.0, "frame": 1.0}, WED: {"day0": 1.0}}, settled=True)
    assert chooser.choose(settled) == (TUE, "day")
    flipped = DateChooser.fit(examples() + [(settled, MON.isoformat())] * 200)
    x = chooser.matrix(settled)[1]
    assert np.allclose(flipped.scores(x), chooser.scores(x))


def test_the_trees_scored_together_give_each_trees_own_descent():
    """Scoring all trees at once is the sum of each tree walked on its own, root to leaf."""
    chooser = shipped_chooser()
    x = np.random.default_rng(0).random((50, chooser.width)) * 2 - 0.5

    def walk(t, row):
        node = 0
        while t["left"][node] >= 0:
            node = t["left"][node] if row[t["feature"][node]] <= t["threshold"][node] else t["right"][node]
        return t["value"][node]
    expected = [chooser.rate * sum(walk(t, row) for t in chooser.trees) for row in x]
    assert np.allclose(chooser.scores(x), expected)


def test_save_and_load_give_the_same_choices(tmp_path):
    chooser = DateChooser.fit(examples(), {"trained_on": {"statements": 40}})
    chooser.save(tmp_path / "dates.json")
    again = DateChooser.load(tmp_path / "dates.json")
    assert again.meta["trained_on"]["statements"] == 40
    probe = cands({MON: {"prev1": 1.0}, TUE: {"rule": 1.0}, WED: {"day0": 1.0}})
    assert again.choose(probe) == chooser.choose(probe)


@pytest.mark.parametrize("damage, field", [
    (lambda b: b.update(format="pickle"), "'format'"),
    (lambda b: b["trees"][0].update(feature=[999] * len(b["trees"][0]["feature"])), "'trees'"),
    (lambda b: b["trees"][1].update(value=b["trees"][1]["value"][:-1]), "'trees'"),
    (lambda b: b.pop("rate"), "'rate'"),
])
def test_a_damaged_model_file_is_refused_naming_the_file_and_field(tmp_path, damage, field):
    path = tmp_path / "dates.json"
    DateChooser.fit(examples()).save(path)
    body = json.loads(path.read_text())
    damage(body)
    path.write_text(json.dumps(body))
    with pytest.raises(InputError) as e:
        DateChooser.load(path)
    assert str(path) in str(e.value) and field in str(e.value)


def test_an_unreadable_model_file_is_refused(tmp_path):
    (tmp_path / "dates.json").write_text("{not json")
    with pytest.raises(InputError, match="dates.json"):
        DateChooser.load(tmp_path / "dates.json")


def test_the_shipped_chooser_was_fitted_on_development_articles_only():
    meta = json.loads(SHIPPED_DATES_MODEL.read_text())["trained_on"]
    assert meta["split"] == "dev" and meta["articles"] >= 60 and len(shipped_chooser().trees) > 0


def _tiny_gold(tmp_path: Path, names: list[str]) -> Path:
    """A folder holding a few real articles, their gold rows and their events."""
    src, dst = ROOT / "data" / "articles", tmp_path / "articles"
    dst.mkdir()
    for name in names:
        for p in src.glob(name + "*"):
            shutil.copy(p, dst / p.name)
    rows = [r for g in sorted(src.glob("gold*.csv")) for r in csv.DictReader(g.open(encoding="utf-8"))
            if r["article"] in names]
    with (dst / "gold.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows({k: r.get(k, "") for k in rows[0]} for r in rows)
    shutil.copy(src / "events.csv", dst / "events.csv")
    return dst


def test_train_extraction_fits_on_dev_articles_and_never_reads_test_ones(tmp_path, cli):
    from tracker.extraction.evaluate import read_events, split_of

    events = read_events(ROOT / "data" / "articles")
    names = sorted({p.name for p in (ROOT / "data" / "articles").iterdir() if p.suffix in (".txt", ".html")})
    dev = [n for n in names if split_of(n, events) == "dev"][:2]
    test = [n for n in names if split_of(n, events) == "test"][:1]
    folder = _tiny_gold(tmp_path, dev + test)
    code, _, err = cli("train-extraction", "--articles", folder, "--out", tmp_path / "dates.json")
    assert code == 0, err
    meta = json.loads((tmp_path / "dates.json").read_text())["trained_on"]
    assert (meta["articles"], meta["split"]) == (2, "dev")


def test_train_extraction_without_gold_is_a_clear_error(tmp_path, cli):
    code, _, err = cli("train-extraction", "--articles", tmp_path, "--out", tmp_path / "dates.json")
    assert code != 0 and "no gold.csv" in err


@pytest.mark.slow  # reads every dev article; CI runs it (.ci/run)
def test_the_shipped_chooser_is_what_train_extraction_fits(tmp_path):
    """Any change to extraction that moves a development statement must refit the chooser (about three minutes on
    two cores: it reads every development article and fits the five ensembles)."""
    from tracker.extraction.train import train_extraction

    fitted, shipped = train_extraction(ROOT / "data" / "articles", tmp_path / "dates.json"), shipped_chooser()
    assert fitted.day_features == shipped.day_features and len(fitted.trees) == len(shipped.trees)
    for a, b in zip(fitted.trees, shipped.trees):
        assert all(np.allclose(a[k], b[k], atol=1e-6) for k in a)


def test_single_and_double_line_breaks_describe_the_same_days():
    """Paragraphs are non-empty lines, however many line breaks separate them: the candidates a statement
    gets (how many paragraphs back a day was named, whether it opens the article) are the same."""
    import dataclasses

    from tracker.extraction.extract import extract_with_candidates
    from tracker.extraction.read import read_article

    art = read_article(ROOT / "seeds" / "000_670f619b6cb97f13.txt")
    runs = [extract_with_candidates(a) for a in (art, dataclasses.replace(art, text=art.text.replace("\n", "\n\n")))]
    (single, c1), (double, c2) = runs
    assert [e.text for e in single] == [e.text for e in double] and len(single) > 5
    assert [(c.days, c.context) for c in c1] == [(c.days, c.context) for c in c2]


def test_a_speaker_dated_by_their_own_cue_offers_that_day_to_their_later_statements():
    """`Doe said on Wednesday …` then, after a paragraph about Tuesday, an undated `Doe replied`: Wednesday is a
    candidate marked as the day Doe was last said to speak on; Roe's second quote gets his Tuesday, the reporter
    (never dated) nothing."""
    from tracker.extraction.extract import extract_with_candidates
    from tracker.extraction.read import Article

    text = ("Mayor stops short of a date for the bridge works\n\n"
            "Mayor Jane Doe said on Wednesday that the old river bridge would close for repairs.\n\n"
            "At a budget meeting on Tuesday evening, council leader John Roe warned that the city could not afford "
            'the works. "The money is simply not there," Roe said.\n\n'
            'A reporter asked about the timetable. "Can you promise the bridge will reopen next year?" he asked.\n\n'
            '"I can promise that we will do everything we can," Doe replied.\n')
    found, cands = extract_with_candidates(Article("t.txt", text, WED + dt.timedelta(days=1), "https://x", "X", "news"))
    marked = {e.speaker: sorted(d for d, f in c.days.items() if "speaker_dated" in f) for e, c in zip(found, cands)}
    assert marked["Jane Doe"] == [WED]
    assert marked["John Roe"] == [TUE] and marked["Reporter"] == []


def test_a_month_named_before_a_retrospective_quote_is_offered_at_its_precision():
    """`In November 2012, Doe told a radio station …` then `"…," he said.` and, a paragraph later, an undated quote of
    Doe's: November 2012 is a candidate of the quote after it (the last month named before it) and of Doe's later
    quote (the month Doe was last said to speak in), each known only to its month."""
    from tracker.extraction.extract import extract_with_candidates
    from tracker.extraction.read import Article

    text = ("Mayor's long retreat on the runway ends\n\n"
            "In November 2012, Mayor Jane Doe told a radio station that supporters of the runway had it wrong. "
            '"You will be defeated," she said.\n\n'
            'The runway, she added on the same programme, was "a folly".\n')
    found, cands = extract_with_candidates(Article("t.txt", text, WED + dt.timedelta(days=1), "https://x", "X", "news"))
    nov = dt.date(2012, 11, 1)
    quote = next(i for i, e in enumerate(found) if e.text.startswith("You will be defeated"))
    assert "prev_coarse_same_para" in cands[quote].days[nov] and cands[quote].precision[nov] == "month"
    later = next(i for i, e in enumerate(found) if "folly" in e.text)
    assert "speaker_dated" in cands[later].days[nov] and cands[later].precision[nov] == "month"


def test_a_day_inside_a_contrasted_description_is_not_the_ledes_day():
    """'… he will not send troops - despite having appeared open to the idea a day earlier': that day dates the
    earlier position, so it is not offered as the day the lede's news fell on."""
    from tracker.extraction.extract import extract_with_candidates
    from tracker.extraction.read import Article

    text = ("Roe rules out troops\n\nGovernor John Roe has made it clear that he will not send troops to the border - "
            "despite having appeared open to the idea just a day earlier.\n\n"
            'In an interview on Tuesday morning, Roe said: "You have my word."')
    found, cands = extract_with_candidates(Article("t.txt", text, TUE, "https://x", "X", "argument"))
    lede = next(c for f, c in zip(found, cands) if f.text.startswith("he will not send"))
    assert MON in lede.days and not lede.days[MON].get("lead")  # still a candidate, but not as the lede's day


def test_a_day_inside_the_earlier_position_a_statement_is_set_against_is_not_its_own_cue():
    """The same lede: 'a day earlier' dates the position the writer sets the news against, so it is no cue of the
    news itself, whether inside another statement or not; the description keeps it as its own."""
    from tracker.extraction.extract import extract_with_candidates
    from tracker.extraction.read import Article

    text = ("Roe rules out troops\n\nGovernor John Roe has made it clear that he will not send troops to the border - "
            "despite having appeared open to the idea just a day earlier.\n\n"
            'In an interview on Tuesday morning, Roe said: "You have my word."')
    found, cands = extract_with_candidates(Article("t.txt", text, TUE, "https://x", "X", "argument"))
    lede = next(c for f, c in zip(found, cands) if f.text.startswith("he will not send"))
    earlier = next(c for f, c in zip(found, cands) if f.text.startswith("appeared open"))
    assert not any(k.startswith(("own", "excl_")) for k in lede.days.get(MON, {}))
    assert any(k.startswith("own") for k in earlier.days[MON])
