"""Choosing the surface: a built-in one with its parameters, or the user's formula.

Parameters come from the surface's ``param_specs`` (default, allowed interval, help), so a
new surface in :mod:`gradsim.landscapes.surfaces` gets its form for free. A formula is
parsed by the landscape lab's safe parser (:mod:`gradsim.landscapes.formula`); when it is
refused, the message appears under the field, in the user's language, with the formula
repeated and the offending token (at its column) highlighted, and the token is selected
in the field, so the user sees *where* as well as *what*.
"""

from __future__ import annotations

import html
import math
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gradsim.engine.errors import ConfigError
from gradsim.landscapes.formula import DEFAULT_FORMULA, make_formula_surface
from gradsim.landscapes.surfaces import ParamSpec, Surface, make_surface, surface_info, surface_names
from gradsim.ui.common.fields import ERROR_COLOUR, MessageLabel, mark_invalid
from gradsim.ui.common.wheel_guard import guard_wheel
from gradsim.ui.common.wording import error_message
from gradsim.ui.landscape import text as landscape_text
from gradsim.ui.landscape.race import SciSpinBox

translate = QCoreApplication.translate

FORMULA = "formula"
FORMULA_DELAY_MS = 350
SPIN_LIMIT = 1e9
_SPEC_CACHE: dict[str, dict[str, ParamSpec]] = {}


def _spin_for(spec: ParamSpec) -> QDoubleSpinBox:
    low = max(spec.low, -SPIN_LIMIT) if math.isfinite(spec.low) else -SPIN_LIMIT
    high = min(spec.high, SPIN_LIMIT) if math.isfinite(spec.high) else SPIN_LIMIT
    if low >= 0 and high / max(low, 1e-12) >= 1e3:
        spin: QDoubleSpinBox = SciSpinBox(low, high, 1.5, from_zero=1.0)
    else:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(4)
        spin.setSingleStep(0.1 if high - low <= 20 else 1.0)
        spin.setKeyboardTracking(False)
    spin.setValue(spec.default)
    guard_wheel(spin)
    return spin


class SurfaceForm(QWidget):
    """Surface choice, parameters, formula, colour scale, reset view and the 3-D switch.

    ``surfaceChanged()`` fires when another surface is chosen, ``paramsChanged()`` when a
    parameter or the formula changes (the panel rebuilds the surface with
    :meth:`build_surface`); an invalid formula or parameter shows its error at the field.
    """

    surfaceChanged = Signal()  # noqa: N815 - another surface was chosen
    paramsChanged = Signal()  # noqa: N815 - a parameter or the formula of the same surface changed
    scaleChanged = Signal(str)  # noqa: N815
    resetViewRequested = Signal()  # noqa: N815
    threeDToggled = Signal(int)  # noqa: N815 - 1 on, 0 off (no bool signals: DESIGN.md section 3)

    def __init__(self, opengl_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = surface_names()
        self._spins: dict[str, QDoubleSpinBox] = {}
        self._loading = False
        self.combo = QComboBox()
        for name in self._names:
            self.combo.addItem(name, name)
        self.combo.addItem(FORMULA, FORMULA)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.params_form = QFormLayout()
        self.params_form.setContentsMargins(0, 0, 0, 0)
        self.param_message = MessageLabel()
        self.formula_label = QLabel()
        self.formula_edit = QLineEdit(DEFAULT_FORMULA)
        self.formula_error = MessageLabel()
        self.formula_where = QLabel()
        self.formula_where.setTextFormat(Qt.TextFormat.RichText)
        self.formula_where.setWordWrap(True)
        self.formula_where.hide()
        self.scale_label = QLabel()
        self.scale_combo = QComboBox()
        for mode in ("auto", "log", "linear"):
            self.scale_combo.addItem("", mode)
        self.reset_view_button = QPushButton()
        self.three_d_check = QCheckBox()
        self.three_d_check.setEnabled(opengl_available)
        self._opengl = opengl_available
        self._formula_timer = QTimer(self)
        self._formula_timer.setSingleShot(True)
        self._formula_timer.setInterval(FORMULA_DELAY_MS)
        self._formula_timer.timeout.connect(self._on_formula_settled)
        self._build_layout()
        guard_wheel(self.combo, self.scale_combo)
        self.combo.currentIndexChanged.connect(self._on_surface_chosen)
        self.formula_edit.textEdited.connect(self._formula_timer.start)
        self.formula_edit.returnPressed.connect(self._on_formula_settled)
        self.scale_combo.currentIndexChanged.connect(self._on_scale)
        self.reset_view_button.clicked.connect(self.resetViewRequested)
        self.three_d_check.toggled.connect(self._on_three_d)
        self.retranslate()
        self.set_surface_name("ravine")

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.description)
        layout.addLayout(self.params_form)
        layout.addWidget(self.param_message)
        layout.addWidget(self.formula_label)
        layout.addWidget(self.formula_edit)
        layout.addWidget(self.formula_error)
        layout.addWidget(self.formula_where)
        row = QHBoxLayout()
        row.addWidget(self.scale_label)
        row.addWidget(self.scale_combo, 1)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_view_button)
        buttons.addWidget(self.three_d_check)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        for i in range(self.combo.count()):
            self.combo.setItemText(i, landscape_text.surface_label(self.combo.itemData(i)))
        for name, spin in self._spins.items():
            label = self.params_form.labelForField(spin)
            if label is not None:
                label.setText(landscape_text.param_label(name))
        self.combo.setToolTip(
            translate(
                "SurfaceForm",
                "The loss surface the optimizers race on. Saddle, cliff, ravine and plateau each "
                "show one reason why training deep networks is hard; the classic test functions "
                "follow; 'formula' lets you type your own. Choosing a surface moves the start to its "
                "default and gives every optimizer a learning rate that suits it.",
            )
        )
        self.formula_label.setText(translate("SurfaceForm", "f(x, y) ="))
        self.formula_edit.setToolTip(
            translate(
                "SurfaceForm",
                "Your own surface, e.g. x**2 + 10*y**2 or sin(x)*cos(y). Allowed: x, y, numbers, pi, "
                "e, + - * / ** %, and sin cos tan exp log log1p sqrt abs tanh sinh cosh arctan "
                "arcsin arccos sigmoid hypot minimum maximum. Derivatives are exact (symbolic).",
            )
        )
        self.formula_edit.setPlaceholderText(translate("SurfaceForm", "an expression in x and y"))
        self.scale_label.setText(translate("SurfaceForm", "Colours:"))
        texts = (
            translate("SurfaceForm", "auto"),
            translate("SurfaceForm", "log of f − min"),
            translate("SurfaceForm", "linear"),
        )
        for index, text in enumerate(texts):
            self.scale_combo.setItemText(index, text)
        self.scale_combo.setToolTip(
            translate(
                "SurfaceForm",
                "Log colours show log(f − min over the view + ε): the shape of a deep narrow valley "
                "stays visible where linear colours would paint it all one shade. Auto picks log "
                "when the values span a large range.",
            )
        )
        self.reset_view_button.setText(translate("SurfaceForm", "Reset view"))
        self.reset_view_button.setToolTip(
            translate("SurfaceForm", "Back to the surface's own window (after zooming or panning).")
        )
        self.three_d_check.setText(translate("SurfaceForm", "3D"))
        self.three_d_check.setToolTip(
            translate("SurfaceForm", "Show the surface as a 3-D mesh with the paths on it (needs OpenGL).")
            if self._opengl
            else translate(
                "SurfaceForm",
                "The 3-D view needs OpenGL (PyOpenGL), which is not available here; the 2-D map "
                "shows the same surface.",
            )
        )
        self._describe()
        for name, spin in self._spins.items():
            self._tip_param(name, spin)

    def _describe(self) -> None:
        name = self.surface_name()
        title, description, _ = surface_info(name)
        self.description.setText(
            f"{landscape_text.surface_text(title)}. {landscape_text.surface_text(description)}"
        )

    def _tip_param(self, name: str, spin: QDoubleSpinBox) -> None:
        spec = self._specs().get(name)
        if spec is None:
            return
        spin.setToolTip(
            translate("SurfaceForm", "{help}; allowed {interval}.").format(
                help=landscape_text.surface_text(spec.help), interval=spec.interval()
            )
        )

    # ------------------------------------------------------------------ model
    def surface_name(self) -> str:
        return self.combo.currentData() or "ravine"

    def is_formula(self) -> bool:
        return self.surface_name() == FORMULA

    def _specs(self) -> dict[str, ParamSpec]:
        name = self.surface_name()
        if name == FORMULA:
            return {}
        if name not in _SPEC_CACHE:
            _SPEC_CACHE[name] = dict(type(make_surface(name)).param_specs)
        return _SPEC_CACHE[name]

    def params(self) -> dict[str, Any]:
        if self.is_formula():
            return {"formula": self.formula_edit.text()}
        return {name: float(spin.value()) for name, spin in self._spins.items()}

    def set_surface_name(self, name: str, params: dict[str, Any] | None = None) -> None:
        index = self.combo.findData(name)
        if index < 0:
            raise ValueError(f"unknown surface {name!r}")
        self._loading = True
        self.combo.setCurrentIndex(index)
        self._rebuild_params(params or {})
        self._loading = False

    def build_surface(self) -> Surface | None:
        """The surface the form describes, or None with the error shown at its field."""
        if self.is_formula():
            return self._build_formula()
        try:
            surface = make_surface(self.surface_name(), **self.params())
        except ConfigError as error:
            self._show_param_error(error)
            return None
        self._show_param_error(None)
        return surface

    def _build_formula(self) -> Surface | None:
        text = self.formula_edit.text()
        try:
            surface = make_formula_surface(text)
        except ConfigError as error:
            self.show_formula_error(error, text)
            return None
        self.show_formula_error(None, text)
        return surface

    # ------------------------------------------------------------------ errors at the field
    def show_formula_error(self, error: ConfigError | None, text: str) -> None:
        mark_invalid(self.formula_edit, error is not None)
        if error is None:
            self.formula_error.setText("")
            self.formula_error.hide()
            self.formula_where.hide()
            self.formula_where.setText("")
            return
        message = error_message(error)
        prefix = f"{error.params.get('field', '')}: "
        if message.startswith(prefix):
            message = message[len(prefix) :]
        self.formula_error.setText("⚠ " + message)
        self.formula_error.show()
        column = error.params.get("column")
        if isinstance(column, int) and column >= 1:
            token = str(error.params.get("token") or "")
            start = min(column - 1, len(text))
            length = max(len(token), 1)
            self.formula_where.setText(_highlight(text, start, length))
            self.formula_where.show()
            self.formula_edit.setSelection(start, length)
        else:
            self.formula_where.hide()

    def _show_param_error(self, error: ConfigError | None) -> None:
        for spin in self._spins.values():
            mark_invalid(spin, False)
        if error is None:
            self.param_message.setText("")
            self.param_message.hide()
            return
        field = str(error.params.get("field", ""))
        name = field.split(".")[-1]
        if name in self._spins:
            mark_invalid(self._spins[name], True)
        self.param_message.setText("⚠ " + error_message(error))
        self.param_message.show()

    # ------------------------------------------------------------------ reacting
    def _rebuild_params(self, params: dict[str, Any]) -> None:
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self._spins = {}
        formula = self.is_formula()
        for widget in (self.formula_label, self.formula_edit):
            widget.setVisible(formula)
        if formula:
            if "formula" in params:
                self.formula_edit.setText(str(params["formula"]))
        else:
            self.formula_error.hide()
            self.formula_where.hide()
            for name, spec in self._specs().items():
                spin = _spin_for(spec)
                if name in params:
                    spin.setValue(float(params[name]))
                self._tip_param(name, spin)
                spin.valueChanged.connect(self._on_param)
                self._spins[name] = spin
                self.params_form.addRow(landscape_text.param_label(name), spin)
        self.param_message.hide()
        self._describe()

    @Slot(int)
    def _on_surface_chosen(self, _index: int) -> None:
        if self._loading:
            return
        self._rebuild_params({})
        self.surfaceChanged.emit()

    @Slot(float)
    def _on_param(self, _value: float) -> None:
        if not self._loading:
            self.paramsChanged.emit()

    @Slot()
    def _on_formula_settled(self) -> None:
        self._formula_timer.stop()
        if self.is_formula():
            self.paramsChanged.emit()

    @Slot(int)
    def _on_scale(self, _index: int) -> None:
        self.scaleChanged.emit(self.scale_mode())

    def scale_mode(self) -> str:
        return self.scale_combo.currentData() or "auto"

    def set_scale_mode(self, mode: str) -> None:
        index = self.scale_combo.findData(mode)
        if index >= 0:
            self.scale_combo.setCurrentIndex(index)

    @Slot(bool)
    def _on_three_d(self, checked: bool) -> None:
        self.threeDToggled.emit(1 if checked else 0)


def _highlight(text: str, start: int, length: int) -> str:
    """The formula in monospace with ``text[start:start + length]`` marked, and a caret line."""
    before, token, after = text[:start], text[start : start + length], text[start + length :]
    marked = html.escape(token) if token else "&nbsp;"
    style = f"background:{ERROR_COLOUR};color:#FFFFFF;"
    caret = "&nbsp;" * start + "^"
    return (
        "<pre style='margin:0'>"
        f"{html.escape(before)}<span style='{style}'>{marked}</span>{html.escape(after)}\n"
        f"<span style='color:{ERROR_COLOUR}'>{caret}</span></pre>"
    )
