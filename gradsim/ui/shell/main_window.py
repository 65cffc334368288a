"""The main window: dockable panels around a training worker, menus, toolbar and status bar.

Every panel is a dock (moved, floated, closed and reopened from View); their layout is
kept per machine in QSettings (``saveState``/``restoreState``). The panels of other
modules are imported when their module exists, so the window runs with whatever is
built. Frames from the :class:`~gradsim.ui.shell.worker.TrainingController` arrive in the GUI
thread at ~30 Hz and go to every panel's ``show_snapshot``.

Languages: View > Language installs the .qm translator and Qt sends ``LanguageChange``;
:meth:`MainWindow.retranslate` then re-words the window and calls every panel's
``retranslate()``. Training keeps running: nothing is rebuilt.
"""

from __future__ import annotations

import importlib
import math
import platform
import sys
import time
import traceback
from collections.abc import Mapping
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QSettings,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QToolBar,
    QWidget,
)

import gradsim
from gradsim import shipped
from gradsim.engine.config import validate_config
from gradsim.engine.errors import GradsimError
from gradsim.runner.training_loop import Frame, Pacing, TrainerFactory, default_factory
from gradsim.ui.common import dialogs as dialog_module
from gradsim.ui.common import theme, wording
from gradsim.ui.shell.frame_drawer import FrameDrawer
from gradsim.ui.shell.panel_specs import PANEL_NAMES, PANELS, PanelSpec  # noqa: F401 - PanelSpec re-exported
from gradsim.ui.shell.worker import BACKENDS, TrainingController

_horizontal, _vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
LAYOUT_VERSION = 1  # bump when the dock set changes: an old saved layout is then ignored
DEFAULT_BACKEND = "process"  # measured: a training process keeps the GUI and training both fast


translate = QCoreApplication.translate


class WeightEdit(QUndoCommand):
    """One weight set by hand in the network diagram; undo restores the old value."""

    def __init__(self, controller: TrainingController, name: str, row: int, col: int, old: float, new: float):
        super().__init__(
            translate("MainWindow", "Set weight {name}[{row}, {col}]").format(name=name, row=row, col=col)
        )
        self.controller, self.where, self.old, self.new = controller, (name, row, col), old, new

    def redo(self) -> None:
        self.controller.edit_weight(*self.where, self.new)

    def undo(self) -> None:
        self.controller.edit_weight(*self.where, self.old)


class MainWindow(QMainWindow):
    """The gradsim window. Build it in the GUI thread after the QApplication exists."""

    def __init__(
        self,
        config: Mapping[str, Any],
        *,
        dialogs: dialog_module.DialogService | None = None,
        factory: TrainerFactory = default_factory,
        pacing: Pacing | None = None,
        persist: bool = True,
        backend: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.dialogs = dialogs or dialog_module.service()
        self.persist = persist
        self.language = wording.LanguageSwitcher()
        self.preferences = theme.load_preferences() if persist else theme.Preferences()
        theme.apply_preferences(self.preferences)
        if backend is None:
            stored = QSettings().value("train/backend", DEFAULT_BACKEND) if persist else DEFAULT_BACKEND
            backend = stored if stored in BACKENDS else DEFAULT_BACKEND
        self.controller = TrainingController(
            factory(config), self, factory=factory, pacing=pacing, backend=backend
        )
        self.panels: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.missing_panels: dict[str, str] = {}
        self.panel_errors: dict[str, str] = {}
        self._syncing = False
        self._last_status_key: object = None

        central = QWidget(self)
        central.setMaximumWidth(0)  # every panel is a dock; they share the whole window
        self.setCentralWidget(central)
        self.setDockNestingEnabled(True)
        self.setDockOptions(
            QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AnimatedDocks
        )
        self._create_panels()
        self.drawer = FrameDrawer(
            self,
            self.panels,
            self.docks,
            {spec.name: spec.max_hz for spec in PANELS},
            self.panel_errors,
            self._on_panel_error,
            lambda: self.controller.last_frame,
        )
        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._create_status_bar()
        self._connect()
        self.resize(*_initial_size())
        self.arrange_default_layout()
        if persist:
            self._restore_layout()
        self.retranslate()
        self.controller.set_triggers(self.controls.triggers())
        self._create_sessions()

    # ================================================================ construction
    def _create_panels(self) -> None:
        for spec in PANELS:
            try:
                module = importlib.import_module(spec.module)
            except ModuleNotFoundError as error:
                if error.name == spec.module:
                    self.missing_panels[spec.name] = f"{spec.module} does not exist yet"
                    continue
                raise
            panel_class = getattr(module, spec.cls)
            try:
                panel = panel_class(dict(self.controller.config)) if spec.takes_config else panel_class()
            except Exception:  # noqa: BLE001 - a broken panel must not keep the app from starting
                if spec.name in ("banner", "controls"):
                    raise
                self.panel_errors[spec.name] = traceback.format_exc()
                print(
                    f"gradsim: panel {spec.name} failed to start:\n{self.panel_errors[spec.name]}",
                    file=sys.stderr,
                )
                continue
            self.panels[spec.name] = panel
            dock = QDockWidget(self)
            dock.setObjectName(f"dock_{spec.name}")
            dock.setWidget(panel if spec.name == "banner" else _scrollable(panel))
            dock.visibilityChanged.connect(self._on_dock_visibility)
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                | QDockWidget.DockWidgetFeature.DockWidgetClosable
            )
            self.docks[spec.name] = dock
        self.banner = self.panels["banner"]
        self.controls = self.panels["controls"]
        lab = self.panels.get("activation_lab")
        if lab is not None and hasattr(lab, "set_config"):
            lab.set_config(dict(self.controller.config))
        self.controls.set_config(self.controller.config)
        landscape = self.panels.get("landscape")
        if landscape is not None:
            landscape.set_trainer_provider(self._landscape_trainer, release=self._landscape_release)

    def _create_actions(self) -> None:
        self.open_action = QAction(self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_config_dialog)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.reset_layout_action = QAction(self)
        self.reset_layout_action.triggered.connect(self.arrange_default_layout)
        self.process_action = QAction(self, checkable=True)
        self.process_action.setChecked(self.controller.backend.kind == "process")
        self.process_action.triggered.connect(self._on_backend_action)

        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name in theme.THEMES:
            action = QAction(self, checkable=True)
            action.setData(name)
            action.setChecked(name == self.preferences.theme)
            self.theme_group.addAction(action)
            self.theme_actions[name] = action
        self.theme_group.triggered.connect(self._on_theme_action)
        self.font_group, self.font_actions = self._scale_group(
            self.preferences.font_scale, self._on_font_action
        )
        self.line_group, self.line_actions = self._scale_group(
            self.preferences.line_scale, self._on_line_action
        )
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, native in wording.LANGUAGES.items():
            action = QAction(native, self, checkable=True)
            action.setData(code)
            self.language_group.addAction(action)
            self.language_actions[code] = action
        self.language_group.triggered.connect(self._on_language_action)

    def _scale_group(self, current: int, slot: Any) -> tuple[QActionGroup, dict[int, QAction]]:
        group = QActionGroup(self)
        actions = {}
        for percent in theme.SCALES:
            action = QAction(f"{percent}%", self, checkable=True)
            action.setData(percent)
            action.setChecked(percent == current)
            group.addAction(action)
            actions[percent] = action
        group.triggered.connect(slot)
        return group, actions

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open_action)
        self._file_end = self.file_menu.addSeparator()  # File actions of later features go above it
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
        self.panels_menu = self.view_menu.addMenu("")
        for spec in PANELS:
            if spec.name in self.docks:
                self.panels_menu.addAction(self.docks[spec.name].toggleViewAction())
        self.view_menu.addAction(self.reset_layout_action)
        self.view_menu.addSeparator()
        self.theme_menu = self._submenu(self.view_menu, self.theme_actions.values())
        self.font_menu = self._submenu(self.view_menu, self.font_actions.values())
        self.line_menu = self._submenu(self.view_menu, self.line_actions.values())
        self.language_menu = self._submenu(self.view_menu, self.language_actions.values())

        self.train_menu = bar.addMenu("")
        for action in (
            self.controls.play_action,
            self.controls.step_action,
            self.controls.step_n_action,
            self.controls.reset_action,
        ):
            self.train_menu.addAction(action)
        self.train_menu.addSeparator()
        self.train_menu.addAction(self.process_action)

        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    @staticmethod
    def _submenu(menu: QMenu, actions: Any) -> QMenu:
        sub = menu.addMenu("")
        for action in actions:
            sub.addAction(action)
        return sub

    def add_file_actions(self, actions: list[QAction]) -> None:
        """Put actions into the File menu above Quit (sessions, export: later features)."""
        for action in actions:
            self.file_menu.insertAction(self._file_end, action)

    def _create_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("toolbar_main")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (
            self.controls.play_action,
            self.controls.step_action,
            self.controls.step_n_action,
            self.controls.reset_action,
        ):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.open_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _create_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_labels: dict[str, QLabel] = {}
        for key in ("step", "epoch", "rate", "loss", "fps"):
            label = QLabel(self)
            label.setMinimumWidth(60)
            bar.addPermanentWidget(label)
            self.status_labels[key] = label
        self.status_diagnosis = QLabel(self)
        self.status_diagnosis.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.status_diagnosis, 1)
        self.status_autosave = QLabel(self)  # shown while autosave keeps failing
        self.status_autosave.setObjectName("status_autosave")
        self.status_autosave.setStyleSheet("font-weight: bold")
        self.status_autosave.hide()
        bar.addPermanentWidget(self.status_autosave)

    def show_autosave_problem(self, reason: str | None) -> None:
        """A failing autosave stays in the status bar (reason in its tooltip) until one succeeds
        (``None``); the reason is also the bar's message for a while."""
        label = self.status_autosave
        label.setText(translate("MainWindow", "Autosave failed"))
        label.setToolTip(reason or "")
        label.setVisible(reason is not None)
        if reason is not None:
            self.statusBar().showMessage(
                translate("MainWindow", "Autosave failed: {reason}").format(reason=reason), 15_000
            )

    def _connect(self) -> None:
        controller, controls = self.controller, self.controls
        controller.frameReady.connect(self._show_frame)
        controller.paused.connect(self._on_paused)
        controller.stateChanged.connect(self._on_state)
        controller.failed.connect(self._on_failed)
        controls.playPauseRequested.connect(self._on_play_pause)
        controls.stepRequested.connect(self._on_step)
        controls.resetRequested.connect(self._on_reset)
        controls.speedChanged.connect(controller.set_speed)
        controls.learningRateChanged.connect(self._on_learning_rate)
        controls.clippingChanged.connect(self._on_clipping)
        controls.triggersChanged.connect(controller.set_triggers)
        builder = self.panels.get("builder")
        if builder is not None:
            builder.configChanged.connect(self._on_builder_config)
            builder.validityChanged.connect(self._on_builder_validity)
        diagram = self.panels.get("diagram")
        if diagram is not None and hasattr(diagram, "weightEdited"):
            diagram.weightEdited.connect(self._on_weight_edited)

    # ================================================================ layout
    def arrange_default_layout(self) -> None:
        """Banner on top; controls and builder | network and gradient flow | loss and the rest.

        Below 1500x950 (a 1280x800 projector) the controls and the builder share a tab group,
        so each panel keeps a usable size.
        """
        docks = self.docks
        for dock in docks.values():
            self.removeDockWidget(dock)
        compact = self.width() < 1500 or self.height() < 950
        left = [["controls", "builder"]] if compact else [["controls"], ["builder"]]
        columns = [
            left,
            [["diagram"], ["gradient_flow", "landscape"]],
            [["loss"], ["decision", "histograms", "weights", "activation_lab"]],
        ]
        columns = [[[n for n in cell if n in docks] for cell in col] for col in columns]
        columns = [[cell for cell in col if cell] for col in columns]
        columns = [col for col in columns if col]
        top = docks["banner"]
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, top)
        top.show()
        heads: list[QDockWidget] = []
        for col in columns:
            head = docks[col[0][0]]
            self.splitDockWidget(heads[-1] if heads else top, head, _horizontal if heads else _vertical)
            heads.append(head)
        for col in columns:
            previous = None
            for cell in col:
                first = docks[cell[0]]
                if previous is not None:
                    self.splitDockWidget(previous, first, _vertical)
                for name in cell[1:]:
                    self.tabifyDockWidget(first, docks[name])
                previous = first
        for dock in docks.values():
            dock.show()
        for col in columns:
            for cell in col:
                docks[cell[0]].raise_()  # the first panel of each tab group in front
        scale = self.width() / 1600
        widths = [max(350, round(360 * scale)), round(660 * scale), round(580 * scale)]
        self.resizeDocks(heads, widths[: len(heads)], Qt.Orientation.Horizontal)
        heights = {"controls": 360, "builder": 540, "diagram": 330, "gradient_flow": 570, "loss": 380}
        vertical = [docks[cell[0]] for col in columns for cell in col]
        self.resizeDocks(
            vertical, [heights.get(d.objectName()[5:], 520) for d in vertical], Qt.Orientation.Vertical
        )
        self.resizeDocks([top], [110], Qt.Orientation.Vertical)

    @Slot(bool)
    def _on_dock_visibility(self, visible: bool) -> None:
        if visible and self.drawer.stale:
            QTimer.singleShot(0, self.drawer.draw_stale)

    def show_panel(self, name: str) -> None:
        """Show and raise a panel's dock (its tab comes to the front)."""
        if name not in PANEL_NAMES:
            raise KeyError(name)
        if name not in self.docks:
            raise LookupError(self.missing_panels.get(name, name))
        dock = self.docks[name]
        dock.show()
        dock.raise_()

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray | bytes):
            self.restoreState(state, LAYOUT_VERSION)

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState(LAYOUT_VERSION))

    # ================================================================ frames
    @property
    def frames_drawn(self) -> int:
        return self.drawer.frames_drawn

    @property
    def fps(self) -> float:
        return self.drawer.fps

    @Slot(object)
    def _show_frame(self, frame: Frame) -> None:
        self.drawer.draw(frame)
        self._update_status(frame)

    def _on_panel_error(self, name: str, details: str) -> None:
        print(f"gradsim: panel {name} failed to draw:\n{details}", file=sys.stderr)
        self.statusBar().showMessage(
            translate("MainWindow", "The {panel} panel failed to draw.").format(panel=name), 10_000
        )

    def _update_status(self, frame: Frame | None = None) -> None:
        frame = frame or self.controller.last_frame
        labels = self.status_labels
        if frame is None:
            for label in labels.values():
                label.setText("")
            self.status_diagnosis.setText("")
            return
        snap = frame.snapshot
        labels["step"].setText(translate("MainWindow", "Step {step}").format(step=f"{snap.step:,}"))
        labels["epoch"].setText(translate("MainWindow", "Epoch {epoch}").format(epoch=snap.epoch))
        running = self.controller.running
        rate = (
            translate("MainWindow", "{rate} steps/s").format(rate=f"{frame.steps_per_second:,.0f}")
            if running
            else ""
        )
        labels["rate"].setText(rate)
        loss = _float_text(snap.loss)
        labels["loss"].setText(translate("MainWindow", "Loss {loss}").format(loss=loss))
        labels["fps"].setText(
            translate("MainWindow", "{fps} fps").format(fps=f"{self.fps:.0f}")
            if self.controller.running
            else ""
        )
        key = tuple((d.code, repr(sorted(d.params.items()))) for d in snap.diagnoses)
        if key != self._last_status_key:
            self._last_status_key = key
            if snap.diagnoses:
                self.status_diagnosis.setText(wording.diagnosis_short(snap.diagnoses[0]))
            elif snap.step:
                self.status_diagnosis.setText(wording.healthy_title())
            else:
                self.status_diagnosis.setText("")

    # ================================================================ training commands
    @Slot()
    def _on_play_pause(self) -> None:
        self.controller.toggle()

    @Slot(int)
    def _on_step(self, n: int) -> None:
        self.controller.step(n)

    @Slot()
    def _on_reset(self) -> None:
        self.controller.reset()
        self.statusBar().showMessage(
            translate("MainWindow", "Network re-initialized with the same seed."), 5000
        )

    @Slot(float)
    def _on_learning_rate(self, lr: float) -> None:
        self._live_edit(self.controller.set_learning_rate, lr)

    @Slot(dict)
    def _on_clipping(self, spec: dict) -> None:
        self._live_edit(self.controller.set_clipping, spec)

    def _live_edit(self, apply: Any, value: Any) -> None:
        try:
            apply(value)
        except GradsimError as error:
            self.statusBar().showMessage(wording.error_message(error), 10_000)
            self.controls.set_config(self.controller.config)
            return
        self._sync_builder()
        self.controller.refresh()

    @Slot(bool)
    def _on_backend_action(self, checked: bool) -> None:
        kind = "process" if checked else "thread"
        try:
            self.controller.set_backend(kind)
        except (OSError, TimeoutError, RuntimeError) as error:
            self.dialogs.error(
                self, translate("MainWindow", "Cannot move training"), str(error), traceback.format_exc()
            )
        self.process_action.setChecked(self.controller.backend.kind == "process")
        if self.persist:
            QSettings().setValue("train/backend", self.controller.backend.kind)

    @Slot(str)
    def _on_state(self, state: str) -> None:
        self.controls.set_running(state == "running")
        self._update_status()

    @Slot(int, str)
    def _on_paused(self, step: int, reason: str) -> None:
        self.drawer.flush()  # panels drawn at a lower rate show the state training stopped in
        self.controls.trigger_fired(reason)
        self.statusBar().showMessage(wording.pause_reason(reason, step), 8000)
        self._update_status()

    @Slot(str)
    def _on_failed(self, details: str) -> None:
        last_line = details.strip().splitlines()[-1] if details.strip() else ""
        self.dialogs.error(
            self,
            translate("MainWindow", "Training stopped"),
            translate(
                "MainWindow",
                "An error occurred in the training worker; training is paused. You can change "
                "the configuration, reset, or open another config.\n\n{error}",
            ).format(error=last_line),
            details,
        )

    # ================================================================ configs
    def load_config(self, config: Mapping[str, Any], *, update_builder: bool = True) -> bool:
        """Train ``config`` from step 0 (the running state is kept); False after showing an error."""
        try:
            normalized = validate_config(config)
            self.controller.replace_config(normalized)
        except GradsimError as error:
            self._show_error(error)
            return False
        self.controls.set_config(self.controller.config)
        lab = self.panels.get("activation_lab")
        if lab is not None and hasattr(lab, "set_config"):
            lab.set_config(dict(self.controller.config))
        if update_builder:
            self._sync_builder()
        self.setWindowTitle(self._title())
        return True

    def _show_error(self, error: GradsimError) -> None:
        self.dialogs.error(self, wording.error_title(error), wording.error_message(error), str(error))

    @Slot()
    def open_config_dialog(self) -> None:
        path = self.dialogs.open_file(
            self, translate("MainWindow", "Open a gradsim config"), "", dialog_module.config_file_filter()
        )
        if path:
            self.open_config_file(path)

    def open_config_file(self, path: str) -> bool:
        try:
            raw = shipped.load_config(path)
        except GradsimError as error:
            self._show_error(error)
            return False
        return self.load_config(raw)

    @Slot(dict)
    def _on_builder_config(self, config: dict) -> None:
        if self._syncing:
            return
        current = self.controller.config
        try:
            new = validate_config(config)
        except GradsimError as error:
            self.statusBar().showMessage(wording.error_message(error), 10_000)
            return
        if _same_except_live(current, new):
            if new["optimizer"]["lr"] != current["optimizer"]["lr"]:
                self.controller.set_learning_rate(new["optimizer"]["lr"])
            if new["clipping"] != current["clipping"]:
                self.controller.set_clipping(new["clipping"])
            self.controls.set_config(self.controller.config)
            return
        self.load_config(new, update_builder=False)

    @Slot(bool)
    def _on_builder_validity(self, valid: bool) -> None:
        self.controls.set_training_enabled(bool(valid))

    def _sync_builder(self) -> None:
        builder = self.panels.get("builder")
        if builder is None:
            return
        self._syncing = True
        try:
            builder.set_config(dict(self.controller.config))
        finally:
            self._syncing = False

    @Slot(str, int, int, float)
    def _on_weight_edited(self, name: str, row: int, col: int, value: float) -> None:
        old = math.nan
        frame = self.controller.last_frame
        if frame is not None and name in frame.snapshot.weights:
            matrix = frame.snapshot.weights[name]
            if 0 <= row < matrix.shape[0] and 0 <= col < matrix.shape[1]:
                old = float(matrix[row, col])
        builder = self.panels.get("builder")
        if math.isfinite(old) and builder is not None and hasattr(builder, "undo_stack"):
            builder.undo_stack().push(WeightEdit(self.controller, name, row, col, old, value))
        else:
            self.controller.edit_weight(name, row, col, value)

    # ================================================================ sessions and the timeline
    # File menu, title, prompts: gradsim/ui/sessions/controller.py; autosave and recovery:
    # gradsim/ui/sessions/autosave.py; the timeline bar: gradsim/ui/training/timeline_bar.py;
    # looking back at a past step while scrubbing: gradsim/ui/shell/look_back.py.
    def _create_sessions(self) -> None:
        from gradsim.ui.sessions.autosave import Autosave
        from gradsim.ui.sessions.controller import SessionController
        from gradsim.ui.shell.look_back import LookBack
        from gradsim.ui.training.timeline_bar import TimelineBar

        self.timeline_bar = TimelineBar(self.dialogs, self)
        self.timeline_bar.attach(self.panels)
        self.timeline_dock = QDockWidget(self)
        self.timeline_dock.setObjectName("dock_timeline")
        self.timeline_dock.setWidget(self.timeline_bar)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.timeline_dock)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.timeline_dock.toggleViewAction())
        self.timeline_bar.rewindRequested.connect(self._on_rewind)
        self.controller.frameReady.connect(self._on_timeline_frame)
        self.look_back = LookBack(self, [spec.name for spec in PANELS if spec.shows_state])
        self.sessions = SessionController(self)
        self.autosave = Autosave(self.sessions) if self.persist else None
        if self.persist:
            settings = QSettings()
            state = settings.value("window/state")
            if isinstance(state, QByteArray | bytes):
                self.restoreState(state, LAYOUT_VERSION)  # the docks added here too
        self.retranslate()

    def load_trainer(self, trainer: Any) -> None:
        """Train ``trainer`` from where it is (an opened session); the panels follow its config."""
        self.controller.replace_trainer(trainer)
        self.controls.set_config(self.controller.config)
        lab = self.panels.get("activation_lab")
        if lab is not None and hasattr(lab, "set_config"):
            lab.set_config(dict(self.controller.config))
        self._sync_builder()
        self.setWindowTitle(self._title())

    def open_session(self, path: str) -> bool:
        """Open a .gradsim file (the command line, drops); False after showing an error."""
        return self.sessions.open_path(path)

    def offer_recovery(self) -> bool:
        """After a crash: offer to recover an orphaned autosave (call once at launch)."""
        from gradsim.ui.sessions.autosave import offer_recovery

        return offer_recovery(self.sessions)

    @Slot(object)
    def _on_timeline_frame(self, frame: Frame) -> None:
        self.timeline_bar.show_snapshot(frame.snapshot)
        self.timeline_bar.set_kept_edits(frame.kept_edits)

    @Slot(int, int)
    def _on_rewind(self, step: int, keep_branch: int) -> None:
        self.controller.pause()
        self.controller.rewind(step, bool(keep_branch))
        self.sessions.set_dirty(True)
        self.statusBar().showMessage(
            translate("MainWindow", "Rewound to step {step}.").format(step=f"{step:,}"), 5000
        )

    # ================================================================ view
    @Slot(QAction)
    def _on_theme_action(self, action: QAction) -> None:
        self.set_preferences(theme_name=action.data())

    @Slot(QAction)
    def _on_font_action(self, action: QAction) -> None:
        self.set_preferences(font_scale=int(action.data()))

    @Slot(QAction)
    def _on_line_action(self, action: QAction) -> None:
        self.set_preferences(line_scale=int(action.data()))

    def set_preferences(
        self, *, theme_name: str | None = None, font_scale: int | None = None, line_scale: int | None = None
    ) -> None:
        p = self.preferences
        self.preferences = theme.Preferences(
            theme=theme_name or p.theme,
            font_scale=font_scale or p.font_scale,
            line_scale=line_scale or p.line_scale,
        )
        theme.apply_preferences(self.preferences, self)
        if self.persist:
            theme.save_preferences(self.preferences)
        self.theme_actions[self.preferences.theme].setChecked(True)
        self.font_actions[self.preferences.font_scale].setChecked(True)
        self.line_actions[self.preferences.line_scale].setChecked(True)
        for panel in self.panels.values():
            if hasattr(panel, "apply_theme"):
                panel.apply_theme()
        if self.controller.last_frame is not None:
            self.drawer.draw_all(self.controller.last_frame)

    @Slot(QAction)
    def _on_language_action(self, action: QAction) -> None:
        self.set_language(str(action.data()))

    def set_language(self, code: str, *, remember: bool = True) -> None:
        """Switch every visible text to ``code`` ("en", "zh_CN", "ru") without touching training."""
        found = self.language.apply(code)
        if remember and self.persist:
            QSettings().setValue("ui/language", code)
        self.language_actions[code].setChecked(True)
        self.retranslate()
        if not found:
            self.statusBar().showMessage(
                translate(
                    "MainWindow", "No {language} translation is installed yet; texts stay in English."
                ).format(language=wording.LANGUAGES[code]),
                10_000,
            )

    def initial_language(self) -> str:
        stored = QSettings().value("ui/language") if self.persist else None
        return str(stored) if stored in wording.LANGUAGES else wording.system_language()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.WindowStateChange and hasattr(self, "drawer"):
            QTimer.singleShot(0, self.drawer.draw_stale)  # restored from minimized
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Re-word the window and every panel (after a language switch)."""
        self.setWindowTitle(self._title())
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.train_menu.setTitle(translate("MainWindow", "&Train"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self.panels_menu.setTitle(translate("MainWindow", "&Panels"))
        self.theme_menu.setTitle(translate("MainWindow", "&Theme"))
        self.font_menu.setTitle(translate("MainWindow", "&Font size"))
        self.line_menu.setTitle(translate("MainWindow", "&Line width"))
        self.language_menu.setTitle(translate("MainWindow", "&Language"))
        self.toolbar.setWindowTitle(translate("MainWindow", "Main toolbar"))
        texts = {
            self.open_action: (
                translate("MainWindow", "&Open config..."),
                translate(
                    "MainWindow", "Load a network and training configuration (JSON) and train it from step 0."
                ),
            ),
            self.quit_action: (
                translate("MainWindow", "&Quit"),
                translate("MainWindow", "Stop training and close gradsim."),
            ),
            self.about_action: (
                translate("MainWindow", "&About gradsim"),
                translate("MainWindow", "Versions of gradsim and its libraries."),
            ),
            self.process_action: (
                translate("MainWindow", "Train in a separate &process (faster)"),
                translate(
                    "MainWindow",
                    "Run training in its own process: it no longer competes with drawing for "
                    "Python's interpreter lock, so both training and the plots run at full speed. "
                    "Off: training runs in a thread of this window.",
                ),
            ),
            self.reset_layout_action: (
                translate("MainWindow", "&Reset panel layout"),
                translate("MainWindow", "Put every panel back where it was at the first start."),
            ),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        names = theme.theme_names()
        for name, action in self.theme_actions.items():
            action.setText(names[name])
        self.theme_menu.setToolTipsVisible(True)
        self.theme_actions["light"].setToolTip(
            translate("MainWindow", "Black on white, strong colours: readable on a projector.")
        )
        self.theme_actions["dark"].setToolTip(
            translate("MainWindow", "Light text on a dark background, for screens.")
        )
        for percent, action in self.font_actions.items():
            action.setToolTip(
                translate("MainWindow", "Scale all text to {percent}% (for the back row).").format(
                    percent=percent
                )
            )
        for percent, action in self.line_actions.items():
            action.setToolTip(
                translate("MainWindow", "Draw plot lines {percent}% as wide.").format(percent=percent)
            )
        for spec in PANELS:
            dock = self.docks.get(spec.name)
            if dock is None:
                continue
            dock.setWindowTitle(translate("MainWindow", spec.title))
            dock.toggleViewAction().setToolTip(translate("MainWindow", spec.tooltip))
            dock.toggleViewAction().setStatusTip(translate("MainWindow", spec.tooltip))
            panel = self.panels[spec.name]
            if hasattr(panel, "retranslate"):
                panel.retranslate()
        if hasattr(self, "sessions"):
            self.sessions.retranslate()
            self.timeline_bar.retranslate()
            self.timeline_dock.setWindowTitle(translate("MainWindow", "Timeline"))
        for menu in (self.file_menu, self.view_menu, self.panels_menu, self.train_menu, self.help_menu):
            menu.setToolTipsVisible(True)
        tips = {
            "step": translate("MainWindow", "Training steps taken (one step = one mini-batch update)."),
            "epoch": translate("MainWindow", "Passes through the whole training set."),
            "rate": translate("MainWindow", "Training speed in steps per second."),
            "loss": translate("MainWindow", "Loss of the last mini-batch."),
            "fps": translate("MainWindow", "Frames drawn per second."),
        }
        for key, label in self.status_labels.items():
            label.setToolTip(tips[key])
        self.status_diagnosis.setToolTip(
            translate("MainWindow", "The most severe problem the diagnosis finds now.")
        )
        self.status_autosave.setText(translate("MainWindow", "Autosave failed"))
        self._last_status_key = None
        self._update_status()

    def _title(self) -> str:
        sessions = getattr(self, "sessions", None)
        if sessions is not None:
            return sessions.title()  # file name and the modified marker
        name = self.controller.config.get("name", "")
        return f"gradsim — {name}" if name else "gradsim"

    # ================================================================ help, screenshots, closing
    @Slot()
    def show_about(self) -> None:
        self.dialogs.about(self, translate("MainWindow", "About gradsim"), about_html())

    def _landscape_trainer(self) -> Any:
        """A copy of the current Trainer for the landscape panel's network slices (GUI thread).

        Training is paused while the copy is taken, so the slice sees one consistent state.
        """
        self._landscape_resume = self.controller.running
        if self._landscape_resume:
            self.controller.pause()
            deadline = time.monotonic() + 5
            while self.controller.running and time.monotonic() < deadline:
                QCoreApplication.processEvents()
                time.sleep(0.005)
        return self.controller.backend.export_trainer()

    def _landscape_release(self) -> None:
        if getattr(self, "_landscape_resume", False):
            self.controller.play()

    def save_screenshot(self, path: str) -> bool:
        """A PNG of the whole window as it is drawn now."""
        return bool(self.grab().save(path, "PNG"))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        sessions = getattr(self, "sessions", None)
        if sessions is not None and self.controller.alive() and not sessions.maybe_save():
            event.ignore()  # Cancel in the Save / Discard / Cancel prompt
            return
        if getattr(self, "autosave", None) is not None:
            self.autosave.discard()  # a clean exit leaves no autosave to recover
        if self.persist:
            self.save_layout()
        landscape = self.panels.get("landscape")
        if landscape is not None:
            landscape.shutdown()
        self.controller.shutdown()
        super().closeEvent(event)


def _initial_size() -> tuple[int, int]:
    """1600x1000, or 95% of a smaller screen (a projector at 1280x800)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None or QGuiApplication.platformName() in ("offscreen", "minimal"):
        return 1600, 1000
    available = screen.availableGeometry()
    return min(1600, int(available.width() * 0.95)), min(1000, int(available.height() * 0.95))


def _scrollable(panel: QWidget) -> QScrollArea:
    """The panel in a frameless scroll area: a dock can then shrink below the panel's minimum
    size (a 1280x800 projector) and shows scroll bars instead of forcing the window larger."""
    area = QScrollArea()
    area.setObjectName(f"scroll_{panel.objectName() or type(panel).__name__}")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(panel)
    return area


def about_html() -> str:
    import pyqtgraph
    import PySide6
    from PySide6.QtCore import qVersion

    rows = [
        ("gradsim", gradsim.__version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("numpy", np.__version__),
        ("pyqtgraph", pyqtgraph.__version__),
    ]
    table = "".join(f"<tr><td>{name}</td><td>&nbsp;{version}</td></tr>" for name, version in rows)
    intro = translate(
        "MainWindow", "See why deep networks are hard to train: vanishing and exploding gradients, live."
    )
    return f"<p><b>gradsim</b></p><p>{intro}</p><table>{table}</table>"


def _same_except_live(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """True when two normalized configs differ at most in what can change live (lr, clipping)."""
    strip_old = {**old, "optimizer": {**old["optimizer"], "lr": None}, "clipping": None}
    strip_new = {**new, "optimizer": {**new["optimizer"], "lr": None}, "clipping": None}
    return strip_old == strip_new


def _float_text(value: float) -> str:
    if value is None or not math.isfinite(value):
        return "NaN" if value is not None and math.isnan(value) else "∞"
    return f"{value:.4g}"
