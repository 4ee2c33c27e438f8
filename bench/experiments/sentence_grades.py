"""Would the short-pair grader help on real pairs if it read them sentence by sentence? Dev actors only (the
frozen test actors are never read).

Real statements are long; the pair model's second task grades short plain pairs well (the textbook sets) but
a whole quote is not what it was trained on. Here each statement is cut into sentences, every sentence of the
earlier statement is read against every sentence of the later one (at most MAX_SENTENCES each), and the pair
gets: the largest graded P(reversal) over sentence pairs, the one at the most similar sentence pair, the same
two for P(oppose) of the first task, and the largest sentence cosine. The head is cross-validated by actor with
and without them, on the same folds.

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/sentence_grades.py [--pair-model DIR]
"""

from __future__ import annotations

import argparse
import re

import numpy as np

from tracker.embed import Embedder
from tracker.judge.pairmodel import PairModel
from tracker.judge.train import (LabelledPairs, add_pair_model, cross_validate, embed_pairs, frozen_test_mask,
                                 load_labelled)

MAX_SENTENCES = 6
_SPLIT = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z0-9])")


def sentences(text: str) -> list[str]:
    parts = [s.strip() for s in _SPLIT.split(text) if len(s.split()) >= 3]
    parts = parts or [text]
    return sorted(parts, key=len, reverse=True)[:MAX_SENTENCES] if len(parts) > MAX_SENTENCES else parts


def sentence_features(model: PairModel, embedder: Embedder, text_a: list[str], text_b: list[str]) -> np.ndarray:
    from tqdm.auto import tqdm

    out = np.zeros((len(text_a), 5), dtype=np.float32)
    for i in tqdm(range(len(text_a)), desc="sentence pairs", unit="pair"):
        sa, sb = sentences(text_a[i]), sentences(text_b[i])
        a = [x for x in sa for _ in sb]
        b = [y for _ in sa for y in sb]
        grade = model.grade_proba(a, b)
        rev = grade[:, 0] + grade[:, 1]  # LABELS order: full_flop, half_flip, no_flip
        z = model.logits(a, b).astype(float)
        z = np.exp(z - z.max(axis=1, keepdims=True))
        opp = (z / z.sum(axis=1, keepdims=True))[:, 0]
        va, vb = embedder.encode(sa), embedder.encode(sb)
        cos = (va @ vb.T).ravel()
        k = int(np.argmax(cos))
        out[i] = [rev.max(), rev[k], opp.max(), opp[k], cos.max()]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pair-model", default="models/reversal/pair_model")
    args = ap.parse_args()
    frame = load_labelled()
    frame = frame[~frozen_test_mask(frame)].reset_index(drop=True)
    embedder = Embedder()
    model = PairModel(args.pair_model)
    data = add_pair_model(embed_pairs(frame, embedder), model)
    extra = sentence_features(model, embedder, data.batch.text_a, data.batch.text_b)
    rows = {"cues + pair model (shipped head's features)": data.pair}
    names = ["max graded reversal", "graded reversal at closest sentences", "max P(oppose)", "P(oppose) at closest",
             "max sentence cosine"]
    rows["+ all five sentence features"] = np.hstack([data.pair, extra])
    rows["+ graded reversal (max, at closest)"] = np.hstack([data.pair, extra[:, :2]])
    rows["+ P(oppose) (max, at closest)"] = np.hstack([data.pair, extra[:, 2:4]])
    print(f"{len(frame)} dev pairs; sentence features: {', '.join(names)}")
    print("| features | ROC-AUC | macro-F1 | precision at operating point | recall there |")
    print("|---|---|---|---|---|")
    for name, pair in rows.items():
        r = cross_validate(LabelledPairs(data.frame, data.batch, pair=pair))
        m, op = r["model_argmax"], r["operating_point"]
        print(f"| {name} | {m['reversal']['roc_auc']:.3f} | {m['macro_f1']:.3f} | {op['precision']:.2f} | "
              f"{op['recall']:.2f} |")
    real = ~data.frame["synthetic"].to_numpy(dtype=bool)
    rev = (data.labels != "no_flip")[real]
    from sklearn.metrics import roc_auc_score
    for j, n in enumerate(names):
        print(f"{n} alone: ROC-AUC {roc_auc_score(rev, extra[real, j]):.3f}")


if __name__ == "__main__":
    main()
