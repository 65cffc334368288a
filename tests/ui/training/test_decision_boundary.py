"""The decision surface's p = 0.5 line at step 0 (issue 14): an untrained net's nearly flat
output broke the contour into stray black specks; the panel now draws the real boundary only.

Counted on the real trainer's decision grid: relu-he at step 0 (its output hovers just
above 0.5: contourpy finds 13 pieces, 11 of them loops of 1-5 cells), the init scenario's
N(0, 0.01²) net (an output flat to 1e-16: any line is noise) and the symmetric net (one
real boundary that must stay).
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import contourpy  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from gradsim.engine.trainer import Trainer  # noqa: E402
from gradsim.scenarios.catalogue import find_scenario  # noqa: E402
from gradsim.shipped import load_config  # noqa: E402
from gradsim.ui.training.decision_panel import DecisionPanel, boundary_pieces  # noqa: E402

pytestmark = pytest.mark.ui


def _raw_piece_count(trainer: Trainer) -> int:
    grid = trainer.decision_grid()
    generator = contourpy.contour_generator(grid["xs"], grid["ys"], grid["values"].T, line_type="Separate")
    return len(generator.lines(0.5))


def _drawn(qtbot, trainer: Trainer) -> DecisionPanel:
    panel = DecisionPanel()
    qtbot.addWidget(panel)
    panel.show_snapshot(trainer.snapshot())
    return panel


def test_an_untrained_relu_net_draws_its_boundary_without_specks(qtbot):
    trainer = Trainer(load_config("relu-he"))
    assert _raw_piece_count(trainer) > 5  # what the panel drew before: the specks are there
    panel = _drawn(qtbot, trainer)
    assert 1 <= panel.boundary_piece_count() <= 2  # the boundary crosses the plane once or twice
    grid = trainer.decision_grid()
    assert panel.boundary_piece_count() == len(boundary_pieces(grid["xs"], grid["ys"], grid["values"], 0.5))


def test_a_flat_output_draws_no_boundary(qtbot):
    trainer = Trainer(find_scenario("init-too-small-too-large").config())
    values = trainer.decision_grid()["values"]
    assert float(values.max() - values.min()) < 1e-6 and _raw_piece_count(trainer) >= 1
    panel = _drawn(qtbot, trainer)
    assert panel.boundary_piece_count() == 0
    assert panel.caption.text().startswith("No decision boundary")


def test_a_real_boundary_stays_whole(qtbot):
    trainer = Trainer(find_scenario("symmetry-never-breaks").config())
    assert _drawn(qtbot, trainer).boundary_piece_count() == 1


def test_short_pieces_and_flat_grids_are_dropped():
    xs = ys = np.linspace(-1.0, 1.0, 41)  # cells of 0.05
    gx, gy = np.meshgrid(xs, ys, indexing="ij")
    line = 0.5 + 0.3 * gx  # one straight boundary at x = 0
    speck = np.where(np.hypot(gx - 0.5, gy - 0.5) < 0.04, 0.0, 1.0)  # a loop of ~1 cell
    assert len(boundary_pieces(xs, ys, line, 0.5)) == 1
    assert boundary_pieces(xs, ys, speck * 0.5 + 0.3, 0.5) == []
    assert boundary_pieces(xs, ys, 0.5 + 1e-4 * gx, 0.5) == []  # spans less than a colour step
