"""Lecture mode: the presentation view, its projector theme, the presenter window, a lesson
saved with the session, and the shipped lessons' stages laid out with nothing cut or elided
(issue 13): every stage at 100% (1280x720 in English, 1024x768 in Chinese and Russian), and a
stage of every kind at 150% at 1280x720 and 1024x768 and at 200% at 1920x1080 in English,
Chinese and Russian."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QGraphicsItem

from gradsim.scenarios.lessons import Lesson, find_lesson, list_lessons
from gradsim.ui.lecture.presentation import stage_panels
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
    _run_events(0.4)


def _run_events(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)


def _settled_problems(window) -> list[str]:
    """layout_check's problems that are still there after another second: a stage's first
    frame, a finished measurement or a new text size re-lay out a panel after the 0.4 s the
    stage had (seen as one-off problems that the next pass of the event loop removes)."""
    problems = layout_problems(window)
    if problems:
        _run_events(1.0)
        problems = layout_problems(window)
    return problems


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


def _every_stage() -> list[tuple[Lesson, int]]:
    return [(lesson, index) for lesson in list_lessons() for index in range(len(lesson.stages))]


def _representative_stages(window) -> list[tuple[Lesson, int]]:
    """The first stage that shows each panel the lessons show large (greedy cover, in lesson
    order): every kind of stage layout, each panel at least once."""
    chosen, covered = [], set()
    for lesson, index in _every_stage():
        shown = set(stage_panels(lesson.stages[index].view, window.docks))
        if shown - covered:
            chosen.append((lesson, index))
            covered |= shown
    return chosen


def _problems_of(window, stages, size: tuple[int, int]) -> dict[str, list[str]]:
    """Each stage's starting state in the presentation view (the actions are not run: their
    plots are the same panels), checked by layout_check."""
    found = {}
    for lesson, index in stages:
        assert window.open_lesson(lesson, index)
        window.lecture.player._cancel()  # the starting state only: keeps the test short
        if not window.lecture.presenting:
            window.lecture.set_presentation(True, full_screen=False)
        _stage_shown(window, size)
        problems = _settled_problems(window)
        if problems:
            found[f"{lesson.name}[{index}]"] = problems
    return found


def _presenting_window(make_window, monkeypatch, language: str, scale: int):
    _avoid_the_wrapper_crash(monkeypatch)
    window = make_window()
    window.set_language(language, remember=False)
    window.lecture.view.set_scale(scale)
    return window


@pytest.mark.parametrize(
    ("size", "language"),
    [((1280, 720), "en"), ((1024, 768), "zh_CN"), ((1024, 768), "ru")],
    ids=["1280x720-en", "1024x768-zh_CN", "1024x768-ru"],
)
def test_every_stage_fits_at_100_percent(make_window, monkeypatch, size, language):
    """Every stage of every lesson, every widget and plot text (not only the stage's header,
    narrative and banner), at the projector scale of 100%: each language once, at 1280x720 or
    at the narrower 1024x768."""
    window = _presenting_window(make_window, monkeypatch, language, 100)
    assert _problems_of(window, _every_stage(), size) == {}


#: issue 13: 150% at 1280x720 (and 1024x768, the other projector size), 200% at 1920x1080; 100%
#: is checked on every stage above
SCALED = [((1280, 720), 150), ((1024, 768), 150), ((1920, 1080), 200)]


@pytest.mark.parametrize(("size", "scale"), SCALED, ids=[f"{w}x{h}-{s}%" for (w, h), s in SCALED])
def test_a_stage_of_every_kind_fits_at_every_scale_and_language(make_window, monkeypatch, size, scale):
    """The full matrix (sizes x scales x en, zh_CN, ru) on one stage per panel the lessons show
    (8 of the 31 stages): a panel's texts scale with the projector scale and its language, not
    with the stage, so a stage that shows it stands for the others; every stage is checked at
    100% above. All 31 stages in the whole matrix took ~8 min here (2 cores), this sample ~2.5,
    the every-stage checks ~1.5."""
    window = _presenting_window(make_window, monkeypatch, "en", scale)
    stages = _representative_stages(window)
    found = {}
    for language in ("en", "zh_CN", "ru"):
        window.set_language(language, remember=False)
        for stage, problems in _problems_of(window, stages, size).items():
            found[f"{language} {stage}"] = problems
    assert found == {}


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
