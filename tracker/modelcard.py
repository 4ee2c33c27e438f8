"""The model card written next to a trained classifier: data, metrics, date, how it was built."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tracker.classify import CARD_FILE, Judge


def _row(name: str, m: dict) -> str:
    rev = m["reversal"]
    return (f"| {name} | {m['macro_f1']:.3f} | {rev['precision']:.3f} | {rev['recall']:.3f} | "
            f"{rev.get('roc_auc', float('nan')):.3f} |")


def _targets(result: dict) -> list[str]:
    m, op = result["model_argmax"], result["operating_point"]
    auc = m["reversal"].get("roc_auc", float("nan"))
    margin = result["margin_over_best_baseline_macro_f1"]
    rows = [
        ("reversal precision ≥ 0.90 at recall ≥ 0.75", f"{op['precision']:.2f} at recall {op['recall']:.2f}",
         op["precision"] >= 0.9 and op["recall"] >= 0.75),
        ("ROC-AUC ≥ 0.90", f"{auc:.3f}", auc >= 0.9),
        ("macro-F1 ≥ 0.75", f"{m['macro_f1']:.3f}", m["macro_f1"] >= 0.75),
        ("beats both baselines by ≥ 0.15 macro-F1", f"+{margin:.3f}", margin >= 0.15),
    ]
    return [f"| {name} | {value} | {'yes' if ok else 'no'} |" for name, value, ok in rows]


def write_card(directory: Path, result: dict, judge: Judge, *, data_dir: Path) -> Path:
    op = result["operating_point"]
    lines = [
        f"# Model card: {judge.version}",
        "",
        f"- Built: {dt.date.today().isoformat()} with `tracker train --data {data_dir} --out {directory}"
        f"{' --nli ' + judge.nli if judge.nli else ''}`",
        f"- Embeddings: `{judge.embedding_model}` (sentence-transformers, normalised)",
        *([f"- NLI scorer: `{judge.nli}` (tracker/nli.py); it must be installed wherever this model classifies."]
          if judge.nli else []),
        "- Classifier: scaled logistic regression over pair features (embedding cosine, stance-cue counts for both",
        "  statements and their shift, a negation flip, the time gap), temperature-calibrated on held-out folds.",
        "- Saved as arrays (`weights.npz`, loaded with `allow_pickle=False`) + JSON (`model.json`), SHA-256 checked.",
        f"- Training data: {result['n_pairs']} real labelled pairs, {result['n_actors']} actors "
        f"({', '.join(f'{k}: {v}' for k, v in result['label_counts'].items())}), from `{data_dir}`.",
        "",
        f"## Evaluation ({result['folds']}-fold cross-validation grouped by actor: no actor in both train and test)",
        "",
        "| model | macro-F1 | reversal precision | reversal recall | ROC-AUC |",
        "|---|---|---|---|---|",
        _row("this model (argmax)", result["model_argmax"]),
        _row(f"this model (threshold {op['threshold']})", result["model_at_operating_point"]),
        *(_row(f"baseline: {name}", m) for name, m in result["baselines"].items()),
        "",
        f"Calibration (reversal vs no_flip): Brier {result['model_argmax']['reversal'].get('brier')}, "
        f"ECE {result['model_argmax']['reversal'].get('ece')}.",
        "",
        "## Operating point",
        "",
        f"A pair is flagged when P(full_flop) + P(half_flip) ≥ **{op['threshold']}**: on held-out actors this gave "
        f"precision {op['precision']} at recall {op['recall']} "
        f"({'meets' if op.get('target_met') else 'does NOT meet'} the 0.90 precision target).",
        "",
        "Per-class results, the confusion matrix and the baselines' details are in `metrics.json`.",
        "",
        "## Targets",
        "",
        "| target | measured | met |",
        "|---|---|---|",
        *_targets(result),
        "",
        "Treat flagged changes as candidates for a person to review, not verdicts. What would move the numbers:",
        "more and cleaner labelled pairs (half_flip is the weakest class), questions recorded as `context`,",
        "and a pair model already trained for inference or stance, with a known licence (`tracker train --nli`).",
        "Fine-tuning the bundled MiniLM as a cross-encoder on these pairs did not help: ROC-AUC 0.52-0.57 after",
        "15-20 epochs on a GPU. See `bench/experiments/RESULTS.md`.",
        "",
        "## Limits",
        "",
        "- English only; statements are judged in pairs, without the wider news context.",
        "- A quote that only makes sense with its question needs the `context` column.",
        "- Cue lexicons are hand-written heuristics (`tracker/features.py`).",
    ]
    path = directory / CARD_FILE
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
