"""The gradient-flow and decision panels' compact mode (the comparison's small multiples) and
the gradient-flow heatmap's steady step axis.

Compact: the same picture without controls, summary, caption, legend or plot titles, at a
smaller minimum size; the colour bar can be left out without taking width. Steady axis:
while training, the heatmap's x view moves in steps (RangeAnchor), not at every frame.
"""

from __future__ import annotations

import numpy as np
import pytest

from gradsim.engine.trainer import Trainer
from gradsim.ui.training.decision_panel import DecisionPanel
from gradsim.ui.training.gradient_flow_panel import (
    COLOUR_BAR_WIDTH,
    COMPACT_MINIMUM_SIZE,
    MINIMUM_SIZE,
    GradientFlowPanel,
)

pytestmark = pytest.mark.ui
CONFIG = {
    "data": {"kind": "circles", "n_samples": 200, "seed": 0},
    "network": {"depth": 4, "width": 8, "activation": "relu", "init": {"kind": "he_normal"}},
    "optimizer": {"kind": "sgd", "lr": 0.05},
    "training": {"batch_size": 32, "seed": 0},
}


@pytest.fixture(scope="module")
def trainer() -> Trainer:
    trainer = Trainer(CONFIG)
    trainer.run(30)
    return trainer


def test_a_compact_gradient_flow_panel_is_the_picture_alone(qtbot, trainer):
    full, compact = GradientFlowPanel(), GradientFlowPanel(compact=True)
    for panel in (full, compact):
        qtbot.addWidget(panel)
        panel.resize(400, 420)
        panel.show()
        panel.show_snapshot(trainer.snapshot())
    assert full.fixed_check.isVisible() and full.summary.isVisible() and full.heatmap_plot.titleLabel.text
    hidden = (compact.fixed_check, compact.low_spin, compact.high_spin, compact.bucket_combo, compact.summary)
    assert not any(widget.isVisible() for widget in hidden)
    assert compact.heatmap_plot.titleLabel.text == compact.bars_plot.titleLabel.text == ""
    assert compact.bars_plot.getAxis("bottom").labelText == ""
    assert compact.graphics.minimumWidth() < MINIMUM_SIZE[0] <= full.graphics.minimumWidth()
    assert compact.graphics.minimumHeight() >= COMPACT_MINIMUM_SIZE[1]
    assert np.array_equal(compact.heatmap_values, full.heatmap_values, equal_nan=True)  # one picture
    compact.retranslate()  # a language switch keeps the titles away
    assert compact.heatmap_plot.titleLabel.text == ""


def test_the_colour_bar_can_be_left_out_and_brought_back(qtbot, trainer):
    panel = GradientFlowPanel(compact=True)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_snapshot(trainer.snapshot())
    panel.show_colour_bar(False)
    assert not panel.colour_bar_plot.isVisible() and panel.colour_bar_plot.maximumWidth() == 0
    panel.show_colour_bar(True)
    assert panel.colour_bar_plot.isVisible() and panel.colour_bar_plot.maximumWidth() == COLOUR_BAR_WIDTH


def test_the_heatmap_step_axis_moves_in_steps_not_every_frame(qtbot):
    """60 frames of one step each: the image grows every frame, the x view changes at most
    once (0..100 holds them all), so the step axis is not laid out again every frame."""
    trainer = Trainer(CONFIG)
    panel = GradientFlowPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 400)
    panel.show()
    box = panel.heatmap_plot.getViewBox()
    ranges, rects = [], []
    for _ in range(60):
        trainer.step()
        panel.show_snapshot(trainer.snapshot(include_decision=False))
        panel.graphics.scene().prepareForPaint()
        ranges.append(tuple(box.viewRange()[0]))
        rects.append(panel.image.mapRectToParent(panel.image.boundingRect()).right())
    assert len(set(rects)) == 60  # the data grew every frame ...
    assert len(set(ranges)) == 1 and ranges[0] == pytest.approx((0.0, 100.0))  # ... the view did not
    low, high = box.viewRange()[1]
    assert (low, high) == pytest.approx((0.5, trainer.network.depth + 1.5))  # the rows fill the height
    for _ in range(60):  # past 100 steps the view moves on, to a round number ahead of the data
        trainer.step()
        panel.show_snapshot(trainer.snapshot(include_decision=False))
        panel.graphics.scene().prepareForPaint()
    # a round number at the last step (120), and the last column's half past it
    assert trainer.step_count == 120 and box.viewRange()[0] == pytest.approx([0.0, 120.5])
    assert rects[-1] <= 100.5  # 60 steps: the view 0..100 held them all


def test_a_compact_decision_panel_has_no_title_caption_or_legend(qtbot, trainer):
    full, compact = DecisionPanel(), DecisionPanel(compact=True)
    for panel in (full, compact):
        qtbot.addWidget(panel)
        panel.resize(420, 420)
        panel.show()
        panel.show_snapshot(trainer.snapshot())
    assert full.plot.titleLabel.text and full.caption.isVisible() and full.legend.isVisible()
    assert compact.plot.titleLabel.text == ""
    assert not compact.caption.isVisible() and not compact.legend.isVisible()
    assert compact.plot_widget.minimumWidth() < full.plot_widget.minimumWidth() or (
        compact.plot_widget.minimumWidth() <= 140
    )
    compact.resize(600, 500)  # a wide tile still has no title (the tile's header names it)
    qtbot.wait(10)
    assert compact.plot.titleLabel.text == ""
