"""Forms of the network builder: a kind with its settings (optimizer, schedule, initializers,
clipping, dataset) and fixed rows (regularization, training).

Forms hold no state of their own: they show a part of the builder's draft (``sync``) and
report what the user changed with ``edited(path, value, merge)``; ``kindChosen(section,
kind)`` asks the builder to switch a section to another kind. ``fields()`` maps every
path to its editor, so the builder can put a validation message at the right field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget

from gradsim.ui.common import config_text as text
from gradsim.ui.common.fields import CheckField, ChoiceField, FieldBox, NumberField, TextField

Path = tuple[Any, ...]
Table = dict[object, tuple[str, str]]
#: Choices of string-valued settings that are not "kind" (initializer modes).
STRING_CHOICES: dict[str, tuple[str, ...]] = {"mode": ("fan_in", "fan_out")}


def _editor_for(key: str, value: Any, info: dict[str, Any] | None) -> FieldBox:
    """An editor fitting a setting: from the dataset's field info, or from its value's type."""
    kind = (info or {}).get("type")
    if kind == "choice":
        choices = info["choices"]  # type: ignore[index]
        if tuple(choices) == (True, False):
            return CheckField()
        field = ChoiceField()
        field.set_items((c, text.label(text.CHOICE_VALUES, c)) for c in choices)
        return field
    if kind == "column":
        return TextField()
    if kind in ("int", "float"):
        return NumberField(integer=kind == "int")
    if isinstance(value, bool):
        return CheckField()
    if isinstance(value, str) and key in STRING_CHOICES:
        field = ChoiceField()
        field.set_items((c, text.label(text.CHOICE_VALUES, c)) for c in STRING_CHOICES[key])
        return field
    if isinstance(value, str):
        return TextField()
    return NumberField(integer=isinstance(value, int))


class PairField(QWidget):
    """Two numbers side by side (Adam's betas), each its own field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = NumberField()
        self.second = NumberField()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.first)
        layout.addWidget(self.second)


class ParamRows:
    """The settings rows of one section in a QFormLayout, rebuilt when the set of keys changes."""

    def __init__(
        self,
        layout: QFormLayout,
        section: Path,
        table: Table,
        emit: Callable[[Path, Any, bool], None],
        info: Callable[[str], dict[str, Any] | None] | None = None,
        skip: Sequence[str] = ("kind",),
    ) -> None:
        self.layout = layout
        self.section = section
        self.table = table
        self.emit = emit
        self.info = info
        self.skip = tuple(skip)
        self.keys: tuple[str, ...] = ()
        self.labels: dict[str, QLabel] = {}
        self.editors: dict[Path, FieldBox] = {}
        self.rows: list[QWidget] = []

    def sync(self, spec: dict[str, Any]) -> None:
        keys = tuple(k for k in spec if k not in self.skip)
        if keys != self.keys:
            self._rebuild(keys, spec)
        for path, editor in self.editors.items():
            value = spec.get(path[len(self.section)])
            for part in path[len(self.section) + 1 :]:
                value = value[part] if isinstance(value, (list, tuple)) and part < len(value) else None
            if value is not None:
                editor.set_value(value)  # type: ignore[attr-defined]

    def _rebuild(self, keys: tuple[str, ...], spec: dict[str, Any]) -> None:
        for widget in self.rows:
            self.layout.removeRow(widget)
        self.rows, self.labels, self.editors = [], {}, {}
        for key in keys:
            value = spec[key]
            label = QLabel()
            if isinstance(value, (list, tuple)) and len(value) == 2:
                pair = PairField()
                for index, editor in enumerate((pair.first, pair.second)):
                    self._connect(editor, (*self.section, key, index))
                self.layout.addRow(label, pair)
                self.rows.append(pair)
            else:
                editor = _editor_for(key, value, self.info(key) if self.info else None)
                self._connect(editor, (*self.section, key))
                self.layout.addRow(label, editor)
                self.rows.append(editor)
            self.labels[key] = label
        self.keys = keys
        self.retranslate()

    def _connect(self, editor: FieldBox, path: Path) -> None:
        merge = isinstance(editor, (NumberField, TextField))
        editor.edited.connect(lambda value, p=path, m=merge: self.emit(p, value, m))  # type: ignore[attr-defined]
        self.editors[path] = editor

    def retranslate(self) -> None:
        for key, label_widget in self.labels.items():
            label_widget.setText(text.label(self.table, key))
            label_widget.setToolTip(text.tip(self.table, key))
        for path, editor in self.editors.items():
            editor.setToolTip(text.tip(self.table, path[len(self.section)]))
            if isinstance(editor, ChoiceField):
                editor.relabel({v: text.label(text.CHOICE_VALUES, v) for v in text.CHOICE_VALUES})


class KindForm(QWidget):
    """A kind chooser and that kind's settings (optimizer, schedule, initializer, clipping)."""

    edited = Signal(object, object, bool)  # path, value, merge with the previous edit
    kindChosen = Signal(object, str)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        section: Path,
        kinds: Iterable[str],
        kind_table: Table,
        param_table: Table,
        kind_setting: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.section = section
        self.kind_table = kind_table
        self.kind_setting = kind_setting
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind_label = QLabel()
        self.kind = ChoiceField()
        self.kind.set_items((k, text.label(kind_table, k)) for k in kinds)
        self.kind.edited.connect(lambda kind: self.kindChosen.emit(self.section, kind))
        self.form.addRow(self.kind_label, self.kind)
        self.params = ParamRows(self.form, section, param_table, self.edited.emit)
        self.retranslate()

    def sync(self, spec: dict[str, Any]) -> None:
        self.kind.set_value(spec["kind"])
        self.kind.combo.setToolTip(self._kind_tip(spec["kind"]))
        self.params.sync(spec)

    def _kind_tip(self, kind: str) -> str:
        return f"{text.tip(text.SETTINGS, self.kind_setting)}\n\n{text.tip(self.kind_table, kind)}".strip()

    def fields(self) -> dict[Path, FieldBox]:
        return {(*self.section, "kind"): self.kind, **self.params.editors}

    def retranslate(self) -> None:
        self.kind_label.setText(text.label(text.SETTINGS, self.kind_setting))
        self.kind_label.setToolTip(text.tip(text.SETTINGS, self.kind_setting))
        self.kind.relabel({k: text.label(self.kind_table, k) for k in self.kind_table})
        self.kind.combo.setToolTip(self._kind_tip(self.kind.value()))
        for index in range(self.kind.combo.count()):
            value = self.kind.combo.itemData(index)
            self.kind.combo.setItemData(index, text.tip(self.kind_table, value), Qt.ItemDataRole.ToolTipRole)
        self.params.retranslate()


class FixedForm(QWidget):
    """Settings that are always there: ``rows`` is a list of (path, setting key, editor)."""

    edited = Signal(object, object, bool)

    def __init__(self, rows: Sequence[tuple[Path, str, FieldBox]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows = list(rows)
        self.labels: dict[Path, QLabel] = {}
        for path, _key, editor in self.rows:
            label = QLabel()
            self.labels[path] = label
            merge = isinstance(editor, (NumberField, TextField))
            editor.edited.connect(lambda value, p=path, m=merge: self.edited.emit(p, value, m))  # type: ignore[attr-defined]
            self.form.addRow(label, editor)
        self.retranslate()

    def sync(self, draft: dict[str, Any]) -> None:
        for path, _key, editor in self.rows:
            node: Any = draft
            for part in path:
                node = node[part]
            editor.set_value(node)  # type: ignore[attr-defined]

    def fields(self) -> dict[Path, FieldBox]:
        return {path: editor for path, _key, editor in self.rows}

    def retranslate(self) -> None:
        for path, key, editor in self.rows:
            self.labels[path].setText(text.label(text.SETTINGS, key))
            self.labels[path].setToolTip(text.tip(text.SETTINGS, key))
            editor.setToolTip(text.tip(text.SETTINGS, key))
            if isinstance(editor, ChoiceField):
                editor.relabel({v: text.label(text.PRECISIONS, v) for v in text.PRECISIONS})
                editor.relabel({v: text.label(text.LOSSES, v) for v in text.LOSSES})


def choice_field(values: Iterable[Any], table: Table) -> ChoiceField:
    field = ChoiceField()
    field.set_items((v, text.label(table, v)) for v in values)
    for index, value in enumerate(values if isinstance(values, (list, tuple)) else []):
        field.combo.setItemData(index, text.tip(table, value), Qt.ItemDataRole.ToolTipRole)
    return field
