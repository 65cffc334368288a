"""The live-diagnostics panels draw what real training snapshots contain.

Snapshots come from the real Trainer (shipped examples, a float16 net whose early
gradients underflow to exactly 0, a diverging net with NaN/Inf, depth 1 and 100, a
snapshot before any step) so the tests follow the engine's data layout.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import dataclasses  # noqa: E402

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QTranslator  # noqa: E402
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QWidget  # noqa: E402

from gradsim.engine.datasets import dataset_defaults  # noqa: E402
from gradsim.engine.trainer import Trainer  # noqa: E402
from gradsim.shipped import load_config  # noqa: E402
from gradsim.ui.common import plotting as gp  # noqa: E402
from gradsim.ui.training.decision_panel import DecisionPanel  # noqa: E402
from gradsim.ui.training.gradient_flow_panel import SUMMARY_HZ, GradientFlowPanel  # noqa: E402
from gradsim.ui.training.histogram_panel import HistogramPanel  # noqa: E402
from gradsim.ui.training.loss_panel import LossPanel  # noqa: E402
from gradsim.ui.training.weights_panel import WeightStatsPanel  # noqa: E402

pytestmark = pytest.mark.ui
PANELS = (LossPanel, GradientFlowPanel, HistogramPanel, WeightStatsPanel, DecisionPanel)


def _train(config, steps):
    trainer = Trainer(config)
    trainer.run(steps)
    return trainer


def _float16_config():
    config = load_config("sigmoid-deep")
    config["network"]["depth"] = 20
    config["training"]["precision"] = "float16"
    return config


@pytest.fixture(scope="module")
def trainers():
    return {
        "relu-he": _train(load_config("relu-he"), 60),
        "sigmoid-deep": _train(load_config("sigmoid-deep"), 200),
        "float16": _train(_float16_config(), 60),
        "exploding": _train(load_config("exploding"), 30),
        "depth1": _train({"network": {"depth": 1, "width": 4}}, 15),
        "depth100": _train(
            {"network": {"depth": 100, "width": 4}, "data": {"kind": "xor", "n_samples": 64}}, 12
        ),
        "fresh": Trainer({"network": {"depth": 3, "width": 4}}),
        "spiral3": _train(
            {"data": {**dataset_defaults("spiral"), "n_classes": 3}, "network": {"depth": 2, "width": 8}}, 20
        ),
        "sine": _train({"data": dataset_defaults("sine"), "network": {"depth": 2, "width": 8}}, 20),
        "teacher": _train({"data": dataset_defaults("teacher"), "network": {"depth": 2, "width": 8}}, 5),
    }


@pytest.fixture(scope="module")
def snapshots(trainers):
    return {name: trainer.snapshot() for name, trainer in trainers.items()}


@pytest.fixture
def make_panel(qtbot):
    def make(cls):
        panel = cls()
        qtbot.addWidget(panel)
        panel.resize(900, 600)
        panel.show()
        return panel

    return make


def original_y(item: pg.PlotDataItem | pg.PlotCurveItem) -> np.ndarray:
    x, y = item.getData() if isinstance(item, pg.PlotCurveItem) else item.getOriginalDataset()
    return np.zeros(0) if y is None else np.asarray(y)


def scene_item_count(panel) -> int:
    return sum(len(view.scene().items()) for view in panel.findChildren(pg.GraphicsView))


# ---------------------------------------------------------------------------- loss
def test_loss_panel_draws_every_history(make_panel, snapshots, tmp_path):
    s = snapshots["relu-he"]
    panel = make_panel(LossPanel)
    panel.show_snapshot(s)
    loss = s.scalars["scalars.last"][:, s.scalar_names.index("loss")]
    assert len(original_y(panel.train_curve)) == len(s.scalars["scalars.steps"]) == 60
    np.testing.assert_allclose(original_y(panel.train_curve), np.log10(loss))
    np.testing.assert_allclose(original_y(panel.band_high), np.log10(s.scalars["scalars.high"][:, 0]))
    n_eval = len(s.evaluation["evaluation.steps"])
    assert n_eval > 0
    for curve in (
        panel.eval_train_curve,
        panel.test_curve,
        panel.train_accuracy_curve,
        panel.test_accuracy_curve,
    ):
        assert len(original_y(curve)) == n_eval
    accuracy = s.evaluation["evaluation.last"][:, s.evaluation_names.index("test_accuracy")]
    np.testing.assert_allclose(original_y(panel.test_accuracy_curve), accuracy)
    panel.log_check.setChecked(False)
    np.testing.assert_allclose(original_y(panel.train_curve), loss)
    assert not panel.nonfinite_line.isVisible()
    panel.grab().save(str(tmp_path / "loss.png"))


def test_loss_panel_marks_divergence(make_panel, snapshots):
    s = snapshots["exploding"]
    assert s.divergence is not None
    panel = make_panel(LossPanel)
    panel.show_snapshot(s)
    assert panel.nonfinite_line.isVisible()
    assert panel.nonfinite_line.value() == s.divergence["step"]
    assert panel.nonfinite_line.label.toPlainText() == f"NaN/Inf at step {s.divergence['step']}"
    assert np.isnan(original_y(panel.train_curve)[-1])


def test_loss_panel_shows_exact_zero_on_the_floor(make_panel, snapshots):
    s = snapshots["relu-he"]
    scalars = dict(s.scalars)
    last = scalars["scalars.last"].copy()
    last[10, 0] = 0.0
    scalars["scalars.last"] = last
    panel = make_panel(LossPanel)
    panel.show_snapshot(dataclasses.replace(s, scalars=scalars))
    y = original_y(panel.train_curve)
    floor = panel.zero_line.value()
    assert np.isfinite(y[10]) and y[10] == floor < np.nanmin(np.delete(y, 10))
    assert len(panel.zero_markers.data) == 1
    assert panel.zero_line.isVisible()
    assert panel.loss_axis.tickStrings([floor], 1, 1) == ["0"]


# ---------------------------------------------------------------------------- gradient flow
def test_gradient_flow_heatmap_and_bars(make_panel, snapshots, tmp_path):
    s = snapshots["relu-he"]
    panel = make_panel(GradientFlowPanel)
    panel.show_snapshot(s)
    steps = len(s.layer_grads["layer_grads.steps"])
    assert panel.image.image.shape[:2] == (steps, s.depth + 1) == (60, 11)
    np.testing.assert_allclose(panel.heatmap_values, np.log10(s.layer_grads["layer_grads.last"]))
    latest = s.layer_grads["layer_grads.last"][-1]
    np.testing.assert_allclose(panel.bars.opts["x1"], np.log10(latest))
    np.testing.assert_allclose(panel.bars.opts["y"], np.arange(1, s.depth + 2))
    assert "intact" in panel.summary.text()
    panel.grab().save(str(tmp_path / "gradient_flow.png"))


def test_gradient_flow_shows_vanishing_in_sigmoid_deep(make_panel, snapshots, tmp_path):
    s = snapshots["sigmoid-deep"]
    panel = make_panel(GradientFlowPanel)
    panel.show_snapshot(s)
    recent = panel.heatmap_values[-20:]
    first_layer, last_layer = np.median(recent[:, 0]), np.median(recent[:, -1])
    assert last_layer - first_layer > 2.0  # two orders of magnitude at least
    assert np.all(np.diff(np.median(recent[:, :-1], axis=0)) > 0)  # shrinking towards layer 1
    # darker (lower in the inferno table) at layer 1 than at the output
    brightness = panel.image.image[-1, :, :3].astype(int).sum(axis=1)
    assert brightness[0] < brightness[-1]
    assert "vanishing" in panel.summary.text()
    panel.grab().save(str(tmp_path / "gradient_flow_sigmoid.png"))


def test_gradient_flow_shows_float16_zeros_instead_of_dropping_them(make_panel, snapshots):
    s = snapshots["float16"]
    latest = s.layer_grads["layer_grads.last"][-1]
    zeros = latest == 0
    assert zeros.any() and not zeros.all()  # the fixture must underflow in the early layers only
    panel = make_panel(GradientFlowPanel)
    panel.show_snapshot(s)
    np.testing.assert_array_equal(panel.bar_values[zeros], panel.bar_floor)
    assert panel.bar_floor < np.nanmin(panel.bar_values[~zeros])
    assert len(panel.zero_markers.data) == zeros.sum()
    assert panel.bars_axis.tickStrings([panel.bar_floor], 1, 1) == ["0"]
    zero_cell = panel.image.image[-1, np.flatnonzero(zeros)[0]]
    np.testing.assert_array_equal(zero_cell, gp.rgba(gp.ZERO_COLOUR))
    assert "exactly zero" in panel.summary.text()


def test_gradient_flow_fixed_levels_keep_a_shrinking_gradient_visible(make_panel, snapshots):
    s = snapshots["relu-he"]
    grads = dict(s.layer_grads)
    grads["layer_grads.last"] = s.layer_grads["layer_grads.last"] * 1e-3
    shrunk = dataclasses.replace(s, layer_grads=grads)
    panel = make_panel(GradientFlowPanel)
    panel.show_snapshot(s)
    before = panel.image.image.copy()
    panel.show_snapshot(shrunk)
    assert panel.image.image[:, :, :3].astype(int).sum() < before[:, :, :3].astype(int).sum() * 0.8
    panel.fixed_check.setChecked(False)  # follow the data: the picture is rescaled away
    panel.show_snapshot(s)
    before = panel.image.image.copy()
    panel.show_snapshot(shrunk)
    np.testing.assert_array_equal(panel.image.image, before)


def test_gradient_flow_marks_nonfinite_gradients(make_panel, snapshots):
    s = snapshots["exploding"]
    latest = s.layer_grads["layer_grads.last"][-1]
    assert not np.isfinite(latest).all()
    panel = make_panel(GradientFlowPanel)
    panel.show_snapshot(s)
    assert len(panel.nonfinite_markers.data) == (~np.isfinite(latest)).sum()
    nan_rows = np.isnan(s.layer_grads["layer_grads.last"])
    if nan_rows.any():
        np.testing.assert_array_equal(panel.image.image[nan_rows][0], gp.rgba(gp.NAN_COLOUR))
    assert "NaN" in panel.summary.text()


# ---------------------------------------------------------------------------- histograms
def test_histogram_panel_ridge_and_fractions(make_panel, snapshots, tmp_path):
    s = snapshots["relu-he"]
    panel = make_panel(HistogramPanel)
    panel.show_snapshot(s)
    assert len(panel.ridge_curves) == s.depth
    counts = s.histograms["activation"]
    for layer in (0, s.depth - 1):
        y = original_y(panel.ridge_curves[layer]) - (layer + 1)
        np.testing.assert_allclose(y * counts[layer].max() / 0.92, counts[layer], atol=1e-9)
    dead = s.stat("dead_fraction")
    np.testing.assert_allclose(panel.dead_bars.opts["x1"], np.nan_to_num(dead))
    assert np.nanmax(dead) > 0  # relu-he has some dead units after 60 steps (checks the bars are fed)
    panel.quantity_combo.setCurrentIndex(2)
    y = original_y(panel.ridge_curves[0]) - 1
    grads = s.histograms["log10_grad"][0]
    np.testing.assert_allclose(y * grads.max() / 0.92, grads, atol=1e-9)
    panel.grab().save(str(tmp_path / "histogram_ridge.png"))
    panel.layout_combo.setCurrentIndex(1)
    assert len(panel.multiple_curves) == s.depth
    assert "dead" in panel.multiple_plots[0].titleLabel.text
    panel.grab().save(str(tmp_path / "histogram_multiples.png"))


def test_histogram_panel_limits_small_multiples_for_deep_nets(make_panel, snapshots):
    s = snapshots["depth100"]
    panel = make_panel(HistogramPanel)
    panel.layout_combo.setCurrentIndex(1)
    panel.show_snapshot(s)
    assert len(panel.ridge_curves) == 32  # evenly spaced rows, first and last included
    assert panel.ridge_layers[0] == 0 and panel.ridge_layers[-1] == 99
    assert len(panel.multiple_plots) == 12
    assert panel.multiple_layers[0] == 0 and panel.multiple_layers[-1] == 99


def test_histogram_saturation_of_sigmoid(make_panel, snapshots):
    s = snapshots["float16"]
    panel = make_panel(HistogramPanel)
    panel.show_snapshot(s)
    np.testing.assert_allclose(panel.saturation_bars.opts["x1"], np.nan_to_num(s.stat("saturation")))
    assert np.all(np.asarray(panel.dead_bars.opts["x1"]) == 0)  # sigmoid units cannot die


# ---------------------------------------------------------------------------- weights
def test_weight_panel_curves_follow_stats_history(make_panel, snapshots, tmp_path):
    s = snapshots["sigmoid-deep"]
    panel = make_panel(WeightStatsPanel)
    panel.show_snapshot(s)
    n_stats = len(s.stat_names)
    history = s.stats_history["stats.last"]
    assert panel.layers == list(range(s.depth))
    for name in ("weight_norm", "update_ratio"):
        curves = panel.curves[name]
        assert len(curves) == s.depth
        for layer in (0, 4, s.depth - 1):
            column = history[:, layer * n_stats + s.stat_names.index(name)]
            np.testing.assert_allclose(original_y(curves[layer]), np.log10(column), equal_nan=True)
    assert len(panel.legend.items) == s.depth
    panel.grab().save(str(tmp_path / "weights.png"))


def test_weight_panel_draws_float16_zero_updates_on_the_floor(make_panel, snapshots):
    s = snapshots["float16"]
    n_stats = len(s.stat_names)
    ratios = s.stats_history["stats.last"][:, s.stat_names.index("update_ratio") :: n_stats]
    assert (ratios == 0).any()
    panel = make_panel(WeightStatsPanel)
    panel.show_snapshot(s)
    floor = panel.zero_lines["update_ratio"].value()
    assert panel.zero_lines["update_ratio"].isVisible()
    layer = int(np.argwhere(ratios == 0)[0][1])
    y = original_y(panel.curves["update_ratio"][layer])
    np.testing.assert_array_equal(y[ratios[:, layer] == 0], floor)
    assert panel.ratio_plot.getAxis("left").tickStrings([floor], 1, 1) == ["0"]
    assert panel.zero_lines["update_ratio"].label.toPlainText() == "exactly 0 (underflow)"


# ---------------------------------------------------------------------------- decision
def test_decision_surface_binary(make_panel, snapshots, tmp_path):
    s = snapshots["relu-he"]
    panel = make_panel(DecisionPanel)
    panel.show_snapshot(s)
    resolution = len(s.decision["xs"])
    assert panel.image.image.shape[:2] == (resolution, resolution) == s.decision["values"].shape
    assert len(panel.scatter.data) == len(s.data["x"])
    x, _ = panel.boundary.getOriginalDataset()
    assert x is not None and len(x) > 10  # the 0.5 boundary of the circles
    assert panel.stack.currentIndex() == 0
    # class-1 probability high -> class-1 colour dominates (blue channel) in that cell
    i, j = np.unravel_index(np.argmax(s.decision["values"]), s.decision["values"].shape)
    cell = panel.image.image[i, j].astype(int)
    assert cell[2] > cell[0]
    panel.grab().save(str(tmp_path / "decision.png"))


def test_decision_surface_multiclass(make_panel, snapshots):
    s = snapshots["spiral3"]
    panel = make_panel(DecisionPanel)
    panel.show_snapshot(s)
    assert len(panel._legend_samples) == 3
    assert len(panel.scatter.data) == len(s.data["x"])
    assert panel.image.image.shape[:2] == s.decision["values"].shape


def test_decision_fit_plot_and_message(make_panel, snapshots, trainers, tmp_path):
    s = snapshots["sine"]
    panel = make_panel(DecisionPanel)
    panel.show_snapshot(s)
    assert panel.stack.currentIndex() == 0
    assert len(panel.scatter.data) == len(s.data["x"])
    xs = np.linspace(-1, 1, 50)
    curve = trainers["sine"].network.forward(xs[:, None], train=False, keep_cache=False)
    panel.show_snapshot(dataclasses.replace(s, decision={"xs": xs, "values": np.asarray(curve)}))
    np.testing.assert_allclose(original_y(panel.fit_curve), np.asarray(curve)[:, 0])
    panel.grab().save(str(tmp_path / "fit.png"))
    panel.show_snapshot(snapshots["teacher"])
    assert panel.stack.currentIndex() == 1
    assert "32" in panel.message.text()


# ---------------------------------------------------------------------------- all panels
ODD_SNAPSHOTS = ("fresh", "depth1", "depth100", "exploding", "float16", "spiral3", "sine", "teacher")


@pytest.mark.filterwarnings("error::RuntimeWarning")
@pytest.mark.parametrize("panel_class", PANELS, ids=lambda c: c.__name__)
def test_every_panel_survives_odd_snapshots(make_panel, snapshots, panel_class, tmp_path):
    panel = make_panel(panel_class)
    for name in ODD_SNAPSHOTS:
        panel.show_snapshot(snapshots[name])
        QApplication.processEvents()
    panel.show_snapshot(snapshots["relu-he"])
    QApplication.processEvents()
    assert panel.grab().save(str(tmp_path / f"{panel_class.__name__}.png"))


@pytest.mark.parametrize("panel_class", PANELS, ids=lambda c: c.__name__)
def test_repeated_frames_do_not_add_items(make_panel, trainers, panel_class):
    trainer = Trainer(load_config("relu-he"))
    frames = []
    for _ in range(4):
        trainer.run(15)
        frames.append(trainer.snapshot())
    panel = make_panel(panel_class)
    panel.show_snapshot(frames[0])
    QApplication.processEvents()
    before = scene_item_count(panel)
    for i in range(100):
        panel.show_snapshot(frames[i % len(frames)])
    QApplication.processEvents()
    assert scene_item_count(panel) == before


class _MarkingTranslator(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{context}» {source}"

    def isEmpty(self):  # noqa: N802
        return False


def _visible_texts(panel) -> list[str]:
    texts = [w.text() for kind in (QCheckBox, QLabel) for w in panel.findChildren(kind) if w.text()]
    texts += [w.toolTip() for w in panel.findChildren(QWidget) if w.toolTip()]
    for combo in panel.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    for view in panel.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.PlotItem):
                texts += [item.titleLabel.text] if item.titleLabel.text else []
                texts += [item.toolTip()] if item.toolTip() else []
                for name in ("left", "bottom", "right"):
                    axis = item.getAxis(name)
                    if axis.isVisible() and axis.labelText:
                        texts.append(axis.labelText)
                    for level in axis._tickLevels or []:  # custom ticks: words, not numbers
                        texts += [text for _value, text in level if text and not text.isdigit()]
            elif isinstance(item, pg.LegendItem):
                texts += [label.text for _sample, label in item.items if label.text]
            elif isinstance(item, pg.InfLineLabel) and item.isVisible() and item.toPlainText():
                texts.append(item.toPlainText())
    return texts


@pytest.mark.parametrize("panel_class", PANELS, ids=lambda c: c.__name__)
def test_retranslate_reapplies_every_text_in_the_panel_context(make_panel, snapshots, panel_class):
    panel = make_panel(panel_class)
    panel.show_snapshot(snapshots["float16"] if panel_class is WeightStatsPanel else snapshots["relu-he"])
    if panel_class is LossPanel:
        panel.show_snapshot(snapshots["exploding"])  # its NaN/Inf marker line has a label too
    translator = _MarkingTranslator()
    QApplication.instance().installTranslator(translator)
    try:
        panel.retranslate()
        texts = _visible_texts(panel)
    finally:
        QApplication.instance().removeTranslator(translator)
    assert len(texts) >= 3
    marker = f"«{panel_class.__name__}»"
    untranslated = [t for t in texts if marker not in t]
    assert not untranslated


def test_line_scale_is_applied_on_the_next_frame(make_panel, snapshots):
    panel = make_panel(LossPanel)
    panel.show_snapshot(snapshots["relu-he"])
    assert panel.train_curve.opts["pen"].widthF() == pytest.approx(1.0)
    gp.set_line_scale(2.5)
    try:
        panel.show_snapshot(snapshots["relu-he"])
        assert panel.train_curve.opts["pen"].widthF() == pytest.approx(2.5)
    finally:
        gp.set_line_scale(1.0)


def test_log_safe_keeps_zeros_on_the_floor():
    result = gp.log_safe(np.array([1e-3, 0.0, 10.0, np.nan, -1.0, np.inf]))
    assert result.floor == -4
    np.testing.assert_allclose(result.values[:3], [-3, -4, 1])
    assert np.isnan(result.values[3:]).all()
    np.testing.assert_array_equal(result.zeros, [False, True, False, False, False, False])
    axis = gp.Log10Axis("left")
    axis.set_log(True, zero_at=-4.0)
    assert axis.tickStrings([-4.0, -3.0, 0.0, 5.0], 1, 1) == ["0", "0.001", "1", "10⁵"]


def test_loss_legend_stays_inside_its_plot_after_narrowing_and_widening(make_panel):
    """1 -> 3 -> 1 columns: pyqtgraph's setColumnCount left stale grid rows and columns and
    the legend grew wider than its plot (off its left edge in the presentation view)."""
    panel = make_panel(LossPanel)
    widths = []
    for width in (380, 900, 380, 900, 380):
        panel.resize(width, 400)
        QApplication.processEvents()
        legend, box = panel.legend, panel.loss_plot.getViewBox()
        assert legend.width() <= box.width() + 1, (width, legend.columnCount, legend.width(), box.width())
        widths.append((legend.columnCount, round(legend.width())))
    assert widths[0] == widths[2] == widths[4] and widths[1] == widths[3]
    assert widths[0][0] < widths[1][0]  # fewer columns in the narrow plot


def test_gradient_flow_summary_is_reworded_at_a_readable_rate_and_ends_on_the_newest(
    make_panel, qtbot, snapshots
):
    """Frames come ~30 times a second; a new summary text lays the panel out again, so it is
    re-worded at most SUMMARY_HZ times a second, and the newest one always follows."""
    healthy, vanishing = snapshots["relu-he"], snapshots["sigmoid-deep"]
    panel = make_panel(GradientFlowPanel)
    panel.show_snapshot(healthy)
    assert "intact" in panel.summary.text()  # the first frame: at once
    panel.show_snapshot(vanishing)
    assert "intact" in panel.summary.text()  # a frame right after: its turn has not come
    qtbot.waitUntil(lambda: "vanishing" in panel.summary.text(), timeout=3 * 1000 / SUMMARY_HZ)
    panel.retranslate()  # a language change re-words it at once, whatever the rate
    assert "vanishing" in panel.summary.text()
