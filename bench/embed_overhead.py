"""Library overhead of ingest + embed vs a raw SentenceTransformer.encode on the same texts.

Measures, in one process and one run:
  * raw:      SentenceTransformer.encode(texts, batch_size=B, normalize_embeddings=True) on the N unique
              texts (the same encoder object the library uses, so model load is excluded from both);
  * pipeline: tracker.ingest.ingest_files(CSV of the N statements) into a fresh Store, then
              tracker.pipeline.embed_statements(store, Embedder(batch_size=B)), broken down into
              ingest (read+validate / SQLite insert), embed (store read, cache lookup, encode, vector write).
The N statements are split into --rounds rounds; each round times raw encode of its texts and the
library path (ingest that round's CSV + embed_statements, which embeds only the new ones) in ABBA
order, so load from other processes on a shared box hits both alike. Ratios use the round sums.
Ratio = pipeline throughput / raw throughput (target >= 0.95).
--backend torch (default) runs the library on the same SentenceTransformer object: the pure overhead.
--backend auto / onnx-int8 runs it on the library's default encoder: what a user gets vs raw encode.

Run:  HF_HUB_OFFLINE=1 .venv/bin/python bench/embed_overhead.py [--n 2000] [--rounds 8] [--batch-size 64] [--backend torch] [--profile]
(--profile prints the cProfile top of the pipeline part.)  Texts: real quotes made unique with " (#i)".
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import tempfile
import time
from pathlib import Path

from _common import ORIGIN_NOTE, Timer, machine, statement_rows, table, write_csv


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="statements (default 2000)")
    ap.add_argument("--rounds", type=int, default=8, help="alternating raw/library rounds (default 8)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--backend", default="torch", help="library encoder backend (default torch: same encoder as raw)")
    ap.add_argument("--profile", action="store_true", help="cProfile the pipeline part and print the top 20")
    args = ap.parse_args()

    import torch

    from tracker.actors import ActorAliases
    from tracker.embed import Embedder, load_encoder
    from tracker.ingest import ingest_files
    from tracker.pipeline import embed_statements
    from tracker.store import Store

    print(f"machine: {machine()}, torch threads {torch.get_num_threads()}")
    print(ORIGIN_NOTE)
    rows = statement_rows(args.n)
    texts = [r["text"] for r in rows]
    encoder = load_encoder(None, None, "torch")  # raw SentenceTransformer, whatever the library default
    encoder.encode(texts[:128], batch_size=args.batch_size, normalize_embeddings=True)  # warm-up

    def raw(chunk: list[str]) -> tuple[float, float]:
        t0, c0 = time.perf_counter(), time.process_time()
        encoder.encode(chunk, batch_size=args.batch_size, normalize_embeddings=True, convert_to_numpy=True,
                       show_progress_bar=False)
        return time.perf_counter() - t0, time.process_time() - c0

    timer = Timer()
    embedder = Embedder(backend=args.backend, batch_size=args.batch_size)
    print(f"library encoder: {embedder.model_id} (backend {args.backend})")
    timer.wrap(embedder, "encode", "embed: encode")
    prof = cProfile.Profile() if args.profile else None
    raw_rounds, pipe_rounds = [], []
    bounds = [round(i * args.n / args.rounds) for i in range(args.rounds + 1)]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db")
        timer.wrap(store, "insert_statements", "ingest: sqlite insert")
        timer.wrap(store, "statements", "embed: read statements")
        timer.wrap(store, "unembedded_hashes", "embed: cache lookup")
        timer.wrap(store, "put_embeddings", "embed: write vectors")
        for r in range(args.rounds):
            part = rows[bounds[r]:bounds[r + 1]]
            csv_path = write_csv(part, Path(tmp) / f"statements-{r}.csv")

            def pipeline() -> tuple[float, float]:
                if prof:
                    prof.enable()
                t0, c0 = time.perf_counter(), time.process_time()
                with timer("ingest (total)"):
                    summary = ingest_files(store, [str(csv_path)], ActorAliases.from_csv(None),
                                           rejects_dir=Path(tmp) / "rej", log=lambda _m: None)
                with timer("embed (total)"):
                    embedded = embed_statements(store, embedder)
                dt, dc = time.perf_counter() - t0, time.process_time() - c0
                if prof:
                    prof.disable()
                assert summary.ingested == len(part) and embedded == len(part), (summary, embedded)
                return dt, dc

            # ABBA order: drift in machine load (shared box) hits both paths alike
            if r % 2 == 0:
                raw_rounds.append(raw([x["text"] for x in part]))
                pipe_rounds.append(pipeline())
            else:
                pipe_rounds.append(pipeline())
                raw_rounds.append(raw([x["text"] for x in part]))
        store.close()
    raw_t, pipe = sum(r[0] for r in raw_rounds), sum(p[0] for p in pipe_rounds)
    raw_cpu, pipe_cpu = sum(r[1] for r in raw_rounds), sum(p[1] for p in pipe_rounds)
    per_round = sorted(r[0] / p[0] for r, p in zip(raw_rounds, pipe_rounds))
    t = timer.t
    t["ingest: read + validate"] = t["ingest (total)"] - t["ingest: sqlite insert"]
    t["embed: other python"] = t["embed (total)"] - sum(v for k, v in t.items() if k.startswith("embed: "))
    print(f"\nN = {args.n} unique statements, batch size {args.batch_size}\n")
    print(f"{args.rounds} rounds of ~{args.n // args.rounds} statements, raw and library alternated ABBA; "
          f"per-round ratio raw/library: min {per_round[0]:.3f}, median {per_round[len(per_round) // 2]:.3f}, "
          f"max {per_round[-1]:.3f}\n")
    print(table([["raw SentenceTransformer.encode", f"{raw_t:.2f}", f"{args.n / raw_t:.1f}"],
                 ["library ingest + embed", f"{pipe:.2f}", f"{args.n / pipe:.1f}"],
                 ["library embed only", f"{t['embed (total)']:.2f}", f"{args.n / t['embed (total)']:.1f}"]],
                ["path", "seconds", "statements/s"]))
    order = ["ingest: read + validate", "ingest: sqlite insert", "embed: read statements", "embed: cache lookup",
             "embed: encode", "embed: write vectors", "embed: other python"]
    print()
    print(table([[k, f"{t[k]:.3f}", f"{100 * t[k] / pipe:.1f}%"] for k in order], ["pipeline part", "seconds", "share"]))
    ratio = raw_t / pipe
    print(f"\nratio (library ingest+embed throughput / raw encode throughput) = {ratio:.3f}  (target >= 0.95: "
          f"{'MET' if ratio >= 0.95 else 'MISSED'})")
    print(f"ratio by process CPU time (raw CPU s / library CPU s)            = {raw_cpu / pipe_cpu:.3f}  "
          f"(raw {raw_cpu:.1f} CPU s, library {pipe_cpu:.1f} CPU s: less sensitive to other load on a shared box)")
    print(f"ratio (library embed-only throughput / raw encode throughput)   = {raw_t / t['embed (total)']:.3f}")
    print(f"ratio (library encode call / raw encode)                         = {raw_t / t['embed: encode']:.3f}")
    if prof:
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats("cumulative").print_stats(25)
        print("\ncProfile of the pipeline part (cumulative):\n" + s.getvalue())


if __name__ == "__main__":
    main()
