"""The timeline bar: scrub the history plots back to a step, and "Rewind here".

The slider runs from step 0 to the current step. Moving it draws a vertical marker at that
step in every history plot (loss, accuracy, gradient flow, weights) and emits
``stepChosen``. "Rewind here" asks for a confirmation through the DialogService (the later
history is discarded), unless "Keep the later edits as a branch" is checked; it then emits
``rewindRequested(step, keep_branch)``, and the main window sends the rewind to the worker
(``TrainingController.rewind``), which restores the nearest checkpoint and replays
deterministically off the GUI thread, then publishes a frame of the new state.

QSlider holds 32-bit integers and a session may hold up to 2**53 steps: past
:data:`SLIDER_MAX` steps one slider position stands for several steps (the last position is
always the current step), and the signals carry 64-bit steps.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from gradsim.ui.common.steady_label import SteadyLabel

translate = QCoreApplication.translate

#: (panel name, attribute) of the plots whose x axis is the training step.
STEP_PLOTS: tuple[tuple[str, str], ...] = (
    ("loss", "loss_plot"),
    ("loss", "accuracy_plot"),
    ("gradient_flow", "heatmap_plot"),
    ("weights", "norm_plot"),
    ("weights", "ratio_plot"),
)

#: The largest QSlider position (a C++ int).
SLIDER_MAX = 2**31 - 1


class TimelineBar(QWidget):
    """A step slider with a marker in the history plots and a "Rewind here" button."""

    stepChosen = Signal("qint64")  # noqa: N815 - Qt naming; Signal(int) is 32-bit
    rewindRequested = Signal("qint64", int)  # noqa: N815 - step, keep_branch (0/1: no bool signals)

    def __init__(self, dialogs: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TimelineBar")
        self.dialogs = dialogs
        self.current_step = 0
        self.steps_per_position = 1  # more than 1 only past SLIDER_MAX steps
        self.markers: list[pg.InfiniteLine] = []
        self._markers_shown = False  # the markers are hidden until the slider leaves the end
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, 0)
        self.slider.setObjectName("timeline_slider")
        self.slider.valueChanged.connect(self._on_value)
        self.step_label = SteadyLabel(self, minimum_width=90)  # a new step every frame: no layouts
        self.branch_check = QCheckBox(self)
        self.kept_label = QLabel(self)  # edits kept by the last rewind, still ahead of training
        self.kept_label.hide()
        self.kept_edits = 0
        self.rewind_button = QPushButton(self)
        self.rewind_button.clicked.connect(self.rewind_here)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.step_label)
        layout.addWidget(self.kept_label)
        layout.addWidget(self.branch_check)
        layout.addWidget(self.rewind_button)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.rewind_button.setText(translate("TimelineBar", "Rewind here"))
        self.rewind_button.setToolTip(
            translate(
                "TimelineBar",
                "Go back to the chosen step: the nearest checkpoint is restored and training is "
                "replayed exactly to that step.",
            )
        )
        self.branch_check.setText(translate("TimelineBar", "Keep later edits as a branch"))
        self.branch_check.setToolTip(
            translate(
                "TimelineBar",
                "Keep the live edits made after that step instead of discarding them: training "
                "applies each again when it reaches the step it was made at.",
            )
        )
        self.kept_label.setToolTip(
            translate(
                "TimelineBar",
                "Live edits kept by the last rewind. Each is applied again when training reaches the "
                "step it was made at; rewinding without keeping the branch drops them.",
            )
        )
        self.slider.setToolTip(translate("TimelineBar", "Scrub the history plots back to a step."))
        self._update()

    # ---------------------------------------------------------------- markers
    def attach(self, panels: dict[str, Any]) -> None:
        """Add a (hidden) vertical marker to every history plot of ``panels``."""
        for name, attribute in STEP_PLOTS:
            plot = getattr(panels.get(name), attribute, None)
            if isinstance(plot, pg.PlotItem):
                line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#d62728", width=1))
                line.setZValue(100)
                line.hide()
                plot.addItem(line, ignoreBounds=True)
                self.markers.append(line)

    def show_snapshot(self, snapshot: Any) -> None:
        """Follow the run: the slider's end is the current step (at the end, it follows it)."""
        at_end = self.slider.value() == self.slider.maximum()
        chosen = self.chosen_step()
        self.current_step = int(snapshot.step)
        self.steps_per_position = max(1, -(-self.current_step // SLIDER_MAX))
        self.slider.blockSignals(True)
        self.slider.setMaximum(self._position(self.current_step))
        self.slider.setValue(self._position(self.current_step if at_end else chosen))
        self.slider.blockSignals(False)
        self._update()

    def set_kept_edits(self, count: int) -> None:
        """How many kept edits training has still to reach (0 hides the note)."""
        self.kept_edits = int(count)
        self._update()

    def chosen_step(self) -> int:
        return min(self.slider.value() * self.steps_per_position, self.current_step)

    def set_step(self, step: int) -> None:
        self.slider.setValue(self._position(step))

    def _position(self, step: int) -> int:
        """The slider position nearest to ``step`` (the current step is the last position)."""
        step = max(0, min(int(step), self.current_step))
        if step == self.current_step:
            return -(-step // self.steps_per_position)
        return (step + self.steps_per_position // 2) // self.steps_per_position

    @Slot(int)
    def _on_value(self, _position: int) -> None:
        self._update()
        self.stepChosen.emit(self.chosen_step())

    def _update(self) -> None:
        step = self.chosen_step()
        scrubbed = step < self.current_step
        if scrubbed or self._markers_shown:  # at the end (while training) the lines stay hidden, untouched
            for line in self.markers:
                line.setValue(step)
                line.setVisible(scrubbed)
            self._markers_shown = scrubbed
        self.step_label.setText(translate("TimelineBar", "Step {step}").format(step=f"{step:,}"))
        self.rewind_button.setEnabled(scrubbed)
        self.kept_label.setVisible(self.kept_edits > 0)
        self.kept_label.setText(
            translate("TimelineBar", "Kept edits ahead: {count}").format(count=self.kept_edits)
        )

    # ---------------------------------------------------------------- rewind
    @Slot()
    def rewind_here(self) -> bool:
        step = self.chosen_step()
        if step >= self.current_step:
            return False
        keep = self.branch_check.isChecked()
        if not keep and self.dialogs is not None:
            confirmed = self.dialogs.question(
                self,
                translate("TimelineBar", "Rewind"),
                translate(
                    "TimelineBar",
                    "Go back to step {step}? The history after it is discarded.",
                ).format(step=f"{step:,}"),
            )
            if not confirmed:
                return False
        self.rewindRequested.emit(step, int(keep))
        return True
