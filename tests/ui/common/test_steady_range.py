"""Plots against the step keep their view between anchor moves and always show all the data."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import math  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402

from gradsim.engine.trainer import Trainer  # noqa: E402
from gradsim.shipped import load_config  # noqa: E402
from gradsim.ui.common.steady_range import MIN_FILL, finite_span, nice_ceiling, steady_y  # noqa: E402
from gradsim.ui.training.loss_panel import LossPanel  # noqa: E402

pytestmark = pytest.mark.ui


@given(st.floats(min_value=1e-6, max_value=1e12, allow_nan=False))
def test_nice_ceiling_is_round_above_and_within_a_third(value):
    ceiling = nice_ceiling(value)
    assert value <= ceiling * (1 + 1e-9) and ceiling <= value * 4 / 3 * (1 + 1e-9)
    mantissa = ceiling / 10 ** math.floor(math.log10(ceiling) + 1e-12)
    assert min(abs(mantissa - m) for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)) < 1e-9


@given(
    st.tuples(st.floats(-50, 50), st.floats(0, 50)),
    st.tuples(st.floats(-50, 50), st.floats(0, 50)),
)
def test_steady_y_holds_the_data_and_moves_only_when_it_must(previous, data):
    current = steady_y(None, (previous[0], previous[0] + previous[1]))
    low, high = data[0], data[0] + data[1]
    anchor = steady_y(current, (low, high))
    assert anchor[0] <= low and high <= anchor[1], "the data are always inside the anchor"
    inside = current[0] <= low and high <= current[1]
    full_enough = (high - low) >= MIN_FILL * (current[1] - current[0])
    assert anchor == (current if inside and full_enough else steady_y(None, (low, high)))


def test_finite_span_skips_nan_and_inf():
    assert finite_span(np.array([np.nan, 1.0, np.inf]), np.array([-2.0])) == (-2.0, 1.0)
    assert finite_span(np.array([np.nan])) is None


def test_loss_view_stays_put_while_the_step_grows_and_always_holds_the_curve(qtbot):
    panel = LossPanel()
    qtbot.addWidget(panel)
    panel.resize(700, 500)
    panel.show()
    trainer = Trainer(load_config("relu-he"))
    trainer.run(500)
    views, moves = [], 0
    for _ in range(40):
        trainer.run(10)
        panel.show_snapshot(trainer.snapshot(include_decision=False))
        panel.loss_widget.scene().prepareForPaint()
        QCoreApplication.processEvents()
        (x0, x1), (y0, y1) = panel.loss_plot.getViewBox().viewRange()
        x, y = panel.train_curve.getData()
        finite = np.isfinite(y)
        assert x0 <= x.min() and x.max() <= x1 and y0 <= y[finite].min() and y[finite].max() <= y1
        if views and views[-1] != (x0, x1, y0, y1):
            moves += 1
        views.append((x0, x1, y0, y1))
    assert moves <= 10, f"the view moved at {moves} of 39 frames: it follows every frame again"
    panel.log_check.setChecked(False)  # new coordinates: the anchor starts over
    QCoreApplication.processEvents()
    panel.loss_widget.scene().prepareForPaint()
    (_, _), (y0, y1) = panel.loss_plot.getViewBox().viewRange()
    _, y = panel.train_curve.getData()
    assert y0 <= np.nanmin(y) and np.nanmax(y) <= y1


@pytest.mark.parametrize("log", [True, False])
def test_before_the_first_step_the_loss_axes_show_steps_0_to_100_and_a_loss_range(qtbot, log):
    """Issue 14: step 0 showed pyqtgraph's -0.5..0.5, drawn as "-400..400, step (x0.001)"."""
    panel = LossPanel()
    qtbot.addWidget(panel)
    panel.resize(700, 500)
    panel.show()
    panel.log_check.setChecked(log)
    panel.show_snapshot(Trainer(load_config("relu-he")).snapshot(include_decision=False))
    panel.loss_widget.scene().prepareForPaint()
    QCoreApplication.processEvents()
    (x0, x1), (y0, y1) = panel.loss_plot.getViewBox().viewRange()
    assert -10 < x0 <= 0 and 100 <= x1 < 110, "steps from 0, not around 0"
    if log:
        assert -1.5 < y0 <= -1 and 1 <= y1 < 1.5, "0.1 to 10 on the log axis"
    else:
        assert -0.2 < y0 <= 0 and 1 <= y1 < 1.2
    assert panel.loss_plot.getAxis("bottom").autoSIPrefixScale == 1.0, "no 'step (x0.001)'"
