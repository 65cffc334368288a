"""Drawing a loss surface: filled heatmap, contour lines, colour bar, and the race on top.

* :class:`HeatmapPlot`: an ``ImageItem`` heatmap with contour lines from ``contourpy``
  drawn as one ``PlotDataItem(connect="finite")`` (pyqtgraph's IsocurveItem costs ~130 ms
  for 8 levels here; contourpy ~1.5 ms, DESIGN.md section 3) and a colour bar. Where the
  values span a large range the colours are log-scaled as log10(f - min over the view +
  eps), eps = 1e-4 of the range, so surfaces that go negative work and a ravine's floor
  is not one flat colour. Used for analytic surfaces and network slices alike.
* :class:`SurfaceView` adds what a race needs: a click sets the start point, a draggable
  start marker, pan/zoom recomputes the grid for the new window (debounced), the
  surface's critical points, and a :class:`RaceLayer`.
* :class:`RaceLayer`: trails and a marker per optimizer, and the overlays: the downhill
  direction -grad f, the velocity (momentum buffer, or Adam's first moment), the
  per-coordinate effective step (dx and dy of the next update), clipping events, and an
  arrow at the edge of the view where a path leaves it ("diverged at step k").

Every item is updated with ``setData`` (never cleared and re-plotted) and added with
``ignoreBounds`` so a path that flies off never rescales the view.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from contourpy import contour_generator
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGraphicsItem, QWidget

from gradsim.landscapes.surfaces import Surface
from gradsim.landscapes.trajectories import Trajectory
from gradsim.ui.common import plotting as gp
from gradsim.ui.landscape import text as landscape_text

translate = QCoreApplication.translate

SCALE_MODES = ("auto", "log", "linear")
LOG_EPS_FRACTION = 1e-4  # eps of log(f - min + eps), as a fraction of the view's range
CONTOUR_LEVELS = 14
GRID_POINTS = 200  # along the longer side of the view
SURFACE_MAP = "cividis"
WASH = 0.45  # blend of the colour map with the background: trails and markers stand out
REGRID_DELAY_MS = 120
BAR_WIDTH = 68  # px: the colour bar at the usual text size (it grows with larger text)
REVEAL_MARGIN = 0.1  # a start outside the window widens it this much (share of the new span) beyond it


def surface_table(n: int = 256) -> np.ndarray:
    """The heatmap's RGBA table: cividis washed towards the background (neutral, so every
    Okabe-Ito trail colour stands out on it)."""
    table = gp.colour_table(SURFACE_MAP, n).astype(np.float64)
    back = gp.rgba(gp.background()).astype(np.float64)
    table[:, :3] = (1 - WASH) * table[:, :3] + WASH * back[:3]
    table[:, 3] = 255
    return table.astype(np.uint8)


@dataclass(frozen=True)
class ColourScale:
    """How values become colours: ``values`` are what the colour map spans (log10 of
    f - shift + eps in log mode, f itself in linear mode)."""

    log: bool
    shift: float  # min over the view (log mode)
    eps: float
    low: float
    high: float

    def transform(self, z: np.ndarray) -> np.ndarray:
        z = np.asarray(z, dtype=np.float64)
        if not self.log:
            return z
        with np.errstate(all="ignore"):
            return np.log10(np.maximum(z - self.shift, 0.0) + self.eps)


def colour_scale(z: np.ndarray, mode: str = "auto") -> ColourScale:
    """Choose log or linear colours for the grid ``z`` (NaN and inf ignored).

    Auto picks log when the range is more than 3 times the median's height above the
    minimum: most of the view would otherwise be one colour (bowls, ravines, walls).
    """
    finite = z[np.isfinite(z)]
    if finite.size == 0:
        return ColourScale(False, 0.0, 1.0, 0.0, 1.0)
    low, high = float(finite.min()), float(finite.max())
    span = high - low
    if span <= 0 or not math.isfinite(span):
        return ColourScale(False, low, 1.0, low - 0.5, low + 0.5)
    log = mode == "log" or (mode == "auto" and span > 3.0 * (float(np.median(finite)) - low))
    if not log:
        return ColourScale(False, low, 1.0, low, high)
    eps = LOG_EPS_FRACTION * span
    return ColourScale(True, low, eps, math.log10(eps), math.log10(span + eps))


def contour_lines(
    xs: np.ndarray, ys: np.ndarray, c: np.ndarray, levels: Sequence[float]
) -> tuple[np.ndarray, np.ndarray]:
    """All contour lines of ``c`` at ``levels``, NaN-separated, for one PlotDataItem."""
    z = np.ma.masked_invalid(c)
    generator = contour_generator(xs, ys, z, line_type="ChunkCombinedNan")
    parts: list[np.ndarray] = []
    for level in levels:
        for chunk in generator.lines(level)[0]:
            if chunk is not None and len(chunk):
                parts.append(chunk)
                parts.append(np.full((1, 2), np.nan))
    if not parts:
        return np.zeros(0), np.zeros(0)
    points = np.concatenate(parts)
    return points[:, 0], points[:, 1]


class HeatmapPlot(pg.GraphicsLayoutWidget):
    """A heatmap with contour lines and a colour bar (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None, lock_aspect: bool = True) -> None:
        super().__init__(parent)
        self.setBackground(gp.background())
        self.setMinimumSize(200, 150)  # and what its texts need: the dock's plotting.keep_scene_inside
        self.compact_title = False  # see set_compact_title
        self.plot: pg.PlotItem = self.addPlot(row=0, col=0)
        self.bar: pg.PlotItem = self.addPlot(row=0, col=1, axisItems={"right": gp.Log10Axis("right")})
        gp.style_plot(self.plot)
        gp.style_plot(self.bar)
        self.plot.setMenuEnabled(False)
        self.plot.setAspectLocked(lock_aspect)
        self.ci.layout.setColumnStretchFactor(0, 10)
        self.ci.setSpacing(2)
        self.view_box: pg.ViewBox = self.plot.getViewBox()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-20)
        # The heatmap and the contours change only with the grid, but the race on top
        # repaints the view every frame: cache both as pixmaps (redrawn on pan/zoom only).
        self.image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.plot.addItem(self.image, ignoreBounds=True)
        self.contours = pg.PlotDataItem(connect="finite", pen=gp.make_pen(_contour_colour(), 0.8))
        self.contours.setZValue(-10)
        self.contours.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.plot.addItem(self.contours, ignoreBounds=True)
        self._table = surface_table()
        self.scale = ColourScale(False, 0.0, 1.0, 0.0, 1.0)
        self.grid: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self.value_label = "f"  # what the colours show, in the colour bar's title (set translated)
        self._build_bar()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "bar"):
            self._fit_bar_width()
            self.texts_changed()

    def texts_changed(self) -> None:
        """Say that a title or a label changed: the scene may need another size, and the
        panel's scroll area then grows the view to it (``plotting.keep_scene_inside``, run on
        the layout request). Without it a splitter kept the heatmap of a network slice at the
        width of its title before the slice (260 px), and the 327 px its Russian PCA title,
        axes and colour bar need ran out of the view (seen in one CI-mode run in seven)."""
        self.updateGeometry()

    def _fit_bar_width(self) -> None:
        """68 px for the colour strip, its ticks and its title at the usual text size; more with
        the projector's 150% or 200% text, whose ticks and title overflowed a fixed 68 px."""
        height = QFontMetrics(self.font()).height()
        self.bar.setFixedWidth(max(BAR_WIDTH, round(3.6 * height)))

    def _build_bar(self) -> None:
        bar = self.bar
        bar.hideAxis("left")
        bar.hideAxis("bottom")
        bar.showAxis("right")
        bar.setMouseEnabled(x=False, y=False)
        bar.setMenuEnabled(False)
        self._fit_bar_width()
        self.bar_image = pg.ImageItem(axisOrder="row-major")
        bar.addItem(self.bar_image)
        self.bar_axis: gp.Log10Axis = bar.getAxis("right")

    def show_grid(self, xs: np.ndarray, ys: np.ndarray, z: np.ndarray, mode: str = "auto") -> None:
        """Draw ``z[i, j] = f(xs[j], ys[i])``."""
        self.grid = (xs, ys, z)
        self.scale = scale = colour_scale(z, mode)
        values = scale.transform(z)
        colours = gp.map_to_rgba(values, scale.low, scale.high, self._table)
        self.image.setImage(colours, autoLevels=False)
        dx = (xs[-1] - xs[0]) / max(len(xs) - 1, 1)
        dy = (ys[-1] - ys[0]) / max(len(ys) - 1, 1)
        self.image.setRect(QRectF(xs[0] - dx / 2, ys[0] - dy / 2, dx * len(xs), dy * len(ys)))
        levels = np.linspace(scale.low, scale.high, CONTOUR_LEVELS + 2)[1:-1]
        cx, cy = contour_lines(xs, ys, values, levels)
        self.contours.setData(cx, cy)
        self._draw_bar()

    def _draw_bar(self) -> None:
        scale = self.scale
        ramp = np.linspace(scale.low, scale.high, 256).reshape(-1, 1)
        self.bar_image.setImage(gp.map_to_rgba(ramp, scale.low, scale.high, self._table), autoLevels=False)
        self.bar_image.setRect(QRectF(0, scale.low, 1, scale.high - scale.low))
        self.bar_axis.set_log(scale.log)
        self.bar.setYRange(scale.low, scale.high, padding=0)
        self.bar.setXRange(0, 1, padding=0)
        if scale.log:
            text = translate("HeatmapPlot", "{name} − min in view").format(name=self.value_label)
        else:
            text = self.value_label
        self.bar.setLabel("right", text, color=gp.foreground())
        self.texts_changed()

    def set_view(self, view: tuple[float, float, float, float]) -> None:
        xmin, xmax, ymin, ymax = view
        self.view_box.setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0)

    def visible_view(self) -> tuple[float, float, float, float]:
        (xmin, xmax), (ymin, ymax) = self.view_box.viewRange()
        return float(xmin), float(xmax), float(ymin), float(ymax)


def _contour_colour() -> str:
    return "#FFFFFF" if gp.is_dark() else "#3A3A3A"


# ============================================================================ geometry helpers
def exit_point(
    inside: np.ndarray, direction: np.ndarray, view: tuple[float, float, float, float]
) -> np.ndarray:
    """Where the ray from ``inside`` along ``direction`` crosses the border of ``view``."""
    xmin, xmax, ymin, ymax = view
    ts = []
    for axis, (low, high) in enumerate(((xmin, xmax), (ymin, ymax))):
        d = direction[axis]
        if d > 0:
            ts.append((high - inside[axis]) / d)
        elif d < 0:
            ts.append((low - inside[axis]) / d)
    t = min((t for t in ts if t >= 0), default=0.0)
    return inside + t * direction


def arrow_pairs(
    tails: np.ndarray, tips: np.ndarray, pixel: tuple[float, float], head_px: float = 8.0
) -> np.ndarray:
    """Segments (shaft and two barbs per arrow) as consecutive point pairs for connect="pairs".

    The barbs are built in pixels (``pixel`` = data units per pixel along x and y) so they
    keep their size and shape at any zoom and aspect ratio.
    """
    tails, tips = np.atleast_2d(tails), np.atleast_2d(tips)
    keep = np.all(np.isfinite(tails), axis=1) & np.all(np.isfinite(tips), axis=1)
    tails, tips = tails[keep], tips[keep]
    n = len(tails)
    if n == 0:
        return np.zeros((0, 2))
    scale = np.array(pixel, dtype=np.float64)
    d = (tips - tails) / scale
    length = np.hypot(d[:, 0], d[:, 1])
    length[length == 0] = 1.0
    unit = d / length[:, None]
    head = np.minimum(head_px, 0.6 * length)[:, None]
    out = np.empty((n, 6, 2))
    out[:, 0], out[:, 1] = tails, tips
    for k, angle in enumerate((math.radians(25), -math.radians(25))):
        c, s = math.cos(angle), math.sin(angle)
        back = -np.stack([c * unit[:, 0] - s * unit[:, 1], s * unit[:, 0] + c * unit[:, 1]], axis=1)
        out[:, 2 + 2 * k] = tips
        out[:, 3 + 2 * k] = tips + back * head * scale
    return out.reshape(-1, 2)


def display_positions(positions: np.ndarray, steps_taken: int, bound: float) -> np.ndarray:
    """The path as drawn: the point where a run stopped (inf, NaN or far away) is pulled
    back along its last segment to the box |x|, |y| <= ``bound``, so the line still shows
    where it went without handing Qt astronomically large coordinates."""
    shown = np.array(positions, dtype=np.float64, copy=True)
    last = steps_taken
    if last <= 0 or last >= len(shown):
        return shown
    prev, point = shown[last - 1], shown[last]
    if np.all(np.isfinite(point)) and np.max(np.abs(point)) <= bound:
        return shown
    direction = point - prev
    if not np.all(np.isfinite(direction)) or not np.any(direction):
        direction = prev - shown[last - 2] if last >= 2 else np.array([1.0, 0.0])
        direction = np.where(np.isfinite(direction), direction, np.sign(direction))
        direction = np.nan_to_num(direction, nan=0.0)
    if not np.any(direction):
        shown[last] = prev
        return shown
    box = (-bound, bound, -bound, bound)
    shown[last] = exit_point(prev, direction, box)
    return shown


def nice_factor(value: float) -> float:
    """The 1-2-5 number (..., 0.1, 0.2, 0.5, 1, 2, 5, 10, ...) at or below ``value``."""
    if not math.isfinite(value) or value <= 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    for mantissa in (5, 2, 1):
        if mantissa * 10.0**exponent <= value * (1 + 1e-9):
            return float(f"{mantissa * 10.0**exponent:.12g}")
    return float(f"{10.0**exponent:.12g}")


# ============================================================================ race layer
@dataclass
class _Run:
    positions: np.ndarray  # display positions
    last: int  # steps_taken
    stopped: bool
    velocity: np.ndarray | None
    updates: np.ndarray
    clip_steps: np.ndarray  # step indices t (0-based) where clipping fired
    colour: str


OVERLAYS = ("gradient", "velocity", "step", "clipping")


class RaceLayer:
    """The race drawn on a surface plot: trails, markers and the overlays (module docstring)."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.runs: list[_Run] = []
        # PlotCurveItem, not PlotDataItem: ~20 items change every frame, and PlotDataItem's
        # dataset machinery cost ~0.25 ms per setData here (measured).
        self.trails: list[pg.PlotCurveItem] = []
        self.velocity_items: list[pg.PlotCurveItem] = []
        self.step_items: list[pg.PlotCurveItem] = []
        self.clip_items: list[pg.ScatterPlotItem] = []
        self.edge_items: list[pg.PlotCurveItem] = []
        self.edge_labels: list[pg.TextItem] = []
        self.markers = pg.ScatterPlotItem(size=11, pxMode=True)
        self.markers.setZValue(30)
        plot.addItem(self.markers, ignoreBounds=True)
        self.gradient_item = pg.PlotCurveItem(connect="pairs", pen=gp.make_pen(gp.foreground(), 1.5))
        self.gradient_item.setZValue(25)
        plot.addItem(self.gradient_item, ignoreBounds=True)
        self.surface: Surface | None = None
        self.gradient_range = (1e-3, 1.0)  # |grad f| drawn shortest / longest (log mapping)
        self.step_magnification = 1.0  # the per-coordinate steps are drawn this many times longer
        self.index = 0
        self.overlays: set[str] = {"clipping"}
        self.edge_visible: list[bool] = []  # per run, for tests
        self.current: np.ndarray = np.zeros((0, 2))  # the markers' positions

    # ------------------------------------------------------------------ setup
    def set_race(
        self, surface: Surface, trajectories: Sequence[Trajectory], colours: Sequence[int], bound: float
    ) -> None:
        self.surface = surface
        runs = []
        for trajectory, colour in zip(trajectories, colours, strict=True):
            state = trajectory.state
            velocity = state.get("velocity", state.get("exp_avg"))
            runs.append(
                _Run(
                    positions=display_positions(trajectory.positions, trajectory.steps_taken, bound),
                    last=trajectory.steps_taken,
                    stopped=trajectory.stop_reason != "completed",
                    velocity=None if velocity is None else np.asarray(velocity),
                    updates=np.asarray(trajectory.updates),
                    clip_steps=np.flatnonzero(np.asarray(trajectory.clipped)),
                    colour=gp.series_colour(colour),
                )
            )
        self.runs = runs
        self._ensure_items(len(runs))

    def _ensure_items(self, n: int) -> None:
        def make_line(style: Qt.PenStyle, width: float, z: float) -> pg.PlotCurveItem:
            item = pg.PlotCurveItem(connect="pairs", pen=gp.make_pen("#000000", width, style))
            item.setZValue(z)
            self.plot.addItem(item, ignoreBounds=True)
            return item

        while len(self.trails) < n:
            trail = pg.PlotCurveItem(connect="finite")
            trail.setZValue(10)
            self.plot.addItem(trail, ignoreBounds=True)
            self.trails.append(trail)
            self.velocity_items.append(make_line(Qt.PenStyle.DashLine, 1.5, 24))
            self.step_items.append(make_line(Qt.PenStyle.SolidLine, 1.0, 23))
            clips = pg.ScatterPlotItem(symbol="x", size=10, pxMode=True)
            clips.setZValue(20)
            self.plot.addItem(clips, ignoreBounds=True)
            self.clip_items.append(clips)
            self.edge_items.append(make_line(Qt.PenStyle.SolidLine, 2.5, 40))
            label = pg.TextItem(anchor=(0.5, 0.5))
            label.setZValue(41)
            self.plot.addItem(label, ignoreBounds=True)
            self.edge_labels.append(label)
        while len(self.trails) > n:
            for items in (
                self.trails,
                self.velocity_items,
                self.step_items,
                self.clip_items,
                self.edge_items,
                self.edge_labels,
            ):
                self.plot.removeItem(items.pop())
        for k, run in enumerate(self.runs):
            self.trails[k].setPen(gp.make_pen(run.colour, 2.0))
            self.velocity_items[k].setPen(gp.make_pen(run.colour, 1.5, Qt.PenStyle.DashLine))
            self.step_items[k].setPen(gp.make_pen(run.colour, 1.2))
            self.clip_items[k].setPen(gp.make_pen("#000000", 1.0))
            self.clip_items[k].setBrush(pg.mkBrush(run.colour))
            self.edge_items[k].setPen(gp.make_pen(run.colour, 2.5))
        brushes = [pg.mkBrush(run.colour) for run in self.runs]
        self._brushes = brushes
        self.markers.setPen(gp.make_pen(gp.foreground(), 1.0))
        self.edge_visible = [False] * n

    # ------------------------------------------------------------------ drawing
    def max_index(self) -> int:
        return max((len(run.positions) - 1 for run in self.runs), default=0)

    def show_step(
        self, index: int, view: tuple[float, float, float, float], pixel: tuple[float, float]
    ) -> None:
        """Draw every run as it is after ``index`` steps."""
        self.index = index
        points = np.full((len(self.runs), 2), np.nan)
        for k, run in enumerate(self.runs):
            i = min(index, run.last)
            path = run.positions[: i + 1]
            self.trails[k].setData(x=path[:, 0], y=path[:, 1])
            points[k] = run.positions[i]
            self._draw_clips(k, run, i)
            self._draw_edge(k, run, i, view, pixel)
        self.current = points
        inside = _inside(points, view)
        self.markers.setData(
            pos=points[inside], brush=[b for b, keep in zip(self._brushes, inside, strict=True) if keep]
        )
        self._draw_arrows(index, points, inside, view, pixel)

    def _draw_clips(self, k: int, run: _Run, i: int) -> None:
        item = self.clip_items[k]
        if "clipping" not in self.overlays:
            item.setVisible(False)
            return
        item.setVisible(True)
        steps = run.clip_steps[run.clip_steps < i]
        where = run.positions[steps]
        where = where[np.all(np.isfinite(where), axis=1)]
        if len(where) != len(item.data):
            item.setData(pos=where)

    def _draw_edge(self, k: int, run: _Run, i: int, view, pixel) -> None:
        """An arrow where the path leaves the view, labelled with the step it diverged at."""
        item, label = self.edge_items[k], self.edge_labels[k]
        point = run.positions[i]
        if np.all(np.isfinite(point)) and _inside(point[None, :], view)[0]:
            self._hide_edge(k)
            return
        path = run.positions[: i + 1]
        inside = np.flatnonzero(_inside(path, view))
        if len(inside) == 0:
            self._hide_edge(k)
            return
        j = int(inside[-1])
        nxt = path[j + 1] if j + 1 < len(path) else point
        direction = nxt - path[j]
        if not np.all(np.isfinite(direction)) or not np.any(direction):
            self._hide_edge(k)
            return
        tip = exit_point(path[j], direction, view)
        unit_px = direction / np.array(pixel)
        unit_px /= np.hypot(*unit_px)
        tail = tip - unit_px * 28 * np.array(pixel)
        _set_pairs(item, arrow_pairs(tail, tip, pixel, head_px=11))
        item.setVisible(True)
        if run.stopped and i >= run.last:
            text = translate("RaceLayer", "diverged at step {k}").format(k=run.last)
        else:
            text = translate("RaceLayer", "off view at step {k}").format(k=i)
        label.setText(text, color=run.colour)
        label.setPos(QPointF(*(tip - unit_px * 48 * np.array(pixel))))
        label.setVisible(True)
        self.edge_visible[k] = True

    def _hide_edge(self, k: int) -> None:
        if self.edge_visible[k] or self.edge_items[k].isVisible():
            self.edge_items[k].setVisible(False)
            self.edge_labels[k].setVisible(False)
        self.edge_visible[k] = False

    def _draw_arrows(self, index: int, points: np.ndarray, inside: np.ndarray, view, pixel) -> None:
        diagonal = math.hypot(view[1] - view[0], view[3] - view[2])
        longest = 0.16 * diagonal
        self.step_magnification = self._magnification(index, inside, view)
        show_gradient = "gradient" in self.overlays and self.surface is not None
        if show_gradient and inside.any():
            p = points[inside]
            gx, gy = self.surface.gradient(p[:, 0], p[:, 1])
            g = np.stack([gx, gy], axis=1)
            _set_pairs(self.gradient_item, arrow_pairs(p, p - self._scaled(g, longest), pixel))
            self.gradient_item.setVisible(True)
        else:
            self.gradient_item.setVisible(False)
        for k, run in enumerate(self.runs):
            i = min(index, run.last)
            at = points[k]
            visible = bool(inside[k])
            velocity_item, step_item = self.velocity_items[k], self.step_items[k]
            if visible and "velocity" in self.overlays and run.velocity is not None:
                v = run.velocity[i]
                _set_pairs(velocity_item, arrow_pairs(at, at - self._scaled(v[None, :], longest)[0], pixel))
                velocity_item.setVisible(True)
            else:
                velocity_item.setVisible(False)
            if visible and "step" in self.overlays and i < run.last and np.all(np.isfinite(run.updates[i])):
                u = run.updates[i] * self.step_magnification
                tips = np.array([[at[0] + u[0], at[1]], [at[0], at[1] + u[1]]])
                _set_pairs(step_item, arrow_pairs(np.array([at, at]), tips, pixel, head_px=6))
                step_item.setVisible(True)
            else:
                step_item.setVisible(False)

    def _magnification(self, index: int, inside: np.ndarray, view) -> float:
        """A 1-2-5 factor making the largest next-step component on screen ~12% of the view.

        One factor for every optimizer at this step, so their steps compare directly."""
        largest = 0.0
        for k, run in enumerate(self.runs):
            i = min(index, run.last)
            if inside[k] and i < run.last:
                u = np.abs(run.updates[i])
                if np.all(np.isfinite(u)):
                    largest = max(largest, float(u.max()))
        if largest <= 0:
            return self.step_magnification
        return nice_factor(0.12 * (view[1] - view[0]) / largest)

    def _scaled(self, vectors: np.ndarray, longest: float) -> np.ndarray:
        """Arrows along ``vectors``, from 25% to 100% of ``longest`` as log|v| goes from the
        surface's small to its large gradients (:attr:`gradient_range`): every direction
        stays visible, and a steeper slope is always a longer arrow."""
        norms = np.hypot(vectors[:, 0], vectors[:, 1])
        low, high = self.gradient_range
        with np.errstate(all="ignore"):
            t = (np.log10(norms) - math.log10(low)) / max(math.log10(high / low), 1e-9)
            lengths = longest * (0.25 + 0.75 * np.clip(t, 0.0, 1.0))
            out = vectors * np.where(norms > 0, lengths / norms, 0.0)[:, None]
        out[~np.isfinite(out)] = 0.0  # (not nan_to_num: its finfo lookup cost ~1 ms a call here)
        return out


def _set_pairs(item: pg.PlotCurveItem, pairs: np.ndarray) -> None:
    item.setData(x=pairs[:, 0], y=pairs[:, 1])


def _inside(points: np.ndarray, view: tuple[float, float, float, float]) -> np.ndarray:
    xmin, xmax, ymin, ymax = view
    with np.errstate(invalid="ignore"):
        return (
            np.isfinite(points).all(axis=1)
            & (points[:, 0] >= xmin)
            & (points[:, 0] <= xmax)
            & (points[:, 1] >= ymin)
            & (points[:, 1] <= ymax)
        )


# ============================================================================ surface view
class SurfaceView(HeatmapPlot):
    """An analytic surface with its critical points, the start marker and the race.

    Signals (GUI thread): ``startPicked(x, y)`` on a click, ``startDragged(x, y)`` while the
    start marker is dragged, ``startDropped(x, y)`` when it is let go, ``viewChanged()``
    after a pan or zoom has been redrawn.
    """

    startPicked = Signal(float, float)  # noqa: N815
    startDragged = Signal(float, float)  # noqa: N815
    startDropped = Signal(float, float)  # noqa: N815
    viewChanged = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.surface: Surface | None = None
        self.scale_mode = "auto"
        self.race = RaceLayer(self.plot)
        self.critical = pg.ScatterPlotItem(pxMode=True)
        self.critical.setZValue(5)
        self.plot.addItem(self.critical, ignoreBounds=True)
        self.start_marker = pg.TargetItem(
            pos=(0, 0), size=16, movable=True, pen=gp.make_pen(gp.foreground(), 2.0), symbol="crosshair"
        )
        self.start_marker.setZValue(50)
        self.plot.addItem(self.start_marker, ignoreBounds=True)
        self.start_marker.sigPositionChanged.connect(self._on_marker_moved)
        self.start_marker.sigPositionChangeFinished.connect(self._on_marker_dropped)
        self._moving_marker = False
        self.scene().sigMouseClicked.connect(self._on_scene_click)
        self._regrid_timer = QTimer(self)
        self._regrid_timer.setSingleShot(True)
        self._regrid_timer.setInterval(REGRID_DELAY_MS)
        self._regrid_timer.timeout.connect(self.regrid)
        self.view_box.sigRangeChanged.connect(self._on_range_changed)
        self.grids_computed = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.plot.setLabel("bottom", "x", color=gp.foreground())
        self.plot.setLabel("left", "y", color=gp.foreground())
        self.setToolTip(
            translate(
                "SurfaceView",
                "The surface f(x, y): colour and contour lines show its height (dark = low). "
                "Click to set the start point of every optimizer, or drag the ⊕ marker and "
                "watch the paths follow. Scroll to zoom, drag the background to pan: the surface "
                "is recomputed for the new window. ★ minimum, ✕ saddle, ▲ maximum.",
            )
        )
        self.start_marker.setToolTip(translate("SurfaceView", "The shared start point: drag it."))
        if getattr(self, "surface", None) is not None:
            self._show_title()

    def set_compact_title(self, compact: bool) -> None:
        """Title without its parenthesis ("Ravine", not "Ravine (ill-conditioned bowl)"): a
        narrow dock then keeps the plot beside the value plot (the Russian title alone is
        ~250 px)."""
        if compact != self.compact_title:
            self.compact_title = compact
            if getattr(self, "surface", None) is not None:
                self._show_title()

    def _show_title(self) -> None:
        title = landscape_text.surface_text(self.surface.title)
        if self.compact_title:
            title = title.split("(")[0].split("（")[0].strip() or title
        self.plot.setTitle(title, color=gp.foreground(), size="10pt")
        self.texts_changed()

    # ------------------------------------------------------------------ surface
    def set_surface(self, surface: Surface, view: tuple[float, float, float, float] | None = None) -> None:
        self.surface = surface
        self._show_title()
        self.race.surface = surface
        self.view_box.disableAutoRange()
        self.set_view(view or surface.view)
        self.regrid()
        self._draw_critical_points()

    def set_scale_mode(self, mode: str) -> None:
        self.scale_mode = mode
        self.regrid()

    @Slot()
    def regrid(self) -> None:
        """Recompute the grid for the visible window and redraw heatmap and contours."""
        self._regrid_timer.stop()
        if self.surface is None:
            return
        view = self.visible_view()
        width, height = view[1] - view[0], view[3] - view[2]
        if not (width > 0 and height > 0 and math.isfinite(width) and math.isfinite(height)):
            return
        nx = max(20, int(GRID_POINTS * min(1.0, width / height)))
        ny = max(20, int(GRID_POINTS * min(1.0, height / width)))
        xs, ys, z = self.surface.grid(nx, ny, view)
        self.show_grid(xs, ys, z, self.scale_mode)
        gx, gy = self.surface.gradient(xs[None, ::4], ys[::4, None])
        norms = np.hypot(gx, gy)
        norms = norms[np.isfinite(norms) & (norms > 0)]
        if norms.size:
            low, high = np.percentile(norms, [5, 95])
            self.race.gradient_range = (float(low), float(max(high, low * 10)))
        self.grids_computed += 1
        self.viewChanged.emit()

    def _draw_critical_points(self) -> None:
        symbols = {"minimum": "star", "saddle": "x", "maximum": "t1"}
        points = self.surface.critical_points() if self.surface is not None else ()
        spots = [
            {
                "pos": (p.x, p.y),
                "symbol": symbols[p.kind],
                "size": 14 if p.kind == "minimum" else 11,
                "brush": pg.mkBrush("#FFFFFF"),
                "pen": gp.make_pen("#000000", 1.0),
            }
            for p in points
        ]
        self.critical.setData(spots)

    # ------------------------------------------------------------------ start point
    def set_start(self, x: float, y: float, reveal: bool = True) -> None:
        """Put the start marker at (x, y); a start outside the plotted window widens it
        (:meth:`reveal`), so the marker and the first steps of every path are on screen."""
        self._moving_marker = True
        self.start_marker.setPos(QPointF(x, y))
        self._moving_marker = False
        if reveal:
            self.reveal(x, y)

    def reveal(self, x: float, y: float, margin: float = REVEAL_MARGIN) -> bool:
        """Widen the window to show (x, y) with ``margin`` of the new width or height beyond it;
        False (nothing changes) when it is shown already or not a finite point."""
        xmin, xmax, ymin, ymax = self.visible_view()
        if not (math.isfinite(x) and math.isfinite(y)) or (xmin <= x <= xmax and ymin <= y <= ymax):
            return False
        low_x, high_x, low_y, high_y = min(xmin, x), max(xmax, x), min(ymin, y), max(ymax, y)
        pad_x, pad_y = margin * (high_x - low_x), margin * (high_y - low_y)
        self.set_view(
            (
                low_x - (pad_x if x < xmin else 0.0),
                high_x + (pad_x if x > xmax else 0.0),
                low_y - (pad_y if y < ymin else 0.0),
                high_y + (pad_y if y > ymax else 0.0),
            )
        )
        self.regrid()
        return True

    def start(self) -> tuple[float, float]:
        pos = self.start_marker.pos()
        return float(pos.x()), float(pos.y())

    @Slot(object)
    def _on_scene_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        if not self.plot.sceneBoundingRect().contains(event.scenePos()):
            return
        point = self.view_box.mapSceneToView(event.scenePos())
        if not self.view_box.sceneBoundingRect().contains(event.scenePos()):
            return
        self.pick_start(point.x(), point.y())

    def pick_start(self, x: float, y: float) -> None:
        """What a click on the surface does: move the start there and announce it."""
        self.set_start(x, y)
        self.startPicked.emit(float(x), float(y))

    @Slot(object)
    def _on_marker_moved(self, _marker) -> None:
        if not self._moving_marker:
            x, y = self.start()
            self.startDragged.emit(x, y)

    @Slot(object)
    def _on_marker_dropped(self, _marker) -> None:
        x, y = self.start()
        self.startDropped.emit(x, y)

    # ------------------------------------------------------------------ view
    @Slot(object, object)
    def _on_range_changed(self, *_args) -> None:
        self._regrid_timer.start()

    def pixel_size(self) -> tuple[float, float]:
        size = self.view_box.viewPixelSize()
        sx, sy = float(size[0]), float(size[1])
        view = self.visible_view()
        if not (sx > 0 and math.isfinite(sx)):
            sx = (view[1] - view[0]) / 400
        if not (sy > 0 and math.isfinite(sy)):
            sy = (view[3] - view[2]) / 400
        return sx, sy

    def show_step(self, index: int) -> None:
        self.race.show_step(index, self.visible_view(), self.pixel_size())
