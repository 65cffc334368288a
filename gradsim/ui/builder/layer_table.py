"""The builder's layer table: one row per hidden layer (width, activation and its parameter,
normalization), with add / remove / duplicate / move and "apply to all".

Like the other forms it shows the draft (``sync``) and reports edits; it never changes
the layers itself. Operations go out as ``operation(name, row)`` (see
:func:`gradsim.ui.builder.model.layer_operation`), cell edits as
``edited(path, value, merge)``. Messages about a row's cells are shown on the cell
(border and tooltip) and listed under the table.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gradsim.engine.activations import ACTIVATION_NAMES, ACTIVATION_PARAMS
from gradsim.engine.normalization import NORM_KINDS
from gradsim.ui.common import config_text as text
from gradsim.ui.common.fields import ChoiceField, FieldBox, MessageLabel, NumberField

Path = tuple[Any, ...]
COLUMNS = ("width", "activation", "parameter", "norm")


translate = QCoreApplication.translate


def _t(source: str) -> str:
    return QCoreApplication.translate("BuilderPanel", source)


class _ParamCell(QWidget):
    """The activation's parameter (slope, α, σ, k) or a dash when it has none."""

    def __init__(self, activation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.activation = activation
        params = ACTIVATION_PARAMS.get(activation, {})
        self.key = next(iter(params), None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(3)
        self.name = QLabel()
        self.field: NumberField | None = None
        layout.addWidget(self.name)
        if self.key is not None:
            self.field = NumberField(integer=isinstance(params[self.key], int), inline=False)
            self.field.line_edit.setMinimumWidth(48)
            layout.addWidget(self.field, 1)
        self.retranslate()

    def retranslate(self) -> None:
        if self.key is None:
            self.name.setText("—")
            self.name.setToolTip(translate("BuilderPanel", "This activation has no parameter."))
            return
        self.name.setText(text.label(text.ACTIVATION_PARAMS, self.key))
        self.name.setToolTip(text.tip(text.ACTIVATION_PARAMS, self.key))
        assert self.field is not None
        self.field.setToolTip(text.tip(text.ACTIVATION_PARAMS, self.key))


class _Row:
    """The editors of one table row."""

    def __init__(self, table: LayerTable, row: int) -> None:
        self.table = table
        self.row = row
        self.width = NumberField(integer=True, inline=False)
        self.width.line_edit.setMinimumWidth(40)
        self.activation = ChoiceField(inline=False)
        self.activation.set_items((name, text.label(text.ACTIVATIONS, name)) for name in ACTIVATION_NAMES)
        self.norm = ChoiceField(inline=False)
        self.norm.set_items((kind, text.label(text.NORMS, kind)) for kind in NORM_KINDS)
        self.param: _ParamCell | None = None
        self.width.edited.connect(lambda v: table.cell_edited(self.row, ("width",), v, True))
        self.activation.edited.connect(lambda v: table.cell_edited(self.row, ("activation",), v, False))
        self.norm.edited.connect(lambda v: table.cell_edited(self.row, ("norm",), v, False))
        for column, editor in ((0, self.width), (1, self.activation), (3, self.norm)):
            table.table.setCellWidget(row, column, editor)
            table.watch(editor, self)

    def set_param_cell(self, activation: str) -> None:
        if self.param is not None and self.param.activation == activation:
            return
        self.param = _ParamCell(activation)
        if self.param.field is not None:
            key = self.param.key
            self.param.field.edited.connect(
                lambda v, k=key: self.table.cell_edited(self.row, ("activation_params", k), v, True)
            )
            self.table.watch(self.param.field, self)
        self.table.table.setCellWidget(self.row, 2, self.param)  # deletes the previous cell widget

    def sync(self, layer: dict[str, Any]) -> None:
        self.width.set_value(layer["width"])
        self.activation.set_value(layer["activation"])
        self.activation.setToolTip(text.tip(text.ACTIVATIONS, layer["activation"]))
        self.norm.set_value(layer["norm"])
        self.norm.setToolTip(text.tip(text.NORMS, layer["norm"]))
        self.set_param_cell(layer["activation"])
        if self.param is not None and self.param.field is not None:
            value = layer["activation_params"].get(self.param.key)
            if value is None:
                value = ACTIVATION_PARAMS[layer["activation"]][self.param.key]
            self.param.field.set_value(value)

    def fields(self) -> dict[Path, FieldBox]:
        base = ("network", "layers", self.row)
        result: dict[Path, FieldBox] = {
            (*base, "width"): self.width,
            (*base, "activation"): self.activation,
            (*base, "norm"): self.norm,
        }
        if self.param is not None and self.param.field is not None:
            result[(*base, "activation", self.param.key)] = self.param.field
            result[(*base, "activation_params", self.param.key)] = self.param.field
        return result

    def retranslate(self) -> None:
        self.activation.relabel({n: text.label(text.ACTIVATIONS, n) for n in ACTIVATION_NAMES})
        self.norm.relabel({k: text.label(text.NORMS, k) for k in NORM_KINDS})
        for index in range(self.activation.combo.count()):
            name = self.activation.combo.itemData(index)
            self.activation.combo.setItemData(
                index, text.tip(text.ACTIVATIONS, name), Qt.ItemDataRole.ToolTipRole
            )
        self.width.setToolTip(
            translate(
                "BuilderPanel",
                "Units in this layer. Narrow layers make vanishing gradients worse: with sigmoid and "
                "N(0, 1) weights each layer multiplies the gradient by about 0.094·√width.",
            )
        )
        if self.param is not None:
            self.param.retranslate()


class LayerTable(QWidget):
    """Hidden layers as table rows, with the operations around them."""

    edited = Signal(object, object, bool)
    operation = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[_Row] = []
        self._current = -1
        self._editor_rows: dict[QObject, _Row] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("layerTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, 70)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(40)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setMinimumHeight(120)
        self.table.currentCellChanged.connect(lambda row, *_: self._set_current(row))
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.setSpacing(3)
        self.buttons: dict[str, QPushButton] = {}
        for name in ("add", "remove", "duplicate", "up", "down"):
            button = QPushButton()
            button.setObjectName(f"layer_{name}")
            if name in ("up", "down"):
                button.setMaximumWidth(36)
            button.clicked.connect(lambda _=False, n=name: self.operation.emit(n, self.current_row()))
            self.buttons[name] = button
            buttons.addWidget(button)
        self.apply_button = QToolButton()
        self.apply_button.setObjectName("layer_apply_all")
        self.apply_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.apply_button)
        self.apply_actions: dict[str, QAction] = {}
        for key in ("width", "activation", "norm"):
            action = QAction(menu)
            action.triggered.connect(lambda _=False, k=key: self.apply_to_all(k))
            menu.addAction(action)
            self.apply_actions[key] = action
        self.apply_button.setMenu(menu)
        buttons.addWidget(self.apply_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = MessageLabel(self)
        self.message.setObjectName("layerMessage")
        layout.addWidget(self.message)
        self.retranslate()

    # ------------------------------------------------------------------ rows
    def watch(self, editor: QWidget, row: _Row) -> None:
        """Make the row current when one of its editors gets focus (cell widgets eat clicks)."""
        targets = [editor, getattr(editor, "editor", None), getattr(editor, "line_edit", None)]
        for target in targets:
            if target is not None:
                target.installEventFilter(self)
                self._editor_rows[target] = row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.FocusIn and watched in self._editor_rows:
            self._set_current(self._editor_rows[watched].row, select=True)
        return False

    def _set_current(self, row: int, select: bool = False) -> None:
        self._current = row
        if select and 0 <= row < self.table.rowCount() and self.table.currentRow() != row:
            self.table.blockSignals(True)
            self.table.selectRow(row)
            self.table.blockSignals(False)
        self._update_buttons()

    def current_row(self) -> int:
        if 0 <= self._current < len(self.rows):
            return self._current
        return len(self.rows) - 1

    def select_row(self, row: int) -> None:
        self._set_current(row, select=True)

    def cell_edited(self, row: int, key: Path, value: Any, merge: bool) -> None:
        self._set_current(row, select=True)
        self.edited.emit(("network", "layers", row, *key), value, merge)

    def apply_to_all(self, key: str) -> None:
        """Copy the current row's width, activation (with its parameter) or normalization."""
        self.operation.emit(f"all_{key}", self.current_row())

    def sync(self, layers: list[dict[str, Any]]) -> None:
        while len(self.rows) > len(layers):
            self.rows.pop()
            self.table.removeRow(self.table.rowCount() - 1)
        while len(self.rows) < len(layers):
            row = len(self.rows)
            self.table.insertRow(row)
            self.rows.append(_Row(self, row))
            self.rows[-1].retranslate()
        for row, layer in zip(self.rows, layers, strict=True):
            row.sync(layer)
        self._editor_rows = {k: v for k, v in self._editor_rows.items() if v in self.rows}
        visible = min(max(len(layers), 3), 8)
        header = self.table.horizontalHeader().height() or 24
        self.table.setFixedHeight(header + visible * self.table.verticalHeader().defaultSectionSize() + 6)
        self._update_buttons()

    def fields(self) -> dict[Path, FieldBox]:
        result: dict[Path, FieldBox] = {}
        for row in self.rows:
            result.update(row.fields())
        return result

    def set_messages(self, messages: list[str]) -> None:
        self.message.show_message("\n".join(messages[:6]) + ("\n…" if len(messages) > 6 else ""))

    def _update_buttons(self) -> None:
        count, row = len(self.rows), self.current_row()
        self.buttons["remove"].setEnabled(count > 0)
        self.buttons["duplicate"].setEnabled(count > 0)
        self.buttons["up"].setEnabled(row > 0)
        self.buttons["down"].setEnabled(0 <= row < count - 1)
        self.apply_button.setEnabled(count > 1)

    # ------------------------------------------------------------------ text
    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                translate("BuilderPanel", "width"),
                translate("BuilderPanel", "activation"),
                translate("BuilderPanel", "parameter"),
                translate("BuilderPanel", "normalization"),
            ]
        )
        labels = {
            "add": (
                translate("BuilderPanel", "Add"),
                translate(
                    "BuilderPanel",
                    "Add a layer after the selected one (a copy of it). Depth is what makes gradients "
                    "vanish or explode: each layer multiplies them once more.",
                ),
            ),
            "remove": (
                translate("BuilderPanel", "Remove"),
                translate("BuilderPanel", "Remove the selected layer."),
            ),
            "duplicate": (
                translate("BuilderPanel", "Duplicate"),
                translate("BuilderPanel", "Insert a copy of the selected layer after it."),
            ),
            "up": ("↑", translate("BuilderPanel", "Move the selected layer one place toward the input.")),
            "down": ("↓", translate("BuilderPanel", "Move the selected layer one place toward the output.")),
        }
        for name, (label, tooltip) in labels.items():
            self.buttons[name].setText(label)
            self.buttons[name].setToolTip(tooltip)
        self.apply_button.setText(translate("BuilderPanel", "Apply to all") + " ▾")
        self.apply_button.setToolTip(
            translate(
                "BuilderPanel", "Copy the selected layer's width, activation or normalization to every layer."
            )
        )
        self.apply_actions["width"].setText(
            translate("BuilderPanel", "Width of the selected layer to all layers")
        )
        self.apply_actions["activation"].setText(
            translate("BuilderPanel", "Activation of the selected layer to all layers")
        )
        self.apply_actions["norm"].setText(
            translate("BuilderPanel", "Normalization of the selected layer to all layers")
        )
        self.table.setToolTip(
            translate(
                "BuilderPanel",
                "The hidden layers, from the input (top) to the output (bottom). Click a row to select it.",
            )
        )
        for row in self.rows:
            row.retranslate()
