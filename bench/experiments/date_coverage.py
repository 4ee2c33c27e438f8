"""Where each half's dates are lost: how often the gold day is among a statement's candidate days, how many
statements the date rules settle and how often those are right, and how often the shipped chooser is right on the
rest (in sample on dev, where it was fitted).

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/date_coverage.py dev [test]

Reading `test` reads the frozen test articles' gold: it prints aggregates only, and counts as a reading of the
test half (docs/extraction.md).
"""

import re
import sys

from tracker.extraction.datechoice import shipped_chooser, written
from tracker.extraction.train import date_examples

DAY = re.compile(r"\d{4}-\d\d-\d\d")

chooser = shipped_chooser()
for split in sys.argv[1:] or ["dev"]:
    rows = date_examples("data/articles", split)
    covered = [g in {written(d, c.precision.get(d, "day")) for d in c.days} for c, g, _ in rows]
    right = [written(*chooser.choose(c)) == g for c, g, _ in rows]
    settled = [c.settled for c, _, _ in rows]
    day_fixed = [bool(DAY.fullmatch(g)) for _, g, _ in rows]
    n, n_settled = len(rows), sum(settled)
    open_ = [i for i in range(n) if not settled[i]]
    open_covered = [i for i in open_ if covered[i]]
    print(f"{split}: {n} statements; gold day among the candidates {sum(covered) / n:.3f} "
          f"(where the gold gives a day: {sum(c for c, d in zip(covered, day_fixed) if d) / sum(day_fixed):.3f}); "
          f"settled by the rules {n_settled / n:.3f}, "
          f"right {sum(r for r, s in zip(right, settled) if s) / n_settled:.3f}; "
          f"the rest chosen right {sum(right[i] for i in open_) / len(open_):.3f} "
          f"({sum(right[i] for i in open_covered) / len(open_covered):.3f} where the gold day is a candidate)")
