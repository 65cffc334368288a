"""Small editors for forms (the network builder, the landscape's surface form): a number field
and a choice field with an inline message.

Numbers are typed into a ``QLineEdit``, not a spin box: a spin box silently clamps
(a width of 0 would never reach the validator), while the builder must *show* why a
value is refused, at the field, in words. The field keeps the user's text; the value it
reports is the parsed number, or the raw text when it is not a number at all (the
builder then names that problem).

A field in error gets a vermillion border and a message under it that starts with a
warning sign, so the state does not depend on colour alone (Okabe-Ito vermillion is
distinguishable under the common colour-vision deficiencies).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from gradsim.ui.common.wheel_guard import guard_wheel

ERROR_COLOUR = "#D55E00"
_ERROR_STYLE = f"border: 2px solid {ERROR_COLOUR}; border-radius: 3px;"


def format_number(value: Any) -> str:
    """Text for a value: ints as written, floats in their shortest round-tripping form."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def parse_number(text: str, integer: bool) -> Any:
    """The number in ``text`` (an int for integer fields when integral), else the stripped text."""
    stripped = text.strip()
    if integer:
        try:
            return int(stripped)
        except ValueError:
            pass
    try:
        value = float(stripped)
    except ValueError:
        return stripped
    if integer and math.isfinite(value) and value.is_integer():
        return int(value)
    return value


def same_value(a: Any, b: Any) -> bool:
    """Equal as the builder sees it (1 == 1.0; NaN == NaN; types of text kept)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b or (math.isnan(a) and math.isnan(b))
    return a == b


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Red border (or none) on an editor; its ``invalid`` property is set for tests and themes."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.setStyleSheet(_ERROR_STYLE if invalid else "")


class MessageLabel(QLabel):
    """The inline message under a field: hidden when empty, word-wrapped, vermillion."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setObjectName("inlineMessage")
        self.hide()

    def show_message(self, message: str) -> None:
        if message:
            self.setText("⚠ " + message)
            self.show()
        else:
            self.clear()
            self.hide()

    def message(self) -> str:
        return self.text().removeprefix("⚠ ")


class FieldBox(QWidget):
    """An editor with its inline message under it.

    With ``inline=False`` (cells of the layer table) the message is kept, marked on the
    editor and shown in its tooltip; the owner shows it in a shared message line.
    """

    def __init__(self, editor: QWidget, parent: QWidget | None = None, inline: bool = True) -> None:
        super().__init__(parent)
        self.editor = editor
        self.inline = inline
        self._error = ""
        self._tooltip = ""
        self.message_label = MessageLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        if inline:  # a form row: the editor keeps a modest width, the message uses the whole row
            layout.addWidget(editor, 0, Qt.AlignmentFlag.AlignLeft)
        else:  # a table cell: fill it
            layout.addWidget(editor)
        layout.addWidget(self.message_label)

    def set_error(self, message: str) -> None:
        if message == self._error:
            return
        self._error = message
        mark_invalid(self.editor, bool(message))
        if self.inline:
            self.message_label.show_message(message)
        self._apply_tooltip()

    def error(self) -> str:
        return self._error

    def setToolTip(self, text: str) -> None:  # noqa: N802 - Qt naming
        self._tooltip = text
        self._apply_tooltip()

    def _apply_tooltip(self) -> None:
        text = self._tooltip
        if self._error and not self.inline:
            text = f"⚠ {self._error}\n\n{text}" if text else f"⚠ {self._error}"
        super().setToolTip(text)
        self.editor.setToolTip(text)


class NumberField(FieldBox):
    """A number typed as text. ``edited(value)`` fires on every keystroke with the parsed value."""

    edited = Signal(object)

    def __init__(self, integer: bool = False, parent: QWidget | None = None, inline: bool = True) -> None:
        self.line_edit = QLineEdit()
        super().__init__(self.line_edit, parent, inline)
        self.integer = integer
        self.line_edit.setMinimumWidth(60)
        if inline:
            self.line_edit.setMaximumWidth(160)
        self.line_edit.textEdited.connect(self._on_text_edited)

    def _on_text_edited(self, text: str) -> None:
        self.edited.emit(parse_number(text, self.integer))

    def value(self) -> Any:
        return parse_number(self.line_edit.text(), self.integer)

    def set_value(self, value: Any) -> None:
        """Show ``value`` unless the text already means it (keeps "0.050" while typing)."""
        if same_value(self.value(), value) and self.line_edit.text().strip():
            return
        self.line_edit.setText(format_number(value))


def text_problem(value: Any) -> str:
    """The local message for text that is not a number ('' means it is a number)."""
    if not isinstance(value, str):
        return ""
    if not value:
        return QCoreApplication.translate("BuilderPanel", "enter a number")
    return QCoreApplication.translate("BuilderPanel", "'{text}' is not a number").format(text=value[:40])


class ChoiceField(FieldBox):
    """A combo box of values with translated labels. ``edited(value)`` fires on user choice."""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None, inline: bool = True) -> None:
        self.combo = QComboBox()
        super().__init__(self.combo, parent, inline)
        if inline:
            self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        else:  # a table cell: may shrink (the text elides) so the table fits a narrow dock
            self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.combo.setMinimumContentsLength(5)
        guard_wheel(self.combo)  # the wheel scrolls the form unless the field has focus
        self.combo.currentIndexChanged.connect(self._on_index_changed)

    def _on_index_changed(self, index: int) -> None:
        if index >= 0:
            self.edited.emit(self.combo.itemData(index))

    def set_items(self, items: Iterable[tuple[Any, str]]) -> None:
        current = self.value()
        self.combo.blockSignals(True)
        self.combo.clear()
        for value, label in items:
            self.combo.addItem(label, value)
        self.combo.blockSignals(False)
        if current is not None:
            self.set_value(current)

    def relabel(self, labels: dict[Any, str]) -> None:
        for index in range(self.combo.count()):
            value = self.combo.itemData(index)
            if value in labels:
                self.combo.setItemText(index, labels[value])

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = find_data(self.combo, value)
        if index >= 0 and index != self.combo.currentIndex():
            self.combo.blockSignals(True)
            self.combo.setCurrentIndex(index)
            self.combo.blockSignals(False)


class CheckField(FieldBox):
    """A check box. ``edited(bool)`` fires when the user (or a test) toggles it."""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None, inline: bool = True) -> None:
        self.check = QCheckBox()
        super().__init__(self.check, parent, inline)
        self.check.toggled.connect(self.edited.emit)

    def value(self) -> bool:
        return self.check.isChecked()

    def set_value(self, value: Any) -> None:
        if bool(value) != self.check.isChecked():
            self.check.blockSignals(True)
            self.check.setChecked(bool(value))
            self.check.blockSignals(False)


class TextField(FieldBox):
    """Free text (a CSV target column: a name, or an index such as -1)."""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None, inline: bool = True) -> None:
        self.line_edit = QLineEdit()
        super().__init__(self.line_edit, parent, inline)
        self.line_edit.textEdited.connect(lambda text: self.edited.emit(self.value()))

    def value(self) -> Any:
        text = self.line_edit.text().strip()
        try:
            return int(text)
        except ValueError:
            return text

    def set_value(self, value: Any) -> None:
        if self.value() != value:
            self.line_edit.setText(str(value))


def find_data(combo: QComboBox, value: Any) -> int:
    """Index of ``value`` among the combo's item data (type-strict: True is not 1)."""
    for index in range(combo.count()):
        data = combo.itemData(index)
        if type(data) is type(value) and data == value:
            return index
    return -1
