"""Variants in lockstep: every frame at one step count, each variant bit for bit its own
config trained alone, and the comparison run by the training process (which loads no Qt)."""

from __future__ import annotations

import os
import pickle
import threading
import time

import numpy as np
import pytest

from gradsim.engine.config import validate_config
from gradsim.engine.errors import ConfigError
from gradsim.engine.trainer import Trainer
from gradsim.engine.variants import parse_comparison, variant_configs
from gradsim.runner.lockstep import ComparisonSnapshot, LockstepLoop, VariantSet, run_lockstep
from gradsim.runner.training_loop import CommandChannel, LatestSlot, Pacing, WorkerCore, default_factory
from gradsim.runner.training_process import PROCESS_PACING, ProcessBackend
from tests.runner.child_report import report_qt

CONFIG = validate_config(
    {
        "data": {"kind": "circles", "n_samples": 200, "seed": 0},
        "network": {"depth": 4, "width": 8, "activation": "relu", "init": {"kind": "he_normal"}},
        "optimizer": {"kind": "sgd", "lr": 0.05},
        "training": {"batch_size": 32, "seed": 3},
    }
)
INIT = parse_comparison({"setting": "init", "values": ["xavier_normal", "he_normal", "orthogonal"]})


def _params(trainer: Trainer) -> dict[str, np.ndarray]:
    return {name: value.copy() for name, value in trainer.network.params.items()}


@pytest.mark.parametrize(
    "raw",
    [
        {"setting": "init", "values": ["xavier_normal", "he_normal", "orthogonal"]},
        {"setting": "lr", "values": [0.01, 0.5]},
        {"setting": "optimizer", "values": ["sgd", "adam", "rmsprop", "momentum"]},
        {"setting": "seed", "values": [0, 1]},
        {"setting": "precision", "values": ["float64", "float32"]},
        {"setting": "norm", "values": ["none", "batch"]},
    ],
)
def test_each_variant_equals_its_config_trained_alone_bit_for_bit(raw):
    comparison = parse_comparison(raw)
    variants = VariantSet(CONFIG, comparison)
    run_lockstep(variants, 37)
    for config, trainer in zip(variant_configs(CONFIG, comparison), variants.trainers, strict=True):
        alone = Trainer(config)
        alone.run(36)
        alone.step(statistics=True)  # the last lockstep takes the statistics sample, as Step N does
        assert trainer.step_count == alone.step_count == 37
        assert trainer.last_record.loss == alone.last_record.loss
        mine, theirs = _params(trainer), _params(alone)
        for name in theirs:
            assert np.array_equal(mine[name], theirs[name]), name


def test_a_pickled_variant_set_trains_as_the_original():
    """The training process receives the variants pickled: they must train as if they had not been."""
    variants = VariantSet(CONFIG, INIT)
    copied = pickle.loads(pickle.dumps(VariantSet(CONFIG, INIT), protocol=5))
    run_lockstep(variants, 12)
    run_lockstep(copied, 12)
    for trainer, twin in zip(variants.trainers, copied.trainers, strict=True):
        assert trainer.last_record.loss == twin.last_record.loss
        for name, value in trainer.network.params.items():
            assert np.array_equal(value, twin.network.params[name]), name


def test_variants_share_data_and_differ_only_in_the_setting():
    variants = VariantSet(CONFIG, INIT)
    x = [t.dataset.x_train for t in variants.trainers]
    assert all(np.array_equal(x[0], other) for other in x[1:])
    kinds = [t.config["network"]["layers"][0]["init"]["kind"] for t in variants.trainers]
    assert kinds == ["xavier_normal", "he_normal", "orthogonal"]
    seeds = VariantSet(CONFIG, parse_comparison({"setting": "seed", "values": [0, 1]}))
    a, b = seeds.trainers
    assert np.array_equal(a.dataset.x_train, b.dataset.x_train)  # the data keep their own seed
    assert not np.array_equal(a.network.params["layers.0.W"], b.network.params["layers.0.W"])


def test_every_frame_shows_all_variants_at_one_step():
    """The worker's loop, served as the app serves it: frames while running, never apart."""
    variants = VariantSet(CONFIG, INIT)
    loop = LockstepLoop(
        variants, default_factory, Pacing(batch_seconds=0.002, sleep_seconds=0.0005, publish_hz=500)
    )
    channel, latest = CommandChannel(), LatestSlot()
    frames: list[ComparisonSnapshot] = []

    def publish(frame):
        frames.append(frame.snapshot)
        latest.put(frame)

    paused: list[tuple[int, str, int]] = []
    core = WorkerCore(loop, channel, publish, lambda *a: paused.append(a), pytest.fail)
    channel.step(150, 1)
    thread = threading.Thread(target=core.serve)
    thread.start()
    deadline = time.monotonic() + 30
    while not paused and time.monotonic() < deadline:
        time.sleep(0.01)
    channel.stop()
    thread.join(10)
    assert paused and paused[0][:2] == (150, "steps_done")
    assert len(frames) >= 2
    for snapshot in frames:
        assert isinstance(snapshot, ComparisonSnapshot)
        assert len(snapshot.snapshots) == 3
        assert {s.step for s in snapshot.snapshots} == {snapshot.step}
        assert snapshot.labels == ("xavier_normal", "he_normal", "orthogonal")
    assert frames[-1].step == 150
    assert all(s.stats is not None and s.decision for s in frames[-1].snapshots)
    steps = [f.step for f in frames]
    assert steps == sorted(steps)


def test_a_frame_leaves_out_the_matrices_the_comparison_does_not_show():
    """No weight or gradient matrices but the first layer's (2.6 of 3.2 MB a frame for 4
    variants of a 10x64 net); everything else is the variant's own snapshot."""
    variants = VariantSet(CONFIG, INIT)
    run_lockstep(variants, 5)
    frame = LockstepLoop(variants, default_factory, Pacing()).frame().snapshot
    for shown, trainer in zip(frame.snapshots, variants.trainers, strict=True):
        whole = trainer.snapshot()
        assert len(whole.weights) == 5 and whole.grads  # what a lone run's frame carries
        assert list(shown.weights) == ["layers.0.W"] and shown.grads == {}
        assert np.array_equal(shown.weights["layers.0.W"], whole.weights["layers.0.W"])
        assert np.array_equal(shown.layer_grads["layer_grads.last"], whole.layer_grads["layer_grads.last"])
        assert shown.step == whole.step and shown.diagnoses == whole.diagnoses


def test_reset_starts_every_variant_again_at_step_0():
    variants = VariantSet(CONFIG, INIT)
    run_lockstep(variants, 5)
    loop = LockstepLoop(variants, default_factory, Pacing())
    loop.apply(("reset",))
    assert loop.trainer.step_count == 0 and len(loop.trainer.trainers) == 3
    with pytest.raises(ValueError, match="comparison"):
        loop.apply(("set_lr", 0.1))


def test_a_variant_set_refuses_an_invalid_variant_naming_the_value():
    big = parse_comparison({"setting": "lr", "values": [0.1, 1e300]})
    variants = VariantSet(CONFIG, big)  # a huge lr is valid: it just explodes
    assert len(variants.trainers) == 2
    with pytest.raises(
        ConfigError, match=r"compare\.values\[1\]: 1000000 makes an invalid config: network\.residual_every"
    ):
        variant_configs(CONFIG, parse_comparison({"setting": "residual_every", "values": [0, 10**6]}))


def test_the_training_process_runs_a_comparison_in_lockstep_without_qt():
    backend = ProcessBackend(
        VariantSet(CONFIG, INIT), default_factory, PROCESS_PACING, loop_type=LockstepLoop
    )
    try:
        backend.step(12, 1)
        seen: list[tuple] = []
        newest = None
        deadline = time.monotonic() + 30
        while not any(e[0] == "paused" for e in seen):
            assert time.monotonic() < deadline, seen
            frame, events = backend.take()
            newest = frame or newest
            seen += events
            time.sleep(0.01)
        assert ("paused", 12, "steps_done", 1) in seen
        while (frame := backend.take()[0]) is not None:
            newest = frame
        assert newest is not None and newest.snapshot.step == 12
        assert [s.step for s in newest.snapshot.snapshots] == [12, 12, 12]
        backend.post("call", report_qt)
        exported = backend.export_trainer()
        assert isinstance(exported, VariantSet) and exported.step_count == 12
        pid, qt = exported.reported_by
        assert pid != os.getpid() and qt == []
        pickle.dumps(exported)  # a session copy travels whole
    finally:
        assert backend.stop(10_000)
