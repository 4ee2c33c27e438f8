"""Does a polarity-contrast feature help? Same folds as tracker.judge.train.cross_validate.

Idea: a reversal is the same proposition said with the opposite polarity. Strip the stance words
(negation, refusal, openness, hedging, modality) from both texts and embed what is left (the "core").
If the cores agree much more than the full texts do, the difference sat in the stance words.

Run: HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/polarity_cv.py
"""
from __future__ import annotations

import re
import numpy as np

from common import LABELS, folds, load_frame, markdown_table, summarise
from tracker.embed import Embedder
from tracker.judge.estimator import ReversalClassifier
from tracker.judge.features import CUES, PairBatch, cue_counts, pair_features

STANCE = ["negation", "refusal", "openness", "hedging", "commitment", "support", "conditional", "change",
          "consistency"]
_STRIP = re.compile("|".join(f"(?:{CUES[n]})" for n in STANCE))


def core(text: str) -> str:
    out = _STRIP.sub(" ", text.lower())
    return re.sub(r"\s+", " ", out).strip() or text.lower()


def main() -> None:
    frame = load_frame()
    y = frame["label"].to_numpy()
    emb = Embedder()
    ta, tb = list(frame["text_a"]), list(frame["text_b"])
    n = len(ta)
    v = emb.encode(ta + tb)
    c = emb.encode([core(t) for t in ta + tb])
    batch = PairBatch(ta, tb, v[:n], v[n:], frame["gap_days"].to_numpy())
    base = pair_features(batch)
    cos = np.sum(v[:n] * v[n:], axis=1)
    cos_core = np.sum(c[:n] * c[n:], axis=1)
    delta = cos_core - cos
    ca, cb = cue_counts(ta), cue_counts(tb)
    idx = {k: i for i, k in enumerate(CUES)}
    def pol(cc):
        return (cc[:, idx["openness"]] + cc[:, idx["support"]]) - (cc[:, idx["negation"]] + cc[:, idx["refusal"]])
    dpol = np.abs(pol(cb) - pol(ca))
    negflip = ((ca[:, 0] > 0) != (cb[:, 0] > 0)).astype(float)
    extra = {
        "core": np.c_[cos_core, delta],
        "core+inter": np.c_[cos_core, delta, cos_core * dpol, cos_core * negflip, delta * negflip, dpol],
    }
    splits = folds(frame)
    rows = []
    for name, X in [("base pairfeat-2", base)] + [(f"base + {k}", np.hstack([base, e])) for k, e in extra.items()]:
        for C in (0.05, 0.2):
            oof = np.zeros((n, 3))
            for tr, te in splits:
                clf = ReversalClassifier(C=C).fit(X[tr], y[tr])
                oof[te] = clf.predict_proba(X[te])
            rows.append(summarise(f"{name} C={C}", y, oof, []))
    print(markdown_table(rows))
    for lab in LABELS:
        m = y == lab
        print(lab, "mean cos", cos[m].mean().round(3), "cos_core", cos_core[m].mean().round(3), "delta",
              delta[m].mean().round(3), "dpol", dpol[m].mean().round(3))


if __name__ == "__main__":
    main()
