"""The main window's own actions and their texts: Open config, Quit, About, Reset panel layout,
the training backend switch, and the View menu's theme, font size, line width and language.

The actions belong to the window (their parent) and call its slots; :class:`WindowActions`
builds them, keeps the checked states in step with the preferences, and re-words them after
a language switch (:meth:`WindowActions.retranslate`). The panels' own actions (Play, Step,
Reset) belong to the training controls.
"""

from __future__ import annotations

import platform

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow

import gradsim
from gradsim.ui.common import theme, wording

translate = QCoreApplication.translate


class WindowActions:
    """Every action of the window's menus that no panel owns, by what it does."""

    def __init__(self, window: QMainWindow, preferences: theme.Preferences, backend: str) -> None:
        self.open = QAction(window)
        self.open.setShortcut(QKeySequence.StandardKey.Open)
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
