"""The main window's status bar: step, epoch, speed, loss and frame rate, the most severe
diagnosis, and a warning that stays while autosave keeps failing."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy

from gradsim.runner.training_loop import Frame
from gradsim.ui.common import wording
from gradsim.ui.common.steady_label import SteadyLabel

translate = QCoreApplication.translate

FIELDS = ("step", "epoch", "rate", "loss", "fps")
NO_VALUE = "—"  # a value not measured yet (the loss before the first step), not "NaN"


class StatusBar:
    """The labels of a window's status bar and what they show."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        bar = window.statusBar()
        self.labels: dict[str, SteadyLabel] = {}
        for key in FIELDS:
            label = SteadyLabel(window, minimum_width=60)  # new numbers every frame: no layouts
            bar.addPermanentWidget(label)
            self.labels[key] = label
        self.diagnosis = QLabel(window)
        self.diagnosis.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.diagnosis, 1)
        self.autosave = QLabel(window)  # shown while autosave keeps failing
        self.autosave.setObjectName("status_autosave")
        self.autosave.setStyleSheet("font-weight: bold")
        self.autosave.hide()
        bar.addPermanentWidget(self.autosave)
        self._diagnosis_key: object = None

    def show(self, frame: Frame | None, *, running: bool, fps: float) -> None:
        """The state of ``frame`` (None: nothing yet); speed and frame rate only while running."""
        labels = self.labels
        if frame is None:
            for label in labels.values():
                label.setText("")
            self.diagnosis.setText("")
            return
        snap = frame.snapshot
        labels["step"].setText(translate("MainWindow", "Step {step}").format(step=f"{snap.step:,}"))
        labels["epoch"].setText(translate("MainWindow", "Epoch {epoch}").format(epoch=snap.epoch))
        rate = (
            translate("MainWindow", "{rate} steps/s").format(rate=f"{frame.steps_per_second:,.0f}")
            if running
            else ""
        )
        labels["rate"].setText(rate)
        loss = _float_text(snap.loss) if snap.step > 0 else NO_VALUE  # no loss before the first step
        labels["loss"].setText(translate("MainWindow", "Loss {loss}").format(loss=loss))
        frame_rate = translate("MainWindow", "{fps} fps").format(fps=f"{fps:.0f}")
        labels["fps"].setText(frame_rate if running else "")
        key = tuple((d.code, repr(sorted(d.params.items()))) for d in snap.diagnoses)
        if key != self._diagnosis_key:  # re-worded only when the diagnoses change
            self._diagnosis_key = key
            if snap.diagnoses:
                self.diagnosis.setText(wording.diagnosis_short(snap.diagnoses[0]))
            elif snap.step:
                self.diagnosis.setText(wording.healthy_title())
            else:
                self.diagnosis.setText("")

    def show_autosave_problem(self, reason: str | None) -> None:
        """A failing autosave stays in the status bar (reason in its tooltip) until one succeeds
        (``None``); the reason is also the bar's message for a while."""
        label = self.autosave
        label.setText(translate("MainWindow", "Autosave failed"))
        label.setToolTip(reason or "")
        label.setVisible(reason is not None)
        if reason is not None:
            self.window.statusBar().showMessage(
                translate("MainWindow", "Autosave failed: {reason}").format(reason=reason), 15_000
            )

    def retranslate(self) -> None:
        """New tooltips; the next :meth:`show` re-words the labels and the diagnosis."""
        tips = {
            "step": translate("MainWindow", "Training steps taken (one step = one mini-batch update)."),
            "epoch": translate("MainWindow", "Passes through the whole training set."),
            "rate": translate("MainWindow", "Training speed in steps per second."),
            "loss": translate("MainWindow", "Loss of the last mini-batch."),
            "fps": translate("MainWindow", "Frames drawn per second."),
        }
        for key, label in self.labels.items():
            label.setToolTip(tips[key])
        self.diagnosis.setToolTip(translate("MainWindow", "The most severe problem the diagnosis finds now."))
        self.autosave.setText(translate("MainWindow", "Autosave failed"))
        self._diagnosis_key = None


def _float_text(value: float) -> str:
    if value is None or not math.isfinite(value):
        return "NaN" if value is not None and math.isnan(value) else "∞"
    return f"{value:.4g}"
