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

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QKeySequenceEdit,
    QLineEdit,
    QMenu,
    QMenuBar,
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


@dataclass(frozen=True)
class KeyRow:
    """One line of Help > Keyboard shortcuts and the keys that do it: the one table that both
    :func:`command_of` and :func:`key_table` read, so the help lists every key there is."""

    command: str  # "stage" stands for stage:0 ... stage:8 (keys 1 to 9)
    keys: tuple[tuple[Qt.Key, Qt.KeyboardModifier], ...]
    label: str  # the keys as the help names them (translated)
    meaning: str  # what they do (translated; {n} is MANY_STEPS)


KEY_ROWS: tuple[KeyRow, ...] = (
    KeyRow(
        "presentation",
        ((Key.Key_F11, NONE),),
        QT_TRANSLATE_NOOP("Lecture", "F11"),
        QT_TRANSLATE_NOOP("Lecture", "Presentation view on or off (full screen)"),
    ),
    KeyRow(
        "play",
        ((Key.Key_Space, NONE), (Key.Key_F5, NONE)),
        QT_TRANSLATE_NOOP("Lecture", "Space, F5"),
        QT_TRANSLATE_NOOP("Lecture", "Play or pause the stage"),
    ),
    KeyRow(
        "next",
        ((Key.Key_Right, NONE), (Key.Key_PageDown, NONE), (Key.Key_N, NONE)),
        QT_TRANSLATE_NOOP("Lecture", "→, Page Down, N"),
        QT_TRANSLATE_NOOP("Lecture", "Next stage"),
    ),
    KeyRow(
        "steps",
        ((Key.Key_Right, SHIFT),),
        QT_TRANSLATE_NOOP("Lecture", "Shift+→"),
        QT_TRANSLATE_NOOP("Lecture", "{n} more steps"),
    ),
    KeyRow(
        "previous",
        ((Key.Key_Left, NONE), (Key.Key_PageUp, NONE), (Key.Key_P, NONE)),
        QT_TRANSLATE_NOOP("Lecture", "←, Page Up, P"),
        QT_TRANSLATE_NOOP("Lecture", "Previous stage"),
    ),
    KeyRow(
        "stage",
        tuple((Key(Key.Key_1.value + index), NONE) for index in range(9)),
        QT_TRANSLATE_NOOP("Lecture", "1 – 9"),
        QT_TRANSLATE_NOOP("Lecture", "Stage 1 to 9 of the lesson"),
    ),
    KeyRow(
        "reset",
        ((Key.Key_R, NONE),),
        QT_TRANSLATE_NOOP("Lecture", "R"),
        QT_TRANSLATE_NOOP("Lecture", "Reset the stage to its start (Ctrl+Z brings back the run before)"),
    ),
    KeyRow(
        "undo",
        ((Key.Key_Z, CTRL),),
        QT_TRANSLATE_NOOP("Lecture", "Ctrl+Z"),
        QT_TRANSLATE_NOOP("Lecture", "Undo a reset"),
    ),
    KeyRow(
        "redo",
        ((Key.Key_Z, CTRL | SHIFT),),
        QT_TRANSLATE_NOOP("Lecture", "Ctrl+Shift+Z"),
        QT_TRANSLATE_NOOP("Lecture", "Redo a reset"),
    ),
    KeyRow(
        "black",
        ((Key.Key_B, NONE), (Key.Key_Period, NONE)),
        QT_TRANSLATE_NOOP("Lecture", "B, ."),
        QT_TRANSLATE_NOOP("Lecture", "Black screen (press again to come back)"),
    ),
    KeyRow(
        "narrative",
        ((Key.Key_T, NONE),),
        QT_TRANSLATE_NOOP("Lecture", "T"),
        QT_TRANSLATE_NOOP("Lecture", "Show or hide the narrative"),
    ),
    KeyRow(
        "leave",
        ((Key.Key_Escape, NONE),),
        QT_TRANSLATE_NOOP("Lecture", "Esc"),
        QT_TRANSLATE_NOOP("Lecture", "Lift the black screen, else leave the presentation"),
    ),
)

_COMMANDS: dict[tuple[int, int], str] = {
    (key.value, modifiers.value): (
        f"stage:{key.value - Key.Key_1.value}" if row.command == "stage" else row.command
    )
    for row in KEY_ROWS
    for key, modifiers in row.keys
}


def command_of(event: QKeyEvent) -> str | None:
    """The lecture command of a key press: ``next``, ``steps``, ``stage:3``, ... or None."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return _COMMANDS.get((int(event.key()), modifiers.value))


def is_typing(widget: QObject | None) -> bool:
    """True when ``widget`` takes typed text (a field, a spin box, an editable combo box)."""
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QKeySequenceEdit)):
        return not getattr(widget, "isReadOnly", lambda: False)()
    return isinstance(widget, QComboBox) and widget.isEditable()


def key_table() -> list[tuple[str, str]]:
    """(keys, what they do), translated, in the order Help > Keyboard shortcuts lists them."""
    return [
        (translate("Lecture", row.label), translate("Lecture", row.meaning).format(n=MANY_STEPS))
        for row in KEY_ROWS
    ]


def menu_shortcuts(menu_bar: QMenuBar) -> list[tuple[str, str]]:
    """(shortcuts, action) of every menu action that has a shortcut, in menu order: read from
    the menus themselves, so the help never misses one."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()

    def walk(actions: list[QAction]) -> None:
        for action in actions:
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(menu.actions())
                continue
            shortcut = action.shortcut()  # the first: a standard key's others are platform spares
            if shortcut.isEmpty() or id(action) in seen or not action.text():
                continue
            seen.add(id(action))
            keys = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
            rows.append((keys, plain_text(action.text())))

    walk(menu_bar.actions())
    return rows


def plain_text(text: str) -> str:
    """An action's text without its mnemonic ("&Save", "保存(&S)") or a trailing "...". """
    return re.sub(r"&(.)", r"\1", re.sub(r"\s*\(&\w\)", "", text)).rstrip(".…").strip()


def _rows_html(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='padding-right:12px' nowrap><b>{html.escape(keys)}</b></td>"
        f"<td>{html.escape(text)}</td></tr>"
        for keys, text in rows
    )
    return f"<table cellspacing='2'>{cells}</table>"


def key_table_html(menu_bar: QMenuBar | None = None) -> str:
    """Help > Keyboard shortcuts: the presentation's keys, then (given the window's menu bar)
    the menus' shortcuts, side by side so the list fits a 720-pixel screen."""
    note = translate(
        "Lecture",
        "These keys act in the presentation view, and not while a text field has the focus.",
    )
    heading = translate("Lecture", "Presentation view")
    lecture = f"<h3>{html.escape(heading)}</h3>{_rows_html(key_table())}<p>{html.escape(note)}</p>"
    if menu_bar is None:
        return lecture
    heading = translate("Lecture", "Menus")
    menus = f"<h3>{html.escape(heading)}</h3>{_rows_html(menu_shortcuts(menu_bar))}"
    return (
        "<table width='100%'><tr><td valign='top' width='55%' style='padding-right:24px'>"
        f"{lecture}</td><td valign='top'>{menus}</td></tr></table>"
    )


#: the events the filter reads; every other event of the application leaves it at the first test
#: (it sees ~5000 events a second while training; the members are looked up once, here)
_KEY_EVENTS = frozenset((QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride))


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
        if kind not in _KEY_EVENTS:
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
