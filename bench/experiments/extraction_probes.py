"""The speaker of each synthetic extraction probe (data/synthetic/extraction_probes_*.jsonl).

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/extraction_probes.py [-v] [FILE ...]

Each probe is a short constructed news snippet, a needle inside one of its statements and the speakers
a careful reader accepts. Prints how many probes of each shape get an accepted speaker (-v: every miss).
The probes are development data, written by the project without reading the rules; never a test split.
"""

import collections
import datetime as dt
import json
import sys
from pathlib import Path

from tracker.extraction.evaluate import _same_speaker, normalise
from tracker.extraction.extract import extract_statements, load_nlp
from tracker.extraction.read import Article


def main(paths: list[str], verbose: bool) -> None:
    nlp = load_nlp()
    total, right = collections.Counter(), collections.Counter()
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            probe = json.loads(line)
            shape = probe["shape"].split(":")[0]
            art = Article(path=f"{probe['id']}.txt", text="Headline\n\n" + probe["text"], date=dt.date(2025, 8, 20),
                          url="", outlet="", date_source="arg")
            hits = [s for s in extract_statements(art, nlp=nlp) if normalise(probe["needle"]) in normalise(s.text)]
            speaker = hits[0].speaker if hits else None
            ok = speaker is not None and any(_same_speaker(speaker, want) for want in probe["speakers"])
            total[shape] += 1
            right[shape] += ok
            if verbose and not ok:
                print(f"{probe['id']} [{probe['shape']}] {speaker!r}, wanted {probe['speakers'][0]!r}: {probe['needle']!r}")
    for shape in total:
        print(f"{shape:32} {right[shape]:3d} / {total[shape]}")
    print(f"{'all':32} {sum(right.values()):3d} / {sum(total.values())}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    main(args or sorted(str(p) for p in Path("data/synthetic").glob("extraction_probes_*.jsonl")), "-v" in sys.argv)
