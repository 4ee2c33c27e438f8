"""The judge: pairs of statements in, reversal probabilities out. Knows no SQL and no files
beyond its own saved weights (arrays + JSON, never pickle)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


import numpy as np

from tracker.errors import ModelError
from tracker.judge.features import FEATURE_VERSION, PairBatch, pair_features
from tracker.judge.grader import file_sha256
from tracker.judge.head import LinearHead
from tracker.types import LABELS

WEIGHTS_FILE = "weights.npz"
META_FILE = "model.json"
CARD_FILE = "MODEL_CARD.md"
SHIPPED_MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "reversal"
DEFAULT_THRESHOLD = 0.5


def decide(proba: np.ndarray, threshold: float) -> np.ndarray:
    """The one rule from probabilities (full_flop, half_flip, no_flip) to a label: a reversal when
    full_flop + half_flip reaches the threshold, graded by the larger of the two."""
    proba = np.asarray(proba)
    if len(proba) == 0:
        return np.array([], dtype=object)
    rev = proba[:, 0] + proba[:, 1]
    kind = np.where(proba[:, 0] >= proba[:, 1], "full_flop", "half_flip")
    return np.where(rev >= threshold, kind, "no_flip").astype(object)


PAIR_MODEL_DIR = "pair_model"
GRADER_DIR = "grader"
READ_BUDGET = 2  # pairs per later statement the pair model reads at most


def select_reads(cheap_score: np.ndarray, cutoff: float, later: np.ndarray | None, budget: int | None) -> np.ndarray:
    """Indices the pair model reads: cheap score ≥ cutoff, and among the `budget` best of their later statement."""
    ok = np.flatnonzero(cheap_score >= cutoff)
    if later is None or budget is None or len(ok) == 0:
        return ok
    order = ok[np.lexsort((-cheap_score[ok], np.asarray(later)[ok]))]
    groups = np.asarray(later)[order]
    start = np.r_[True, groups[1:] != groups[:-1]]
    rank = np.arange(len(order)) - np.maximum.accumulate(np.where(start, np.arange(len(order)), 0))
    return np.sort(order[rank < budget])


class Judge:
    """A trained judge and what it needs to be applied: the head over pair features, the pair model
    that reads both statements (models/reversal/pair_model), the cheap head that decides which pairs
    the pair model reads, the flagging threshold, and the NLI scorer if it was trained with one."""

    def __init__(self, head: LinearHead, *, embedding_model: str, threshold: float = DEFAULT_THRESHOLD,
                 version: str = "dev", metadata: dict | None = None, nli: str | None = None,
                 pair_model=None, cheap_head: LinearHead | None = None, cascade_cutoff: float | None = None,
                 read_budget: int | None = READ_BUDGET, key: str | None = None, pair_orders: int = 1,
                 positions: np.ndarray | None = None, grader=None):
        self.head = head
        self.embedding_model = embedding_model
        self.threshold = threshold
        self.version = version
        self.metadata = metadata or {}
        self.nli = nli
        self.pair_model = pair_model
        self.cheap_head = cheap_head
        self.cascade_cutoff = cascade_cutoff
        self.read_budget = read_budget
        self.pair_orders = pair_orders  # the pair model reads (earlier, later); with 2 also (later, earlier)
        self.positions = positions  # polarity.apply_table's verdict table: textbook-shaped pairs read explicitly
        self.grader = grader  # grades short plain pairs (tracker/judge/grader.py); else the pair model's second task
        self._key = key
        self.pairs_read = 0  # pairs the pair model has read in this process (the cascade's cost)
        self.scorer = None  # loaded on first use; tests may set their own

    @property
    def key(self) -> str:
        """Names this judge's weights: stored verdicts are reused only by a judge with the same key."""
        if self._key is None:
            h = hashlib.sha256()
            for arr in (self.head.mean, self.head.scale, self.head.coef, self.head.intercept):
                h.update(np.ascontiguousarray(arr, dtype=np.float64).tobytes())
            h.update(repr((self.head.temperature, self.nli, self.cascade_cutoff, self.read_budget)).encode())
            if self.pair_orders != 2:  # judges that read both orders keep the keys they had
                h.update(f"orders={self.pair_orders}".encode())
            if self.pair_model is not None:
                h.update(self.pair_model.fingerprint().encode())
            if self.grader is not None:
                h.update(f"grader={self.grader.fingerprint()}".encode())
            if self.positions is not None:
                from tracker.judge.polarity import reader_fingerprint

                h.update(np.ascontiguousarray(self.positions, dtype=np.float64).tobytes())
                h.update(reader_fingerprint().encode())  # the reader's rules are part of its verdicts
            self._key = f"{self.version}@{h.hexdigest()[:16]}"
        return self._key

    def __getstate__(self):
        state = dict(self.__dict__)
        state["scorer"] = None  # an ONNX session or a torch model does not travel to engine workers
        return state

    def load_scorer(self) -> None:
        """Load the NLI scorer now, so that a missing one stops a run before it has done any work."""
        if self.nli and self.scorer is None:
            from tracker.judge.nli import load_scorer

            self.scorer = load_scorer(self.nli)

    def cheap_features(self, batch: PairBatch) -> np.ndarray:
        return pair_features(batch)

    def features(self, batch: PairBatch, cheap: np.ndarray | None = None) -> np.ndarray:
        X = self.cheap_features(batch) if cheap is None else cheap
        if self.pair_model is not None:
            from tracker.judge.features import pair_model_features

            X = np.hstack([X, pair_model_features(self.pair_model, batch, orders=self.pair_orders)])
        if not self.nli:
            return X
        from tracker.judge.nli import nli_features

        self.load_scorer()
        return np.hstack([X, nli_features(self.scorer, batch.text_a, batch.text_b)])

    def head_proba(self, head: LinearHead, X: np.ndarray) -> np.ndarray:
        """(n, 3) probabilities in LABELS order from one of this judge's heads over ready features."""
        if X.shape[1] != head.n_features:
            raise ModelError(
                f"classifier {self.version} expects {head.n_features} features, got {X.shape[1]}: "
                f"it was trained on embeddings of {self.embedding_model}; retrain with `tracker train --model ...`"
            )
        proba = head.predict_proba(X)
        full = np.zeros((len(X), len(LABELS)))
        for j, c in enumerate(head.classes):
            full[:, LABELS.index(c)] = proba[:, j]
        return full

    def predict_proba(self, batch: PairBatch, *, cascade: bool = True) -> np.ndarray:
        """(n, 3) probabilities in LABELS order: full_flop, half_flip, no_flip.

        With a cascade, the pair model reads a pair only when its cheap reversal score reaches
        `cascade_cutoff` and, where the batch says which later statement each pair ends at, it is among
        that statement's `read_budget` highest-scoring pairs. The rest keep the cheap head's
        probabilities, capped below the flagging threshold: an unread pair is never flagged.
        A textbook-shaped pair (polarity.verdict) takes its explicit verdict's probabilities instead, and
        another pair of two short plain statements that the pair model read takes its grade.
        """
        proba, read = self.head_reading(batch, cascade=cascade)
        return self.read_positions(batch, proba, read)

    def read_positions(self, batch: PairBatch, proba: np.ndarray, read: np.ndarray | None = None) -> np.ndarray:
        """`read`: a mask of the pairs the pair model read (None: all of them)."""
        from tracker.judge.polarity import apply_table

        return apply_table(proba, batch, self.positions, self.grader or self.pair_model, read, line=self.threshold)

    def head_reading(self, batch: PairBatch, *, cascade: bool) -> tuple[np.ndarray, np.ndarray | None]:
        """The head's probabilities before the explicit positions and the grader take their pairs (what an
        evaluation reads to compare graders on one head), and a mask of the pairs the pair model read (None: all)."""
        if len(batch) == 0:
            return np.zeros((0, len(LABELS))), None
        cheap = self.cheap_features(batch)
        if not (cascade and self.cheap_head is not None and self.cascade_cutoff is not None):
            self.pairs_read += len(batch) if self.pair_model is not None else 0
            return self.head_proba(self.head, self.features(batch, cheap)), None
        p_cheap = self.head_proba(self.cheap_head, cheap)
        read = select_reads(p_cheap[:, 0] + p_cheap[:, 1], self.cascade_cutoff, batch.later, self.read_budget)
        out = p_cheap.copy()
        if len(read):
            self.pairs_read += len(read)
            sub = batch.subset(read)
            out[read] = self.head_proba(self.head, self.features(sub, cheap[read]))
        # a pair the pair model never read is not flagged: its reversal mass is capped below the threshold
        skipped = np.setdiff1d(np.arange(len(batch)), read)
        if len(skipped):
            rev = out[skipped, 0] + out[skipped, 1]
            cap = np.minimum(1.0, (self.threshold * 0.999) / np.maximum(rev, 1e-12))
            scale = np.where(rev >= self.threshold, cap, 1.0)
            out[skipped, :2] *= scale[:, None]
            out[skipped, 2] = 1 - out[skipped, 0] - out[skipped, 1]
        mask = np.zeros(len(batch), dtype=bool)
        mask[read] = True
        return out, mask

    def predict(self, batch: PairBatch) -> np.ndarray:
        return decide(self.predict_proba(batch), self.threshold)

    # -- persistence: arrays + JSON, hash-checked --------------------------------
    def save(self, directory: str | Path, *, extra: dict | None = None) -> Path:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        h = self.head
        arrays = dict(mean=h.mean, scale=h.scale, coef=h.coef, intercept=h.intercept)
        if self.cheap_head is not None:
            c = self.cheap_head
            arrays.update(cheap_mean=c.mean, cheap_scale=c.scale, cheap_coef=c.coef, cheap_intercept=c.intercept)
        np.savez(directory / WEIGHTS_FILE, **arrays)
        meta = {
            "format": "tracker-reversal-classifier/2",
            "version": self.version,
            "feature_version": FEATURE_VERSION,
            "embedding_model": self.embedding_model,
            "nli_model": self.nli,
            "classes": list(map(str, h.classes)),
            "lr_classes": list(map(str, h.lr_classes)),
            "temperature": h.temperature,
            "threshold": self.threshold,
            "params": h.params,
            "weights_sha256": file_sha256(directory / WEIGHTS_FILE),
            "pair_model": None,
            "grader": None,
            "cheap_head": None if self.cheap_head is None else {
                "classes": list(map(str, self.cheap_head.classes)),
                "lr_classes": list(map(str, self.cheap_head.lr_classes)),
                "temperature": self.cheap_head.temperature},
            "cascade_cutoff": self.cascade_cutoff,
            "read_budget": self.read_budget,
            "positions": None if self.positions is None else np.round(self.positions, 6).tolist(),
            **self.metadata,
            **(extra or {}),
        }
        if self.pair_model is not None:
            target = _place(self.pair_model.directory, directory / PAIR_MODEL_DIR)
            meta["pair_model"] = {"dir": PAIR_MODEL_DIR, "files": self.pair_model.file_hashes(target),
                                  "orders": self.pair_orders}
        if self.grader is not None:
            target = _place(self.grader.directory, directory / GRADER_DIR)
            meta["grader"] = {"dir": GRADER_DIR, "files": self.grader.file_hashes(target)}
        (directory / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        return directory

    @classmethod
    def load(cls, directory: str | Path | None = None, *, trust: bool = False) -> "Judge":
        directory = Path(directory) if directory else SHIPPED_MODEL_DIR
        if directory.is_file() and directory.suffix.lower() in (".pkl", ".pickle", ".joblib"):
            if not trust:
                raise ModelError(f"{directory}: refusing to unpickle a model file (it can run code); "
                                 "pass --trust only if you made this file yourself")
            import joblib

            obj = joblib.load(directory)
            if not isinstance(obj, Judge):
                raise ModelError(f"{directory}: does not hold a tracker Judge")
            return obj
        meta_path, weights_path = directory / META_FILE, directory / WEIGHTS_FILE
        if not meta_path.exists() or not weights_path.exists():
            raise ModelError(f"{directory}: no classifier here (expected {META_FILE} and {WEIGHTS_FILE}); "
                             "run `tracker train` to build one")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ModelError(f"{meta_path}: corrupt model metadata: {exc}") from None
        if meta.get("format") not in ("tracker-reversal-classifier/1", "tracker-reversal-classifier/2"):
            raise ModelError(f"{meta_path}: unknown model format {meta.get('format')!r}")
        digest = file_sha256(weights_path)
        if digest != meta.get("weights_sha256"):
            raise ModelError(f"{weights_path}: checksum mismatch (file corrupt or altered); "
                             f"expected {meta.get('weights_sha256')}, got {digest}")
        if meta.get("feature_version") != FEATURE_VERSION:
            raise ModelError(f"{directory}: trained with features {meta.get('feature_version')}, "
                             f"this tracker computes {FEATURE_VERSION}; retrain with `tracker train`")
        try:
            with np.load(weights_path, allow_pickle=False) as w:
                arrays = {k: w[k] for k in w.files}
        except Exception as exc:
            raise ModelError(f"{weights_path}: cannot read weights: {exc}") from None
        head = LinearHead(arrays["mean"], arrays["scale"], arrays["coef"], arrays["intercept"],
                          np.array(meta["classes"]), np.array(meta["lr_classes"]), float(meta.get("temperature", 1.0)),
                          meta.get("params", {}))
        cheap = None
        if meta.get("cheap_head") and "cheap_mean" in arrays:
            c = meta["cheap_head"]
            cheap = LinearHead(arrays["cheap_mean"], arrays["cheap_scale"], arrays["cheap_coef"],
                               arrays["cheap_intercept"], np.array(c["classes"]), np.array(c["lr_classes"]),
                               float(c.get("temperature", 1.0)))
        pair_model = None
        if meta.get("pair_model"):
            from tracker.judge.pairmodel import PairModel

            pm_dir = directory / meta["pair_model"]["dir"]
            pair_model = PairModel(pm_dir)
            found = pair_model.file_hashes(pm_dir)
            if found != meta["pair_model"]["files"]:
                raise ModelError(f"{pm_dir}: pair model files differ from the checksums in {meta_path}")
        grader = None
        if meta.get("grader"):
            from tracker.judge.grader import Grader

            grader = Grader(directory / meta["grader"]["dir"])
            if grader.file_hashes() != meta["grader"]["files"]:
                raise ModelError(f"{grader.directory}: grader files differ from the checksums in {meta_path}")
        known = {"format", "version", "feature_version", "embedding_model", "nli_model", "classes", "lr_classes",
                 "temperature", "threshold", "params", "weights_sha256", "pair_model", "cheap_head", "cascade_cutoff",
                 "read_budget", "positions", "grader"}
        return cls(head, embedding_model=meta["embedding_model"], threshold=float(meta.get("threshold", DEFAULT_THRESHOLD)),
                   version=meta.get("version", "unknown"), metadata={k: v for k, v in meta.items() if k not in known},
                   nli=meta.get("nli_model"), pair_model=pair_model, cheap_head=cheap,
                   cascade_cutoff=meta.get("cascade_cutoff"), read_budget=meta.get("read_budget", READ_BUDGET),
                   pair_orders=int((meta.get("pair_model") or {}).get("orders", 2)),
                   positions=None if meta.get("positions") is None else np.array(meta["positions"], dtype=float),
                   grader=grader)


def _place(source: str | Path, target: Path) -> Path:
    """A part's folder copied into the judge's folder, unless it is already there."""
    if Path(source).resolve() != target.resolve():
        import shutil

        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target)
    return target

