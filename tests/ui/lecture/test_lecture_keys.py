"""Lecture mode: the lecturer's keys in the presentation view (issue 13)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

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


def test_space_plays_and_pauses_and_shift_right_trains_ten_steps(make_window, qtbot):
    window = make_window()
    present(window, qtbot, 1)
    controller = window.controller
    step = controller.last_frame.snapshot.step
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not controller.running, timeout=20_000)
    qtbot.waitUntil(lambda: controller.last_frame.snapshot.step == step + 10, timeout=20_000)
    assert window.lecture.player.index == 1  # Shift+→ trains, it does not move on
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert controller.running
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not controller.running, timeout=20_000)


def test_reset_goes_back_to_the_stage_start_and_ctrl_z_restores_the_run(make_window, qtbot):
    window = make_window()
    present(window, qtbot, 1)
    controller = window.controller
    start = controller.last_frame.snapshot.step
    controller.step(25)
    qtbot.waitUntil(lambda: controller.last_frame.snapshot.step == start + 25, timeout=20_000)
    qtbot.keyClick(window, Qt.Key.Key_R)
    wait_actions(window, qtbot)
    qtbot.waitUntil(lambda: controller.last_frame.snapshot.step == start, timeout=20_000)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: controller.last_frame.snapshot.step == start + 25, timeout=20_000)
    assert window.lecture.player.index == 1
    qtbot.keyClick(
        window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    wait_actions(window, qtbot)
    qtbot.waitUntil(lambda: controller.last_frame.snapshot.step == start, timeout=20_000)


def test_b_and_period_black_the_screen_and_esc_leaves(make_window, qtbot):
    window = make_window()
    present(window, qtbot)
    black = window.lecture.view.black
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert black.isVisible() and black.geometry() == window.rect()
    qtbot.keyClick(window, Qt.Key.Key_Period)
    assert not black.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Period)
    assert black.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # the first Esc lifts the black screen
    assert not black.isVisible() and window.lecture.presenting
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.lecture.presenting
    assert window.menus.toolbar.isVisible()
    assert window.docks["builder"].isVisible() or window.docks["builder"].isHidden() is False
    qtbot.keyClick(window, Qt.Key.Key_Right)  # no longer presenting: the arrow is not a lecture key
    assert window.lecture.player.index == 0


def test_f11_turns_the_presentation_on_and_off(make_window, qtbot):
    window = make_window()
    assert window.open_lesson(LESSON, 0)
    wait_actions(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.lecture.presenting and window.isFullScreen()
    assert not window.docks["builder"].isVisible()
    assert not window.docks["controls"].isVisible()
    assert window.lecture.view.header_dock.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.lecture.presenting and not window.isFullScreen()
    assert window.docks["builder"].isVisible()


def test_a_closed_window_stops_filtering_the_applications_events(make_window, qtbot):
    """The keys are an application-wide event filter: a closed window's must go with it (a
    window object kept alive by a reference otherwise filtered every event of the application),
    and come back when the window is shown again."""
    window, other = make_window(), make_window()
    seen: list[str] = []

    def watching(name: str, windows):
        def key_windows():  # the filter asks for its windows on every key event it sees
            seen.append(name)
            return windows()

        return key_windows

    window.lecture.keys._windows = watching("closed", window.lecture.keys._windows)
    other.lecture.keys._windows = watching("other", other.lecture.keys._windows)
    window.close()
    assert not window.lecture.keys.installed
    qtbot.keyClick(other, Qt.Key.Key_Right)
    assert "other" in seen and "closed" not in seen
    window.show()
    assert window.lecture.keys.installed
    seen.clear()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert "closed" in seen and window.lecture.presenting


def test_no_single_key_acts_while_a_text_field_has_the_focus(make_window, qtbot):
    window = make_window()
    present(window, qtbot)
    field = QLineEdit(window.lecture.view.narrative)
    field.show()
    field.setFocus()
    player, controller = window.lecture.player, window.controller
    for key in (
        Qt.Key.Key_Right,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_3,
        Qt.Key.Key_R,
        Qt.Key.Key_B,
        Qt.Key.Key_Space,
    ):
        qtbot.keyClick(field, key)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert player.index == 0
    assert not window.lecture.view.black.isVisible()
    assert window.lecture.presenting
    assert not controller.running
    assert "3" in field.text() and "r" in field.text() and "b" in field.text()


def test_help_lists_the_keys_and_the_lecture_menu_lists_the_lessons(make_window, dialogs):
    window = make_window()
    window.lecture.shortcuts_action.trigger()  # a window of its own (tests/ui/lecture/test_keys_table.py)
    listed = window.lecture.shortcuts.text.toPlainText()
    assert all(key in listed for key in ("F11", "Space", "Page Down", "Shift+→", "Esc"))
    assert window.lecture.shortcuts_action in window.menus.help.actions()
    assert window.lecture.presentation_action in window.menus.view.actions()
    assert window.lecture.presentation_action.shortcut().toString() == "F11"
    names = [action.data() for action in window.lecture.lesson_actions]
    assert len(names) == 5 and names[0] == LESSON


def test_open_lesson_file_from_the_file_menu(make_window, dialogs, qtbot):
    from gradsim.shipped import lessons_dir

    window = make_window()
    dialogs.open_answers.append(str(lessons_dir() / "exploding-gradients.json"))
    assert window.lecture.open_action in window.menus.file.actions()
    window.lecture.open_action.trigger()
    assert window.lecture.player.lesson.name == "exploding-gradients"
    assert window.lecture.player.index == 0
    wait_actions(window, qtbot)
    assert not window.open_lesson("no-such-lesson")
    assert dialogs.errors()


def test_a_landscape_stage_shows_the_race_without_the_banner(make_window, qtbot):
    window = make_window()
    assert window.open_lesson("depth-terrain-optimizers", 3)  # ravine and momentum: a race
    window.lecture.set_presentation(True, full_screen=False)
    wait_actions(window, qtbot)
    landscape = window.panels["landscape"]
    assert window.docks["landscape"].isVisible() and not window.docks["banner"].isVisible()
    analytic = landscape.analytic
    qtbot.waitUntil(lambda: analytic.computation is not None and analytic.index > 0, timeout=30_000)
    window.lecture.view.update_step()  # the counter follows the race's step (10 times a second)
    assert window.lecture.view.header.step.text() == f"{analytic.index:,}"
    qtbot.keyClick(window, Qt.Key.Key_Space)  # the race's animation, not the network's training
    assert analytic.playing and not window.controller.running
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not analytic.playing
    window.lecture.set_presentation(False)
    assert window.docks["banner"].isVisible()
