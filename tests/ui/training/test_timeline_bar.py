"""The timeline bar past 2**31 steps: QSlider is 32-bit, a session may hold 2**53 steps (issue 11).

A session at step 10**30 used to be accepted and the slider's setMaximum printed an
OverflowError traceback; sessions now stop at 2**53 steps, and the bar scales its slider.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from gradsim.ui.training.timeline_bar import SLIDER_MAX, TimelineBar

pytestmark = pytest.mark.ui


@pytest.fixture
def bar(qtbot) -> TimelineBar:
    widget = TimelineBar()
    qtbot.addWidget(widget)
    return widget


def test_small_runs_map_one_position_to_one_step(bar) -> None:
    bar.show_snapshot(SimpleNamespace(step=130))
    assert (bar.slider.maximum(), bar.chosen_step()) == (130, 130)
    bar.set_step(73)
    assert (bar.slider.value(), bar.chosen_step()) == (73, 73)


@pytest.mark.parametrize("current", [2**31 - 1, 2**31, 2**31 + 7, 2**40 + 3, 2**53])
def test_a_run_past_2_to_the_31_steps_scrubs_and_rewinds(bar, current) -> None:
    chosen, rewinds = [], []
    bar.stepChosen.connect(chosen.append)
    bar.rewindRequested.connect(lambda step, keep: rewinds.append((step, keep)))
    bar.show_snapshot(SimpleNamespace(step=current))
    assert bar.slider.maximum() <= SLIDER_MAX
    assert bar.chosen_step() == current  # the end is the current step, exactly
    assert f"{current:,}" in bar.step_label.text()
    target = current // 3
    bar.set_step(target)
    assert abs(bar.chosen_step() - target) <= bar.steps_per_position
    assert chosen[-1] == bar.chosen_step() > 2**31 // 3 - 1  # 64-bit, not cut to 32 bits
    bar.branch_check.setChecked(True)  # no confirmation dialog
    assert bar.rewind_here()
    assert rewinds == [(bar.chosen_step(), 1)]


def test_the_chosen_past_step_stays_while_the_run_grows(bar) -> None:
    bar.show_snapshot(SimpleNamespace(step=2**31 - 10))
    bar.set_step(2**30)
    bar.show_snapshot(SimpleNamespace(step=2**33))  # the scale changes: 5 steps a position
    assert bar.steps_per_position == 5
    assert abs(bar.chosen_step() - 2**30) <= bar.steps_per_position
    bar.set_step(bar.current_step)
    bar.show_snapshot(SimpleNamespace(step=2**33 + 100))  # at the end, the bar follows the run
    assert bar.chosen_step() == 2**33 + 100


def test_the_marker_lines_show_the_chosen_past_step_and_stay_untouched_at_the_end(bar, monkeypatch) -> None:
    import pyqtgraph as pg

    plot = pg.PlotItem()
    bar.attach({"loss": SimpleNamespace(loss_plot=plot)})
    (line,) = bar.markers
    moves: list[float] = []
    move = pg.InfiniteLine.setValue
    monkeypatch.setattr(pg.InfiniteLine, "setValue", lambda item, v: moves.append(v) or move(item, v))
    for step in (100, 140, 180):  # training, the slider at the end: the hidden line is not moved
        bar.show_snapshot(SimpleNamespace(step=step))
    assert not line.isVisible() and moves == []
    bar.set_step(60)
    assert line.isVisible() and line.value() == 60
    bar.show_snapshot(SimpleNamespace(step=220))  # the run grows: the marker stays on the chosen step
    assert line.isVisible() and line.value() == 60
    bar.set_step(bar.current_step)
    assert not line.isVisible()
