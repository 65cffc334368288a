"""The gradient-flow heatmap names the colours that are not on its colour bar: cyan cells are
exact zeros (float16 underflow, dead units), grey ones NaN. The float16 demo filled layers
1-7 with a cyan the colour bar did not explain."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from gradsim.engine.trainer import Trainer  # noqa: E402
from gradsim.scenarios.catalogue import find_scenario  # noqa: E402
from gradsim.shipped import load_config  # noqa: E402
from gradsim.ui.common import plotting as gp  # noqa: E402
from gradsim.ui.training.gradient_flow_panel import GradientFlowPanel  # noqa: E402

pytestmark = pytest.mark.ui


def _panel(qtbot, trainer: Trainer) -> GradientFlowPanel:
    panel = GradientFlowPanel()
    qtbot.addWidget(panel)
    panel.resize(700, 420)
    panel.show()
    panel.show_snapshot(trainer.snapshot())
    return panel


def test_float16_zeros_are_named_in_the_legend(qtbot):
    trainer = Trainer(find_scenario("float16-underflow").config())
    trainer.run(60)
    panel = _panel(qtbot, trainer)
    assert panel.legend.isVisible()
    text = panel.legend.text()
    assert gp.ZERO_COLOUR in text and "exactly 0" in text and "underflow" in text
    assert "NaN" not in text
    legend = panel.legend
    assert legend.heightForWidth(legend.width()) <= legend.height() + 1  # every line shown


def test_nan_cells_are_named_and_a_healthy_run_needs_no_legend(qtbot):
    exploding = Trainer(load_config("exploding"))
    exploding.run(10)
    panel = _panel(qtbot, exploding)
    assert panel.legend.isVisible() and gp.NAN_COLOUR in panel.legend.text()
    healthy = Trainer(load_config("relu-he"))
    healthy.run(10)
    panel.show_snapshot(healthy.snapshot())
    assert not panel.legend.isVisible()
