"""Training controls: Play/Pause, Step, Step N, Reset, speed, live learning rate and clipping, pause triggers.

The panel only emits requests; the main window forwards them to the
:class:`~gradsim.ui.shell.worker.TrainingController`. Its actions (``play_action``,
``step_action``, ``step_n_action``, ``reset_action``) are the same objects the Train menu
and the toolbar show, so their enabled state and text stay in one place.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gradsim.runner.training_loop import Triggers
from gradsim.ui.common.wheel_guard import guard_wheel_under

translate = QCoreApplication.translate


class LogSpinBox(QDoubleSpinBox):
    """A spin box for scale-free values (learning rate, clip limit): the arrows halve or double,
    and any float notation (``1e-3``) is accepted."""

    def __init__(self, low: float, high: float, value: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(12)
        self.setRange(low, high)
        self.setValue(value)
        self.setKeyboardTracking(False)  # apply on Enter / focus-out, not on every key

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt override)
        return f"{value:.4g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> object:
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        ok = math.isfinite(value) and self.minimum() <= value <= self.maximum()
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802
        self.setValue(self.value() * 2.0**steps)


class TrainingControls(QWidget):
    """Play/Pause, Step, Step N, Reset, speed, learning rate, clipping and pause triggers."""

    playPauseRequested = Signal()  # noqa: N815 - Qt naming
    stepRequested = Signal(int)  # noqa: N815 - number of steps
    resetRequested = Signal()  # noqa: N815
    speedChanged = Signal(int)  # noqa: N815 - steps per displayed frame, 0 = as fast as possible
    learningRateChanged = Signal(float)  # noqa: N815
    clippingChanged = Signal(dict)  # noqa: N815 - {"kind": "none"} or {"kind": "norm", "max": 1.0}
    triggersChanged = Signal(object)  # noqa: N815 - a worker.Triggers

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TrainingControls")
        self._running = False
        self._updating = False
        self._build_actions()
        self._build_widgets()
        self._connect()
        self.retranslate()

    # ------------------------------------------------------------------ construction
    def _build_actions(self) -> None:
        style = self.style()
        self.play_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay), "", self)
        self.play_action.setShortcuts([QKeySequence(Qt.Key.Key_Space), QKeySequence(Qt.Key.Key_F5)])
        self.step_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipForward), "", self)
        self.step_action.setShortcut(QKeySequence(Qt.Key.Key_F6))
        self.step_n_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward), "", self)
        self.step_n_action.setShortcut(QKeySequence(Qt.Key.Key_F7))
        self.reset_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload), "", self)
        self.reset_action.setShortcut(QKeySequence("Ctrl+R"))
        for action in (self.play_action, self.step_action, self.step_n_action, self.reset_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def _tool_button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(False)
        return button

    def _build_widgets(self) -> None:
        self.play_button = self._tool_button(self.play_action)
        self.step_button = self._tool_button(self.step_action)
        self.step_n_button = self._tool_button(self.step_n_action)
        self.reset_button = self._tool_button(self.reset_action)
        self.step_n_spin = QSpinBox(self)
        self.step_n_spin.setRange(1, 1_000_000)
        self.step_n_spin.setValue(10)
        buttons = QGridLayout()
        buttons.addWidget(self.play_button, 0, 0)
        buttons.addWidget(self.step_button, 0, 1)
        buttons.addWidget(self.reset_button, 0, 2)
        buttons.addWidget(self.step_n_button, 1, 0)
        buttons.addWidget(self.step_n_spin, 1, 1, 1, 2)

        self.speed_spin = QSpinBox(self)
        self.speed_spin.setRange(0, 10_000)
        self.speed_spin.setValue(0)
        self.lr_spin = LogSpinBox(1e-7, 10.0, 0.1, self)
        self.lr_now = QLabel(self)
        self.lr_now.setEnabled(False)
        self.clip_kind = QComboBox(self)
        for kind in ("none", "norm", "value"):
            self.clip_kind.addItem("", kind)
        self.clip_max = LogSpinBox(1e-4, 1e4, 1.0, self)
        self.clip_max.setEnabled(False)
        clip_row = QHBoxLayout()
        clip_row.addWidget(self.clip_kind, 1)
        clip_row.addWidget(self.clip_max, 1)
        lr_row = QHBoxLayout()
        lr_row.addWidget(self.lr_spin, 1)
        lr_row.addWidget(self.lr_now)
        self.settings_form = QFormLayout()
        self.settings_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.speed_label, self.lr_label, self.clip_label = QLabel(self), QLabel(self), QLabel(self)
        self.settings_form.addRow(self.speed_label, self.speed_spin)
        self.settings_form.addRow(self.lr_label, lr_row)
        self.settings_form.addRow(self.clip_label, clip_row)

        self.triggers_box = QGroupBox(self)
        self.on_nan = QCheckBox(self.triggers_box)
        self.on_nan.setChecked(True)
        self.at_step = QCheckBox(self.triggers_box)
        self.at_step_spin = QSpinBox(self.triggers_box)
        self.at_step_spin.setRange(1, 100_000_000)
        self.at_step_spin.setValue(1000)
        self.on_diagnosis = QCheckBox(self.triggers_box)
        self.loss_below = QCheckBox(self.triggers_box)
        self.loss_below_spin = LogSpinBox(1e-12, 1e6, 0.05, self.triggers_box)
        grid = QGridLayout(self.triggers_box)
        grid.addWidget(self.on_nan, 0, 0, 1, 2)
        grid.addWidget(self.at_step, 1, 0)
        grid.addWidget(self.at_step_spin, 1, 1)
        grid.addWidget(self.loss_below, 2, 0)
        grid.addWidget(self.loss_below_spin, 2, 1)
        grid.addWidget(self.on_diagnosis, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(self.settings_form)
        layout.addWidget(self.triggers_box)
        layout.addStretch(1)
        guard_wheel_under(self)  # the wheel scrolls the dock; a learning rate changes only when clicked into

    def _connect(self) -> None:
        self.play_action.triggered.connect(self.playPauseRequested)
        self.step_action.triggered.connect(self._emit_step)
        self.step_n_action.triggered.connect(self._emit_step_n)
        self.reset_action.triggered.connect(self.resetRequested)
        self.speed_spin.valueChanged.connect(self._emit_speed)
        self.lr_spin.valueChanged.connect(self._emit_lr)
        self.clip_kind.currentIndexChanged.connect(self._emit_clipping)
        self.clip_max.valueChanged.connect(self._emit_clipping)
        for box in (self.on_nan, self.at_step, self.on_diagnosis, self.loss_below):
            box.toggled.connect(self._emit_triggers)
        self.at_step_spin.valueChanged.connect(self._emit_triggers)
        self.loss_below_spin.valueChanged.connect(self._emit_triggers)

    # ------------------------------------------------------------------ emitting
    def _emit_step(self) -> None:
        self.stepRequested.emit(1)

    def _emit_step_n(self) -> None:
        self.stepRequested.emit(self.step_n_spin.value())

    def _emit_speed(self, value: int) -> None:
        if not self._updating:
            self.speedChanged.emit(value)

    def _emit_lr(self, value: float) -> None:
        if not self._updating:
            self.learningRateChanged.emit(value)

    def clipping(self) -> dict[str, Any]:
        kind = self.clip_kind.currentData()
        return {"kind": "none"} if kind == "none" else {"kind": kind, "max": self.clip_max.value()}

    def _emit_clipping(self, *_: object) -> None:
        self.clip_max.setEnabled(self.clip_kind.currentData() != "none")
        if not self._updating:
            self.clippingChanged.emit(self.clipping())

    def triggers(self) -> Triggers:
        return Triggers(
            at_step=self.at_step_spin.value() if self.at_step.isChecked() else None,
            on_diagnosis_change=self.on_diagnosis.isChecked(),
            loss_below=self.loss_below_spin.value() if self.loss_below.isChecked() else None,
            on_nan=self.on_nan.isChecked(),
        )

    def _emit_triggers(self, *_: object) -> None:
        if not self._updating:
            self.triggersChanged.emit(self.triggers())

    # ------------------------------------------------------------------ state from outside
    def set_config(self, config: Mapping[str, Any]) -> None:
        """Show a config's learning rate and clipping without emitting changes."""
        self._updating = True
        try:
            self.lr_spin.setValue(float(config["optimizer"]["lr"]))
            clipping = config.get("clipping", {"kind": "none"})
            index = self.clip_kind.findData(clipping.get("kind", "none"))
            self.clip_kind.setCurrentIndex(max(index, 0))
            if "max" in clipping:
                self.clip_max.setValue(float(clipping["max"]))
            self.clip_max.setEnabled(clipping.get("kind", "none") != "none")
        finally:
            self._updating = False

    def set_speed(self, steps_per_frame: int) -> None:
        self._updating = True
        self.speed_spin.setValue(steps_per_frame)
        self._updating = False

    def set_running(self, running: bool) -> None:
        self._running = bool(running)
        icon = QStyle.StandardPixmap.SP_MediaPause if running else QStyle.StandardPixmap.SP_MediaPlay
        self.play_action.setIcon(self.style().standardIcon(icon))
        self._retranslate_play()

    def set_training_enabled(self, enabled: bool) -> None:
        """Disable training while the builder holds an invalid value."""
        for action in (self.play_action, self.step_action, self.step_n_action, self.reset_action):
            action.setEnabled(enabled or (action is self.play_action and self._running))

    def trigger_fired(self, reason: str) -> None:
        """A one-shot trigger fired: untick it, so Play continues instead of pausing again."""
        self._updating = True
        if reason == "at_step":
            self.at_step.setChecked(False)
        elif reason == "loss_below":
            self.loss_below.setChecked(False)
        self._updating = False

    def show_snapshot(self, snapshot: Any) -> None:
        """Show the effective learning rate when a schedule makes it differ from the base rate."""
        lr = float(snapshot.learning_rate)
        differs = math.isfinite(lr) and abs(lr - self.lr_spin.value()) > 1e-12 * max(1.0, abs(lr))
        self.lr_now.setVisible(differs)
        if differs:
            self.lr_now.setText(translate("TrainingControls", "now {lr}").format(lr=f"{lr:.3g}"))

    # ------------------------------------------------------------------ words
    def _retranslate_play(self) -> None:
        if self._running:
            self.play_action.setText(translate("TrainingControls", "Pause"))
            self.play_action.setToolTip(
                translate(
                    "TrainingControls", "Pause training (Space). The worker stops after the current step."
                )
            )
        else:
            self.play_action.setText(translate("TrainingControls", "Play"))
            self.play_action.setToolTip(
                translate(
                    "TrainingControls",
                    "Train continuously (Space) and watch the gradients of every layer change live.",
                )
            )

    def retranslate(self) -> None:
        self._retranslate_play()
        self.step_action.setText(translate("TrainingControls", "Step"))
        self.step_action.setToolTip(
            translate(
                "TrainingControls",
                "Take exactly one training step (F6): one forward pass, one backward pass, one update.",
            )
        )
        self.step_n_action.setText(translate("TrainingControls", "Step N"))
        self.step_n_action.setToolTip(
            translate(
                "TrainingControls",
                "Take exactly N steps (F7), then pause: compare the gradients before and after.",
            )
        )
        self.reset_action.setText(translate("TrainingControls", "Reset"))
        self.reset_action.setToolTip(
            translate(
                "TrainingControls",
                "Re-initialize the network with the same seed (Ctrl+R): the same starting weights, "
                "so a changed setting is the only difference.",
            )
        )
        self.step_n_spin.setToolTip(translate("TrainingControls", "How many steps Step N takes."))
        self.speed_label.setText(translate("TrainingControls", "Steps per frame"))
        self.speed_spin.setSpecialValueText(translate("TrainingControls", "as fast as possible"))
        self.speed_spin.setToolTip(
            translate(
                "TrainingControls",
                "At most this many training steps between two drawn frames. Small values slow "
                "training down so you can watch each update; 'as fast as possible' trains at full speed.",
            )
        )
        self.lr_label.setText(translate("TrainingControls", "Learning rate"))
        self.lr_spin.setToolTip(
            translate(
                "TrainingControls",
                "Step size of every update, applied from the next step. Too large and the weights "
                "overshoot until the loss becomes NaN; too small and even healthy gradients barely "
                "move them. The arrows halve or double it.",
            )
        )
        self.lr_now.setToolTip(
            translate("TrainingControls", "The learning rate the schedule uses at the current step.")
        )
        self.clip_label.setText(translate("TrainingControls", "Gradient clipping"))
        for index, text in enumerate(
            (
                translate("TrainingControls", "none"),
                translate("TrainingControls", "by norm"),
                translate("TrainingControls", "by value"),
            )
        ):
            self.clip_kind.setItemText(index, text)
        self.clip_kind.setToolTip(
            translate(
                "TrainingControls",
                "Limit the gradient before the update, from the next step. By norm rescales the "
                "whole gradient when its length exceeds the limit (keeps its direction): the "
                "standard cure for exploding gradients. By value clamps every element.",
            )
        )
        self.clip_max.setToolTip(
            translate(
                "TrainingControls", "The clipping limit c: an SGD step is then at most learning rate × c."
            )
        )
        self.triggers_box.setTitle(translate("TrainingControls", "Pause automatically"))
        self.on_nan.setText(translate("TrainingControls", "on NaN/Inf in the loss or a gradient"))
        self.on_nan.setToolTip(
            translate(
                "TrainingControls",
                "Stop at the first non-finite value; the update is not applied, so the last "
                "finite weights are kept and you can lower the learning rate and continue.",
            )
        )
        self.at_step.setText(translate("TrainingControls", "at step"))
        self.at_step.setToolTip(
            translate(
                "TrainingControls", "Pause once when training reaches this step (then this box is unticked)."
            )
        )
        self.at_step_spin.setToolTip(self.at_step.toolTip())
        self.loss_below.setText(translate("TrainingControls", "when the loss falls below"))
        self.loss_below.setToolTip(
            translate(
                "TrainingControls",
                "Pause once when the training loss crosses below this value (then this box is unticked).",
            )
        )
        self.loss_below_spin.setToolTip(self.loss_below.toolTip())
        self.on_diagnosis.setText(translate("TrainingControls", "when the diagnosis changes"))
        self.on_diagnosis.setToolTip(
            translate(
                "TrainingControls",
                "Pause when a problem appears or disappears (vanishing, exploding, dead or "
                "saturated units), to discuss it at the moment it happens.",
            )
        )
