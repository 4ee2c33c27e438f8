"""Would a head fitted on synthetic textbook pairs read textbook pairs, and what would it cost real ones?

The shipped head is fitted on real pairs, where "I support X" → "I oppose X" never occurs in that
form. This fits a second head (the same estimator) on the project's synthetic textbook pairs
(data/synthetic/), over the judge's features plus the explicit positions of tracker.judge.polarity,
and measures:
- transfer between the two synthetic sets, written independently (fit on one, score the other);
- the development actors' real pairs (never the frozen test actors): the real head out of fold, and
  the same with the textbook head taking over the pairs that pass a shape gate (short statements).
The contrast set is not read here.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/textbook_expert.py
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from tracker.embed import Embedder
from tracker.judge import workflow
from tracker.judge.estimator import ReversalClassifier
from tracker.judge.model import Judge
from tracker.judge.polarity import (SAME_COSINE, VERDICTS, _content, own_words, _simple, compare, later,
                                    read_position, same_proposition)
from tracker.judge.train import actor_folds, frozen_test_mask, metrics, operating_point
from tracker.types import LABELS

POSITION_FEATURES = ("read_a", "read_b", "sign_a", "sign_b", "firm_a", "firm_b", "sign_product", "overlap", "later",
                     "verdict_full_flop", "verdict_half_flip", "verdict_no_flip")


def position_features(text_a: list[str], text_b: list[str]) -> np.ndarray:
    """Both positions, how much of one proposition they share, and the verdict."""
    rows = []
    for a, b in zip(text_a, text_b):
        a, b = own_words(a), own_words(b)
        pa, pb = read_position(a), read_position(b)
        ca, cb = _content(a), _content(b)
        change = compare(pa, pb)
        rows.append([pa is not None, pb is not None, pa.sign if pa else 0, pb.sign if pb else 0,
                     bool(pa and pa.firm), bool(pb and pb.firm), pa.sign * pb.sign if pa and pb else 0,
                     len(ca & cb) / max(1, min(len(ca), len(cb))), later(a, b),
                     change == "full_flop", change == "half_flip", change == "no_flip"])
    return np.array(rows, dtype=np.float32).reshape(len(rows), len(POSITION_FEATURES))



SETS = (Path("data/synthetic/textbook_dev.csv"), Path("data/synthetic/textbook_dev2.csv"))


def synthetic(path: Path, embedder, pair_model):
    t = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = pd.DataFrame({"pair_id": t["pair_id"], "later_id": t["pair_id"], "actor": path.stem, "text_a": t["text_a"],
                          "text_b": t["text_b"], "context_a": "", "context_b": "", "date_a": "", "date_b": "",
                          "label": t["label"], "topic": t["topic"], "hard_case": "", "synthetic": True, "gap_days": 0})
    return workflow.labelled_with_features(None, embedder, pair_model=pair_model, frame=frame)


def with_positions(data) -> np.ndarray:
    return np.hstack([data.features(), position_features(data.batch.text_a, data.batch.text_b)])


def rev(p):
    return p[:, 0] + p[:, 1]


def gates(data, cos_min: float) -> dict[str, np.ndarray]:
    """Which pairs each candidate gate hands to the textbook reading."""
    own_a = [own_words(t) for t in data.batch.text_a]
    own_b = [own_words(t) for t in data.batch.text_b]
    simple = np.array([_simple(a) and _simple(b) for a, b in zip(own_a, own_b)])
    read = np.array([read_position(a) is not None and read_position(b) is not None for a, b in zip(own_a, own_b)])
    lexical = np.array([same_proposition(a, b) for a, b in zip(own_a, own_b)])
    cos = np.sum(data.batch.emb_a * data.batch.emb_b, axis=1)
    return {"short, one proposition (words), both read": simple & lexical & read,
            f"short, one proposition (words or cosine >= {cos_min}), both read": simple & (lexical | (cos >= cos_min)) & read,
            "short, both read": simple & read}


def proba(clf, X):
    p = np.zeros((len(X), 3))
    p[:, [LABELS.index(c) for c in clf.classes_]] = clf.predict_proba(X)
    return p


def main() -> None:
    embedder = Embedder(None)
    pm = workflow.pair_model_at(None)
    judge = Judge.load()
    syn = [synthetic(p, embedder, pm) for p in SETS]
    Xs = [with_positions(d) for d in syn]
    data = workflow.labelled_with_features(Path("data/labelled"), embedder, pair_model=pm)
    dev = data.subset(np.flatnonzero(~frozen_test_mask(data.frame)))
    X, y, groups = dev.features(), dev.labels, dev.groups
    oof = np.zeros((len(y), 3))
    for train, test in actor_folds(y, groups):
        oof[test] = proba(ReversalClassifier().fit(X[train], y[train]), X[test])
    truth = y != "no_flip"
    op = operating_point(truth, rev(oof))
    thr = op["threshold"]
    print(f"real dev pairs: {len(y)}; real head out of fold: ROC-AUC {roc_auc_score(truth, rev(oof)):.3f}, "
          f"P/R {op['precision']}/{op['recall']} at threshold {thr}")
    expert = ReversalClassifier().fit(np.vstack(Xs), np.concatenate([d.labels for d in syn]))
    short20 = np.array([len(own_words(a).split()) <= 20 and len(own_words(b).split()) <= 20
                        for a, b in zip(dev.batch.text_a, dev.batch.text_b)])
    pe = proba(expert, with_positions(dev))
    print(f"dev pairs with both statements <= 20 words ({short20.mean():.1%}): ROC-AUC of a head fitted on the "
          f"synthetic pairs {roc_auc_score(truth[short20], rev(pe)[short20]):.3f}, of the real head out of fold "
          f"{roc_auc_score(truth[short20], rev(oof)[short20]):.3f}")
    short = np.array([len(own_words(t).split()) <= 20 for t in dev.batch.text_a])
    idx = np.flatnonzero(short)
    rng = np.random.default_rng(0)
    i, j = rng.choice(idx, 3000), rng.choice(idx, 3000)
    other = dev.frame["actor"].to_numpy()[i] != dev.frame["actor"].to_numpy()[j]
    cos = np.sum(dev.batch.emb_a[i[other]] * dev.batch.emb_a[j[other]], axis=1)
    print(f"random pairs of short dev statements by different actors: {other.sum()}; share whose cosine reaches "
          f"the gate's {SAME_COSINE}: {np.mean(cos >= SAME_COSINE):.2%}")
    real_gates = gates(dev, COS_MIN)
    syn_gates = [gates(d, COS_MIN) for d in syn]
    syn_head = [judge.head_proba(judge.head, d.features()) for d in syn]
    for name in real_gates:
        for kind in ("table", "head"):
            line = [f"{name} | {kind}:"]
            for i, j in ((0, 1), (1, 0)):
                g_i, g_j = syn_gates[i][name], syn_gates[j][name]
                if kind == "table":
                    pe = _table_proba(syn[i], g_i, syn[j])
                else:
                    clf = ReversalClassifier().fit(Xs[i][g_i], syn[i].labels[g_i])
                    pe = proba(clf, Xs[j])
                final = np.where(g_j[:, None], pe, syn_head[j])
                yj = syn[j].labels != "no_flip"
                line.append(f"{SETS[i].stem}->{SETS[j].stem}: gate {g_j.mean():.0%}, accuracy {np.mean((rev(final) >= thr) == yj):.3f}")
            g = real_gates[name]
            both = [k for k in (0, 1)]
            if kind == "table":
                pe = _table_proba(syn[0], syn_gates[0][name], dev, also=syn[1], also_gate=syn_gates[1][name])
            else:
                gi = np.concatenate([syn_gates[k][name] for k in both])
                clf = ReversalClassifier().fit(np.vstack(Xs)[gi], np.concatenate([syn[k].labels for k in both])[gi])
                pe = proba(clf, with_positions(dev))
            mixed = np.where(g[:, None], pe, oof)
            m = metrics(y, np.where(rev(mixed) >= thr, "full_flop", "no_flip"), rev(mixed))["reversal"]
            line.append(f"real dev: gate {g.mean():.1%}, ROC-AUC {roc_auc_score(truth, rev(mixed)):.3f}, "
                        f"P/R {m['precision']}/{m['recall']}")
            print("  ".join(line))


import os
COS_MIN = float(os.environ.get("COS_MIN", "0.6"))


def _table_proba(fit, fit_gate, score, also=None, also_gate=None):
    a = list(np.array(fit.batch.text_a)[fit_gate]) + (list(np.array(also.batch.text_a)[also_gate]) if also else [])
    b = list(np.array(fit.batch.text_b)[fit_gate]) + (list(np.array(also.batch.text_b)[also_gate]) if also else [])
    labels = list(fit.labels[fit_gate]) + (list(also.labels[also_gate]) if also else [])
    table = np.ones((3, 3))
    for x, z, lab in zip(a, b, labels):
        v = compare(read_position(own_words(x)), read_position(own_words(z)))
        if v is not None:
            table[VERDICTS.index(v), LABELS.index(lab)] += 1
    table /= table.sum(axis=1, keepdims=True)
    out = np.zeros((len(score.labels), 3))
    for k, (x, z) in enumerate(zip(score.batch.text_a, score.batch.text_b)):
        v = compare(read_position(own_words(x)), read_position(own_words(z)))
        out[k] = table[VERDICTS.index(v)] if v is not None else 1 / 3
    return out


if __name__ == "__main__":
    main()
