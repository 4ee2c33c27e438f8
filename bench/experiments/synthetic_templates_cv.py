"""Do synthetic template pairs teach the classifier the textbook reversal without hurting real data?

Template pairs ("We will not {p}." vs "We are open to the idea to {p}.") over 30 policy propositions
(none about troops or Ukraine, so the seed article stays unseen) are added to each training fold only,
at full weight or down-weighted; real pairs are scored out of fold on the folds of
tracker.judge.train.cross_validate. Also reported: AUC on held-out templates and propositions, and the
reversal score of the seed pair with and without its context.

Run: HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/synthetic_templates_cv.py
Result (2026-11-27): see RESULTS.md, "Polarity-contrast features and synthetic template pairs".
"""
import numpy as np
from common import PROPS, folds, load_frame, markdown_table, pairs, summarise
from tracker.embed import Embedder
from tracker.judge.estimator import ReversalClassifier
from tracker.judge.features import CUES, PairBatch, cue_counts, pair_features

emb = Embedder()
frame = load_frame(); y = frame["label"].to_numpy(); n = len(y)
ta, tb = list(frame.text_a), list(frame.text_b)
v = emb.encode(ta + tb)
def feats(a, b, va, vb, gap, inter):
    X = pair_features(PairBatch(a, b, va, vb, gap))
    if not inter: return X
    ca, cb = cue_counts(a), cue_counts(b); idx = {k: i for i, k in enumerate(CUES)}
    pol = lambda c: (c[:, idx["openness"]] + c[:, idx["support"]] + c[:, idx["commitment"]]) - 2*(c[:, idx["negation"]] + c[:, idx["refusal"]])
    d = np.abs(pol(cb) - pol(ca)); cos = X[:, 0]
    return np.hstack([X, np.c_[cos * d, cos * X[:, -2]]])
SP = PROPS[:22]; HP = PROPS[22:]
s_tr = pairs(SP, [0, 1, 2, 3], 300, seed=1)
s_te = pairs(HP, [4, 5], 150, seed=2)
def enc(ps):
    a = [x[0] for x in ps]; b = [x[1] for x in ps]; e = emb.encode(a + b); m = len(a)
    return a, b, e[:m], e[m:], np.zeros(m), np.array([x[2] for x in ps])
S = enc(s_tr); H = enc(s_te)
seed_pairs = [("appeared possibly open to the idea just a day earlier", "he will not send American troops to enforce a possible peace agreement in Ukraine centered on ‘security guarantees"),
  ("appeared possibly open to the idea [of sending American troops to enforce a possible peace agreement in Ukraine] just a day earlier", "he will not send American troops to enforce a possible peace agreement in Ukraine centered on ‘security guarantees"),
  ("appeared possibly open to the idea [of sending American troops to enforce a possible peace agreement in Ukraine] just a day earlier", "Trump has definitively ruled out deploying US ground forces to Ukraine, according to CNN"),
  ("We would consider sending troops to Ukraine", "We will not send troops to Ukraine")]
P = enc([(a, b, "x") for a, b in seed_pairs])
rows = []
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression
class WRC(ReversalClassifier):
    def fit(self, X, y, w=None):
        self._w = w
        self.calibrate = False
        return super().fit(X, y)
    def _fit_lr(self, X, y):
        sc = StandardScaler().fit(X, sample_weight=self._w)
        lr = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=5000).fit(sc.transform(X), y, sample_weight=self._w)
        return sc, lr

for inter in (False, True):
    X = feats(ta, tb, v[:n], v[n:], frame.gap_days.to_numpy(), inter)
    XS = feats(*S[:5], inter); XH = feats(*H[:5], inter); XP = feats(*P[:5], inter)
    for use_s in (False, 1.0, 0.25, 0.1):
        oof = np.zeros((n, 3))
        for tr, te in folds(frame):
            Xtr, ytr = (np.vstack([X[tr], XS]), np.r_[y[tr], S[5]]) if use_s else (X[tr], y[tr])
            w = np.r_[np.ones(len(tr)), np.full(len(XS), use_s)] if use_s else None
            oof[te] = WRC(C=0.05).fit(Xtr, ytr, w).predict_proba(X[te])
        name = f"inter={inter} synth={use_s}"
        rows.append(summarise(name, y, oof, []))
        Xall, yall = (np.vstack([X, XS]), np.r_[y, S[5]]) if use_s else (X, y)
        clf = WRC(C=0.05).fit(Xall, yall, np.r_[np.ones(n), np.full(len(XS), use_s)] if use_s else None)
        ph = clf.predict_proba(XH); rev = ph[:, 0] + ph[:, 1]
        from sklearn.metrics import roc_auc_score
        print(name, "heldout-synth AUC", round(roc_auc_score(H[5] != "no_flip", rev), 3),
              "seed rev", np.round(clf.predict_proba(XP)[:, :2].sum(1), 3))
print(markdown_table(rows))
