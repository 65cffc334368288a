"""The frame pacer spaces frames by the GUI thread's CPU per frame, with fake clocks (no wall time)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from types import SimpleNamespace  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from gradsim.runner.training_loop import Frame  # noqa: E402
from gradsim.ui.shell import frame_drawer  # noqa: E402
from gradsim.ui.shell.frame_drawer import MIN_HZ, FrameDrawer, FramePacer  # noqa: E402

pytestmark = pytest.mark.ui


class FakeCpu:
    """The GUI thread's CPU clock, advanced by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _frames_at(pacer: FramePacer, cpu: FakeCpu, cost: float, count: int, start: float = 0.0) -> float:
    """Draw ``count`` frames as soon as the pacer allows, each costing ``cost`` CPU seconds; the end time."""
    now = start
    for _ in range(count):
        now += pacer.wait(now)
        pacer.drawn(now)
        cpu.now += cost
    return now


def test_costly_frames_are_spaced_down_to_the_floor_and_cheap_ones_come_back_up():
    cpu = FakeCpu()
    pacer = FramePacer(share=0.5, cpu=cpu)
    _frames_at(pacer, cpu, 0.004, 30)
    assert pacer.interval == pytest.approx(0.008)  # 4 ms of CPU at half a core: 125 frames/s allowed
    _frames_at(pacer, cpu, 0.020, 60, start=10.0)
    assert pacer.interval == pytest.approx(0.040, rel=0.01)  # 20 ms of CPU: 25 frames/s
    _frames_at(pacer, cpu, 0.200, 60, start=20.0)
    assert pacer.interval == pytest.approx(1 / MIN_HZ)  # never fewer than MIN_HZ frames/s
    _frames_at(pacer, cpu, 0.004, 60, start=30.0)
    assert pacer.interval == pytest.approx(0.008, rel=0.01)  # the room is used again


def test_the_gui_stays_under_its_share_of_a_core():
    cpu = FakeCpu()
    pacer = FramePacer(share=0.4, cpu=cpu)
    end = _frames_at(pacer, cpu, 0.010, 200)
    assert cpu.now / end == pytest.approx(0.4, rel=0.05)  # 10 ms frames at 40 frames/s


def test_a_frame_waits_only_for_the_rest_of_its_interval():
    cpu = FakeCpu()
    pacer = FramePacer(share=0.5, cpu=cpu)
    _frames_at(pacer, cpu, 0.030, 40)
    pacer.drawn(100.0)
    assert pacer.wait(100.0) == pytest.approx(0.060, rel=0.01)
    assert pacer.wait(100.05) == pytest.approx(0.010, rel=0.1)
    assert pacer.wait(100.07) == 0.0


def test_the_cpu_of_a_pause_is_not_counted_as_a_frame():
    cpu = FakeCpu()
    pacer = FramePacer(share=0.5, cpu=cpu)
    _frames_at(pacer, cpu, 0.004, 30)
    pacer.restart()
    cpu.now += 5.0  # the user edits the builder while paused
    pacer.drawn(1000.0)
    assert pacer.interval == pytest.approx(0.008)


class Panel(QWidget):
    """Records the step of every snapshot it is asked to draw."""

    def __init__(self) -> None:
        super().__init__()
        self.steps: list[int] = []

    def show_snapshot(self, snapshot: SimpleNamespace) -> None:
        self.steps.append(snapshot.step)


def _frame(step: int) -> Frame:
    return Frame(SimpleNamespace(step=step), 0.0, step)  # type: ignore[arg-type]


@pytest.fixture
def clock(monkeypatch):
    """The drawer's wall clock, advanced by hand."""
    fake = SimpleNamespace(now=1000.0)
    monkeypatch.setattr(frame_drawer.time, "perf_counter", lambda: fake.now)
    return fake


def _drawer(qtbot, rates: dict[str, float]) -> tuple[FrameDrawer, dict[str, Panel], list[Frame]]:
    window = QWidget()  # never shown: every panel counts as seen
    qtbot.addWidget(window)
    panels = {name: Panel() for name in ("curves", *rates)}
    latest: list[Frame] = []
    drawer = FrameDrawer(
        window, panels, {}, rates, {}, lambda *_: None, lambda: latest[-1] if latest else None
    )
    return drawer, panels, latest


def test_frames_that_come_too_early_wait_and_the_newest_is_drawn_on_pause(qtbot, clock, monkeypatch):
    drawer, panels, latest = _drawer(qtbot, {})
    cpu = FakeCpu()
    drawer.pacer = FramePacer(cpu=cpu)
    monkeypatch.setitem(frame_drawer.GUI_SHARE, "process", 0.5)  # the window's backend (no controller)
    for step in range(1, 4):  # 30 ms of GUI CPU per frame: 60 ms apart at half a core
        latest.append(_frame(step))
        drawer.draw(latest[-1])
        cpu.now += 0.030
        clock.now += 0.065
    assert panels["curves"].steps == [1, 2, 3]
    assert drawer.pacer.interval == pytest.approx(0.060)
    for step in range(4, 8):  # frames every 10 ms: only the first of these 40 ms is drawn now
        latest.append(_frame(step))
        drawer.draw(latest[-1])
        clock.now += 0.010
    assert panels["curves"].steps == [1, 2, 3, 4]
    assert drawer.frames_deferred == 2  # 5 and 6 were replaced by newer frames before their turn
    drawer.flush()  # training paused: the newest frame is drawn at once
    assert panels["curves"].steps == [1, 2, 3, 4, 7]


def test_the_held_frame_is_drawn_when_its_turn_comes(qtbot):
    drawer, panels, latest = _drawer(qtbot, {})
    drawer.pacer.cost = 0.04  # 50 ms apart at 0.8 of a core (the process backend's share)
    latest.extend([_frame(1), _frame(2)])
    drawer.draw(latest[0])
    drawer.draw(latest[1])
    assert panels["curves"].steps == [1]
    qtbot.waitUntil(lambda: panels["curves"].steps == [1, 2], timeout=5000)


def test_no_panel_is_drawn_more_often_than_its_rate(qtbot, clock):
    drawer, panels, latest = _drawer(qtbot, {"slow": 5.0})
    drawer.pacing = False  # every frame comes to the panels
    for step in range(1, 61):  # 60 frames over 1 s
        latest.append(_frame(step))
        drawer.draw(latest[-1])
        clock.now += 1 / 60
    assert len(panels["curves"].steps) == 60
    assert 4 <= len(panels["slow"].steps) <= 6, panels["slow"].steps  # 5 Hz, give or take a boundary
    drawer.flush()
    assert panels["slow"].steps[-1] == 60


def test_plot_views_are_settled_every_frame_but_looked_up_once_a_second(qtbot, clock, monkeypatch):
    import pyqtgraph as pg

    drawer, panels, latest = _drawer(qtbot, {})
    drawer.pacing = False
    window = panels["curves"]
    first = pg.GraphicsView(window)
    window.show()
    lookups: list[int] = []
    find = window.findChildren
    monkeypatch.setattr(window, "findChildren", lambda kind: lookups.append(1) or find(kind), raising=False)
    settled: list[str] = []
    monkeypatch.setattr(first.scene(), "prepareForPaint", lambda: settled.append("first"), raising=False)
    for step in range(1, 31):  # 30 frames in half a second
        latest.append(_frame(step))
        drawer.draw(latest[-1])
        clock.now += 1 / 60
    assert settled == ["first"] * 30
    assert len(lookups) == 1
    later = pg.GraphicsView(window)  # a panel adds a plot: found within VIEWS_TTL_S
    later.show()
    monkeypatch.setattr(later.scene(), "prepareForPaint", lambda: settled.append("later"), raising=False)
    clock.now += frame_drawer.VIEWS_TTL_S
    drawer.draw(_frame(31))
    assert settled[-2:] == ["first", "later"] and len(lookups) == 2


def test_the_application_key_filter_leaves_other_events_at_its_first_test(qtbot):
    """The lecture keys' filter sees every event of the application (~5000 a second while training)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    from gradsim.ui.lecture.keys import LectureKeys

    widget = QWidget()
    qtbot.addWidget(widget)
    asked: list[str] = []
    keys = LectureKeys(lambda: asked.append("windows") or [widget], lambda _: True, lambda: True, widget)
    for kind in (QEvent.Type.Paint, QEvent.Type.Timer, QEvent.Type.UpdateRequest, QEvent.Type.MetaCall):
        assert keys.eventFilter(widget, QEvent(kind)) is False
    assert asked == []
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " ")
    keys.eventFilter(widget, press)
    assert asked == ["windows"]  # a key press is looked at


def test_training_is_told_how_often_frames_can_be_drawn(qtbot, clock):
    """So it builds frames at about that rate, not at its own 40 Hz (a replaced frame is wasted)."""
    drawer, panels, latest = _drawer(qtbot, {})
    cpu = FakeCpu()
    drawer.pacer = FramePacer(cpu=cpu)  # 0.8 of a core (the process backend's share)
    told: list[float] = []
    drawer.window.controller = SimpleNamespace(set_gui_interval=told.append)

    def frames(first: int, count: int, cost: float) -> None:
        for step in range(first, first + count):
            latest.append(_frame(step))
            drawer.draw(latest[-1])
            cpu.now += cost
            clock.now += 0.2  # frames come slowly: the rate told is what the GUI could draw

    frames(1, 40, 0.040)  # 40 ms of CPU a frame at 0.8 of a core: 50 ms apart
    assert told[-1] == pytest.approx(0.05, rel=0.02)
    sent = len(told)
    frames(41, 40, 0.042)  # within 10% of what training was told
    assert len(told) == sent
    frames(81, 40, 0.024)
    assert told[-1] == pytest.approx(0.03, rel=frame_drawer.REPORT_CHANGE)
    drawer.flush()  # paused: no rate to follow until frames are drawn again
    assert told[-1] == 0.0
