"""Every modal dialog of the app behind one service, so tests replace it and never wait for a click.

Widgets call ``dialogs.service().error(...)`` (or the service the main window was given);
a test installs a recording fake with :func:`set_service`. The real service uses
``QMessageBox`` and ``QFileDialog``; an error shows the worded message and, behind
"Show Details...", the technical details (a traceback, the English engine message).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

translate = QCoreApplication.translate


class DialogService:
    """The real dialogs. Subclass or duck-type it to record calls in tests."""

    def error(self, parent: QWidget | None, title: str, text: str, details: str | None = None) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if details:
            box.setDetailedText(details)
        box.exec()

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def question(self, parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
        """Yes/No; True for Yes. Enter answers No unless ``default_yes`` (when Yes keeps work)."""
        box = question_box(parent, title, text, default_yes=default_yes)
        return box.exec() == QMessageBox.StandardButton.Yes

    def about(self, parent: QWidget | None, title: str, html: str) -> None:
        QMessageBox.about(parent, title, html)

    def save_discard_cancel(self, parent: QWidget | None, title: str, text: str) -> str:
        """Unsaved changes: "save", "discard" or "cancel" (Escape cancels)."""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.warning(
            parent, title, text, buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save
        )
        return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")

    def open_file(self, parent: QWidget | None, caption: str, directory: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, caption, directory, filters)
        return path or None

    def save_file(self, parent: QWidget | None, caption: str, directory: str, filters: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, caption, directory, filters)
        return path or None


class ConsoleDialogs(DialogService):
    """No windows: messages go to stderr, questions answer No (screenshot mode, scripts)."""

    def error(self, parent: QWidget | None, title: str, text: str, details: str | None = None) -> None:
        print(f"gradsim: {title}: {text}", file=sys.stderr)

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        print(f"gradsim: {title}: {text}", file=sys.stderr)

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        print(f"gradsim: {title}: {text}", file=sys.stderr)

    def question(self, parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
        return False

    def about(self, parent: QWidget | None, title: str, html: str) -> None:
        pass

    def save_discard_cancel(self, parent: QWidget | None, title: str, text: str) -> str:
        return "discard"

    def open_file(self, parent: QWidget | None, caption: str, directory: str, filters: str) -> str | None:
        return None

    def save_file(self, parent: QWidget | None, caption: str, directory: str, filters: str) -> str | None:
        return None


def question_box(parent: QWidget | None, title: str, text: str, *, default_yes: bool) -> QMessageBox:
    """The Yes/No box :meth:`DialogService.question` shows (built apart so tests can inspect it)."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons.Yes | buttons.No, parent)
    box.setDefaultButton(buttons.Yes if default_yes else buttons.No)
    box.setEscapeButton(buttons.No)
    return box


_service: DialogService = DialogService()


def service() -> DialogService:
    """The dialog service in use (tests install a fake with :func:`set_service`)."""
    return _service


def set_service(new: DialogService) -> DialogService:
    """Install ``new``; return the previous service (to restore it)."""
    global _service
    previous, _service = _service, new
    return previous


def config_file_filter() -> str:
    return translate("Dialogs", "gradsim configs (*.json);;All files (*)")
