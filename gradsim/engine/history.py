"""Bounded-memory histories that keep spikes: bucketed decimation with min, max and last.

A run of 10^6 steps cannot keep every value of every layer. A :class:`SeriesHistory`
holds at most ``capacity`` buckets; when full, neighbouring buckets merge in pairs
and each bucket then covers twice as many steps. Every bucket keeps the minimum,
the maximum and the last value of its steps (NaN-aware: ``fmin``/``fmax`` ignore
NaN, and a separate flag records that a non-finite value fell in the bucket), so a
spike or the step where the loss became NaN survives any amount of thinning.

Memory is fixed at construction: ``capacity * (3 * width * 8 + 9)`` bytes.
"""

from __future__ import annotations

import numpy as np

DEFAULT_CAPACITY = 2048


class SeriesHistory:
    """A decimating history of ``width`` values per record (one value per layer, say)."""

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
        self.count = 0  # buckets in use (the last one may be partly filled)
        self.stride = 1  # records per full bucket
        self.fill = 0  # records in the last bucket

    def append(self, step: int, values: np.ndarray | float) -> None:
        row = np.asarray(values, dtype=np.float64).reshape(self.width)
        bad = not np.all(np.isfinite(row))
        if self.count == 0 or self.fill >= self.stride:
            if self.count == self.capacity:
                self._halve()
            i = self.count
            self.count += 1
            self.fill = 0
            self.low[i] = row
            self.high[i] = row
            self.nonfinite[i] = bad
        else:
            i = self.count - 1
            np.fmin(self.low[i], row, out=self.low[i])
            np.fmax(self.high[i], row, out=self.high[i])
            self.nonfinite[i] |= bad
        self.last[i] = row
        self.steps[i] = step
        self.fill += 1

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
        self.count = half
        self.stride *= 2
        self.fill = self.stride

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """Read-only copies of the used part, named for a session file or a snapshot."""
        n = self.count
        out = {
            f"{prefix}.steps": self.steps[:n].copy(),
            f"{prefix}.last": self.last[:n].copy(),
            f"{prefix}.low": self.low[:n].copy(),
            f"{prefix}.high": self.high[:n].copy(),
            f"{prefix}.nonfinite": self.nonfinite[:n].copy(),
        }
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
        history.count, history.stride, history.fill = n, int(meta["stride"]), int(meta["fill"])
        if history.stride < 1 or not 0 <= history.fill <= history.stride:
            raise ValueError(f"{prefix}: invalid stride/fill")
        return history

    def latest(self) -> np.ndarray:
        return self.last[self.count - 1].copy() if self.count else np.full(self.width, np.nan)

    def values_since(self, step: int) -> np.ndarray:
        """Last values of the buckets that end at or after ``step`` (for growth checks)."""
        n = self.count
        mask = self.steps[:n] >= step
        return self.last[:n][mask]

    def nbytes(self) -> int:
        return sum(a.nbytes for a in (self.steps, self.last, self.low, self.high, self.nonfinite))
