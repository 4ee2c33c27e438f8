"""Build tracker/extraction/first_names.tsv, the first-name gender prior the speaker rules use to tell
"she" from "he", from the US Social Security Administration's national baby-name files (public domain).

    python data/external/first_names/build.py DIR_WITH_yobYYYY.txt

Reads the birth years 1930-2005 (the ages of most people quoted in the news), sums each name's count
per sex, and keeps a name when at least MIN_COUNT people carry it and at least SHARE of them are of one
sex: ambiguous names (Kim, Jean, Robin) stay unknown. Each row is the name, its majority sex and that sex's share
(`jess  m  0.984`): a share under SURE_SHARE is a guess the article's own pronoun may overrule. MANIFEST.json records the source repository,
commit and each file's SHA-256; this script checks them before it reads a file.
"""

import collections
import hashlib
import json
import sys
from pathlib import Path

YEARS = range(1930, 2006)
MIN_COUNT, SHARE = 100, 0.95
HERE = Path(__file__).resolve().parent
OUT = HERE.parents[2] / "tracker" / "extraction" / "first_names.tsv"


def main(src: Path) -> None:
    manifest = json.loads((HERE / "MANIFEST.json").read_text(encoding="utf-8"))
    counts: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for year in YEARS:
        path = src / f"yob{year}.txt"
        data = path.read_bytes()
        want = manifest["files"][path.name]
        if hashlib.sha256(data).hexdigest() != want:
            sys.exit(f"{path}: SHA-256 differs from MANIFEST.json ({want})")
        for line in data.decode("utf-8").splitlines():
            name, sex, n = line.strip().split(",")
            counts[name.lower()][sex == "M"] += int(n)
    rows = sorted((name, "f" if f > m else "m", max(f, m) / (f + m)) for name, (f, m) in counts.items()
                  if f + m >= MIN_COUNT and max(f, m) / (f + m) >= SHARE)
    OUT.write_text("".join(f"{name}\t{sex}\t{share:.3f}\n" for name, sex, share in rows), encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
