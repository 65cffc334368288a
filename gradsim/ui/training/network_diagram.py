"""The network as a picture: layers as columns of units, weights as edges.

* Edges are coloured by the weight's sign and drawn thicker for larger |w| (as in
  TensorFlow Playground); a toggle colours them by the gradient's magnitude instead, on
  a log scale spanning six decades below the largest gradient, so gradients fading
  toward the input show as edges fading toward the left.
* A layer wider than :data:`MAX_UNITS` is collapsed: its first and last three units and
  a "⋮ n" marker between them, with the layer's weight and gradient norms under it.
* Click a unit or an edge to read its weight and gradient; double-click an edge to edit
  its weight, which emits ``weightEdited(name, row, col, value)`` (the main window
  applies it to the trainer, undoably), to show what one bad weight does.
* Networks whose snapshot carries no matrices (more than 50k parameters) are drawn as
  one box per layer with its statistics.

Weights are ``(fan_in, fan_out)`` matrices named ``layers.{i}.W`` and ``out.W``: the
edge from unit j of one column to unit u of the next is ``W[j, u]`` (maxout layers have
k pieces per unit; their edges show piece 0, column ``u * k``). The scene is rebuilt
only when the architecture changes; a new snapshot only changes pens and texts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QMouseEvent, QPainter, QPen, QTransform
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gradsim.ui.common.config_text import ACTIVATIONS, label  # noqa: E402
from gradsim.ui.common.redraw import kept, same_inputs

MAX_UNITS = 16  # wider layers are collapsed
TEXT_LINES = {2: (3, 2), 1: (2, 1), 0: (1, 0)}  # lines of text above / below the units, per detail
SHOWN_WHEN_COLLAPSED = 3  # units shown at each end of a collapsed layer
COLUMN_SPACING = 120.0
UNIT_SPACING = 28.0
UNIT_RADIUS = 9.0
MIN_SCALE = 0.02  # the picture shrinks to fit any view down to this zoom
WIDTH_LEVELS = 8
COLOUR_LEVELS = 16
GRADIENT_DECADES = 6.0
POSITIVE = "#0072B2"  # Okabe-Ito blue
NEGATIVE = "#D55E00"  # Okabe-Ito vermillion
HIGHLIGHT = "#CC79A7"


translate = QCoreApplication.translate


def _t(source: str) -> str:
    return QCoreApplication.translate("NetworkDiagram", source)


def visible_units(width: int) -> list[int | None]:
    """Unit indices drawn for a layer of ``width`` units; None marks the collapsed gap."""
    if width <= MAX_UNITS:
        return list(range(width))
    k = SHOWN_WHEN_COLLAPSED
    return [*range(k), None, *range(width - k, width)]


def _format(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    if value == 0:
        return "0"
    if 1e-3 <= abs(value) < 1e4:
        return f"{value:.4g}"
    return f"{value:.3e}"


@dataclass
class Column:
    """One column of units: the input, a hidden layer, or the output."""

    title: str
    width: int
    units: list[int | None]
    x: float
    ys: dict[int, float]  # unit index -> y
    marker_y: float | None
    activation: str = ""
    short: str = ""


@dataclass
class EdgeGroup:
    """The drawn edges of one weight matrix."""

    name: str
    rows: np.ndarray
    cols: np.ndarray
    src_units: np.ndarray
    dst_units: np.ndarray
    items: list[QGraphicsLineItem]
    segments: np.ndarray  # (n, 4): x0, y0, x1, y1


class _View(QGraphicsView):
    """Forwards clicks (scene coordinates) to the diagram and keeps the picture fitted."""

    def __init__(self, diagram: NetworkDiagram) -> None:
        super().__init__(diagram.scene)
        self.diagram = diagram
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setMouseTracking(False)
        for policy in (self.setHorizontalScrollBarPolicy, self.setVerticalScrollBarPolicy):
            policy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # fit() scales the picture to the view

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        if event.button() == Qt.MouseButton.LeftButton:
            self.diagram.click_at(self.mapToScene(event.position().toPoint()), self._tolerance())
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        if event.button() == Qt.MouseButton.LeftButton:
            self.diagram.click_at(self.mapToScene(event.position().toPoint()), self._tolerance(), edit=True)
        super().mouseDoubleClickEvent(event)

    def _tolerance(self) -> float:
        scale = self.transform().m11() or 1.0
        return 6.0 / scale

    def resizeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self.diagram.fit()


class NetworkDiagram(QWidget):
    """Units and weighted edges of the current network; see the module docstring."""

    weightEdited = Signal(str, int, int, float)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkDiagram")
        self.scene = QGraphicsScene(self)
        self.view = _View(self)
        self.gradient_toggle = QCheckBox()
        self.gradient_toggle.setObjectName("gradientToggle")
        self.gradient_toggle.toggled.connect(self._on_toggle)
        self.legend = QLabel()
        self.legend.setObjectName("diagramLegend")
        self.info = QLabel()
        self.info.setObjectName("diagramInfo")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setMinimumHeight(36)
        self.weight_label = QLabel()
        self.weight_spin = QDoubleSpinBox()
        self.weight_spin.setObjectName("weightSpin")
        self.weight_spin.setRange(-1e6, 1e6)
        self.weight_spin.setDecimals(6)
        self.weight_spin.setSingleStep(0.1)
        self.weight_spin.setKeyboardTracking(False)
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("applyWeight")
        self.apply_button.clicked.connect(self.apply_weight)
        self.weight_spin.editingFinished.connect(self._on_spin_finished)

        self.legend.setWordWrap(True)  # wraps in a narrow dock instead of widening the panel
        self.legend.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(self.gradient_toggle)
        top.addWidget(self.legend, 1)
        editor = QHBoxLayout()
        editor.addWidget(self.weight_label)
        editor.addWidget(self.weight_spin)
        editor.addWidget(self.apply_button)
        editor.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.info)
        layout.addLayout(editor)

        self.columns: list[Column] = []
        self.groups: list[EdgeGroup] = []
        self.unit_items: list[tuple[int, int, QGraphicsEllipseItem]] = []  # (column, unit, item)
        self.column_texts: list[QGraphicsSimpleTextItem] = []
        self.stat_texts: list[QGraphicsSimpleTextItem] = []
        self.summary_boxes: list[QGraphicsRectItem] = []
        self._signature: Any = None
        self._core: QRectF | None = None
        self._detail = 2
        self._title_every = 1  # every n-th column titled (see fit)
        self._title_spacing = COLUMN_SPACING
        self._snapshot: Any = None
        #: the matrices (or summary statistics) last drawn; None = draw on the next frame
        self._drawn: tuple | None = None
        self._pen_cache: dict[Any, QPen] = {}
        #: every drawn edge in group order, and the style level its pen shows (-1: none yet)
        self._edge_items: list[QGraphicsLineItem] = []
        self._edge_levels = np.zeros(0, dtype=np.int64)
        self._selection: tuple[str, Any] | None = None
        self._highlight: QGraphicsLineItem | QGraphicsEllipseItem | None = None
        self._placeholder = self.scene.addSimpleText("")
        self._set_editor_enabled(False)
        self.retranslate()

    # ================================================================== public
    def show_snapshot(self, snapshot: Any) -> None:
        """Draw ``snapshot``; rebuild the scene only when the architecture changed.

        Pens and texts are only touched when the weights or gradients changed (a snapshot
        drawn again, or an equal copy of it, costs a comparison of the matrices).
        """
        self._snapshot = snapshot
        signature = self._architecture(snapshot)
        inputs = (snapshot.weights, snapshot.grads, None if snapshot.weights else snapshot.stats)
        if signature == self._signature and same_inputs(self._drawn, inputs):
            return
        if signature != self._signature:
            self._build(snapshot, signature)
            self._signature = signature
        self._drawn = kept(inputs)
        self._update_styles()
        self._update_stats()
        self._refresh_info()

    def colour_by_gradient(self) -> bool:
        return self.gradient_toggle.isChecked()

    def set_colour_by_gradient(self, on: bool) -> None:
        self.gradient_toggle.setChecked(on)

    def unit_count(self) -> int:
        return len(self.unit_items)

    def edge_count(self) -> int:
        return sum(len(g.items) for g in self.groups)

    def collapsed_columns(self) -> list[int]:
        return [i for i, c in enumerate(self.columns) if None in c.units]

    def edges(self) -> list[tuple[str, int, int, QGraphicsLineItem]]:
        """Every drawn edge as (matrix name, row, col, item)."""
        return [
            (g.name, int(r), int(c), item)
            for g in self.groups
            for r, c, item in zip(g.rows, g.cols, g.items, strict=True)
        ]

    def info_text(self) -> str:
        return self.info.text()

    def selection(self) -> tuple[str, Any] | None:
        return self._selection

    # ================================================================== architecture
    @staticmethod
    def _architecture(snapshot: Any) -> tuple:
        weights = snapshot.weights
        widths = tuple(int(w) for w in snapshot.layer_widths)
        if not weights:
            return ("summary", widths, tuple(snapshot.activations))
        shapes = tuple(tuple(weights[name].shape) for name in _matrix_names(snapshot))
        return ("full", widths, tuple(snapshot.activations), shapes)

    def _build(self, snapshot: Any, signature: tuple) -> None:
        self.scene.clear()
        self._placeholder = None
        self._core = None
        self.columns, self.groups, self.unit_items = [], [], []
        self.column_texts, self.stat_texts, self.summary_boxes = [], [], []
        self._edge_items = []
        self._edge_levels = np.zeros(0, dtype=np.int64)
        self._highlight = None
        self._selection = None
        self._set_editor_enabled(False)
        self.info.setText(
            translate(
                "NetworkDiagram",
                "Click a unit or an edge to see its weight and gradient; double-click an edge to edit it.",
            )
        )
        if signature[0] == "summary":
            self._build_summary(snapshot)
        else:
            self._build_full(snapshot)
        self.fit()

    def _column_specs(self, snapshot: Any) -> list[tuple[str, int, str]]:
        names = _matrix_names(snapshot)
        weights = snapshot.weights
        input_dim = int(weights[names[0]].shape[0]) if weights else _input_dim(snapshot)
        output_dim = int(weights["out.W"].shape[1]) if weights else 0
        specs = [(translate("NetworkDiagram", "input"), input_dim, "")]
        for i, (width, act) in enumerate(zip(snapshot.layer_widths, snapshot.activations, strict=True)):
            specs.append(
                (
                    translate("NetworkDiagram", "layer {n}").format(n=i + 1),
                    int(width),
                    label(ACTIVATIONS, str(act)),
                )
            )
        if weights:
            specs.append((translate("NetworkDiagram", "output"), output_dim, ""))
        return specs

    def _build_full(self, snapshot: Any) -> None:
        specs = self._column_specs(snapshot)
        tallest = max(len(visible_units(w)) for _, w, _ in specs)
        unit_pen = QPen(QColor("#555555"), 1.2)
        unit_pen.setCosmetic(True)
        for index, (title, width, act) in enumerate(specs):
            units = visible_units(width)
            x = index * COLUMN_SPACING
            top = (tallest - len(units)) * UNIT_SPACING / 2
            ys: dict[int, float] = {}
            marker_y = None
            for slot, unit in enumerate(units):
                y = top + slot * UNIT_SPACING
                if unit is None:
                    marker_y = y
                else:
                    ys[unit] = y
            self.columns.append(
                Column(title, width, units, x, ys, marker_y, act, _short_title(index, len(specs)))
            )
        for index, name in enumerate(_matrix_names(snapshot)):
            self._add_edges(snapshot, name, self.columns[index], self.columns[index + 1])
        for index, column in enumerate(self.columns):
            for unit, y in column.ys.items():
                item = self.scene.addEllipse(
                    QRectF(column.x - UNIT_RADIUS, y - UNIT_RADIUS, 2 * UNIT_RADIUS, 2 * UNIT_RADIUS),
                    unit_pen,
                    QBrush(self._unit_fill()),
                )
                item.setZValue(2)
                self.unit_items.append((index, unit, item))
            if column.marker_y is not None:
                marker = self._screen_text((column.x, column.marker_y), "middle")
                self._set_screen_text(marker, f"⋮ {column.width}")
            self._add_column_texts(column, 0.0, (tallest - 1) * UNIT_SPACING)
        self._core = QRectF(
            -COLUMN_SPACING / 2,
            -UNIT_RADIUS,
            len(specs) * COLUMN_SPACING,
            (tallest - 1) * UNIT_SPACING + 2 * UNIT_RADIUS,
        )

    def _add_edges(self, snapshot: Any, name: str, source: Column, target: Column) -> None:
        matrix = snapshot.weights[name]
        pieces = max(1, matrix.shape[1] // max(target.width, 1))
        pairs = [(j, u) for j in source.ys for u in target.ys]
        rows = np.array([j for j, _ in pairs], dtype=np.int64)
        cols = np.array([u * pieces for _, u in pairs], dtype=np.int64)
        segments = np.array(
            [(source.x, source.ys[j], target.x, target.ys[u]) for j, u in pairs], dtype=np.float64
        ).reshape(-1, 4)
        items = []
        for x0, y0, x1, y1 in segments:
            item = QGraphicsLineItem(QLineF(x0 + UNIT_RADIUS, y0, x1 - UNIT_RADIUS, y1))
            item.setZValue(1)
            self.scene.addItem(item)
            items.append(item)
        group = EdgeGroup(
            name,
            rows,
            cols,
            np.array([j for j, _ in pairs], dtype=np.int64),
            np.array([u for _, u in pairs], dtype=np.int64),
            items,
            segments,
        )
        self.groups.append(group)
        self._edge_items.extend(items)
        self._edge_levels = np.concatenate([self._edge_levels, np.full(len(items), -1, dtype=np.int64)])

    def _add_column_texts(self, column: Column, top: float, bottom: float) -> None:
        """Title above the column, the norms of its incoming weights below (screen-sized text)."""
        title = self._screen_text((column.x, top - UNIT_RADIUS - 4), "bottom")
        self.column_texts.append(title)
        stat = self._screen_text((column.x - COLUMN_SPACING / 2, bottom + UNIT_RADIUS + 4), "top")
        self.stat_texts.append(stat)

    def _screen_text(self, anchor: tuple[float, float], align: str) -> QGraphicsSimpleTextItem:
        """Text that keeps its size on screen however far the picture is zoomed out."""
        item = self.scene.addSimpleText("")
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        item.setBrush(QBrush(self._text_colour()))
        item.setPos(*anchor)
        item.setData(0, align)
        item.setZValue(3)
        return item

    @staticmethod
    def _set_screen_text(item: QGraphicsSimpleTextItem, text: str) -> None:
        if item.text() == text and item.data(1) is not None:
            return
        item.setText(text)
        item.setData(1, True)
        rect = item.boundingRect()
        dy = (
            -rect.height()
            if item.data(0) == "bottom"
            else (-rect.height() / 2 if item.data(0) == "middle" else 0)
        )
        item.setTransform(QTransform.fromTranslate(-rect.width() / 2, dy))

    def _titled(self, index: int) -> bool:
        """Whether column ``index`` shows its title at the current zoom (see :meth:`fit`)."""
        last = len(self.columns) - 1
        if self._title_every == 1 or index in (0, 1, last):
            return True
        return index % self._title_every == 0 and (last - index) * self._title_spacing >= 28

    def _title_text(self, column: Column) -> str:
        if self._detail >= 2:
            return "\n".join(part for part in (column.title, column.activation, str(column.width)) if part)
        if self._detail == 1:
            return f"{column.short}\n{column.width}"
        return column.short

    def _build_summary(self, snapshot: Any) -> None:
        specs = self._column_specs(snapshot)
        height = 6 * UNIT_SPACING
        for index, (title, width, act) in enumerate(specs):
            x = index * COLUMN_SPACING
            column = Column(title, width, [], x, {}, None, act, _short_title(index, len(specs) + 1))
            self.columns.append(column)
            box = self.scene.addRect(
                QRectF(x - 22, 0, 44, height), QPen(QColor("#555555")), QBrush(self._unit_fill())
            )
            self.summary_boxes.append(box)
            self._add_column_texts(column, UNIT_RADIUS, height - UNIT_RADIUS)
        self._core = QRectF(-COLUMN_SPACING / 2, 0, len(specs) * COLUMN_SPACING, height)
        self.info.setText(
            translate(
                "NetworkDiagram",
                "Large network: the snapshot carries no weight matrices (over 50,000 parameters), so "
                "each layer is one box with its weight and gradient norms.",
            )
        )

    # ================================================================== styling
    def _text_colour(self) -> QColor:
        return self.palette().text().color()

    def _unit_fill(self) -> QColor:
        return self.palette().base().color()

    def _dark(self) -> bool:
        return self.palette().window().color().lightness() < 110

    def _pen(self, key: tuple) -> QPen:
        pen = self._pen_cache.get(key)
        if pen is None:
            mode, colour_level, width_level = key
            width = 0.4 + 3.2 * width_level / (WIDTH_LEVELS - 1)
            if mode == "weight":
                colour = QColor(POSITIVE if colour_level > 0 else NEGATIVE)
                colour.setAlpha(int(70 + 185 * width_level / (WIDTH_LEVELS - 1)))
            else:
                t = colour_level / (COLOUR_LEVELS - 1)
                cmap = pg.colormap.get("cividis")
                colour = cmap.map(t if self._dark() else 1.0 - t, mode="qcolor")
                colour.setAlpha(int(60 + 195 * t))
            pen = QPen(colour, width)
            pen.setCosmetic(True)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            self._pen_cache[key] = pen
        return pen

    def _edge_values(self, matrices: dict[str, np.ndarray]) -> list[np.ndarray | None]:
        """The drawn edges' entries of each group's matrix (None where the snapshot has none)."""
        values: list[np.ndarray | None] = []
        for group in self.groups:
            matrix = matrices.get(group.name)
            values.append(None if matrix is None else np.asarray(matrix, np.float64)[group.rows, group.cols])
        return values

    def _gradient_scale(self, grads: list[np.ndarray | None] | None = None) -> tuple[float, float]:
        """(top, bottom) of the log10 |gradient| colour scale over every drawn edge."""
        logs = []
        for values in self._edge_values(self._snapshot.grads) if grads is None else grads:
            if values is not None:
                values = np.abs(values)
                values = values[np.isfinite(values) & (values > 0)]
                if values.size:
                    logs.append(np.log10(values.max()))
        top = max(logs) if logs else 0.0
        return top, top - GRADIENT_DECADES

    def _update_styles(self) -> None:
        if self.summary_boxes:
            self.legend.setText(
                translate("NetworkDiagram", "box colour: ‖∂L/∂W‖ of the layer, log scale (pale = small)")
                if self.colour_by_gradient()
                else ""
            )
            return
        if not self.groups or self._snapshot is None:
            self._update_legend(None)
            return
        # every edge of every matrix in one vector: a few numpy calls a frame, not a few per matrix
        gradient = self.colour_by_gradient()
        if gradient:
            grads = self._edge_values(self._snapshot.grads)
            top, bottom = self._gradient_scale(grads)
            values = np.concatenate(
                [np.zeros(len(g.rows)) if v is None else v for g, v in zip(self.groups, grads, strict=True)]
            )
            with np.errstate(divide="ignore", invalid="ignore"):
                logs = np.log10(np.abs(values))
            t = np.clip((np.nan_to_num(logs, nan=bottom, neginf=bottom) - bottom) / GRADIENT_DECADES, 0, 1)
            colour = np.rint(t * (COLOUR_LEVELS - 1)).astype(np.int64)
            width = np.rint(t * (WIDTH_LEVELS - 1)).astype(np.int64)
            new = 1000 + colour * WIDTH_LEVELS + width
        else:
            weights = self._edge_values(self._snapshot.weights)
            scale = self._weight_scale(weights)
            values = np.concatenate(weights)
            magnitude = np.clip(np.nan_to_num(np.abs(values) / scale, nan=1.0), 0, 1)
            width = np.rint(np.sqrt(magnitude) * (WIDTH_LEVELS - 1)).astype(np.int64)
            sign = np.where(values >= 0, 1, 0)
            new = sign * WIDTH_LEVELS + width
        levels = self._edge_levels
        for index in np.flatnonzero(new != levels):  # pens only where the style level changed
            level = int(new[index])
            if level >= 1000:
                key = ("gradient", (level - 1000) // WIDTH_LEVELS, (level - 1000) % WIDTH_LEVELS)
            else:
                key = ("weight", 1 if level >= WIDTH_LEVELS else -1, level % WIDTH_LEVELS)
            self._edge_items[index].setPen(self._pen(key))
        levels[:] = new
        self._update_legend((top, bottom) if gradient else scale)

    def _weight_scale(self, weights: list[np.ndarray | None] | None = None) -> float:
        largest = 0.0
        for values in self._edge_values(self._snapshot.weights) if weights is None else weights:
            if values is None:
                continue
            values = np.abs(values)
            values = values[np.isfinite(values)]
            if values.size:
                largest = max(largest, _percentile(values, 98.0))
        return largest or 1.0

    def _update_legend(self, scale: Any) -> None:
        if scale is None:
            self.legend.setText("")
        elif self.colour_by_gradient():
            top, bottom = scale
            self.legend.setText(
                translate(
                    "NetworkDiagram", "|∂L/∂w|: pale = 1e{low:.0f} or less, dark = 1e{high:.0f}"
                ).format(low=bottom, high=top)
                if not self._dark()
                else translate(
                    "NetworkDiagram", "|∂L/∂w|: dark = 1e{low:.0f} or less, bright = 1e{high:.0f}"
                ).format(low=bottom, high=top)
            )
        else:
            self.legend.setText(
                translate(
                    "NetworkDiagram", "blue: w > 0, vermillion: w < 0; thickness ∝ |w| (full at {scale})"
                ).format(scale=_format(scale))
            )

    def _update_stats(self) -> None:
        snapshot = self._snapshot
        if snapshot is None or not self.stat_texts:
            return
        if self.groups:
            norms = [(math.nan, math.nan)]
            for group in self.groups:
                w = np.asarray(snapshot.weights[group.name], np.float64)
                g = snapshot.grads.get(group.name)
                norms.append(
                    (float(np.linalg.norm(w)), float(np.linalg.norm(g)) if g is not None else math.nan)
                )
        else:
            grad = snapshot.stat("grad_norm_w")
            weight = snapshot.stat("weight_norm")
            norms = [(math.nan, math.nan)] + [
                (float(weight[i]), float(grad[i])) for i in range(snapshot.depth)
            ]
            self._colour_summary(grad)
        for index, (item, (w_norm, g_norm)) in enumerate(zip(self.stat_texts, norms, strict=False)):
            if index == 0 or self._detail == 0:
                text = ""
            elif self._detail == 1:
                text = f"∇ {g_norm:.1e}"
            else:
                text = f"‖W‖ {_format(w_norm)}\n‖∇W‖ {_format(g_norm)}"
            self._set_screen_text(item, text)

    def _colour_summary(self, grad: np.ndarray) -> None:
        if not self.colour_by_gradient():
            for box in self.summary_boxes:
                box.setBrush(QBrush(self._unit_fill()))
            return
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = np.log10(np.abs(np.asarray(grad, np.float64)))
        finite = logs[np.isfinite(logs)]
        top = float(finite.max()) if finite.size else 0.0
        cmap = pg.colormap.get("cividis")
        for i, box in enumerate(self.summary_boxes[1 : len(logs) + 1]):
            value = logs[i] if math.isfinite(logs[i]) else top - GRADIENT_DECADES
            t = min(max((value - top + GRADIENT_DECADES) / GRADIENT_DECADES, 0.0), 1.0)
            box.setBrush(QBrush(cmap.map(t if self._dark() else 1.0 - t, mode="qcolor")))

    # ================================================================== clicks
    def fit(self) -> None:
        """Scale the picture to the view, leaving screen room for the texts; pick their detail.

        Columns closer than ~100 px get shorter titles and one-line norms, closer than ~55 px
        only their number, closer than ~28 px the number of every 2nd, 5th or 10th column
        (1, "in" and "out" always). The whole picture always fits (30 layers at 1280x720):
        below ``MIN_SCALE`` (a view a few pixels high) it stops shrinking.
        """
        if self._core is None:
            return
        viewport = self.view.viewport().size()
        width, height = max(viewport.width() - 12, 50), max(viewport.height() - 12, 50)
        for detail, least_spacing in ((2, 100.0), (1, 55.0), (0, 0.0)):  # the most text that fits
            top, bottom = self._text_room(detail)
            scale = min(width / self._core.width(), max(height - top - bottom, 10) / self._core.height())
            scale = min(max(scale, MIN_SCALE), 1.5)
            spacing = COLUMN_SPACING * scale
            if spacing >= least_spacing:
                break
        self._detail = detail  # its room and its scale agree (two passes could leave them apart)
        self._title_every = next((n for n in (1, 2, 5, 10) if n * spacing >= 28), 20)
        self._title_spacing = spacing
        top, bottom = self._text_room(self._detail)
        rect = self._core.adjusted(0, -top / scale, 0, bottom / scale)
        self.scene.setSceneRect(rect)
        self.view.resetTransform()
        self.view.scale(scale, scale)
        self.view.centerOn(rect.center())
        for index, (column, item) in enumerate(zip(self.columns, self.column_texts, strict=False)):
            self._set_screen_text(item, self._title_text(column) if self._titled(index) else "")
        self._update_stats()

    def _text_room(self, detail: int) -> tuple[float, float]:
        """Screen pixels above and below the units for the titles and norms at ``detail``, in
        lines of the current font (the projector's 150% and 200% text made fixed pixels too few)."""
        line = QFontMetricsF(self.font()).lineSpacing()
        above, below = TEXT_LINES[detail]
        return above * line + UNIT_RADIUS + 6, (below * line + UNIT_RADIUS + 6) if below else 6.0

    def click_at(self, point: QPointF, tolerance: float = 6.0, edit: bool = False) -> None:
        """Select the unit or edge at ``point`` (scene coordinates); ``edit`` focuses the editor."""
        hit = self._hit(point, tolerance)
        if hit is None:
            return
        if hit[0] == "unit":
            self.select_unit(*hit[1])
        else:
            self.select_edge(*hit[1])
            if edit:
                self.weight_spin.setFocus()
                self.weight_spin.selectAll()

    def _hit(self, point: QPointF, tolerance: float) -> tuple[str, tuple] | None:
        x, y = point.x(), point.y()
        for column_index, unit, item in self.unit_items:
            center = item.rect().center()
            if math.hypot(center.x() - x, center.y() - y) <= UNIT_RADIUS + tolerance / 2:
                return "unit", (column_index, unit)
        best: tuple[float, int, int] | None = None
        for group_index, group in enumerate(self.groups):
            if not len(group.segments):
                continue
            distance = _segment_distance(group.segments, x, y)
            index = int(np.argmin(distance))
            if distance[index] <= tolerance and (best is None or distance[index] < best[0]):
                best = (float(distance[index]), group_index, index)
        if best is None:
            return None
        return "edge", (best[1], best[2])

    def select_edge(self, group_index: int, edge_index: int) -> None:
        group = self.groups[group_index]
        self._selection = ("edge", (group_index, edge_index))
        x0, y0, x1, y1 = group.segments[edge_index]
        self._set_highlight(QGraphicsLineItem(QLineF(x0, y0, x1, y1)))
        self._set_editor_enabled(True)
        self._refresh_info(set_editor=True)

    def select_unit(self, column_index: int, unit: int) -> None:
        self._selection = ("unit", (column_index, unit))
        column = self.columns[column_index]
        y = column.ys[unit]
        r = UNIT_RADIUS + 3
        self._set_highlight(QGraphicsEllipseItem(QRectF(column.x - r, y - r, 2 * r, 2 * r)))
        self._set_editor_enabled(False)
        self._refresh_info()

    def _set_highlight(self, item: QGraphicsLineItem | QGraphicsEllipseItem) -> None:
        if self._highlight is not None:
            self.scene.removeItem(self._highlight)
        pen = QPen(QColor(HIGHLIGHT), 3.0)
        pen.setCosmetic(True)
        item.setPen(pen)
        item.setZValue(4)
        self.scene.addItem(item)
        self._highlight = item

    def _refresh_info(self, set_editor: bool = False) -> None:
        if self._selection is None or self._snapshot is None:
            return
        kind, where = self._selection
        if kind == "edge":
            group_index, edge_index = where
            group = self.groups[group_index]
            row, col = int(group.rows[edge_index]), int(group.cols[edge_index])
            weight = float(self._snapshot.weights[group.name][row, col])
            grads = self._snapshot.grads.get(group.name)
            grad = float(grads[row, col]) if grads is not None else math.nan
            source, target = self.columns[group_index], self.columns[group_index + 1]
            self.info.setText(
                translate(
                    "NetworkDiagram",
                    "{name}[{row}, {col}]: {source} unit {j} → {target} unit {u}\n"
                    "weight w = {w}   gradient ∂L/∂w = {g}",
                ).format(
                    name=group.name,
                    row=row,
                    col=col,
                    source=source.title,
                    j=int(group.src_units[edge_index]) + 1,
                    target=target.title,
                    u=int(group.dst_units[edge_index]) + 1,
                    w=_format(weight),
                    g=_format(grad),
                )
            )
            if set_editor and math.isfinite(weight):
                self.weight_spin.setValue(weight)
        else:
            column_index, unit = where
            self.info.setText(self._unit_text(column_index, unit))

    def _unit_text(self, column_index: int, unit: int) -> str:
        column = self.columns[column_index]
        if column_index == 0:
            return translate(
                "NetworkDiagram", "{column} unit {u}: an input feature (no incoming weights)"
            ).format(column=column.title, u=unit + 1)
        group = self.groups[column_index - 1]
        weights = np.asarray(self._snapshot.weights[group.name], np.float64)
        pieces = max(1, weights.shape[1] // max(column.width, 1))
        cols = slice(unit * pieces, (unit + 1) * pieces)
        grads = self._snapshot.grads.get(group.name)
        g_norm = (
            float(np.linalg.norm(np.asarray(grads, np.float64)[:, cols])) if grads is not None else math.nan
        )
        activation = f" ({column.activation})" if column.activation else ""
        return translate(
            "NetworkDiagram",
            "{column} unit {u}{act}: incoming weights ‖w‖ = {w}, their gradient ‖∂L/∂w‖ = {g}",
        ).format(
            column=column.title,
            u=unit + 1,
            act=activation,
            w=_format(float(np.linalg.norm(weights[:, cols]))),
            g=_format(g_norm),
        )

    # ================================================================== editing
    def _set_editor_enabled(self, enabled: bool) -> None:
        self.weight_spin.setEnabled(enabled)
        self.apply_button.setEnabled(enabled)

    def _on_spin_finished(self) -> None:
        if self.weight_spin.hasFocus():
            self.apply_weight()

    def apply_weight(self) -> None:
        """Emit ``weightEdited`` for the selected edge with the editor's value."""
        if self._selection is None or self._selection[0] != "edge":
            return
        group_index, edge_index = self._selection[1]
        group = self.groups[group_index]
        row, col = int(group.rows[edge_index]), int(group.cols[edge_index])
        value = float(self.weight_spin.value())
        current = float(self._snapshot.weights[group.name][row, col])
        if value != current:
            self.weightEdited.emit(group.name, row, col, value)

    # ================================================================== misc
    def _on_toggle(self, _on: bool) -> None:
        self._update_styles()
        self._update_stats()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_pen_cache"):
            self._pen_cache.clear()
            self._signature = None
            if self._snapshot is not None:
                self.show_snapshot(self._snapshot)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "column_texts"):
            # the texts follow the scene's font (the projector's 150%): centre them again and
            # leave them room in lines of the new font
            for item in (*self.column_texts, *self.stat_texts):
                item.setData(1, None)
            self.fit()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.gradient_toggle.setText(translate("NetworkDiagram", "Colour edges by gradient magnitude"))
        self.gradient_toggle.setToolTip(
            translate(
                "NetworkDiagram",
                "Colour every edge by |∂L/∂w| on a log scale instead of by the weight. In a deep sigmoid "
                "net the edges fade toward the input: the gradient vanishes on its way back.",
            )
        )
        self.view.setToolTip(
            translate(
                "NetworkDiagram",
                "Columns are layers, circles units, lines weights (blue positive, vermillion negative, "
                "thicker = larger). Wide layers show their first and last units around a ⋮ marker. "
                "Under each column: the norms of the weights entering it, ‖W‖, and of their gradient, "
                "‖∇W‖ (∇ when space is short).",
            )
        )
        self.weight_label.setText(translate("NetworkDiagram", "weight:"))
        self.weight_spin.setToolTip(
            translate(
                "NetworkDiagram",
                "The selected edge's weight. Set one weight very large to see what a single bad weight does.",
            )
        )
        self.apply_button.setText(translate("NetworkDiagram", "Set weight"))
        self.apply_button.setToolTip(
            translate("NetworkDiagram", "Write this value into the network (undo with Ctrl+Z).")
        )
        self.info.setToolTip(
            translate("NetworkDiagram", "The selected unit or edge; values follow training.")
        )
        if self._placeholder is not None:
            self._placeholder.setText(
                translate("NetworkDiagram", "The network appears here once a run starts.")
            )
            self._placeholder.setBrush(QBrush(self._text_colour()))
        if self._snapshot is not None:
            self._signature = None
            self.show_snapshot(self._snapshot)
        self._update_legend(None if not self.groups else self._legend_scale())

    def _legend_scale(self) -> Any:
        if self._snapshot is None:
            return None
        return self._gradient_scale() if self.colour_by_gradient() else self._weight_scale()


def _short_title(index: int, count: int) -> str:
    """Column label when space is short: "in", the layer number, "out"."""
    if index == 0:
        return translate("NetworkDiagram", "in")
    if index == count - 1:
        return translate("NetworkDiagram", "out")
    return str(index)


def _percentile(values: np.ndarray, q: float) -> float:
    """``np.percentile(values, q)`` (linear method) for a small 1-D array without its overhead.

    np.percentile costs ~80 us a call in argument handling; this sorts the few drawn edges
    of one matrix and interpolates as numpy does.
    """
    ordered = np.sort(values)
    position = (len(ordered) - 1) * (q / 100.0)
    below = int(math.floor(position))
    above = min(below + 1, len(ordered) - 1)
    low, high = float(ordered[below]), float(ordered[above])
    t = position - below
    return high - (high - low) * (1.0 - t) if t >= 0.5 else low + (high - low) * t


def _matrix_names(snapshot: Any) -> list[str]:
    return [f"layers.{i}.W" for i in range(snapshot.depth)] + ["out.W"]


def _input_dim(snapshot: Any) -> int:
    x = snapshot.data.get("x") if snapshot.data else None
    return int(x.shape[1]) if x is not None else 0


def _segment_distance(segments: np.ndarray, x: float, y: float) -> np.ndarray:
    """Distance from (x, y) to every segment (rows x0, y0, x1, y1)."""
    p0 = segments[:, :2]
    d = segments[:, 2:] - p0
    length2 = np.einsum("ij,ij->i", d, d)
    point = np.array([x, y])
    t = np.clip(np.einsum("ij,ij->i", point - p0, d) / np.where(length2 > 0, length2, 1.0), 0.0, 1.0)
    nearest = p0 + d * t[:, None]
    return np.hypot(nearest[:, 0] - x, nearest[:, 1] - y)
