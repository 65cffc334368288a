"""Comparison stages (lesson format 2): a stage's ``compare`` is validated with errors that
name the field, survives the document round trip, and runs its variants in lockstep."""

from __future__ import annotations

import copy
import json

import pytest

from gradsim.engine.variants import parse_comparison
from gradsim.scenarios.errors import LessonError
from gradsim.scenarios.lesson_run import run_stage
from gradsim.scenarios.lessons import FORMAT_VERSION, find_lesson, parse_lesson, to_document

TEXTS = {name: {"en": "x", "zh_CN": "x", "ru": "x"} for name in ("title", "narrative", "watch")}
STAGE = {
    "texts": TEXTS,
    "scenario": "he-vs-xavier-deep-relu",
    "compare": {"setting": "init", "values": ["xavier_normal", "he_normal"]},
    "actions": [{"do": "train", "steps": 3}],
}


def _lesson(stage: dict, version: int = FORMAT_VERSION) -> dict:
    return {
        "format": "gradsim-lesson",
        "version": version,
        "name": "compare-test",
        "number": 9,
        "texts": {"title": TEXTS["title"], "summary": TEXTS["title"]},
        "stages": [stage],
    }


def _with(**changes) -> dict:
    stage = copy.deepcopy(STAGE)
    stage.update(changes)
    return stage


def test_the_shipped_comparison_stage_validates():
    lesson = find_lesson("weight-initialization")
    stage = lesson.stages[-1]
    assert lesson.version == 2
    assert stage.compare == parse_comparison({"setting": "init", "values": ["xavier_normal", "he_normal"]})
    assert stage.subjects() == ("xavier_normal", "he_normal")
    assert lesson.stage_state(len(lesson.stages) - 1).compare == stage.compare
    assert json.loads(json.dumps(to_document(lesson)))["stages"][-1]["compare"] == STAGE["compare"]


@pytest.mark.slow
def test_the_shipped_comparison_stage_shows_what_it_says():
    lesson = find_lesson("weight-initialization")
    run = run_stage(lesson, len(lesson.stages) - 1)
    results = run.check()
    assert results and all(r.holds for r in results), [r.describe() for r in results]
    steps = {trainer.step_count for trainer in run.variants.trainers}
    assert steps == {600}


def test_a_comparison_stage_trains_every_variant_in_lockstep():
    lesson = parse_lesson(_lesson(_with(expect=[{"of": "he_normal", "quantity": "train_loss", "max": 10}])))
    run = run_stage(lesson, 0)
    assert [t.step_count for t in run.variants.trainers] == [3, 3]
    assert set(run.measurements()) == {"xavier_normal", "he_normal"}
    assert all(r.holds for r in run.check())


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            _lesson(STAGE, version=1),
            r"stages\[0\]\.compare: needs lesson format 2 \(the file says version 1\)",
        ),
        (
            _lesson(_with(compare={"setting": "init"})),
            r"stages\[0\]\.compare\.values: must be a list of 2 to 4",
        ),
        (
            _lesson(_with(compare={"setting": "init", "values": ["xavier_normal", "hee"]})),
            r"stages\[0\]\.compare\.values\[1\]: unknown init 'hee'",
        ),
        (
            _lesson(_with(compare={"setting": "depth", "values": [1, 2]})),
            r"stages\[0\]\.compare\.setting: choose one of init, ",
        ),
        (
            _lesson(_with(compare={"setting": "residual_every", "values": [0, 1000]})),
            r"stages\[0\]\.compare\.values\[1\]: 1000 makes an invalid config: network\.residual_every",
        ),
        (
            _lesson(_with(actions=[{"do": "set", "key": "optimizer.lr", "value": 0.1}])),
            r"stages\[0\]\.actions\[0\]\.do: 'set' belongs to network stages",
        ),
        (
            _lesson(_with(actions=[{"do": "train", "steps": 3}, {"do": "rewind", "step": 1}])),
            r"stages\[0\]\.actions\[1\]\.do: 'rewind' belongs to network stages",
        ),
        (
            _lesson(_with(expect=[{"of": "end", "quantity": "train_loss", "max": 1}])),
            r"stages\[0\]\.expect\[0\]: unknown subject 'end'; choose one of xavier_normal, he_normal",
        ),
        (
            _lesson(
                {
                    "texts": TEXTS,
                    "scenario": "saddle-noise-escape",
                    "compare": {"setting": "lr", "values": [0.1, 0.2]},
                }
            ),
            r"stages\[0\]\.compare: compares networks",
        ),
    ],
)
def test_a_bad_comparison_stage_is_refused_naming_the_field(document, message):
    with pytest.raises(LessonError, match=r"^<lesson>: " + message):
        parse_lesson(document)
