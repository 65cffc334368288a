"""A plot's minimum width holds its legend (plotting.legend_room, used by keep_scene_inside):
a Russian loss legend 282 px wide ran off the left of a 312 px loss plot, and no minimum
width knew of it, so a layout could make the plot narrower than its legend."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pyqtgraph as pg  # noqa: E402
import pytest  # noqa: E402

from gradsim.ui.common import plotting as gp  # noqa: E402
from tests.ui.layout_check import layout_problems  # noqa: E402

pytestmark = pytest.mark.ui

LONG = "потери обучения (мини-пакет, каждый шаг)"


def _plot_with_legend(qtbot, entries: list[str]) -> pg.PlotWidget:
    view = pg.PlotWidget()
    qtbot.addWidget(view)
    plot = view.getPlotItem()
    plot.setLabel("left", "потери")
    legend = plot.addLegend(offset=(-10, 1), colCount=3)
    for i, name in enumerate(entries):
        plot.plot([0, 1], [i, i + 1], name=name)
    gp.keep_legend_inside(plot, legend, most=3)
    return view


def test_the_minimum_width_holds_the_widest_entry_beside_the_left_axis(qtbot):
    view = _plot_with_legend(qtbot, [LONG, "потери на тесте"])
    plot = view.getPlotItem()
    widest = max(gp.legend_entry_widths(plot.legend))
    left = plot.getAxis("left").width()
    assert gp.legend_room(plot) >= left + widest + 10  # 10: the legend's distance from the edge
    gp.keep_scene_inside(view)
    assert view.minimumWidth() >= gp.legend_room(plot)

    view.resize(view.minimumWidth(), 220)  # as narrow as a layout may make it
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)
    assert plot.legend.columnCount == 1
    assert layout_problems(view) == []


def test_a_plot_without_a_legend_needs_no_room_for_one(qtbot):
    view = pg.PlotWidget()
    qtbot.addWidget(view)
    assert gp.legend_room(view.getPlotItem()) == 0.0
    short = _plot_with_legend(qtbot, ["test"])
    assert gp.legend_room(short.getPlotItem()) < gp.legend_room(
        _plot_with_legend(qtbot, [LONG]).getPlotItem()
    )
