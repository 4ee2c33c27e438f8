"""Can the public pair corpora teach the head what the real pairs cannot? Dev actors only (the frozen
test actors are never read); the contrast set is scored, never trained on.

Public rows: held-out rows of the stage-1 corpora (statement vs statement: NLI pairs, two Perspectrum
perspectives of one claim, two ArgKP arguments of one topic), so the pair model never trained on them;
`oppose` stands for a reversal, `agree` and `neutral` for no_flip. Two ways in:

1. as extra training rows of the head (train folds only; real pairs alone are tested), at a few
   sizes relative to the real training pairs;
2. as a prior: a logistic regression fitted on the public rows alone, whose score is one more
   feature of the head.

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/public_pairs_head.py
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler

from tracker.embed import Embedder
from tracker.judge.corpora import build_pair_table
from tracker.judge.estimator import ReversalClassifier
from tracker.judge.evaluate import contrast_batch, load_contrast
from tracker.judge.features import PairBatch, pair_features, pair_model_features
from tracker.judge.model import decide
from tracker.judge.pairmodel import PairModel
from tracker.judge.train import (LabelledPairs, add_pair_model, cross_validate, embed_pairs, frozen_test_mask,
                                 load_labelled)

PUBLIC_MIX = {("nli", "pair"): 0.4, ("perspectrum", "pair"): 0.3, ("argkp", "pair"): 0.3}
AS_REVERSAL = {"oppose": "full_flop", "agree": "no_flip", "neutral": "no_flip"}


def concat(a: PairBatch, b: PairBatch) -> PairBatch:
    return PairBatch(a.text_a + b.text_a, a.text_b + b.text_b, np.vstack([a.emb_a, b.emb_a]),
                     np.vstack([a.emb_b, b.emb_b]), np.concatenate([a.gap_days, b.gap_days]),
                     np.vstack([a.cues_a, b.cues_a]), np.vstack([a.cues_b, b.cues_b]),
                     list(a.topic or [""] * len(a)) + list(b.topic or [""] * len(b)))


def report(name: str, result: dict, proba: np.ndarray, contrast_rev: np.ndarray) -> None:
    m, op = result["model_argmax"], result["operating_point"]
    flagged = decide(proba, op["threshold"]) != "no_flip"
    print(f"| {name} | {m['reversal']['roc_auc']:.3f} | {m['macro_f1']:.3f} | {op['precision']:.2f} / {op['recall']:.2f} | "
          f"{roc_auc_score(contrast_rev, proba[:, 0] + proba[:, 1]):.3f} | {np.mean(flagged == contrast_rev):.3f} |",
          flush=True)


def main() -> None:
    emb, pm = Embedder(), PairModel("models/reversal/pair_model")
    frame = load_labelled()
    real = add_pair_model(embed_pairs(frame[~frozen_test_mask(frame)].reset_index(drop=True), emb), pm)
    table = build_pair_table(size=40_000, mix=PUBLIC_MIX, seed=1)
    held = table[table["split"] == "heldout"].reset_index(drop=True)
    public = add_pair_model(embed_pairs(pd.DataFrame({
        "actor": "public:" + held["group"], "text_a": held["text_a"], "text_b": held["text_b"], "date_a": "",
        "date_b": "", "gap_days": 0, "label": held["label"].map(AS_REVERSAL), "synthetic": True, "topic": ""}), emb), pm)
    contrast = load_contrast()
    cb = contrast_batch(contrast, emb)
    cX = np.hstack([pair_features(cb), pair_model_features(pm, cb)])
    crev = (contrast["label"] != "no_flip").to_numpy()
    print(f"public rows: {len(held)} ({(held['label'] == 'oppose').mean():.2f} oppose); dev real pairs: {len(real.labels)}\n")
    print("| head | dev CV ROC-AUC | dev macro-F1 | dev P / R at threshold | contrast ROC-AUC | contrast accuracy at threshold |")
    print("|---|---|---|---|---|---|")
    rng = np.random.default_rng(0)
    for share in (0.0, 0.25, 0.5, 1.0, 2.0):  # public rows per real training pair
        k = int(share * len(real.labels))
        idx = rng.permutation(len(public.labels))[:k]
        data = real if not k else LabelledPairs(
            pd.concat([real.frame, public.frame.iloc[idx]], ignore_index=True), concat(real.batch, public.batch.subset(idx)),
            pair=np.vstack([real.pair, public.pair[idx]]), pair_model=pm)
        r = cross_validate(data)
        proba = ReversalClassifier().fit(data.features(), data.labels).predict_proba(cX)
        report(f"real pairs + {k} public rows" if k else "real pairs only (shipped recipe)", r, proba, crev)
    Xp, yp = public.features(), (held["label"] == "oppose").to_numpy()
    scaler = StandardScaler().fit(Xp)
    prior = LogisticRegression(C=0.1, max_iter=5000).fit(scaler.transform(Xp), yp)
    score = lambda X: prior.decision_function(scaler.transform(X)).reshape(-1, 1)  # noqa: E731
    with_prior = LabelledPairs(real.frame, real.batch, nli=score(real.features()), nli_model="public prior",
                               pair=real.pair, pair_model=pm)
    r = cross_validate(with_prior)
    proba = ReversalClassifier().fit(with_prior.features(), with_prior.labels).predict_proba(np.hstack([cX, score(cX)]))
    report("real pairs, + public prior as a feature", r, proba, crev)
    print(f"\nthe prior alone: dev real ROC-AUC {roc_auc_score(real.labels != 'no_flip', score(real.features())[:, 0]):.3f}, "
          f"contrast ROC-AUC {roc_auc_score(crev, score(cX)[:, 0]):.3f}")


if __name__ == "__main__":
    main()
