"""Standalone views that draw a replayed run or a race frame by frame, for animations and for
the command line's still images.

Each export builds its own panel (every panel runs alone: ``Panel()`` plus
``show_snapshot``), sized exactly as asked and never shown on screen, so a frame depends only
on the replayed snapshot and the size: two exports of the same run are the same pixels, and
the window's own panels keep what they show. A race is drawn by a landscape panel of its own
too: its surface view and value plot side by side, one frame per race step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QWidget

from gradsim.engine.snapshot import Snapshot
from gradsim.engine.trainer import Trainer
from gradsim.ui.export.errors import ExportError
from gradsim.ui.export.images import exact_size, render_image
from gradsim.ui.export.replay import ReplayPlan, plan_frames, replay_snapshots

#: What an animation can show (the command line's --view and the dialog's choices).
TRAINING_VIEWS = ("gradient-flow", "loss", "decision")
LANDSCAPE_VIEW = "landscape"
STAGE_VIEW = "stage"
ANIMATION_VIEWS = (*TRAINING_VIEWS, LANDSCAPE_VIEW, STAGE_VIEW)


def training_panel(view: str) -> QWidget:
    """A new panel of a training view (not docked, not shown on screen)."""
    if view == "gradient-flow":
        from gradsim.ui.training.gradient_flow_panel import GradientFlowPanel

        return GradientFlowPanel()
    if view == "loss":
        from gradsim.ui.training.loss_panel import LossPanel

        return LossPanel()
    if view == "decision":
        from gradsim.ui.training.decision_panel import DecisionPanel

        return DecisionPanel()
    raise ExportError("unknown_view", view=view, choices=", ".join(ANIMATION_VIEWS))


def offscreen(widget: QWidget, size: tuple[int, int]) -> QWidget:
    """Lay ``widget`` out at ``size`` as if shown, without a window on the screen."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(*size)
    widget.show()
    settle()
    return widget


def settle() -> None:
    """Let layouts and pyqtgraph's deferred range updates happen before a grab."""
    for _ in range(2):
        QCoreApplication.processEvents()


class _ReplayedFrames:
    """What the frames of a replayed run share: the plan of its steps and Cancel, which the
    replay polls between steps (``cancelled`` is handed to :func:`replay_snapshots`)."""

    plan: Any
    _cancelled: bool = False

    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def count(self) -> int:
        return len(self.plan.frame_steps)


class TrainingFrames(_ReplayedFrames):
    """The frames of a training view for a replayed run: one image per plan step."""

    def __init__(
        self,
        trainer: Trainer,
        view: str,
        size: tuple[int, int],
        scale: float = 1.0,
        *,
        steps: int,
        frames: int | None = None,
        every: int | None = None,
    ) -> None:
        self.view, self.size, self.scale = view, size, scale
        self.trainer, self.steps, self.frames, self.every = trainer, steps, frames, every
        self.panel = offscreen(training_panel(view), size)
        self._cancelled = False
        self.plan, self._snapshots = replay_snapshots(
            trainer, steps, frames, every, include_decision=view == "decision", cancelled=self.cancelled
        )

    def __iter__(self) -> Iterator[QImage]:
        try:
            for snapshot in self._snapshots:
                yield self.draw(snapshot)
        finally:
            self.close()

    def draw(self, snapshot: Snapshot) -> QImage:
        self.panel.show_snapshot(snapshot)
        settle()
        return exact_size(render_image(self.panel, self.scale), self.size, self.scale)

    def close(self) -> None:
        self.panel.close()
        self.panel.deleteLater()


def last_snapshot(trainer: Trainer, steps: int, include_decision: bool = True) -> Snapshot:
    """The replayed run's snapshot at ``steps`` (a still image of a given step)."""
    _plan, snapshots = replay_snapshots(trainer, steps, frames=1, include_decision=include_decision)
    *_, snapshot = snapshots
    return snapshot


class RaceFrames:
    """A landscape race, replayed step by step in a landscape panel of its own."""

    def __init__(
        self,
        landscape_state: dict[str, Any],
        size: tuple[int, int],
        scale: float = 1.0,
        *,
        frames: int | None = None,
        every: int | None = None,
    ) -> None:
        from gradsim.ui.landscape.panel import LandscapePanel
        from gradsim.ui.lecture.gallery_open import finish_landscape_race

        self.size, self.scale = size, scale
        self.panel = LandscapePanel()
        self.panel.restore(landscape_state)
        finish_landscape_race(self.panel)  # computed now, in this thread: the same race every time
        analytic = self.panel.analytic
        if analytic.computation is None:
            self.close()
            raise ExportError("no_race")
        # the surface and the value plot side by side, alone in a widget of the asked size
        self.widget = QWidget()
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(analytic.view_stack, 3)
        row.addWidget(analytic.value_plot, 2)
        offscreen(self.widget, size)
        self.plan: ReplayPlan = plan_frames(0, analytic.max_index(), frames, every)
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def count(self) -> int:
        return len(self.plan.frame_steps)

    def __iter__(self) -> Iterator[QImage]:
        try:
            for index in self.plan.frame_steps:
                if self._cancelled:
                    return
                yield self.draw(index)
        finally:
            self.close()

    def draw(self, index: int) -> QImage:
        self.panel.analytic.show_index(index)
        settle()
        return exact_size(render_image(self.widget, self.scale), self.size, self.scale)

    def close(self) -> None:
        self.panel.shutdown()
        for widget in (getattr(self, "widget", None), self.panel):
            if widget is not None:
                widget.close()
                widget.deleteLater()


class StageFrames(_ReplayedFrames):
    """The presentation stage of ``window`` while a replayed run plays in it.

    The replay plays the worker's part: each snapshot goes to the window as a frame (its panels,
    the stage header's step counter, the banner), the window is grabbed below its menu bar, and
    at the end the window's own run is drawn again.
    """

    def __init__(
        self,
        window: Any,
        trainer: Trainer,
        scale: float = 1.0,
        *,
        steps: int,
        frames: int | None = None,
        every: int | None = None,
        on_frame: Callable[[Any], None] | None = None,
    ) -> None:
        from gradsim.runner.training_loop import Frame
        from gradsim.ui.export.images import plot_widget

        self.window, self.scale = window, scale
        self._frame_class = Frame
        self._widget, self._region = plot_widget(window, "stage")  # raises when not presenting
        self._cancelled = False
        self.plan, self._snapshots = replay_snapshots(trainer, steps, frames, every, cancelled=self.cancelled)

    def __iter__(self) -> Iterator[QImage]:
        controller = self.window.controller
        present = controller.last_frame
        try:
            for serial, snapshot in enumerate(self._snapshots):
                frame = self._frame_class(snapshot=snapshot, steps_per_second=0.0, serial=-1 - serial)
                controller.last_frame = frame
                controller.frameReady.emit(frame)
                self.window.drawer.draw_all(frame)
                settle()
                yield render_image(self._widget, self.scale, self._region)
        finally:
            controller.last_frame = present
            if present is not None:
                controller.frameReady.emit(present)
                self.window.drawer.draw_all(present)
