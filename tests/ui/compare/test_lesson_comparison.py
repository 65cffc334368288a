"""A comparison stage in the app: the player opens the comparison, its train action steps the
variants in lockstep and waits for their pause, Space drives the comparison, the presentation
view shows the comparison alone on the stage, and the next stage ends it."""

from __future__ import annotations

import pytest

from gradsim.scenarios.lessons import find_lesson, parse_lesson, to_document
from gradsim.ui.compare.comparison import DOCK_NAME

pytestmark = pytest.mark.ui


def _small_lesson():
    """The shipped weight-initialization lesson with its comparison stage shortened to 15 steps."""
    document = to_document(find_lesson("weight-initialization"))
    document["stages"][-1]["actions"] = [{"do": "train", "steps": 15}]
    return parse_lesson(document)


def test_the_shipped_comparison_stage_opens_with_its_variants(make_window, qtbot):
    window = make_window()
    lesson = find_lesson("weight-initialization")
    last = len(lesson.stages) - 1
    assert window.open_lesson(lesson, last)
    window.lecture.player._cancel()  # the starting state only
    comparison = window.comparison
    assert comparison.active and comparison.comparison == lesson.stages[last].compare
    assert comparison.view.variant_names()[0].startswith("Xavier")
    assert window.lecture.player.next() is False  # the last stage
    assert window.lecture.player.go(0)
    assert not comparison.active  # another stage ends the comparison


def test_a_comparison_stage_trains_its_variants_in_lockstep(make_window, qtbot):
    window = make_window()
    lesson = _small_lesson()
    last = len(lesson.stages) - 1
    done: list[int] = []
    window.lecture.player.actionsDone.connect(done.append)
    assert window.open_lesson(lesson, last)
    qtbot.waitUntil(lambda: done == [last], timeout=60_000)
    comparison = window.comparison
    assert comparison.step_count == 15 and window.lecture.player.current_step() == 15
    assert [s.step for s in comparison.view.snapshot.snapshots] == [15, 15]
    assert window.controller.last_frame is None or window.controller.last_frame.snapshot.step == 0
    window.lecture.player.step(5)  # Shift+→ on a comparison stage steps the variants
    qtbot.waitUntil(lambda: comparison.step_count == 20 and not comparison.running, timeout=30_000)


def test_the_presentation_shows_the_comparison_alone_on_the_stage(make_window, qtbot):
    window = make_window()
    lesson = find_lesson("weight-initialization")
    last = len(lesson.stages) - 1
    assert window.open_lesson(lesson, last)
    window.lecture.player._cancel()
    window.lecture.set_presentation(True, full_screen=False)
    dock = window.docks[DOCK_NAME]
    qtbot.waitUntil(dock.isVisible, timeout=5_000)
    others = [name for name, d in window.docks.items() if d.isVisible() and name not in (DOCK_NAME, "banner")]
    assert others == []
    window.lecture.set_presentation(False)
