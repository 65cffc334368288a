"""Lecture mode: the presentation view, its projector theme, the presenter window, a lesson
saved with the session, and every shipped lesson's stages laid out at 1280x720 and 1024x768."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QGraphicsItem

from gradsim.scenarios.lessons import find_lesson, list_lessons
from tests.ui import layout_check
from tests.ui.layout_check import layout_problems

pytestmark = pytest.mark.ui

LESSON = "vanishing-gradients"


def wait_actions(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.lecture.player.busy, timeout=30_000)


def test_projector_theme_white_black_and_scaled(make_window, qtbot):
    window = make_window()
    base = QApplication.font().pointSizeF()
    assert window.open_lesson(LESSON, 0)
    window.lecture.view.set_scale(150)
    window.lecture.set_presentation(True, full_screen=False)
    palette = QApplication.instance().palette()
    assert palette.color(QPalette.ColorRole.Window).name() == "#ffffff"
    assert palette.color(QPalette.ColorRole.WindowText).name() == "#000000"
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.5)
    from gradsim.ui.common import plotting

    assert plotting.line_scale() == pytest.approx(1.5)
    window.lecture.set_presentation(False)
    assert QApplication.font().pointSizeF() == pytest.approx(base)
    assert plotting.line_scale() == pytest.approx(1.0)
    wait_actions(window, qtbot)


def test_the_presentation_hides_the_builder_and_shows_the_stage(make_window, qtbot):
    window = make_window()
    assert window.open_lesson(LESSON, 1, presentation=False)
    window.lecture.set_presentation(True, full_screen=False)
    view = window.lecture.view
    assert view.header_dock.isVisible() and view.narrative_dock.isVisible()
    for name in ("builder", "controls", "diagram", "histograms"):
        assert not window.docks[name].isVisible(), name
    assert window.docks["gradient_flow"].isVisible() and window.docks["banner"].isVisible()
    assert not window.menus.toolbar.isVisible()
    stage = find_lesson(LESSON).stages[1]
    assert view.header.title.text().endswith(stage.text("title"))
    assert view.narrative.narrative.text() == stage.text("narrative")
    wait_actions(window, qtbot)
    qtbot.waitUntil(lambda: view.header.step.text() == f"{window.controller.last_frame.snapshot.step:,}")
    window.lecture.act("narrative")
    assert not view.narrative_dock.isVisible()
    window.lecture.act("narrative")
    assert view.narrative_dock.isVisible()


def test_presenter_window_shows_the_narrative_and_the_next_stage(make_window, qtbot):
    window = make_window()
    assert window.open_lesson(LESSON, 2)
    window.lecture.set_presentation(True, full_screen=False)
    presenter = window.lecture.show_presenter()
    qtbot.waitExposed(presenter)
    assert presenter.isWindow() and presenter is not window and presenter.isVisible()
    lesson = find_lesson(LESSON)
    assert presenter.body.narrative.text() == lesson.stages[2].text("narrative")
    assert presenter.body.next.text() == lesson.stages[3].text("title")
    assert ":" in presenter.clock.text()
    from PySide6.QtCore import Qt

    qtbot.keyClick(presenter, Qt.Key.Key_Right)  # the keys act in the presenter window too
    assert window.lecture.player.index == 3
    assert presenter.body.next.text() == lesson.stages[4].text("title")
    window.set_language("ru", remember=False)
    assert presenter.body.narrative.text() == lesson.stages[3].text("narrative", "ru")
    window.set_language("en", remember=False)
    window.lecture.set_presentation(False)
    assert not presenter.isVisible()
    wait_actions(window, qtbot)


def test_a_lesson_round_trips_through_a_session_file(make_window, qtbot, tmp_path):
    window = make_window()
    assert window.open_lesson(LESSON, 3)
    wait_actions(window, qtbot)
    path = str(tmp_path / "lecture.gradsim")
    assert window.sessions.save_to(path)
    from gradsim.session.io import load_session

    assert load_session(path).extras["lecture"]["stage"] == 3
    other = make_window()
    assert other.open_session(path)
    player = other.lecture.player
    assert player.lesson is not None and player.lesson.name == LESSON and player.index == 3
    assert player.lesson == find_lesson(LESSON)


def _stage_shown(window, size: tuple[int, int]) -> None:
    window.resize(*size)
    window.lecture.view.arrange()
    deadline = time.monotonic() + 0.4
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)


def _clipping_objects(item: QGraphicsItem) -> Iterator[QGraphicsItem]:
    """layout_check's clipping ancestors through ``parentObject()``: its ``parentItem()`` walk
    made wrappers of the network diagram's plain parent items, and the diagram's next
    ``scene.clear()`` crashed the process (segmentation fault, reproduced on lesson 2's
    stages); pyqtgraph's clipping ViewBoxes are QGraphicsObjects, so they are still found."""
    parent = item.parentObject()
    while parent is not None:
        if parent.flags() & QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape:
            yield parent
        parent = parent.parentObject()


def _avoid_the_wrapper_crash(monkeypatch) -> None:
    if hasattr(layout_check, "_clipping_ancestors"):  # a layout_check that walks parentItem()
        monkeypatch.setattr(layout_check, "_clipping_ancestors", _clipping_objects)


def _problems_of_every_stage(window, size: tuple[int, int]) -> dict[str, list[str]]:
    """Each stage's starting state in the presentation view (the actions are not run: their
    plots are the same panels), checked by layout_check."""
    found = {}
    for lesson in list_lessons():
        for index in range(len(lesson.stages)):
            assert window.open_lesson(lesson, index)
            window.lecture.player._cancel()  # the starting state only: keeps the test short
            if not window.lecture.presenting:
                window.lecture.set_presentation(True, full_screen=False)
            _stage_shown(window, size)
            problems = layout_problems(window)
            if problems:
                found[f"{lesson.name}[{index}]"] = problems
    return found


LECTURE_WIDGETS = ("dock_lecture_stage", "dock_lecture_narrative", "dock_banner", "lecture_")


@pytest.mark.parametrize(
    ("size", "language"),
    [((1280, 720), "en"), ((1024, 768), "en"), ((1024, 768), "zh_CN"), ((1024, 768), "ru")],
    ids=["1280x720-en", "1024x768-en", "1024x768-zh_CN", "1024x768-ru"],
)
def test_the_stage_header_narrative_and_banner_fit_on_every_stage(make_window, monkeypatch, size, language):
    _avoid_the_wrapper_crash(monkeypatch)
    window = make_window()
    window.set_language(language, remember=False)
    found = _problems_of_every_stage(window, size)
    ours = {
        stage: [p for p in problems if p.startswith(LECTURE_WIDGETS)] for stage, problems in found.items()
    }
    assert {stage: problems for stage, problems in ours.items() if problems} == {}


@pytest.mark.xfail(
    reason="at the projector scale (150%) some panels' own texts do not fit at 1280x720 "
    "(seen on 7 Dec: the loss panel's legend entries cut by its plot, the histograms' "
    "percentages, the activation lab's title and layer choice): issue 14's layout work",
    strict=False,
)
def test_every_panel_of_every_stage_fits(make_window, monkeypatch):
    _avoid_the_wrapper_crash(monkeypatch)
    window = make_window()
    assert _problems_of_every_stage(window, (1280, 720)) == {}


def test_a_front_action_places_its_panel_in_the_stage(make_window, qtbot):
    """exploding-gradients: stage 3 brings the controls to the front (they stay hidden while
    presenting, never a floating dock), stage 6 the weights (they join the stage)."""
    window = make_window()
    assert window.open_lesson("exploding-gradients", 2)
    window.lecture.set_presentation(True, full_screen=False)
    wait_actions(window, qtbot)
    controls = window.docks["controls"]
    assert not controls.isVisible() and not controls.isFloating()
    assert window.open_lesson("exploding-gradients", 5)
    wait_actions(window, qtbot)
    weights = window.docks["weights"]
    assert weights.isVisible() and not weights.isFloating()
    assert not controls.isVisible()
