"""The comparison follows the theme like the window's panels: the presentation view's
projector theme (light, white, lines and text at 150%) reaches its legend, curves and
tiles while it is paused, and leaving the presentation brings the user's theme back. A
comparison opened before the presentation (floating over the window) is docked on the stage."""

from __future__ import annotations

import pytest

from gradsim.scenarios.lessons import find_lesson
from gradsim.ui.common import plotting as gp
from gradsim.ui.common import theme
from gradsim.ui.compare.comparison import DOCK_NAME

pytestmark = pytest.mark.ui


def _looks(view) -> dict[str, object]:
    """What the theme decides in the comparison view."""
    severities = view.legend._severities
    return {
        "legend": [label.styleSheet() for label in view.legend.lines],
        "expected_legend": [
            f"color: {theme.severity_colours(theme.current_theme())[s][0]};" for s in severities
        ],
        "pen_widths": {curve.opts["pen"].widthF() for curve in view.overlay.loss_curves},
        "background": view.overlay.loss_widget.backgroundBrush().color().name().upper(),
        "bars_pens": {
            tile.panel.heatmap_plot.getAxis("left").textPen().color().name().upper()
            for tile in view.grids["gradient_flow"].tiles
        },
        "boundary_pens": {
            tile.panel.boundary.opts["pen"].color().name().upper() for tile in view.grids["decision"].tiles
        },
    }


def test_the_presentation_theme_reaches_a_paused_comparison(make_window, qtbot):
    window = make_window()
    window.set_preferences(theme_name="dark", line_scale=100)
    try:
        lesson = find_lesson("weight-initialization")
        done: list[int] = []
        window.lecture.player.actionsDone.connect(done.append)
        assert window.open_lesson(lesson, len(lesson.stages) - 1)  # the comparison stage
        qtbot.waitUntil(lambda: bool(done), timeout=60_000)
        view = window.comparison.view
        dark = _looks(view)
        assert dark["background"] == "#1E1E1E" and dark["pen_widths"] == {1.0}
        assert dark["legend"] == dark["expected_legend"]

        assert window.comparison.dock.isFloating()  # opened outside the stage: over the window
        window.lecture.set_presentation(True, full_screen=False)
        qtbot.waitUntil(window.docks[DOCK_NAME].isVisible, timeout=5_000)
        assert not window.comparison.dock.isFloating()  # on the stage, under its header
        qtbot.waitUntil(lambda: _looks(view)["pen_widths"] == {1.5}, timeout=5_000)
        projected = _looks(view)
        assert theme.current_theme() == "light"
        assert projected["legend"] == projected["expected_legend"] != dark["legend"]
        assert projected["pen_widths"] == {1.5}  # the projector's 150%, without a new frame
        assert projected["bars_pens"] == projected["boundary_pens"] == {"#222222"}  # light foreground
        assert not window.comparison.running  # nothing was trained to draw it

        window.lecture.set_presentation(False)
        qtbot.waitUntil(lambda: _looks(view)["pen_widths"] == {1.0}, timeout=5_000)
        back = _looks(view)
        assert back["legend"] == dark["legend"] and back["pen_widths"] == {1.0}
        assert back["bars_pens"] == back["boundary_pens"] == {gp.foreground().upper()} == {"#DDDDDD"}
    finally:
        window.set_preferences(theme_name="light", font_scale=100, line_scale=100)
