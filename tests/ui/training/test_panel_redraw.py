"""Panels redraw only what changed: an unchanged input costs a comparison, not a repaint.

The window hands every visible panel every frame (~30-40 a second). Snapshots come as
the same objects (thread backend) or as fresh unpickled copies (process backend), and
most of what they carry changes less often than the frame rate: the decision map at
~10 Hz, histograms and statistics at the diagnostics cadence, nothing at all while a
frame is drawn again. These tests count the pyqtgraph calls that change what is drawn
(setData, setImage, setOpts, ranges, titles) and the scene's ``changed`` signal (which
schedules a repaint) when a panel gets such a snapshot, and check that a real change
is still drawn.
"""

from __future__ import annotations

import dataclasses
import os
import pickle

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections import Counter  # noqa: E402

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsView  # noqa: E402

from gradsim.engine.snapshot import frozen_dict  # noqa: E402
from gradsim.engine.trainer import Trainer  # noqa: E402
from gradsim.ui.common.redraw import kept, same_inputs  # noqa: E402
from gradsim.ui.training.decision_panel import DecisionPanel  # noqa: E402
from gradsim.ui.training.gradient_flow_panel import GradientFlowPanel  # noqa: E402
from gradsim.ui.training.histogram_panel import HistogramPanel  # noqa: E402
from gradsim.ui.training.network_diagram import NetworkDiagram  # noqa: E402
from gradsim.ui.training.weights_panel import WeightStatsPanel  # noqa: E402

pytestmark = pytest.mark.ui
PANELS = (HistogramPanel, WeightStatsPanel, GradientFlowPanel, DecisionPanel, NetworkDiagram)
CONFIG = {
    "data": {"kind": "circles", "n_samples": 200, "seed": 0},
    "network": {"depth": 3, "width": 8, "activation": "relu"},
    "optimizer": {"kind": "sgd", "lr": 0.05},
    "training": {"batch_size": 32, "diagnostics_every": 20},
}
# what changes a drawn picture (or its layout) in the pyqtgraph items the panels use
DRAWING_CALLS = (
    (pg.PlotCurveItem, "setData"),
    (pg.PlotDataItem, "setData"),
    (pg.ImageItem, "setImage"),
    (pg.ImageItem, "setRect"),
    (pg.BarGraphItem, "setOpts"),
    (pg.ScatterPlotItem, "setData"),
    (pg.ViewBox, "setRange"),
    (pg.ViewBox, "enableAutoRange"),
    (pg.PlotItem, "setTitle"),
    (pg.PlotItem, "setLabel"),
    (pg.LabelItem, "setText"),
    (pg.InfiniteLine, "setValue"),
)


@pytest.fixture
def drawing_calls(monkeypatch) -> Counter:
    """Counts the calls of :data:`DRAWING_CALLS`, by "Class.method"."""
    counts: Counter = Counter()

    def counting(cls, name):
        original = getattr(cls, name)

        def wrapper(self, *args, **kwargs):
            counts[f"{cls.__name__}.{name}"] += 1
            return original(self, *args, **kwargs)

        return wrapper

    for cls, name in DRAWING_CALLS:
        monkeypatch.setattr(cls, name, counting(cls, name))
    return counts


@pytest.fixture(scope="module")
def frames():
    """Snapshots as the worker builds them: the decision map refreshed only now and then.

    ``a`` at step 30 (statistics of step 21), ``b`` five steps later with the same
    statistics and the same decision map objects, ``c`` past the next cadence step
    (statistics of step 41) with a new map.
    """
    trainer = Trainer(CONFIG)
    trainer.run(30)
    decision = frozen_dict(trainer.decision_grid())
    data = frozen_dict({"x": trainer.dataset.x_train, "y": trainer.dataset.y_train})
    a = dataclasses.replace(trainer.snapshot(include_decision=False), decision=decision, data=data)
    trainer.run(5)
    b = dataclasses.replace(trainer.snapshot(include_decision=False), decision=decision, data=data)
    trainer.run(10)
    c = trainer.snapshot()
    assert b.stats_history["stats.steps"][-1] == a.stats_history["stats.steps"][-1] == 21
    assert c.stats_history["stats.steps"][-1] == 41
    assert not np.array_equal(a.decision["values"], c.decision["values"])
    return {"a": a, "b": b, "c": c}


def unpickled(snapshot):
    """A snapshot as the process backend delivers it: equal content, new objects."""
    return pickle.loads(pickle.dumps(snapshot))


def scene_changes(panel) -> list:
    """A list that collects every ``changed`` emission of the panel's graphics scenes."""
    changes: list = []
    for view in panel.findChildren(QGraphicsView):
        view.scene().changed.connect(lambda regions, changes=changes: changes.append(regions))
    return changes


def settle(panel) -> None:
    """Let the panel finish what its last frame scheduled (layouts, deferred ranges, paints)."""
    changes = scene_changes(panel)
    for _ in range(50):
        changes.clear()
        for view in panel.findChildren(pg.GraphicsView):
            view.scene().prepareForPaint()
        for _ in range(3):
            QApplication.processEvents()
        if not changes:
            return
    raise AssertionError("the panel keeps changing its scene without new data")


@pytest.fixture
def make_panel(qtbot):
    def make(cls):
        panel = cls()
        qtbot.addWidget(panel)
        panel.resize(800, 500)
        panel.show()
        qtbot.waitExposed(panel)
        return panel

    return make


# ---------------------------------------------------------------------------- every panel
@pytest.mark.parametrize("copy", [False, True], ids=["same-object", "unpickled-copy"])
@pytest.mark.parametrize("panel_class", PANELS, ids=lambda c: c.__name__)
def test_an_identical_snapshot_draws_nothing(make_panel, frames, drawing_calls, panel_class, copy):
    panel = make_panel(panel_class)
    panel.show_snapshot(frames["a"])
    settle(panel)
    drawing_calls.clear()
    changes = scene_changes(panel)
    for _ in range(3):
        panel.show_snapshot(unpickled(frames["a"]) if copy else frames["a"])
        QApplication.processEvents()
    assert not drawing_calls, dict(drawing_calls)
    assert changes == []  # nothing asked the scene for a repaint


@pytest.mark.parametrize("panel_class", PANELS, ids=lambda c: c.__name__)
def test_a_changed_snapshot_is_drawn(make_panel, frames, drawing_calls, panel_class):
    panel = make_panel(panel_class)
    panel.show_snapshot(frames["a"])
    settle(panel)
    drawing_calls.clear()
    changes = scene_changes(panel)
    panel.show_snapshot(unpickled(frames["c"]))  # new statistics, gradients, weights and map
    QApplication.processEvents()
    assert drawing_calls or panel_class is NetworkDiagram
    assert changes  # a repaint was scheduled


# ---------------------------------------------------------------------------- cadence panels
@pytest.mark.parametrize("panel_class", [HistogramPanel, WeightStatsPanel], ids=lambda c: c.__name__)
def test_cadence_panels_redraw_only_when_statistics_change(make_panel, frames, drawing_calls, panel_class):
    panel = make_panel(panel_class)
    panel.show_snapshot(frames["a"])
    settle(panel)
    drawing_calls.clear()
    panel.show_snapshot(unpickled(frames["b"]))  # five steps later, same cadence step
    assert not drawing_calls, dict(drawing_calls)
    panel.show_snapshot(frames["c"])
    assert drawing_calls["PlotCurveItem.setData"] > 0


def test_histogram_curves_follow_the_new_cadence_step(make_panel, frames):
    panel = make_panel(HistogramPanel)
    panel.show_snapshot(frames["a"])
    first = panel.ridge_curves[0].getData()[1].copy()
    panel.show_snapshot(frames["b"])
    np.testing.assert_array_equal(panel.ridge_curves[0].getData()[1], first)
    panel.show_snapshot(frames["c"])
    counts = frames["c"].histograms["activation"][0]
    expected = 1.0 + panel.ridge_height * counts / counts.max()
    np.testing.assert_allclose(panel.ridge_curves[0].getData()[1], expected)


def test_histogram_switching_layout_or_quantity_still_redraws(make_panel, frames):
    panel = make_panel(HistogramPanel)
    s = frames["a"]
    panel.show_snapshot(s)
    panel.quantity_combo.setCurrentIndex(2)
    grads = s.histograms["log10_grad"][0]
    np.testing.assert_allclose(
        panel.ridge_curves[0].getData()[1], 1.0 + panel.ridge_height * grads / grads.max()
    )
    panel.layout_combo.setCurrentIndex(1)
    np.testing.assert_allclose(panel.multiple_curves[0].getData()[1], grads / grads.max())
    panel.show_snapshot(s)  # the multiples stay drawn
    np.testing.assert_allclose(panel.multiple_curves[0].getData()[1], grads / grads.max())


def test_weight_panel_log_toggle_still_redraws(make_panel, frames):
    panel = make_panel(WeightStatsPanel)
    s = frames["a"]
    panel.show_snapshot(s)
    logged = panel.curves["weight_norm"][0].getData()[1].copy()
    panel.log_check.setChecked(False)
    np.testing.assert_allclose(panel.curves["weight_norm"][0].getData()[1], 10**logged)


# ---------------------------------------------------------------------------- decision map
def test_decision_map_is_set_only_when_it_changes(make_panel, frames, drawing_calls):
    panel = make_panel(DecisionPanel)
    panel.show_snapshot(frames["a"])
    image = panel.image.image
    settle(panel)
    drawing_calls.clear()
    changes = scene_changes(panel)
    panel.show_snapshot(frames["b"])  # the worker re-sends the map between refreshes
    panel.show_snapshot(unpickled(frames["b"]))
    QApplication.processEvents()
    assert not drawing_calls, dict(drawing_calls)
    assert changes == []
    assert panel.image.image is image
    panel.show_snapshot(frames["c"])
    assert drawing_calls["ImageItem.setImage"] == 1
    assert panel.image.image is not image


def test_decision_points_follow_changed_data(make_panel, frames):
    panel = make_panel(DecisionPanel)
    s = frames["a"]
    panel.show_snapshot(s)
    x = np.array(s.data["x"], copy=True)
    x[0] += 1.0  # same sum of coordinates elsewhere would not matter: content is compared
    x[1] -= 1.0
    panel.show_snapshot(dataclasses.replace(s, data={**s.data, "x": x}))
    np.testing.assert_allclose(panel.scatter.data["x"][:2], x[:2, 0])


def test_decision_texts_follow_a_changed_boundary(make_panel, frames):
    panel = make_panel(DecisionPanel)
    s = frames["a"]
    panel.show_snapshot(s)
    flat = dict(s.decision)
    flat["values"] = np.full_like(s.decision["values"], 0.3)
    panel.show_snapshot(dataclasses.replace(s, decision=flat))
    assert "0.30" in panel.caption.text()
    panel.show_snapshot(s)
    assert "0.30" not in panel.caption.text()


# ---------------------------------------------------------------------------- gradient flow
def test_gradient_flow_settings_still_redraw(make_panel, frames):
    panel = make_panel(GradientFlowPanel)
    s = frames["a"]
    panel.show_snapshot(s)
    image = panel.image.image.copy()
    panel.low_spin.setValue(-3.0)
    assert not np.array_equal(panel.image.image, image)
    panel.bucket_combo.setCurrentIndex(1)
    np.testing.assert_allclose(panel.heatmap_values, np.log10(s.layer_grads["layer_grads.high"]))


def test_gradient_flow_colour_bar_is_drawn_once_for_fixed_levels(make_panel, frames, drawing_calls):
    panel = make_panel(GradientFlowPanel)
    panel.show_snapshot(frames["a"])
    bar = panel.colour_bar_image.image
    drawing_calls.clear()
    panel.show_snapshot(frames["b"])
    assert drawing_calls["ImageItem.setImage"] == 1  # the heatmap; not the colour bar or swatches
    assert panel.colour_bar_image.image is bar


# ---------------------------------------------------------------------------- network diagram
def test_diagram_restyles_only_when_weights_change(make_panel, frames, monkeypatch):
    panel = make_panel(NetworkDiagram)
    panel.show_snapshot(frames["a"])
    styled = []
    original = panel._update_styles
    monkeypatch.setattr(panel, "_update_styles", lambda: (styled.append(1), original()))
    panel.show_snapshot(unpickled(frames["a"]))
    assert styled == []
    edited = {**frames["a"].weights}
    w = np.array(edited["layers.0.W"], copy=True)
    w[0, 0] = 5.0  # a weight edit while paused: same step, new weights
    edited["layers.0.W"] = w
    panel.show_snapshot(dataclasses.replace(frames["a"], weights=edited))
    assert styled == [1]
    panel.select_edge(0, 0)
    assert "w = 5" in panel.info_text()


# ---------------------------------------------------------------------------- comparison helper
def test_same_inputs_compares_content():
    a = np.array([1.0, np.nan, 3.0])
    assert same_inputs(a, a.copy())  # NaN equals NaN
    assert not same_inputs(a, np.array([1.0, np.nan, 4.0]))
    assert not same_inputs(a, a.astype(np.float32))
    assert not same_inputs(a, a[:2])
    assert same_inputs((1, "x", {"k": a}), (1, "x", {"k": a.copy()}))
    assert not same_inputs((1, "x", {"k": a}), (1, "x", {"j": a}))
    assert not same_inputs(None, (1,))
    assert same_inputs(np.array([1, 2]), np.array([1, 2]))
    assert same_inputs(float("nan"), float("nan"))
    writeable = np.zeros(3)
    stored = kept((writeable,))
    writeable[0] = 1.0  # a later change to a caller's array is seen as a change
    assert not same_inputs(stored, (writeable,))
    frozen = np.zeros(3)
    frozen.flags.writeable = False
    assert kept((frozen,))[0] is frozen  # snapshot arrays are read-only: shared, not copied
