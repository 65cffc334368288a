"""The everyday window, lecturer-proof (issue 14): a config change never throws a trained run
away silently (Ctrl+Z brings the whole run back, bit for bit), the status bar shows no "Loss NaN"
before the first step, and Ctrl+O opens a session."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QKeySequence  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gradsim.engine.state import trainer_state  # noqa: E402
from gradsim.runner.training_loop import TIMELINE_ATTRIBUTE  # noqa: E402
from gradsim.ui.common.fields import find_data  # noqa: E402
from gradsim.ui.shell.kept_runs import KeptRuns, run_bytes  # noqa: E402

pytestmark = [pytest.mark.ui, pytest.mark.timeout(120)]


def _wait_paused_at(qtbot, window, step: int) -> None:
    qtbot.waitUntil(
        lambda: (
            not window.controller.running
            and window.controller.last_frame is not None
            and window.controller.last_frame.snapshot.step == step
        ),
        timeout=20_000,
    )


def _train(qtbot, window, n: int) -> None:
    frame = window.controller.last_frame
    start = frame.snapshot.step if frame is not None else 0
    window.controller.step(n)
    _wait_paused_at(qtbot, window, start + n)


def _state(trainer) -> tuple[dict, dict]:
    """Everything a session stores of a run (parameters, optimizer state, histories, generator,
    step, checkpoints) plus the timeline's checkpoints and edits."""
    state, arrays = trainer_state(trainer)
    timeline = getattr(trainer, TIMELINE_ATTRIBUTE)
    for index, checkpoint in enumerate(timeline.checkpoints):
        state_c, arrays_c = trainer_state_of_checkpoint(checkpoint)
        state[f"timeline.{index}"] = state_c
        arrays.update({f"timeline.{index}.{k}": v for k, v in arrays_c.items()})
    state["timeline.events"] = [(e.step, e.kind, e.payload) for e in timeline.events]
    return state, arrays


def trainer_state_of_checkpoint(checkpoint) -> tuple[dict, dict]:
    arrays, other = {}, {}
    for name, value in vars(checkpoint).items():
        if isinstance(value, np.ndarray):
            arrays[name] = value
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, np.ndarray):
                    arrays[f"{name}.{key}"] = item
                else:
                    other[f"{name}.{key}"] = repr(item)
        else:
            other[name] = repr(value)
    return other, arrays


def _assert_same_run(a, b) -> None:
    state_a, arrays_a = _state(a)
    state_b, arrays_b = _state(b)
    assert state_a == state_b
    assert arrays_a.keys() == arrays_b.keys()
    for name in arrays_a:
        assert arrays_a[name].dtype == arrays_b[name].dtype, name
        assert np.array_equal(arrays_a[name], arrays_b[name], equal_nan=True), name


def _choose_activation(window, layer: int, activation: str) -> None:
    combo = window.panels["builder"].fields()[("network", "layers", layer, "activation")].combo
    combo.setCurrentIndex(find_data(combo, activation))


def _activate(qtbot, window) -> None:
    """Window shortcuts work in the active window only."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.setFocus()


def _press(qtbot, window, sequence: QKeySequence.StandardKey) -> None:
    """The real shortcut: the key combination of ``sequence`` sent to the active window."""
    _activate(qtbot, window)
    combination = QKeySequence(sequence)[0]
    QTest.keyClick(window, combination.key(), combination.keyboardModifiers())


@pytest.mark.parametrize("backend", ["thread", "process"])
def test_ctrl_z_after_a_structural_change_brings_the_trained_run_back_bit_for_bit(
    qtbot, make_window, backend
):
    window = make_window(backend=backend)
    controller = window.controller
    _train(qtbot, window, 37)
    controller.edit_weight("layers.0.W", 0, 1, 0.25)  # a timeline edit comes back too
    controller.refresh()
    before = controller.trainer_copy()
    assert before.step_count == 37

    _choose_activation(window, 0, "leaky_relu")  # the wheel used to do this
    qtbot.waitUntil(lambda: controller.config["network"]["layers"][0]["activation"] == "leaky_relu")
    _wait_paused_at(qtbot, window, 0)
    _train(qtbot, window, 5)  # the new run trains a little
    changed = controller.trainer_copy()

    _press(qtbot, window, QKeySequence.StandardKey.Undo)

    qtbot.waitUntil(lambda: controller.config["network"]["layers"][0]["activation"] == "relu")
    _wait_paused_at(qtbot, window, 37)
    _assert_same_run(controller.trainer_copy(), before)
    builder = window.panels["builder"]
    assert builder.config()["network"]["layers"][0]["activation"] == "relu"

    _press(qtbot, window, QKeySequence.StandardKey.Redo)  # and the run the undo replaced comes back

    _wait_paused_at(qtbot, window, 5)
    _assert_same_run(controller.trainer_copy(), changed)
    assert controller.config["network"]["layers"][0]["activation"] == "leaky_relu"
    assert window.dialogs.calls == [], "nothing to ask: every run was kept"


def test_the_restored_run_trains_on_exactly_as_before(qtbot, make_window):
    window = make_window()
    _train(qtbot, window, 20)
    _choose_activation(window, 1, "tanh")
    _wait_paused_at(qtbot, window, 0)
    window.window_actions.undo.trigger()
    _wait_paused_at(qtbot, window, 20)
    _train(qtbot, window, 10)
    straight = window.controller.factory(window.controller.config)
    straight.run(30)
    assert np.array_equal(window.controller.trainer_copy().flat_parameters(), straight.flat_parameters())


def test_edit_menu_names_what_undo_and_redo_do(qtbot, make_window):
    window = make_window()
    actions = window.window_actions
    assert actions.undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert actions.undo in window.menus.edit.actions() and actions.redo in window.menus.edit.actions()
    assert not actions.undo.isEnabled()
    _choose_activation(window, 0, "tanh")
    assert actions.undo.isEnabled() and "network.layers[1].activation" in actions.undo.text()


def test_a_run_that_cannot_be_kept_is_not_thrown_away_without_asking(qtbot, make_window, monkeypatch):
    window = make_window()
    controller = window.controller
    _train(qtbot, window, 12)

    def fail(*_args, **_kwargs):
        raise TimeoutError("the training worker did not send its state")

    monkeypatch.setattr(controller, "trainer_copy", fail)
    window.dialogs.question_answer = False  # "No": keep the run
    _choose_activation(window, 0, "tanh")

    assert [call[0] for call in window.dialogs.calls] == ["question"]
    assert "12" in window.dialogs.calls[0][2]
    qtbot.waitUntil(lambda: window.panels["builder"].config()["network"]["layers"][0]["activation"] == "relu")
    assert controller.config["network"]["layers"][0]["activation"] == "relu"
    qtbot.wait(50)
    assert controller.last_frame.snapshot.step == 12, "the run goes on"

    window.dialogs.question_answer = True  # "Yes": start again
    _choose_activation(window, 0, "tanh")
    _wait_paused_at(qtbot, window, 0)
    assert controller.config["network"]["layers"][0]["activation"] == "tanh"


def test_opening_a_config_keeps_the_run_for_undo(qtbot, make_window, relu_config):
    window = make_window()
    _train(qtbot, window, 15)
    before = window.controller.trainer_copy()
    other = {**relu_config, "optimizer": {"kind": "adam", "lr": 0.01}}
    assert window.load_config(other)
    _wait_paused_at(qtbot, window, 0)
    window.window_actions.undo.trigger()
    _wait_paused_at(qtbot, window, 15)
    _assert_same_run(window.controller.trainer_copy(), before)


def test_reopening_the_config_being_trained_asks_first(qtbot, make_window, relu_config):
    window = make_window()
    _train(qtbot, window, 9)
    window.dialogs.question_answer = False
    assert not window.load_config(window.controller.config)
    assert [call[0] for call in window.dialogs.calls] == ["question"]
    qtbot.wait(50)
    assert window.controller.last_frame.snapshot.step == 9


def test_older_kept_runs_are_released_beyond_the_memory_limit(qtbot, make_window):
    class Command:
        def __init__(self) -> None:
            self.kept: dict = {}

    window = make_window()
    run = window.controller.trainer_copy()
    size = run_bytes(run)
    assert size > 0
    kept = KeptRuns(limit_bytes=int(2.5 * size))
    commands = [Command() for _ in range(5)]
    import shiboken6

    original = shiboken6.isValid
    shiboken6.isValid = lambda _obj: True  # plain stand-ins for undo commands
    try:
        released = []
        for command in commands:
            released += kept.keep(command, "before", run)
    finally:
        shiboken6.isValid = original
    assert released == commands[:2], "the oldest go first; the latest is always kept"
    assert [bool(c.kept) for c in commands] == [False, False, True, True, True]


# ---------------------------------------------------------------------------- status bar, shortcuts
def test_the_status_bar_shows_a_dash_not_nan_before_the_first_step(qtbot, make_window):
    window = make_window()
    qtbot.waitUntil(lambda: window.controller.last_frame is not None, timeout=5000)
    window._update_status()
    text = window.status.labels["loss"].text()
    assert "NaN" not in text and "—" in text
    _train(qtbot, window, 1)
    window._update_status()
    assert "NaN" not in window.status.labels["loss"].text() and "—" not in window.status.labels["loss"].text()


def test_ctrl_o_opens_a_session_and_ctrl_shift_o_a_config(qtbot, make_window):
    window = make_window()
    window.dialogs.open_answers = [None]
    _press(qtbot, window, QKeySequence.StandardKey.Open)
    assert ("open_file", "Open a session") in window.dialogs.calls
    window.dialogs.calls.clear()
    _activate(qtbot, window)
    QTest.keyClick(
        window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert ("open_file", "Open a gradsim config") in window.dialogs.calls
