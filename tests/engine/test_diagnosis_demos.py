"""The diagnoses the shipped demos show, on the real runs: float16 underflow, a network that is
symmetric in every layer, and a blow-up to NaN with the step to rewind to.

These are the demos a lecturer shows; each test pins what the banner then says (its
primary diagnosis and the numbers behind it), not only that some rule fires.
"""

from __future__ import annotations

import numpy as np

from gradsim.engine.diagnostics import exact_zero_gradients
from gradsim.engine.timeline import Timeline
from gradsim.engine.trainer import Trainer
from gradsim.scenarios.catalogue import find_scenario
from gradsim.shipped import load_config


def _scenario(name: str, **training) -> dict:
    config = find_scenario(name).config()
    config["training"] = {**config.get("training", {}), **training}
    return config


# --------------------------------------------------------------------------- float16 underflow
def test_float16_scenario_names_underflow_with_the_layers_that_are_exactly_zero() -> None:
    trainer = Trainer(_scenario("float16-underflow"))
    trainer.run(61)  # statistics are sampled at steps 1, 21, 41, 61, ...
    found = trainer.diagnoses()
    assert [d.code for d in found][:2] == ["underflow", "vanishing"]
    params = found[0].params
    assert params["precision"] == "float16" and params["layer"] == 1
    assert 1 in params["all_zero"]  # every entry of layer 1's weight gradient is exactly 0
    counts = exact_zero_gradients(trainer.network)
    grad = trainer.network.grads["layers.0.W"]
    assert counts[0].tolist() == [grad.size, grad.size] and not np.any(grad)
    assert params["zeros"] == int(counts[counts[:, 0] > 0, 0].sum())
    assert params["entries"] == int(counts[counts[:, 0] > 0, 1].sum())


def test_float32_and_float64_runs_of_the_same_net_show_no_underflow() -> None:
    for precision in ("float32", "float64"):
        trainer = Trainer(_scenario("float16-underflow", precision=precision))
        trainer.run(60)
        assert "underflow" not in {d.code for d in trainer.diagnoses()}, precision


def test_dead_relu_zeros_are_not_counted_as_underflow() -> None:
    """A ReLU unit dead on the batch has a zero gradient column in any precision, and the
    layers below a dead layer get no gradient at all: neither is underflow."""
    config = {
        "data": {"kind": "circles", "n_samples": 200, "noise": 0.1, "seed": 0},
        "network": {
            "depth": 4,
            "width": 16,
            "activation": "relu",
            "bias_init": {"kind": "constant", "value": -2.0},
        },
        "training": {"precision": "float16"},
    }
    trainer = Trainer(config)
    trainer.run(21)
    codes = [d.code for d in trainer.diagnoses()]
    assert "dead_relu" in codes and "underflow" not in codes


def test_a_rewind_to_step_0_forgets_the_underflow_counts() -> None:
    trainer = Trainer(_scenario("float16-underflow"))
    timeline = Timeline()
    timeline.start(trainer)
    for _ in range(21):
        trainer.step()
        timeline.record(trainer)
    assert trainer.diagnoses()[0].code == "underflow"
    timeline.rewind(trainer, 0)
    assert trainer.diagnoses() == []


# --------------------------------------------------------------------------- symmetry
def test_symmetry_scenario_names_symmetric_units_first_once_for_all_layers() -> None:
    trainer = Trainer(find_scenario("symmetry-never-breaks").config())
    for _ in range(5):
        trainer.run(100)
        found = trainer.diagnoses()
        assert found[0].code == "symmetric"
        assert found[0].params["layers"] == (1, 2, 3) and found[0].params["all_layers"]
        assert [d.code for d in found].count("symmetric") == 1


# --------------------------------------------------------------------------- blow-up and rewind
def _until_divergence(trainer: Trainer, timeline: Timeline, limit: int = 1000) -> None:
    while trainer.divergence is None and trainer.step_count < limit:
        trainer.step()
        timeline.record(trainer)


def test_exploding_example_rewinds_to_the_checkpoint_before_the_blow_up() -> None:
    trainer = Trainer(load_config("exploding"))
    timeline = Timeline()
    timeline.start(trainer)
    _until_divergence(trainer, timeline)
    diverged = trainer.diagnoses()[0]
    assert diverged.code == "diverged" and diverged.params["step"] == 6
    assert diverged.params["onset"] == 2  # 3.75, then 9.05, 11.4, 364, 6e21, Inf: it never came back
    assert diverged.params["rewind_to"] == 0
    # every layer was finite on the way forward: the squared error itself overflowed
    assert "forward_layer" not in diverged.params
    # lowering the learning rate from the exploded weights diverges again one step later ...
    after = trainer.step_count
    trainer.clear_divergence()
    timeline.edit(trainer, "learning_rate", {"lr": 0.05})
    trainer.step()
    assert trainer.divergence is not None and trainer.divergence["step"] == after + 1
    # ... from the rewind target it trains
    timeline.rewind(trainer, diverged.params["rewind_to"])
    trainer.set_learning_rate(0.05)
    trainer.run(300)
    assert trainer.divergence is None and trainer.last_record.loss < 0.5


def test_a_late_blow_up_rewinds_to_the_last_checkpoint_before_it() -> None:
    """Raising the learning rate at step 150 blows the run up near step 159: back to step 100
    (checkpoints every 100 steps), where the learning rate is the old one again."""
    config = load_config("exploding")
    config["optimizer"]["lr"] = 0.1
    trainer = Trainer(config)
    timeline = Timeline()
    timeline.start(trainer)
    for _ in range(150):
        trainer.step()
        timeline.record(trainer)
    timeline.edit(trainer, "learning_rate", {"lr": 0.4})
    _until_divergence(trainer, timeline)
    params = trainer.diagnoses()[0].params
    assert 150 < params["onset"] < params["step"] < 200
    assert params["rewind_to"] == 100 == max(s for s in trainer.checkpoint_steps if s <= params["onset"] - 2)
    timeline.rewind(trainer, params["rewind_to"])
    assert trainer.optimizer.lr == 0.1 and trainer.divergence is None
    trainer.run(300)
    assert trainer.divergence is None


def test_exploding_to_nan_scenario_names_the_forward_layer_and_step_0() -> None:
    trainer = Trainer(find_scenario("exploding-to-nan").config())
    _until_divergence(trainer, Timeline(), limit=10)
    params = trainer.diagnoses()[0].params
    assert params["what"] == "loss" and params["step"] == 3
    assert 1 <= params["forward_layer"] <= params["depth"] == 20
    outputs = [layer.output for layer in trainer.network.cache]
    first_bad = next(i for i, a in enumerate(outputs) if not np.isfinite(a).all()) + 1
    assert params["forward_layer"] == first_bad
    assert params["rewind_to"] == 0
