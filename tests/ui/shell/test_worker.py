"""The training worker: frames arrive, pause is acknowledged and final, steps are exact,
NaN pauses by itself, worker exceptions are reported and survived, closing is clean.

Waiting is done with ``qtbot.waitUntil`` on GUI-side state, never ``waitSignal`` on a
worker-thread signal (pytest-qt #649 hangs there).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess  # noqa: E402
import sys  # noqa: E402
import textwrap  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QThread  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gradsim.engine.trainer import Trainer  # noqa: E402
from gradsim.runner.training_loop import Triggers  # noqa: E402
from gradsim.shipped import load_config  # noqa: E402

pytestmark = pytest.mark.ui


class Recorder:
    """Collects what the controller emits (all its signals fire in the GUI thread)."""

    def __init__(self, controller) -> None:
        self.frames = []
        self.pauses = []
        self.failures = []
        controller.frameReady.connect(self.frames.append)
        controller.paused.connect(self._paused)
        controller.failed.connect(self.failures.append)

    def _paused(self, step: int, reason: str) -> None:
        self.pauses.append((step, reason, len(self.frames)))

    @property
    def step(self) -> int:
        return self.frames[-1].snapshot.step if self.frames else -1


BOTH = pytest.mark.parametrize("backend", ["thread", "process"])


def _controller(make_controller, config=None, **kwargs):
    controller = make_controller(Trainer(config or load_config("relu-he")), **kwargs)
    return controller, Recorder(controller)


@BOTH
def test_play_delivers_frames_and_pause_is_final(qtbot, make_controller, backend):
    controller, rec = _controller(make_controller, backend=backend)
    qtbot.waitUntil(lambda: bool(rec.frames), timeout=10_000)  # the initial frame (step 0)
    assert rec.step == 0
    controller.play()
    qtbot.waitUntil(lambda: len(rec.frames) >= 5 and rec.step > 20, timeout=10_000)
    steps = [frame.snapshot.step for frame in rec.frames]
    assert steps == sorted(steps), "frames must arrive in order"
    controller.pause()
    qtbot.waitUntil(lambda: bool(rec.pauses), timeout=5000)
    step, reason, frames_at_ack = rec.pauses[0]
    assert reason == "user" and not controller.running
    assert rec.step == step, "the last frame drawn is the state at the acknowledgement"
    published = controller.published
    qtbot.wait(400)
    assert controller.published == published, "a frame was published after the pause ack"
    assert len(rec.frames) == frames_at_ack


@BOTH
def test_step_and_step_n_are_exact(qtbot, make_controller, backend):
    controller, rec = _controller(make_controller, backend=backend)
    controller.step(1)
    qtbot.waitUntil(lambda: len(rec.pauses) == 1, timeout=10_000)
    assert rec.pauses[0][:2] == (1, "steps_done") and rec.step == 1
    controller.step(37)
    qtbot.waitUntil(lambda: len(rec.pauses) == 2, timeout=10_000)
    assert rec.pauses[1][:2] == (38, "steps_done") and rec.step == 38
    for _ in range(3):  # three quick clicks on Step: three steps
        controller.step(1)
    qtbot.waitUntil(lambda: not controller.running and rec.step == 41, timeout=5000)
    qtbot.wait(200)
    assert rec.step == 41


def test_speed_limits_steps_per_frame(qtbot, make_controller):
    controller, rec = _controller(make_controller)
    controller.set_speed(2)
    controller.play()
    qtbot.waitUntil(lambda: len(rec.frames) >= 12, timeout=10_000)
    controller.pause()
    qtbot.waitUntil(lambda: bool(rec.pauses), timeout=5000)
    steps = np.array([frame.snapshot.step for frame in rec.frames[1:]])
    serials = np.array([frame.serial for frame in rec.frames[1:]])
    # latest wins: the GUI may skip frames, but each published frame is at most 2 steps on
    assert np.all(np.diff(steps) <= 2 * np.diff(serials))
    assert steps[-1] < 200, "speed 2 at ~30 frames/s cannot run hundreds of steps in this time"


def test_triggers_at_step_and_loss_below(qtbot, make_controller):
    controller, rec = _controller(make_controller)
    controller.set_triggers(Triggers(at_step=25))
    controller.play()
    qtbot.waitUntil(lambda: bool(rec.pauses), timeout=10_000)
    assert rec.pauses[0][:2] == (25, "at_step") and rec.step == 25
    assert controller.triggers().at_step is None, "a one-shot trigger disarms after firing"
    controller.set_triggers(Triggers(loss_below=0.3))  # relu-he's loss falls below 0.3 after some steps
    controller.play()
    qtbot.waitUntil(lambda: len(rec.pauses) == 2, timeout=20_000)
    assert rec.pauses[1][1] == "loss_below"
    assert (
        rec.frames[-1].snapshot.loss < 0.3 < rec.frames[-2].snapshot.loss
        or rec.frames[-1].snapshot.loss < 0.3
    )
    assert controller.triggers().loss_below is None


def test_live_learning_rate_weight_edit_and_reset(qtbot, make_controller):
    controller, rec = _controller(make_controller)
    qtbot.waitUntil(lambda: bool(rec.frames), timeout=5000)
    assert rec.step == 0
    controller.step(5)
    qtbot.waitUntil(lambda: bool(rec.pauses), timeout=5000)
    initial = rec.frames[0].snapshot.weights["layers.0.W"].copy()
    controller.set_learning_rate(0.0123)
    controller.step(1)
    qtbot.waitUntil(lambda: len(rec.pauses) == 2, timeout=5000)
    assert rec.frames[-1].snapshot.learning_rate == pytest.approx(0.0123)
    controller.edit_weight("layers.0.W", 1, 2, 7.5)
    qtbot.waitUntil(lambda: rec.frames[-1].snapshot.weights["layers.0.W"][1, 2] == 7.5, timeout=5000)
    controller.reset()
    qtbot.waitUntil(lambda: rec.step == 0, timeout=5000)
    np.testing.assert_array_equal(rec.frames[-1].snapshot.weights["layers.0.W"], initial)
    assert not controller.running


def test_snapshots_are_drawn_in_the_gui_thread(qtbot, make_window):
    window = make_window()
    seen = []
    banner = window.banner
    original = banner.show_snapshot

    def spy(snapshot):
        seen.append(QThread.currentThread())
        original(snapshot)

    banner.show_snapshot = spy
    window.controller.play()
    qtbot.waitUntil(lambda: len(seen) >= 5, timeout=10_000)
    window.controller.pause()
    gui = QApplication.instance().thread()
    assert all(thread is gui for thread in seen)
    assert window.controller.thread is not gui


@BOTH
def test_exploding_example_pauses_on_nan_and_banner_says_where(qtbot, make_window, backend):
    window = make_window(load_config("exploding"), backend=backend)
    rec = Recorder(window.controller)
    window.controller.play()
    qtbot.waitUntil(lambda: bool(rec.pauses), timeout=20_000)
    step, reason, _ = rec.pauses[0]
    assert reason == "nan"
    snapshot = rec.frames[-1].snapshot
    assert snapshot.divergence is not None and snapshot.diagnoses[0].code == "diverged"
    assert window.banner.severity == "error"
    headline = window.banner.headline()
    assert "diverged" in headline.lower()
    assert f"step {snapshot.divergence['step']}" in headline
    where = snapshot.divergence["what"]
    assert ("loss" in headline) if where == "loss" else ("gradient" in headline)
    assert "diverged" in window.status.diagnosis.text().lower()
    # the last finite state is kept: every weight is finite
    assert all(np.all(np.isfinite(w)) for w in snapshot.weights.values())
    qtbot.wait(300)
    assert len(rec.pauses) == 1 and not window.controller.running


class FailingTrainer(Trainer):
    """A trainer whose fourth step raises (an injected worker bug)."""

    def step(self):
        if self.step_count >= 3:
            raise RuntimeError("injected failure in step")
        return super().step()


@BOTH
def test_worker_exception_is_reported_and_the_app_survives(qtbot, make_window, dialogs, relu_config, backend):
    window = make_window(backend=backend)
    window.controller.replace_trainer(FailingTrainer(relu_config))
    window.controller.play()
    qtbot.waitUntil(lambda: bool(dialogs.errors()), timeout=10_000)
    _, title, text, details = dialogs.errors()[0]
    assert "RuntimeError: injected failure in step" in details and "Traceback" in details
    assert "injected failure" in text
    assert not window.controller.running
    assert window.controller.alive(), "the worker survives an exception"
    assert window.load_config(load_config("sigmoid-deep"))
    rec = Recorder(window.controller)
    window.controller.step(10)
    qtbot.waitUntil(lambda: bool(rec.pauses), timeout=10_000)
    assert rec.pauses[0][:2] == (10, "steps_done")
    assert len(dialogs.errors()) == 1


def test_diagnosis_change_trigger(qtbot, make_controller):
    config = load_config("sigmoid-deep")
    controller, rec = _controller(make_controller, config)
    qtbot.waitUntil(lambda: bool(rec.frames), timeout=5000)
    controller.set_triggers(Triggers(on_diagnosis_change=True))
    controller.play()
    qtbot.waitUntil(lambda: bool(rec.pauses), timeout=10_000)
    assert rec.pauses[0][1] == "diagnosis"
    assert rec.frames[-1].snapshot.diagnoses, "the new diagnosis is on screen when it pauses"


@BOTH
def test_close_during_training_stops_the_worker(qtbot, make_window, backend):
    window = make_window(backend=backend)
    window.controller.play()
    qtbot.waitUntil(lambda: window.frames_drawn >= 3, timeout=10_000)
    backend_object = window.controller.backend
    window.close()
    assert not backend_object.alive()
    if backend == "process":
        assert backend_object.process.exitcode == 0


CLOSE_SCRIPT = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QSettings, QTimer
    from PySide6.QtWidgets import QApplication
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
    app = QApplication([])
    from gradsim.shipped import load_config
    from gradsim.ui.shell.main_window import MainWindow
    from gradsim.ui.common.dialogs import ConsoleDialogs  # the unsaved-session prompt answers Discard
    window = MainWindow(load_config("relu-he"), backend=sys.argv[2], dialogs=ConsoleDialogs())
    window.show()
    window.controller.play()
    QTimer.singleShot(1500, window.close)  # close while training runs
    QTimer.singleShot(1600, app.quit)
    code = app.exec()
    print("frames", window.frames_drawn)
    sys.exit(code)
    """
)


@BOTH
def test_closing_while_training_exits_the_process_cleanly(tmp_path, backend):
    result = subprocess.run(
        [sys.executable, "-c", CLOSE_SCRIPT, str(tmp_path), backend],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Destroyed while thread" not in result.stderr
    frames = int(result.stdout.split()[-1])
    assert frames >= 3, f"only {frames} frames drawn in 1.5 s of training"


def test_moving_training_between_thread_and_process_continues_the_run(qtbot, make_controller):
    config = load_config("relu-he")
    controller, rec = _controller(make_controller, config, backend="thread")
    controller.step(5)
    qtbot.waitUntil(lambda: len(rec.pauses) == 1, timeout=10_000)
    controller.set_backend("process")
    assert controller.backend.kind == "process" and controller.thread is None
    controller.step(3)
    qtbot.waitUntil(lambda: len(rec.pauses) == 2, timeout=15_000)
    assert rec.pauses[1][:2] == (8, "steps_done")
    controller.set_backend("thread")
    controller.step(2)
    qtbot.waitUntil(lambda: len(rec.pauses) == 3, timeout=10_000)
    headless = Trainer(config)
    headless.run(10)
    assert rec.step == 10
    assert rec.frames[-1].snapshot.loss == headless.last_record.loss, "the moved run is bit-identical"
