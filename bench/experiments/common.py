"""Shared pieces for the reversal-classifier model-selection experiments.

Everything here evaluates on EXACTLY the folds of tracker.judge.train.cross_validate:
StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=0).split(X, y, groups=actor).
No actor is ever in both the training and the test part of a fold.
"""

from __future__ import annotations

import hashlib
import random
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from sklearn.metrics import precision_recall_curve  # noqa: E402
from sklearn.model_selection import StratifiedGroupKFold  # noqa: E402

from tracker.judge.train import load_labelled, metrics  # noqa: E402
from tracker.types import LABELS  # noqa: E402

HERE = Path(__file__).resolve().parent
CACHE = HERE / "cache"
DATA_DIR = ROOT / "data" / "labelled"
N_SPLITS, SEED = 5, 0


def load_frame(snapshot: str | Path | None = None):
    """The labelled pairs now, or a snapshot CSV saved by cross_encoder_cv.py."""
    if snapshot:
        import pandas as pd
        frame = pd.read_csv(snapshot, dtype={"gap_days": float}, keep_default_na=False)
        frame["synthetic"] = frame["synthetic"].astype(str).isin(["True", "true", "1"])
        frame["gap_days"] = frame["gap_days"].astype(float)
        return frame
    frame = load_labelled(DATA_DIR)
    frame = frame[~frame["synthetic"].to_numpy()].reset_index(drop=True)  # none today; synthetic never tested
    return frame


def folds(frame) -> list[tuple[np.ndarray, np.ndarray]]:
    y, groups = frame["label"].to_numpy(), frame["actor"].to_numpy()
    X = np.zeros((len(y), 1))  # the split depends only on y, groups and the seed
    out = []
    for train, test in StratifiedGroupKFold(n_splits=N_SPLITS, shuffle=True, random_state=SEED).split(X, y, groups):
        assert not set(groups[train]) & set(groups[test]), "actor leak"
        out.append((train, test))
    return out


def data_fingerprint(frame) -> str:
    h = hashlib.sha256()
    for row in frame[["pair_id", "text_a", "text_b", "label", "actor"]].itertuples(index=False):
        h.update("\x1f".join(map(str, row)).encode())
        h.update(b"\x1e")
    return h.hexdigest()[:16]


def text_key(a: str, b: str) -> str:
    return hashlib.sha256((a + "\x1f" + b).encode()).hexdigest()[:20]


def _prec_at_recall(rev_true, score, min_recall=0.75) -> float:
    p, r, _ = precision_recall_curve(rev_true, score)
    ok = r >= min_recall
    return float(p[ok].max()) if ok.any() else 0.0


def _recall_at_precision(rev_true, score, min_precision=0.90) -> float:
    p, r, _ = precision_recall_curve(rev_true, score)
    ok = p >= min_precision
    return float(r[ok].max()) if ok.any() else 0.0


def summarise(name: str, y: np.ndarray, proba: np.ndarray | None, fit_seconds: list[float], notes: str = "",
              pred: np.ndarray | None = None, rev_score: np.ndarray | None = None) -> dict:
    """proba: out-of-fold (n, 3) in LABELS order (or, for the baselines, pred + rev_score without proba)."""
    if proba is not None:
        pred = np.array(LABELS)[proba.argmax(axis=1)]
        rev_score = proba[:, 0] + proba[:, 1]
    m = metrics(y, pred, rev_score, proba)
    rev_true = y != "no_flip"
    return {
        "name": name,
        "macro_f1": m["macro_f1"],
        "f1_full_flop": m["per_class"]["full_flop"]["f1"],
        "f1_half_flip": m["per_class"]["half_flip"]["f1"],
        "f1_no_flip": m["per_class"]["no_flip"]["f1"],
        "rev_precision": m["reversal"]["precision"],
        "rev_recall": m["reversal"]["recall"],
        "roc_auc": m["reversal"].get("roc_auc"),
        "prec_at_rec75": round(_prec_at_recall(rev_true, rev_score), 4),
        "rec_at_prec90": round(_recall_at_precision(rev_true, rev_score), 4),
        "brier3": m.get("brier"),
        "rev_brier": m["reversal"].get("brier"),
        "fit_s_per_fold": round(float(np.mean(fit_seconds)), 2) if fit_seconds else None,
        "notes": notes,
    }


COLUMNS = ["name", "macro_f1", "f1_full_flop", "f1_half_flip", "f1_no_flip", "rev_precision", "rev_recall", "roc_auc",
           "prec_at_rec75", "rec_at_prec90", "brier3", "rev_brier", "fit_s_per_fold"]


def markdown_table(rows: list[dict]) -> str:
    head = "| " + " | ".join(COLUMNS) + " |\n|" + "---|" * len(COLUMNS) + "\n"
    body = ""
    for r in rows:
        body += "| " + " | ".join("" if r.get(c) is None else (f"{r[c]:.3f}" if isinstance(r[c], float) else str(r[c]))
                                  for c in COLUMNS) + " |\n"
    return head + body


def save_rows(rows: list[dict], path: Path) -> None:
    path.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


# -- synthetic template pairs (training folds only; never scored as real data) ----------------


PROPS = [
    "raise the minimum wage", "cut corporate taxes", "ban TikTok", "build a wall on the southern border",
    "legalise recreational cannabis", "close the coal plants by 2030", "leave the European Union",
    "hold a second referendum", "lift the lockdown next month", "make masks mandatory in schools",
    "cancel student debt", "raise the retirement age", "impose tariffs on Chinese steel",
    "nationalise the railways", "expand offshore drilling", "abolish the death penalty",
    "increase defence spending", "join the trade agreement", "extend nuclear power plants",
    "raise interest rates", "bail out the banks", "allow fracking", "cut foreign aid",
    "reopen the embassy", "sell the state airline", "lower the voting age to 16", "tax sugary drinks",
    "build a third runway", "privatise the post office", "phase out petrol cars by 2035",
]
POS_STRONG = ["We will {p}.", "I fully support the plan to {p}.", "We must {p}, and we will.",
              "I am committed to the decision to {p}.", "My government is going to {p}.", "It is time to {p}. We are doing it."]
POS_WEAK = ["We are open to the idea to {p}.", "We could {p}; we are looking at it.", "I would consider a plan to {p}.",
            "It is possible that we will {p}.", "A decision to {p} is on the table.", "We may {p}, we will see."]
NEG_STRONG = ["We will not {p}.", "I rule out any plan to {p}.", "We are never going to {p}.",
              "There is no way we will {p}.", "A plan to {p} is off the table.", "I oppose any attempt to {p}."]
GROUPS = {"pos_strong": POS_STRONG, "pos_weak": POS_WEAK, "neg_strong": NEG_STRONG}
LABEL = {("pos_strong", "neg_strong"): "full_flop", ("neg_strong", "pos_strong"): "full_flop",
         ("pos_weak", "neg_strong"): "half_flip", ("neg_strong", "pos_weak"): "half_flip",
         ("pos_strong", "pos_weak"): "half_flip", ("pos_weak", "pos_strong"): "no_flip"}

def pairs(props, template_ids, n, seed=0):
    rng = random.Random(seed)
    out = []
    keys = list(GROUPS)
    for _ in range(n):
        p = rng.choice(props)
        ga, gb = rng.choice(keys), rng.choice(keys)
        ta = GROUPS[ga][rng.choice(template_ids)].format(p=p)
        tb = GROUPS[gb][rng.choice(template_ids)].format(p=p)
        if ta == tb:
            continue
        if rng.random() < 0.15:  # different proposition: never a flip
            q = rng.choice([x for x in props if x != p])
            tb = GROUPS[gb][rng.choice(template_ids)].format(p=q)
            out.append((ta, tb, "no_flip"))
            continue
        out.append((ta, tb, LABEL.get((ga, gb), "no_flip")))
    return out
