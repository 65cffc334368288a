"""The statistics' histograms: fixed equal bins, out-of-range values in the end bins,
non-finite values nowhere; the same counts as ``np.histogram`` on the clipped values.
And the statistics' mean and std: numpy's, bit for bit."""

from __future__ import annotations

import numpy as np
import pytest

from gradsim.engine import diagnostics
from gradsim.engine.diagnostics import (
    GRAD_LOG_RANGE,
    HISTOGRAM_BINS,
    HISTOGRAM_RANGE,
    histogram,
    histogram_rows,
    mean_std,
)


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


@pytest.mark.parametrize("chunk", [1, 50, 1 << 16])
def test_rows_binned_together_equal_one_histogram_each(monkeypatch, chunk: int) -> None:
    """``histogram_rows`` bins many arrays in shared chunks: whatever the grouping, each row is
    the array's own histogram (non-finite values of one array never shift another's counts)."""
    monkeypatch.setattr(diagnostics, "HISTOGRAM_CHUNK", chunk)
    rng = np.random.default_rng(1)
    arrays = [
        (rng.normal(size=(7, 5)) * 3).astype(np.float32),
        None,
        np.array([np.nan, 0.5, np.inf, -np.inf, 9.0]),
        np.zeros((0, 4)),
        (rng.normal(size=(20, 3)) * 2).astype(np.float16),
    ]
    rows = histogram_rows(arrays)
    assert rows.shape == (len(arrays), HISTOGRAM_BINS) and rows.dtype == np.float64
    for row, values in zip(rows, arrays, strict=True):
        np.testing.assert_array_equal(row, histogram(values))
    assert rows[2].sum() == 2  # 0.5 and 9.0 (in the top bin)


def test_log10_rows_put_zero_and_non_finite_gradients_in_the_lowest_bin() -> None:
    grads = [np.array([0.0, 1e-3, np.nan, np.inf, -1e-20, 10.0]), np.array([[1.0, -1.0]])]
    rows = histogram_rows(grads, GRAD_LOG_RANGE, bins=14, log10_abs=True)
    logs = np.log10(np.abs(grads[0][[1, 5]]))
    expected = _reference(np.concatenate([[-12.0] * 4, logs]), 14, GRAD_LOG_RANGE)
    np.testing.assert_array_equal(rows[0], expected)  # 0, NaN, inf and 1e-20 at -12
    np.testing.assert_array_equal(rows[1], _reference(np.zeros(2), 14, GRAD_LOG_RANGE))


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_mean_std_is_numpys_float64_mean_and_std_bit_for_bit(dtype) -> None:
    rng = np.random.default_rng(2)
    for shape in [(1,), (3, 5), (128, 64), (300, 97)]:
        values = (rng.normal(size=shape) * 7 + 3).astype(dtype)
        mean, std = mean_std(values)
        assert mean == float(np.mean(values, dtype=np.float64))
        assert std == float(np.std(values, dtype=np.float64))
    assert all(np.isnan(v) for v in mean_std(None))
