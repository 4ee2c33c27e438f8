"""Where the heavy steps run: in this process, or partitioned by actor on a Dask cluster.

The store stays in the driver (one SQLite file, one writer); workers only compute: they encode
texts and judge pairs, and hand arrays back. Partitions are by actor, so an actor's timelines
never straddle two workers.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from tracker.errors import TrackerError


def actor_partitions(actors: Sequence[str], n_partitions: int) -> list[np.ndarray]:
    """Row indices grouped by a stable hash of the actor (same actor → same partition, every run)."""
    keys = np.array([zlib.crc32(a.encode("utf-8")) % n_partitions for a in actors], dtype=np.int64)
    return [np.flatnonzero(keys == k) for k in range(n_partitions) if np.any(keys == k)]


class LocalEngine:
    """Everything in this process: one partition."""

    n_partitions = 1

    def map(self, fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        return [fn(item) for item in items]

    def close(self) -> None:
        pass


class DaskEngine:
    """Dask distributed: a LocalCluster when no scheduler address is given."""

    def __init__(self, scheduler: str | None = None, *, n_workers: int = 2, partitions_per_worker: int = 2):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise TrackerError("the dask engine needs the 'dask' extra: pip install 'tracker[dask]'") from None
        if scheduler:
            self.cluster = None
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        workers = max(1, len(self.client.scheduler_info().get("workers", {})) or n_workers)
        self.n_partitions = workers * partitions_per_worker

    def map(self, fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        if not items:
            return []
        return self.client.gather(self.client.map(fn, list(items), pure=False))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(name: str = "local", scheduler: str | None = None):
    if name == "local":
        if scheduler:
            raise TrackerError("--scheduler only goes with --engine dask")
        return LocalEngine()
    if name == "dask":
        return DaskEngine(scheduler)
    raise TrackerError(f"unknown engine {name!r} (local or dask)")
