"""A date-chooser variant read once on a batch of new articles, against the shipped way, before any rule is
written for the batch.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/fresh_dates.py FIRST LAST

Both choosers are fitted on the development articles numbered outside FIRST..LAST. The shipped way lets the
rules' day stand where a statement fixes its own day (settled) and the chooser decide the rest; the variant lets
the chooser decide every statement, with whether and why the rules settled it as features. Read on the articles
numbered FIRST..LAST of both halves (a new batch's first reading), over the gold statements extraction finds:
dates right over all of them, where the gold gives a day, and on the settled ones.
"""

import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from tracker.extraction.datechoice import DateChooser, written
from tracker.extraction.evaluate import match, read_events, read_gold, split_of
from tracker.extraction.extract import extract_with_candidates, load_nlp
from tracker.extraction.read import read_article
from tracker.extraction.train import date_examples


def examples(root: Path, first: int, last: int) -> list:
    gold, nlp, out = read_gold(root), load_nlp(), []
    for name in sorted(n for n in gold if first <= int(n.split("_")[0]) <= last):
        pred, cands = extract_with_candidates(read_article(root / name), nlp=nlp)
        out.extend((cands[i], gold[name][j].date, name) for i, j, _ in match(pred, gold[name]))
    return out


def deciding_all(ex: list) -> list:
    """The same candidates with the rules' settling turned into features the chooser reads."""
    return [(replace(c, context=dict(c.context, settled=float(c.settled)), settled=False), g, a) for c, g, a in ex]


def main(first: int, last: int, root: Path = Path("data/articles")) -> None:
    outside = [e for e in date_examples(root, "dev") if not first <= int(e[2].split("_")[0]) <= last]
    fresh, events = examples(root, first, last), read_events(root)
    shipped = DateChooser.fit([e[:2] for e in outside])
    variant = DateChooser.fit([e[:2] for e in deciding_all(outside)])
    gold = np.array([g for _, g, _ in fresh])
    settled = np.array([c.settled for c, _, _ in fresh])
    day = np.array([len(g) == 10 for g in gold])
    readings = {
        "rules": [written(c.rule_day, c.precision[c.rule_day]) for c, _, _ in fresh],
        "shipped way": [written(*shipped.choose(c)) for c, _, _ in fresh],
        "chooser decides all": [written(*variant.choose(c)) for c, _, _ in deciding_all(fresh)],
    }
    halves = np.array([split_of(a, events) for _, _, a in fresh])
    print(f"fitted on {len({a for _, _, a in outside})} dev articles ({len(outside)} statements); read on "
          f"{len({a for _, _, a in fresh})} articles {first}-{last} ({len(fresh)} statements matched, "
          f"{day.sum()} dated to a day by the gold, {settled.sum()} settled by the rules)")
    for name, days in readings.items():
        right = np.array(days) == gold
        parts = [f"all {right.mean():.3f}", f"day-fixed {right[day].mean():.3f}",
                 f"settled {right[settled].mean():.3f}", f"open {right[~settled].mean():.3f}"]
        parts += [f"{h} {right[halves == h].mean():.3f}" for h in ("dev", "test") if (halves == h).any()]
        print(f"{name:>20}: " + ", ".join(parts))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
