"""Two readings tried for textbook pairs that word one proposition two ways (set 12), measured with the
reader alone on the development sets 1-9 and 11 and on set 12: pairs decided right (reversal vs no_flip).

    python -m pip install vaderSentiment==3.3.2   # MIT; only this experiment needs it
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/reworded_pairs.py

1. A statement with no stance word reads as against when its VADER sentiment is at or below a cut-off
   (it condemns what it names: "the ring road is an eyesore"), instead of as a plain affirmation.
2. With that reading at -0.3, a second one-proposition gate: the cosine of the two statements without
   their stance words and VADER-polar words.
Neither was shipped (bench/experiments/RESULTS.md, "A twelfth textbook set").
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

import tracker.judge.polarity as P
from tracker.embed import Embedder

SET12 = P.TEXTBOOK_SETS[0].with_name("textbook_dev12.csv")


@lru_cache(maxsize=1)
def vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def with_valence(shipped, cut: float | None):
    """`shipped` read_position, with a stance-free statement read as against at or below `cut` (None: as
    shipped). Always wraps the shipped reader, never a variant installed for an earlier row."""
    def read(text: str):
        pos = shipped(text)
        if cut is not None and pos == P.Position(1, True) and not P._TOKEN.search(text.lower()) \
                and vader().polarity_scores(text)["compound"] <= cut:
            return P.Position(-1, True)
        return pos
    return read


def stripped(text: str) -> str:
    words = re.findall(r"[\w'-]+", P._TOKEN.sub(" ", P.own_words(text).lower()))
    return " ".join(w for w in words if abs(vader().lexicon.get(w, 0)) < 1.0)


def count(data, gate: float | None) -> list[int]:
    same, out = P._same, []
    for pairs, cos, ocos in data:
        right = 0
        for a, b, c, o, label in zip(pairs.text_a, pairs.text_b, cos, ocos, pairs.label):
            P._same = (lambda ca, cb, cc, o=o: same(ca, cb, cc) or (gate is not None and o >= gate))
            v = P.verdict(a, b, c)
            right += bool(v) and ((v in ("full_flop", "half_flip")) == (label != "no_flip"))
        out.append(right)
    P._same = same
    return out


def main() -> None:
    embedder, data = Embedder(None), []
    for path in [*P.TEXTBOOK_SETS, SET12]:
        pairs = pd.read_csv(path, dtype=str, keep_default_na=False)
        texts = list(pairs.text_a) + list(pairs.text_b)
        v, s = np.asarray(embedder.encode(texts)), np.asarray(embedder.encode([stripped(t) for t in texts]))
        n = len(pairs)
        data.append((pairs, np.sum(v[:n] * v[n:], axis=1), np.sum(s[:n] * s[n:], axis=1)))
    shipped = P.read_position
    for label, cut, gate in [("as shipped", None, None), *[(f"VADER at {c}", c, None) for c in (-0.5, -0.3, -0.2, -0.05)],
                             *[(f"VADER at -0.3, stripped cosine >= {g}", -0.3, g) for g in (0.7, 0.6, 0.55)]]:
        P.read_position = with_valence(shipped, cut)
        P._reading.cache_clear()
        out = count(data, gate)
        print(f"{label:40} sets 1-9, 11: {sum(out[:-1]):5d} of 2890   set 12: {out[-1]:3d} of 300")
    P.read_position = shipped


if __name__ == "__main__":
    main()
