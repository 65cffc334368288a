"""Bounded-memory histories that keep spikes: bucketed decimation with min, max and last.

A run of 10^6 steps cannot keep every value of every layer. A :class:`SeriesHistory`
holds at most ``capacity`` buckets; when full, neighbouring buckets merge in pairs
and each bucket then covers twice as many steps. Every bucket keeps the minimum,
the maximum and the last value of its steps (NaN-aware: ``fmin``/``fmax`` ignore
NaN, and a separate flag records that a non-finite value fell in the bucket), so a
spike or the step where the loss became NaN survives any amount of thinning.

Memory is fixed at construction: ``capacity * (3 * width * 8 + 9) + 256 * (width + 1) * 8`` bytes.
"""

from __future__ import annotations

import numpy as np

DEFAULT_CAPACITY = 2048
STAGING = 256  # records staged before a vectorized fold


class SeriesHistory:
    """A decimating history of ``width`` values per record (one value per layer, say).

    ``append`` only copies the row into a small staging block (about a microsecond:
    it runs every training step); the block is folded into the buckets with a few
    vectorized reductions when it fills or when anything reads the history.
    """

    def __init__(self, width: int, capacity: int = DEFAULT_CAPACITY) -> None:
        if capacity < 2 or capacity % 2:
            raise ValueError("capacity must be an even number >= 2")
        self.width = width
        self.capacity = capacity
        self.steps = np.zeros(capacity, dtype=np.int64)
        self.last = np.full((capacity, width), np.nan)
        self.low = np.full((capacity, width), np.nan)
        self.high = np.full((capacity, width), np.nan)
        self.nonfinite = np.zeros(capacity, dtype=bool)
        self._count = 0  # buckets in use (the last one may be partly filled)
        self.stride = 1  # records per full bucket
        self.fill = 0  # records in the last bucket
        self._staged_rows = np.empty((STAGING, width))
        self._staged_steps = np.empty(STAGING, dtype=np.int64)
        self._staged = 0

    @property
    def count(self) -> int:
        self.flush()
        return self._count

    def append(self, step: int, values: np.ndarray | float | tuple) -> None:
        k = self._staged
        self._staged_rows[k] = values
        self._staged_steps[k] = step
        self._staged = k + 1
        if k + 1 == STAGING:
            self.flush()

    def flush(self) -> None:
        """Fold the staged records into buckets (vectorized per run of whole buckets)."""
        n = self._staged
        if n == 0:
            return
        self._staged = 0
        rows, steps = self._staged_rows[:n], self._staged_steps[:n]
        bad = ~np.isfinite(rows).all(axis=1)
        i = 0
        while i < n:
            if self._count and self.fill < self.stride:
                i += self._merge_into_last(rows, steps, bad, i, min(self.stride - self.fill, n - i))
            elif self._count == self.capacity:
                self._halve()
            else:
                i += self._new_buckets(rows, steps, bad, i, n)

    def _merge_into_last(self, rows, steps, bad, i: int, m: int) -> int:
        b = self._count - 1
        chunk = rows[i : i + m]
        np.fmin(self.low[b], np.fmin.reduce(chunk, axis=0), out=self.low[b])
        np.fmax(self.high[b], np.fmax.reduce(chunk, axis=0), out=self.high[b])
        self.last[b] = chunk[-1]
        self.steps[b] = steps[i + m - 1]
        self.nonfinite[b] |= bool(bad[i : i + m].any())
        self.fill += m
        return m

    def _new_buckets(self, rows, steps, bad, i: int, n: int) -> int:
        s, c = self.stride, self._count
        whole = min(self.capacity - c, (n - i) // s)
        if whole == 0:  # less than one bucket left: open a partly filled one
            self._count += 1
            self.low[c] = self.high[c] = np.nan
            self.fill = 0
            self.nonfinite[c] = False
            return self._merge_into_last(rows, steps, bad, i, n - i)
        block = rows[i : i + whole * s].reshape(whole, s, self.width)
        self.low[c : c + whole] = np.fmin.reduce(block, axis=1)
        self.high[c : c + whole] = np.fmax.reduce(block, axis=1)
        self.last[c : c + whole] = block[:, -1]
        self.steps[c : c + whole] = steps[i + s - 1 : i + whole * s : s]
        self.nonfinite[c : c + whole] = bad[i : i + whole * s].reshape(whole, s).any(axis=1)
        self._count += whole
        self.fill = s
        return whole * s

    def _halve(self) -> None:
        """Merge bucket pairs (2j, 2j+1) -> j: min of mins, max of maxes, last of the later one."""
        half = self.capacity // 2
        self.steps[:half] = self.steps[1::2]
        self.last[:half] = self.last[1::2]
        self.low[:half] = np.fmin(self.low[0::2], self.low[1::2])
        self.high[:half] = np.fmax(self.high[0::2], self.high[1::2])
        self.nonfinite[:half] = self.nonfinite[0::2] | self.nonfinite[1::2]
        self.last[half:] = np.nan
        self.low[half:] = np.nan
        self.high[half:] = np.nan
        self.nonfinite[half:] = False
        self._count = half
        self.stride *= 2
        self.fill = self.stride

    def arrays(self, prefix: str, bands: bool = True) -> dict[str, np.ndarray]:
        """Read-only copies of the used part, named for a session file or a snapshot.

        ``bands=False`` leaves out the buckets' minima and maxima (``low``, ``high``): a
        snapshot of a history the GUI draws as its last values only (the per-layer
        statistics) then copies, compares and pipes a third of the bytes, 40 times a second."""
        n = self.count
        out = {
            f"{prefix}.steps": self.steps[:n].copy(),
            f"{prefix}.last": self.last[:n].copy(),
        }
        if bands:
            out[f"{prefix}.low"] = self.low[:n].copy()
            out[f"{prefix}.high"] = self.high[:n].copy()
        out[f"{prefix}.nonfinite"] = self.nonfinite[:n].copy()
        for array in out.values():
            array.flags.writeable = False
        return out

    def meta(self) -> dict[str, int]:
        return {
            "width": self.width,
            "capacity": self.capacity,
            "count": self.count,
            "stride": self.stride,
            "fill": self.fill,
        }

    @classmethod
    def restore(cls, meta: dict[str, int], arrays: dict[str, np.ndarray], prefix: str) -> SeriesHistory:
        """Rebuild from :meth:`meta` and :meth:`arrays` (a session file); shapes are checked."""
        history = cls(int(meta["width"]), int(meta["capacity"]))
        n = int(meta["count"])
        if not 0 <= n <= history.capacity:
            raise ValueError(f"{prefix}: bucket count {n} outside 0..{history.capacity}")
        for name in ("steps", "last", "low", "high", "nonfinite"):
            source = arrays[f"{prefix}.{name}"]
            target = getattr(history, name)
            if source.shape != (n, *target.shape[1:]):
                raise ValueError(f"{prefix}.{name}: shape {source.shape} does not match {n} buckets")
            target[:n] = source
        history._count, history.stride, history.fill = n, int(meta["stride"]), int(meta["fill"])
        if history.stride < 1 or not 0 <= history.fill <= history.stride:
            raise ValueError(f"{prefix}: invalid stride/fill")
        return history

    def truncate(self, step: int) -> None:
        """Drop every bucket that ends after ``step`` (a rewind); the replay refills them."""
        self.flush()
        keep = int(np.searchsorted(self.steps[: self._count], step, side="right"))
        self.last[keep:] = np.nan
        self.low[keep:] = np.nan
        self.high[keep:] = np.nan
        self.nonfinite[keep:] = False
        self._count = keep
        self.fill = self.stride

    def latest(self) -> np.ndarray:
        return self.last[self.count - 1].copy() if self.count else np.full(self.width, np.nan)

    def values_since(self, step: int) -> np.ndarray:
        """Last values of the buckets that end at or after ``step`` (for growth checks)."""
        n = self.count
        mask = self.steps[:n] >= step
        return self.last[:n][mask]

    def nbytes(self) -> int:
        arrays = (
            self.steps,
            self.last,
            self.low,
            self.high,
            self.nonfinite,
            self._staged_rows,
            self._staged_steps,
        )
        return sum(a.nbytes for a in arrays)
