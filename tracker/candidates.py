"""Which pairs the judge reads: each statement against its actor's nearest earlier statements.

Topics group statements for people; they do not decide what is compared. For each statement, the
candidates are the same actor's earlier statements within the time window: all of them when there
are at most `budget`, otherwise the `budget` nearest by embedding, with room kept for the most recent
statements on the same input `topic` when the user gave one. Search is exact (one matrix product
per block of an actor's statements): at a million statements it stays within minutes because each
statement is only compared with its own actor's (bench/candidates_scale.py).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

DEFAULT_BUDGET = 10
DEFAULT_WINDOW_DAYS = 7300  # 20 years: reversals of record often span decades (99.7 % of labelled ones fit)
TOPIC_SHARE = 0.4  # of the budget, kept for same-topic statements when topics are given
BLOCK = 2048


def neighbour_pairs(actors: np.ndarray, days: np.ndarray, vectors: np.ndarray, *, hints: np.ndarray | None = None,
                    budget: int = DEFAULT_BUDGET, window_days: int = DEFAULT_WINDOW_DAYS,
                    todo: np.ndarray | None = None) -> np.ndarray:
    """(earlier_row, later_row) pairs, sorted by later then earlier.

    Rows must be in time order within each actor (ties broken by ingest order): "earlier" means an
    earlier row of the same actor. `hints` are the input topics ('' where none was given). `todo`
    limits the later statements considered (a detect run only needs new statements' candidates,
    and those of statements whose neighbourhood a new statement entered).
    """
    n = len(actors)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    codes, _ = pd.factorize(actors)
    order = np.argsort(codes, kind="stable")
    bounds = np.flatnonzero(np.r_[True, codes[order][1:] != codes[order][:-1], True])
    want = np.ones(n, dtype=bool) if todo is None else np.isin(np.arange(n), todo)
    hint_codes = None if hints is None else pd.factorize(pd.Series(hints).fillna("").astype(str))[0]
    blank = None if hints is None else (pd.Series(hints).fillna("").astype(str) == "").to_numpy()
    out = []
    for a, b in zip(bounds[:-1], bounds[1:]):
        rows = order[a:b]  # this actor's rows, in time order
        if len(rows) < 2:
            continue
        targets = np.flatnonzero(want[rows])
        targets = targets[targets > 0]
        if len(targets) == 0:
            continue
        out.append(_actor_pairs(rows, days[rows], vectors[rows], targets,
                                None if hint_codes is None else hint_codes[rows],
                                None if blank is None else blank[rows], budget, window_days))
    if not out:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(out)
    return pairs[np.lexsort((pairs[:, 0], pairs[:, 1]))]


def _actor_pairs(rows, days, vecs, targets, hints, blank, budget, window) -> np.ndarray:
    found = []
    first = np.searchsorted(days, days - window, side="left")  # earliest row inside each one's window
    for s in range(0, len(targets), BLOCK):
        t = targets[s:s + BLOCK]
        lo = int(first[t].min())
        hi = int(t.max())
        sims = vecs[t] @ vecs[lo:hi].T  # (block, candidates)
        col = np.arange(lo, hi)
        valid = (col[None, :] < t[:, None]) & (col[None, :] >= first[t][:, None])
        for r, i in enumerate(t.tolist()):
            earlier = col[valid[r]]
            if len(earlier) <= budget:
                chosen = earlier
            else:
                sim = sims[r, valid[r]]
                chosen = np.array([], dtype=np.int64)
                if hints is not None and not blank[i]:
                    same = earlier[hints[earlier] == hints[i]][::-1][: int(round(budget * TOPIC_SHARE))]
                    chosen = same
                rest = budget - len(chosen)
                if rest > 0:
                    free = ~np.isin(earlier, chosen)
                    cand, csim = earlier[free], sim[free]
                    k = min(rest, len(cand))
                    top = np.argpartition(-csim, k - 1)[:k] if k < len(cand) else np.arange(len(cand))
                    chosen = np.concatenate([chosen, cand[top]])
            if len(chosen):
                found.append(np.stack([rows[chosen], np.full(len(chosen), rows[i])], axis=1))
    return np.concatenate(found) if found else np.zeros((0, 2), dtype=np.int64)
