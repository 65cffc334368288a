"""Every column of the statistics table is what its name says, computed plainly with numpy
from what the step left in the network: the app's gradient-flow, activation and update plots
and the diagnosis rules read these numbers, so each is checked against its definition (not
against an earlier version of the same code), on a mixed network in both precisions."""

from __future__ import annotations

import numpy as np
import pytest

from gradsim.engine.budget import EVALUATION_SAMPLES
from gradsim.engine.diagnostics import LAYER_STAT_NAMES, SATURATION_MARGIN
from gradsim.engine.trainer import Trainer

LAYERS = [
    {"width": 12, "activation": "relu"},
    {"width": 12, "activation": "tanh", "norm": "batch"},
    {"width": 12, "activation": "sigmoid"},
    {"width": 10, "activation": "leaky_relu", "norm": "layer"},
    {"width": 10, "activation": "relu", "bias_init": {"kind": "constant", "value": -1.0}},
]


def _trainer(precision: str, seed: int) -> Trainer:
    config = {
        "data": {"kind": "spiral", "n_samples": 700, "seed": seed},
        "network": {"layers": LAYERS, "init": {"kind": "he_normal"}, "residual_every": 2},
        "optimizer": {"kind": "adam", "lr": 0.01},
        "training": {"batch_size": 48, "seed": seed, "precision": precision, "diagnostics_every": 1},
    }
    return Trainer(config)


def _expected(trainer: Trainer, before: dict[str, np.ndarray]) -> np.ndarray:
    network = trainer.network
    pre_eval: list[np.ndarray] = []
    x = trainer.dataset.x_train[:EVALUATION_SAMPLES]
    network.forward(x, train=False, keep_cache=False, collect=pre_eval)
    rows = []
    for i in range(network.depth):
        cache, act = network.cache[i], network.activations[i]
        gw = network.grads[f"layers.{i}.W"].astype(np.float64)
        gb = network.grads[f"layers.{i}.b"].astype(np.float64)
        w = network.params[f"layers.{i}.W"].astype(np.float64)
        out = cache.activation.astype(np.float64)
        pre = cache.pre_activation.astype(np.float64)
        if act.bounds is None:
            saturation = np.nan
        else:
            low, high = act.bounds
            margin = SATURATION_MARGIN * (high - low)
            saturation = np.mean((out <= low + margin) | (out >= high - margin))
        if act.name in ("relu", "leaky_relu"):  # leaky: its slope 0.01 passes gradient, never dead
            dead = np.mean(np.all(pre_eval[i] <= 0, axis=0)) if act.name == "relu" else 0.0
        else:
            dead = np.nan
        change = w - before[f"layers.{i}.W"].astype(np.float64)
        row = {
            "grad_norm_w": np.linalg.norm(gw),
            "grad_norm_b": np.linalg.norm(gb),
            "grad_mean": np.mean(gw),
            "grad_std": np.std(gw),
            "act_mean": np.mean(out),
            "act_std": np.std(out),
            "pre_mean": np.mean(pre),
            "pre_std": np.std(pre),
            "saturation": saturation,
            "dead_fraction": dead,
            "weight_norm": np.linalg.norm(w),
            "update_ratio": np.linalg.norm(change) / np.linalg.norm(w),
            "backprop_norm": np.linalg.norm(cache.grad_output.astype(np.float64)),
        }
        rows.append([row[name] for name in LAYER_STAT_NAMES])
    return np.array(rows)


@pytest.mark.parametrize("precision", ["float64", "float32"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_statistic_is_its_definition(precision: str, seed: int) -> None:
    trainer = _trainer(precision, seed)
    trainer.run(5)
    before = {name: value.copy() for name, value in trainer.network.params.items()}
    trainer.step()
    expected = _expected(trainer, before)
    assert trainer.stats.shape == expected.shape
    # float64 to the last bits; float32 norms are summed in float32 (like the per-step norms)
    rtol = 1e-12 if precision == "float64" else 1e-6
    for column, name in enumerate(LAYER_STAT_NAMES):
        np.testing.assert_allclose(
            trainer.stats[:, column], expected[:, column], rtol=rtol, atol=0, err_msg=name
        )
    assert np.all(trainer.stats[:, LAYER_STAT_NAMES.index("backprop_norm")] > 0)
    dead = trainer.stats[:, LAYER_STAT_NAMES.index("dead_fraction")]
    assert 0 < dead[4] < 1  # the last layer's bias of -1 kills some units: the case is really exercised
    assert np.isfinite(trainer.stats[2, LAYER_STAT_NAMES.index("saturation")])
