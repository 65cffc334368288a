"""The lecturer's keys in the presentation view, and their list for Help > Keyboard shortcuts.

One key per move (docs/lessons.md, DESIGN.md section 7): presentation clickers send
PageDown/PageUp and some send B or "." to black the screen. The keys are single keys, so
they act only while the presentation is on (F11, which turns it on, always), only in
gradsim's windows (the stage and the presenter window), and never while a text field has
the focus: typing "r" into a field types an r. They are read by an application event
filter that also claims the ``ShortcutOverride`` of its keys, so Space is the stage's
play/pause (the training's, or the race animation's) and not the training controls' Play
shortcut as well.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QKeySequenceEdit,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

translate = QCoreApplication.translate

#: Steps that Shift+→ trains (or moves the race animation on).
MANY_STEPS = 10

Key = Qt.Key
NONE = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier

_SIMPLE: dict[int, str] = {
    Key.Key_Space: "play",
    Key.Key_Right: "next",
    Key.Key_PageDown: "next",
    Key.Key_N: "next",
    Key.Key_Left: "previous",
    Key.Key_PageUp: "previous",
    Key.Key_P: "previous",
    Key.Key_R: "reset",
    Key.Key_B: "black",
    Key.Key_Period: "black",
    Key.Key_T: "narrative",
    Key.Key_Escape: "leave",
}


def command_of(event: QKeyEvent) -> str | None:
    """The lecture command of a key press: ``next``, ``steps``, ``stage:3``, ... or None."""
    key = event.key()
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if modifiers == SHIFT and key == Key.Key_Right:
        return "steps"
    if modifiers == CTRL and key == Key.Key_Z:
        return "undo"
    if modifiers in (CTRL | SHIFT,) and key == Key.Key_Z:
        return "redo"
    if modifiers == NONE and key == Key.Key_F11:
        return "presentation"
    if modifiers == NONE and Key.Key_1 <= key <= Key.Key_9:
        return f"stage:{key - Key.Key_1}"
    if modifiers == NONE:
        return _SIMPLE.get(key)
    return None


def is_typing(widget: QObject | None) -> bool:
    """True when ``widget`` takes typed text (a field, a spin box, an editable combo box)."""
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QKeySequenceEdit)):
        return not getattr(widget, "isReadOnly", lambda: False)()
    return isinstance(widget, QComboBox) and widget.isEditable()


def key_table() -> list[tuple[str, str]]:
    """(keys, what they do), translated, in the order Help > Keyboard shortcuts lists them."""
    return [
        (translate("Lecture", "F11"), translate("Lecture", "Presentation view on or off (full screen)")),
        (translate("Lecture", "Space"), translate("Lecture", "Play or pause the stage")),
        (translate("Lecture", "→, Page Down, N"), translate("Lecture", "Next stage")),
        (translate("Lecture", "Shift+→"), translate("Lecture", "{n} more steps").format(n=MANY_STEPS)),
        (translate("Lecture", "←, Page Up, P"), translate("Lecture", "Previous stage")),
        (translate("Lecture", "1 – 9"), translate("Lecture", "Stage 1 to 9 of the lesson")),
        (
            translate("Lecture", "R"),
            translate("Lecture", "Reset the stage to its start (Ctrl+Z brings back the run before)"),
        ),
        (translate("Lecture", "Ctrl+Z, Ctrl+Shift+Z"), translate("Lecture", "Undo or redo a reset")),
        (translate("Lecture", "B, ."), translate("Lecture", "Black screen (press again to come back)")),
        (translate("Lecture", "T"), translate("Lecture", "Show or hide the narrative")),
        (translate("Lecture", "Esc"), translate("Lecture", "Leave the presentation")),
    ]


def key_table_html() -> str:
    rows = "".join(
        f"<tr><td style='padding-right:16px'><b>{keys}</b></td><td>{meaning}</td></tr>"
        for keys, meaning in key_table()
    )
    note = translate(
        "Lecture",
        "These keys act in the presentation view, and not while a text field has the focus.",
    )
    return f"<table>{rows}</table><p>{note}</p>"


class LectureKeys(QObject):
    """An application event filter: F11 always (the window need not be active: a shortcut
    would need it), the other keys while ``presenting()``."""

    def __init__(
        self,
        windows: Callable[[], list[QWidget]],
        act: Callable[[str], bool],
        presenting: Callable[[], bool],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._windows, self._act, self._presenting = windows, act, presenting
        self.installed = False

    def install(self) -> None:
        if not self.installed:
            QApplication.instance().installEventFilter(self)
            self.installed = True

    def remove(self) -> None:
        if self.installed:
            QApplication.instance().removeEventFilter(self)
            self.installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not isinstance(watched, QWidget) or watched.window() not in self._windows():
            return False
        command = command_of(event)  # type: ignore[arg-type]
        if command is None or (command != "presentation" and not self._presenting()):
            return False
        focus = watched.window().focusWidget()  # the window's, even while it is not active
        if is_typing(watched) or is_typing(focus) or is_typing(QApplication.focusWidget()):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes as a key press, not as another action's shortcut
            return True
        return self._act(command)
