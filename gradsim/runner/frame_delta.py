"""Frames as changes to the previous one: what the training process sends through its pipe.

A frame's histories (:class:`gradsim.engine.history.SeriesHistory` buckets: loss, gradient
norms, per-layer statistics) are most of its bytes: whole frames measured 0.6-0.8 MB for a
3x8 net and 1.3-1.9 MB for a 10x64 net (0.65 MB of it the weight and gradient matrices)
after a few thousand steps, 40 times a second. From one frame to the next the histories
usually only grow by a row or two and change their last (partly filled) bucket; sent as
changes, a 3x8 frame is ~30-60 kB and a 10x64 one the ~0.63 MB of its matrices.

:func:`encode` walks a frame (dataclasses, tuples, dicts, arrays; a training
:class:`~gradsim.runner.training_loop.Frame` or one holding a comparison's tuple of
snapshots alike) beside the *base*, the previous frame sent, and replaces each array that
begins with the same rows as the base's array at the same place by a :class:`Tail`: the
number of leading rows kept and the rows after them. Rows are compared as bytes, so NaN
and Inf compare equal to themselves, and a history whose buckets merged (every row
changed) or a rewind (the history cut short) simply keeps fewer rows. :func:`decode`
rebuilds the frame from the base the receiver decoded last, which must be that same
frame: the sender numbers its frames, and a receiver that does not hold the base asks for
a full frame (:class:`gradsim.runner.training_process.ProcessBackend`).

Why this is exact: frames are immutable (every array a read-only copy, see
:mod:`gradsim.engine.snapshot`), so the base both sides hold is the frame that was sent,
and a decoded array equals the encoded one byte for byte. Decoded arrays are read-only;
an array that did not change at all is the base's own array (panels then see the same
object and skip redrawing it, :mod:`gradsim.ui.common.redraw`).

Qt-free (it runs in the training process).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import numpy as np

_ABSENT = object()  # no value at this place in the base
_LEAVES = (int, float, str, bool, type(None))  # passed on as they are, without a look
SMALL_BYTES = 2048  # arrays this small travel whole: comparing them costs more than sending them


@dataclass(frozen=True)
class Tail:
    """An array given as its first ``keep`` rows (the base's array's) and then ``rows``."""

    keep: int
    rows: np.ndarray


def common_rows(array: np.ndarray, base: np.ndarray) -> int:
    """How many leading rows ``array`` and ``base`` share, byte for byte (NaN-safe)."""
    n = min(len(array), len(base))
    if array is base:
        return n
    if n == 0:
        return 0
    a, b = _words(array[:n]), _words(base[:n])
    per_row = len(a) // n
    if per_row == 0:
        return n
    if (a[:per_row] != b[:per_row]).any():  # changed from the first row on (weights, a merge)
        return 0
    shared = (n - 1) * per_row
    if not (a[:shared] != b[:shared]).any():  # usual: a history grew and changed its last bucket
        return n - int((a[shared:] != b[shared:]).any())
    return int(np.argmax((a != b).reshape(n, per_row).any(axis=1)))


def _words(rows: np.ndarray) -> np.ndarray:
    """The rows' bytes, flat, as unsigned integers as wide as the row size allows."""
    flat = np.ascontiguousarray(rows).reshape(-1).view(np.uint8)
    row_bytes = len(flat) // len(rows)
    return flat.view(_WORDS[min(8, row_bytes & -row_bytes)]) if row_bytes else flat


_WORDS = {1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}


def _is_dataclass(value: Any) -> bool:
    return hasattr(type(value), "__dataclass_fields__") and not isinstance(value, type)


def _same_kind(array: np.ndarray, base: Any) -> bool:
    return (
        isinstance(base, np.ndarray)
        and array.ndim >= 1
        and base.ndim == array.ndim
        and base.dtype == array.dtype
        and not array.dtype.hasobject  # compared as bytes: only plain data
        and base.shape[1:] == array.shape[1:]
    )


def encode(value: Any, base: Any = _ABSENT, small_bytes: int = SMALL_BYTES) -> Any:
    """``value`` with every array that shares leading rows with ``base``'s replaced by a Tail.

    Without a base (or where the base has nothing of the same kind) the value stays whole,
    as do arrays of at most ``small_bytes``."""
    if isinstance(value, _LEAVES):
        return value
    if isinstance(value, np.ndarray):
        if value.nbytes <= small_bytes or not _same_kind(value, base):
            return value
        keep = common_rows(value, base)
        return Tail(keep, value[keep:]) if keep else value
    if _is_dataclass(value):
        if type(base) is not type(value):
            return value
        changes = {}
        for item in dataclasses.fields(value):
            old = getattr(value, item.name)
            new = encode(old, getattr(base, item.name), small_bytes)
            if new is not old:
                changes[item.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if type(value) is dict:
        if type(base) is not dict:
            return value
        return {key: encode(item, base.get(key, _ABSENT), small_bytes) for key, item in value.items()}
    if type(value) is tuple:
        if type(base) is not tuple or len(base) != len(value):
            return value
        return tuple(encode(item, old, small_bytes) for item, old in zip(value, base, strict=True))
    return value


def decode(value: Any, base: Any = _ABSENT) -> Any:
    """The frame :func:`encode` was given, rebuilt against the same ``base``; arrays read-only."""
    if isinstance(value, _LEAVES):
        return value
    if isinstance(value, Tail):
        if not isinstance(base, np.ndarray) or value.keep > len(base):
            raise ValueError("a frame change does not fit its base (not the frame it was made from)")
        if value.keep == len(base) and len(value.rows) == 0:
            return base  # unchanged: the very same read-only array
        array = np.concatenate([base[: value.keep], value.rows])
        array.flags.writeable = False
        return array
    if isinstance(value, np.ndarray):
        if value.flags.writeable:
            value.flags.writeable = False
        return value
    if _is_dataclass(value):
        same = type(base) is type(value)
        changes = {}
        for item in dataclasses.fields(value):
            old = getattr(value, item.name)
            new = decode(old, getattr(base, item.name) if same else _ABSENT)
            if new is not old:
                changes[item.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if type(value) is dict:
        olds = base if type(base) is dict else {}
        return {key: decode(item, olds.get(key, _ABSENT)) for key, item in value.items()}
    if type(value) is tuple:
        olds = base if type(base) is tuple and len(base) == len(value) else (_ABSENT,) * len(value)
        return tuple(decode(item, old) for item, old in zip(value, olds, strict=True))
    return value


class DeltaSender:
    """The sending end: numbers frames and encodes each against the previous one sent.

    Encode at send time, after any coalescing (latest wins), so the base is a frame the
    receiver actually got."""

    def __init__(self, small_bytes: int = SMALL_BYTES) -> None:
        self._base: Any = _ABSENT
        self._serial = 0
        self.small_bytes = small_bytes

    def pack(self, frame: Any) -> tuple[int, int | None, Any]:
        """(serial, serial of the base or None for a whole frame, the encoded frame)."""
        base_serial = None if self._base is _ABSENT else self._serial
        encoded = encode(frame, self._base, self.small_bytes)
        self._serial += 1
        self._base = frame
        return self._serial, base_serial, encoded

    def forget(self) -> None:
        """Send the next frame whole (the receiver lost the base)."""
        self._base = _ABSENT


class DeltaReceiver:
    """The receiving end: rebuilds each frame against the last one it decoded."""

    def __init__(self) -> None:
        self._base: Any = _ABSENT
        self._serial: int | None = None

    def unpack(self, packed: tuple[int, int | None, Any]) -> Any | None:
        """The frame, or None when it was made against a base this end does not hold
        (then ask the sender to :meth:`DeltaSender.forget`)."""
        serial, base_serial, encoded = packed
        if base_serial is not None and base_serial != self._serial:
            return None
        frame = decode(encoded, _ABSENT if base_serial is None else self._base)
        self._serial, self._base = serial, frame
        return frame
