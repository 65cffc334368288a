"""Lecture mode in the main window: the Lecture menu, opening a lesson, the presentation,
the presenter window, the lecturer's keys and the session's ``lecture`` section.

:meth:`Lecture.open_lesson` is the entry point the window, the gallery and the command line
(``--lesson NAME --stage K --presentation``) call, through ``MainWindow.open_lesson``.

Menus: File > Open lesson... (a lesson file); Lecture > the shipped lessons, Open lesson
file..., Presentation (F11; also in View), Presenter window, Projector scale, Next and
Previous stage; Help > Keyboard shortcuts.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRect, QSettings, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from gradsim.scenarios.errors import LessonError
from gradsim.scenarios.lessons import Lesson, find_lesson, lecture_section, list_lessons, read_lecture_section
from gradsim.ui.lecture.keys import MANY_STEPS, LectureKeys
from gradsim.ui.lecture.placement import Placement, presentation_placement, projector_screen
from gradsim.ui.lecture.player import LessonPlayer
from gradsim.ui.lecture.presentation import PROJECTOR_SCALES, PresentationView
from gradsim.ui.lecture.presenter import PresenterWindow
from gradsim.ui.lecture.shortcuts import ShortcutsDialog

translate = QCoreApplication.translate

SCALE_KEY = "lecture/projector_scale"


def screen_placement(window: QWidget, *, starting: bool) -> Placement:
    """:func:`presentation_placement` for this machine's screens: ``starting`` a presentation,
    the stage goes from the window's screen (the laptop's) to another; else it stays where it is."""
    screens = QGuiApplication.screens()
    here = screens.index(window.screen()) if window.screen() in screens else 0
    stage = projector_screen(len(screens), here) if starting else here
    return presentation_placement([screen.availableGeometry() for screen in screens], stage)


def lesson_file_filter() -> str:
    return translate("Lecture", "gradsim lessons (*.json);;All files (*)")


class Lecture(QObject):
    """Everything lecture mode adds to a main window (given the window: duck-typed)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.player = LessonPlayer(window)
        self.view = PresentationView(window, self.player)
        self.presenter: PresenterWindow | None = None
        self.shortcuts: ShortcutsDialog | None = None
        self._geometry_before: QRect | None = None  # the window's place before it went to the projector
        self.keys = LectureKeys(self._key_windows, self.act, lambda: self.view.active, self)
        self.keys.install()
        stored = QSettings().value(SCALE_KEY) if window.persist else None
        with contextlib.suppress(TypeError, ValueError):
            if stored is not None:
                self.view.set_scale(int(stored))
        self._shipped: list[Lesson] | None = None
        self._create_actions()
        self._create_menus()
        self.player.stageChanged.connect(self._on_stage)
        self.retranslate()

    # ------------------------------------------------------------------ actions and menus
    def _create_actions(self) -> None:
        window = self.window
        self.open_action = QAction(window)
        self.open_action.triggered.connect(self.open_lesson_dialog)
        self.presentation_action = QAction(window, checkable=True)
        self.presentation_action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.presentation_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.presentation_action.triggered.connect(self._on_presentation_action)
        self.presenter_action = QAction(window, checkable=True)
        self.presenter_action.setChecked(len(QGuiApplication.screens()) > 1)
        self.presenter_action.triggered.connect(self._on_presenter_action)
        self._presenter_chosen = False  # the lecturer's own choice wins over the screen count
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._on_screens_changed)  # a projector plugged in after the start
        app.screenRemoved.connect(self._on_screens_changed)
        self.next_action = QAction(window)
        self.next_action.triggered.connect(self.player.next)
        self.previous_action = QAction(window)
        self.previous_action.triggered.connect(self.player.previous)
        self.shortcuts_action = QAction(window)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.scale_group = QActionGroup(window)
        self.scale_actions: dict[int, QAction] = {}
        for percent in PROJECTOR_SCALES:
            action = QAction(f"{percent}%", window, checkable=True)
            action.setData(percent)
            action.setChecked(percent == self.view.scale)
            self.scale_group.addAction(action)
            self.scale_actions[percent] = action
        self.scale_group.triggered.connect(self._on_scale_action)
        self.lesson_actions: list[QAction] = []

    def _create_menus(self) -> None:
        window, menus = self.window, self.window.menus
        window.add_file_actions([self.open_action])
        self.menu = QMenu(window)
        window.menuBar().insertMenu(menus.help.menuAction(), self.menu)
        self.lessons_menu = self.menu.addMenu("")
        for lesson in self.shipped_lessons():
            action = QAction(window)
            action.setData(lesson.name)
            action.triggered.connect(self._on_lesson_action)
            self.lessons_menu.addAction(action)
            self.lesson_actions.append(action)
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.menu.addAction(self.presentation_action)
        self.menu.addAction(self.presenter_action)
        self.scale_menu = self.menu.addMenu("")
        for action in self.scale_actions.values():
            self.scale_menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.next_action)
        self.menu.addAction(self.previous_action)
        menus.view.addSeparator()
        menus.view.addAction(self.presentation_action)
        menus.help.insertAction(
            menus.help.actions()[0] if menus.help.actions() else None, self.shortcuts_action
        )
        self._update_enabled()

    def shipped_lessons(self) -> list[Lesson]:
        if self._shipped is None:
            try:
                self._shipped = list_lessons()
            except LessonError:
                self._shipped = []
        return self._shipped

    def retranslate(self) -> None:
        self.menu.setTitle(translate("Lecture", "&Lecture"))
        self.lessons_menu.setTitle(translate("Lecture", "&Lessons"))
        self.scale_menu.setTitle(translate("Lecture", "Projector &scale"))
        language = self.player.language()
        by_name = {lesson.name: lesson for lesson in self.shipped_lessons()}
        for action in self.lesson_actions:
            lesson = by_name[action.data()]
            action.setText(f"{lesson.number}. {lesson.text('title', language)}")
            action.setToolTip(lesson.text("summary", language))
        texts = {
            self.open_action: (
                translate("Lecture", "Open &lesson..."),
                translate("Lecture", "Open a lesson file and present its first stage."),
            ),
            self.presentation_action: (
                translate("Lecture", "&Presentation"),
                translate(
                    "Lecture",
                    "The stage for a projector: the stage's plots large, the narrative beside them, "
                    "a large step counter; the builder and controls hidden. Esc leaves.",
                ),
            ),
            self.presenter_action: (
                translate("Lecture", "P&resenter window"),
                translate(
                    "Lecture", "A second window for the lecturer: the narrative, the next stage and a clock."
                ),
            ),
            self.next_action: (
                translate("Lecture", "&Next stage"),
                translate("Lecture", "Keys: →, Page Down, N."),
            ),
            self.previous_action: (
                translate("Lecture", "P&revious stage"),
                translate("Lecture", "Keys: ←, Page Up, P."),
            ),
            self.shortcuts_action: (
                translate("Lecture", "&Keyboard shortcuts"),
                translate("Lecture", "The keys of the presentation view and the menus' shortcuts."),
            ),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        for percent, action in self.scale_actions.items():
            action.setToolTip(
                translate("Lecture", "Text and lines at {percent}% in the presentation.").format(
                    percent=percent
                )
            )
        self.menu.setToolTipsVisible(True)
        self.lessons_menu.setToolTipsVisible(True)
        self.view.retranslate()
        if self.presenter is not None:
            self.presenter.retranslate()

    def _update_enabled(self) -> None:
        has = self.player.lesson is not None
        self.next_action.setEnabled(has)
        self.previous_action.setEnabled(has)

    # ------------------------------------------------------------------ lessons
    def open_lesson(
        self,
        lesson: Lesson | str | Path,
        stage: int = 0,
        presentation: bool = False,
        *,
        full_screen: bool = True,
    ) -> bool:
        """Present ``lesson`` (a Lesson, a shipped name or a file) from ``stage`` (from 0);
        ``presentation`` turns the presentation view on. False after showing an error."""
        if not isinstance(lesson, Lesson):
            try:
                lesson = find_lesson(lesson)
            except LessonError as error:
                self._error(error)
                return False
        if not 0 <= stage < len(lesson.stages):
            self.window.dialogs.error(
                self.window,
                translate("Lecture", "No such stage"),
                translate("Lecture", "{lesson} has stages 1 to {count}.").format(
                    lesson=lesson.text("title", self.player.language()), count=len(lesson.stages)
                ),
                None,
            )
            return False
        if not self.player.open(lesson, stage):
            return False
        if presentation:
            self.set_presentation(True, full_screen=full_screen)
        self._dirty()
        return True

    @Slot()
    def open_lesson_dialog(self) -> bool:
        path = self.window.dialogs.open_file(
            self.window, translate("Lecture", "Open a gradsim lesson"), "", lesson_file_filter()
        )
        return bool(path) and self.open_lesson(path)

    @Slot()
    def _on_lesson_action(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.open_lesson(str(action.data()))

    def _error(self, error: Exception) -> None:
        self.window.dialogs.error(
            self.window, translate("Lecture", "Cannot open the lesson"), str(error), None
        )

    # ------------------------------------------------------------------ sessions
    def section(self) -> dict[str, Any] | None:
        """The session's ``lecture`` section, or None when no lesson is open."""
        if self.player.lesson is None:
            return None
        return lecture_section(self.player.lesson, self.player.index)

    def restore_section(self, section: Any, label: str = "lecture") -> None:
        """A session's ``lecture`` section: the lesson at its stage, over the session's own
        state (nothing is applied). A missing section closes the lesson; a bad one is shown."""
        if section is None:
            if self.player.lesson is not None:
                self.set_presentation(False)
                self.player.close()
            return
        try:
            lesson, stage = read_lecture_section(section, label)
        except LessonError as error:
            self._error(error)
            return
        self.player.open(lesson, stage, apply=False)

    def _dirty(self) -> None:
        sessions = getattr(self.window, "sessions", None)
        if sessions is not None:
            sessions.set_dirty(True)

    # ------------------------------------------------------------------ presentation
    @property
    def presenting(self) -> bool:
        return self.view.active

    def set_presentation(self, on: bool, *, full_screen: bool = True) -> None:
        if on == self.view.active:
            self.presentation_action.setChecked(on)
            return
        if on:
            if self.player.lesson is None and self.shipped_lessons():
                self.player.open(self.shipped_lessons()[0])
            placement = screen_placement(self.window, starting=True)
            two_screens = self.presenter_action.isChecked() and placement.two_screens and full_screen
            self._geometry_before = self.window.geometry() if two_screens else None
            if two_screens:  # the stage on the projector, the presenter window on the laptop
                self.window.setGeometry(placement.stage)
            self.view.enter(full_screen=full_screen)
            if self.presenter_action.isChecked():
                self.show_presenter(placement.presenter if two_screens else None)
                if not two_screens:  # one screen: the presenter window does not cover the stage
                    self.window.raise_()
                    self.window.activateWindow()
        else:
            self.view.leave()
            if self._geometry_before is not None:  # back to the laptop's screen
                self.window.setGeometry(self._geometry_before)
                self._geometry_before = None
            if self.presenter is not None:
                self.presenter.hide()
        self.presentation_action.setChecked(on)

    def show_presenter(self, geometry: QRect | None = None) -> PresenterWindow:
        """The presenter window, a second top-level window: at ``geometry`` (on the laptop's
        screen), or else a normal window where it was."""
        if self.presenter is None:
            self.presenter = PresenterWindow(self.window, self.player)
            self.presenter.closed.connect(self._on_presenter_closed)
        self.presenter.place(geometry)
        self.presenter.restart_clock()
        self.presenter.show()
        return self.presenter

    @Slot(bool)
    def _on_presentation_action(self, checked: bool) -> None:
        self.set_presentation(checked)

    @Slot()
    def _on_screens_changed(self) -> None:
        """Presenter window on by default exactly while there are two screens (unless chosen)."""
        if not self._presenter_chosen:
            self.presenter_action.setChecked(len(QGuiApplication.screens()) > 1)

    @Slot()
    def _on_presenter_closed(self) -> None:
        """Closed by the lecturer while presenting: the menu says so and it stays closed."""
        if self.presenting and self.presenter_action.isChecked():
            self.presenter_action.setChecked(False)
            self._presenter_chosen = True

    @Slot(bool)
    def _on_presenter_action(self, checked: bool) -> None:
        self._presenter_chosen = True
        if checked and self.presenting:
            self.show_presenter(screen_placement(self.window, starting=False).presenter)
        elif not checked and self.presenter is not None:
            self.presenter.hide()

    @Slot(QAction)
    def _on_scale_action(self, action: QAction) -> None:
        self.view.set_scale(int(action.data()))
        if self.window.persist:
            QSettings().setValue(SCALE_KEY, self.view.scale)
        self.view.header.apply_scale()

    @Slot(int)
    def _on_stage(self, _index: int) -> None:
        self._update_enabled()
        if self.view.active:
            self.view.arrange()

    def _key_windows(self) -> list[QWidget]:
        windows: list[QWidget] = [self.window]
        if self.presenter is not None:
            windows.append(self.presenter)
        return windows

    # ------------------------------------------------------------------ keys
    def act(self, command: str) -> bool:
        """Do a lecturer's key command (see :mod:`gradsim.ui.lecture.keys`); True when done."""
        player, view = self.player, self.view
        if command == "presentation":
            self.set_presentation(not view.active)
            return True
        if command == "leave":
            if view.black.isVisible():
                view.black.set_on(False)
            else:
                self.set_presentation(False)
            return True
        if command == "black":
            view.black.toggle()
            return True
        if command == "narrative":
            view.toggle_narrative()
            return True
        if command == "undo":
            if not player.undo_stack.canUndo():
                return False
            player.undo_stack.undo()
            return True
        if command == "redo":
            if not player.undo_stack.canRedo():
                return False
            player.undo_stack.redo()
            return True
        if player.lesson is None:
            return False
        if command == "play":
            player.toggle_play()
        elif command == "next":
            self._moved(player.next())
        elif command == "previous":
            self._moved(player.previous())
        elif command == "steps":
            player.step(MANY_STEPS)
        elif command == "reset":
            player.reset()
        elif command.startswith("stage:"):
            index = int(command.split(":", 1)[1])
            if index < player.count:
                self._moved(player.go(index))
        return True

    def _moved(self, moved: bool) -> None:
        if moved:
            self._dirty()

    # ------------------------------------------------------------------ help
    @Slot()
    def show_shortcuts(self) -> ShortcutsDialog:
        """Help > Keyboard shortcuts (one non-modal window, filled again each time)."""
        if self.shortcuts is None:
            self.shortcuts = ShortcutsDialog(self.window)
        else:
            self.shortcuts.fill()
        self.shortcuts.show()
        self.shortcuts.raise_()
        self.shortcuts.activateWindow()
        return self.shortcuts
