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

    def __len__(self) -> int:
        return len(self.text_a)


def pair_features(batch: PairBatch) -> np.ndarray:
    a, b = batch.emb_a.astype(np.float32), batch.emb_b.astype(np.float32)
    cos = np.sum(a * b, axis=1, keepdims=True)
    ca = batch.cues_a if batch.cues_a is not None else cue_counts(batch.text_a)
    cb = batch.cues_b if batch.cues_b is not None else cue_counts(batch.text_b)
    neg_flip = ((ca[:, :1] > 0) != (cb[:, :1] > 0)).astype(np.float32)
    gap = np.log1p(np.clip(np.asarray(batch.gap_days, dtype=np.float32), 0, None)).reshape(-1, 1)
    return np.hstack([cos, ca, cb, cb - ca, np.abs(cb - ca), neg_flip, gap]).astype(np.float32)
