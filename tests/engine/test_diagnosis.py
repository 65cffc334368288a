"""Each diagnosis kind has a configuration that triggers it; relu-he triggers none."""

from __future__ import annotations

import numpy as np
import pytest

from gradsim.engine.diagnosis import Diagnosis, format_diagnosis
from gradsim.engine.trainer import Trainer
from gradsim.shipped import load_config

CIRCLES = {"kind": "circles", "n_samples": 200, "noise": 0.1, "seed": 0}


def _codes_seen(config: dict, steps: int, seed: int) -> set[str]:
    trainer = Trainer({**config, "training": {**config.get("training", {}), "seed": seed}})
    seen: set[str] = set()
    for _ in range(steps // 10):
        trainer.run(10)
        seen |= {d.code for d in trainer.diagnoses()}
    return seen


def _share_of_seeds(config: dict, code: str, steps: int = 100, seeds: int = 5) -> float:
    return float(np.mean([code in _codes_seen(config, steps, seed) for seed in range(seeds)]))


def test_relu_he_triggers_no_diagnosis() -> None:
    config = load_config("relu-he")
    assert _codes_seen(config, 300, config["training"]["seed"]) == set()


def test_relu_he_rarely_loses_units_over_seeds() -> None:
    """Width-8 ReLU layers can die by chance (a real effect the app shows); He keeps it rare."""
    config = load_config("relu-he")
    seen = [_codes_seen(config, 100, seed) for seed in range(12)]
    assert all(codes <= {"dead_relu"} for codes in seen)
    assert sum("dead_relu" in codes for codes in seen) <= 4  # measured: 4 of 12 seeds at width 8


def test_deep_sigmoid_triggers_vanishing() -> None:
    config = load_config("sigmoid-deep")
    config["network"]["depth"] = 20
    assert _share_of_seeds(config, "vanishing") == 1.0


def test_diverging_run_triggers_diverged_and_exploding() -> None:
    config = load_config("exploding")
    assert _share_of_seeds(config, "diverged", steps=100) == 1.0
    assert _share_of_seeds(config, "exploding", steps=100) == 1.0


def test_negative_bias_kills_relu_units() -> None:
    config = {
        "data": CIRCLES,
        "network": {
            "depth": 4,
            "width": 16,
            "activation": "relu",
            "bias_init": {"kind": "constant", "value": -2.0},
        },
    }
    assert _share_of_seeds(config, "dead_relu", steps=20) == 1.0


def test_unit_normal_init_saturates_tanh() -> None:
    config = {
        "data": CIRCLES,
        "network": {"depth": 4, "width": 64, "activation": "tanh", "init": {"kind": "normal", "std": 1.0}},
    }
    assert _share_of_seeds(config, "saturated", steps=20) == 1.0


def test_constant_init_is_symmetric() -> None:
    config = {
        "data": CIRCLES,
        "network": {
            "depth": 3,
            "width": 8,
            "activation": "tanh",
            "init": {"kind": "constant", "value": 0.2},
            "output_init": {"kind": "constant", "value": 0.2},
        },
    }
    assert _share_of_seeds(config, "symmetric", steps=20) == 1.0


@pytest.mark.parametrize(
    ("diagnosis", "text"),
    [
        (
            Diagnosis("vanishing", {"layer": 1, "ratio": 3e-7, "ref_layer": 10}),
            "vanishing: layer 1 gradient is 3.0e-07 of layer 10's",
        ),
        (
            Diagnosis("exploding", {"kind": "growth", "growth": 1e4, "steps": 20}),
            "exploding: gradient norm grew 1.0e+04x in 20 steps",
        ),
        (
            Diagnosis("diverged", {"what": "loss", "value": "NaN", "step": 132}),
            "diverged: loss became NaN at step 132",
        ),
        (Diagnosis("dead_relu", {"layer": 4, "percent": 83.0}), "dead ReLU: 83% of layer 4 units inactive"),
        (
            Diagnosis("saturated", {"layer": 2, "percent": 95.0, "activation": "tanh"}),
            "saturated: 95% of layer 2 tanh units saturated",
        ),
        (Diagnosis("symmetric", {"layer": 2}), "symmetric: all units of layer 2 identical (constant init)"),
    ],
)
def test_english_wording(diagnosis: Diagnosis, text: str) -> None:
    assert format_diagnosis(diagnosis) == text
