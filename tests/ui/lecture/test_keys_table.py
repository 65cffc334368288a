"""The lecturer's keys against the issue's list: each key's command, the clickers' keys, Help >
Keyboard shortcuts listing every key (and the menus' shortcuts) within a 1280x720 screen in
the three languages, and no single key acting while any kind of text field has the focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextEdit,
)

from gradsim.ui.lecture.keys import KEY_ROWS, MANY_STEPS, command_of, key_table, plain_text

pytestmark = pytest.mark.ui

Key = Qt.Key
NONE = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
KEYPAD = Qt.KeyboardModifier.KeypadModifier
LESSON = "vanishing-gradients"

#: The issue's "Keys" and its precisions (clickers: Page Down/Up, B, "."; N/P from "Lessons").
ISSUE_KEYS = [
    (Key.Key_Space, NONE, "play"),
    (Key.Key_Right, NONE, "next"),
    (Key.Key_Right, SHIFT, "steps"),
    (Key.Key_Left, NONE, "previous"),
    (Key.Key_R, NONE, "reset"),
    (Key.Key_1, NONE, "stage:0"),
    (Key.Key_9, NONE, "stage:8"),
    (Key.Key_F11, NONE, "presentation"),
    (Key.Key_Escape, NONE, "leave"),
    (Key.Key_B, NONE, "black"),
    (Key.Key_PageDown, NONE, "next"),
    (Key.Key_PageUp, NONE, "previous"),
    (Key.Key_Period, NONE, "black"),
    (Key.Key_N, NONE, "next"),
    (Key.Key_P, NONE, "previous"),
    (Key.Key_Z, CTRL, "undo"),
    (Key.Key_Z, CTRL | SHIFT, "redo"),
    (Key.Key_F5, NONE, "play"),  # the app's other Play key: the stage's play while presenting
]


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, key, modifiers)


@pytest.mark.parametrize(("key", "modifiers", "command"), ISSUE_KEYS, ids=[k[0].name for k in ISSUE_KEYS])
def test_every_key_of_the_issue_has_its_command(qapp, key, modifiers, command):
    assert command_of(press(key, modifiers)) == command


def test_menu_texts_lose_their_mnemonics(qapp):
    assert plain_text("&Save session") == "Save session"
    assert plain_text("S&cenarios...") == "Scenarios"
    assert plain_text("场景(&C)...") == "场景"
    assert plain_text("Tom && Jerry") == "Tom & Jerry"


def test_the_keypad_counts_and_other_modifiers_do_not(qapp):
    assert command_of(press(Key.Key_3, KEYPAD)) == "stage:2"
    assert command_of(press(Key.Key_Period, KEYPAD)) == "black"
    assert command_of(press(Key.Key_R, CTRL)) is None  # the window's Reset (Ctrl+R), not the stage's
    assert command_of(press(Key.Key_Left, SHIFT)) is None
    assert command_of(press(Key.Key_0)) is None and command_of(press(Key.Key_A)) is None


def test_each_row_of_the_help_is_the_keys_that_do_it(qapp):
    """The help and the key filter read one table: a row's keys give its command."""
    table = key_table()
    assert len(table) == len(KEY_ROWS)
    for row, (label, meaning) in zip(KEY_ROWS, table, strict=True):
        assert label and meaning and "{" not in meaning
        for key, modifiers in row.keys:
            command = command_of(press(key, modifiers))
            assert command == row.command or (row.command == "stage" and command.startswith("stage:"))
    assert f"{MANY_STEPS} more steps" in dict(table)["Shift+→"]
    listed = {command for command in (command_of(press(k, m)) for k, m, _ in ISSUE_KEYS)}
    assert listed <= {row.command for row in KEY_ROWS} | {f"stage:{i}" for i in range(9)}


@pytest.mark.parametrize("language", ["en", "zh_CN", "ru"])
def test_help_lists_every_key_and_the_menus_within_a_projector_screen(make_window, language):
    window = make_window()
    window.resize(1280, 720)
    window.set_language(language, remember=False)
    assert window.lecture.shortcuts_action in window.menus.help.actions()
    window.lecture.shortcuts_action.trigger()
    dialog = window.lecture.shortcuts
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    QCoreApplication.processEvents()
    text = " ".join(dialog.text.toPlainText().split())
    for label, meaning in key_table():
        assert label in text and meaning in text, (label, meaning)
    for shortcut in ("Ctrl+Shift+G", "Ctrl+S", "F11"):  # the menus' shortcuts, read from the menus
        assert shortcut in text
    assert dialog.width() <= 1280 and dialog.height() <= 720
    assert not dialog.text.verticalScrollBar().isVisible()
    assert not dialog.text.horizontalScrollBar().isVisible()
    assert window.lecture.show_shortcuts() is dialog  # one window, reused
    window.set_language("en", remember=False)
    QCoreApplication.processEvents()  # Qt posts the LanguageChange
    assert "Next stage" in dialog.text.toPlainText()  # follows the language


TYPING_WIDGETS = {
    "line": QLineEdit,
    "plain-text": QPlainTextEdit,
    "rich-text": QTextEdit,
    "spin": QSpinBox,
    "double-spin": QDoubleSpinBox,
    "editable-combo": lambda parent: editable_combo(parent),
}


def editable_combo(parent):
    combo = QComboBox(parent)
    combo.setEditable(True)
    return combo


#: Every key of the table but the function keys (they type nothing; F11 is always the view's).
SINGLE_KEYS = [
    (key, modifiers)
    for row in KEY_ROWS
    for key, modifiers in row.keys
    if key not in (Key.Key_F5, Key.Key_F11)
]


def test_no_key_acts_while_a_text_field_has_the_focus(make_window, qtbot):
    """Six kinds of text field (one window, one presentation: each field in turn)."""
    window = make_window()
    assert window.open_lesson(LESSON, 0)
    window.lecture.set_presentation(True, full_screen=False)
    qtbot.waitUntil(lambda: not window.lecture.player.busy, timeout=30_000)
    acted: list[str] = []
    window.lecture.keys._act = lambda command: acted.append(command) or True
    parent = window.lecture.view.narrative
    for kind, make in TYPING_WIDGETS.items():
        field = make(parent)
        field.show()
        field.setFocus()
        for key, modifiers in SINGLE_KEYS:
            qtbot.keyClick(field, key, modifiers)
        assert acted == [], kind
        field.deleteLater()
    assert window.lecture.presenting and window.lecture.player.index == 0
    button = QPushButton("x", parent)  # a control that takes no text: they act
    read_only = QTextEdit(parent)  # a text that cannot be typed into does not stop them either
    read_only.setReadOnly(True)
    for control in (button, read_only):
        control.show()
        control.setFocus()
        for key, modifiers in SINGLE_KEYS:
            qtbot.keyClick(control, key, modifiers)
    assert len(acted) == 2 * len(SINGLE_KEYS)
    assert acted[: len(SINGLE_KEYS)] == acted[len(SINGLE_KEYS) :]
    window.lecture.keys._act = window.lecture.act
    window.lecture.set_presentation(False)


def test_f5_plays_and_pauses_the_stage_once_per_press(make_window, qtbot):
    window = make_window()
    assert window.open_lesson(LESSON, 1)
    window.lecture.set_presentation(True, full_screen=False)
    qtbot.waitUntil(lambda: not window.lecture.player.busy, timeout=30_000)
    controller = window.controller
    qtbot.keyClick(window, Key.Key_F5)  # had the Play action fired too, the two would cancel out
    assert controller.running
    qtbot.keyClick(window, Key.Key_F5)
    qtbot.waitUntil(lambda: not controller.running, timeout=20_000)
    window.lecture.set_presentation(False)
