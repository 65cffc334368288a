"""The activation and initialization lab: why some inits and activations let gradients through.

Two views of the current configuration:

1. **f and f'** of the selected layer's activation over the input range, with the
   histogram of that layer's current pre-activations behind them (from the latest
   training snapshot). Units sitting where f' is about 0 (saturated sigmoid/tanh) or
   exactly 0 (dead ReLU) pass no gradient back; the label counts them.
2. **Variance propagation at initialization**: per-layer activation and gradient
   standard deviations measured over several seeds (median line, min-max band) beside
   the mean-field prediction (Glorot & Bengio 2010, He et al. 2015), and the singular
   values of the end-to-end Jacobian (all 1 for an orthogonal linear net, Saxe et al.
   2014). The numbers come from :mod:`gradsim.engine.variance_propagation`, computed on
   a worker thread when the network part of the config changes (stale work is cancelled;
   the GUI polls for the result, so no signal crosses threads).
"""

from __future__ import annotations

import copy
import json
import math
import threading
import time
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gradsim.engine.activations import ACTIVATION_PARAMS, make_activation
from gradsim.engine.config import validate_config
from gradsim.engine.errors import GradsimError
from gradsim.engine.variance_propagation import (
    DEFAULT_BATCH,
    DEFAULT_SEEDS,
    MAX_FLOPS,
    Propagation,
    Theory,
    band,
    estimated_flops,
    geometric_mean_ratio,
    measure_propagation,
    measurement_spec,
    predict_spec,
)
from gradsim.ui.common import plotting as gp
from gradsim.ui.common.config_text import ACTIVATIONS, label

DEFAULT_RANGE = (-4.0, 4.0)
CURVE_POINTS = 401
FLAT_DERIVATIVE = 0.05  # |f'| below this: the unit passes (almost) no gradient
LOG_FLOOR = 1e-300  # zeros on a log axis (a dead layer) are drawn here
BLUE, VERMILLION, GREEN, GREY = "#0072B2", "#D55E00", "#009E73", "#888888"
PLOT_MIN_HEIGHT = 60  # px: four plots and their numbers fit a 313 px dock (1600x1000) unscrolled
DATA_LINES = 2.5  # a plot's data area is at least this many lines of text high
ONE_ROW_ASPECT = 2.6  # a panel this many times wider than high shows its four plots in one row


translate = QCoreApplication.translate


def _t(source: str) -> str:
    return QCoreApplication.translate("ActivationLab", source)


class _DecadeAxis(pg.AxisItem):
    """A log axis labelled at the decades only when it has many ticks (2, 3 ... 9 crowd it)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        strings = super().tickStrings(values, scale, spacing)
        if not self.logMode or len(values) <= 5:
            return strings
        decades = sum(abs(v - round(v)) < 1e-9 for v in values)
        keep = (1,) if decades >= 2 else (1, 2, 5)
        return [
            s if round(10 ** (v - math.floor(v + 1e-9)), 6) in keep else ""
            for v, s in zip(values, strings, strict=True)
        ]


class _Measurement:
    """One variance measurement on a daemon thread; the GUI polls ``done``."""

    def __init__(self, config: dict[str, Any], seeds: int, batch: int, base_seed: int) -> None:
        self.config = config
        self.seeds = seeds
        self.batch = batch
        self.base_seed = base_seed
        self.cancel = threading.Event()
        self.done = False
        self.result: Propagation | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="variance-propagation", daemon=True)

    def _cancelled(self) -> bool:
        time.sleep(0.001)  # between seeds, let the GUI thread have the GIL
        return self.cancel.is_set()

    def _run(self) -> None:
        try:
            self.result = measure_propagation(
                self.config,
                seeds=self.seeds,
                batch=self.batch,
                base_seed=self.base_seed,
                cancelled=self._cancelled,
            )
        except Exception as error:  # noqa: BLE001 - shown in the panel, never lost
            self.error = error
        finally:
            self.done = True


def _log_safe(values: np.ndarray, floor: float) -> np.ndarray:
    """Values for a log axis: exact zeros (a dead layer, a rank-deficient Jacobian) go to ``floor``."""
    values = np.asarray(values, dtype=np.float64)
    return np.where(np.isfinite(values) & (values > 0), values, np.where(np.isnan(values), np.nan, floor))


def _floor(*arrays: np.ndarray) -> float:
    """One decade below the smallest positive value, so zeros stay visible below the data."""
    positive = [a[np.isfinite(a) & (a > 0)] for a in (np.asarray(x, dtype=np.float64) for x in arrays)]
    smallest = min((float(p.min()) for p in positive if p.size), default=1.0)
    return max(smallest / 10.0, LOG_FLOOR)


class ActivationLab(QWidget):
    """f, f' and pre-activations of a layer; variance propagation at initialization."""

    def __init__(
        self, parent: QWidget | None = None, seeds: int = DEFAULT_SEEDS, batch: int = DEFAULT_BATCH
    ) -> None:
        super().__init__(parent)
        self.setObjectName("activationLab")
        self.seeds = seeds
        self.batch = batch
        self._config: dict[str, Any] | None = None
        self._variance_key: str | None = None
        self._snapshot: Any = None
        self._job: _Measurement | None = None
        self.propagation: Propagation | None = None
        self.theory: Theory | None = None
        self._message = ""
        self._build()
        self._poll = QTimer(self)
        self._poll.setInterval(30)
        self._poll.timeout.connect(self._check_job)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self._start_measurement)
        self.retranslate()
        self.set_config(validate_config({}))

    # ================================================================== layout
    def _plot(self, name: str) -> pg.PlotWidget:
        plot = pg.PlotWidget(axisItems={"left": _DecadeAxis("left")})
        plot.setObjectName(name)
        plot.setMenuEnabled(False)
        plot.showGrid(x=True, y=True, alpha=0.25)
        plot.setMinimumHeight(PLOT_MIN_HEIGHT)  # the docks' scroll area raises it to the texts' need
        for axis in ("left", "bottom"):  # no "(x0.001)" after a label measured without it
            plot.getAxis(axis).enableAutoSIPrefix(False)
        return plot

    def _set_title(self, plot: pg.PlotWidget, title: str) -> None:
        """At the text's size (pyqtgraph's larger default took a small plot's room for data)."""
        size = self.font().pointSizeF()
        plot.setTitle(title, color=self.palette().text().color().name(), size=f"{max(size, 6.0):g}pt")
        # the title is centred over the data, right of the left axis: the data as wide as the title
        # (a plot as wide as its title alone cut a Russian title at 200%)
        title_width = plot.getPlotItem().titleLabel.item.boundingRect().width()
        plot.getViewBox().setMinimumWidth(math.ceil(title_width))
        plot.updateGeometry()
        QTimer.singleShot(0, self, self._refit_area)  # a layout request alone was sometimes lost

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()  # the choice names its layer ("layer 1: ReLU, 8 units"): no label beside it
        self.layer_combo = QComboBox()
        self.layer_combo.setObjectName("layerSelector")
        self.layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.layer_combo.currentIndexChanged.connect(self._draw_activation)
        top.addWidget(self.layer_combo)
        top.addStretch(1)
        layout.addLayout(top)

        self.f_plot = self._plot("activationPlot")
        self.f_plot.addLegend(offset=(4, 2), colCount=3, brush=gp.legend_background())
        self.histogram = pg.PlotDataItem(
            stepMode="center", fillLevel=0, brush=pg.mkBrush(136, 136, 136, 70), pen=pg.mkPen(GREY, width=1)
        )
        self.f_plot.addItem(self.histogram)
        self.f_curve = self.f_plot.plot(pen=pg.mkPen(BLUE, width=2), name="f")
        self.df_curve = self.f_plot.plot(
            pen=pg.mkPen(VERMILLION, width=2, style=Qt.PenStyle.DashLine), name="f′"
        )
        self.act_plot = self._plot("activationStdPlot")
        self.grad_plot = self._plot("gradientStdPlot")
        self.sv_plot = self._plot("singularValuePlot")
        self.series: dict[str, dict[str, Any]] = {}
        for key, plot, colour in (("act", self.act_plot, BLUE), ("grad", self.grad_plot, VERMILLION)):
            plot.setLogMode(x=False, y=True)
            self.series[key] = self._band_series(plot, colour, theory=True)
        self.sv_plot.setLogMode(x=False, y=True)
        self.series["sv"] = self._band_series(self.sv_plot, GREEN, theory=False)
        self.act_plot.addLegend(offset=(4, 2), colCount=2, brush=gp.legend_background())
        legend = self.act_plot.getPlotItem().legend
        legend.addItem(self.series["act"]["median"], "median")
        legend.addItem(self.series["act"]["theory"], "theory")
        self.act_legend = legend
        for plot, most in ((self.f_plot, 3), (self.act_plot, 2)):  # one row when it fits
            gp.keep_legend_inside(plot.getPlotItem(), plot.getPlotItem().legend, most=most)
        self._keep_data_room()
        self.plots = QGridLayout()
        self.plots.setSpacing(4)
        self._columns = 0
        self._given_size: QSize | None = None
        self._place_plots(2)
        layout.addLayout(self.plots, 1)

        self.saturation_label = QLabel()
        self.saturation_label.setObjectName("saturationLabel")
        self.saturation_label.setWordWrap(True)
        layout.addWidget(self.saturation_label)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("varianceSummary")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

    def _place_plots(self, columns: int) -> None:
        """The four plots in a 2x2 grid, or in one row when the panel is wide and low (the
        dock under the loss panel at 1600x1000): every plot in view, none below the fold."""
        if columns == self._columns:
            return
        self._columns = columns
        for index, plot in enumerate((self.f_plot, self.act_plot, self.grad_plot, self.sv_plot)):
            self.plots.removeWidget(plot)
            self.plots.addWidget(plot, *divmod(index, columns))
        for column in range(4):
            self.plots.setColumnStretch(column, 1 if column < columns else 0)

    def arrange_for(self, size: QSize) -> None:
        """The room the dock's scroll area offers (see ``docks.FittingScrollArea``): the grid
        follows it, not the panel's own size, which a wider arrangement's minimum would hold."""
        self._given_size = size
        self._place_plots(4 if size.width() >= ONE_ROW_ASPECT * size.height() else 2)

    def _refit_area(self) -> None:
        """Have the dock's scroll area size the plots' views for their texts again."""
        parent = self.parentWidget()
        while parent is not None and not callable(getattr(parent, "fit", None)):
            parent = parent.parentWidget()
        if isinstance(parent, QScrollArea):
            parent.fit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        # titles set while the lab was hidden (a language switch): the dock's scroll area sizes
        # the plots for them now (its layout request is answered only for a shown panel)
        for plot in (self.f_plot, self.act_plot, self.grad_plot, self.sv_plot):
            plot.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if self._given_size is None:  # alone, not in a dock
            size = event.size()
            self._place_plots(4 if size.width() >= ONE_ROW_ASPECT * size.height() else 2)

    def _band_series(self, plot: pg.PlotWidget, colour: str, theory: bool) -> dict[str, Any]:
        low = pg.PlotDataItem(pen=pg.mkPen(None))
        high = pg.PlotDataItem(pen=pg.mkPen(None))
        fill_colour = pg.mkColor(colour)
        fill_colour.setAlpha(60)
        fill = pg.FillBetweenItem(low, high, brush=pg.mkBrush(fill_colour))
        median = pg.PlotDataItem(pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=4, symbolBrush=colour)
        for item in (low, high, fill, median):
            plot.addItem(item)
        result = {"low": low, "high": high, "fill": fill, "median": median}
        if theory:
            result["theory"] = pg.PlotDataItem(pen=pg.mkPen("#000000", width=1.5, style=Qt.PenStyle.DashLine))
            plot.addItem(result["theory"])
        return result

    # ================================================================== config
    def set_config(self, config: dict[str, Any]) -> None:
        """Follow ``config`` (ignored if invalid); recompute the variances if the network changed."""
        try:
            validated = validate_config(config)
        except GradsimError:
            return
        self._config = validated
        self._fill_layer_combo()
        self._draw_activation()
        key = json.dumps([validated["network"], validated["training"]["seed"]], sort_keys=True, default=str)
        if key != self._variance_key:
            self._variance_key = key
            self._show_theory_now()
            self._debounce.start()

    def _fill_layer_combo(self) -> None:
        layers = self._layers()
        current = max(self.layer_combo.currentIndex(), 0)
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for i, (activation, _params, width) in enumerate(layers):
            self.layer_combo.addItem(
                translate("ActivationLab", "layer {n}: {activation}, {width} units").format(
                    n=i + 1, activation=label(ACTIVATIONS, activation), width=width
                )
            )
        self.layer_combo.setCurrentIndex(min(current, len(layers) - 1))
        self.layer_combo.blockSignals(False)

    def _layers(self) -> list[tuple[str, dict[str, Any], int]]:
        """(activation, params, width) per layer: from the config, or the snapshot if they differ."""
        from_config = []
        if self._config is not None:
            from_config = [
                (layer["activation"], dict(layer["activation_params"]), layer["width"])
                for layer in self._config["network"]["layers"]
            ]
        snapshot = self._snapshot
        if snapshot is not None and tuple(a for a, _, _ in from_config) != tuple(snapshot.activations):
            return [
                (act, dict(ACTIVATION_PARAMS.get(act, {})), int(width))
                for act, width in zip(snapshot.activations, snapshot.layer_widths, strict=True)
            ]
        return from_config

    def selected_layer(self) -> int:
        return self.layer_combo.currentIndex()

    def set_layer(self, index: int) -> None:
        self.layer_combo.setCurrentIndex(index)

    # ================================================================== f, f' and pre-activations
    def show_snapshot(self, snapshot: Any) -> None:
        """Overlay the selected layer's current pre-activation histogram."""
        changed = self._snapshot is None or tuple(snapshot.activations) != tuple(self._snapshot.activations)
        self._snapshot = snapshot
        if changed:
            self._fill_layer_combo()
        self._draw_activation()

    def _input_range(self) -> tuple[float, float]:
        if self._snapshot is not None and "pre_activation" in self._snapshot.histogram_ranges:
            low, high = self._snapshot.histogram_ranges["pre_activation"]
            return float(low), float(high)
        return DEFAULT_RANGE

    def activation_curves(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(x, f(x), f'(x)) of the selected layer, as drawn."""
        x, f = self.f_curve.getData()
        _, df = self.df_curve.getData()
        return np.asarray(x), np.asarray(f), np.asarray(df)

    def _draw_activation(self) -> None:
        layers = self._layers()
        index = self.selected_layer()
        if not layers or not 0 <= index < len(layers):
            self.f_curve.setData([], [])
            self.df_curve.setData([], [])
            self.histogram.setData([0, 1], [0])
            self.saturation_label.setText(translate("ActivationLab", "This network has no hidden layer."))
            return
        name, params, _width = layers[index]
        activation = make_activation(name, params)
        low, high = self._input_range()
        x = np.linspace(low, high, CURVE_POINTS)
        with np.errstate(all="ignore"):
            self.f_curve.setData(x, activation.f(x))
            self.df_curve.setData(x, activation.df(x))
        self._set_title(
            self.f_plot,
            translate("ActivationLab", "{activation}: f and f′").format(activation=label(ACTIVATIONS, name)),
        )
        self._draw_histogram(index, activation, low, high)

    def _draw_histogram(self, index: int, activation: Any, low: float, high: float) -> None:
        snapshot = self._snapshot
        histograms = snapshot.histograms.get("pre_activation") if snapshot is not None else None
        if histograms is None or index >= len(histograms):
            self.histogram.setData([low, high], [0])
            self.saturation_label.setText(
                translate(
                    "ActivationLab", "Train a few steps to see where this layer's pre-activations sit on f′."
                )
            )
            return
        counts = np.asarray(histograms[index], dtype=np.float64)
        edges = np.linspace(low, high, len(counts) + 1)
        total = counts.sum()
        peak = counts.max() if total > 0 else 1.0
        self.histogram.setData(edges, counts / peak)
        if total <= 0:
            self.saturation_label.setText(
                translate("ActivationLab", "No pre-activations recorded yet for this layer.")
            )
            return
        centres = (edges[:-1] + edges[1:]) / 2
        with np.errstate(all="ignore"):
            slope = np.abs(activation.df(centres))
        flat = float(counts[slope < FLAT_DERIVATIVE].sum() / total)
        zero = float(counts[slope == 0].sum() / total)
        text = translate(
            "ActivationLab",
            "Step {step}: f′ < {flat_limit} for {flat:.0%} of this layer's pre-activations (grey)",
        ).format(step=snapshot.step, flat_limit=FLAT_DERIVATIVE, flat=flat)
        if zero > 0:
            text += translate(
                "ActivationLab", ", f′ = 0 exactly for {zero:.0%} (no gradient at all: dead for ReLU)"
            ).format(zero=zero)
        self.saturation_label.setText(text + ".")

    # ================================================================== variance propagation
    def _show_theory_now(self) -> None:
        """The theory is cheap: draw it at once; the measurement follows."""
        self.propagation = None
        try:
            self.theory = predict_spec(measurement_spec(self._config))
        except GradsimError:
            self.theory = None
        for key in ("act", "grad", "sv"):
            for name in ("low", "high", "median"):
                self.series[key][name].setData([], [])
        self._draw_theory()
        self._message = translate("ActivationLab", "Measuring {seeds} networks…").format(seeds=self.seeds)
        self._update_summary()

    def _start_measurement(self) -> None:
        if self._job is not None:
            self._job.cancel.set()
            self._job = None
        if self._config is None:
            return
        spec = measurement_spec(self._config)
        cost = estimated_flops(spec, self.batch, self.seeds)
        if not spec.layers:
            self._message = translate("ActivationLab", "No hidden layers: nothing to propagate.")
            self._update_summary()
            return
        if cost > MAX_FLOPS:
            self._message = translate(
                "ActivationLab",
                "Too large to measure here ({gflop:.0f} GFLOP for {seeds} networks): theory only.",
            ).format(gflop=cost / 1e9, seeds=self.seeds)
            self._update_summary()
            return
        self._job = _Measurement(
            copy.deepcopy(self._config), self.seeds, self.batch, int(self._config["training"]["seed"])
        )
        self._job.thread.start()
        self._poll.start()

    def is_measuring(self) -> bool:
        return self._job is not None or self._debounce.isActive()

    def _check_job(self) -> None:
        job = self._job
        if job is None:
            self._poll.stop()
            return
        if not job.done:
            return
        self._job = None
        self._poll.stop()
        if job.error is not None:
            self._message = translate("ActivationLab", "The measurement failed: {error}").format(
                error=str(job.error)
            )
            self._update_summary()
            return
        if job.result is not None:
            self.show_propagation(job.result)

    def show_propagation(self, result: Propagation) -> None:
        """Draw a measurement (median and min-max band over seeds) with its theory."""
        self.propagation = result
        self.theory = result.theory
        layers = np.arange(result.depth + 1)
        for key, values in (("act", result.activation_std), ("grad", result.gradient_std)):
            median, low, high = band(values)
            self._set_band(self.series[key], layers, median, low, high)
        if result.singular_values is not None:
            median, low, high = band(result.singular_values)
            index = np.arange(1, len(median) + 1)
            self._set_band(self.series["sv"], index, median, low, high)
            self.sv_plot.setVisible(True)
        else:
            for name in ("low", "high", "median"):
                self.series["sv"][name].setData([], [])
            self.sv_plot.setVisible(False)
        self._draw_theory()
        self._message = ""
        self._update_summary()
        for plot in (self.act_plot, self.grad_plot, self.sv_plot):
            plot.updateGeometry()  # new ticks may widen the axes: the view is sized again

    @staticmethod
    def _set_band(
        series: dict[str, Any], x: np.ndarray, median: np.ndarray, low: np.ndarray, high: np.ndarray
    ) -> None:
        floor = _floor(median, low, high)
        series["low"].setData(x, _log_safe(low, floor))
        series["high"].setData(x, _log_safe(high, floor))
        series["median"].setData(x, _log_safe(median, floor))

    def _draw_theory(self) -> None:
        theory = self.theory
        for key, values in (
            ("act", None if theory is None else theory.activation_std),
            ("grad", None if theory is None else theory.gradient_std),
        ):
            if theory is None or not theory.available:
                self.series[key]["theory"].setData([], [])
            else:
                self.series[key]["theory"].setData(np.arange(len(values)), _log_safe(values, _floor(values)))

    def _update_summary(self) -> None:
        parts = []
        result, theory = self.propagation, self.theory
        if result is not None and result.depth >= 2:
            ratios = geometric_mean_ratio(result.activation_std)
            grads = result.gradient_std[:, 0] / result.gradient_std[:, -1]
            with np.errstate(all="ignore"):
                parts.append(
                    translate(
                        "ActivationLab",
                        "At initialization, variance ratio per layer: measured {median:.3g} "
                        "({low:.3g} to {high:.3g} over {seeds} networks)",
                    ).format(
                        median=float(np.nanmedian(ratios)),
                        seeds=result.seeds,
                        low=float(np.nanmin(ratios)),
                        high=float(np.nanmax(ratios)),
                    )
                )
                parts.append(
                    translate("ActivationLab", "gradient std input/top {value:.3g}").format(
                        value=float(np.nanmedian(grads))
                    )
                )
        if theory is not None and theory.available and len(theory.activation_std) >= 3:
            parts.append(
                translate("ActivationLab", "theory {value:.3g}").format(
                    value=float(geometric_mean_ratio(theory.activation_std))
                )
            )
        elif theory is not None and not theory.available:
            parts.append(self._reason(theory.reason))
        if self._message:
            parts.append(self._message)
        self.summary_label.setText("; ".join(parts) + ("." if parts else ""))

    @staticmethod
    def _reason(code: str) -> str:
        return {
            "not_random_init": translate(
                "ActivationLab", "no theory for constant, zero or identity weights (they are not random)"
            ),
            "maxout": translate(
                "ActivationLab", "no closed-form theory for maxout (a maximum of several Gaussians)"
            ),
            "no_layers": translate("ActivationLab", "no hidden layers"),
        }.get(code, code)

    # ================================================================== text and theme
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "f_plot"):
            self._apply_colours()
        if event.type() == QEvent.Type.FontChange and hasattr(self, "f_plot"):
            self._keep_data_room()
            self.retranslate()  # the titles take the new text size
        super().changeEvent(event)

    def _keep_data_room(self) -> None:
        """Room for data inside each plot, in lines of text: the docks' scroll area makes a plot
        as large as its title and axes, which left the data 10 px at the projector's 150%."""
        line = QFontMetricsF(self.font()).lineSpacing()
        for plot in (self.f_plot, self.act_plot, self.grad_plot, self.sv_plot):
            plot.getViewBox().setMinimumHeight(round(DATA_LINES * line))

    def _apply_colours(self) -> None:
        palette = self.palette()
        background = palette.base().color()
        pen = pg.mkPen(palette.text().color())
        dark = palette.window().color().lightness() < 110
        for plot in (self.f_plot, self.act_plot, self.grad_plot, self.sv_plot):
            plot.setBackground(background)
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(pen)
                axis.setTextPen(pen)
        for plot in (self.f_plot, self.act_plot):
            plot.getPlotItem().legend.setLabelTextColor(palette.text().color())
        theory_pen = pg.mkPen("#DDDDDD" if dark else "#000000", width=1.5, style=Qt.PenStyle.DashLine)
        for key in ("act", "grad"):
            self.series[key]["theory"].setPen(theory_pen)

    def retranslate(self) -> None:
        self._apply_colours()
        self.layer_combo.setToolTip(
            translate("ActivationLab", "The hidden layer whose activation and pre-activations are shown.")
        )
        self.f_plot.setLabel("bottom", translate("ActivationLab", "pre-activation h"))
        self.f_plot.setToolTip(
            translate(
                "ActivationLab",
                "Blue: the activation f. Dashed: its derivative f′, the factor every gradient is multiplied "
                "by on its way back through this layer. Grey: where the layer's inputs are now. Inputs where "
                "f′ ≈ 0 (a saturated sigmoid or tanh) or f′ = 0 (a ReLU below 0) pass no gradient back.",
            )
        )
        legend = self.f_plot.getPlotItem().legend
        names = {id(self.f_curve): "f", id(self.df_curve): "f′"}
        for sample, text_item in legend.items:
            text_item.setText(names.get(id(sample.item), text_item.text))
        self._set_title(self.act_plot, translate("ActivationLab", "activation std"))
        self._set_title(self.grad_plot, translate("ActivationLab", "gradient std"))
        self._set_title(self.sv_plot, translate("ActivationLab", "singular values"))
        for plot in (self.act_plot, self.grad_plot):
            plot.setLabel("bottom", translate("ActivationLab", "layer (0 = input)"))
        self.sv_plot.setLabel("bottom", translate("ActivationLab", "index"))
        for sample, text_item in self.act_legend.items:
            if sample.item is self.series["act"]["median"]:
                text_item.setText(translate("ActivationLab", "measured"))
            elif sample.item is self.series["act"]["theory"]:
                text_item.setText(translate("ActivationLab", "theory"))
        for plot in (self.f_plot, self.act_plot):  # the renamed entries may need fewer columns
            getattr(plot.getPlotItem().legend, "refit", lambda: None)()
        theory_tip = translate(
            "ActivationLab",
            "Measured: {seeds} networks with this config's depth, widths, activations and initializer, "
            "each fed one standard-normal batch of {batch} samples (as wide as the first layer); a "
            "standard-normal gradient is backpropagated from the last hidden layer. Line: median; band: "
            "minimum to maximum over the networks (one network varies a lot).\n\n"
            "Dashed: the mean-field theory behind Xavier and He init. It assumes infinitely wide layers, "
            "independent zero-mean weights and Gaussian pre-activations: E[z²] = n·Var(W)·E[a²] per layer. "
            "He init (Var(W) = 2/n) keeps a ReLU net's E[a²], so the ratio per layer is 1; Xavier "
            "(Var(W) = 1/n for square layers) halves it; N(0, s²) weights in a linear net scale the std "
            "by s·√n per layer, (s²n)^(L/2) after L layers; tanh with Xavier gain 5/3 settles at a fixed "
            "point. It ignores BatchNorm's coupling of the batch (which makes deep BatchNorm nets' "
            "gradients grow toward the input at initialization) and treats residual branches as "
            "independent of their skip.",
        ).format(seeds=self.seeds, batch=self.batch)
        for plot in (self.act_plot, self.grad_plot):
            plot.setToolTip(theory_tip)
        self.summary_label.setToolTip(theory_tip)
        self.saturation_label.setToolTip(
            translate(
                "ActivationLab",
                "Grey in the plot: where this layer's pre-activations are at the latest step (peak scaled "
                "to 1; values beyond the range are counted in the end bins). Where f′ is below {flat_limit} "
                "a unit passes almost no gradient back; where it is exactly 0 (a ReLU below 0), none.",
            ).format(flat_limit=FLAT_DERIVATIVE)
        )
        self.sv_plot.setToolTip(
            translate(
                "ActivationLab",
                "Singular values of the input-output Jacobian of the hidden stack at one input, median "
                "and band over the networks. Orthogonal init with linear layers keeps them all at exactly "
                "1 whatever the depth (Saxe et al. 2014): no direction of the signal or of the gradient "
                "vanishes or explodes. Gaussian init spreads them more with every layer. Not shown for "
                "networks with normalization layers.",
            )
        )
        self._fill_layer_combo()
        self._draw_activation()
        self._update_summary()
