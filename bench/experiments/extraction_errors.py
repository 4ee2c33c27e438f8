"""Extraction errors on development articles, one line each, for before/after comparisons of a rule change.

The test half is never listed: rules are written against development articles only.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/extraction_errors.py 1 730 > /tmp/after.txt
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/extraction_errors.py 683 730 speaker date
    diff <(sort /tmp/before.txt) <(sort /tmp/after.txt)
"""

import argparse
from pathlib import Path

from tqdm import tqdm

from tracker.extraction.evaluate import _errors, match, read_events, read_gold, split_of, with_contained
from tracker.extraction.extract import extract_statements, load_nlp
from tracker.extraction.people import complete_surnames
from tracker.extraction.read import read_article

ERRORS = ("missed", "spurious", "speaker", "date", "kind", "shift_missed", "shift_wrong")


def error_lines(first: int, last: int, wanted: set[str], root: Path = Path("data/articles")) -> list[str]:
    """`article<TAB>error<TAB>fields…` for each error in the development articles numbered first..last."""
    gold, events, nlp = read_gold(root), read_events(root), load_nlp()
    names = [n for n in sorted(gold) if split_of(n, events) == "dev" and first <= int(n.split("_")[0]) <= last]
    read = [extract_statements(read_article(root / n), nlp=nlp)
            for n in tqdm(names, desc="extracting", unit="article", disable=None)]
    lines = []
    for name, pred in zip(names, complete_surnames(read)):  # as evaluate-extraction reads one folder
        for e in _errors(pred, gold[name], with_contained(pred, gold[name], match(pred, gold[name]))):
            if e["error"] in wanted:
                lines.append("\t".join([name, e["error"], *(f"{k}={v}" for k, v in e.items() if k != "error")]))
    return lines


if __name__ == "__main__":
    cli = argparse.ArgumentParser(description="one line per extraction error in development articles FIRST..LAST")
    cli.add_argument("first", type=int)
    cli.add_argument("last", type=int)
    cli.add_argument("errors", nargs="*", help=f"error kinds to list, of {', '.join(ERRORS)} (default: all)")
    cli.add_argument("--articles", type=Path, default=Path("data/articles"))
    args = cli.parse_args()
    if unknown := set(args.errors) - set(ERRORS):
        cli.error(f"unknown error kind: {', '.join(sorted(unknown))}")
    print("\n".join(error_lines(args.first, args.last, set(args.errors or ERRORS), args.articles)))
