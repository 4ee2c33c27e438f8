"""The judge's two training stages and its evaluation, as `tracker train` / `tracker evaluate` run them.

Stage 1 (`pretrain`): the pair model learns oppose / agree / neutral from the public corpora in
`data/external/` (hours of CPU for the shipped size; `size` makes it a minute). Stage 2 (`fit`): the
head learns full_flop / half_flip / no_flip on the real pairs in `data/labelled/`, over the cue
features and what the pair model reads; cross-validation by actor picks its threshold and cascade.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable

from tracker.judge.corpora import (EXTERNAL_DIR, GRADED_REPEAT, GRADED_SETS, GRADER_SETS, JOINT_SETS, build_pair_table,
                                   graded_table)
from tracker.judge.model import GRADER_DIR, PAIR_MODEL_DIR, SHIPPED_MODEL_DIR, Judge
from tracker.judge.pairmodel import PAIR_META_FILE, PairModel, export_onnx, fit_pair_model

Log = Callable[[str], None]
PRETRAIN_LR = 4e-5
GRADING_LR = 2e-5
GRADING_EPOCHS = 3.0


def grading_pass(joint_dir: str | Path, out_dir: str | Path, public, *, epochs: float, graded_sets=GRADED_SETS,
                 seed: int = 0) -> Path:
    """Train the joint pair model further on the textbook pairs (one of each), with as many public pairs replayed
    so the oppose / agree / neutral outputs that stage 2 reads keep what they learnt: the joint pass gives the graded
    task too few steps to learn it as well as a grader trained on it alone."""
    import pandas as pd

    textbook = graded_table(sets=graded_sets, repeat=1)
    if len(textbook) > len(public):  # a small table stays small
        textbook = textbook.sample(len(public), random_state=seed)
    replay = public.sample(min(len(public), len(textbook)), random_state=seed + 1)
    rows = pd.concat([textbook, replay], ignore_index=True)[["text_a", "text_b", "label"]]
    out = fit_pair_model(rows, base=str(joint_dir), out_dir=out_dir, epochs=epochs, seed=seed, max_length=96,
                         lr=GRADING_LR)
    meta_path = Path(out) / PAIR_META_FILE
    meta = json.loads(meta_path.read_text())
    joint = json.loads((Path(joint_dir) / PAIR_META_FILE).read_text())
    meta.update(joint, grading_pass={"textbook_rows": len(textbook), "replayed_public_rows": len(replay),
                                     "epochs": epochs, "lr": GRADING_LR, "seconds": meta.get("seconds")})
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    return out


def pretrain(work_dir: str | Path, *, external: str | Path = EXTERNAL_DIR, base: str | None = None, size: int = 48_000,
             epochs: float = 1.0, seed: int = 0, quantize: bool = True, graded: bool = True,
             joint_sets=JOINT_SETS, graded_sets=GRADED_SETS, grading_epochs: float = GRADING_EPOCHS,
             log: Log = print) -> PairModel:
    """Stage 1: fit the pair model on the public pair table, and (`graded`) on the synthetic textbook pairs of
    `joint_sets` as a second task, then (`grading_epochs`) on the textbook pairs of `graded_sets` with as many
    public ones replayed; returns it as an (int8) ONNX graph."""
    import pandas as pd

    work_dir = Path(work_dir)
    t0 = time.time()
    table = build_pair_table(external, size=size, seed=seed)
    train = table[table["split"] == "train"]
    log(f"stage 1: {len(train)} public pairs ({', '.join(sorted(train['corpus'].unique()))}); "
        f"{len(table) - len(train)} held out")
    public = train
    if graded:  # never more textbook rows than public ones, so a small table stays small
        textbook = graded_table(sets=joint_sets)
        textbook = textbook.sample(min(len(textbook), len(train)), random_state=seed)
        train = pd.concat([train, textbook], ignore_index=True)
        log(f"stage 1: + {len(textbook)} synthetic textbook rows (up to {GRADED_REPEAT} passes over {len(joint_sets)} "
            "sets)")
    fitted = fit_pair_model(train, base=base, out_dir=work_dir / "torch", epochs=epochs, seed=seed, max_length=96,
                            lr=PRETRAIN_LR)
    if graded and grading_epochs:
        log(f"stage 1: grading pass, {grading_epochs:g} epochs over the textbook pairs with as many public ones")
        fitted = grading_pass(fitted, work_dir / "graded", public, epochs=grading_epochs, graded_sets=graded_sets,
                              seed=seed)
    model = PairModel(export_onnx(fitted, work_dir / "onnx", quantize=quantize))
    log(f"stage 1 done in {time.time() - t0:.0f} s: {model.directory}")
    return model


GRADER_EPOCHS = 3.0
GRADER_LR = 2e-4
GRADER_RANK = 16


def train_grader(work_dir: str | Path, *, sets=GRADER_SETS, size: int | None = None, base: str | None = None,
                 epochs: float = GRADER_EPOCHS, seed: int = 0, reads_every_pair: bool = False, log: Log = print):
    """Stage 1b: the grader's adapter on the textbook pairs of `sets` (`size` of them, for a quick run)."""
    from tracker.judge.grader import GRADER_META_FILE, Grader, fit_grader

    t0 = time.time()
    table = graded_table(sets=sets, repeat=1)
    table = table.sample(size, random_state=seed) if size and size < len(table) else table
    log(f"stage 1b: the grader, {len(table)} textbook pairs, {epochs:g} epochs")
    out = fit_grader(table, out_dir=Path(work_dir) / "grader", base=base, epochs=epochs, lr=GRADER_LR,
                     rank=GRADER_RANK, seed=seed)
    meta = json.loads((out / GRADER_META_FILE).read_text())
    meta.update(sets=list(sets), reads_every_pair=reads_every_pair)
    (out / GRADER_META_FILE).write_text(json.dumps(meta, indent=2) + "\n")
    log(f"stage 1b done in {time.time() - t0:.0f} s: {out}")
    return Grader(out)


def stage_one(work_dir: str | Path, *, fresh: bool, pair_model=None, grader=None, base: str | None = None,
              size: int = 48_000, seed: int = 0, log: Log = print):
    """The pair model and the grader that stage 2 reads: trained afresh in `work_dir` (`fresh`; a grader of 'none'
    is not trained, and `size` caps both tables), else loaded from their paths or the shipped judge."""
    if not fresh:
        return pair_model_at(pair_model), grader_at(grader)
    model = pretrain(work_dir, base=base, size=size, seed=seed, log=log)
    return model, None if str(grader).lower() == "none" else train_grader(work_dir, size=size, seed=seed, log=log)


def _part_at(path: str | Path | None, load, folder: str):
    """A part of a judge loaded from `path`; 'none' for none; default: the shipped judge's, if it has one."""
    if path is not None and str(path).lower() == "none":
        return None
    if path is not None:
        return load(path)
    directory = SHIPPED_MODEL_DIR / folder
    return load(directory) if directory.exists() else None


def grader_at(path: str | Path | None):
    """The grader in `path`; 'none' for the pair model's own grades; default: the shipped one, if any."""
    from tracker.judge.grader import Grader

    return _part_at(path, Grader, GRADER_DIR)


def pair_model_at(path: str | Path | None) -> PairModel | None:
    """The pair model in `path`; None or 'none' for cue features only; default: the shipped one."""
    return _part_at(path, PairModel, PAIR_MODEL_DIR)


def labelled_with_features(data_dir, embedder, *, pair_model: PairModel | None, nli: str | None = None,
                           derived: bool = False, frame=None, grader=None):
    """The labelled pairs (or `frame`, shaped like load_labelled's) with every feature the judge reads."""
    from tracker.judge.nli import load_scorer
    from tracker.judge.polarity import load_table
    from tracker.judge.train import add_nli, add_pair_model, embed_pairs, load_labelled

    scorer = load_scorer(nli) if nli else None  # before the slow part: a missing scorer fails fast
    data = embed_pairs(load_labelled(data_dir, derived=derived) if frame is None else frame, embedder)
    if pair_model is not None:
        data = add_pair_model(data, pair_model)
    data.positions = load_table(embedder)
    data.grader = grader
    return add_nli(data, scorer) if scorer else data


def fit(data, *, embedder, out: str | Path, version: str, seed: int = 0, data_dir: Path, log: Log = print) -> Judge:
    """Stage 2: cross-validate by actor, then fit the head on every real pair and save the judge."""
    from tracker.judge.train import cross_validate, train_judge, write_metrics
    from tracker.modelcard import write_card

    out = Path(out)
    log(f"stage 2: {len(data.labels)} pairs, {len(set(data.groups))} actors; cross-validating ...")
    result = cross_validate(data, seed=seed)
    judge = train_judge(data, embedding_model=embedder.model_id, threshold=result["operating_point"]["threshold"],
                        version=version, seed=seed, cascade=result["cascade"]["cutoff"])
    judge.save(out, extra={"cv": {"macro_f1": result["model_argmax"]["macro_f1"], **result["operating_point"]}})
    write_metrics(result, out / "metrics.json")
    write_card(out, result, judge, data_dir=data_dir)
    log(f"saved {out}: ROC-AUC {result['model_argmax']['reversal'].get('roc_auc')}, "
        f"macro-F1 {result['model_argmax']['macro_f1']}, operating point {result['operating_point']}")
    return Judge.load(out)


def evaluate(data, *, embedder, seed: int = 0, contrast: str | Path | None = None, log: Log = print) -> dict:
    """Dev cross-validation, the frozen test actors once, and the contrast set (reported apart)."""
    from tracker.judge.evaluate import CONTRAST_FILE, contrast_batch, contrast_metrics, frozen_test, load_contrast
    from tracker.judge.train import train_judge

    result = frozen_test(data, embedding_model=embedder.model_id, seed=seed)
    contrast = Path(contrast or CONTRAST_FILE)
    if contrast.exists():
        # the judge as shipped would be: fitted on every real pair, its threshold from their cross-validation
        from tracker.judge.train import cross_validate

        cv_all = cross_validate(data, seed=seed)
        result["all_pairs_cv"] = cv_all
        judge = train_judge(data, embedding_model=embedder.model_id, threshold=cv_all["operating_point"]["threshold"],
                            version="eval", seed=seed)
        frame = load_contrast(contrast)
        result["contrast"] = contrast_metrics(judge, frame, contrast_batch(frame, embedder))
        log(f"contrast set: accuracy {result['contrast']['accuracy']}")
    return result


def dump(result: dict) -> str:
    return json.dumps(result, indent=2)
