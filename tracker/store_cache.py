"""The store's caches: embedding vectors per model and text, and the judge's verdicts per pair.

Mixed into `Store` (tracker/store.py); like the rest of the store, the only place that speaks SQL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

import numpy as np

from tracker.errors import StoreError

if TYPE_CHECKING:
    import pandas as pd


def to_blob(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<f4")


class CacheTables:
    """Embedding and verdict tables; needs `self.conn`, `self.transaction()` and `self._filters()`."""

    def unembedded_hashes(self, model_id: str) -> set[str]:
        """Text hashes of statements with no cached vector for this model (usually few: asked of SQLite,
        instead of loading every cached hash)."""
        return {h for (h,) in self.conn.execute(
            "SELECT DISTINCT s.judged_hash FROM statements s WHERE NOT EXISTS "
            "(SELECT 1 FROM embeddings e WHERE e.model_id = ? AND e.judged_hash = s.judged_hash)", (model_id,))}

    def put_embeddings(self, model_id: str, items: Iterable[tuple[str, np.ndarray]]) -> None:
        with self.transaction() as c:
            c.executemany(
                "INSERT OR IGNORE INTO embeddings(model_id, judged_hash, dim, vector) VALUES (?, ?, ?, ?)",
                ((model_id, h, int(v.shape[0]), to_blob(v)) for h, v in items),
            )

    def get_embeddings(self, model_id: str, hashes: Sequence[str]) -> np.ndarray:
        """Vectors in the order of `hashes`, filled into one float32 array; every hash must be cached."""
        unique = list(dict.fromkeys(hashes))
        pos = {h: i for i, h in enumerate(unique)}
        out = None
        seen = np.zeros(len(unique), dtype=bool)
        for h, dim, blob in self._embedding_rows(model_id, unique):
            i = pos.get(h)
            if i is None:
                continue
            if out is None:
                out = np.empty((len(unique), dim), dtype=np.float32)
            out[i] = np.frombuffer(blob, dtype="<f4")
            seen[i] = True
        if not seen.all():
            raise StoreError(f"{int((~seen).sum())} texts have no cached embedding for model {model_id}")
        if not len(hashes):
            return np.zeros((0, 0), dtype=np.float32)
        return out if len(unique) == len(hashes) else out[[pos[h] for h in hashes]]

    def _embedding_rows(self, model_id: str, hashes: list[str]):
        """Looked up by key in batches, or, when most of the cache is wanted, read in one scan (at a
        million vectors the scan is several times faster than a million key lookups)."""
        total = self.conn.execute("SELECT count(*) FROM embeddings WHERE model_id = ?", (model_id,)).fetchone()[0]
        if len(hashes) * 4 >= total:
            yield from self.conn.execute(  # in table order: no index hop per row
                "SELECT judged_hash, dim, vector FROM embeddings NOT INDEXED WHERE model_id = ?", (model_id,))
            return
        for start in range(0, len(hashes), 900):
            chunk = hashes[start : start + 900]
            yield from self.conn.execute(
                f"SELECT judged_hash, dim, vector FROM embeddings WHERE model_id = ? AND judged_hash IN ({','.join('?' * len(chunk))})",
                (model_id, *chunk),
            )

    # -- topics ---------------------------------------------------------------
    def verdicts(self, model_version: str) -> pd.DataFrame:
        """Every cached verdict of this model: earlier_id, later_id (statement ids) and the probabilities."""
        import pandas as pd

        later, earlier, proba = [], [], []
        for lat, e_blob, p_blob in self.conn.execute(
                "SELECT later, earlier, proba FROM pair_verdicts WHERE model_version = ? ORDER BY rowid", (model_version,)):
            e = np.frombuffer(e_blob, dtype="<i8")
            earlier.append(e)
            later.append(np.full(len(e), lat, dtype=np.int64))
            proba.append(np.frombuffer(p_blob, dtype="<f4").reshape(len(e), 3))
        if not earlier:
            return pd.DataFrame({c: pd.Series(dtype=t) for c, t in (("earlier_id", "object"), ("later_id", "object"),
                                 ("p_full_flop", "float32"), ("p_half_flip", "float32"), ("p_no_flip", "float32"))})
        p = np.concatenate(proba)
        keys = self._id_table()[0]
        df = pd.DataFrame({"earlier_id": keys[np.concatenate(earlier)], "later_id": keys[np.concatenate(later)],
                           "p_full_flop": p[:, 0], "p_half_flip": p[:, 1], "p_no_flip": p[:, 2]})
        return df.drop_duplicates(["earlier_id", "later_id"], keep="last", ignore_index=True)  # re-judged: latest

    def _row_keys(self, statement_ids) -> np.ndarray:
        """The row keys of these statement ids."""
        import pandas as pd

        _, index, rows = self._id_table()
        wanted = np.asarray(statement_ids, dtype=object)
        pos = index.get_indexer(pd.Index(wanted))
        if (pos < 0).any():
            raise StoreError(f"no statement {wanted[pos < 0][0]!r} in the store: its verdict cannot be kept")
        return rows[pos]

    def _id_table(self):
        """(statement_id by row key, an index of statement ids, their row keys). Statements are never
        deleted, so a row key names one statement for good: the verdict cache packs pairs as row keys
        (8 bytes each) and every other table and output uses the statement ids. Read again only when a
        statement was added, so saving verdicts in batches does not re-read a million ids each time."""
        import pandas as pd

        top = self.conn.execute("SELECT max(id) FROM statements").fetchone()[0] or 0
        cached = getattr(self, "_ids_cache", None)
        if cached is None or cached[0] != top:
            rows = self.conn.execute("SELECT id, statement_id FROM statements").fetchall()
            keys = np.full(top + 1, None, dtype=object)
            row = np.array([r[0] for r in rows], dtype=np.int64)
            sids = [r[1] for r in rows]
            keys[row] = sids
            self._ids_cache = cached = (top, keys, pd.Index(sids), row)
        return cached[1:]

    def candidates(self, model_version: str, *, actor=None, topic=None, since=None, until=None) -> pd.DataFrame:
        """Every pair this judge scored, with both statement ids, the later statement's actor and topic,
        and whether it is an active change; filters apply to the later statement, as in changes()."""
        import pandas as pd

        scores = self.verdicts(model_version)
        sql = ("SELECT s.statement_id AS later_id, s.actor, s.topic_id AS topic, t.label AS topic_label,"
               " s.date AS later_date FROM statements s LEFT JOIN topics t ON t.topic_id = s.topic_id")
        where, params = self._filters(actor=actor, topic=topic, since=since, until=until, actor_col="s.actor",
                                      topic_col="s.topic_id", date_col="s.date")
        later = pd.read_sql_query(sql + where, self.conn, params=params)
        df = scores.merge(later, on="later_id", how="inner")
        ids = pd.read_sql_query("SELECT statement_id AS earlier_id, date AS earlier_date FROM statements", self.conn)
        df = df.merge(ids, on="earlier_id", how="left")
        active = {(e, l) for e, l in self.conn.execute("SELECT earlier_id, later_id FROM changes WHERE active = 1")}
        df["flagged"] = [(e, l) in active for e, l in zip(df["earlier_id"], df["later_id"])]
        df["topic"] = df["topic"].astype("Int64")
        return df.sort_values(["actor", "later_date", "later_id", "earlier_date", "earlier_id"], kind="stable",
                              ignore_index=True)

    def put_verdicts(self, model_version: str, earlier_ids, later_ids, proba: np.ndarray) -> None:
        """Caches the judge's probabilities for pairs named by statement id (earlier, later)."""
        keys = self._row_keys(np.concatenate([np.asarray(earlier_ids, dtype=object), np.asarray(later_ids, dtype=object)]))
        earlier, later = keys[: len(earlier_ids)].astype("<i8"), keys[len(earlier_ids):]
        proba = np.asarray(proba, dtype="<f4").reshape(len(earlier), 3)
        order = np.argsort(later, kind="stable")
        earlier, later, proba = earlier[order], later[order], proba[order]
        starts = np.flatnonzero(np.r_[True, later[1:] != later[:-1]]) if len(later) else np.zeros(0, dtype=np.int64)
        ends = np.r_[starts[1:], len(later)]
        with self.transaction() as c:
            c.executemany(
                "INSERT INTO pair_verdicts(model_version, later, earlier, proba) VALUES (?, ?, ?, ?)",
                ((model_version, int(later[a]), earlier[a:b].tobytes(), proba[a:b].tobytes())
                 for a, b in zip(starts.tolist(), ends.tolist())),
            )

