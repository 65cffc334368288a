"""Compare… in the main window: variants trained in lockstep in their own process, shown in
the comparison dock (N overlaid curves in N colours, N tiles, N diagnosis lines), saved
and re-created through a session."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gradsim.engine.variants import parse_comparison
from gradsim.ui.common import plotting as gp
from gradsim.ui.compare.comparison import DOCK_NAME, SECTION_FORMAT
from gradsim.ui.compare.dialog import CompareDialog

pytestmark = pytest.mark.ui
INIT = parse_comparison({"setting": "init", "values": ["xavier_normal", "he_normal", "orthogonal"]})


def _wait_paused(qtbot, comparison, step: int) -> None:
    qtbot.waitUntil(lambda: not comparison.running and comparison.step_count == step, timeout=30_000)


def test_compare_trains_variants_in_lockstep_and_shows_them(qtbot, make_window):
    window = make_window()
    comparison = window.comparison
    assert comparison.action in window.menus.train.actions()
    assert comparison.open(window.controller.config, INIT, steps=25)
    _wait_paused(qtbot, comparison, 25)
    view = comparison.view
    snapshot = view.snapshot
    assert snapshot is not None and [s.step for s in snapshot.snapshots] == [25, 25, 25]
    assert window.docks[DOCK_NAME] is comparison.dock and comparison.dock.isVisible()
    # N curves in N colours in each overlay plot, N tiles of each kind, N diagnosis lines
    pens = [curve.opts["pen"].color().name().upper() for curve in view.overlay.loss_curves]
    assert pens == [gp.series_colour(i).upper() for i in range(3)]
    assert len(view.overlay.accuracy_curves) == 3
    for curve in view.overlay.loss_curves:
        x, y = curve.getData()
        assert len(x) == 25 and np.isfinite(y).all()
    assert [len(grid.tiles) for grid in view.grids.values()] == [3, 3]
    assert [tile.title.text() for tile in view.grids["gradient_flow"].tiles] == [
        f"■ {name}" for name in view.variant_names()
    ]
    assert all(tile.panel.heatmap_values.shape[0] > 0 for tile in view.grids["gradient_flow"].tiles)
    assert len(view.legend.lines) == 3 and all(line.text() for line in view.legend.lines)
    assert "Xavier" in view.legend.names[0].text() and "He" in view.legend.names[1].text()
    comparison.close()
    assert DOCK_NAME not in window.docks and not comparison.active
    assert comparison.open(window.controller.config, INIT)
    comparison.dock.close()  # the dock's own close button ends the comparison too
    assert not comparison.active and DOCK_NAME not in window.docks


def test_the_comparison_round_trips_through_a_session(qtbot, make_window, tmp_path):
    window = make_window()
    comparison = window.comparison
    comparison.open(window.controller.config, INIT, steps=12)
    _wait_paused(qtbot, comparison, 12)
    section = comparison.section()
    assert section == {"format": SECTION_FORMAT, "version": 1, **INIT.to_json(), "step": 12}
    path = str(tmp_path / "compare.gradsim")
    assert window.sessions.save_to(path)
    losses = [float(s.loss) for s in comparison.view.snapshot.snapshots]
    comparison.close()
    assert window.sessions.open_path(path, ask=False)
    assert comparison.active and comparison.comparison == INIT
    _wait_paused(qtbot, comparison, 12)
    again = comparison.view.snapshot.snapshots
    assert [float(s.loss) for s in again] == losses  # re-created and trained back, bit for bit


def test_a_session_without_a_comparison_ends_the_one_shown(qtbot, make_window, tmp_path):
    window = make_window()
    path = str(tmp_path / "plain.gradsim")
    assert window.sessions.save_to(path)
    window.comparison.open(window.controller.config, INIT)
    assert window.sessions.open_path(path, ask=False)
    assert not window.comparison.active


def test_the_dialog_offers_the_current_value_and_checks_what_is_entered(qtbot, relu_config):
    from gradsim.engine.config import validate_config

    dialog = CompareDialog(validate_config(relu_config))
    qtbot.addWidget(dialog)
    dialog.set_setting("init")
    first = next(iter(dialog.checks))
    assert first == "he_normal" and dialog.checks[first].isChecked()
    for check in dialog.checks.values():
        check.setChecked(False)
    dialog.checks["he_normal"].setChecked(True)
    assert dialog.comparison() is None and "2 to 4" in dialog.problem.text()
    dialog.checks["xavier_normal"].setChecked(True)
    assert dialog.comparison() == parse_comparison(
        {"setting": "init", "values": ["he_normal", "xavier_normal"]}
    )
    dialog.set_setting("lr")
    dialog.values_edit.setText("0.01, 0.1, 1")
    assert dialog.comparison().values == (0.01, 0.1, 1.0)
    dialog.values_edit.setText("0.01, fast")
    assert dialog.comparison() is None and "values[1]" in dialog.problem.text()
    dialog.set_setting("clipping")
    dialog.values_edit.setText("none, 1")
    assert dialog.comparison().values == ("none", 1.0)


def test_compare_with_other_runs_a_scenario_and_a_saved_session(qtbot, make_window, tmp_path):
    window = make_window()
    saved = str(tmp_path / "earlier.gradsim")
    assert window.sessions.save_to(saved)
    dialog = CompareDialog(window.controller.config, window, dialogs=window.dialogs)
    qtbot.addWidget(dialog)
    dialog.set_setting("source")
    assert dialog.values() == ["current"] and dialog.comparison() is None  # one run is no comparison
    scenario = "scenario:he-vs-xavier-deep-relu"
    items = {
        dialog.runs.item(i).data(Qt.ItemDataRole.UserRole): dialog.runs.item(i)
        for i in range(dialog.runs.count())
    }
    assert scenario in items and "scenario:saddle-noise-escape" not in items  # network runs only
    items[scenario].setCheckState(Qt.CheckState.Checked)
    dialog.add_session_path(saved)
    comparison = dialog.comparison()
    assert comparison is not None and comparison.values == ("current", scenario, f"session:{saved}")
    assert window.comparison.open(window.controller.config, comparison, steps=5)
    _wait_paused(qtbot, window.comparison, 5)
    snapshots = window.comparison.view.snapshot.snapshots
    assert [s.step for s in snapshots] == [5, 5, 5]
    assert [s.depth for s in snapshots] == [10, 30, 10]  # relu-he, the scenario, the session
    names = [label.text() for label in window.comparison.view.legend.names]
    assert names == ["■ this run", "■ He vs Xavier in a 30-layer ReLU network", "■ earlier.gradsim"]
    assert window.comparison.section()["values"] == list(comparison.values)
