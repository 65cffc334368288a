"""The main window's menu bar and toolbar: File, Edit (Undo, Redo), View (panels, layout, theme,
font size, line width, language), Train and Help, and the toolbar with the training actions and
Open config.

:class:`WindowMenus` places the actions (the window's own from
:class:`~gradsim.ui.shell.actions.WindowActions`, the training controls' Play/Step/Reset,
each dock's show/hide toggle) and re-words the menu titles after a language switch. Later
features add File actions above Quit with :meth:`WindowMenus.add_file_actions`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar

from gradsim.ui.export.menu import ExportMenu
from gradsim.ui.shell.actions import WindowActions
from gradsim.ui.shell.panel_specs import PANELS

translate = QCoreApplication.translate


class WindowMenus:
    """The menus and the toolbar of a main window."""

    def __init__(
        self,
        window: QMainWindow,
        actions: WindowActions,
        docks: Mapping[str, QDockWidget],
        training_actions: Iterable[QAction],
    ) -> None:
        training_actions = list(training_actions)
        bar = window.menuBar()
        self.file = bar.addMenu("")
        self.file.addAction(actions.open)
        self._file_end = self.file.addSeparator()  # File actions of later features go above it
        self.export = ExportMenu(window)  # File > Export: images, animations, CSV
        self.file.insertMenu(self._file_end, self.export.menu)
        self.file.addAction(actions.quit)

        self.edit = bar.addMenu("")
        self.edit.addAction(actions.undo)
        self.edit.addAction(actions.redo)

        self.view = bar.addMenu("")
        self.panels = self.view.addMenu("")
        for spec in PANELS:
            if spec.name in docks:
                self.panels.addAction(docks[spec.name].toggleViewAction())
        self.view.addAction(actions.reset_layout)
        self.view.addSeparator()
        self.theme = _submenu(self.view, actions.theme.values())
        self.font = _submenu(self.view, actions.font.values())
        self.line = _submenu(self.view, actions.line.values())
        self.language = _submenu(self.view, actions.language.values())

        self.train = bar.addMenu("")
        for action in training_actions:
            self.train.addAction(action)
        self.train.addSeparator()
        self.train.addAction(actions.process)

        self.help = bar.addMenu("")
        self.help.addAction(actions.about)

        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("toolbar_main")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in training_actions:
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(actions.open)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def add_file_actions(self, actions: list[QAction]) -> None:
        """Put actions into the File menu above Quit (sessions, export: later features)."""
        for action in actions:
            self.file.insertAction(self._file_end, action)

    def retranslate(self) -> None:
        self.file.setTitle(translate("MainWindow", "&File"))
        self.edit.setTitle(translate("MainWindow", "&Edit"))
        self.view.setTitle(translate("MainWindow", "&View"))
        self.train.setTitle(translate("MainWindow", "&Train"))
        self.help.setTitle(translate("MainWindow", "&Help"))
        self.panels.setTitle(translate("MainWindow", "&Panels"))
        self.theme.setTitle(translate("MainWindow", "&Theme"))
        self.font.setTitle(translate("MainWindow", "&Font size"))
        self.line.setTitle(translate("MainWindow", "&Line width"))
        self.language.setTitle(translate("MainWindow", "&Language"))
        self.toolbar.setWindowTitle(translate("MainWindow", "Main toolbar"))
        self.export.retranslate()
        self.theme.setToolTipsVisible(True)
        for menu in (self.file, self.view, self.panels, self.train, self.help):
            menu.setToolTipsVisible(True)


def _submenu(menu: QMenu, actions: Iterable[QAction]) -> QMenu:
    sub = menu.addMenu("")
    for action in actions:
        sub.addAction(action)
    return sub
