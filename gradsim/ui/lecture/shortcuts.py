"""Help > Keyboard shortcuts: the presentation's keys beside the menus' shortcuts, in a window
of its own (a message box squeezed the two tables into a narrow, tall column).

Non-modal and reused, like the Scenarios gallery: it can stay open beside the window while a
lecturer rehearses, and no test waits for a click.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from gradsim.ui.lecture.keys import key_table_html

translate = QCoreApplication.translate

WIDTH = 940
MAX_HEIGHT = 660  # beyond that it scrolls


class ShortcutsDialog(QDialog):
    """The key tables of ``window`` (its menu bar is read each time the dialog is filled)."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setObjectName("keyboard_shortcuts")
        self.window_ = window
        self.text = QTextBrowser(self)
        self.text.setObjectName("keyboard_shortcuts_text")
        self.text.setOpenLinks(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.fill()

    def fill(self) -> None:
        """Build the tables again (the language or the menus may have changed)."""
        self.setWindowTitle(translate("Lecture", "Keyboard shortcuts"))
        self.text.setHtml(key_table_html(self.window_.menuBar()))
        # both tables side by side, as tall as they are, within a 1280x720 screen
        measure = self.text.document().clone(self)  # the browser lays its own out lazily
        measure.setTextWidth(WIDTH - 40)
        height = int(measure.size().height()) + 90
        measure.deleteLater()
        self.resize(WIDTH, max(320, min(MAX_HEIGHT, height)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.fill()
        super().changeEvent(event)
