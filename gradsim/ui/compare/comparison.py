"""The window's comparison: Train > Compare…, the comparison dock, its worker, its session part.

:class:`WindowComparison` is attached to the main window as ``window.comparison`` by
:func:`install_comparison`. It builds the variants from the window's current config (a
:class:`~gradsim.runner.lockstep.VariantSet`), trains them in lockstep in a training process
of their own (the controller type comes from the shell, which owns the workers), and shows
them in a dock named ``compare`` (in ``window.docks``, so the presentation view can place it
on a stage). The main run pauses when a comparison starts: both would share two cores.

Sessions: :meth:`section` is a small JSON part (which setting, which values, the step
reached) the session controller stores under ``ui.compare``; :meth:`restore_section`
re-creates the variants from the session's config and trains them back to that step in
lockstep (training is deterministic, so they are the variants that were saved).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QDialog, QDockWidget

from gradsim.engine.errors import GradsimError
from gradsim.engine.variants import Comparison, parse_comparison
from gradsim.runner.lockstep import VariantSet
from gradsim.ui.common import wording
from gradsim.ui.compare.dialog import CompareDialog
from gradsim.ui.compare.sources import source_configs
from gradsim.ui.compare.view import ComparisonView

translate = QCoreApplication.translate
DOCK_NAME = "compare"
SECTION_FORMAT = "gradsim-comparison"
SECTION_VERSION = 1


class ComparisonDock(QDockWidget):
    """The comparison's dock; closing it (its title bar's X) ends the comparison."""

    closed = Signal()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()


class WindowComparison(QObject):
    """At most one comparison at a time; ``paused(step, reason)`` relays its worker's pauses."""

    paused = Signal(int, str)
    frameShown = Signal(int)  # noqa: N815 - Qt naming; the step of the frame just drawn

    def __init__(self, window: Any, controller_type: Callable[..., Any]) -> None:
        super().__init__(window)
        self.window = window
        self.controller_type = controller_type
        self.controller: Any = None
        self.comparison: Comparison | None = None
        self.view = ComparisonView()
        self.view.playRequested.connect(self.toggle)
        self.view.stepRequested.connect(self.step)
        self.view.resetRequested.connect(self.reset)
        self.view.closeRequested.connect(self.close)
        self.dock = ComparisonDock(window)
        self.dock.setObjectName("dock_compare")
        self.dock.closed.connect(self.close)
        self.dock.setWidget(self.view)  # no scroll area: its wrapped legend lines asked for 2x the height
        self.dock.hide()
        self.action = QAction(window)
        self.action.triggered.connect(self.ask)
        self.retranslate()

    # ------------------------------------------------------------------ starting and ending
    @property
    def active(self) -> bool:
        return self.controller is not None

    @Slot()
    def ask(self) -> bool:
        """Compare…: the dialog, then the comparison it describes (False when cancelled)."""
        dialog = CompareDialog(
            self.window.controller.config, self.window, dialogs=self.window.dialogs, language=self._language()
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        comparison = dialog.comparison()
        return comparison is not None and self.open(self.window.controller.config, comparison, play=True)

    def open(
        self, config: Mapping[str, Any], comparison: Comparison, *, steps: int = 0, play: bool = False
    ) -> bool:
        """Variants of ``config`` by ``comparison``, in the dock; train ``steps`` locksteps
        (or play). False after showing why the variants cannot be built."""
        factory = self.window.controller.factory
        try:
            trainers = None
            if comparison.setting == "source":  # other runs: each from step 0 of its own config
                trainers = [factory(c) for c in source_configs(comparison.values, config)]
            variants = VariantSet(config, comparison, trainers, factory=factory)
        except GradsimError as error:
            self.window.dialogs.error(
                self.window, wording.error_title(error), wording.error_message(error), str(error)
            )
            return False
        self._stop_worker()
        self.window.controller.pause()
        self.comparison = comparison
        self.view.language = self._language()
        self.view.set_comparison(comparison.setting, comparison.values)
        self.controller = self.controller_type(variants, self, factory=factory)
        self.controller.frameReady.connect(self._on_frame)
        self.controller.paused.connect(self._on_paused)
        self.controller.stateChanged.connect(self._on_state)
        self._show_dock()
        if steps > 0:
            self.controller.step(steps)
        elif play:
            self.controller.play()
        return True

    def _show_dock(self) -> None:
        """In the presentation view the stage places the dock; otherwise it floats over the
        window at nearly its size (the comparison needs the room of the whole window, and
        docked under the panels it would get a strip), and can be docked like any panel."""
        window = self.window
        if window.docks.get(DOCK_NAME) is not self.dock:
            window.docks[DOCK_NAME] = self.dock
        if window.dockWidgetArea(self.dock) == Qt.DockWidgetArea.NoDockWidgetArea:
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        player = getattr(getattr(window, "lecture", None), "player", None)
        hook = getattr(player, "front_hook", None)
        if hook is not None and hook(DOCK_NAME):
            return  # the presentation view placed it on the stage
        if not self.dock.isVisible():
            self.dock.setFloating(True)
            frame = window.geometry()
            margin = round(min(frame.width(), frame.height()) * 0.02)
            self.dock.setGeometry(frame.adjusted(margin, margin, -margin, -margin))
        self.dock.show()
        self.dock.raise_()

    @Slot()
    def close(self) -> None:
        """End the comparison: its worker stops, its dock goes."""
        self._stop_worker()
        self.comparison = None
        self.dock.hide()
        self.window.docks.pop(DOCK_NAME, None)

    def shutdown(self) -> None:
        self._stop_worker()

    def _stop_worker(self) -> None:
        if self.controller is not None:
            self.controller.shutdown()
            self.controller.deleteLater()
            self.controller = None

    # ------------------------------------------------------------------ training
    @Slot()
    def toggle(self) -> None:
        if self.controller is not None:
            self.controller.toggle()

    @Slot(int)
    def step(self, n: int) -> None:
        if self.controller is not None:
            self.controller.step(n)

    def pause(self) -> None:
        if self.controller is not None:
            self.controller.pause()

    @Slot()
    def reset(self) -> None:
        if self.controller is not None:
            self.controller.reset()

    @property
    def step_count(self) -> int:
        frame = self.controller.last_frame if self.controller is not None else None
        return int(frame.snapshot.step) if frame is not None else 0

    @property
    def running(self) -> bool:
        return self.controller is not None and self.controller.running

    @Slot(object)
    def _on_frame(self, frame: Any) -> None:
        if self.dock.isVisible():  # drawn at the worker's frame rate, only when seen
            self.view.show_snapshot(frame.snapshot, whole=False)
        self.frameShown.emit(int(frame.snapshot.step))

    @Slot(int, str)
    def _on_paused(self, step: int, reason: str) -> None:
        if self.controller is not None and self.controller.last_frame is not None:
            self.view.show_snapshot(self.controller.last_frame.snapshot)
        self.paused.emit(step, reason)

    @Slot(str)
    def _on_state(self, state: str) -> None:
        self.view.set_running(state != "paused")

    # ------------------------------------------------------------------ sessions
    def section(self) -> dict[str, Any] | None:
        """The comparison as a session keeps it (None without one)."""
        if self.comparison is None:
            return None
        return {
            "format": SECTION_FORMAT,
            "version": SECTION_VERSION,
            **self.comparison.to_json(),
            "step": self.step_count,
        }

    def restore_section(self, section: Any) -> bool:
        """Re-create the saved comparison from the window's (the session's) config; without a
        section any comparison ends. A section this gradsim cannot read is skipped."""
        if not isinstance(section, Mapping) or section.get("format") != SECTION_FORMAT:
            self.close()
            return False
        step = section.get("step", 0)
        try:
            comparison = parse_comparison({key: section.get(key) for key in ("setting", "values")})
        except GradsimError:
            self.close()
            return False
        steps = step if isinstance(step, int) and not isinstance(step, bool) and step > 0 else 0
        return self.open(self.window.controller.config, comparison, steps=steps)

    # ------------------------------------------------------------------ words and looks
    def _language(self) -> str:
        return str(getattr(getattr(self.window, "language", None), "language", "en"))

    def retranslate(self) -> None:
        self.view.language = self._language()
        self.action.setText(translate("Comparison", "&Compare…"))
        tip = translate(
            "Comparison",
            "Train 2 to 4 variants of this network side by side, differing in one setting",
        )
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.dock.setWindowTitle(translate("Comparison", "Comparison"))
        self.view.retranslate()

    def apply_theme(self) -> None:
        self.view.apply_theme()


def install_comparison(window: Any, controller_type: Callable[..., Any]) -> WindowComparison:
    """``window.comparison``: Compare… at the end of the Train menu (once)."""
    existing = getattr(window, "comparison", None)
    if isinstance(existing, WindowComparison):
        return existing
    comparison = WindowComparison(window, controller_type)
    window.menus.train.addSeparator()
    window.menus.train.addAction(comparison.action)
    window.comparison = comparison
    return comparison
