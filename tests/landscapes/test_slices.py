"""Slices of a real network's loss surface: filter normalization, 2-D grids, PCA of the path."""

from __future__ import annotations

import numpy as np
import pytest

from gradsim.engine.errors import ConfigError
from gradsim.engine.trainer import Trainer
from gradsim.landscapes.slices import (
    data_subset,
    filter_normalized_directions,
    interpolate_1d,
    pca_directions,
    pca_slice,
    slice_2d,
)


def small_config(**network) -> dict:
    return {
        "data": {"kind": "circles", "n_samples": 300, "seed": 0},
        "network": {"depth": 2, "width": 8, **network},
        "optimizer": {"kind": "adam", "lr": 0.02},
        "training": {"batch_size": 32, "checkpoint_every": 10, "seed": 1},
    }


@pytest.fixture(scope="module")
def trained():
    trainer = Trainer(small_config())
    trainer.initial = trainer.flat_parameters()
    trainer.run(200)
    return trainer


@pytest.fixture(scope="module")
def rich():
    """BatchNorm, PReLU and a residual projection: every kind of parameter."""
    config = small_config()
    config["network"] = {
        "layers": [
            {"width": 6, "activation": "prelu", "norm": "batch"},
            {"width": 8, "activation": "tanh", "norm": "layer"},
            {"width": 8},
        ],
        "residual_every": 2,
    }
    trainer = Trainer(config)
    trainer.run(60)
    return trainer


def snapshot(trainer) -> dict[str, np.ndarray]:
    arrays = {f"param {k}": v.copy() for k, v in trainer.network.params.items()}
    arrays.update({f"buffer {k}": v.copy() for k, v in trainer.network.buffers.items()})
    arrays.update({f"opt {k}": v for k, v in trainer.optimizer.state_arrays().items()})
    return arrays


def assert_untouched(trainer, before: dict[str, np.ndarray]) -> None:
    after = snapshot(trainer)
    assert after.keys() == before.keys()
    for key, value in before.items():
        assert after[key].tobytes() == value.tobytes(), key


def split(trainer, flat: np.ndarray) -> dict[str, np.ndarray]:
    out, offset = {}, 0
    for name, param in trainer.network.params.items():
        out[name] = flat[offset : offset + param.size].reshape(param.shape)
        offset += param.size
    assert offset == flat.size
    return out


# ----------------------------------------------------------------------------- directions
def test_filter_normalized_columns_have_thetas_norms(rich):
    names = list(rich.network.params)
    assert any(n.endswith(".P") for n in names) and any(n.endswith(".slope") for n in names)
    assert any(n.endswith(".gamma") for n in names)
    d1, d2 = filter_normalized_directions(rich, seed=3)
    for d in (d1, d2):
        assert d.shape == (rich.network.n_parameters(),) and d.dtype == np.float64
        for name, part in split(rich, d).items():
            theta = rich.network.params[name]
            if theta.ndim == 2:  # (fan_in, fan_out): neuron j's incoming weights are column j
                np.testing.assert_allclose(
                    np.linalg.norm(part, axis=0), np.linalg.norm(theta, axis=0), rtol=1e-9, atol=1e-12
                )
                assert not np.allclose(part, theta)  # random, not a copy of theta
            else:  # biases, gamma/beta, PReLU slopes
                assert np.all(part == 0.0), name
    assert not np.allclose(d1, d2)


def test_directions_are_seeded(trained):
    a1, a2 = filter_normalized_directions(trained, seed=5)
    b1, b2 = filter_normalized_directions(trained, seed=5)
    c1, _ = filter_normalized_directions(trained, seed=6)
    np.testing.assert_array_equal(a1, b1)
    np.testing.assert_array_equal(a2, b2)
    assert not np.array_equal(a1, c1)


# ----------------------------------------------------------------------------- 2-D slices
def test_slice_grid_progress_and_center(trained):
    before = snapshot(trained)
    d1, d2 = filter_normalized_directions(trained, seed=0)
    calls = []
    result = slice_2d(
        trained, d1, d2, resolution=7, span=0.5, n_samples=120, progress=lambda *a: calls.append(a)
    )
    counts = [done for done, _ in calls]
    assert counts == sorted(set(counts)) and counts[-1] == 49
    assert all(total == 49 for _, total in calls)
    assert not result.cancelled and result.n_samples == 120
    assert result.losses.shape == (7, 7) and np.all(np.isfinite(result.losses))
    np.testing.assert_allclose(result.alphas, np.linspace(-0.5, 0.5, 7))
    x, y = data_subset(trained, 120, seed=0)
    assert len(x) == 120
    expected = trained.network.evaluate(x, y)[0]
    assert result.center_loss == expected  # same precision: bit for bit
    assert result.losses[3, 3] == expected
    # losses[i, j] is at alphas[j] along d1, betas[i] along d2.
    corner = interpolate_1d(
        trained,
        trained.flat_parameters(),
        trained.flat_parameters() + 0.5 * d1 - 0.5 * d2,
        alphas=[1.0],
        n_samples=120,
    )[1][0]
    assert result.losses[0, 6] == pytest.approx(corner, rel=1e-12)
    assert result.center_loss < np.max(result.losses)
    assert_untouched(trained, before)


def test_slice_cancel_stops_early(trained):
    before = snapshot(trained)
    d1, d2 = filter_normalized_directions(trained, seed=0)
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 2

    result = slice_2d(trained, d1, d2, resolution=9, n_samples=50, cancel=cancel)
    assert result.cancelled
    assert np.all(np.isfinite(result.losses[:2])) and np.all(np.isnan(result.losses[2:]))
    assert_untouched(trained, before)
    chunked = slice_2d(trained, d1, d2, resolution=9, n_samples=50, chunk_rows=4, cancel=lambda: False)
    assert not chunked.cancelled and np.all(np.isfinite(chunked.losses))


def test_slice_leaves_the_trainer_alone_on_exceptions(trained):
    before = snapshot(trained)
    d1, d2 = filter_normalized_directions(trained, seed=0)

    def boom(done: int, total: int) -> None:
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        slice_2d(trained, d1, d2, resolution=5, n_samples=50, progress=boom)
    assert_untouched(trained, before)
    trained.step()  # the trainer still trains afterwards


def test_slice_float32_is_close_to_float64(trained):
    d1, d2 = filter_normalized_directions(trained, seed=1)
    fast = slice_2d(trained, d1, d2, resolution=5, n_samples=100, precision="float32")
    exact = slice_2d(trained, d1, d2, resolution=5, n_samples=100, precision="float64")
    assert fast.precision == "float32" and exact.precision == "float64"
    np.testing.assert_allclose(fast.losses, exact.losses, rtol=1e-4, atol=1e-6)


def test_slice_in_eval_mode_with_batchnorm(rich):
    before = snapshot(rich)
    d1, d2 = filter_normalized_directions(rich, seed=0)
    result = slice_2d(rich, d1, d2, resolution=3, n_samples=None)
    x, y = data_subset(rich, None)
    assert len(x) == len(rich.dataset.x_train)
    assert result.center_loss == rich.network.evaluate(x, y)[0]  # running statistics, no batch stats
    assert_untouched(rich, before)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"resolution": 1},
        {"resolution": 2.5},
        {"span": 0.0},
        {"span": (1.0,)},
        {"n_samples": 0},
        {"precision": "float16"},
        {"chunk_rows": 0},
    ],
)
def test_slice_rejects_bad_settings(trained, kwargs):
    d1, d2 = filter_normalized_directions(trained, seed=0)
    with pytest.raises(ConfigError):
        slice_2d(trained, d1, d2, **kwargs)


def test_slice_rejects_bad_directions(trained):
    d1, d2 = filter_normalized_directions(trained, seed=0)
    with pytest.raises(ConfigError):
        slice_2d(trained, d1[:-1], d2)
    bad = d2.copy()
    bad[0] = np.nan
    with pytest.raises(ConfigError):
        slice_2d(trained, d1, bad)


# ----------------------------------------------------------------------------- 1-D
def test_interpolation_between_initial_and_trained(trained):
    before = snapshot(trained)
    final = trained.flat_parameters()
    alphas, losses = interpolate_1d(trained, trained.initial, final, n_samples=150)
    np.testing.assert_allclose(alphas, np.linspace(-0.5, 1.5, 41))
    x, y = data_subset(trained, 150)
    assert losses[30] == trained.network.evaluate(x, y)[0]  # alpha = 1: the trained network
    assert losses[10] > losses[30]  # alpha = 0: the initialization is worse
    assert_untouched(trained, before)


# ----------------------------------------------------------------------------- PCA
def test_pca_of_the_trajectory(trained):
    pca = pca_directions(trained)
    final = trained.flat_parameters()
    points = (
        np.stack([*trained.checkpoints, final])
        if trained.checkpoint_steps[-1] != trained.step_count
        else (np.stack(trained.checkpoints))
    )
    matrix = points - final
    assert pca.projected_path.shape == (len(points), 2)
    assert pca.steps[0] == 0 and pca.steps[-1] == trained.step_count
    assert pca.projected_path[-1].tolist() == [0.0, 0.0]  # exactly
    np.testing.assert_allclose(
        np.stack([pca.d1, pca.d2]) @ np.stack([pca.d1, pca.d2]).T, np.eye(2), atol=1e-12
    )
    np.testing.assert_allclose(pca.projected_path, matrix @ np.stack([pca.d1, pca.d2]).T, atol=1e-10)
    assert np.all((pca.explained >= 0) & (pca.explained <= 1)) and pca.explained.sum() <= 1 + 1e-12
    assert pca.explained[0] >= pca.explained[1]
    # Uncentred: the squared distances to the plane sum to the unexplained part exactly...
    total = float(np.sum(matrix**2))
    residuals = np.sum(matrix**2, axis=1) - np.sum(pca.projected_path**2, axis=1)
    assert residuals.sum() == pytest.approx((1 - pca.explained.sum()) * total, rel=1e-6, abs=1e-9 * total)
    # ... so each endpoint lies in the plane up to the unexplained variance.
    assert residuals[0] <= (1 - pca.explained.sum()) * total * (1 + 1e-9) + 1e-12
    assert residuals[-1] == 0.0
    assert pca.explained.sum() > 0.5  # a small net's path is nearly planar (Li et al.: 40-98%)


def test_pca_slice_covers_the_path(trained):
    before = snapshot(trained)
    pca, result = pca_slice(trained, resolution=5, n_samples=60)
    extent = np.max(np.abs(pca.projected_path), axis=0)
    assert result.alphas[-1] == pytest.approx(1.25 * extent[0])
    assert result.betas[-1] == pytest.approx(1.25 * extent[1])
    assert result.losses[2, 2] == result.center_loss
    assert_untouched(trained, before)


def test_pca_needs_a_trajectory():
    fresh = Trainer(small_config())
    with pytest.raises(ConfigError):
        pca_directions(fresh)


def test_pca_ignores_checkpoints_after_the_current_step():
    trainer = Trainer(small_config())
    trainer.run(50)
    trainer.checkpoints.append(trainer.flat_parameters() + 100.0)  # as if left over from a rewind
    trainer.checkpoint_steps.append(90)
    pca = pca_directions(trainer)
    assert pca.steps.tolist() == [0, 10, 20, 30, 40, 50]
    assert pca.projected_path[-1].tolist() == [0.0, 0.0]
