"""Lecture mode: the lecturer's keys in the presentation view (issue 13)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.ui

LESSON = "vanishing-gradients"


def present(window, qtbot, stage: int = 0) -> None:
    assert window.open_lesson(LESSON, stage, presentation=False)
    window.lecture.set_presentation(True, full_screen=False)
    wait_actions(window, qtbot)


def wait_actions(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.lecture.player.busy, timeout=30_000)


def test_open_lesson_applies_the_stage(make_window, qtbot):
    window = make_window()
    assert window.open_lesson(LESSON, 1)
    player = window.lecture.player
    assert player.index == 1 and player.stage.kind == "network"
    wait_actions(window, qtbot)
    assert not window.lecture.presenting


def test_arrows_pages_and_numbers_move_between_stages(make_window, qtbot):
    window = make_window()
    present(window, qtbot)
    player = window.lecture.player
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert player.index == 1
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert player.index == 2
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert player.index == 1
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert player.index == 0
    qtbot.keyClick(window, Qt.Key.Key_4)
    assert player.index == 3
    qtbot.keyClick(window, Qt.Key.Key_9)  # the lesson has 6 stages: nothing happens
    assert player.index == 3
    wait_actions(window, qtbot)
