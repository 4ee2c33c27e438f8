"""The pair model's second task (grading short pairs full_flop / half_flip / no_flip), measured apart.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/graded_pairs.py --textbook-only build/graded_only [--judge DIR]
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/graded_pairs.py --int8 build/stage1/torch
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/graded_pairs.py --read-set textbook_dev13.csv [--judge DIR] \
        [--calibrate-on 10,14,15]
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/graded_pairs.py --candidate build/candidate14
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/graded_pairs.py --base-compare WORK [--base DIR] [--share 0.5] \
        [--sets NAME,...] [--train-sets NAME,...]
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/graded_pairs.py --grading-pass WORK --from STAGE1/torch [--epochs 3] \
        [--train-sets NAME,...]
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/graded_pairs.py --read-ways [--judge DIR] [--sets NAME,...]

--textbook-only WORK: a cross-encoder fitted on the synthetic textbook sets 1-9 and 11 alone (six epochs from the
bundled MiniLM-L6, into WORK), then sets 12 and 10, which it did not see, read three ways at the judge's threshold:
the judge as it is, the word lists first and this grader on the short plain pairs they do not place, and this grader
on every short plain pair. This is how the order (word lists first) was chosen, before the contrast set was read.
--int8 DIR: the grader alone on the contrast set, the fp32 torch model in DIR (stage 1's `torch` folder) against the
shipped int8 graph: ROC-AUC and accuracy at 0.5 (evaluation only: the contrast set tunes nothing).
--read-set NAME: a textbook set no model or rule has seen, read at the judge's threshold by the judge as it is, and
three other ways: word lists first (the grader where they do not place a short plain pair), the grader on every
short plain pair, and the mean of the two (neither on the judge's scale); each with the grader's raw grades and,
with --calibrate-on, with grades Platt-scaled on textbook sets the grader did not train on. This is how the grader's share and its calibration are decided.
--candidate WORK: both stages as `tracker train --pretrain` runs them, with textbook sets 14 and 15 added to the
graded task (stage 1 in WORK, the judge in WORK/judge), for reading with --read-set and against the real pairs.
--base-compare WORK: a grader fitted on the joint task's textbook sets (1-9, 11, 12) alone (or a `--share` of their pairs), six
epochs from `--base` (a local encoder; default the bundled MiniLM-L6), then held-out sets (`--sets`, default 13 and 16)
read two ways at
the shipped judge's threshold: word lists first, then this grader; this grader on every short plain pair. One
point of a learning curve per base model. `--train-sets` names other textbook sets to learn from (both here and
in --grading-pass).
--grading-pass WORK: stage 1's joint pair model (`--from`, the `torch` folder `tracker train --pretrain` leaves in
`--work`) trained further on the textbook sets with as many public pairs replayed (`workflow.grading_pass`), stage 2
refitted on it (WORK/judge), then sets 10, 13 and 16 read four ways (word lists first, as the judge does; the
grader first; their mean; their mean with its reversal odds shifted so even odds sit at the judge's threshold), at
the judge's threshold and at 0.5, and the real pairs cross-validated each way. --read-ways: the same readings of a
judge already trained (default: the shipped one); with --sets, those textbook sets only; --ways 3,4 reads only
those of the WAYS (3: what the judge does; 4: the grader on every short plain pair, on the judge's scale).
"""

import sys

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from tracker.embed import Embedder
from tracker.judge.corpora import JOINT_SETS, SYNTHETIC_DIR, graded_table
from tracker.judge.evaluate import contrast_batch, grader_readings, load_contrast
from tracker.judge.model import SHIPPED_MODEL_DIR, Judge, decide
from tracker.judge.pairmodel import PairModel, fit_pair_model
from tracker.judge.polarity import apply_table


def arg(name, default=None):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def train_sets() -> tuple[str, ...]:
    """The textbook sets a grader learns from: `--train-sets NAME,...`, else the joint pass's (sets 1-9, 11, 12)."""
    return tuple(arg("--train-sets").split(",")) if "--train-sets" in sys.argv else JOINT_SETS


if "--textbook-only" in sys.argv:
    work = arg("--textbook-only")
    seen = JOINT_SETS[:10]  # sets 1-9 and 11
    fit_pair_model(graded_table(sets=seen, repeat=1), out_dir=work, epochs=6, lr=4e-5)
    grader, judge, embedder = PairModel(work), Judge.load(arg("--judge", SHIPPED_MODEL_DIR)), Embedder(None)
    for name in ("textbook_dev12.csv", "textbook_dev10.csv"):
        pairs = pd.read_csv(SYNTHETIC_DIR / name, dtype=str, keep_default_na=False)
        batch, rev = contrast_batch(pairs, embedder), pairs["label"].to_numpy() != "no_flip"
        head = judge.head_reading(batch, cascade=False)[0]
        ways = {"the judge as it is": judge.predict_proba(batch, cascade=False),
                "word lists, then the grader": apply_table(head, batch, judge.positions, grader),
                "the grader on every short plain pair": apply_table(head, batch, None, grader)}
        for way, proba in ways.items():
            right = (decide(proba, judge.threshold) != "no_flip") == rev
            print(f"{name}: {way}: {right.mean():.3f} (threshold {judge.threshold})")

if "--int8" in sys.argv:
    frame = load_contrast()
    y = (frame["label"] != "no_flip").to_numpy()
    for name, directory in (("fp32", arg("--int8")), ("int8", SHIPPED_MODEL_DIR / "pair_model")):
        p = PairModel(directory).grade_proba(list(frame["text_a"]), list(frame["text_b"]))
        rev = p[:, 0] + p[:, 1]
        print(f"{name}: grader alone on the contrast set, ROC-AUC {roc_auc_score(y, rev):.4f}, "
              f"accuracy at 0.5 {np.mean((rev >= 0.5) == y):.3f}")

class Calibrated:
    """A grader whose reversal probability is Platt-scaled on its log-odds, fitted on textbook sets it did not train on."""

    def __init__(self, grader, sets):
        from sklearn.linear_model import LogisticRegression

        from tracker.judge.corpora import read_textbook_set
        from tracker.judge.polarity import own_words

        self.grader = grader
        f = pd.concat([read_textbook_set(SYNTHETIC_DIR / name) for name in sets], ignore_index=True)
        raw = grader.grade_proba([own_words(t) for t in f.text_a], [own_words(t) for t in f.text_b])
        self.lr = LogisticRegression(C=1e6).fit(self._logit(raw)[:, None], f.label != "no_flip")
        print(f"calibration on {', '.join(sets)} ({len(f)} pairs): slope {self.lr.coef_[0, 0]:.3f}, "
              f"intercept {self.lr.intercept_[0]:.3f}")

    @staticmethod
    def _logit(p):
        rev = np.clip(p[:, 0] + p[:, 1], 1e-6, 1 - 1e-6)
        return np.log(rev / (1 - rev))

    def grade_proba(self, a, b):
        p = self.grader.grade_proba(a, b)
        rev = self.lr.predict_proba(self._logit(p)[:, None])[:, 1]
        share = p[:, 0] / np.maximum(p[:, 0] + p[:, 1], 1e-12)
        return np.column_stack([rev * share, rev * (1 - share), 1 - rev])


if "--base-compare" in sys.argv:
    import time

    work, share = arg("--base-compare"), float(arg("--share", "1"))
    table = graded_table(sets=train_sets(), repeat=1)
    table = table.sample(frac=share, random_state=0) if share < 1 else table
    t0 = time.time()
    fit_pair_model(table, base=arg("--base"), out_dir=work, epochs=6, lr=4e-5, max_length=96)
    print(f"base {arg('--base', 'bundled MiniLM-L6')}: {len(table)} textbook pairs, six epochs, {time.time() - t0:.0f} s")
    grader, judge, embedder = PairModel(work), Judge.load(SHIPPED_MODEL_DIR), Embedder(None)
    for name in arg("--sets", "textbook_dev13.csv,textbook_dev16.csv").split(","):
        pairs = pd.read_csv(SYNTHETIC_DIR / name, dtype=str, keep_default_na=False)
        for way, (acc, auc) in grader_readings(judge, grader, pairs, contrast_batch(pairs, embedder)).items():
            print(f"{name}: {way}: accuracy {acc:.3f}, ROC-AUC {auc:.3f}")

if "--candidate" in sys.argv:
    from pathlib import Path

    from tracker.judge import workflow

    work = Path(arg("--candidate"))
    model = workflow.pretrain(work, graded_sets=JOINT_SETS + ("textbook_dev14.csv", "textbook_dev15.csv"))
    embedder = Embedder(None)
    data = workflow.labelled_with_features("data/labelled", embedder, pair_model=model)
    workflow.fit(data, embedder=embedder, out=work / "judge", version="candidate", data_dir=Path("data/labelled"))

if "--read-set" in sys.argv:
    name = arg("--read-set")
    judge, embedder = Judge.load(arg("--judge", SHIPPED_MODEL_DIR)), Embedder(None)
    pairs = pd.read_csv(SYNTHETIC_DIR / name, dtype=str, keep_default_na=False)
    batch, rev = contrast_batch(pairs, embedder), pairs["label"].to_numpy() != "no_flip"
    head, read = judge.head_reading(batch, cascade=False)
    graders = {"raw": judge.pair_model}
    if "--calibrate-on" in sys.argv:
        graders["calibrated"] = Calibrated(judge.pair_model, [f"textbook_dev{n}.csv" for n in arg("--calibrate-on").split(",")])
    ways = {"the judge as it is": judge.read_positions(batch, head, read)}
    for kind, grader in graders.items():
        listed = apply_table(head, batch, judge.positions, grader, read)
        graded = apply_table(head, batch, None, grader, read)
        ways[f"{kind}: word lists, then the grader"] = listed
        ways[f"{kind}: the grader on every short plain pair"] = graded
        ways[f"{kind}: the mean of the two"] = (listed + graded) / 2
    for way, proba in ways.items():
        score = proba[:, 0] + proba[:, 1]
        right = (decide(proba, judge.threshold) != "no_flip") == rev
        print(f"{name}: {way}: accuracy {right.mean():.3f}, reversals flagged {np.sum(right & rev)} of {rev.sum()}, "
              f"no-flips kept {np.sum(right & ~rev)} of {(~rev).sum()}, ROC-AUC {roc_auc_score(rev, score):.3f} "
              f"(threshold {judge.threshold})")

WAYS = ("word lists first", "grader first", "mean of the two", "mean of the two, on the judge's scale",
        "grader first, on the judge's scale")


def read_ways(judge, data, embedder, sets=("textbook_dev10.csv", "textbook_dev13.csv", "textbook_dev16.csv")):
    """Textbook sets and (with `data`) the real pairs' cross-validation, short plain pairs read each of the WAYS."""
    from tracker.judge import train as judge_train

    def ordered(way):
        def read(proba, batch, table, grader=None, readable=None, **_):
            if way == WAYS[3]:  # what the judge does (Judge.read_positions)
                return apply_table(proba, batch, table, grader, readable, line=judge.threshold)
            if way == WAYS[4]:  # the grader alone on every short plain pair, the word lists on the rest
                return apply_table(proba, batch, table, grader, readable, line=judge.threshold, grader_first=True)
            lists = apply_table(proba, batch, table, grader, readable)
            first = apply_table(proba, batch, table, grader, readable, grader_first=True)
            return {WAYS[0]: lists, WAYS[1]: first, WAYS[2]: (lists + first) / 2}[way]
        return read

    shipped_reading = judge_train.apply_table
    for way in [WAYS[int(k)] for k in arg("--ways", "0,1,2,3,4").split(",")]:
        for name in sets:
            pairs = pd.read_csv(SYNTHETIC_DIR / name, dtype=str, keep_default_na=False)
            batch, rev = contrast_batch(pairs, embedder), pairs["label"].to_numpy() != "no_flip"
            proba = ordered(way)(judge.head_reading(batch, cascade=False)[0], batch, judge.positions,
                                 judge.grader or judge.pair_model)
            score = proba[:, 0] + proba[:, 1]
            print(f"{name}: {way}: accuracy at the threshold {judge.threshold}: "
                  f"{np.mean((decide(proba, judge.threshold) != 'no_flip') == rev):.3f}, at 0.5: "
                  f"{np.mean((score >= 0.5) == rev):.3f}, ROC-AUC {roc_auc_score(rev, score):.3f}")
        if data is None:
            continue
        judge_train.apply_table = ordered(way)
        cv = judge_train.cross_validate(data, seed=0)
        print(f"real pairs, all-pairs CV: {way}: ROC-AUC {cv['model_argmax']['reversal'].get('roc_auc')}, "
              f"macro-F1 {cv['model_argmax']['macro_f1']}, at the threshold {cv['operating_point']}")
    judge_train.apply_table = shipped_reading


if "--read-ways" in sys.argv:
    from tracker.judge import workflow

    judge, embedder = Judge.load(arg("--judge", SHIPPED_MODEL_DIR)), Embedder(None)
    if "--sets" in sys.argv:  # held-out sets only, no real pairs: 'textbook_dev17.csv'
        read_ways(judge, None, embedder, sets=arg("--sets").split(","))
    else:
        read_ways(judge, workflow.labelled_with_features("data/labelled", embedder, pair_model=judge.pair_model,
                                                         grader=judge.grader), embedder)

if "--grading-pass" in sys.argv:
    import time
    from pathlib import Path

    from tracker.judge import workflow
    from tracker.judge.corpora import EXTERNAL_DIR, build_pair_table
    from tracker.judge.pairmodel import export_onnx

    work, epochs = Path(arg("--grading-pass")), float(arg("--epochs", "3"))
    table = build_pair_table(EXTERNAL_DIR, size=48_000, seed=0)
    t0 = time.time()
    fitted = workflow.grading_pass(arg("--from"), work / "torch", table[table["split"] == "train"], epochs=epochs,
                                   graded_sets=train_sets())
    print(f"grading pass: {epochs:g} epochs from {arg('--from')}, {time.time() - t0:.0f} s")
    embedder = Embedder(None)
    data = workflow.labelled_with_features("data/labelled", embedder, pair_model=PairModel(export_onnx(fitted, work / "onnx")))
    judge = workflow.fit(data, embedder=embedder, out=work / "judge", version="grading-pass", data_dir=Path("data/labelled"))
    read_ways(judge, data, embedder)
