"""Which of a speaker's statements does a reported shift depart from? Read on the dev gold alone: for each gold
statement with a `shift_of`, the candidates are the same speaker's other statements dated on or before it (not
questions), and two ways of choosing one are scored against the gold's earlier statement: the earliest dated one
(what `shifts.link_shifts` falls back on) and the one sharing most content words with the later statement.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/shift_earlier_choice.py
"""

import re
from pathlib import Path

from tracker.extraction.evaluate import read_events, read_gold, split_of

_STOP = set("the a an of to in on and or for that this it is was be would will not he she they his her their its with "
            "as by at from had has have been we i you our".split())


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def main(root: Path = Path("data/articles")) -> None:
    gold, events = read_gold(root), read_events(root)
    links = earliest = shared = 0
    for name, rows in gold.items():
        if split_of(name, events) != "dev":
            continue
        for later in rows:
            if not later.shift_of:
                continue
            options = [g for g in rows if g is not later and g.speaker == later.speaker and g.date <= later.date
                       and not g.text.rstrip().endswith("?")]
            if not options:
                continue
            links += 1
            earliest += min(options, key=lambda g: g.date).text == later.shift_of
            shared += max(options, key=lambda g: len(_words(g.text) & _words(later.text))).text == later.shift_of
    print(f"dev gold links with a candidate: {links}; earliest dated: {earliest}; most shared content words: {shared}")


if __name__ == "__main__":
    main()
