"""Pair features for the judge: embedding similarity plus stance cues.

Embeddings find the topic, not the stance; the cue counts (negation, refusal, openness,
commitment, hedging, change markers) carry the polarity that the vectors blur. The raw
embedding blocks (a·b, |a−b|, 768 columns) were dropped in pairfeat-2: on actor-grouped
cross-validation they lowered macro-F1 from 0.47 to 0.39 (bench/experiments/RESULTS.md).
The cue lexicons are hand-written heuristics, listed here so a reader can audit them. Cues are
counted in the speaker's own words only: a `context` question is embedded with its answer (it says
what the answer is about) but its "?" and negations are the interviewer's, not the speaker's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from tracker.judge.head import softmax

CUES: dict[str, str] = {
    "negation": r"\b(?:not|no|never|nothing|none|nobody|neither|nor|without)\b|n['’]t\b",
    "refusal": r"\b(?:rul(?:e|ed|es|ing) (?:\w+ )?out|reject(?:s|ed)?|oppose[sd]?|opposition|against|refuse[sd]?|"
               r"will not|won['’]t|no way|under no circumstances|off the table|absolutely not|ban|block)\b",
    "openness": r"\b(?:open to|consider(?:ing|ed)?|possib(?:le|ly|ility)|might|could|may|willing|"
                r"on the table|explore|not rule out|don['’]t rule out|look at)\b",
    "commitment": r"\b(?:will|must|definitely|absolutely|guarantee[sd]?|assurance|promise[sd]?|vow(?:ed|s)?|"
                  r"committed|certainly|100 percent|always)\b",
    "hedging": r"\b(?:maybe|perhaps|we['’]ll see|not sure|depends|it['’]s possible|i think|probably|"
               r"at this point|for now|right now|time will tell)\b",
    "support": r"\b(?:support(?:s|ed)?|favou?r(?:s|ed)?|back(?:s|ed)?|endorse[sd]?|in favou?r|good idea|great|"
               r"agree[sd]?|welcome[sd]?|need(?:s|ed)?|should)\b",
    "change": r"\b(?:changed my mind|no longer|not anymore|any ?more|used to|i was wrong|reconsider(?:ed)?|"
              r"evolved|now|instead|shift(?:ed)?|revers(?:e|ed|al)|u-turn|walk(?:ed)? back|rethink)\b",
    "past_self": r"\b(?:i said|i have said|i['’]ve said|i['’]ve always|i have always|as i said|i said before|"
                 r"i was|i did say|i stated)\b",
    "consistency": r"\b(?:still|continue[sd]?|remain(?:s|ed)?|again|reiterate[sd]?|as always|consistent(?:ly)?|"
                   r"same|never changed|long said|always said)\b",
    "conditional": r"\b(?:if|unless|provided|as long as|only if|in the event|would|should .* then)\b",
    "question": r"\?",
}
# The lexicons are lower case and matched against lower-cased text: the same matches as re.IGNORECASE
# (tests/test_classify.py checks it on every real text in data/) at 2.6x the speed, which matters at
# a million statements.
_COMPILED = {name: re.compile(pattern) for name, pattern in CUES.items()}
CUE_NAMES = tuple(CUES)
FEATURE_VERSION = "pairfeat-2"


def cue_counts(texts: list[str]) -> np.ndarray:
    """log1p counts of each cue family, one row per text."""
    out = np.zeros((len(texts), len(CUE_NAMES)), dtype=np.float32)
    patterns = [_COMPILED[name] for name in CUE_NAMES]
    for i, text in enumerate(texts):
        low = text.lower()
        out[i] = [len(p.findall(low)) for p in patterns]
    return np.log1p(out)


def active_cues(text: str) -> list[str]:
    low = text.lower()
    return [name for name in CUE_NAMES if _COMPILED[name].search(low)]


@dataclass
class PairBatch:
    """What the judge sees of each pair: both texts, their vectors, the days between them.

    cues_a / cues_b may carry cue counts computed once per statement (detect does, so a statement in
    eight pairs is not regex-scanned eight times); they are computed from the texts otherwise.
    """

    text_a: list[str]
    text_b: list[str]
    emb_a: np.ndarray
    emb_b: np.ndarray
    gap_days: np.ndarray
    cues_a: np.ndarray | None = None
    cues_b: np.ndarray | None = None
    topic: list[str] | None = None  # the timeline's topic label, the target of the stance view
    later: np.ndarray | None = None  # the later statement of each pair, for the cascade's read budget

    def __len__(self) -> int:
        return len(self.text_a)

    def subset(self, idx: np.ndarray) -> "PairBatch":
        pick = lambda seq: None if seq is None else [seq[i] for i in idx]  # noqa: E731
        arr = lambda a: None if a is None else a[idx]  # noqa: E731
        return PairBatch(pick(self.text_a), pick(self.text_b), self.emb_a[idx], self.emb_b[idx],
                         np.asarray(self.gap_days)[idx], arr(self.cues_a), arr(self.cues_b), pick(self.topic),
                         arr(self.later))


def day_numbers(dates) -> np.ndarray:
    """Days since 1970 of each date's first day ('2025', '2025-08' and '2025-08-18' all work); -1 if unknown."""
    import pandas as pd

    def first(value) -> str:
        parts = str(value).split("-")
        return "-".join(parts + ["01"] * (3 - len(parts))) if value and str(value) != "nan" else ""

    parsed = pd.to_datetime(pd.Series([first(d) for d in dates], dtype=object), errors="coerce", format="mixed")
    days = parsed.to_numpy().astype("datetime64[D]").astype(np.int64)
    return np.where(parsed.isna().to_numpy(), -1, days)


def gap_days(day_a: np.ndarray, day_b: np.ndarray) -> np.ndarray:
    """The one rule for the days between two statements: later minus earlier, never negative, 0 if unknown."""
    day_a, day_b = np.asarray(day_a), np.asarray(day_b)
    known = (day_a >= 0) & (day_b >= 0)
    return np.where(known, np.clip(day_b - day_a, 0, None), 0)


def pair_features(batch: PairBatch) -> np.ndarray:
    a, b = batch.emb_a.astype(np.float32), batch.emb_b.astype(np.float32)
    cos = np.sum(a * b, axis=1, keepdims=True)
    ca = batch.cues_a if batch.cues_a is not None else cue_counts(batch.text_a)
    cb = batch.cues_b if batch.cues_b is not None else cue_counts(batch.text_b)
    neg_flip = ((ca[:, :1] > 0) != (cb[:, :1] > 0)).astype(np.float32)
    gap = np.log1p(np.clip(np.asarray(batch.gap_days, dtype=np.float32), 0, None)).reshape(-1, 1)
    return np.hstack([cos, ca, cb, cb - ca, np.abs(cb - ca), neg_flip, gap]).astype(np.float32)


PAIR_MODEL_FEATURES = {  # by how many reading orders the judge uses
    1: ("p_oppose_ab", "p_agree_ab", "p_neutral_ab", "stance_gap", "stance_product"),
    2: ("p_oppose_ab", "p_agree_ab", "p_neutral_ab", "p_oppose_ba", "p_agree_ba", "p_neutral_ba",
        "logit_oppose_mean", "stance_gap", "stance_product"),
}
STANCE_CACHE_SIZE = 500_000  # (topic, statement) stances a pair model keeps between batches


def pair_model_features(model, batch: PairBatch, *, orders: int = 1) -> np.ndarray:
    """What the pair model reads: both statements together (earlier, later; with orders=2 also later,
    earlier) and each statement's stance toward the timeline's topic. Columns: PAIR_MODEL_FEATURES[orders].
    A statement's stance is read once per topic and kept on the model, however many pairs it is in."""
    n = len(batch)
    ab = softmax(model.logits(batch.text_a, batch.text_b))
    stance_a = stance_b = np.zeros(n)
    if batch.topic is not None and any(batch.topic):
        topics = [t or "" for t in batch.topic]
        cache = getattr(model, "stance_cache", None)
        cache = {} if cache is None else cache  # a model without one (a test double) reads every time
        wanted = list(dict.fromkeys((t, x) for t, x in zip(topics + topics, batch.text_a + batch.text_b) if t))
        todo = [k for k in wanted if k not in cache]
        if todo:
            if len(cache) + len(todo) > STANCE_CACHE_SIZE:
                cache.clear()
            p = softmax(model.logits([k[0] for k in todo], [k[1] for k in todo]))
            cache.update(zip(todo, (p[:, 1] - p[:, 0]).tolist()))
        stance_a = np.array([cache.get((t, x), 0.0) if t else 0.0 for t, x in zip(topics, batch.text_a)])
        stance_b = np.array([cache.get((t, x), 0.0) if t else 0.0 for t, x in zip(topics, batch.text_b)])
    stance = [np.abs(stance_a - stance_b), stance_a * stance_b]
    if orders == 1:
        return np.column_stack([ab, *stance]).astype(np.float32)
    ba = softmax(model.logits(batch.text_b, batch.text_a))
    opp = np.clip((ab[:, 0] + ba[:, 0]) / 2, 1e-4, 1 - 1e-4)
    return np.column_stack([ab, ba, np.log(opp / (1 - opp)), *stance]).astype(np.float32)
