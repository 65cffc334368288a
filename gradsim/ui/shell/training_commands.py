"""Between the training controls and the worker: Play/Pause, Step, Reset, speed and pause
triggers go to the :class:`~gradsim.ui.shell.worker.TrainingController`; its state, pauses and
failures come back as the controls' state, status bar messages and an error dialog; Train >
"separate process" moves training between the thread and the process backend.

A QObject of the GUI thread: the worker's signals reach its ``@Slot`` methods queued there.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

from gradsim.ui.common import dialogs as dialog_module
from gradsim.ui.common import wording
from gradsim.ui.shell.frame_drawer import FrameDrawer
from gradsim.ui.shell.worker import TrainingController

translate = QCoreApplication.translate


class TrainingCommands(QObject):
    """The training controls' commands to the worker, and what the worker reports back."""

    def __init__(
        self,
        window: QMainWindow,
        controller: TrainingController,
        controls: QWidget,
        drawer: FrameDrawer,
        *,
        dialogs: Callable[[], dialog_module.DialogService],
        update_status: Callable[[], None],
        persist: bool,
    ) -> None:
        super().__init__(window)
        self.window, self.controller, self.controls, self.drawer = window, controller, controls, drawer
        self._dialogs, self._update_status, self.persist = dialogs, update_status, persist

    def connect(self, process_action: QAction) -> None:
        controller, controls = self.controller, self.controls
        self.process_action = process_action
        process_action.triggered.connect(self._on_backend_action)
        controller.paused.connect(self._on_paused)
        controller.stateChanged.connect(self._on_state)
        controller.failed.connect(self._on_failed)
        controls.playPauseRequested.connect(self._on_play_pause)
        controls.stepRequested.connect(self._on_step)
        controls.resetRequested.connect(self._on_reset)
        controls.speedChanged.connect(controller.set_speed)
        controls.triggersChanged.connect(controller.set_triggers)

    # ---------------------------------------------------------------- commands
    @Slot()
    def _on_play_pause(self) -> None:
        self.controller.toggle()

    @Slot(int)
    def _on_step(self, n: int) -> None:
        self.controller.step(n)

    @Slot()
    def _on_reset(self) -> None:
        self.controller.reset()
        self.window.statusBar().showMessage(
            translate("MainWindow", "Network re-initialized with the same seed."), 5000
        )

    @Slot(bool)
    def _on_backend_action(self, checked: bool) -> None:
        kind = "process" if checked else "thread"
        try:
            self.controller.set_backend(kind)
        except (OSError, TimeoutError, RuntimeError) as error:
            self._dialogs().error(
                self.window,
                translate("MainWindow", "Cannot move training"),
                str(error),
                traceback.format_exc(),
            )
        self.process_action.setChecked(self.controller.backend.kind == "process")
        if self.persist:
            QSettings().setValue("train/backend", self.controller.backend.kind)

    # ---------------------------------------------------------------- what the worker reports
    @Slot(str)
    def _on_state(self, state: str) -> None:
        self.controls.set_running(state == "running")
        self._update_status()

    @Slot(int, str)
    def _on_paused(self, step: int, reason: str) -> None:
        self.drawer.flush()  # panels drawn at a lower rate show the state training stopped in
        self.controls.trigger_fired(reason)
        self.window.statusBar().showMessage(wording.pause_reason(reason, step), 8000)
        self._update_status()

    @Slot(str)
    def _on_failed(self, details: str) -> None:
        last_line = details.strip().splitlines()[-1] if details.strip() else ""
        self._dialogs().error(
            self.window,
            translate("MainWindow", "Training stopped"),
            translate(
                "MainWindow",
                "An error occurred in the training worker; training is paused. You can change "
                "the configuration, reset, or open another config.\n\n{error}",
            ).format(error=last_line),
            details,
        )
