"""The histogram panel as a lecturer reads it (issue 14): the saturated/dead bars carry their
numbers, nothing covers the top layers' bars, and the histograms are fine enough to show a shape."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from gradsim.engine.trainer import Trainer  # noqa: E402
from gradsim.shipped import load_config  # noqa: E402
from gradsim.ui.training.histogram_panel import MAX_BAR_LABELS, HistogramPanel, bar_label_text  # noqa: E402

pytestmark = pytest.mark.ui


@pytest.fixture(scope="module")
def relu_snapshot():
    trainer = Trainer(load_config("relu-he"))  # ten layers; some ReLU units die in 60 steps
    trainer.run(61)
    return trainer.snapshot(include_decision=False)


@pytest.fixture
def panel(qtbot):
    widget = HistogramPanel()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    return widget


def test_the_saturated_and_dead_bars_carry_their_numbers(panel, relu_snapshot):
    panel.show_snapshot(relu_snapshot)
    dead = np.nan_to_num(relu_snapshot.stat("dead_fraction"))
    saturation = np.nan_to_num(relu_snapshot.stat("saturation"))
    assert dead.max() > 0
    assert len(panel.bar_labels) == relu_snapshot.depth
    for layer, (saturation_label, dead_label) in enumerate(panel.bar_labels):
        for label, share, row in (
            (saturation_label, saturation[layer], layer + 1.2),
            (dead_label, dead[layer], layer + 0.8),
        ):
            if share > 0:
                assert label.isVisible() and label.toPlainText() == bar_label_text(share)
                assert label.pos().y() == pytest.approx(row)
                assert label.pos().x() == pytest.approx(share, abs=0.02), "at the end of its bar"
            else:
                assert not label.isVisible()


def test_bar_numbers_are_whole_percentages_and_never_a_misleading_zero():
    assert bar_label_text(0.5) == "50%"
    assert bar_label_text(0.375) == "38%"
    assert bar_label_text(0.003) == "<1%"
    assert bar_label_text(1.0) == "100%"


def test_no_legend_covers_the_top_layers_bars_the_title_names_the_colours(panel, relu_snapshot):
    panel.show_snapshot(relu_snapshot)
    assert panel.fraction_plot.legend is None
    title = panel.fraction_plot.titleLabel.text
    assert "saturated" in title and "dead" in title
    assert "■" in title


def test_deep_nets_show_bars_without_numbers(panel):
    trainer = Trainer({"network": {"depth": MAX_BAR_LABELS + 4, "width": 4}})
    trainer.run(2)
    panel.show_snapshot(trainer.snapshot(include_decision=False))
    assert panel.bar_labels == []
    small = Trainer({"network": {"depth": 3, "width": 4}})
    small.run(2)
    panel.show_snapshot(small.snapshot(include_decision=False))
    assert len(panel.bar_labels) == 3, "the labels follow the depth"


def test_a_sigmoid_layer_histogram_has_enough_bins_to_show_a_shape(panel):
    """41 bins over [-4, 4] left a sigmoid's outputs in [0, 1] five bins: a handful of steps."""
    trainer = Trainer(load_config("sigmoid-deep"))
    trainer.run(21)
    snapshot = trainer.snapshot(include_decision=False)
    counts = snapshot.histograms["activation"]
    low, high = snapshot.histogram_ranges["activation"]
    centres = low + (np.arange(counts.shape[1]) + 0.5) * (high - low) / counts.shape[1]
    assert ((centres > 0) & (centres < 1)).sum() >= 15, "bins across a sigmoid's range"
    occupied = (counts > 0).sum(axis=1)
    assert occupied[0] >= 10, f"occupied bins per layer: {occupied.tolist()}"
    panel.show_snapshot(snapshot)
    x, _ = panel.ridge_curves[0].getData()
    assert len(x) == counts.shape[1] + 1, "the ridge draws every bin"
