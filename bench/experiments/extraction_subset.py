"""Extraction quality on the articles of one split numbered in a range, for readings comparable across
batches of new articles (the frozen test half grows as articles are added).

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/extraction_subset.py test 1 120   # test as of article 120
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/extraction_subset.py dev 133 144  # one batch's dev articles
    ... extraction_subset.py test 1 186 --articles /tmp/snapshot/data/articles  # another copy of the articles
"""

import argparse
import json
from pathlib import Path

from tracker.extraction.evaluate import _Tally, match, read_events, read_gold, split_of, with_contained
from tracker.extraction.extract import extract_statements, load_nlp
from tracker.extraction.people import complete_surnames
from tracker.extraction.read import read_article


def main(split: str, first: int, last: int, root: Path = Path("data/articles")) -> None:
    gold, events, nlp, tally = read_gold(root), read_events(root), load_nlp(), _Tally()
    names = [n for n in sorted(gold) if split_of(n, events) == split and first <= int(n.split("_")[0]) <= last]
    # the chosen articles are one batch: a surname written alone takes the full name the others give it
    batch = complete_surnames([extract_statements(read_article(root / name), nlp=nlp) for name in names])
    for name, pred in zip(names, batch):
        tally.add(pred, gold[name], with_contained(pred, gold[name], match(pred, gold[name])))
    r = tally.report()
    a = r["all"]
    print(json.dumps({"split": split, "articles": r["articles"], "gold": a["gold"],
                      "found_precision": a["precision"], "found_recall": a["recall"],
                      "speaker_precision": a["speaker_precision"], "speaker_recall": a["speaker_recall"],
                      "speech_speaker_precision_with_spurious": r["speech"]["speaker_precision_with_spurious"],
                      "speech_speaker_recall": r["speech"]["speaker_recall"],
                      "dates": a["date_accuracy"], "questions_to_another_speaker": r["questions_misattributed"],
                      "spurious_per_article": r["spurious_per_article"], "reported_shifts": r["reported_shifts"]}))


if __name__ == "__main__":
    cli = argparse.ArgumentParser(description="extraction quality on one split's articles numbered FIRST..LAST")
    cli.add_argument("split", choices=["dev", "test"])
    cli.add_argument("first", type=int)
    cli.add_argument("last", type=int)
    cli.add_argument("--articles", type=Path, default=Path("data/articles"))
    args = cli.parse_args()
    main(args.split, args.first, args.last, args.articles)
