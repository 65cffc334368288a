"""The comparison view alone: N overlaid curves in N colours, N tiles with the variants'
names, N diagnosis lines; everything fits at the size of a 1280x720 window's comparison in
English, Chinese and Russian (tests/ui/layout_check.py)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from gradsim.engine.config import validate_config
from gradsim.engine.variants import parse_comparison
from gradsim.runner.lockstep import LockstepLoop, VariantSet
from gradsim.runner.training_loop import Pacing, default_factory
from gradsim.ui.common import plotting as gp
from gradsim.ui.common.wording import LanguageSwitcher
from gradsim.ui.compare.view import ComparisonView
from tests.ui.layout_check import layout_problems

pytestmark = pytest.mark.ui
CONFIG = {
    "data": {"kind": "circles", "n_samples": 200, "noise": 0.1, "seed": 0},
    "network": {"depth": 12, "width": 8, "activation": "relu", "init": {"kind": "he_normal"}},
    "optimizer": {"kind": "sgd", "lr": 0.05},
    "training": {"batch_size": 32, "seed": 0},
}
INIT = {"setting": "init", "values": ["xavier_normal", "he_normal", "orthogonal", "lecun_normal"]}


@pytest.fixture(scope="module")
def frame_snapshot():
    variants = VariantSet(validate_config(CONFIG), parse_comparison(INIT))
    loop = LockstepLoop(variants, default_factory, Pacing())
    for i in range(1, 41):
        variants.step(statistics=i == 40)
    return loop.frame().snapshot


def _settle(qapp) -> None:
    for _ in range(5):
        qapp.processEvents()
        time.sleep(0.01)


def _shown_view(qtbot, snapshot, kind: str | None = None) -> ComparisonView:
    """A comparison of the four initializations, sized as its floating dock over a 1280x720
    window, shown with ``snapshot``."""
    view = ComparisonView()
    qtbot.addWidget(view)
    view.set_comparison(snapshot.setting, tuple(INIT["values"]))
    if kind is not None:
        view.set_tiles_kind(kind)
    view.resize(1252, 692)
    view.show()
    view.retranslate()
    view.show_snapshot(snapshot)
    return view


def test_the_view_shows_n_curves_n_tiles_and_n_lines(qtbot, frame_snapshot):
    view = _shown_view(qtbot, frame_snapshot)
    colours = {curve.opts["pen"].color().name().upper() for curve in view.overlay.loss_curves}
    assert colours == {gp.series_colour(i).upper() for i in range(4)}  # four colours, one each
    for curves in (view.overlay.loss_curves, view.overlay.accuracy_curves):
        assert len(curves) == 4 and all(len(curve.getData()[0]) for curve in curves)
    x, _ = view.overlay.loss_curves[0].getData()
    assert np.array_equal(x, np.arange(1, 41))
    assert [tile.title.text() for tile in view.grids["gradient_flow"].tiles] == [
        f"■ {name}" for name in view.variant_names()
    ]
    view.set_tiles_kind("decision")
    tiles = view.grids["decision"].tiles
    assert len(tiles) == 4 and all(tile.panel.image.image is not None for tile in tiles)
    assert len(view.legend.lines) == 4 and all(line.text() for line in view.legend.lines)
    view.set_comparison("lr", (0.01, 0.1))  # fewer variants: fewer curves, tiles and lines
    assert len(view.overlay.loss_curves) == 2 and len(view.grids["gradient_flow"].tiles) == 2
    assert len(view.legend.names) == 2 and view.legend.names[1].text() == "■ lr 0.1"


@pytest.mark.parametrize("language", ["en", "zh_CN", "ru"])
@pytest.mark.parametrize("kind", ["gradient_flow", "decision"])
def test_everything_fits_at_a_projector_window_size(qtbot, qapp, frame_snapshot, language, kind):
    switcher = LanguageSwitcher()
    switcher.apply(language)
    view = _shown_view(qtbot, frame_snapshot, kind)
    _settle(qapp)
    view.settle()
    assert layout_problems(view, allow_scrolling=False) == []


def test_the_tiles_share_the_width_and_keep_their_plots_whole(qtbot, qapp, frame_snapshot):
    """Four tiles of equal width (the colour bar's tile was squeezed to its minimum, its bars
    pushed out of its view), each plot at least as wide as its scene once the tick labels
    of the first frame are measured."""
    view = _shown_view(qtbot, frame_snapshot)
    qtbot.wait(200)  # the tiles are fitted to their labels after the paint that measures them
    _settle(qapp)
    tiles = view.grids["gradient_flow"].tiles
    widths = [tile.width() for tile in tiles]
    assert max(widths) - min(widths) <= 2, widths
    for tile in tiles:
        graphics = tile.panel.graphics
        assert graphics.width() >= graphics.minimumWidth()
        assert graphics.sceneRect().width() <= graphics.viewport().width() + 1
