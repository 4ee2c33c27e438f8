"""The date chooser against the date rules on the development articles, cross-validated by article.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/date_chooser.py

Prints the rules' date accuracy (in sample: the rules were written on these articles), the chooser's
with whole articles held out, and on the statements the chooser decides (not settled by their own cue,
tense, post date or transcript line). The frozen test articles are not read.
"""

import numpy as np

from tracker.extraction.datechoice import cross_validate
from tracker.extraction.train import date_examples

ex = date_examples("data/articles", "dev")
chosen = cross_validate(ex)
rules = np.array([c.rule_day.isoformat() == g for c, g, _ in ex])
open_ = np.array([not c.settled for c, _, _ in ex])
print(f"development statements matched: {len(ex)} in {len({a for _, _, a in ex})} articles; "
      f"decided by the chooser: {open_.sum()}")
print(f"rules (in sample): {rules.mean():.3f}   chooser (5-fold by article): {chosen.mean():.3f}")
print(f"on the statements the chooser decides: rules {rules[open_].mean():.3f}, chooser {chosen[open_].mean():.3f}")
