"""The training process ("turbo") without Qt: commands through one pipe, frames and pauses
through the other, bit-identical to headless training; and the child never loads Qt."""

from __future__ import annotations

import os
import time

import pytest

from gradsim.engine.trainer import Trainer
from gradsim.runner.training_loop import default_factory
from gradsim.runner.training_process import PROCESS_PACING, ProcessBackend
from tests.runner.child_report import report_qt

CONFIG = {
    "data": {"kind": "circles", "n_samples": 200, "seed": 0},
    "network": {"depth": 2, "width": 8, "activation": "relu", "init": {"kind": "he_normal"}},
    "optimizer": {"kind": "sgd", "lr": 0.05},
    "training": {"batch_size": 32},
}


@pytest.fixture
def backend():
    """A training process started the way the app's TrainingController starts it."""
    started = ProcessBackend(Trainer(CONFIG), default_factory, PROCESS_PACING)
    yield started
    assert started.stop(10_000), "the training process did not end in time"


def _events_until(backend: ProcessBackend, kind: str, timeout: float = 20.0) -> list[tuple]:
    seen: list[tuple] = []
    deadline = time.monotonic() + timeout
    while not any(event[0] == kind for event in seen):
        assert time.monotonic() < deadline, f"no {kind!r} from the training process; got {seen}"
        _frame, events = backend.take()
        seen += events
        time.sleep(0.01)
    return seen


def test_step_n_in_the_process_is_exact_and_bit_identical(backend):
    backend.step(9, 1)
    events = _events_until(backend, "paused")
    assert ("paused", 9, "steps_done", 1) in events
    trainer = backend.export_trainer()
    headless = Trainer(CONFIG)
    headless.run(9)
    assert trainer.step_count == 9
    assert trainer.last_record.loss == headless.last_record.loss


def test_the_training_process_runs_without_qt(backend):
    backend.post("call", report_qt)  # pickled by module path, run in the child between steps
    pid, qt = backend.export_trainer().reported_by
    assert pid == backend.process.pid != os.getpid()
    assert qt == [], f"the training process loaded Qt: {qt}"
