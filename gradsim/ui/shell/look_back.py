"""Scrubbing the timeline shows the network as it was: the state panels draw a past step.

The history plots already hold every step and only need the scrub marker. The panels that
show a *state* (the network diagram, the decision surface, the histograms, the activation
lab, the diagnosis) would otherwise keep showing the present while the marker says step k.
So, while training is paused and the slider rests on a past step for a moment, the worker
replays a copy of the run to that step (the run itself stays where it is) and those panels
draw it; moving the slider back to the end, or pressing Play, returns them to the present.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

from gradsim.runner.training_loop import Frame

SETTLE_MS = 150  # the slider rests this long before the worker is asked (dragging asks nothing)

translate = QCoreApplication.translate


class LookBack(QObject):
    """Connects the timeline bar, the training controller and the frame drawer of a window."""

    def __init__(self, window: Any, state_panels: Collection[str]) -> None:
        super().__init__(window)
        self.window = window
        self.state_panels = frozenset(state_panels)
        self.showing: int | None = None  # the past step the state panels show, or None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._ask)
        window.timeline_bar.stepChosen.connect(self._on_step_chosen)
        window.controller.previewReady.connect(self._on_preview)
        window.controller.stateChanged.connect(self._on_state)
        window.controller.frameReady.connect(self._on_frame)  # after the timeline bar's update

    def _past_step(self) -> int | None:
        bar, controller = self.window.timeline_bar, self.window.controller
        step = bar.chosen_step()
        return step if step < bar.current_step and not controller.running else None

    @Slot(int)
    def _on_step_chosen(self, _step: int) -> None:
        if self._past_step() is None:
            self._timer.stop()
            self.back_to_present()
        else:
            self._timer.start()

    @Slot()
    def _ask(self) -> None:
        step = self._past_step()
        if step is not None:
            self.window.controller.preview(step)

    @Slot(object)
    def _on_preview(self, frame: Frame) -> None:
        step = frame.snapshot.step
        if self._past_step() != step:  # the slider moved on, or training started
            return
        self.showing = step
        self.window.drawer.past = (frame, self.state_panels)
        self.window.drawer.draw_all(frame, self.state_panels)
        self.window.statusBar().showMessage(
            translate(
                "MainWindow",
                "The network, histograms and decision surface show step {step}; training is still "
                "at step {current}.",
            ).format(step=f"{step:,}", current=f"{self.window.timeline_bar.current_step:,}")
        )

    @Slot(object)
    def _on_frame(self, _frame: Frame) -> None:
        """A frame of the run while looking back (a rewind, an edit): back to the present if the
        slider no longer rests on a past step."""
        if self.showing is not None and self._past_step() is None:
            self.back_to_present()

    @Slot(str)
    def _on_state(self, state: str) -> None:
        if state != "paused":
            self._timer.stop()
            self.showing = None  # live frames redraw every panel
            self.window.drawer.past = None

    def back_to_present(self) -> None:
        """The state panels show the run's newest frame again."""
        if self.showing is None:
            return
        self.showing = None
        self.window.drawer.past = None
        self.window.statusBar().clearMessage()
        frame = self.window.controller.last_frame
        if frame is not None:
            self.window.drawer.draw_all(frame, self.state_panels)
