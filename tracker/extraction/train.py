"""Fits the learned part of extraction, the date chooser, on the development articles' gold."""

from __future__ import annotations

from pathlib import Path

from tqdm import tqdm

from tracker.extraction.datechoice import Candidates, DateChooser, gold_fingerprint
from tracker.extraction.evaluate import match, read_events, read_gold, split_of
from tracker.extraction.extract import extract_with_candidates, load_nlp
from tracker.extraction.read import read_article


def date_examples(articles_dir: str | Path, split: str = "dev") -> list[tuple[Candidates, str, str]]:
    """(candidates, gold day, article) for every gold statement of `split` that extraction finds."""
    root = Path(articles_dir)
    gold, events, nlp = read_gold(root), read_events(root), load_nlp()
    out = []
    names = [n for n in sorted(gold) if split_of(n, events) == split]
    for name in tqdm(names, desc=f"reading {split} articles", unit="article", disable=None):
        pred, cands = extract_with_candidates(read_article(root / name), nlp=nlp)
        out.extend((cands[i], gold[name][j].date, name) for i, j, _ in match(pred, gold[name]))
    return out


def train_extraction(articles_dir: str | Path = "data/articles", out: str | Path | None = None) -> DateChooser:
    """Fit the date chooser on the development articles (never the frozen test ones) and save it."""
    from tracker.extraction.datechoice import SHIPPED_DATES_MODEL

    examples = date_examples(articles_dir, "dev")
    meta = {"trained_on": {"articles": len({a for _, _, a in examples}), "statements": len(examples), "split": "dev",
                           "gold_sha256": gold_fingerprint(list(Path(articles_dir).glob("gold*.csv")))}}
    chooser = DateChooser.fit([(c, g) for c, g, _ in examples], meta)
    chooser.save(out or SHIPPED_DATES_MODEL)
    return chooser
