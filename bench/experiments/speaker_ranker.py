"""A learned speaker ranker, measured against the speaker rules (not shipped; docs/extraction.md).

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/speaker_ranker.py          # development articles
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/speaker_ranker.py --test   # + the one test reading

Candidates for a statement's speaker are the people and bodies the article names (as the extraction's
discourse registers them); each is described by its mentions around the statement and a logistic
regression picks one. Development numbers are cross-validated by article; with --test, a ranker fitted
on all development articles reads the frozen test articles.
"""

import bisect
import math
import re
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

import tracker.extraction.extract as X
from tracker.extraction.discourse import Discourse
from tracker.extraction.evaluate import _same_speaker, match, read_events, read_gold, split_of
from tracker.extraction.read import read_article

KINDS = ["direct", "reported", "description"]
STATES, FOUND = [], []


class _Recorded(Discourse):
    def __init__(self):
        super().__init__()
        STATES.append(self)


_rules_dates = X.resolve_dates


def _recorded_dates(article, found, quotes):
    FOUND.append(list(found))
    return _rules_dates(article, found, quotes)


X.Discourse, X.resolve_dates = _Recorded, _recorded_dates


def rows(split: str) -> list[dict]:
    root = Path("data/articles")
    gold, events, nlp = read_gold(root), read_events(root), X.load_nlp()
    out = []
    for name in sorted(gold):
        if split_of(name, events) != split:
            continue
        STATES.clear(), FOUND.clear()
        art = read_article(root / name)
        pred = X.extract_statements(art, nlp=nlp)
        st, found, text = STATES[-1], FOUND[-1], art.text
        roles = X.named_roles(st, text, {f.speaker for f in found})
        final = lambda n: roles.get(st.full_name(n), st.full_name(n))  # noqa: E731
        starts = [m.start() for m in re.finditer(r"(?<=\n)[^\n]*\S", text)]
        para = lambda i: bisect.bisect_right(starts, i)  # noqa: E731
        people = list(st.people.values())
        order = {p.name: k for k, p in enumerate(sorted(people, key=lambda p: min((o for o, _ in p.mentions), default=10**9)))}
        for i, j, _ in match(pred, gold[name]):
            f, rule = found[i], pred[i].speaker
            prev = pred[i - 1].speaker if i > 0 else None
            cands: dict[str, dict] = {}
            for p in people:
                ms = p.mentions
                before = [f.anchor - o for o, s in ms if o <= f.anchor]
                after = [o - f.anchor for o, s in ms if o > f.anchor]
                subj_before = [f.anchor - o for o, s in ms if s and o <= f.anchor]
                feats = {
                    "rule": float(final(p.name) == rule),
                    "subj_in_sent": float(any(s and f.sent_start <= o < f.sent_end for o, s in ms)),
                    "ment_in_sent": float(any(f.sent_start <= o < f.sent_end for o, s in ms)),
                    "in_text": float(any(f.start <= o < f.end for o, s in ms)),
                    "d_before": math.log1p(min(before)) / 10 if before else 1.0,
                    "d_subj_before": math.log1p(min(subj_before)) / 10 if subj_before else 1.0,
                    "d_after": math.log1p(min(after)) / 10 if after else 1.0,
                    "same_para": math.log1p(sum(para(o) == para(f.sent_start) for o, _ in ms)),
                    "prev_para": math.log1p(sum(para(o) == para(f.sent_start) - 1 for o, _ in ms)),
                    "n_ment": math.log1p(len(ms)), "n_subj": math.log1p(sum(s for _, s in ms)),
                    "prev_speaker": float(final(p.name) == prev), "anonymous": float(p.anonymous),
                    "body": float(p.gender == "n"), "titled": float(bool(p.titles)),
                    "first": float(order[p.name] == 0), "rank": min(order[p.name], 10) / 10,
                }
                old = cands.get(final(p.name))
                cands[final(p.name)] = feats if old is None else {
                    k: (min if k.startswith("d_") else max)(v, old[k]) for k, v in feats.items()}
            cands.setdefault(rule, {"rule": 1.0, "d_before": 1.0, "d_subj_before": 1.0, "d_after": 1.0, "unknown": 1.0})
            out.append({"article": name, "rule": rule, "kind": f.kind, "cands": cands,
                        "labels": {c: _same_speaker(c, gold[name][j].speaker) for c in cands}})
    return out


def _features(keys):
    return lambda c, kind: [c.get(k, 0.0) for k in keys] + [c.get(k, 0.0) * float(kind == kk) for k in keys for kk in KINDS]


def _pick(model, feats, row) -> bool:
    names = list(row["cands"])
    x = np.array([feats(row["cands"][c], row["kind"]) for c in names])
    return row["labels"][names[int(np.argmax(model.predict_proba(x)[:, 1]))]]


def _fit(data, feats):
    x = np.array([feats(c, d["kind"]) for d in data for c in d["cands"].values()])
    y = np.array([d["labels"][c] for d in data for c in d["cands"]])
    return LogisticRegression(C=1, max_iter=5000).fit(x, y)


def report(name, data, right):
    rule = np.array([d["labels"][d["rule"]] for d in data])
    print(f"{name}: {right.mean():.3f} (rules {rule.mean():.3f}; fixed {int((right & ~rule).sum())}, "
          f"broke {int((~right & rule).sum())}; gold among the candidates {np.mean([any(d['labels'].values()) for d in data]):.3f})")


dev = rows("dev")
arts = np.array([d["article"] for d in dev])
for drop in ({"rule"}, set()):
    feats = _features(sorted({k for d in dev for c in d["cands"].values() for k in c} - drop))
    right = np.zeros(len(dev), bool)
    for tr, te in GroupKFold(5).split(np.zeros(len(dev)), groups=arts):
        model = _fit([dev[i] for i in tr], feats)
        right[te] = [_pick(model, feats, dev[i]) for i in te]
    report(f"development, 5-fold by article, {'without' if drop else 'with'} the rules' speaker", dev, right)
if "--test" in sys.argv:
    test = rows("test")
    feats = _features(sorted({k for d in dev for c in d["cands"].values() for k in c} - {"rule"}))
    model = _fit(dev, feats)
    report("test, fitted on all development articles, without the rules' speaker", test,
           np.array([_pick(model, feats, d) for d in test]))
