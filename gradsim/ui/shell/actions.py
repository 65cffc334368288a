"""The main window's own actions and their texts: Open config, Undo and Redo, Quit, About, Reset
panel layout, the training backend switch, and the View menu's theme, font size, line width and
language.

Shortcuts: Ctrl+O opens a session (File > Open session, :mod:`gradsim.ui.sessions.controller`),
Ctrl+Shift+O a config; Ctrl+Z and Ctrl+Shift+Z (the platform's Undo and Redo keys) undo and
redo the builder's edits, weights typed into the network diagram, and the runs a config change
replaced (:mod:`gradsim.ui.shell.config_edits`).

The actions belong to the window (their parent) and call its slots; :class:`WindowActions`
builds them, keeps the checked states in step with the preferences, and re-words them after
a language switch (:meth:`WindowActions.retranslate`). The panels' own actions (Play, Step,
Reset) belong to the training controls.
"""

from __future__ import annotations

import platform

import numpy as np
import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow

import gradsim
from gradsim.ui.common import theme, wording

translate = QCoreApplication.translate

OPEN_CONFIG_SHORTCUT = "Ctrl+Shift+O"


class WindowActions:
    """Every action of the window's menus that no panel owns, by what it does."""

    def __init__(self, window: QMainWindow, preferences: theme.Preferences, backend: str) -> None:
        self.open = QAction(window)
        self.open.setShortcut(QKeySequence(OPEN_CONFIG_SHORTCUT))  # Ctrl+O opens a session
        self.undo = QAction(window)
        self.undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo.setEnabled(False)
        self.redo = QAction(window)
        self.redo.setShortcuts(QKeySequence.StandardKey.Redo)  # Ctrl+Shift+Z and Ctrl+Y on Linux
        self.redo.setEnabled(False)
        self._undo_stack: QUndoStack | None = None
        self.quit = QAction(window)
        self.quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.about = QAction(window)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.reset_layout = QAction(window)
        self.process = QAction(window, checkable=True)
        self.process.setChecked(backend == "process")

        self.theme_group = QActionGroup(window)
        self.theme: dict[str, QAction] = {}
        for name in theme.THEMES:
            action = QAction(window, checkable=True)
            action.setData(name)
            self.theme_group.addAction(action)
            self.theme[name] = action
        self.font_group, self.font = _scale_group(window)
        self.line_group, self.line = _scale_group(window)
        self.language_group = QActionGroup(window)
        self.language: dict[str, QAction] = {}
        for code, native in wording.LANGUAGES.items():
            action = QAction(native, window, checkable=True)
            action.setData(code)
            self.language_group.addAction(action)
            self.language[code] = action
        self.show_preferences(preferences)

    def connect_undo_stack(self, stack: QUndoStack) -> None:
        """Undo and Redo act on ``stack`` (the builder's) and say what they would undo or redo."""
        self._undo_stack = stack
        self.undo.triggered.connect(stack.undo)
        self.redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        stack.undoTextChanged.connect(self._word_undo_redo)
        stack.redoTextChanged.connect(self._word_undo_redo)
        self.undo.setEnabled(stack.canUndo())
        self.redo.setEnabled(stack.canRedo())
        self._word_undo_redo()

    def _word_undo_redo(self, *_args: object) -> None:
        if not (shiboken6.isValid(self.undo) and shiboken6.isValid(self.redo)):
            return  # the window is being destroyed (its stack still says it is emptied)
        stack = self._undo_stack
        if stack is not None and not shiboken6.isValid(stack):  # the builder is gone (window closing)
            stack = self._undo_stack = None
        what_undo = stack.undoText() if stack is not None else ""
        what_redo = stack.redoText() if stack is not None else ""
        self.undo.setText(
            translate("MainWindow", "&Undo {what}").format(what=what_undo).strip()
            if what_undo
            else translate("MainWindow", "&Undo")
        )
        self.redo.setText(
            translate("MainWindow", "&Redo {what}").format(what=what_redo).strip()
            if what_redo
            else translate("MainWindow", "&Redo")
        )

    def show_preferences(self, preferences: theme.Preferences) -> None:
        """Check the theme, font size and line width in use."""
        self.theme[preferences.theme].setChecked(True)
        self.font[preferences.font_scale].setChecked(True)
        self.line[preferences.line_scale].setChecked(True)

    def retranslate(self) -> None:
        texts = {
            self.open: (
                translate("MainWindow", "&Open config..."),
                translate(
                    "MainWindow", "Load a network and training configuration (JSON) and train it from step 0."
                ),
            ),
            self.undo: (
                self.undo.text(),
                translate(
                    "MainWindow",
                    "Undo the last change of the settings or of a weight. A change that restarted "
                    "training is undone with the whole run as it was.",
                ),
            ),
            self.redo: (self.redo.text(), translate("MainWindow", "Redo what Undo undid.")),
            self.quit: (
                translate("MainWindow", "&Quit"),
                translate("MainWindow", "Stop training and close gradsim."),
            ),
            self.about: (
                translate("MainWindow", "&About gradsim"),
                translate("MainWindow", "Versions of gradsim and its libraries."),
            ),
            self.process: (
                translate("MainWindow", "Train in a separate &process (faster)"),
                translate(
                    "MainWindow",
                    "Run training in its own process: it no longer competes with drawing for "
                    "Python's interpreter lock, so both training and the plots run at full speed. "
                    "Off: training runs in a thread of this window.",
                ),
            ),
            self.reset_layout: (
                translate("MainWindow", "&Reset panel layout"),
                translate("MainWindow", "Put every panel back where it was at the first start."),
            ),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self._word_undo_redo()
        names = theme.theme_names()
        for name, action in self.theme.items():
            action.setText(names[name])
        self.theme["light"].setToolTip(
            translate("MainWindow", "Black on white, strong colours: readable on a projector.")
        )
        self.theme["dark"].setToolTip(
            translate("MainWindow", "Light text on a dark background, for screens.")
        )
        for percent, action in self.font.items():
            action.setToolTip(
                translate("MainWindow", "Scale all text to {percent}% (for the back row).").format(
                    percent=percent
                )
            )
        for percent, action in self.line.items():
            action.setToolTip(
                translate("MainWindow", "Draw plot lines {percent}% as wide.").format(percent=percent)
            )


def _scale_group(window: QMainWindow) -> tuple[QActionGroup, dict[int, QAction]]:
    """One checkable action per scale of theme.SCALES (100%, 125%, ...)."""
    group = QActionGroup(window)
    actions = {}
    for percent in theme.SCALES:
        action = QAction(f"{percent}%", window, checkable=True)
        action.setData(percent)
        group.addAction(action)
        actions[percent] = action
    return group, actions


def about_html() -> str:
    """Help > About: what gradsim is, and the versions of it and its libraries."""
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
