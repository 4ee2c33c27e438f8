"""Training and honest evaluation of the judge on the labelled pairs in data/labelled/.

Evaluation is grouped by actor (no actor in both train and test) and compares against two
baselines on the same folds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import (brier_score_loss, confusion_matrix, f1_score, precision_recall_fscore_support,
                             roc_auc_score)
from sklearn.model_selection import StratifiedGroupKFold

from tracker.judge.model import READ_BUDGET, Judge, decide, select_reads
from tracker.judge.estimator import ReversalClassifier
from tracker.embed import Embedder
from tracker.errors import InputError
from tracker.judge.polarity import apply_table
from tracker.judge.features import FEATURE_VERSION, PairBatch, cue_counts, day_numbers, gap_days, pair_features
from tracker.types import LABELS, judged_text

LABELLED_DIR = Path("data/labelled")
PRECISION_TARGET = 0.90
MIN_RECALL = 0.3  # the share of reversals a flagging threshold keeps
SEED = 0


@dataclass
class LabelledPairs:
    frame: pd.DataFrame  # one row per pair: actor, text_a, text_b, date_a, date_b, gap_days, label, synthetic
    batch: PairBatch
    nli: np.ndarray | None = None  # tracker.judge.nli features, when the judge is to use an NLI scorer
    nli_model: str | None = None
    pair: np.ndarray | None = None  # pair-model features (features.PAIR_MODEL_FEATURES[pair_orders])
    pair_model: object | None = None
    pair_orders: int = 1
    positions: np.ndarray | None = None  # polarity verdict table, applied to the judge's probabilities
    grader: object | None = None  # grades short plain pairs (tracker/judge/grader.py); else the pair model does

    @property
    def short_reader(self):
        """What grades the short plain pairs the word lists may not place: the grader, else the pair model."""
        return self.grader or self.pair_model

    def cheap_features(self) -> np.ndarray:
        return pair_features(self.batch)

    def features(self) -> np.ndarray:
        parts = [self.cheap_features()] + [x for x in (self.pair, self.nli) if x is not None]
        return np.hstack(parts)

    def pair_model_name(self) -> str | None:
        d = getattr(self.pair_model, "directory", None)
        return None if d is None else str(d)

    def subset(self, idx: np.ndarray) -> "LabelledPairs":
        pick = lambda x: None if x is None else x[idx]  # noqa: E731
        return replace(self, frame=self.frame.iloc[idx].reset_index(drop=True), batch=self.batch.subset(idx),
                       nli=pick(self.nli), pair=pick(self.pair))

    @property
    def labels(self) -> np.ndarray:
        return self.frame["label"].to_numpy()

    @property
    def groups(self) -> np.ndarray:
        return self.frame["actor"].to_numpy()


def _read_parts(directory: Path, suffix: str) -> pd.DataFrame:
    files = sorted(directory.rglob(f"*{suffix}"))
    if not files:
        raise InputError(f"{directory}: no *{suffix} files (labelled data not found)")
    return pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in files], ignore_index=True)


def load_labelled(directory: str | Path = LABELLED_DIR, *, derived: bool = False) -> pd.DataFrame:
    """All *statements.csv and *pairs.csv under `directory`, joined into one row per pair; with
    `derived`, plus the train-only different-topic negatives of derived_negatives()."""
    directory = Path(directory)
    st = _read_parts(directory, "statements.csv")
    pairs = _read_parts(directory, "pairs.csv")
    if derived:
        pairs = pd.concat([pairs, derived_negatives(directory)], ignore_index=True)
    dupes = st["statement_id"][st["statement_id"].duplicated()]
    if len(dupes):
        raise InputError(f"{directory}: duplicate statement ids: {sorted(set(dupes))[:5]}")
    st = st.set_index("statement_id")
    missing = set(pairs["earlier_id"]).union(pairs["later_id"]) - set(st.index)
    if missing:
        raise InputError(f"{directory}: pairs reference unknown statements: {sorted(missing)[:5]}")
    a, b = st.loc[pairs["earlier_id"]], st.loc[pairs["later_id"]]
    frame = pd.DataFrame({
        "pair_id": pairs["pair_id"].to_numpy(),
        "later_id": pairs["later_id"].to_numpy(),
        "actor": a["actor"].to_numpy(),
        "text_a": a["text"].to_numpy(), "text_b": b["text"].to_numpy(),
        "context_a": a["context"].to_numpy() if "context" in a.columns else "",
        "context_b": b["context"].to_numpy() if "context" in b.columns else "",
        "date_a": a["date"].to_numpy(), "date_b": b["date"].to_numpy(),
        "label": pairs["label"].to_numpy(),
        "topic": a["topic"].to_numpy() if "topic" in a.columns else "",
        "hard_case": pairs.get("hard_case", pd.Series([""] * len(pairs))).to_numpy(),
        "synthetic": pairs.get("synthetic", pd.Series(["0"] * len(pairs))).isin(["1", "true", "True"]).to_numpy(),
    })
    frame["gap_days"] = gap_days(day_numbers(frame["date_a"].tolist()), day_numbers(frame["date_b"].tolist()))
    return frame


DERIVED_PER_ACTOR = 6
_STOP = {"the", "of", "in", "on", "and", "to", "for", "a", "us", "uk", "eu"}


def derived_negatives(directory: str | Path = LABELLED_DIR, *, per_actor: int = DERIVED_PER_ACTOR,
                      seed: int = SEED) -> pd.DataFrame:
    """no_flip pairs derived from the labelled statements' own topics: two statements of one actor whose
    annotated topics share no word are on different subjects (hard case `different_topic`). They teach
    the head what most neighbour candidates look like; flagged `synthetic` so they train and never test."""
    directory = Path(directory)
    st = _read_parts(directory, "statements.csv")
    labelled = _read_parts(directory, "pairs.csv")
    known = set(zip(labelled["earlier_id"], labelled["later_id"])) | set(zip(labelled["later_id"], labelled["earlier_id"]))
    rng = np.random.default_rng(seed)
    rows = []
    for actor, g in st.groupby("actor", sort=True):
        g = g.assign(day=g["date"].map(_first_day)).sort_values(["day", "statement_id"])
        words = [set(t.lower().split()) - _STOP for t in g["topic"]]
        cand = [(i, j) for i in range(len(g)) for j in range(i + 1, len(g))
                if words[i] and words[j] and not words[i] & words[j] and g["day"].iloc[i] < g["day"].iloc[j]
                and (g["statement_id"].iloc[i], g["statement_id"].iloc[j]) not in known]
        for k in rng.permutation(len(cand))[:per_actor]:
            i, j = cand[k]
            rows.append((g["statement_id"].iloc[i], g["statement_id"].iloc[j]))
    return pd.DataFrame({"pair_id": [f"derived-{i:04d}" for i in range(len(rows))],
                         "earlier_id": [e for e, _ in rows], "later_id": [l for _, l in rows], "label": "no_flip",
                         "hard_case": "different_topic", "synthetic": "1"})


def _first_day(value: str) -> str:
    parts = value.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def embed_pairs(frame: pd.DataFrame, embedder: Embedder) -> LabelledPairs:
    """What detection gives the judge, built the same way: the judged text (a quote with the question it
    answers) is embedded and read by the pair model; stance cues count the speaker's own words only."""
    def judged(side: str) -> list[str]:
        ctx = frame[f"context_{side}"] if f"context_{side}" in frame.columns else [""] * len(frame)
        return [judged_text(t, c or "") for t, c in zip(frame[f"text_{side}"], ctx)]

    a, b = judged("a"), judged("b")
    vectors = embedder.encode(a + b)
    n = len(frame)
    topic = list(frame["topic"]) if "topic" in frame.columns else None
    return LabelledPairs(frame, PairBatch(a, b, vectors[:n], vectors[n:], frame["gap_days"].to_numpy(),
                                          cues_a=cue_counts(list(frame["text_a"])),
                                          cues_b=cue_counts(list(frame["text_b"])), topic=topic))


def frozen_test_mask(frame: pd.DataFrame) -> np.ndarray:
    """The held-out actors: a fixed fifth of them by a hash of the name, frozen before any judge
    was tuned (docs/judge.md records the SHA-256 of their pair ids). Never used to choose anything."""
    import hashlib

    return frame["actor"].map(lambda a: int(hashlib.sha256(a.encode()).hexdigest(), 16) % 5 == 0).to_numpy(dtype=bool)


def add_pair_model(data: LabelledPairs, model, *, chunk: int = 64, orders: int = 1) -> LabelledPairs:
    """Pair-model features for every pair (slow on CPU, so it shows progress)."""
    from tqdm.auto import tqdm

    from tracker.judge.features import pair_model_features

    parts = [pair_model_features(model, data.batch.subset(np.arange(i, min(i + chunk, len(data.labels)))),
                                 orders=orders)
             for i in tqdm(range(0, len(data.labels), chunk), desc="pair model", unit="chunk")]
    return replace(data, pair=np.vstack(parts), pair_model=model, pair_orders=orders)


def add_nli(data: LabelledPairs, scorer, *, chunk: int = 64) -> LabelledPairs:
    """Score every pair both ways with an NLI scorer (tracker/judge/nli.py); slow, so it shows progress."""
    from tqdm.auto import tqdm

    from tracker.judge.nli import N_FEATURES, nli_features

    a, b = data.batch.text_a, data.batch.text_b
    parts = [nli_features(scorer, a[i:i + chunk], b[i:i + chunk])
             for i in tqdm(range(0, len(a), chunk), desc=f"NLI {scorer.spec}", unit="chunk")]
    nli = np.vstack(parts) if parts else np.zeros((0, N_FEATURES), dtype=np.float32)
    return replace(data, nli=nli, nli_model=scorer.spec)


# -- baselines ---------------------------------------------------------------------------------
class CosineBaseline:
    """Low similarity ⇒ reversal: two cut points on cosine, tuned on the training fold."""

    def fit(self, batch: PairBatch, y):
        cos = np.sum(batch.emb_a * batch.emb_b, axis=1)
        grid = np.quantile(cos, np.linspace(0.02, 0.98, 15))
        best = (-1.0, grid[0], grid[0])
        for lo in grid:
            for hi in grid[grid >= lo]:
                f = f1_score(y, self._label(cos, lo, hi), average="macro", labels=list(LABELS), zero_division=0)
                if f > best[0]:
                    best = (f, lo, hi)
        _, self.lo_, self.hi_ = best
        return self

    @staticmethod
    def _label(cos, lo, hi):
        return np.where(cos < lo, "full_flop", np.where(cos < hi, "half_flip", "no_flip"))

    def predict(self, batch):
        return self._label(np.sum(batch.emb_a * batch.emb_b, axis=1), self.lo_, self.hi_)

    def reversal_score(self, batch):
        return 1 - np.sum(batch.emb_a * batch.emb_b, axis=1)


class NegationFlipBaseline:
    """A reversal when exactly one of the two statements is negated."""

    def fit(self, batch, y):
        return self

    def reversal_score(self, batch):
        a, b = cue_counts(batch.text_a)[:, 0] > 0, cue_counts(batch.text_b)[:, 0] > 0
        return (a != b).astype(float)

    def predict(self, batch):
        return np.where(self.reversal_score(batch) > 0, "full_flop", "no_flip")


# -- metrics -----------------------------------------------------------------------------------
def metrics(y_true: np.ndarray, y_pred: np.ndarray, reversal_score: np.ndarray | None = None,
            proba: np.ndarray | None = None) -> dict:
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=list(LABELS), zero_division=0)
    out = {
        "n": int(len(y_true)),
        "per_class": {c: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
                          "f1": round(float(f[i]), 4), "support": int(s[i])} for i, c in enumerate(LABELS)},
        "macro_f1": round(float(f1_score(y_true, y_pred, labels=list(LABELS), average="macro", zero_division=0)), 4),
        "confusion_matrix": {"labels": list(LABELS),
                             "matrix": confusion_matrix(y_true, y_pred, labels=list(LABELS)).tolist()},
    }
    rev_true = y_true != "no_flip"
    rev_pred = y_pred != "no_flip"
    tp = int(np.sum(rev_true & rev_pred))
    out["reversal"] = {"precision": round(tp / max(1, int(rev_pred.sum())), 4),
                       "recall": round(tp / max(1, int(rev_true.sum())), 4)}
    if reversal_score is not None and 0 < rev_true.sum() < len(rev_true):
        out["reversal"]["roc_auc"] = round(float(roc_auc_score(rev_true, reversal_score)), 4)
    if proba is not None:
        onehot = np.stack([(y_true == c).astype(float) for c in LABELS], axis=1)
        out["brier"] = round(float(np.mean(np.sum((proba - onehot) ** 2, axis=1))), 4)
        out["reversal"]["brier"] = round(float(brier_score_loss(rev_true, proba[:, 0] + proba[:, 1])), 4)
        out["reversal"]["ece"] = round(expected_calibration_error(rev_true, proba[:, 0] + proba[:, 1]), 4)
    return out


def expected_calibration_error(y: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    edges = np.linspace(0, 1, bins + 1)
    idx = np.clip(np.digitize(p, edges) - 1, 0, bins - 1)
    return float(sum(abs(p[idx == b].mean() - y[idx == b].mean()) * np.mean(idx == b)
                     for b in range(bins) if np.any(idx == b)))


def operating_point(rev_true: np.ndarray, score: np.ndarray, target: float = PRECISION_TARGET) -> dict:
    """The lowest threshold whose precision reaches the target while it keeps MIN_RECALL of the reversals (a
    threshold that flags a handful of pairs says nothing to a user); else the precision-maximising threshold
    that keeps MIN_RECALL."""
    points = []  # (precision, recall, threshold, flagged) at each threshold, highest first
    for t in np.unique(score)[::-1]:
        pred = score >= t
        points.append((float(np.sum(pred & rev_true) / max(1, pred.sum())),
                       float(np.sum(pred & rev_true) / max(1, rev_true.sum())), float(t), int(pred.sum())))
    kept = [p for p in points if p[1] >= MIN_RECALL]
    reached = [p for p in kept if p[0] >= target and p[3] >= 5]
    prec, rec, t, _ = reached[-1] if reached else max(kept) if kept else (0.0, 0.0, 0.5, 0)
    return {"threshold": round(t, 4), "precision": round(prec, 4), "recall": round(rec, 4),
            "target_met": bool(reached)}


def labels_at(proba: np.ndarray, threshold: float) -> np.ndarray:
    return decide(proba, threshold).astype(str)


CASCADE_RECALL_COST = 0.02


def cascade_cutoff(rev_true: np.ndarray, cheap_score: np.ndarray, later: np.ndarray | None = None, *,
                   budget: int | None = READ_BUDGET, max_cost: float = CASCADE_RECALL_COST) -> float:
    """The highest cheap-score cutoff at which the cascade (cutoff and read budget together) drops at
    most `max_cost` of the reversals, out of fold."""
    best = 0.0
    n_rev = max(1, int(rev_true.sum()))
    for cut in np.sort(np.unique(cheap_score[rev_true])):
        read = np.zeros(len(rev_true), dtype=bool)
        read[select_reads(cheap_score, float(cut), later, budget)] = True
        if np.sum(rev_true & ~read) / n_rev > max_cost:
            break
        best = float(cut)
    return best


def actor_folds(y: np.ndarray, groups: np.ndarray, *, n_splits: int = 5, seed: int = SEED):
    """(train, test) index pairs with no actor on both sides, label mix kept similar across folds."""
    return list(StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed).split(y, y, groups))


def cross_validate(data: LabelledPairs, *, n_splits: int = 5, seed: int = SEED, params: dict | None = None,
                   scores: dict | None = None) -> dict:
    """Actor-grouped k-fold: model and baselines on identical folds; synthetic pairs never tested. `scores`, if
    given, gets each real pair's out-of-fold reading (pair id, P(reversal), grade) to set other readers beside."""
    y, groups = data.labels, data.groups
    real = ~data.frame["synthetic"].to_numpy()
    X = data.features()
    X_cheap = data.cheap_features()
    oof = np.full((len(y), len(LABELS)), np.nan)
    oof_cheap = np.full((len(y), len(LABELS)), np.nan)
    base_pred = {"cosine": np.empty(len(y), dtype=object), "negation_flip": np.empty(len(y), dtype=object)}
    base_score = {k: np.zeros(len(y)) for k in base_pred}
    for train, test in actor_folds(y, groups, n_splits=n_splits, seed=seed):
        test = test[real[test]]
        clf = ReversalClassifier(random_state=seed, **(params or {})).fit(X[train], y[train])
        proba = clf.predict_proba(X[test])
        for j, c in enumerate(clf.classes_):
            oof[test, LABELS.index(c)] = proba[:, j]
        oof[test] = np.nan_to_num(oof[test])
        cheap = ReversalClassifier(random_state=seed).fit(X_cheap[train], y[train])
        pc = cheap.predict_proba(X_cheap[test])
        for j, c in enumerate(cheap.classes_):
            oof_cheap[test, LABELS.index(c)] = pc[:, j]
        oof_cheap[test] = np.nan_to_num(oof_cheap[test])
        tb, sb = data.batch.subset(train), data.batch.subset(test)
        for name, base in (("cosine", CosineBaseline()), ("negation_flip", NegationFlipBaseline())):
            base.fit(tb, y[train])
            base_pred[name][test] = base.predict(sb)
            base_score[name][test] = base.reversal_score(sb)
    # explicit positions override whatever the head or the cascade says, as in Judge.predict_proba
    real_batch = data.batch.subset(np.flatnonzero(real))
    yt = y[real]
    # the short pairs' readers go on the judge's scale, whose line is the operating point they help choose: the
    # point without them, then the point with them on that line
    pt = apply_table(oof[real], real_batch, data.positions, data.short_reader)
    line = operating_point(yt != "no_flip", pt[:, 0] + pt[:, 1])["threshold"]
    pt = apply_table(oof[real], real_batch, data.positions, data.short_reader, line=line)
    rev_score, grades = pt[:, 0] + pt[:, 1], np.array(LABELS)[pt.argmax(axis=1)]
    op = operating_point(yt != "no_flip", rev_score)
    pc = oof_cheap[real]
    cheap_score = pc[:, 0] + pc[:, 1]
    later = data.frame["later_id"].to_numpy()[real] if "later_id" in data.frame.columns else None
    cutoff = cascade_cutoff(yt != "no_flip", cheap_score, later)
    kept = np.zeros(len(yt), dtype=bool)
    kept[select_reads(cheap_score, cutoff, later, READ_BUDGET)] = True
    cascaded = apply_table(np.where(kept[:, None], oof[real], pc), real_batch, data.positions, data.short_reader, kept,
                           line=op["threshold"])
    result = {
        "folds": n_splits, "grouping": "actor", "seed": seed, "feature_version": FEATURE_VERSION,
        "nli_model": data.nli_model, "pair_model": None if data.pair is None else data.pair_model_name(),
        "n_pairs": int(real.sum()), "n_actors": int(len(set(groups[real]))),
        "label_counts": {c: int(np.sum(yt == c)) for c in LABELS},
        "model_argmax": metrics(yt, grades, rev_score, pt),
        "model_at_operating_point": metrics(yt, labels_at(pt, op["threshold"]), rev_score, pt),
        "operating_point": op,
        "baselines": {name: metrics(yt, base_pred[name][real].astype(str), base_score[name][real])
                      for name in base_pred},
        "cascade": {"cutoff": round(cutoff, 4), "read_budget": READ_BUDGET, "pairs_read": round(float(kept.mean()), 4),
                    "reversal_recall_lost": round(float(np.mean(~kept[yt != "no_flip"])), 4),
                    "roc_auc": metrics(yt, labels_at(cascaded, op["threshold"]), cascaded[:, 0] + cascaded[:, 1])
                    ["reversal"].get("roc_auc")},
    }
    if scores is not None:
        scores.update(pair_id=data.frame["pair_id"].to_numpy()[real], reversal=rev_score, grade=grades)
    result["baselines"]["cue_lr"] = metrics(yt, np.array(LABELS)[pc.argmax(axis=1)], cheap_score, pc)
    best_base = max(b["macro_f1"] for b in result["baselines"].values())
    result["margin_over_best_baseline_macro_f1"] = round(result["model_argmax"]["macro_f1"] - best_base, 4)
    return result


def train_judge(data: LabelledPairs, *, embedding_model: str, threshold: float, version: str,
                seed: int = SEED, params: dict | None = None, cascade: float | None = None) -> Judge:
    """Fit on every non-synthetic and synthetic pair (synthetic only ever trains)."""
    clf = ReversalClassifier(random_state=seed, **(params or {})).fit(data.features(), data.labels)
    cheap = None
    if data.pair is not None:
        cheap = ReversalClassifier(random_state=seed).fit(data.cheap_features(), data.labels).head()
    return Judge(clf.head(), embedding_model=embedding_model, threshold=threshold, version=version, nli=data.nli_model,
                 pair_model=data.pair_model, cheap_head=cheap, cascade_cutoff=cascade if cheap is not None else None,
                 pair_orders=data.pair_orders, positions=data.positions, grader=data.grader,
                 metadata={"trained_on": {"pairs": int(len(data.labels)), "actors": int(len(set(data.groups)))}})


def write_metrics(result: dict, path: str | Path) -> None:
    Path(path).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
