"""The optimizer race: who runs (settings per optimizer), how they did (results), value per step.

* :class:`OptimizerSettings`: one racer's kind and hyperparameters (learning rate, momentum,
  betas, eps, clipping by norm), JSON-able for sessions. The rules are the engine's own
  optimizers (torch.optim's documented updates); nothing is re-implemented here.
* :func:`suggested_settings`: a learning rate that moves visibly but stays stable on a
  surface: 1/L for gradient descent and momentum, with L the largest Hessian eigenvalue
  (absolute) at the minima and the default start (gradient descent on a quadratic is
  stable for lr < 2/L; Goh 2017), and a fraction of the view's width for Adam, RMSprop and
  Adagrad, whose steps are about lr per coordinate whatever the gradient's size
  (Kingma & Ba 2015, section 2.1).
* :func:`optimal_race`: on a quadratic surface, gradient descent at its best rate and momentum
  at Goh's optimal alpha* and beta* (:mod:`gradsim.landscapes.quadratic`), Adam kept for
  comparison: the table's "Optimal settings for this quadratic" button.
* :class:`OptimizerTable` edits the racers, :class:`RaceResults` shows steps to converge,
  final value, the minimum reached and "diverged at step k", :class:`ValuePlot` draws
  f - f_min against the step on a log axis.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gradsim.engine.errors import ConfigError
from gradsim.engine.optimizers import OPTIMIZER_KINDS, optimizer_defaults
from gradsim.landscapes.endings import STALLED
from gradsim.landscapes.quadratic import QuadraticOptimum, optimal_quadratic_settings
from gradsim.landscapes.surfaces import Surface
from gradsim.landscapes.trajectories import MAX_RUNS, RunSummary, Trajectory, minima
from gradsim.ui.common import plotting as gp
from gradsim.ui.common.flow_layout import FlowLayout
from gradsim.ui.common.wording import format_number
from gradsim.ui.landscape import text as landscape_text

translate = QCoreApplication.translate

MOMENTUM_KINDS = frozenset({"sgd", "momentum", "nesterov", "rmsprop"})
BETA_KINDS = frozenset({"adam", "adamw"})
EPS_KINDS = frozenset({"adagrad", "rmsprop", "adam", "adamw"})
ADAPTIVE_KINDS = frozenset({"adagrad", "rmsprop", "adam", "adamw"})


# ============================================================================ settings
@dataclass(frozen=True)
class OptimizerSettings:
    """One racer: the engine optimizer ``kind`` and its hyperparameters; ``clip`` 0 = no clipping."""

    kind: str = "sgd"
    lr: float = 0.01
    momentum: float = 0.0
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8
    clip: float = 0.0
    colour: int = 0  # index into the Okabe-Ito series colours, kept when other rows go

    def spec(self) -> dict[str, Any]:
        """The optimizer spec for :func:`gradsim.engine.optimizers.build_optimizer`."""
        spec: dict[str, Any] = {"kind": self.kind, "lr": self.lr}
        if self.kind in MOMENTUM_KINDS:
            spec["momentum"] = self.momentum
        if self.kind in BETA_KINDS:
            spec["betas"] = [self.beta1, self.beta2]
        if self.kind in EPS_KINDS:
            spec["eps"] = self.eps
        return spec

    def clipping(self) -> dict[str, Any] | None:
        return {"kind": "norm", "max": self.clip} if self.clip > 0 else None

    def label(self) -> str:
        text = f"{self.kind} lr={self.lr:g}"
        if self.kind in MOMENTUM_KINDS and self.momentum > 0:
            text += f" μ={self.momentum:g}"
        if self.clip > 0:
            text += f" clip={self.clip:g}"
        return text

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OptimizerSettings:
        known = {key: data[key] for key in cls.__dataclass_fields__ if key in data}
        settings = cls(**known)
        if settings.kind not in OPTIMIZER_KINDS:
            raise ValueError(f"unknown optimizer kind {settings.kind!r}")
        return settings


def _round(value: float) -> float:
    """Two significant digits: a learning rate a lecturer can read aloud."""
    if not math.isfinite(value) or value <= 0:
        return 0.01
    return float(f"{value:.2g}")


def largest_curvature(surface: Surface) -> float:
    """max |Hessian eigenvalue| over the listed minima and the default start (nan if unknown)."""
    points = [(p.x, p.y) for p in surface.critical_points() if p.kind == "minimum"]
    points.append(tuple(surface.starts[0]))
    largest = math.nan
    with np.errstate(all="ignore"):
        for x, y in points:
            try:
                eigenvalues = np.linalg.eigvalsh(surface.hessian(x, y))
            except (ValueError, np.linalg.LinAlgError):
                continue
            value = float(np.max(np.abs(eigenvalues)))
            if math.isfinite(value) and (math.isnan(largest) or value > largest):
                largest = value
    return largest


def suggested_settings(kind: str, surface: Surface, colour: int = 0) -> OptimizerSettings:
    """Settings that move visibly and stay stable on ``surface`` (see the module docstring)."""
    defaults = optimizer_defaults(kind)
    width = surface.view[1] - surface.view[0]
    curvature = largest_curvature(surface)
    if kind in ("sgd", "momentum", "nesterov"):
        # Plain descent at 1.5/L: stable (< 2/L) and still zig-zags across steep directions
        # (lr L = 1 would kill the steep component in one step and hide the zig-zag).
        rate = 1.5 if kind == "sgd" else 1.0
        lr = rate / curvature if curvature > 0 else 0.01 * width
        lr = min(lr, 0.1 * width)
    else:
        lr = {"adam": 0.02, "adamw": 0.02, "rmsprop": 0.005, "adagrad": 0.1}[kind] * width
    betas = defaults.get("betas", [0.9, 0.999])
    return OptimizerSettings(
        kind=kind,
        lr=_round(lr),
        momentum=float(defaults.get("momentum", 0.0)),
        beta1=float(betas[0]),
        beta2=float(betas[1]),
        eps=float(defaults.get("eps", 1e-8)),
        colour=colour,
    )


def optimal_race(
    optimum: QuadraticOptimum, current: Sequence[OptimizerSettings], surface: Surface
) -> list[OptimizerSettings]:
    """Gradient descent at 2/(lam_min + lam_max), momentum at Goh's alpha* and beta*, and Adam.

    The race the ravine scenario shows, for any quadratic: the racer's exact values (the table
    shows them rounded), no clipping (the optimum assumes plain steps). Adam is the race's own
    Adam row when it has one (its settings and colour kept), else one suggested for ``surface``.
    """
    sgd = OptimizerSettings(kind="sgd", lr=optimum.gd_lr, momentum=0.0, colour=0)
    momentum = OptimizerSettings(kind="momentum", lr=optimum.momentum_lr, momentum=optimum.momentum, colour=1)
    adam = next((row for row in current if row.kind == "adam"), None)
    if adam is None or adam.colour in (sgd.colour, momentum.colour):
        adam = replace(adam or suggested_settings("adam", surface), colour=2)
    return [sgd, momentum, adam]


def quadratic_optimum(surface: Surface | None) -> tuple[QuadraticOptimum | None, str]:
    """(Goh's optimum, "") for a quadratic ``surface`` with a minimum, else (None, why not)."""
    if surface is None:
        return None, ""
    try:
        return optimal_quadratic_settings(surface), ""
    except ConfigError as error:
        name = landscape_text.surface_label(surface.name)
        if error.code == "not_convex":
            return None, translate(
                "OptimizerTable",
                "{surface} has no minimum (its smallest curvature is {value}): there are no "
                "optimal settings to offer.",
            ).format(surface=name, value=f"{error.params.get('value', math.nan):.3g}")
        return None, translate(
            "OptimizerTable",
            "{surface} is not a quadratic: its curvature (Hessian) changes from place to place, so "
            "no constant learning rate and momentum are optimal everywhere. Choose the ravine, "
            "Booth or a quadratic formula.",
        ).format(surface=name)


def free_colour(used: Sequence[int]) -> int:
    """The first series colour no racer uses (Okabe-Ito has 8; beyond that they repeat)."""
    for index in range(len(gp.SERIES_COLOURS)):
        if index not in used:
            return index
    return len(used) % len(gp.SERIES_COLOURS)


# ============================================================================ spin box
class SciSpinBox(QDoubleSpinBox):
    """A spin box for numbers spanning decades (lr 1e-4..10, eps 1e-12..1): shows 3 significant
    digits, steps multiply by ``factor`` instead of adding a fixed amount."""

    def __init__(
        self,
        low: float,
        high: float,
        factor: float = 1.5,
        from_zero: float = 1e-3,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._factor = factor
        self._from_zero = from_zero
        self.setDecimals(15)
        self.setRange(low, high)
        self.setKeyboardTracking(False)
        self.setAccelerated(True)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt override)
        return f"{value:.3g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):  # noqa: D102
        from PySide6.QtGui import QValidator

        stripped = text.strip().replace(",", ".")
        if stripped in ("", "-", ".", "e", "-.") or stripped.endswith(("e", "e-", "e+")):
            return QValidator.State.Intermediate, text, pos
        try:
            value = float(stripped)
        except ValueError:
            return QValidator.State.Invalid, text, pos
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802
        value = self.value()
        if value <= 0:
            if steps > 0:
                self.setValue(self._from_zero)
            return
        self.setValue(float(f"{value * self._factor**steps:.3g}"))


def _plain_spin(low: float, high: float, step: float, decimals: int) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setDecimals(decimals)
    spin.setKeyboardTracking(False)
    return spin


# ============================================================================ optimizer table
COLUMNS = ("colour", "kind", "lr", "momentum", "beta1", "beta2", "eps", "clip")


class OptimizerTable(QWidget):
    """The racers, one row each: colour, optimizer, learning rate, momentum, betas, eps, clipping.

    Emits ``changed()`` after any edit (the panel debounces the recomputation). Settings
    that an optimizer does not use are greyed out.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[OptimizerSettings] = []
        self._loading = False
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        widths = (22, 110, 78, 72, 64, 72, 74, 70)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        self.table.setMinimumHeight(64)
        self.add_combo = QComboBox()
        for kind in OPTIMIZER_KINDS:
            self.add_combo.addItem(landscape_text.optimizer_label(kind), kind)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.optimal_button = QPushButton()
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        self.optimal_button.clicked.connect(self.apply_optimal)
        self._optimum: QuadraticOptimum | None = None
        self._not_optimal = ""  # why the surface has no optimal settings
        buttons = FlowLayout(spacing=6)  # wraps below the table in a narrow dock
        adding = QHBoxLayout()
        adding.setSpacing(6)
        adding.addWidget(self.add_combo)
        adding.addWidget(self.add_button)
        buttons.addLayout(adding)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.optimal_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._surface: Surface | None = None
        self.retranslate()

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        combos = [self.table.cellWidget(r, 1) for r in range(self.table.rowCount())]
        for combo in [getattr(self, "add_combo", None), *combos]:
            if isinstance(combo, QComboBox):
                for i in range(combo.count()):
                    combo.setItemText(i, landscape_text.optimizer_label(combo.itemData(i)))
        headers = (
            "",
            translate("OptimizerTable", "Optimizer"),
            translate("OptimizerTable", "lr"),
            translate("OptimizerTable", "momentum"),
            translate("OptimizerTable", "β₁"),
            translate("OptimizerTable", "β₂"),
            translate("OptimizerTable", "ε"),
            translate("OptimizerTable", "clip ‖g‖"),
        )
        tips = (
            translate("OptimizerTable", "The colour of this optimizer's path, marker and curves."),
            translate(
                "OptimizerTable",
                "The update rule (the engine's own optimizers, as torch.optim documents them). "
                "Momentum accumulates velocity: it speeds along a ravine's floor and damps the "
                "zig-zag across it. Adam, RMSprop and Adagrad divide each coordinate by its own "
                "gradient history, so their steps hardly depend on the gradient's size.",
            ),
            translate(
                "OptimizerTable",
                "Learning rate: the step is lr × gradient for plain descent. Above 2/λmax (the "
                "steepest curvature) gradient descent overshoots more each step and diverges.",
            ),
            translate(
                "OptimizerTable",
                "Momentum μ: the velocity keeps this fraction of itself each step (0 = none). "
                "The effective step along a steady slope grows to lr/(1 − μ).",
            ),
            translate(
                "OptimizerTable",
                "β₁: how long Adam remembers the gradient's direction (its momentum).",
            ),
            translate(
                "OptimizerTable",
                "β₂: how long Adam remembers the gradient's size per coordinate (its scale).",
            ),
            translate(
                "OptimizerTable",
                "ε: added to the denominator of adaptive methods; it caps the step where the "
                "gradient history is tiny (flat regions).",
            ),
            translate(
                "OptimizerTable",
                "Clip the gradient's norm to this value before the step (0 = off). On a cliff an "
                "unclipped step is catapulted far away; clipped SGD moves at most lr × clip.",
            ),
        )
        for column, (text, tip) in enumerate(zip(headers, tips, strict=True)):
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            self.table.setHorizontalHeaderItem(column, item)
        self.table.setToolTip(
            translate(
                "OptimizerTable",
                "The optimizers in the race: all start at the same point with the same gradient "
                "noise, so their differences come from the update rules alone.",
            )
        )
        self.add_button.setText(translate("OptimizerTable", "Add"))
        self.add_button.setToolTip(
            translate("OptimizerTable", "Add an optimizer of the chosen kind to the race (up to 16).")
        )
        self.add_combo.setToolTip(translate("OptimizerTable", "The kind of optimizer Add puts in the race."))
        self.remove_button.setText(translate("OptimizerTable", "Remove"))
        self.remove_button.setToolTip(
            translate("OptimizerTable", "Remove the selected optimizer from the race.")
        )
        self.optimal_button.setText(translate("OptimizerTable", "Optimal settings for this quadratic"))
        self._update_optimal_button()
        self._tips = tips
        for index in range(self.table.rowCount()):  # rows built before a language change
            swatch = self.table.item(index, 0)
            if swatch is not None:
                swatch.setToolTip(tips[0])
            for column in range(1, len(tips)):
                widget = self.table.cellWidget(index, column)
                if widget is None:
                    continue
                widget.setToolTip(tips[column])
                if widget.property("field") == "clip":
                    widget.setSpecialValueText(translate("OptimizerTable", "off"))

    # ------------------------------------------------------------------ model
    def set_surface(self, surface: Surface) -> None:
        """The surface that new rows take suggested learning rates from (and, on a quadratic,
        the optimal settings the button offers)."""
        self._surface = surface
        self._optimum, self._not_optimal = quadratic_optimum(surface)
        self._update_optimal_button()

    def _update_optimal_button(self) -> None:
        optimum = getattr(self, "_optimum", None)
        self.optimal_button.setEnabled(optimum is not None)
        if optimum is None:
            self.optimal_button.setToolTip(
                self._not_optimal
                or translate("OptimizerTable", "Offered on a quadratic surface (such as the ravine).")
            )
            return
        self.optimal_button.setToolTip(
            translate(
                "OptimizerTable",
                "Race gradient descent at its best learning rate 2/(λmin + λmax) = {gd_lr} against "
                "momentum at Goh's optimal α* = (2/(√λmin + √λmax))² = {lr} and "
                "β* = ((√κ − 1)/(√κ + 1))² = {beta}, with Adam for comparison. Here λmin = {lam_min}, "
                "λmax = {lam_max}, κ = {kappa}: per step the error shrinks by {gd_rate} for gradient "
                "descent and by {rate} for momentum (about √κ times fewer steps). Only the racers "
                "change; the surface, the start and the steps stay.",
            ).format(
                gd_lr=f"{optimum.gd_lr:.3g}",
                lr=f"{optimum.momentum_lr:.3g}",
                beta=f"{optimum.momentum:.3g}",
                lam_min=f"{optimum.lam_min:.3g}",
                lam_max=f"{optimum.lam_max:.3g}",
                kappa=f"{optimum.kappa:.3g}",
                gd_rate=f"{optimum.gd_rate:.3g}",
                rate=f"{optimum.momentum_rate:.3g}",
            )
        )

    def optimum(self) -> QuadraticOptimum | None:
        """Goh's optimum of the current surface, None unless it is a quadratic with a minimum."""
        return self._optimum

    @Slot()
    def apply_optimal(self) -> None:
        """The race becomes :func:`optimal_race` (does nothing off a quadratic)."""
        if self._optimum is None or self._surface is None:
            return
        self.set_settings(optimal_race(self._optimum, self._rows, self._surface))

    def settings(self) -> list[OptimizerSettings]:
        return list(self._rows)

    def set_settings(self, rows: Sequence[OptimizerSettings]) -> None:
        self._rows = list(rows)[:MAX_RUNS]
        self._rebuild()
        self.changed.emit()

    def add(self, kind: str) -> None:
        if len(self._rows) >= MAX_RUNS:
            return
        colour = free_colour([row.colour for row in self._rows])
        if self._surface is not None:
            row = suggested_settings(kind, self._surface, colour)
        else:
            defaults = optimizer_defaults(kind)
            row = OptimizerSettings(kind=kind, lr=float(defaults["lr"]), colour=colour)
        self._rows.append(row)
        self._rebuild()
        self.table.selectRow(len(self._rows) - 1)
        self.changed.emit()

    def update_row(self, index: int, **changes: Any) -> None:
        self._rows[index] = replace(self._rows[index], **changes)
        self._rebuild()
        self.changed.emit()

    @Slot()
    def _on_add(self) -> None:
        self.add(self.add_combo.currentData())

    @Slot()
    def _on_remove(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._rows) and len(self._rows) > 1:
            del self._rows[row]
            self._rebuild()
            self.changed.emit()

    # ------------------------------------------------------------------ widgets
    def _rebuild(self) -> None:
        self._loading = True
        self.table.setRowCount(len(self._rows))
        for index, row in enumerate(self._rows):
            self._fill_row(index, row)
        self.remove_button.setEnabled(len(self._rows) > 1)
        self.add_button.setEnabled(len(self._rows) < MAX_RUNS)
        self._loading = False

    def _fill_row(self, index: int, row: OptimizerSettings) -> None:
        swatch = QTableWidgetItem("")
        swatch.setBackground(QBrush(QColor(gp.series_colour(row.colour))))
        swatch.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        swatch.setToolTip(self._tips[0])
        self.table.setItem(index, 0, swatch)
        kind = QComboBox()
        for name in OPTIMIZER_KINDS:
            kind.addItem(landscape_text.optimizer_label(name), name)
        kind.setCurrentIndex(OPTIMIZER_KINDS.index(row.kind))
        kind.setToolTip(self._tips[1])
        kind.currentIndexChanged.connect(self._on_kind)
        self.table.setCellWidget(index, 1, kind)
        spins = (
            ("lr", SciSpinBox(1e-6, 100.0), True),
            ("momentum", _plain_spin(0.0, 0.999, 0.05, 3), row.kind in MOMENTUM_KINDS),
            ("beta1", _plain_spin(0.0, 0.999, 0.05, 3), row.kind in BETA_KINDS),
            ("beta2", _plain_spin(0.0, 0.99999, 0.001, 5), row.kind in BETA_KINDS),
            ("eps", SciSpinBox(1e-12, 1.0, 10.0), row.kind in EPS_KINDS),
            ("clip", SciSpinBox(0.0, 1e6, 2.0, from_zero=1.0), True),
        )
        for column, (name, spin, enabled) in enumerate(spins, start=2):
            spin.setValue(getattr(row, name))
            spin.setEnabled(enabled)
            spin.setToolTip(self._tips[column])
            spin.setProperty("field", name)
            spin.setFrame(False)
            if name == "clip":
                spin.setSpecialValueText(translate("OptimizerTable", "off"))
            spin.valueChanged.connect(self._on_value)
            self.table.setCellWidget(index, column, spin)

    def _row_of(self, widget: QWidget) -> int:
        for index in range(self.table.rowCount()):
            for column in range(1, len(COLUMNS)):
                if self.table.cellWidget(index, column) is widget:
                    return index
        return -1

    @Slot(int)
    def _on_kind(self, _index: int) -> None:
        combo = self.sender()
        row = self._row_of(combo)
        if self._loading or row < 0:
            return
        kind = combo.currentData()
        old = self._rows[row]
        if self._surface is not None:
            fresh = suggested_settings(kind, self._surface, old.colour)
        else:
            fresh = OptimizerSettings(kind=kind, lr=float(optimizer_defaults(kind)["lr"]), colour=old.colour)
        # Switching kind resets the kind-specific settings, but a clip limit stays.
        QTimer.singleShot(0, lambda: self._replace(row, replace(fresh, clip=old.clip)))

    def _replace(self, row: int, settings: OptimizerSettings) -> None:
        if 0 <= row < len(self._rows):
            self._rows[row] = settings
            self._rebuild()
            self.changed.emit()

    @Slot(float)
    def _on_value(self, value: float) -> None:
        spin = self.sender()
        row = self._row_of(spin)
        if self._loading or row < 0:
            return
        field = spin.property("field")
        self._rows[row] = replace(self._rows[row], **{field: float(value)})
        self.changed.emit()


# ============================================================================ results
@dataclass(frozen=True)
class RaceOutcome:
    """One racer's result as the table shows it."""

    label: str
    colour: int
    summary: RunSummary
    stop_reason: str
    diverged_at: int | None
    clip_events: int


def outcome_text(outcome: RaceOutcome, steps: int) -> str:
    """How the run ended, in words (:mod:`gradsim.landscapes.endings` tells a run that stalled
    at a saddle from one that is still moving)."""
    if outcome.stop_reason == "diverged":
        return translate("RaceResults", "diverged at step {k} (NaN or ∞)").format(k=outcome.diverged_at)
    if outcome.stop_reason == "left_bounds":
        return translate("RaceResults", "diverged at step {k} (flew off)").format(k=outcome.diverged_at)
    if outcome.summary.steps_to_converge is not None:
        return translate("RaceResults", "converged")
    texts = {
        "minimum": translate("RaceResults", "settled in a minimum (gradient ≈ 0)"),
        "local_minimum": translate("RaceResults", "stuck in a local minimum (gradient ≈ 0)"),
        "saddle": translate("RaceResults", "stalled at a saddle point: gradient ≈ 0, not a minimum"),
        "maximum": translate("RaceResults", "stalled at a maximum: gradient ≈ 0, not a minimum"),
        "flat": translate("RaceResults", "stalled on a flat spot: gradient ≈ 0, not a minimum"),
    }
    ending = getattr(outcome.summary, "ending", "moving")
    if ending in texts:
        return texts[ending]
    return translate("RaceResults", "still moving after {n} steps").format(n=steps)


class RaceResults(QTableWidget):
    """Per racer: steps to converge, final value, which minimum, and how the run ended."""

    HEADERS = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.HEADERS, parent)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.setMinimumHeight(64)
        self._outcomes: list[RaceOutcome] = []
        self._surface: Surface | None = None
        self._steps = 0
        self.retranslate()

    def retranslate(self) -> None:
        headers = (
            translate("RaceResults", "Optimizer"),
            translate("RaceResults", "Steps to\nconverge"),
            translate("RaceResults", "Final\nvalue"),
            translate("RaceResults", "Minimum\nreached"),
            translate("RaceResults", "Clipped\nsteps"),
            translate("RaceResults", "Outcome"),
        )
        self.setHorizontalHeaderLabels(list(headers))
        self.setToolTip(
            translate(
                "RaceResults",
                "Steps to converge: the first step within 10⁻⁶ of a listed minimum's value and "
                "close to it (1% of the view's diagonal). Clipped: steps where gradient clipping "
                "fired. A run that produces NaN or ∞, or flies far outside the plot, is stopped "
                "and reported as diverged at that step.",
            )
            + " "
            + translate(
                "RaceResults",
                "Stalled: the run stopped where the gradient is ≈ 0 but the surface is not at a "
                "minimum (the Hessian has a negative or zero curvature there: a saddle point, a "
                "maximum, a flat spot); it stays there unless noise pushes it off.",
            )
        )
        if self._surface is not None:
            self.show_outcomes(self._outcomes, self._surface, self._steps)

    def outcomes(self) -> list[RaceOutcome]:
        return list(self._outcomes)

    def show_pending(self, labels: Sequence[tuple[str, int]]) -> None:
        """The race is being computed: names only."""
        self._outcomes = []
        self.setRowCount(len(labels))
        for row, (label, colour) in enumerate(labels):
            self._set(row, 0, label, colour)
            for column in range(1, self.HEADERS):
                self._set(row, column, translate("RaceResults", "computing…"))

    def show_outcomes(self, outcomes: Sequence[RaceOutcome], surface: Surface, steps: int) -> None:
        self._outcomes, self._surface, self._steps = list(outcomes), surface, steps
        known = minima(surface)
        self.setRowCount(len(outcomes))
        for row, outcome in enumerate(outcomes):
            summary = outcome.summary
            converge = "—" if summary.steps_to_converge is None else str(summary.steps_to_converge)
            if summary.reached_minimum is None:
                where = "—" if known else translate("RaceResults", "none listed")
            else:
                m = known[summary.reached_minimum]
                where = translate("RaceResults", "#{n} at ({x}, {y})").format(
                    n=summary.reached_minimum + 1, x=f"{m.x:.3g}", y=f"{m.y:.3g}"
                )
            cells = (
                outcome.label,
                converge,
                format_number(summary.final_value),
                where,
                str(outcome.clip_events),
                outcome_text(outcome, steps),
            )
            for column, text in enumerate(cells):
                self._set(row, column, text, outcome.colour if column == 0 else None)
            if outcome.stop_reason != "completed" or getattr(summary, "ending", "") in STALLED:
                self.item(row, 5).setForeground(QBrush(QColor(gp.NONFINITE_COLOUR)))

    def _set(self, row: int, column: int, text: str, colour: int | None = None) -> None:
        item = QTableWidgetItem(text)
        if colour is not None:
            item.setForeground(QBrush(QColor(gp.series_colour(colour))))
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.setItem(row, column, item)


# ============================================================================ value plot
class ValuePlot(pg.PlotWidget):
    """f - f_min against the step, log scale, one curve per racer, animated with the race.

    f_min is the surface's lowest listed minimum when it has one (so "0" means "at the
    minimum"), otherwise the lowest value any racer reached (surfaces unbounded below,
    formulas): the curves then show how far each racer is above the best of them.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        axis = gp.Log10Axis("left")
        super().__init__(parent, background=gp.background(), axisItems={"left": axis})
        gp.style_plot(self.getPlotItem())
        self.setMinimumSize(190, 150)
        self.plot_item = self.getPlotItem()
        self.plot_item.setMenuEnabled(False)
        self.axis: gp.Log10Axis = axis
        self.curves: list[pg.PlotCurveItem] = []
        self.cursor = pg.InfiniteLine(
            angle=90, movable=False, pen=gp.make_pen(gp.foreground(), 1.0, Qt.PenStyle.DotLine)
        )
        self.plot_item.addItem(self.cursor, ignoreBounds=True)
        self._logs: list[np.ndarray] = []
        self._shift_known = True
        self.floor = -16.0
        self.retranslate()

    def retranslate(self) -> None:
        y_label = (
            translate("ValuePlot", "f − f_min (log)")
            if self._shift_known
            else translate("ValuePlot", "f − lowest value reached (log)")
        )
        gp.set_plot_texts(
            self.plot_item,
            translate("ValuePlot", "Value against step"),
            translate("ValuePlot", "step"),
            y_label,
        )
        self.setToolTip(
            translate(
                "ValuePlot",
                "How far each optimizer is above the minimum, on a log scale: a straight "
                "falling line is linear convergence (a constant factor per step), and its slope "
                "is the rate. Gradient descent on a ravine falls slowly; momentum falls about "
                "√κ times faster.",
            )
        )

    def set_race(
        self, trajectories: Sequence[Trajectory], colours: Sequence[int], f_min: float | None
    ) -> None:
        values = [np.asarray(t.values, dtype=np.float64) for t in trajectories]
        self._shift_known = f_min is not None
        if f_min is None:
            finite = [v[np.isfinite(v)] for v in values]
            finite = [v for v in finite if v.size]
            f_min = float(min(v.min() for v in finite)) if finite else 0.0
        with np.errstate(all="ignore"):
            gaps = [np.maximum(v - f_min, 0.0) for v in values]
        self.floor = gp.zero_floor(*gaps, default=-16.0)
        self._logs = [gp.log_safe(g, self.floor).values for g in gaps]
        while len(self.curves) > len(values):
            self.plot_item.removeItem(self.curves.pop())
        while len(self.curves) < len(values):
            curve = pg.PlotCurveItem(connect="finite")  # redrawn every frame: the lighter item
            self.plot_item.addItem(curve)
            self.curves.append(curve)
        for curve, colour in zip(self.curves, colours, strict=True):
            curve.setPen(gp.make_pen(gp.series_colour(colour), 1.5))
        self.axis.set_log(True, zero_at=self.floor)
        steps = max((len(v) - 1 for v in values), default=1)
        lows = [np.nanmin(v) for v in self._logs if np.isfinite(v).any()]
        highs = [np.nanmax(v) for v in self._logs if np.isfinite(v).any()]
        if lows:
            self.plot_item.setYRange(min(lows), max(highs), padding=0.05)
        self.plot_item.setXRange(0, max(steps, 1), padding=0.02)
        self.retranslate()

    def show_step(self, index: int) -> None:
        for curve, logs in zip(self.curves, self._logs, strict=False):
            end = min(index + 1, len(logs))
            curve.setData(x=np.arange(end, dtype=np.float64), y=logs[:end])
        self.cursor.setValue(index)
