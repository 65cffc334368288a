"""Running out of memory in the training worker reaches the user as one readable line."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from gradsim.engine.trainer import Trainer  # noqa: E402

pytestmark = pytest.mark.ui


class ExhaustedTrainer(Trainer):
    """A trainer whose fourth step finds no memory (as numpy reports it)."""

    def _compute(self):
        if self.step_count >= 3:
            raise MemoryError("Unable to allocate 4.9 GiB for an array with shape (1000000, 640)")
        return super()._compute()


@pytest.mark.parametrize("backend", ["thread", "process"])
def test_out_of_memory_in_the_worker_is_a_readable_message(qtbot, make_window, dialogs, relu_config, backend):
    window = make_window(backend=backend)
    window.controller.replace_trainer(ExhaustedTrainer(relu_config))
    window.controller.play()
    qtbot.waitUntil(lambda: bool(dialogs.errors()), timeout=10_000)
    _, _, text, details = dialogs.errors()[0]
    line = text.strip().splitlines()[-1]
    assert line.startswith("gradsim.engine.budget.OutOfMemoryError: out of memory at step 4: ")
    assert "this config needs about" in line and "by gradsim's estimate" in line
    assert "MemoryError: Unable to allocate 4.9 GiB" in details  # the cause stays in the details
    assert window.controller.alive(), "the worker survives"
