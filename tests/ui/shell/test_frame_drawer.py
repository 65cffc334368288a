"""Frames reach the panels a user can see, each at its rate, and none rests on an old state."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time  # noqa: E402

import pytest  # noqa: E402

from gradsim.ui.shell.main_window import PANELS  # noqa: E402

pytestmark = pytest.mark.ui


class Spy:
    """Records the step of every snapshot a panel is asked to draw."""

    def __init__(self, panel, monkeypatch) -> None:
        self.steps: list[int] = []
        original = panel.show_snapshot

        def show(snapshot) -> None:
            self.steps.append(snapshot.step)
            original(snapshot)

        monkeypatch.setattr(panel, "show_snapshot", show)


def _run_until(qtbot, window, frames: int) -> None:
    start = window.frames_drawn
    window.controller.play()
    qtbot.waitUntil(lambda: window.frames_drawn >= start + frames, timeout=20_000)


def _pause(qtbot, window) -> int:
    with qtbot.waitSignal(window.controller.paused, timeout=10_000):
        window.controller.pause()
    return window.controller.last_frame.snapshot.step


def test_rates_are_declared_for_the_heavy_panels_only():
    rates = {spec.name: spec.max_hz for spec in PANELS}
    assert rates["loss"] == 0 and rates["gradient_flow"] == 0 and rates["banner"] == 0
    assert 0 < rates["histograms"] < 30 and 0 < rates["decision"] < 30


def test_a_panel_behind_a_tab_is_not_drawn_until_its_tab_is_raised(qtbot, make_window, monkeypatch):
    window = make_window()
    window.resize(1600, 1000)
    window.docks["decision"].raise_()  # histograms, weights, lab sit behind it
    qtbot.waitUntil(lambda: window.docks["histograms"].visibleRegion().isEmpty(), timeout=5000)
    hidden, shown = Spy(window.panels["histograms"], monkeypatch), Spy(window.panels["loss"], monkeypatch)
    _run_until(qtbot, window, 8)
    step = _pause(qtbot, window)
    assert len(shown.steps) >= 8 and shown.steps[-1] == step
    assert hidden.steps == [], "a panel nobody can see was drawn"
    assert "histograms" in window.drawer.stale
    window.docks["histograms"].raise_()
    qtbot.waitUntil(lambda: hidden.steps == [step], timeout=5000)
    assert "histograms" not in window.drawer.stale


def test_a_rate_limited_panel_is_drawn_less_often_and_catches_up_on_pause(qtbot, make_window, monkeypatch):
    window = make_window()
    window.resize(1600, 1000)
    every_frame, limited = (
        Spy(window.panels["loss"], monkeypatch),
        Spy(window.panels["histograms"], monkeypatch),
    )
    window.docks["histograms"].raise_()
    qtbot.waitUntil(lambda: not window.docks["histograms"].visibleRegion().isEmpty(), timeout=5000)
    window.drawer.intervals["histograms"] = 10.0  # far longer than the run: only the pause draws it
    _run_until(qtbot, window, 10)
    step = _pause(qtbot, window)
    assert len(every_frame.steps) >= 10
    assert len(limited.steps) <= 2, limited.steps
    assert limited.steps[-1] == step, "after a pause every panel shows the state training stopped in"


def test_the_catch_up_timer_draws_a_waiting_panel_with_the_newest_frame(qtbot, make_window, monkeypatch):
    window = make_window()
    drawer = window.drawer
    limited = Spy(window.panels["weights"], monkeypatch)
    window.docks["weights"].raise_()
    qtbot.waitUntil(lambda: not window.docks["weights"].visibleRegion().isEmpty(), timeout=5000)
    drawer.intervals["weights"] = 0.2
    window.controller.step(3)
    qtbot.waitUntil(lambda: window.controller.last_frame is not None, timeout=10_000)
    frame = window.controller.last_frame
    drawer.last_drawn["weights"] = time.perf_counter()  # just drawn: the next must wait
    before = len(limited.steps)
    drawer.draw(frame)
    assert "weights" in drawer.waiting and len(limited.steps) == before
    qtbot.waitUntil(lambda: "weights" not in drawer.waiting, timeout=2000)
    assert limited.steps[-1] == window.controller.last_frame.snapshot.step


def test_a_panel_that_fails_to_draw_is_reported_and_left_alone(qtbot, make_window, monkeypatch):
    window = make_window()
    calls = []

    def broken(snapshot) -> None:
        calls.append(snapshot.step)
        raise ValueError("broken panel")

    monkeypatch.setattr(window.panels["weights"], "show_snapshot", broken)
    window.docks["weights"].raise_()
    window.drawer.intervals.pop("weights", None)
    loss = Spy(window.panels["loss"], monkeypatch)
    window.controller.play()
    qtbot.waitUntil(lambda: "weights" in window.panel_errors, timeout=10_000)
    assert "weights" in window.statusBar().currentMessage()
    start = window.frames_drawn
    qtbot.waitUntil(lambda: window.frames_drawn >= start + 5, timeout=20_000)
    _pause(qtbot, window)
    assert len(calls) == 1, "a broken panel is not called again"
    assert "ValueError: broken panel" in window.panel_errors["weights"]
    assert len(loss.steps) >= 5


def test_rate_limited_panels_take_turns_one_per_frame(qtbot, make_window, monkeypatch):
    window = make_window()
    window.resize(1600, 1000)
    drawer = window.drawer
    window.controller.step(2)
    qtbot.waitUntil(lambda: window.controller.last_frame is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not window.controller.running, timeout=10_000)
    limited = [name for name in ("diagram", "decision") if drawer._visible(name)]
    assert len(limited) == 2, "the default layout shows the network and the decision surface"
    spies = {name: Spy(window.panels[name], monkeypatch) for name in limited}
    every = Spy(window.panels["loss"], monkeypatch)
    for name in limited:
        drawer.last_drawn[name] = -1e9  # both long due
    drawer.draw(window.controller.last_frame)
    assert len(every.steps) == 1
    assert sorted(len(spy.steps) for spy in spies.values()) == [0, 1], "two heavy panels in one frame"
    assert len(drawer.waiting) == 1
    qtbot.waitUntil(lambda: all(len(spy.steps) == 1 for spy in spies.values()), timeout=2000)
