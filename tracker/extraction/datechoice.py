"""The day a statement was made, chosen among candidate days by a model fitted on the development articles.

The date rules (tracker/extraction/dates.py) give one day per statement; this module lists every day the
article offers it (that rule day, the day of a cue in its own sentence, the last few days and the last month or
year named before it, the story's news frame, the article day and the day before, the day of the statement before
and of this speaker's last one, and the day or month a cue of this speaker's own sentence last named), describes
each, and five boosted tree ensembles, averaged, pick one. The rules' day counts only as one more signal naming a
day, so the model learns from the articles' gold when to follow which cue.
Fitted with `tracker train-extraction` on the development articles only; weights are JSON.
"""

from __future__ import annotations

import bisect
import collections
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from tracker.errors import InputError
from tracker.extraction.dates import FRAME_CUES, after_event, find_cues, one_act, resolved_cues
from tracker.extraction.read import Article
from tracker.extraction.records import Found, Quote

SHIPPED_DATES_MODEL = Path(__file__).resolve().parents[2] / "models" / "extraction" / "dates.json"
FORMAT = "date-choice-2"
PREVIOUS = 3  # how many distinct earlier days are candidates
NOT_OURS = ("own_excl", "excl_")
DESCRIBED = ("age", "age0", "age1", "n_cues", "para_dist")  # what every candidate day has; the rest are signals


@dataclass
class Candidates:
    """One statement's candidate days, each with its features, and what is known of the statement."""

    days: dict[dt.date, dict[str, float]]
    context: dict[str, float]
    precision: dict[dt.date, str]  # each day's precision (day / month / year)
    settled: bool = False  # the statement fixes its own day: the rules' day stands

    @property
    def rule_day(self) -> dt.date:
        return next(d for d, feats in self.days.items() if feats.get("rule"))


def date_candidates(article: Article, found: list[Found], quotes: list[Quote],
                    rule_days: list[tuple[dt.date, str]]) -> list[Candidates]:
    """Every statement's candidate days, read from the article's date cues and the rules' days."""
    text, day0 = article.text, article.date or dt.date.today()
    named = resolved_cues(find_cues(text, quotes), day0)
    # 'he said then' names no day of its own: it dates its sentence; 'a day after he …' dates its own clause
    res = [r for r in named if r[0].kind not in ("then", "after_event")]
    content = [(f.start, f.end) for f in found if f.kind == "reported"]
    described = [f for f in found if f.kind == "description"]
    frame = next((d for c, d, p in res if c.kind in FRAME_CUES and p == "day"), None)
    starts = [m.start() for m in re.finditer(r"(?<=\n)[^\n]*\S", text)]  # paragraphs are non-empty lines
    para = lambda i: bisect.bisect_right(starts, i)  # noqa: E731  (how many paragraphs began before i)
    # the lede's first day, not one inside a description ('despite having appeared open to it a day earlier'
    # dates that earlier position, not the news)
    lead = [d for c, d, p in res if p == "day" and para(c.start) <= 1
            and not any(g.start <= c.start < g.end and g.contrasts is not None for g in described)]
    per_day = collections.Counter(d for c, d, p in res if p == "day")
    out, last_of, dated_of = [], {}, {}
    for i, f in enumerate(found):
        days: dict[dt.date, dict[str, float]] = collections.defaultdict(dict)
        precision = {rule_days[i][0]: rule_days[i][1]}

        def add(day, key):
            if day is not None:
                days[day][key] = 1.0

        add(rule_days[i][0], "rule")
        add(day0, "day0")
        add(day0 - dt.timedelta(days=1), "day0m1")
        add(frame, "frame")
        add(lead[0] if lead else None, "lead")
        # … nor is a cue inside the earlier position the writer sets this statement against ('despite having appeared
        # open to it a day earlier' dates that position)
        own = [(c, d, p) for c, d, p in named if f.sent_start <= c.start < f.sent_end and not after_event(c, f)
               and not any(g.start <= c.start < g.end and g.contrasts is f for g in described)]
        # a cue inside a reported clause or another statement's description is not this statement's
        others = f.excluded + content + [(g.start, g.end) for g in described if g is not f and not one_act(g, f)]
        for c, d, p in own:
            theirs = any(s <= c.start < e for s, e in others)
            add(d, "own_excl" if theirs else "own")
            add(d, ("excl_" if theirs else "own_") + c.kind)
            precision.setdefault(d, p)
        earlier = [(c, d) for c, d, p in res if c.start < f.sent_start and p == "day"]
        seen: list[dt.date] = []
        for c, d in reversed(earlier):
            if d in seen:
                continue
            seen.append(d)
            add(d, f"prev{len(seen)}")
            add(d, "prev_same_para" if para(c.start) == para(f.sent_start) else "prev_other_para")
            if any(s <= c.start < e for s, e in content):
                add(d, "prev_in_content")
            add(d, "prev_" + c.kind)
            if len(seen) == PREVIOUS:
                break
        # the last month or year named before it ('In November 2012, he told …'): retrospectives date by these
        coarse = [(c, d, p) for c, d, p in res if c.start < f.sent_start and p != "day"]
        if coarse:
            c, d, p = coarse[-1]
            add(d, "prev_coarse")
            add(d, "prev_coarse_same_para" if para(c.start) == para(f.sent_start) else "prev_coarse_other_para")
            precision.setdefault(d, p)
        if i > 0:
            add(rule_days[i - 1][0], "prev_stmt")
        add(last_of.get(f.speaker), "same_speaker")
        last_of[f.speaker] = rule_days[i][0]
        # the day (or month, or year) this speaker was last said to speak on, by a cue of their own sentence
        mine = [(d, p) for c, d, p in own if not any(s <= c.start < e for s, e in others)]
        if mine and f.speaker:
            dated_of[f.speaker] = mine[-1]
        elif f.speaker in dated_of:
            add(dated_of[f.speaker][0], "speaker_dated")
            precision.setdefault(*dated_of[f.speaker])
        for d, feats in days.items():
            feats["age"] = min(30, max(0, (day0 - d).days)) / 30
            feats["age0"] = float(d == day0)
            feats["age1"] = float((day0 - d).days == 1)
            feats["n_cues"] = float(np.log1p(per_day.get(d, 0)))
            near = [para(f.sent_start) - para(c.start) for c, dd, _ in res if dd == d and c.start < f.sent_start]
            feats["para_dist"] = min(10, min(near)) / 10 if near else 1.0
        # the rules' day stands where the statement fixes it: a post's own date, the present tense, a
        # transcript line, or a cue of its own sentence
        settled = bool(f.fixed_date or f.present or f.on_frame or "own" in days.get(rule_days[i][0], {}))
        context = {"present": float(f.present), "on_frame": float(f.on_frame), "fixed": float(f.fixed_date is not None),
                   "kind_" + f.kind: 1.0, "has_own": float(bool(own)), "has_frame": float(frame is not None),
                   "first_para": float(para(f.sent_start) <= 1)}
        out.append(Candidates(dict(days), context, precision, settled))
    return out


def written(day: dt.date, precision: str) -> str:
    """A day as the gold writes it: `2019-07` for a day known only to its month, `2019` to its year."""
    return day.isoformat()[:{"month": 7, "year": 4}.get(precision, 10)]


class DateChooser:
    """Scores each candidate day of a statement and keeps the best; `fit` learns the scores from gold days.

    The scores are the average of a few small boosted tree ensembles: which cue wins depends on the others (a look
    back in the previous paragraph beats the news frame only when no cue of the statement's own names a day), and
    trees read those interactions from the features as they are. Saved as plain JSON arrays, never pickled."""

    def __init__(self, day_features: list[str], context_features: list[str], trees: list[dict] | None = None,
                 rate: float = 0.0, meta: dict | None = None):
        self.day_features = [k for k in day_features if k != "rule"]  # the rules' day is never a feature
        self.context_features = list(context_features)
        self.trees = [{k: np.asarray(v) for k, v in t.items()} for t in trees or []]
        self._stack: tuple | None = None  # the trees stacked for scoring, built on first use
        self.rate = float(rate)
        self.meta = meta or {}

    @property
    def width(self) -> int:
        return len(self.day_features) + len(self.context_features) + 2

    def _row(self, feats: dict[str, float], context: dict[str, float], n_days: int) -> list[float]:
        # how many signals name this day, the rules' day among them; another statement's cue is no signal
        signals = sum(not k.startswith(NOT_OURS) for k in feats) - len(DESCRIBED)
        return ([feats.get(k, 0.0) for k in self.day_features] + [context.get(k, 0.0) for k in self.context_features]
                + [float(signals), float(n_days)])

    def matrix(self, cands: Candidates) -> tuple[list[dt.date], np.ndarray]:
        days = list(cands.days)
        return days, np.array([self._row(cands.days[d], cands.context, len(days)) for d in days])

    def scores(self, x: np.ndarray) -> np.ndarray:
        """Each row's score (log-odds up to a constant): the sum of the trees' leaf values. All trees descend
        together, one level per step, so the cost is the depth's few array operations, not one loop per tree."""
        if not self.trees:
            return np.zeros(len(x))
        depth, left, right, feature, threshold, value = self._stacked()
        node = np.zeros((len(self.trees), len(x)), dtype=int)
        rows = np.arange(len(x))[None, :]
        for _ in range(depth):
            lo, hi = np.take_along_axis(left, node, axis=1), np.take_along_axis(right, node, axis=1)
            split = np.maximum(np.take_along_axis(feature, node, axis=1), 0)  # a leaf's feature is negative
            go_left = x[rows, split] <= np.take_along_axis(threshold, node, axis=1)
            node = np.where(lo < 0, node, np.where(go_left, lo, hi))
        return self.rate * np.take_along_axis(value, node, axis=1).sum(axis=0)

    def _stacked(self) -> tuple:
        """The deepest tree's depth, and the trees' arrays as one (trees x nodes) array each, padded with leaves."""
        if self._stack is None:
            width = max(len(t["value"]) for t in self.trees)

            def pad(key, fill):
                return np.array([np.pad(t[key], (0, width - len(t[key])), constant_values=fill) for t in self.trees])
            self._stack = (max(t["depth"].item() for t in self.trees), pad("left", -1), pad("right", -1),
                           pad("feature", 0), pad("threshold", 0.0), pad("value", 0.0))
        return self._stack

    def choose(self, cands: Candidates) -> tuple[dt.date, str]:
        if cands.settled:
            return cands.rule_day, cands.precision[cands.rule_day]
        days, x = self.matrix(cands)
        best = days[int(np.argmax(self.scores(x)))]
        return best, cands.precision.get(best, "day")

    @classmethod
    def fit(cls, examples: list[tuple[Candidates, str]], meta: dict | None = None) -> "DateChooser":
        """Fit on (candidates, gold ISO day) pairs: every candidate day of an unsettled statement is a row,
        the gold day's is positive."""
        from sklearn.ensemble import GradientBoostingClassifier

        if not examples:
            raise InputError("no statements to fit the date chooser on (are there development articles with gold?)")
        day_keys = sorted({k for c, _ in examples for feats in c.days.values() for k in feats})
        ctx_keys = sorted({k for c, _ in examples for k in c.context})
        chooser = cls(day_keys, ctx_keys, meta=meta)
        rows, labels = [], []
        for cands, gold in examples:
            if cands.settled:
                continue  # the rules' day stands for these; the model learns the rest
            days, x = chooser.matrix(cands)
            rows.append(x)
            labels.extend(int(written(d, cands.precision.get(d, "day")) == gold) for d in days)
        # the average of a few ensembles fitted on different subsamples: one ensemble's choice at the margin moves
        # with each refit, the average much less; its scores are the trees' sum at the rate over their number
        x, trees = np.vstack(rows), []
        for seed in range(SEEDS):
            model = GradientBoostingClassifier(**BOOSTING, random_state=seed).fit(x, labels)
            trees.extend(_tree(est.tree_) for est in model.estimators_[:, 0])
        chooser.rate = BOOSTING["learning_rate"] / SEEDS
        chooser.trees, chooser._stack = trees, None
        return chooser

    def save(self, path: str | Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        body = {"format": FORMAT, "boosting": BOOSTING, "seeds": SEEDS, "day_features": self.day_features,
                "context_features": self.context_features, "rate": self.rate,
                "trees": [{k: v.tolist() for k, v in t.items()} for t in self.trees], **self.meta}
        path.write_text(json.dumps(body) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path = SHIPPED_DATES_MODEL) -> "DateChooser":
        path = Path(path)
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise InputError(f"{path}: cannot read the date chooser ({e}); `tracker train-extraction` writes it") from e
        if body.get("format") != FORMAT:
            raise InputError(f"{path}: field 'format' is {body.get('format')!r}, expected {FORMAT!r}")
        try:
            chooser = cls(body["day_features"], body["context_features"], body["trees"], body["rate"],
                          {k: v for k, v in body.items() if k not in {"format", "boosting", "seeds", "day_features",
                                                                    "context_features", "trees", "rate"}})
        except (KeyError, TypeError, ValueError) as e:
            raise InputError(f"{path}: field {e} is missing or malformed; `tracker train-extraction` writes it") from e
        for i, t in enumerate(chooser.trees):
            if not _well_formed(t, chooser.width):
                raise InputError(f"{path}: field 'trees' entry {i} is not a tree over {chooser.width} features")
        return chooser


BOOSTING = {"n_estimators": 400, "max_depth": 3, "learning_rate": 0.05, "subsample": 0.8}
SEEDS = 5  # ensembles averaged


def _tree(tree) -> dict[str, np.ndarray]:
    """A fitted sklearn regression tree as arrays: children (-1 at a leaf), split feature and threshold, leaf value."""
    return {"left": tree.children_left.copy(), "right": tree.children_right.copy(), "feature": tree.feature.copy(),
            "threshold": tree.threshold.copy(), "value": tree.value[:, 0, 0].copy(),
            "depth": np.asarray(tree.max_depth)}


def _well_formed(t: dict[str, np.ndarray], width: int) -> bool:
    keys = {"left", "right", "feature", "threshold", "value", "depth"}
    if set(t) != keys or t["depth"].ndim != 0:
        return False
    n = len(t["value"])
    if any(t[k].shape != (n,) for k in keys - {"depth"}):
        return False
    inner = t["left"] >= 0
    return bool(np.all(t["left"] < n) and np.all(t["right"] < n) and np.all(t["feature"][inner] < width)
                and np.all(t["feature"][inner] >= 0) and np.all((t["right"] >= 0) == inner))


def cross_validate(examples: list[tuple[Candidates, str, str]], folds: int = 5) -> np.ndarray:
    """For each (candidates, gold day, article) row, whether a chooser fitted with its article held out
    picks the gold day."""
    from sklearn.model_selection import GroupKFold

    right = np.zeros(len(examples), dtype=bool)
    groups = [a for _, _, a in examples]
    for train, test in GroupKFold(folds).split(np.zeros(len(examples)), groups=groups):
        chooser = DateChooser.fit([examples[i][:2] for i in train])
        right[test] = [written(*chooser.choose(examples[i][0])) == examples[i][1] for i in test]
    return right


@lru_cache(maxsize=1)
def shipped_chooser() -> DateChooser:
    return DateChooser.load()


def gold_fingerprint(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()
