"""The presenter window: where it and the stage go with one, two or three screens (a pure
function, fed fake geometries: offscreen has one screen), and the window itself as a second
top-level window that lists the narrative, the next stage and a clock and follows the stage."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from gradsim.scenarios.lessons import find_lesson
from gradsim.ui.lecture import lecture as lecture_module
from gradsim.ui.lecture.placement import MARGIN, presentation_placement, projector_screen
from gradsim.ui.lecture.presenter import DEFAULT_SIZE

pytestmark = pytest.mark.ui

LESSON = "vanishing-gradients"
LAPTOP = QRect(0, 0, 1920, 1040)  # available geometry: less the taskbar
PROJECTOR = QRect(1920, 0, 1280, 720)


# ------------------------------------------------------------------ placement (no window)
def test_two_screens_stage_on_the_projector_presenter_on_the_laptop():
    stage = projector_screen(2, laptop=0)
    assert stage == 1
    placement = presentation_placement([LAPTOP, PROJECTOR], stage)
    assert placement.two_screens and placement.stage_screen == 1 and placement.presenter_screen == 0
    assert placement.stage == PROJECTOR
    assert placement.presenter == QRect(MARGIN, MARGIN, 1920 - 2 * MARGIN, 1040 - 2 * MARGIN)
    assert LAPTOP.contains(placement.presenter) and not placement.presenter.intersects(PROJECTOR)


def test_starting_on_the_second_screen_sends_the_stage_to_the_first():
    stage = projector_screen(2, laptop=1)  # the laptop is not the primary screen
    placement = presentation_placement([PROJECTOR, LAPTOP], stage)
    assert placement.stage == PROJECTOR and LAPTOP.contains(placement.presenter)


def test_screens_above_or_left_of_the_laptop_have_negative_coordinates():
    left = QRect(-1024, -200, 1024, 768)
    placement = presentation_placement([LAPTOP, left], projector_screen(2, 0))
    assert placement.stage == left and placement.presenter.topLeft() == LAPTOP.topLeft() + QRect(
        MARGIN, MARGIN, 0, 0
    ).topLeft()


def test_one_screen_leaves_the_presenter_a_normal_window():
    stage = projector_screen(1, laptop=0)
    assert stage == 0
    placement = presentation_placement([LAPTOP], stage)
    assert not placement.two_screens
    assert placement.presenter is None and placement.presenter_screen is None
    assert placement.stage == LAPTOP


def test_three_screens_and_odd_input():
    third = QRect(3200, 0, 1024, 768)
    placement = presentation_placement([LAPTOP, PROJECTOR, third], stage_screen=2)
    assert placement.stage == third and placement.presenter_screen == 0
    assert projector_screen(3, laptop=0) == 1 and projector_screen(3, laptop=1) == 0
    assert projector_screen(2, laptop=-1) == 1  # a window not yet on a screen counts as on the first
    assert presentation_placement([LAPTOP, PROJECTOR], stage_screen=7).stage == LAPTOP
    tiny = QRect(0, 0, 60, 60)
    assert presentation_placement([PROJECTOR, tiny], 0).presenter == tiny  # no room for a margin
    with pytest.raises(ValueError):
        presentation_placement([], 0)


# ------------------------------------------------------------------ the lecture applies it
def present(window, qtbot, stage: int = 0, *, full_screen: bool) -> None:
    assert window.open_lesson(LESSON, stage)
    window.lecture.presenter_action.setChecked(True)
    window.lecture.set_presentation(True, full_screen=full_screen)
    qtbot.waitUntil(lambda: not window.lecture.player.busy, timeout=30_000)


def test_with_two_screens_the_presenter_goes_to_the_laptop_and_the_window_comes_back(
    make_window, qtbot, monkeypatch
):
    two = presentation_placement([LAPTOP, PROJECTOR], 1)
    asked: list[bool] = []

    def fake_placement(window, *, starting):
        asked.append(starting)
        return two

    monkeypatch.setattr(lecture_module, "screen_placement", fake_placement)
    window = make_window()
    before = window.geometry()
    present(window, qtbot, full_screen=True)
    presenter = window.lecture.presenter
    assert asked == [True] and presenter is not None and presenter.isVisible()
    assert presenter.geometry() == two.presenter
    assert window.lecture.presenting and window.isFullScreen()
    window.lecture.set_presentation(False)
    assert not presenter.isVisible() and not window.isFullScreen()
    assert window.geometry() == before  # back from the projector to where it was


def test_with_one_screen_the_presenter_stays_a_normal_window_behind_the_stage(make_window, qtbot):
    window = make_window()
    assert len(QApplication.screens()) == 1
    present(window, qtbot, full_screen=True)
    presenter = window.lecture.presenter
    assert presenter is not None and presenter.isVisible()
    assert not presenter.isFullScreen() and not presenter.isMaximized()
    assert (presenter.width(), presenter.height()) == DEFAULT_SIZE  # its own size
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)  # the stage in front
    window.lecture.set_presentation(False)


# ------------------------------------------------------------------ the presenter window itself
def test_the_presenter_is_a_second_top_level_window_that_follows_the_stage(make_window, qtbot):
    window = make_window()
    present(window, qtbot, 1, full_screen=False)
    presenter = window.lecture.presenter
    qtbot.waitExposed(presenter)
    tops = [widget for widget in QApplication.topLevelWidgets() if widget.isVisible()]
    assert window in tops and presenter in tops and presenter is not window
    assert presenter.isWindow() and presenter.window() is presenter
    assert presenter.windowTitle() == "gradsim — presenter"
    lesson = find_lesson(LESSON)
    player = window.lecture.player

    def shows(index: int) -> bool:
        stage = lesson.stages[index]
        following = lesson.stages[index + 1].text("title") if index + 1 < len(lesson) else "(the last stage)"
        return (
            player.index == index
            and presenter.stage.text() == f"Stage {index + 1} of {len(lesson)}: {stage.text('title')}"
            and presenter.body.narrative.text() == stage.text("narrative")
            and presenter.body.watch.text() == stage.text("watch")
            and presenter.body.next.text() == following
            and window.lecture.view.header.isVisible()
        )

    assert shows(1)
    assert re.fullmatch(r"\d\d:\d\d  \(\d+:\d\d since the start\)", presenter.clock.text())
    moves = [
        (Qt.Key.Key_Right, 2),
        (Qt.Key.Key_PageDown, 3),
        (Qt.Key.Key_N, 4),
        (Qt.Key.Key_Left, 3),
        (Qt.Key.Key_PageUp, 2),
        (Qt.Key.Key_P, 1),
        (Qt.Key.Key_6, 5),
    ]
    for key, index in moves:
        qtbot.keyClick(presenter, key)  # typed in the presenter window, acting on the stage
        assert shows(index), (key, index)
    qtbot.keyClick(presenter, Qt.Key.Key_Right)  # past the last stage: it stays
    assert shows(5)
    qtbot.keyClick(presenter, Qt.Key.Key_B)
    assert window.lecture.view.black.isVisible()
    qtbot.keyClick(presenter, Qt.Key.Key_Period)
    assert not window.lecture.view.black.isVisible()
    qtbot.waitUntil(lambda: not player.busy, timeout=30_000)
    window.lecture.set_presentation(False)
    assert not presenter.isVisible()
    qtbot.keyClick(presenter, Qt.Key.Key_Left)  # no longer presenting: no lecture key
    assert player.index == 5


def test_the_clock_counts_from_the_start_of_the_presentation(make_window, qtbot, monkeypatch):
    from gradsim.ui.lecture import presenter as presenter_module

    now = [1000.0]
    monkeypatch.setattr(presenter_module.time, "monotonic", lambda: now[0])
    window = make_window()
    present(window, qtbot, full_screen=False)
    presenter = window.lecture.presenter
    assert presenter.clock.text().endswith("(0:00 since the start)")
    now[0] += 125
    presenter.tick()
    assert presenter.clock.text().endswith("(2:05 since the start)")
    window.lecture.set_presentation(False)
    window.lecture.set_presentation(True, full_screen=False)  # a new presentation starts at 0
    assert presenter.clock.text().endswith("(0:00 since the start)")
    window.lecture.set_presentation(False)


def test_the_presenter_is_on_by_default_exactly_while_there_are_two_screens(make_window, monkeypatch):
    window = make_window()
    lecture = window.lecture
    screens: list[object] = [object()]

    class FakeApplication:  # a projector plugged in, then out, after the start
        @staticmethod
        def screens() -> list[object]:
            return screens

    monkeypatch.setattr(lecture_module, "QGuiApplication", FakeApplication)
    lecture._on_screens_changed()
    assert not lecture.presenter_action.isChecked()
    screens.append(object())
    lecture._on_screens_changed()
    assert lecture.presenter_action.isChecked()
    screens.pop()
    lecture._on_screens_changed()
    assert not lecture.presenter_action.isChecked()
    lecture.presenter_action.trigger()  # the lecturer's choice stays
    screens.append(object())
    screens.append(object())
    lecture._on_screens_changed()
    screens[1:] = []
    lecture._on_screens_changed()
    assert lecture.presenter_action.isChecked()


def test_closing_the_presenter_window_turns_it_off(make_window, qtbot):
    window = make_window()
    present(window, qtbot, full_screen=False)
    presenter = window.lecture.presenter
    assert presenter.isVisible() and window.lecture.presenter_action.isChecked()
    presenter.close()  # the lecturer closes it
    assert not window.lecture.presenter_action.isChecked()
    window.lecture.set_presentation(False)  # hiding it on the way out is not closing it
    window.lecture.set_presentation(True, full_screen=False)
    assert not presenter.isVisible()  # it stays closed for the next presentation
    window.lecture.presenter_action.trigger()
    assert presenter.isVisible() and window.lecture.presenter_action.isChecked()
    window.lecture.set_presentation(False)
    assert window.lecture.presenter_action.isChecked()  # leaving keeps the choice
