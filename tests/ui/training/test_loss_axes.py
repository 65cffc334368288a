"""The loss panel's axes stay put between anchor moves: a frame whose data fit the anchor
changes neither view's range nor lays out an axis again, and the view still shows all data."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
import pytest  # noqa: E402

from gradsim.engine.trainer import Trainer  # noqa: E402
from gradsim.ui.training.loss_panel import LossPanel  # noqa: E402

pytestmark = pytest.mark.ui

CONFIG = {
    "data": {"kind": "circles", "n_samples": 200, "seed": 0},
    "network": {"depth": 3, "width": 8, "activation": "relu", "init": {"kind": "he_normal"}},
    "optimizer": {"kind": "sgd", "lr": 0.05},
    "training": {"batch_size": 32},
}


def test_frames_inside_the_anchor_lay_out_no_axis(qtbot, monkeypatch):
    panel = LossPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    trainer = Trainer(CONFIG)
    trainer.run(300)
    for _ in range(3):  # the first frames place the anchor
        trainer.run(2)
        panel.show_snapshot(trainer.snapshot(include_decision=False))
        panel.grab()
    changes: list[str] = []
    panel.loss_plot.vb.sigRangeChanged.connect(lambda *_: changes.append("loss"))
    panel.accuracy_plot.vb.sigRangeChanged.connect(lambda *_: changes.append("accuracy"))
    layouts: list[str] = []
    generate = pg.AxisItem.generateDrawSpecs
    def laid_out(axis: pg.AxisItem, painter: object) -> object:
        layouts.append(axis.orientation)
        return generate(axis, painter)

    monkeypatch.setattr(pg.AxisItem, "generateDrawSpecs", laid_out)
    measured: list[object] = []
    bounds = pg.PlotDataItem.dataBounds
    monkeypatch.setattr(
        pg.PlotDataItem, "dataBounds", lambda item, *a, **k: measured.append(item) or bounds(item, *a, **k)
    )
    anchor = (panel.anchor.x, panel.anchor.y)
    for _ in range(10):
        trainer.run(2)
        panel.show_snapshot(trainer.snapshot(include_decision=False))
        panel.grab()  # painted as in the window
    assert (panel.anchor.x, panel.anchor.y) == anchor, "the data left the anchor: pick other steps"
    assert changes == [] and layouts == []
    assert measured == [], "autorange measures only the anchor (it spans the curves)"
    (x0, x1), (y0, y1) = panel.loss_plot.vb.viewRange()
    steps, loss = panel.train_curve.getOriginalDataset()
    finite = np.isfinite(loss)
    assert x0 <= steps.min() and steps.max() <= x1
    assert y0 <= loss[finite].min() and loss[finite].max() <= y1


def test_the_view_follows_data_that_leave_the_anchor(qtbot):
    panel = LossPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    trainer = Trainer(CONFIG)
    trainer.run(50)
    panel.show_snapshot(trainer.snapshot(include_decision=False))
    panel.grab()
    trainer.run(400)  # past the anchor's round number of steps
    panel.show_snapshot(trainer.snapshot(include_decision=False))
    panel.grab()
    x0, x1 = panel.loss_plot.vb.viewRange()[0]
    assert x1 >= 450 and panel.accuracy_plot.vb.viewRange()[0][1] >= 450  # linked
