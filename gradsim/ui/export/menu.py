"""File > Export: an image of a plot, the window or the stage (or a copy to the clipboard), an
animation of the run or of the race with a progress bar and Cancel, the metrics history and the
race table as CSV.

:class:`ExportMenu` is given the window and reads what it needs when an action runs (its
panels, docks, training controller, lecture and dialog service), so it imports no shell
module. Each action's work is a method (``save_image``, ``save_animation``, ``save_metrics``,
``save_race``) that tests call with a path; the slots only ask for the choices and the file.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QProgressDialog

from gradsim.ui.export.dialogs import AnimationChoice, AnimationDialog, ImageChoice, ImageDialog
from gradsim.ui.export.errors import ExportError
from gradsim.ui.export.images import STAGE, WHOLE_WINDOW, copy_to_clipboard, export_plot
from gradsim.ui.export.movie import write_movie
from gradsim.ui.export.tables import write_metrics_csv, write_race_csv
from gradsim.ui.export.views import LANDSCAPE_VIEW, STAGE_VIEW, RaceFrames, StageFrames, TrainingFrames

translate = QCoreApplication.translate

#: The views the animation dialog offers, and the panel that names each.
ANIMATED_PANELS = {"gradient-flow": "gradient_flow", "loss": "loss", "decision": "decision"}


class ExportMenu(QObject):
    """The File menu's Export submenu of one window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.menu = QMenu(window)
        self.image_action = QAction(window)
        self.animation_action = QAction(window)
        self.metrics_action = QAction(window)
        self.race_action = QAction(window)
        self.image_action.setObjectName("action_export_image")
        self.animation_action.setObjectName("action_export_animation")
        for action in (self.image_action, self.animation_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        for action in (self.metrics_action, self.race_action):
            self.menu.addAction(action)
        self.image_action.triggered.connect(self.choose_image)
        self.animation_action.triggered.connect(self.choose_animation)
        self.metrics_action.triggered.connect(self.choose_metrics)
        self.race_action.triggered.connect(self.choose_race)
        self.progress: QProgressDialog | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(translate("Export", "E&xport"))
        tip = translate(
            "Export", "Images, animations and tables of what gradsim shows, for slides and reports."
        )
        self.menu.menuAction().setToolTip(tip)
        self.menu.menuAction().setStatusTip(tip)
        texts = {
            self.image_action: (
                translate("Export", "&Image of a plot or the window…"),
                translate(
                    "Export",
                    "A panel, the whole window or the presentation stage as PNG (at 2× for slides) or SVG, "
                    "or copied to the clipboard.",
                ),
            ),
            self.animation_action: (
                translate("Export", "&Animation…"),
                translate(
                    "Export",
                    "The run (gradient flow, loss, decision surface or the stage) or the race as GIF or MP4, "
                    "drawn from a replay of the run.",
                ),
            ),
            self.metrics_action: (
                translate("Export", "&Metrics history (CSV)…"),
                translate(
                    "Export",
                    "Loss, accuracy, learning rate and every layer's gradient norm at each recorded step.",
                ),
            ),
            self.race_action: (
                translate("Export", "&Race table (CSV)…"),
                translate(
                    "Export",
                    "The landscape race's results: steps to converge, final value, minimum, clipped "
                    "steps, outcome.",
                ),
            ),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.menu.setToolTipsVisible(True)

    # ---------------------------------------------------------------- choices
    def plot_labels(self) -> dict[str, str]:
        """The plots an image can show: the docked panels by their titles, the window, the stage."""
        docks = getattr(self.window, "docks", {})
        labels = {
            name: docks[name].windowTitle() for name in getattr(self.window, "panels", {}) if name in docks
        }
        labels[WHOLE_WINDOW] = translate("Export", "The whole window")
        lecture = getattr(self.window, "lecture", None)
        if lecture is not None and lecture.presenting:
            labels[STAGE] = translate("Export", "The presentation stage")
        return labels

    def view_labels(self) -> dict[str, str]:
        docks = getattr(self.window, "docks", {})
        labels = {view: docks[name].windowTitle() for view, name in ANIMATED_PANELS.items() if name in docks}
        if "landscape" in docks:
            labels[LANDSCAPE_VIEW] = translate("Export", "The landscape race")
        lecture = getattr(self.window, "lecture", None)
        if lecture is not None and lecture.presenting:
            labels[STAGE_VIEW] = translate("Export", "The presentation stage")
        return labels

    def _ask_path(self, caption: str, suffix: str, filters: str) -> str | None:
        path = self.window.dialogs.save_file(self.window, caption, f"gradsim{suffix}", filters)
        if path and not Path(path).suffix:
            path += suffix
        return path

    @Slot()
    def choose_image(self) -> None:
        labels = self.plot_labels()
        dialog = ImageDialog(labels, self.window, STAGE if STAGE in labels else "gradient_flow")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        choice = dialog.choice()
        if choice.copy:
            self.copy_image(choice)
            return
        suffix = f".{choice.fmt}"
        filters = (
            translate("Export", "PNG images (*.png)")
            if choice.fmt == "png"
            else translate("Export", "SVG drawings (*.svg)")
        )
        path = self._ask_path(translate("Export", "Export an image"), suffix, filters)
        if path:
            self.save_image(choice, path)

    @Slot()
    def choose_animation(self) -> None:
        dialog = AnimationDialog(self.view_labels(), self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        choice = dialog.choice()
        filters = (
            translate("Export", "GIF animations (*.gif)")
            if choice.fmt == "gif"
            else translate("Export", "MP4 videos (*.mp4)")
        )
        path = self._ask_path(translate("Export", "Export an animation"), f".{choice.fmt}", filters)
        if path:
            self.save_animation(choice, path)

    @Slot()
    def choose_metrics(self) -> None:
        path = self._ask_path(translate("Export", "Export the metrics history"), ".csv", _csv_filter())
        if path:
            self.save_metrics(path)

    @Slot()
    def choose_race(self) -> None:
        path = self._ask_path(translate("Export", "Export the race table"), ".csv", _csv_filter())
        if path:
            self.save_race(path)

    # ---------------------------------------------------------------- the work
    def save_image(self, choice: ImageChoice, path: str | Path) -> bool:
        try:
            export_plot(self.window, choice.plot, path, choice.fmt, choice.scale)
        except ExportError as error:
            return self._failed(error)
        return self._saved(path)

    def copy_image(self, choice: ImageChoice) -> bool:
        try:
            copy_to_clipboard(self.window, choice.plot, choice.scale)
        except ExportError as error:
            return self._failed(error)
        self.window.statusBar().showMessage(translate("Export", "Copied to the clipboard."), 5000)
        return True

    def save_metrics(self, path: str | Path) -> bool:
        frame = self.window.controller.last_frame
        try:
            write_metrics_csv(frame.snapshot if frame is not None else None, path)
        except ExportError as error:
            return self._failed(error)
        return self._saved(path)

    def save_race(self, path: str | Path) -> bool:
        landscape = getattr(self.window, "panels", {}).get("landscape")
        computation = getattr(getattr(landscape, "analytic", None), "computation", None)
        try:
            write_race_csv(computation, path)
        except ExportError as error:
            return self._failed(error)
        return self._saved(path)

    def save_animation(self, choice: AnimationChoice, path: str | Path) -> bool:
        """Render and write the animation, with a progress dialog whose Cancel stops it."""
        controller = self.window.controller
        was_running = controller.running  # paused while the run is copied and replayed
        try:
            frames = self._frames(choice)
        except ExportError as error:
            if was_running:
                controller.play()
            return self._failed(error)
        except (RuntimeError, TimeoutError) as error:  # the worker could not hand over its run
            self.window.dialogs.error(self.window, translate("Export", "Export failed"), str(error))
            if was_running:
                controller.play()
            return False
        self.progress = QProgressDialog(
            translate("Export", "Drawing {count} frames…").format(count=frames.count),
            translate("Export", "Cancel"),
            0,
            frames.count,
            self.window,
        )
        self.progress.setWindowTitle(translate("Export", "Export an animation"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setValue(0)
        try:
            write_movie(frames, frames.count, path, choice.fps, progress=self._progress)
        except ExportError as error:
            if error.code == "cancelled":
                self.window.statusBar().showMessage(error.translated(), 5000)
                return False
            return self._failed(error)
        finally:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
            controller.refresh()
            if was_running:
                controller.play()
        return self._saved(path)

    def _frames(self, choice: AnimationChoice) -> Any:
        if choice.view == LANDSCAPE_VIEW:
            landscape = getattr(self.window, "panels", {}).get("landscape")
            if landscape is None or getattr(landscape.analytic, "computation", None) is None:
                raise ExportError("no_race")
            return RaceFrames(landscape.state(), choice.size, choice.scale, frames=choice.frames)
        controller = self.window.controller
        controller.pause()
        trainer = controller.trainer_copy()
        if choice.view == STAGE_VIEW:
            return StageFrames(
                self.window, trainer, choice.scale, steps=trainer.step_count, frames=choice.frames
            )
        return TrainingFrames(
            trainer, choice.view, choice.size, choice.scale, steps=trainer.step_count, frames=choice.frames
        )

    def _progress(self, done: int, total: int) -> bool:
        progress = self.progress
        if progress is None:
            return True
        progress.setValue(done)
        deadline = time.monotonic() + 0.01
        while time.monotonic() < deadline:  # Cancel gets its click between two frames
            QApplication.processEvents()
        return not progress.wasCanceled()

    def _saved(self, path: str | Path) -> bool:
        self.window.statusBar().showMessage(translate("Export", "Saved {path}.").format(path=str(path)), 8000)
        return True

    def _failed(self, error: ExportError) -> bool:
        self.window.dialogs.error(self.window, translate("Export", "Export failed"), error.translated())
        return False


def _csv_filter() -> str:
    return translate("Export", "CSV tables (*.csv)")
