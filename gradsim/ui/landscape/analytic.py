"""The "Analytic surface" tab: optimizers racing on a 2-D surface, step by step.

How the race is computed and shown:

* A race is computed once, whole (:func:`gradsim.landscapes.trajectories.race`: every
  optimizer from the same start with the same gradient noise), and then *played*: a GUI
  ``QTimer`` at ~60 Hz advances an index into the precomputed paths at the chosen speed
  (steps per second), and every item is updated with ``setData``. Computing ahead keeps
  the animation smooth whatever the speed.
* Short races (steps x optimizers <= :data:`SYNC_RECORDS`, a few ms) are computed on the
  spot, so dragging the start marker recomputes every path live, as in the Distill
  momentum article. Longer races are computed in a separate process (a race is one tight
  Python loop: in a thread it would starve the animation of the GIL); meanwhile the first
  :data:`SYNC_RECORDS` records are computed on the spot and already animate (the prefix of
  a longer race is the same race: the noise is drawn up front from the seed).
* A path that diverges never raises: the lab stops it at the first NaN/inf, or when it
  flies beyond :func:`race_bound`, and the view and table say "diverged at step k".
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from gradsim.engine.errors import GradsimError
from gradsim.landscapes.surfaces import Surface
from gradsim.landscapes.trajectories import MAX_RECORDS, MAX_STEPS, RunSummary, Trajectory, race, summarize
from gradsim.runner.race_process import race_job
from gradsim.ui.common.flow_layout import FlowLayout
from gradsim.ui.common.wheel_guard import guard_wheel
from gradsim.ui.common.wording import error_message
from gradsim.ui.landscape.analytic_layout import AnalyticArrangement, HeightForWidthBox
from gradsim.ui.landscape.race import (
    OptimizerSettings,
    OptimizerTable,
    RaceOutcome,
    RaceResults,
    ValuePlot,
    suggested_settings,
)
from gradsim.ui.landscape.surface_form import SurfaceForm
from gradsim.ui.landscape.surface_view import OVERLAYS, SurfaceView
from gradsim.ui.landscape.three_d import ThreeDView, opengl_available
from gradsim.ui.landscape.worker import RaceProcess

translate = QCoreApplication.translate

SYNC_RECORDS = 3000  # steps x optimizers computed on the GUI thread (~30 ms)
FRAME_MS = 16  # animation timer (~60 Hz)
SPEEDS = (1, 2, 5, 10, 20, 30, 50, 100, 200, 500, 1000, 2000, 5000)  # steps per second
DEFAULT_SPEED = 30
DEFAULT_STEPS = 150
DEFAULT_RACE = ("sgd", "momentum", "adam")


def race_bound(surface: Surface) -> float:
    """Runs farther than this from the origin stop ("diverged"): 1000 views away."""
    xmin, xmax, ymin, ymax = surface.view
    return 1000.0 * max(abs(xmin), abs(xmax), abs(ymin), abs(ymax), xmax - xmin, ymax - ymin)


@dataclass(frozen=True)
class RaceRequest:
    """Everything a race depends on (the surface is immutable once built)."""

    surface: Surface
    settings: tuple[OptimizerSettings, ...]
    start: tuple[float, float]
    steps: int
    noise: float
    seed: int


@dataclass(frozen=True)
class RaceComputation:
    request: RaceRequest
    trajectories: list[Trajectory]
    summaries: list[RunSummary]


def _retire_replaced_editors(table: QTableWidget) -> None:
    """Hide the widgets in ``table``'s viewport that are no cell's widget any more (replaced by
    ``setCellWidget``; Qt deletes them later), and take the focus from them."""
    current = {
        shiboken6.getCppPointer(widget)[0]
        for row in range(table.rowCount())
        for column in range(table.columnCount())
        if (widget := table.cellWidget(row, column)) is not None
    }
    focus = QApplication.focusWidget()
    for child in table.viewport().findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if shiboken6.getCppPointer(child)[0] in current or not child.isVisible():
            continue
        if focus is not None and (child is focus or child.isAncestorOf(focus)):
            table.setFocus(Qt.FocusReason.OtherFocusReason)
        child.hide()


def job_of(request: RaceRequest) -> dict[str, Any]:
    """The race as plain data for :class:`~gradsim.ui.landscape.worker.RaceProcess`."""
    surface = request.surface
    return race_job(
        surface.name,
        surface.params,
        [s.spec() for s in request.settings],
        [s.clipping() for s in request.settings],
        request.start,
        request.steps,
        request.noise,
        request.seed,
        race_bound(surface),
    )


def run_race(request: RaceRequest) -> RaceComputation:
    """Compute a race and its summaries (no Qt; runs on either thread)."""
    surface = request.surface
    trajectories = race(
        surface,
        [s.spec() for s in request.settings],
        request.start,
        request.steps,
        clipping=[s.clipping() for s in request.settings],
        noise_std=request.noise,
        seed=request.seed,
        bound=race_bound(surface),
    )
    summaries = [summarize(t, surface) for t in trajectories]
    return RaceComputation(request, trajectories, summaries)


class AnalyticLandscape(QWidget):
    """Surface, race settings, overlays, the animated race, the value plot and the results."""

    raceShown = Signal()  # noqa: N815 - a (complete or partial) race was drawn

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.surface: Surface | None = None
        self.computation: RaceComputation | None = None
        self.complete = False  # False while a long race is still computed in the worker
        self.index = 0
        self.playing = False
        self.error_text = ""
        self._position = 0.0
        self._last_tick = 0.0
        self._speed_index = SPEEDS.index(DEFAULT_SPEED)
        self.frames_drawn = 0
        self.race_process = RaceProcess(self)
        self.race_process.finished.connect(self._on_race_computed)
        self.race_process.failed.connect(self._on_race_failed)
        self._pending: tuple[int, RaceRequest] | None = None
        self._restore_index: int | None = None  # applied when the restored race is complete
        self._build()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._on_tick)
        self._recompute_timer = QTimer(self)
        self._recompute_timer.setSingleShot(True)
        self._recompute_timer.setInterval(150)
        self._recompute_timer.timeout.connect(self.recompute)
        self._drag_timer = QTimer(self)
        self._drag_timer.setSingleShot(True)
        self._drag_timer.setInterval(0)
        self._drag_timer.timeout.connect(self._recompute_dragged)
        self._connect()
        self.retranslate()
        self.apply_surface(reset_start=True)
        self.optimizers.set_settings(
            [suggested_settings(kind, self.surface, i) for i, kind in enumerate(DEFAULT_RACE)]
        )
        self.recompute()

    # ================================================================ construction
    def _build(self) -> None:
        self.form = SurfaceForm(opengl_available())
        self.steps_spin = QSpinBox()
        self.steps_spin.setRange(1, MAX_STEPS)
        self.steps_spin.setValue(DEFAULT_STEPS)
        self.steps_spin.setKeyboardTracking(False)
        self.noise_spin = QDoubleSpinBox()
        self.noise_spin.setRange(0.0, 100.0)
        self.noise_spin.setDecimals(4)
        self.noise_spin.setSingleStep(0.01)
        self.noise_spin.setKeyboardTracking(False)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setKeyboardTracking(False)
        self.start_label = QLabel()
        self.start_label.setWordWrap(True)
        self.overlay_checks = {name: QCheckBox() for name in OVERLAYS}
        self.overlay_checks["clipping"].setChecked(True)
        self.surface_group = QGroupBox()
        surface_layout = QVBoxLayout(self.surface_group)
        surface_layout.addWidget(self.form)
        self.race_group = QGroupBox()
        self.race_form = QFormLayout(self.race_group)
        self.race_labels = [QLabel() for _ in range(3)]
        for label, spin in zip(
            self.race_labels, (self.steps_spin, self.noise_spin, self.seed_spin), strict=True
        ):
            self.race_form.addRow(label, spin)
        self.race_form.addRow(self.start_label)
        guard_wheel(self.steps_spin, self.noise_spin, self.seed_spin)
        self.overlay_group = QGroupBox()
        overlay_layout = QVBoxLayout(self.overlay_group)
        for check in self.overlay_checks.values():
            overlay_layout.addWidget(check)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 4, 4)
        for group in (self.surface_group, self.race_group, self.overlay_group):
            left_layout.addWidget(group)
        left_layout.addStretch(1)
        self.left_scroll = QScrollArea()
        self.left_scroll.setWidget(left)
        self.left_scroll.setWidgetResizable(True)
        self.left_scroll.setMinimumWidth(240)
        self.left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.view = SurfaceView()
        self.three_d: ThreeDView | None = None
        self.view_stack = QStackedWidget()
        self.view_stack.addWidget(self.view)
        self._build_playback()
        self.value_plot = ValuePlot()
        self.results = RaceResults()
        self.optimizers = OptimizerTable()
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.view_stack)
        top.addWidget(self.value_plot)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        top.setSizes([680, 420])
        race_area = HeightForWidthBox()  # the playback row wraps: its lines push the plots up
        race_layout = QVBoxLayout(race_area)
        race_layout.setContentsMargins(0, 0, 0, 0)
        race_layout.addWidget(top, 1)
        race_layout.addLayout(self.playback)
        race_layout.addWidget(self.status)
        self.arrangement = AnalyticArrangement(self.left_scroll, race_area, self.optimizers, self.results)
        arrangement = self.arrangement
        self.splitters = (arrangement.outer, arrangement.main, top, arrangement.tables)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(arrangement.outer)

    def _build_playback(self) -> None:
        self.play_button = QPushButton()
        self.step_button = QPushButton()
        self.reset_button = QPushButton()
        self.speed_label = QLabel()
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setRange(0, len(SPEEDS) - 1)
        self.speed_slider.setValue(self._speed_index)
        self.speed_slider.setFixedWidth(110)
        self.speed_value = QLabel()
        self.step_label = QLabel()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedWidth(90)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.playback = FlowLayout(spacing=6)  # wraps in a narrow dock (no "Spee", "Rese")
        for widget in (self.play_button, self.step_button, self.reset_button):
            self.playback.addWidget(widget)
        self.playback.addSpacing(12)
        speed = QHBoxLayout()
        speed.setSpacing(6)
        speed.addWidget(self.speed_label)
        speed.addWidget(self.speed_slider)
        speed.addWidget(self.speed_value)
        self.playback.addLayout(speed)  # the speed's label, slider and value stay together
        self.playback.addSpacing(12)
        self.playback.addWidget(self.step_label)
        self.playback.addWidget(self.busy_bar)

    def _connect(self) -> None:
        self.form.surfaceChanged.connect(self._on_surface_changed)
        self.form.paramsChanged.connect(self._on_params_changed)
        self.form.scaleChanged.connect(self.view.set_scale_mode)
        self.form.resetViewRequested.connect(self._on_reset_view)
        self.form.threeDToggled.connect(self._on_three_d)
        self.optimizers.changed.connect(self._recompute_timer.start)
        for spin in (self.steps_spin, self.seed_spin):
            spin.valueChanged.connect(self._recompute_timer.start)
        self.noise_spin.valueChanged.connect(self._recompute_timer.start)
        for check in self.overlay_checks.values():
            check.toggled.connect(self._on_overlays)
        self.view.startPicked.connect(self._on_start_picked)
        self.view.startDragged.connect(self._on_start_dragged)
        self.view.startDropped.connect(self._on_start_dropped)
        self.view.viewChanged.connect(self._redraw)
        self.play_button.clicked.connect(self.toggle_play)
        self.step_button.clicked.connect(self.step_once)
        self.reset_button.clicked.connect(self.reset)
        self.speed_slider.valueChanged.connect(self._on_speed)

    # ================================================================ texts
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        self.arrangement.follow_width(event.size().width())
        self.view.set_compact_title(self.arrangement.narrow)
        super().resizeEvent(event)

    def retranslate(self) -> None:
        self.arrangement.retranslate()
        self.form.retranslate()
        self.optimizers.retranslate()
        self.results.retranslate()
        self.value_plot.retranslate()
        self.view.retranslate()
        self.surface_group.setTitle(translate("AnalyticLandscape", "Surface"))
        self.race_group.setTitle(translate("AnalyticLandscape", "Race"))
        self.overlay_group.setTitle(translate("AnalyticLandscape", "Show at each optimizer"))
        texts = (
            translate("AnalyticLandscape", "Steps:"),
            translate("AnalyticLandscape", "Gradient noise σ:"),
            translate("AnalyticLandscape", "Noise seed:"),
        )
        for label, text in zip(self.race_labels, texts, strict=True):
            label.setText(text)
        self.steps_spin.setToolTip(
            translate(
                "AnalyticLandscape",
                "How many steps every optimizer takes. Long races are computed in the background "
                "while the beginning already plays.",
            )
        )
        self.noise_spin.setToolTip(
            translate(
                "AnalyticLandscape",
                "Standard deviation of Gaussian noise added to every gradient, as mini-batches "
                "do in stochastic gradient descent. Noise lets plain descent escape a saddle it "
                "would otherwise sit on forever. Every optimizer gets the same noise.",
            )
        )
        self.seed_spin.setToolTip(
            translate("AnalyticLandscape", "Seed of the gradient noise: the same seed gives the same race.")
        )
        overlay_texts = {
            "gradient": (
                translate("AnalyticLandscape", "Downhill direction −∇f"),
                translate(
                    "AnalyticLandscape",
                    "A grey arrow from each optimizer along −∇f, the way plain gradient descent "
                    "steps. On a ravine it points across the valley, not along it: that is the "
                    "zig-zag. Its length grows with the slope (capped to fit the view).",
                ),
            ),
            "velocity": (
                translate("AnalyticLandscape", "Velocity (momentum)"),
                translate(
                    "AnalyticLandscape",
                    "A dashed arrow along the optimizer's velocity (momentum buffer; Adam's first "
                    "moment), on the same scale as the gradient arrow. Momentum accumulates "
                    "velocity: it speeds along the ravine's floor and damps the zig-zag across it.",
                ),
            ),
            "step": (
                translate("AnalyticLandscape", "Per-coordinate step"),
                translate(
                    "AnalyticLandscape",
                    "The next step split into its x and y parts (magnified, factor below the plot). "
                    "Adaptive methods (Adam, RMSprop, Adagrad) divide each coordinate by its own "
                    "gradient history, so both parts are about lr whatever the slope: good on "
                    "plateaus, bad when the valley runs diagonally.",
                ),
            ),
            "clipping": (
                translate("AnalyticLandscape", "Clipping events"),
                translate(
                    "AnalyticLandscape",
                    "✕ on the path where gradient clipping shortened the gradient. On the cliff, "
                    "the clipped optimizer stays near the wall while the unclipped one is thrown "
                    "far away.",
                ),
            ),
        }
        for name, (text, tip) in overlay_texts.items():
            self.overlay_checks[name].setText(text)
            self.overlay_checks[name].setToolTip(tip)
        self.step_button.setText(translate("AnalyticLandscape", "Step"))
        self.step_button.setToolTip(translate("AnalyticLandscape", "Advance every optimizer by one step."))
        self.reset_button.setText(translate("AnalyticLandscape", "Reset"))
        self.reset_button.setToolTip(translate("AnalyticLandscape", "Back to step 0, at the start point."))
        self.speed_label.setText(translate("AnalyticLandscape", "Speed:"))
        self.speed_slider.setToolTip(
            translate(
                "AnalyticLandscape", "Steps shown per second: slow to watch each step, fast for long races."
            )
        )
        self.busy_bar.setToolTip(translate("AnalyticLandscape", "The full race is being computed."))
        self._update_labels()

    def _update_labels(self) -> None:
        self.play_button.setText(
            translate("AnalyticLandscape", "Pause")
            if self.playing
            else translate("AnalyticLandscape", "Play")
        )
        self.play_button.setToolTip(
            translate(
                "AnalyticLandscape", "Play or pause the race: every optimizer moves one step at a time."
            )
        )
        self.speed_value.setText(
            translate("AnalyticLandscape", "{n} steps/s").format(n=SPEEDS[self._speed_index])
        )
        total = self.max_index()
        self.step_label.setText(
            translate("AnalyticLandscape", "step {i} / {n}").format(i=self.index, n=total)
        )
        x, y = self.view.start()
        self.start_label.setText(
            translate("AnalyticLandscape", "Start ({x}, {y}): click the surface or drag ⊕.").format(
                x=f"{x:.3g}", y=f"{y:.3g}"
            )
        )
        parts = []
        if self.error_text:
            parts.append("⚠ " + self.error_text)
        if self.overlay_checks["step"].isChecked() and self.view.race.step_magnification != 1:
            parts.append(
                translate("AnalyticLandscape", "Per-coordinate steps drawn ×{m}.").format(
                    m=f"{self.view.race.step_magnification:g}"
                )
            )
        self.status.setText("  ".join(parts))

    # ================================================================ surface
    def apply_surface(self, reset_start: bool) -> bool:
        surface = self.form.build_surface()
        if surface is None:
            return False
        self.surface = surface
        self.optimizers.set_surface(surface)
        self.view.set_surface(surface)
        if reset_start:
            self.view.set_start(*surface.starts[0])
        else:  # the start stays: the new surface's window widens if it does not show it
            self.view.reveal(*self.view.start())
        if self.three_d is not None:
            self.three_d.set_surface(surface, self.form.scale_mode())
        return True

    @Slot()
    def _on_surface_changed(self) -> None:
        """Another surface: its default start, and learning rates that suit it."""
        if not self.apply_surface(reset_start=True):
            return
        rows = [
            replace(row, lr=suggested_settings(row.kind, self.surface).lr)
            for row in self.optimizers.settings()
        ]
        self.set_optimizer_settings(rows)
        self.recompute()

    def set_optimizer_settings(self, rows: list[OptimizerSettings]) -> None:
        """Show ``rows`` in the optimizer table (no recomputation: the caller decides).

        The table rebuilds its rows' editors; Qt deletes the replaced ones only when the event
        loop next runs, and until then they stayed visible under the new rows (ghost rows in a
        screenshot or a script's race) and one of them could keep the keyboard focus (a stale
        editor). They are hidden and lose the focus at once.
        """
        blocked = self.optimizers.blockSignals(True)
        try:
            self.optimizers.set_settings(rows)
        finally:
            self.optimizers.blockSignals(blocked)
        _retire_replaced_editors(self.optimizers.table)

    @Slot()
    def _on_params_changed(self) -> None:
        """The same surface with other parameters: the start and the optimizers stay."""
        if self.apply_surface(reset_start=False):
            self.recompute()

    @Slot()
    def _on_reset_view(self) -> None:
        if self.surface is not None:
            self.view.set_view(self.surface.view)
            self.view.regrid()

    @Slot(int)
    def _on_three_d(self, on: int) -> None:
        if on and self.three_d is None:
            try:
                self.three_d = ThreeDView()
            except Exception as error:  # noqa: BLE001 - no OpenGL: stay in 2-D
                self._three_d_unavailable(str(error))
                return
            self.view_stack.addWidget(self.three_d)
            if self.surface is not None:
                self.three_d.set_surface(self.surface, self.form.scale_mode())
            self._race_to_three_d()
        self.view_stack.setCurrentWidget(self.three_d if on and self.three_d is not None else self.view)
        self._redraw()
        if on:
            QTimer.singleShot(200, self._check_three_d)  # the GL context exists once the view is shown

    @Slot()
    def _check_three_d(self) -> None:
        three_d = self.three_d
        if three_d is not None and self.view_stack.currentWidget() is three_d and not three_d.usable():
            self._three_d_unavailable(translate("AnalyticLandscape", "no OpenGL context"))

    def _three_d_unavailable(self, reason: str) -> None:
        """Back to the 2-D map for good, with the reason under the plot (never a dialog)."""
        self.view_stack.setCurrentWidget(self.view)
        check = self.form.three_d_check
        check.blockSignals(True)
        check.setChecked(False)
        check.blockSignals(False)
        check.setEnabled(False)
        self.error_text = translate("AnalyticLandscape", "3-D view unavailable: {reason}").format(
            reason=reason
        )
        self._update_labels()
        self._redraw()

    def _race_to_three_d(self) -> None:
        if self.three_d is not None and self.computation is not None:
            colours = [s.colour for s in self.computation.request.settings]
            self.three_d.set_race(self.computation.trajectories, colours)

    # ================================================================ race
    def request(self, steps: int | None = None) -> RaceRequest | None:
        if self.surface is None:
            return None
        return RaceRequest(
            surface=self.surface,
            settings=tuple(self.optimizers.settings()),
            start=self.view.start(),
            steps=int(self.steps_spin.value() if steps is None else steps),
            noise=float(self.noise_spin.value()),
            seed=int(self.seed_spin.value()),
        )

    @Slot()
    def recompute(self, background: bool = True) -> None:
        """Recompute the race for the current settings (live when short, else in the worker)."""
        self._recompute_timer.stop()
        request = self.request()
        if request is None or not request.settings:
            return
        runs = len(request.settings)
        self._supersede()
        if request.steps * runs > MAX_RECORDS:
            self._show_error(
                translate(
                    "AnalyticLandscape", "steps × optimizers must be at most {limit}; use fewer steps."
                ).format(limit=MAX_RECORDS)
            )
            return
        if request.steps * runs <= SYNC_RECORDS or not background:
            self._compute_now(request, complete=True)
            return
        prefix = replace(request, steps=max(1, SYNC_RECORDS // runs))
        if self._compute_now(prefix, complete=False):
            self.busy_bar.show()
            self._pending = (self.race_process.start(job_of(request)), request)

    def _supersede(self) -> None:
        self.race_process.supersede()
        self._pending = None
        self.busy_bar.hide()

    def _compute_now(self, request: RaceRequest, complete: bool) -> bool:
        try:
            computation = run_race(request)
        except GradsimError as error:
            self._show_error(error_message(error))
            return False
        self._show_race(computation, complete)
        return True

    def _show_error(self, text: str) -> None:
        self.error_text = text
        self.busy_bar.hide()
        self._update_labels()

    def _show_race(self, computation: RaceComputation, complete: bool) -> None:
        self.error_text = ""
        self.computation = computation
        self.complete = complete
        request = computation.request
        colours = [s.colour for s in request.settings]
        self.view.race.set_race(
            request.surface, computation.trajectories, colours, race_bound(request.surface)
        )
        self.value_plot.set_race(computation.trajectories, colours, request.surface.minimum_value_hint())
        if complete:
            self.results.show_outcomes(self._outcomes(computation), request.surface, request.steps)
        else:
            self.results.show_pending([(s.label(), s.colour) for s in request.settings])
        self._race_to_three_d()
        if not self.playing:
            self._position = float(self.max_index())
        if complete and self._restore_index is not None:
            self._position = float(min(self._restore_index, self.max_index()))
            self._restore_index = None
        self.index = min(int(self._position), self.max_index())
        self._redraw()
        self.raceShown.emit()

    @staticmethod
    def _outcomes(computation: RaceComputation) -> list[RaceOutcome]:
        return [
            RaceOutcome(
                label=s.label(),
                colour=s.colour,
                summary=summary,
                stop_reason=t.stop_reason,
                diverged_at=t.diverged_at,
                clip_events=int(t.clipped.sum()),
            )
            for s, t, summary in zip(
                computation.request.settings, computation.trajectories, computation.summaries, strict=True
            )
        ]

    @Slot(int, object)
    def _on_race_computed(self, job_id: int, result: object) -> None:
        pending, self._pending = self._pending, None
        self.busy_bar.hide()
        if pending is None or pending[0] != job_id or pending[1] != self.request():
            return
        trajectories, summaries = result
        self._show_race(RaceComputation(pending[1], trajectories, summaries), complete=True)

    @Slot(int, str)
    def _on_race_failed(self, job_id: int, details: str) -> None:
        if self._pending is not None and self._pending[0] == job_id:
            self._pending = None
            self._show_error(details.strip().splitlines()[-1])

    def max_index(self) -> int:
        return self.view.race.max_index()

    # ================================================================ start point
    @Slot(float, float)
    def _on_start_picked(self, _x: float, _y: float) -> None:
        if self.playing:
            self._position = 0.0
        self.recompute()

    @Slot(float, float)
    def _on_start_dragged(self, _x: float, _y: float) -> None:
        self._drag_timer.start()  # coalesce: one recomputation per pass of the event loop

    @Slot()
    def _recompute_dragged(self) -> None:
        request = self.request()
        if request is None or not request.settings:
            return
        self._supersede()
        steps = min(request.steps, max(1, SYNC_RECORDS // len(request.settings)))
        self._compute_now(replace(request, steps=steps), complete=steps == request.steps)

    @Slot(float, float)
    def _on_start_dropped(self, _x: float, _y: float) -> None:
        self._drag_timer.stop()
        self.recompute()

    # ================================================================ playback
    @Slot()
    def toggle_play(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        if self.index >= self.max_index():
            self._position = 0.0
            self.index = 0
        self.playing = True
        self._last_tick = time.perf_counter()
        self._timer.start()
        self._update_labels()

    def pause(self) -> None:
        self.playing = False
        self._timer.stop()
        self._update_labels()

    @Slot()
    def step_once(self) -> None:
        self.pause()
        self.show_index(min(self.index + 1, self.max_index()))

    @Slot()
    def reset(self) -> None:
        self.pause()
        self.show_index(0)

    def show_index(self, index: int) -> None:
        self._position = float(index)
        self.index = index
        self._redraw()

    @Slot(int)
    def _on_speed(self, value: int) -> None:
        self._speed_index = int(value)
        self._update_labels()

    def speed(self) -> int:
        return SPEEDS[self._speed_index]

    def set_speed(self, steps_per_second: int) -> None:
        best = min(range(len(SPEEDS)), key=lambda i: abs(math.log(SPEEDS[i] / max(steps_per_second, 1))))
        self.speed_slider.setValue(best)

    @Slot()
    def _on_tick(self) -> None:
        now = time.perf_counter()
        elapsed = min(now - self._last_tick, 0.25)
        self._last_tick = now
        self._position += self.speed() * elapsed
        end = self.max_index()
        if self._position >= end:
            self._position = float(end)
            if self.complete:
                self.pause()
        index = int(self._position)
        if index != self.index:
            self.index = index
            self._redraw()

    @Slot()
    def _on_overlays(self) -> None:
        self.view.race.overlays = {name for name, check in self.overlay_checks.items() if check.isChecked()}
        self._redraw()

    @Slot()
    def _redraw(self) -> None:
        if self.computation is None:
            return
        self.index = min(self.index, self.max_index())
        if self.three_d is not None and self.view_stack.currentWidget() is self.three_d:
            self.three_d.show_step(self.index)
        else:
            self.view.show_step(self.index)
        self.value_plot.show_step(self.index)
        self.frames_drawn += 1
        self._update_labels()

    # ================================================================ state
    def state(self) -> dict[str, Any]:
        return {
            "surface": self.form.surface_name(),
            "params": self.form.params(),
            "view": list(self.view.visible_view()),
            "scale": self.form.scale_mode(),
            "start": list(self.view.start()),
            "steps": int(self.steps_spin.value()),
            "noise": float(self.noise_spin.value()),
            "seed": int(self.seed_spin.value()),
            "speed": self.speed(),
            "overlays": sorted(self.view.race.overlays),
            "optimizers": [s.to_json() for s in self.optimizers.settings()],
            "index": int(self.index),
        }

    def restore(self, state: dict[str, Any]) -> None:
        self.pause()
        widgets = (self.steps_spin, self.noise_spin, self.seed_spin, self.optimizers, self.form)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.form.set_surface_name(str(state.get("surface", "ravine")), dict(state.get("params", {})))
            self.form.set_scale_mode(str(state.get("scale", "auto")))
            self.steps_spin.setValue(int(state.get("steps", DEFAULT_STEPS)))
            self.noise_spin.setValue(float(state.get("noise", 0.0)))
            self.seed_spin.setValue(int(state.get("seed", 0)))
            rows = [OptimizerSettings.from_json(row) for row in state.get("optimizers", [])]
            if rows:
                self.set_optimizer_settings(rows)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.view.scale_mode = self.form.scale_mode()
        overlays = set(state.get("overlays", ["clipping"]))
        for name, check in self.overlay_checks.items():
            check.blockSignals(True)
            check.setChecked(name in overlays)
            check.blockSignals(False)
        self.view.race.overlays = overlays & set(OVERLAYS)
        self.set_speed(int(state.get("speed", DEFAULT_SPEED)))
        start = state.get("start")
        if start and len(start) == 2:  # before the surface, which widens its window to show it
            self.view.set_start(float(start[0]), float(start[1]), reveal=False)
        if not self.apply_surface(reset_start=False):
            return
        view = state.get("view")
        if view and len(view) == 4:
            self.view.set_view(tuple(float(v) for v in view))
            self.view.regrid()
            self.view.reveal(*self.view.start())  # a saved window that leaves the start out
        self._restore_index = int(state.get("index", 1 << 62))
        self.recompute()  # a long race arrives later: the index is applied then

    def shutdown(self) -> None:
        self._timer.stop()
        self._supersede()
