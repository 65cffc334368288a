"""The statistics' histograms: fixed equal bins, out-of-range values in the end bins,
non-finite values nowhere; the same counts as ``np.histogram`` on the clipped values."""

from __future__ import annotations

import numpy as np
import pytest

from gradsim.engine.diagnostics import HISTOGRAM_BINS, HISTOGRAM_RANGE, histogram


def _reference(values: np.ndarray, bins: int, value_range: tuple[float, float]) -> np.ndarray:
    flat = values.reshape(-1).astype(np.float64)
    flat = np.clip(flat[np.isfinite(flat)], *value_range)
    return np.histogram(flat, bins=bins, range=value_range)[0].astype(np.float64)


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_counts_match_numpy_histogram_with_ends_clipped(dtype) -> None:
    rng = np.random.default_rng(0)
    values = (rng.normal(size=(300, 40)) * 3).astype(dtype)
    values[0, :5] = [np.nan, np.inf, -np.inf, 100.0, -100.0]
    counts = histogram(values)
    assert counts.shape == (HISTOGRAM_BINS,) and counts.dtype == np.float64
    np.testing.assert_array_equal(counts, _reference(values, HISTOGRAM_BINS, HISTOGRAM_RANGE))
    assert counts.sum() == values.size - 3  # NaN and +-inf are nowhere
    assert counts[0] >= 1 and counts[-1] >= 1


def test_bin_edges_and_other_ranges() -> None:
    edges = np.linspace(-12.0, 2.0, 15)  # every edge of 14 one-decade bins, the top included
    counts = histogram(edges, bins=14, value_range=(-12.0, 2.0))
    np.testing.assert_array_equal(counts, _reference(edges, 14, (-12.0, 2.0)))
    np.testing.assert_array_equal(histogram(None), np.zeros(HISTOGRAM_BINS))
    np.testing.assert_array_equal(histogram(np.array([np.nan])), np.zeros(HISTOGRAM_BINS))
