"""Rewind and replay: equal to a run that never rewound; edits are events; memory is bounded."""

from __future__ import annotations

import numpy as np
import pytest

from gradsim.engine.errors import ConfigError
from gradsim.engine.timeline import Timeline
from gradsim.engine.trainer import Trainer

CONFIG = {
    "data": {"kind": "moons", "n_samples": 120, "noise": 0.2, "seed": 2},
    "network": {"layers": [{"width": 8, "activation": "noisy_relu", "norm": "batch"},
                           {"width": 8, "activation": "tanh"}]},
    "optimizer": {"kind": "adam", "lr": 0.02},
    "training": {"batch_size": 13, "seed": 4, "diagnostics_every": 5},
}


def _run(trainer: Trainer, timeline: Timeline, steps: int) -> None:
    for _ in range(steps):
        trainer.step()
        timeline.record(trainer)


def _same_state(a: Trainer, b: Trainer) -> bool:
    same = all(np.array_equal(v, b.network.params[k]) for k, v in a.network.params.items())
    same &= all(np.array_equal(v, b.network.buffers[k]) for k, v in a.network.buffers.items())
    other = b.optimizer.state_arrays()
    return same and all(np.array_equal(v, other[k]) for k, v in a.optimizer.state_arrays().items())


def test_rewind_and_replay_equals_a_run_that_never_rewound() -> None:
    reference = Trainer(CONFIG)
    reference.run(37)
    reference.set_learning_rate(0.005)
    reference.run(30)

    trainer, timeline = Trainer(CONFIG), Timeline(every=10)
    timeline.start(trainer)
    _run(trainer, timeline, 37)
    timeline.edit(trainer, "learning_rate", {"lr": 0.005})
    _run(trainer, timeline, 50)
    timeline.rewind(trainer, 67)
    assert trainer.step_count == 67
    assert _same_state(trainer, reference)
    steps = trainer.scalars.arrays("s")["s.steps"]
    assert steps[-1] == 67 and np.all(np.diff(steps) > 0)


def test_rewind_before_an_edit_cuts_it_and_can_keep_it_as_a_branch() -> None:
    trainer, timeline = Trainer(CONFIG), Timeline(every=10)
    timeline.start(trainer)
    _run(trainer, timeline, 20)
    timeline.edit(trainer, "clipping", {"spec": {"kind": "norm", "max": 0.1}})
    timeline.edit(trainer, "weight", {"name": "layers.0.W", "index": [0, 1], "value": 3.0})
    _run(trainer, timeline, 20)
    timeline.rewind(trainer, 15, keep_branch=True)
    assert trainer.config["clipping"] == {"kind": "none"}
    assert [e.kind for e in timeline.branch] == ["clipping", "weight"]
    assert timeline.events == []
    plain = Trainer(CONFIG)
    plain.run(15)
    assert _same_state(trainer, plain)
    _run(trainer, timeline, 5)
    assert [e.kind for e in timeline.replay_branch(trainer)] == ["clipping", "weight"]
    assert trainer.network.params["layers.0.W"][0, 1] == 3.0


def test_checkpoints_stay_bounded() -> None:
    trainer, timeline = Trainer(CONFIG), Timeline(every=1, max_checkpoints=6)
    timeline.start(trainer)
    _run(trainer, timeline, 200)
    assert len(timeline.checkpoints) <= 6
    assert timeline.steps()[0] == 0
    timeline.rewind(trainer, 3)
    assert trainer.step_count == 3


def test_bad_edits_and_rewinds_are_refused() -> None:
    trainer, timeline = Trainer(CONFIG), Timeline()
    timeline.start(trainer)
    with pytest.raises(ConfigError, match="weight.index"):
        timeline.edit(trainer, "weight", {"name": "layers.0.W", "index": [99, 0], "value": 1.0})
    with pytest.raises(ConfigError, match="weight.name"):
        trainer.set_weight("nope", (0,), 1.0)
    with pytest.raises(ValueError):
        timeline.rewind(trainer, 5)


def test_replay_applies_events_between_checkpoint_and_target() -> None:
    reference = Trainer(CONFIG)
    reference.run(33)
    reference.set_weight("layers.1.W", (2, 3), -2.5)
    reference.run(6)
    trainer, timeline = Trainer(CONFIG), Timeline(every=10)
    timeline.start(trainer)
    _run(trainer, timeline, 33)
    timeline.edit(trainer, "weight", {"name": "layers.1.W", "index": [2, 3], "value": -2.5})
    _run(trainer, timeline, 30)
    timeline.rewind(trainer, 39)  # checkpoint 30, the edit at 33 is replayed
    assert _same_state(trainer, reference)
    assert len(timeline.events) == 1


def test_state_at_a_past_step_equals_a_straight_run_and_leaves_the_present_alone() -> None:
    reference = Trainer(CONFIG)
    reference.run(23)
    reference.set_learning_rate(0.005)
    reference.run(8)  # the state at step 31

    trainer, timeline = Trainer(CONFIG), Timeline(every=10)
    timeline.start(trainer)
    _run(trainer, timeline, 23)
    timeline.edit(trainer, "learning_rate", {"lr": 0.005})
    _run(trainer, timeline, 40)
    trainer.gradsim_timeline = timeline  # as the app attaches it: the copy must not drag it along
    present = {k: v.copy() for k, v in trainer.network.params.items()}
    checkpoints, events = list(timeline.checkpoints), list(timeline.events)

    past = timeline.state_at(trainer, 31)
    assert past.step_count == 31 and _same_state(past, reference)
    assert past.scalars.arrays("s")["s.steps"][-1] == 31
    assert past.gradsim_timeline is None
    assert trainer.step_count == 63 and timeline.checkpoints == checkpoints and timeline.events == events
    assert all(np.array_equal(v, present[k]) for k, v in trainer.network.params.items())
    assert not any(np.shares_memory(v, trainer.network.params[k]) for k, v in past.network.params.items())
    with pytest.raises(ValueError, match="between 0 and 63"):
        timeline.state_at(trainer, 64)
