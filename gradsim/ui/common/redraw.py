"""Redraw only what changed: compare what a panel would draw now with what it drew last.

Frames come 30-40 times a second, but much of what a panel shows changes less often (the
cadence statistics every ``diagnostics_every`` steps, the decision map a few times a second,
the weights not at all while paused). A panel keeps its last drawn inputs with :func:`kept`
and skips the pyqtgraph calls, and so the repaint, while :func:`same_inputs` holds.
"""

from __future__ import annotations

import math

import numpy as np


def same_inputs(previous: object, current: object) -> bool:
    """True when ``current`` draws the same as ``previous`` (what a panel drew last).

    Compares by content, not identity, as snapshots arrive either as the same objects
    (thread backend) or as fresh unpickled copies (process backend): arrays by shape,
    dtype and values (NaN equal to NaN), tuples, lists and dicts element by element,
    anything else with ``==``. The same array object is equal at once (snapshot arrays
    are read-only). Cheap: microseconds for the few small arrays a panel draws.
    """
    if previous is current:
        return True
    if isinstance(current, np.ndarray) or isinstance(previous, np.ndarray):
        if not (isinstance(current, np.ndarray) and isinstance(previous, np.ndarray)):
            return False
        if previous.shape != current.shape or previous.dtype != current.dtype:
            return False
        with np.errstate(invalid="ignore"):
            differs = previous != current
        if not differs.any():
            return True
        if current.dtype.kind not in "fc" or not np.isnan(previous).any():
            return False
        return not bool((differs & ~(np.isnan(previous) & np.isnan(current))).any())  # NaN == NaN
    if isinstance(current, tuple | list):
        return (
            type(previous) is type(current)
            and len(previous) == len(current)
            and all(same_inputs(a, b) for a, b in zip(previous, current, strict=True))
        )
    if isinstance(current, dict):
        return (
            isinstance(previous, dict)
            and previous.keys() == current.keys()
            and all(same_inputs(previous[k], current[k]) for k in current)
        )
    if isinstance(current, float) and isinstance(previous, float) and math.isnan(current):
        return math.isnan(previous)
    try:
        return bool(previous == current)
    except (TypeError, ValueError):
        return False


def kept(inputs: object) -> object:
    """``inputs`` safe to keep for :func:`same_inputs`: writeable arrays copied (read-only ones shared)."""
    if isinstance(inputs, np.ndarray):
        return inputs.copy() if inputs.flags.writeable else inputs
    if isinstance(inputs, tuple | list):
        return type(inputs)(kept(value) for value in inputs)
    if isinstance(inputs, dict):
        return {key: kept(value) for key, value in inputs.items()}
    return inputs
