"""The main window: dockable panels around a training worker, menus, toolbar and status bar.

Every panel is a dock (moved, floated, closed and reopened from View; built and arranged by
:mod:`gradsim.ui.shell.docks`); their layout is kept per machine in QSettings. Frames from
the :class:`~gradsim.ui.shell.worker.TrainingController` arrive in the GUI thread at ~30 Hz
and go to the visible panels' ``show_snapshot`` through the frame drawer. This module wires
panels, worker and sessions together; the pieces live beside it: the window's actions, menus
and status bar (:mod:`~gradsim.ui.shell.actions`, :mod:`~gradsim.ui.shell.menus`,
:mod:`~gradsim.ui.shell.status_bar`), the controls' commands to the worker
(:mod:`~gradsim.ui.shell.training_commands`) and configs in and out of the trainer
(:mod:`~gradsim.ui.shell.config_edits`).

Languages: View > Language installs the .qm translator and Qt sends ``LanguageChange``;
:meth:`MainWindow.retranslate` then re-words the window and calls every panel's
``retranslate()``. Training keeps running: nothing is rebuilt.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from gradsim.runner.training_loop import Frame, Pacing, TrainerFactory, default_factory
from gradsim.ui.common import dialogs as dialog_module
from gradsim.ui.common import theme, wording
from gradsim.ui.shell import docks as dock_layout
from gradsim.ui.shell.actions import WindowActions, about_html
from gradsim.ui.shell.config_edits import ConfigEdits
from gradsim.ui.shell.frame_drawer import FrameDrawer
from gradsim.ui.shell.menus import WindowMenus
from gradsim.ui.shell.panel_specs import PANEL_NAMES, PANELS, PanelSpec  # noqa: F401 - PanelSpec re-exported
from gradsim.ui.shell.status_bar import StatusBar
from gradsim.ui.shell.training_commands import TrainingCommands
from gradsim.ui.shell.worker import BACKENDS, TrainingController

DEFAULT_BACKEND = "process"  # measured: a training process keeps the GUI and training both fast


translate = QCoreApplication.translate


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
        self.window_actions = WindowActions(self, self.preferences, self.controller.backend.kind)
        training_actions = (
            self.controls.play_action,
            self.controls.step_action,
            self.controls.step_n_action,
            self.controls.reset_action,
        )
        self.menus = WindowMenus(self, self.window_actions, self.docks, training_actions)
        self.status = StatusBar(self)
        self.configs = ConfigEdits(self, self.controller, self.panels, lambda: self.dialogs, self._title)
        self.commands = TrainingCommands(
            self,
            self.controller,
            self.controls,
            self.drawer,
            dialogs=lambda: self.dialogs,
            update_status=self._update_status,
            persist=persist,
        )
        self._connect()
        self.resize(*dock_layout.initial_size())
        self.arrange_default_layout()
        if persist:
            dock_layout.restore_layout(self)
        self.retranslate()
        self.controller.set_triggers(self.controls.triggers())
        self._create_sessions()

    # ================================================================ construction
    def _create_panels(self) -> None:
        built = dock_layout.create_panel_docks(self, self.controller.config, self._on_dock_visibility)
        self.panels, self.docks = built.panels, built.docks
        self.missing_panels, self.panel_errors = built.missing, built.errors
        self.banner = self.panels["banner"]
        self.controls = self.panels["controls"]
        lab = self.panels.get("activation_lab")
        if lab is not None and hasattr(lab, "set_config"):
            lab.set_config(dict(self.controller.config))
        self.controls.set_config(self.controller.config)
        landscape = self.panels.get("landscape")
        if landscape is not None:
            landscape.set_trainer_provider(self._landscape_trainer, release=self._landscape_release)

    def _connect(self) -> None:
        actions = self.window_actions
        actions.open.triggered.connect(self.configs.open_config_dialog)
        actions.quit.triggered.connect(self.close)
        actions.about.triggered.connect(self.show_about)
        actions.reset_layout.triggered.connect(self.arrange_default_layout)
        actions.theme_group.triggered.connect(self._on_theme_action)
        actions.font_group.triggered.connect(self._on_font_action)
        actions.line_group.triggered.connect(self._on_line_action)
        actions.language_group.triggered.connect(self._on_language_action)
        self.controller.frameReady.connect(self._show_frame)
        self.commands.connect(actions.process)  # play, step, reset, backend; pauses and failures
        self.configs.connect_panels()  # live lr and clipping, the builder's edits, typed weights

    def add_file_actions(self, actions: list[QAction]) -> None:
        """Put actions into the File menu above Quit (sessions, export: later features)."""
        self.menus.add_file_actions(actions)

    def show_autosave_problem(self, reason: str | None) -> None:
        """A failing autosave stays in the status bar until one succeeds (``None``)."""
        self.status.show_autosave_problem(reason)

    # ================================================================ layout
    def arrange_default_layout(self) -> None:
        """Banner on top; controls and builder | network and gradient flow | loss and the rest."""
        dock_layout.arrange_default_layout(self, self.docks)

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

    def save_layout(self) -> None:
        dock_layout.save_layout(self)

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
        self.status.show(frame or self.controller.last_frame, running=self.controller.running, fps=self.fps)

    # ================================================================ configs
    def load_config(self, config: Mapping[str, Any], *, update_builder: bool = True) -> bool:
        """Train ``config`` from step 0 (the running state is kept); False after showing an error."""
        return self.configs.load_config(config, update_builder=update_builder)

    def open_config_file(self, path: str) -> bool:
        """A config file or a shipped example's name; False after showing an error."""
        return self.configs.open_config_file(path)

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
        self.menus.view.addSeparator()
        self.menus.view.addAction(self.timeline_dock.toggleViewAction())
        self.timeline_bar.rewindRequested.connect(self._on_rewind)
        self.banner.rewindRequested.connect(self._on_rewind)  # "Rewind to step k" after a NaN
        self.controller.frameReady.connect(self._on_timeline_frame)
        self.look_back = LookBack(self, [spec.name for spec in PANELS if spec.shows_state])
        self.sessions = SessionController(self)
        self.autosave = Autosave(self.sessions) if self.persist else None
        if self.persist:
            dock_layout.restore_layout(self, geometry=False)  # the docks added here too
        from gradsim.ui.lecture.gallery import install_gallery
        from gradsim.ui.lecture.lecture import Lecture

        self.lecture = Lecture(self)  # lessons, the presentation view (gradsim/ui/lecture/)
        install_gallery(self)  # File and Lecture > Scenarios... (gradsim/ui/lecture/gallery.py)
        from gradsim.ui.compare.comparison import install_comparison
        from gradsim.ui.shell.comparison_worker import ComparisonController

        install_comparison(self, ComparisonController)  # Train > Compare... (gradsim/ui/compare/)
        self.retranslate()

    def open_lesson(self, lesson: Any, stage: int = 0, presentation: bool = False) -> bool:
        """Present a lesson (a Lesson, a shipped name or a file) from ``stage`` (from 0), in the
        presentation view when ``presentation``; False after showing an error."""
        return self.lecture.open_lesson(lesson, stage, presentation)

    def load_trainer(self, trainer: Any) -> None:
        """Train ``trainer`` from where it is (an opened session); the panels follow its config."""
        self.controller.replace_trainer(trainer)
        self.configs.follow_trainer()

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
        self.window_actions.show_preferences(self.preferences)
        for panel in self.panels.values():
            if hasattr(panel, "apply_theme"):
                panel.apply_theme()
        if getattr(self, "comparison", None) is not None:
            self.comparison.apply_theme()
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
        self.window_actions.language[code].setChecked(True)
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
        self.menus.retranslate()
        self.window_actions.retranslate()
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
        if hasattr(self, "lecture"):
            self.lecture.retranslate()
        if hasattr(self, "comparison"):
            self.comparison.retranslate()
        self.status.retranslate()
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
        if getattr(self, "comparison", None) is not None:
            self.comparison.shutdown()  # its training process
        self.controller.shutdown()
        lecture = getattr(self, "lecture", None)
        if lecture is not None:
            # its application-wide key filter would otherwise see every event of the
            # application for as long as this window object lives
            lecture.keys.remove()
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        lecture = getattr(self, "lecture", None)
        if lecture is not None:
            lecture.keys.install()  # again, after a close (installing twice keeps one)
        super().showEvent(event)
