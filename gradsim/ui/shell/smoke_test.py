"""``gradsim --smoke-test``: the installed or frozen app does its main jobs once, offscreen.

What an installation can break that unit tests in a checkout cannot see: the shipped
lessons and translations missing from the package, the spawned training process failing
to start (a frozen app without ``multiprocessing.freeze_support()`` starts itself again
instead), Qt's platform or image plugins left out of a frozen build. So the real main
window opens a shipped lesson, trains :data:`SMOKE_STEPS` steps in the training process
(the process backend, whatever the user's settings say) and exports a panel to a PNG. Each
check raises :class:`SmokeTestError` with what went wrong; the caller prints it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from gradsim.scenarios.lessons import find_lesson
from gradsim.ui.common.dialogs import ConsoleDialogs
from gradsim.ui.export.errors import ExportError
from gradsim.ui.export.images import export_plot
from gradsim.ui.shell.main_window import MainWindow

#: The lesson opened (its first stage is a network the window trains).
SMOKE_LESSON = "vanishing-gradients"
SMOKE_STEPS = 10
#: The panel exported to the PNG (the lesson's gradients, drawn from the process's frames).
EXPORTED_PANEL = "gradient_flow"
#: A cold start of the spawned process imports numpy and scipy: seconds on a busy machine.
SMOKE_TIMEOUT_S = 180.0
WINDOW_SIZE = (1280, 720)


class SmokeTestError(Exception):
    """One check of the smoke test failed; the message says which and why."""


def run_smoke_test(out: Path, report: Callable[[str], None] = print) -> None:
    """Open the lesson, train through the process backend, save ``out`` (a PNG).

    Needs the QApplication (gradsim.app makes it, offscreen without a display).
    ``report`` gets one line per check passed.
    """
    lesson = find_lesson(SMOKE_LESSON)
    state = lesson.stage_state(0)
    if state.kind != "network":
        raise SmokeTestError(f"the lesson {lesson.name} no longer starts with a network stage")
    window = MainWindow(state.config, persist=False, dialogs=ConsoleDialogs(), backend="process")
    try:
        window.resize(*WINDOW_SIZE)
        window.arrange_default_layout()
        window.show()
        if not window.open_lesson(lesson, 0, presentation=False):
            raise SmokeTestError(f"the window could not open the lesson {lesson.name}")
        _wait(lambda: not getattr(window.lecture.player, "busy", False), "the lesson's first stage")
        report(f"opened the lesson {lesson.name!r} ({len(lesson)} stages) from {lesson.path}")
        _check_icon(window)
        pid, step = _train_in_process(window)
        report(f"trained {SMOKE_STEPS} steps in the training process (pid {pid}), now at step {step}, "
               "the same loss as training here")
        size = _save_png(window, out)
        report(f"exported the {EXPORTED_PANEL} panel to {out} ({size[0]}x{size[1]})")
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.processEvents()


def _check_icon(window: MainWindow) -> None:
    """The window's icon is the shipped SVG drawn by Qt's SVG icon engine (a frozen app without
    the engine plugin or the icons gets an empty pixmap)."""
    pixmap = window.windowIcon().pixmap(32, 32)
    if pixmap.isNull() or pixmap.toImage().pixelColor(16, 16).alpha() == 0:
        raise SmokeTestError("the window has no application icon (resources/icons/gradsim.svg)")


def _train_in_process(window: MainWindow) -> tuple[int, int]:
    """Step the spawned training process and wait for the frame of the last step."""
    controller = window.controller
    backend = controller.backend
    if backend.kind != "process":
        raise SmokeTestError(f"the window trains in a {backend.kind}, not in the training process")
    errors: list[str] = []
    controller.failed.connect(errors.append)
    start = controller.last_frame.snapshot.step if controller.last_frame is not None else 0
    controller.step(SMOKE_STEPS)

    def arrived() -> bool:
        if errors:
            raise SmokeTestError(f"training failed in the process: {errors[-1].strip().splitlines()[-1]}")
        if not backend.alive():
            raise SmokeTestError(f"the training process died (exit code {backend.process.exitcode})")
        frame = controller.last_frame
        return not controller.running and frame is not None and frame.snapshot.step >= start + SMOKE_STEPS

    _wait(arrived, f"{SMOKE_STEPS} training steps")
    _check_against_headless(controller, start)
    return int(backend.process.pid or 0), int(controller.last_frame.snapshot.step)


def _check_against_headless(controller: Any, start: int) -> None:
    """The process trains bit for bit as the same config stepped here (a trainer that arrives
    broken in the process, e.g. an optimizer that lost its state when pickled, diverges)."""
    if start != 0:
        raise SmokeTestError(f"the lesson's first stage trained {start} steps before the check")
    reference = controller.factory(controller.config)
    for _ in range(SMOKE_STEPS):
        reference.step()
    trained, expected = controller.last_frame.snapshot.loss, reference.snapshot(include_decision=False).loss
    if not trained == expected:  # NaN too
        raise SmokeTestError(
            f"the training process reached loss {trained!r} after {SMOKE_STEPS} steps; "
            f"the same config trained here reaches {expected!r}"
        )


def _save_png(window: MainWindow, out: Path) -> tuple[int, int]:
    """The lesson's panel exported as a user's File > Export does, read back to be sure it
    is a picture (Qt's PNG writer and image plugins are there)."""
    try:
        written = export_plot(window, EXPORTED_PANEL, out, "png")
    except ExportError as error:
        raise SmokeTestError(f"could not export the {EXPORTED_PANEL} panel: {error}") from None
    image = QImage(str(written))
    if image.isNull() or image.width() < 100 or image.height() < 100:
        raise SmokeTestError(f"{written} is not a readable picture of the {EXPORTED_PANEL} panel")
    return image.width(), image.height()


def _wait(done: Callable[[], bool], what: str) -> None:
    """Keep events flowing until ``done()``; a timeout is a failure naming ``what``."""
    deadline = time.monotonic() + SMOKE_TIMEOUT_S
    while not done():
        if time.monotonic() > deadline:
            raise SmokeTestError(f"{what} did not finish within {SMOKE_TIMEOUT_S:.0f} s")
        QCoreApplication.processEvents()
        time.sleep(0.005)
