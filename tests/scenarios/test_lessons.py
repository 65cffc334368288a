"""Lessons: every shipped file valid and complete in three languages, every stage's actions
run headless and its claims checked, bad files refused with one line naming the file and the
field, and a lesson with its current stage surviving a session file.

Default run: each stage once, on the seed in its file (about 10 s in all). ``pytest -m slow
tests/scenarios`` checks every stage's conditions on the median over 5 seeds.
"""

from __future__ import annotations

import copy
import json
import os
import re
from pathlib import Path

import numpy as np
import pytest

import gradsim
from gradsim.engine.trainer import Trainer
from gradsim.scenarios.catalogue import list_scenarios
from gradsim.scenarios.effects import check_condition
from gradsim.scenarios.errors import LessonError, ScenarioError
from gradsim.scenarios.lesson_actions import ACTIONS, LIVE_KEYS
from gradsim.scenarios.lesson_run import report, run_stage, start_stage
from gradsim.scenarios.lessons import (
    LESSON_KEYS,
    LESSON_TEXTS,
    STAGE_KEYS,
    STAGE_TEXTS,
    find_lesson,
    lecture_section,
    list_lessons,
    load_lesson,
    parse_lesson,
    read_lecture_section,
    to_document,
)
from gradsim.scenarios.validation import LANGUAGES, PANEL_KEYS, apply_changes
from gradsim.session.io import load_session, save_session
from gradsim.shipped import lessons_dir

ROOT = Path(gradsim.__file__).resolve().parent
SHIPPED = list_lessons()
SCENARIOS = {scenario.name: scenario for scenario in list_scenarios()}
STAGES = [(lesson, index) for lesson in SHIPPED for index in range(len(lesson.stages))]
CJK = re.compile(r"[\u4e00-\u9fff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _stage_id(item) -> str:
    lesson, index = item if isinstance(item, tuple) else (item, None)
    return lesson.name if index is None else f"{lesson.number}.{index + 1}-{lesson.name}"


# ------------------------------------------------------------------------------ the shipped lessons
def test_five_lessons_one_per_source_text():
    assert [lesson.number for lesson in SHIPPED] == [1, 2, 3, 4, 5]
    assert [lesson.name for lesson in SHIPPED] == [
        "vanishing-gradients",
        "weight-initialization",
        "degradation-and-residuals",
        "exploding-gradients",
        "depth-terrain-optimizers",
    ]
    for lesson in SHIPPED:
        assert lesson.path is not None and lesson.path.stem == lesson.name
        assert lesson.path.parent == lessons_dir()
        assert 4 <= len(lesson.stages) <= 8, lesson.name
        assert any(stage.expect for stage in lesson.stages), f"{lesson.name} checks none of its claims"
    from gradsim.shipped import resources_dir

    assert lessons_dir() == resources_dir() / "lessons"


@pytest.mark.parametrize("lesson", SHIPPED, ids=_stage_id)
def test_every_text_in_every_language(lesson):
    texts = [(f"texts.{name}", lesson.texts[name]) for name in LESSON_TEXTS]
    for index, stage in enumerate(lesson.stages):
        texts += [(f"stages[{index}].texts.{name}", stage.texts[name]) for name in STAGE_TEXTS]
    for where, text in texts:
        assert set(text) == set(LANGUAGES), where
        for language in LANGUAGES:
            assert text[language].strip() == text[language] and text[language], (where, language)
        assert CJK.search(text["zh_CN"]), f"{where}.zh_CN is not Chinese"
        assert CYRILLIC.search(text["ru"]), f"{where}.ru is not Russian"
        assert not CJK.search(text["en"]) and not CYRILLIC.search(text["en"]), f"{where}.en"
        assert text["zh_CN"] != text["en"] and text["ru"] != text["en"], where
    for index in range(len(lesson.stages)):
        for language in LANGUAGES:
            assert (
                lesson.stages[index].text("narrative", language)
                == lesson.stages[index].texts["narrative"][language]
            )


@pytest.mark.parametrize("lesson", SHIPPED, ids=_stage_id)
def test_every_referenced_scenario_and_variant_exists(lesson):
    for index, stage in enumerate(lesson.stages):
        if stage.scenario is not None:
            assert stage.scenario in SCENARIOS, stage.scenario
            scenario = SCENARIOS[stage.scenario]
            assert (stage.variant or "base") in scenario.variant_names()
            assert stage.kind == scenario.kind
            expected = apply_changes(scenario.state(stage.variant or "base"), stage.changes)
            assert stage.state() == expected
        else:
            assert stage.written_state is not None and stage.own_view
        state = lesson.stage_state(index)
        assert state.index == index and state.kind == stage.kind
        assert set(state.view) <= set(PANEL_KEYS) and state.view
        if stage.kind == "network":
            assert state.config is not None and state.config["network"]["layers"]
            assert state.landscape is None
        else:
            assert state.config is None and state.landscape["analytic"]["optimizers"]
        assert state.actions == stage.actions
        assert state.raw_state == stage.state() and state.raw_state is not stage.base_state


@pytest.mark.parametrize("lesson", SHIPPED, ids=_stage_id)
def test_document_round_trip(lesson):
    document = json.loads(json.dumps(to_document(lesson)))
    again = parse_lesson(document, lesson.path)
    assert again == lesson
    assert json.loads(lesson.path.read_text(encoding="utf-8")) == document, "to_document writes the file"


def test_find_by_name_and_by_path(tmp_path):
    assert find_lesson("weight-initialization").number == 2
    own = tmp_path / "my-lesson.json"
    document = to_document(find_lesson("weight-initialization"))
    document.update(name="my-lesson", number=42)
    own.write_text(json.dumps(document), encoding="utf-8")
    assert find_lesson(own).name == "my-lesson"
    assert [lesson.name for lesson in list_lessons(tmp_path)] == ["my-lesson"]
    with pytest.raises(LessonError, match="no such file or shipped lesson; shipped: .*vanishing-gradients"):
        find_lesson("vanishing-gradient")


def test_the_action_list_is_closed_and_documented():
    assert list(ACTIONS) == ["set", "train", "pause", "front", "race", "rewind"]
    docs = (ROOT.parent / "docs" / "lessons.md").read_text(encoding="utf-8")
    for name, spec in ACTIONS.items():
        assert f'"do": "{name}"' in docs, name
        for field_name in spec.fields:
            assert f"`{field_name}`" in docs, (name, field_name)
    for key in (*LESSON_KEYS, *STAGE_KEYS, *LESSON_TEXTS, *STAGE_TEXTS, *LIVE_KEYS):
        assert f"`{key}`" in docs, key
    for lesson in SHIPPED:
        assert f"`{lesson.name}`" in docs


# ------------------------------------------------------------------------------ running the stages
@pytest.mark.parametrize("item", STAGES, ids=_stage_id)
def test_stage_runs_headless_and_shows_what_it_claims(item):
    lesson, index = item
    stage = lesson.stages[index]
    run = run_stage(lesson, index)
    assert len(run.log) == len(stage.actions)
    fronted = [action.panel for action in stage.actions if action.do == "front"]
    assert run.front[: len(fronted)] == fronted[::-1] or not fronted
    results = run.check()
    assert all(result.holds for result in results), report(run, index)
    if stage.kind == "network":
        trainer = run.trainer
        if trainer.step_count and trainer.divergence is None:
            # a stage that stands paused shows the statistics of the step it stands at
            assert trainer.last_statistics_step() == trainer.step_count
    else:
        assert len(run.races) == len(stage.races)


def test_train_n_then_pause_shows_step_n():
    """The vanishing lesson's stage 2: train 300 steps, then pause: step 300's statistics."""
    lesson = find_lesson("vanishing-gradients")
    run = run_stage(lesson, 1)
    assert run.trainer.step_count == 300
    assert run.trainer.last_statistics_step() == 300  # the cadence alone would end at 281
    assert np.isfinite(run.trainer.stats).any()


def test_switching_to_relu_really_trains():
    """Stage 4 of the vanishing lesson: the sigmoid run stalls, the rebuilt ReLU one learns."""
    lesson = find_lesson("vanishing-gradients")
    run = start_stage(lesson, 3)
    sigmoid = run.trainer
    for i, action in enumerate(lesson.stages[3].actions):
        run.apply(action, i)
    assert run.trainer is not sigmoid and sigmoid.step_count == 300 and run.trainer.step_count == 300
    assert sigmoid.evaluate()["train_accuracy"] == 0.5
    assert run.trainer.evaluate()["train_accuracy"] >= 0.95
    assert run.trainer.config["network"]["layers"][0]["activation"] == "relu"


def test_rewind_and_a_live_edit_keep_the_run():
    """Exploding lesson, stage 3: NaN at step 3, back to step 0, clipping switched on live."""
    lesson = find_lesson("exploding-gradients")
    run = start_stage(lesson, 2)
    trainer = run.trainer
    actions = lesson.stages[2].actions
    run.apply(actions[0], 0)
    assert trainer.step_count == 3 and trainer.divergence is not None
    run.apply(actions[1], 1)
    assert trainer.step_count == 0 and trainer.divergence is None
    run.apply(actions[2], 2)
    assert actions[2].live and run.trainer is trainer
    assert trainer.config["clipping"] == {"kind": "norm", "max": 1.0}
    assert [event.kind for event in run.timeline.events] == ["clipping"]


def test_a_given_trainer_is_the_stages_network():
    lesson = find_lesson("weight-initialization")
    built = Trainer(lesson.stage_state(0).config)
    run = start_stage(lesson, 0, trainer=built).run_actions()
    assert run.trainer is built and built.step_count == 200
    np.testing.assert_equal(run.measurements(), run_stage(lesson, 0).measurements())


def test_a_race_can_set_up_its_racers(tmp_path):
    document = to_document(find_lesson("depth-terrain-optimizers"))
    stage = document["stages"][1]
    stage["actions"] = [{"do": "race", "steps": 50, "optimizers": [{"kind": "adam", "lr": 0.05}] * 2}]
    stage["expect"] = [{"ratio": ["end/0", "end/1"], "quantity": "final_value", "near": 1, "rel": 0}]
    lesson = parse_lesson(document)
    run = run_stage(lesson, 1)
    assert run.state["analytic"]["optimizers"] == [{"kind": "adam", "lr": 0.05}] * 2
    assert run.state["analytic"]["index"] == 50
    assert all(result.holds for result in run.check())


def test_a_rewind_past_where_the_run_stopped_fails_at_run_time():
    """Validation counts the steps a stage asks for; a NaN stops earlier: the rewind says so."""
    document = to_document(find_lesson("exploding-gradients"))
    document["stages"][1]["actions"] = [{"do": "train", "steps": 100}, {"do": "rewind", "step": 50}]
    lesson = parse_lesson(document, label="mine.json")
    with pytest.raises(LessonError) as caught:
        run_stage(lesson, 1)
    assert str(caught.value) == (
        "exploding-gradients: stages[1].actions[1].step: cannot rewind to step 50: the run stopped at step 3"
    )


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.parametrize("lesson", SHIPPED, ids=_stage_id)
def test_stage_claims_hold_on_the_median_over_seeds(lesson):
    for index, stage in enumerate(lesson.stages):
        if not stage.expect:
            continue
        measured = [run_stage(lesson, index, seed=seed).measurements() for seed in range(5)]
        for condition in stage.expect:
            result = check_condition(condition, measured)
            print(f"\n{lesson.name} stage {index + 1}: {result.describe()}")
            assert result.holds, result.describe()


# ------------------------------------------------------------------------------ sessions
@pytest.mark.parametrize("lesson", SHIPPED, ids=_stage_id)
def test_a_lesson_and_its_stage_survive_a_session(tmp_path, lesson):
    index = len(lesson.stages) - 2
    state = lesson.stage_state(index)
    config = state.config if state.config is not None else lesson.stage_state(0).config
    trainer = Trainer(config or SCENARIOS["sigmoid-goes-deep"].config())
    trainer.run(3)
    path = tmp_path / "lecture.gradsim"
    save_session(path, trainer, lecture=lecture_section(lesson, index), notes="stage")
    session = load_session(path)
    again, stage = read_lecture_section(session.extras["lecture"], path.name)
    assert again == lesson and stage == index
    assert again.stage_state(index) == state
    assert session.trainer.step_count == 3


def test_an_own_lesson_travels_whole_in_the_session(tmp_path):
    """A lecturer's file need not be there when the session is opened again."""
    own = tmp_path / "own.json"
    document = to_document(find_lesson("depth-terrain-optimizers"))
    document.update(name="own", number=77, stages=document["stages"][5:6])
    own.write_text(json.dumps(document), encoding="utf-8")
    lesson = load_lesson(own)
    path = tmp_path / "own.gradsim"
    save_session(path, Trainer(lesson.stage_state(0).config), lecture=lecture_section(lesson, 0))
    own.unlink()
    again, stage = read_lecture_section(load_session(path).extras["lecture"])
    assert again == lesson and stage == 0 and again.stages[0].written_state["network"]["depth"] == 30


def _section() -> dict:
    return lecture_section(find_lesson("vanishing-gradients"), 1)


BAD_SECTIONS = [
    (lambda: [], "run.gradsim: lecture: must be an object"),
    (lambda: {**_section(), "slide": 2}, "run.gradsim: lecture.slide: unknown key"),
    (
        lambda: {**_section(), "format": "gradsim-lesson"},
        "run.gradsim: lecture.format: must be 'gradsim-lecture'",
    ),
    (
        lambda: {**_section(), "version": 2},
        "run.gradsim: lecture.version: must be 1 to 1 (this gradsim), got 2",
    ),
    (
        lambda: {**_section(), "stage": 6},
        "run.gradsim: lecture.stage: must be a stage of the lesson, 0 to 5, got 6",
    ),
    (lambda: {**_section(), "stage": True}, "run.gradsim: lecture.stage: must be a stage of the lesson"),
    (
        lambda: {k: v for k, v in _section().items() if k != "lesson"},
        "run.gradsim: lecture.lesson: is required",
    ),
    (
        lambda: apply_changes(_section(), {"lesson.stages.1.actions.0.do": "jump"}),
        "run.gradsim: lecture.lesson.stages[1].actions[0].do: unknown action 'jump'",
    ),
    (
        lambda: apply_changes(_section(), {"lesson.version": 3}),
        "run.gradsim: lecture.lesson.version: the file needs lesson format 3",
    ),
    (lambda: {**_section(), "lesson": 3}, "run.gradsim: lecture.lesson: must be an object"),
]


@pytest.mark.parametrize(("make", "message"), BAD_SECTIONS, ids=[m for _, m in BAD_SECTIONS])
def test_bad_lecture_sections_are_refused_with_the_field(make, message):
    with pytest.raises(LessonError) as caught:
        read_lecture_section(make(), "run.gradsim")
    text = str(caught.value)
    assert "\n" not in text and text.startswith(message), text


def test_a_bad_lecture_section_in_a_session_file(tmp_path):
    path = tmp_path / "run.gradsim"
    section = apply_changes(_section(), {"lesson.stages.0.texts.watch.ru": ""})
    save_session(path, Trainer(SCENARIOS["sigmoid-goes-deep"].config()), lecture=section)
    with pytest.raises(
        LessonError, match=r"^run\.gradsim: lecture\.lesson\.stages\[0\]\.texts\.watch\.ru: must"
    ):
        read_lecture_section(load_session(path).extras["lecture"], path.name)


def test_lecture_section_refuses_a_stage_outside_the_lesson():
    with pytest.raises(ValueError, match="stage must be 0 to 5, got 6"):
        lecture_section(find_lesson("vanishing-gradients"), 6)


# ------------------------------------------------------------------------------ bad files
def _document(name: str = "vanishing-gradients") -> dict:
    return copy.deepcopy(to_document(find_lesson(name)))


def _landscape() -> dict:
    return _document("depth-terrain-optimizers")


def _set(document: dict, path: str, value) -> dict:
    return apply_changes(document, {path: value})


def _drop(document: dict, path: str) -> dict:
    *parents, last = path.split(".")
    target = document
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    del target[int(last) if isinstance(target, list) else last]
    return document


BAD_DOCUMENTS = [
    (lambda: _set(_document(), "format", "gradsim-scenario"), "format: must be 'gradsim-lesson'"),
    (
        lambda: _set(_document(), "version", 3),
        "version: the file needs lesson format 3; this gradsim reads up to 2",
    ),
    (lambda: _set(_document(), "colour", "red"), "colour: unknown key"),
    (lambda: _drop(_document(), "stages"), "stages: is required"),
    (lambda: _set(_document(), "name", "My Lesson"), "name: must be lowercase letters, digits and '-'"),
    (lambda: _set(_document(), "number", 1000), "number: must be an integer from 1 to 999"),
    (lambda: _drop(_document(), "texts.summary.ru"), "texts.summary.ru: must be a non-empty text"),
    (lambda: _set(_document(), "stages", []), "stages: must be a list of 1 to 100 stages"),
    (lambda: _set(_document(), "stages.0.notes", "x"), "stages[0].notes: unknown key"),
    (
        lambda: _set(_document(), "stages.0.kind", "comparison"),
        "stages[0].kind: choose one of state, got 'comparison' (comparisons need a newer lesson format)",
    ),
    (lambda: _drop(_document(), "stages.0.texts"), "stages[0].texts: is required"),
    (
        lambda: _set(_document(), "stages.1.texts.narrative.zh_CN", " "),
        "stages[1].texts.narrative.zh_CN: must",
    ),
    (lambda: _drop(_document(), "stages.1.texts.watch"), "stages[1].texts.watch: is required"),
    (lambda: _set(_document(), "stages.1.texts.title.de", "Titel"), "stages[1].texts.title.de: unknown key"),
    (
        lambda: _drop(_document(), "stages.0.scenario"),
        "stages[0]: give exactly one of 'scenario', 'config' or 'landscape', got none",
    ),
    (
        lambda: _set(_document(), "stages.0.config", {}),
        "stages[0]: give exactly one of 'scenario', 'config' or 'landscape', got scenario, config",
    ),
    (
        lambda: _set(_document(), "stages.0.scenario", "sigmoid-goes-deeper"),
        "stages[0].scenario: no shipped scenario 'sigmoid-goes-deeper'; choose one of",
    ),
    (
        lambda: _set(_document(), "stages.0.scenario", "../scenarios/sigmoid-goes-deep"),
        "stages[0].scenario: no shipped scenario '../scenarios/sigmoid-goes-deep'",
    ),
    (
        lambda: _set(_document(), "stages.3.variant", "tanh"),
        "stages[3].variant: relu-he-rescue has no variant 'tanh'; choose one of base, sigmoid",
    ),
    (
        lambda: _set(_landscape(), "stages.5.variant", "x"),
        "stages[5].variant: belongs to a stage with a 'scenario'",
    ),
    (
        lambda: _set(_landscape(), "stages.5.config.network.width", 0),
        "stages[5].config.network.width: must be between 1 and 4096, got 0",
    ),
    (
        lambda: _drop(_landscape(), "stages.5.view"),
        "stages[5].view: is required for a stage without a scenario",
    ),
    (
        lambda: _set(_document(), "stages.1.changes", {"network.width": -1}),
        "stages[1].config.network.width: must be between",
    ),
    (lambda: _set(_document(), "stages.1.changes", {}), "stages[1].changes: must change something"),
    (
        lambda: _set(_document(), "stages.0.view", ["loss", "gradients"]),
        "stages[0].view[1]: unknown panel 'gradients'",
    ),
    (
        lambda: _set(_landscape(), "stages.1.view", ["loss"]),
        "stages[1].view: a landscape scenario must show the 'landscape' panel",
    ),
    (
        lambda: _set(_document(), "stages.1.actions", {"do": "train"}),
        "stages[1].actions: must be a list of actions",
    ),
    (
        lambda: _set(_document(), "stages.1.actions.0", {"do": "jump"}),
        "stages[1].actions[0].do: unknown action 'jump'; "
        "choose one of set, train, pause, front, race, rewind",
    ),
    (lambda: _set(_document(), "stages.1.actions.0", "train"), "stages[1].actions[0]: must be an object"),
    (
        lambda: _set(_document(), "stages.1.actions.0", {"do": "race"}),
        "stages[1].actions[0].do: 'race' belongs to landscape stages",
    ),
    (
        lambda: _set(_landscape(), "stages.1.actions.0", {"do": "train", "steps": 5}),
        "stages[1].actions[0].do: 'train' belongs to network stages",
    ),
    (
        lambda: _set(_document(), "stages.1.actions.1", {"do": "train", "steps": 0}),
        "stages[1].actions[1].steps: must be an integer from 1 to 100000, got 0",
    ),
    (
        lambda: _set(_document(), "stages.1.actions.1", {"do": "train", "steps": 300, "speed": 2}),
        "stages[1].actions[1].speed: unknown key; allowed: do, steps",
    ),
    (
        lambda: _set(_document(), "stages.1.actions.1", {"do": "train"}),
        "stages[1].actions[1].steps: is required",
    ),
    (
        lambda: _set(_document(), "stages.1.actions.0", {"do": "front", "panel": "gradients"}),
        "stages[1].actions[0].panel: unknown panel 'gradients'",
    ),
    (
        lambda: _set(_document(), "stages.3.actions.1", {"do": "set", "key": "network.activation"}),
        "stages[3].actions[1].value: is required",
    ),
    (
        lambda: _set(
            _document(),
            "stages.3.actions.1",
            {"do": "set", "key": "network.activation", "value": "relu", "changes": {"a": 1}},
        ),
        "stages[3].actions[1]: give either 'key' and 'value' or 'changes'",
    ),
    (
        lambda: _set(
            _document(), "stages.3.actions.1", {"do": "set", "key": "network.activation", "value": "relu6"}
        ),
        "stages[3].actions[1].key: make config.network.layers[1].activation invalid: "
        "unknown activation 'relu6'",
    ),
    (
        lambda: _set(_document(), "stages.3.actions.1", {"do": "set", "key": "network..width", "value": 3}),
        "stages[3].actions[1].key: 'network..width' is not a dotted path",
    ),
    (
        lambda: _set(_document(), "stages.3.actions.1", {"do": "set", "changes": {"optimizer.lr": -1}}),
        "stages[3].actions[1].changes: make config.optimizer.lr invalid",
    ),
    (
        lambda: _set(_document(), "stages.1.actions.2", {"do": "rewind", "step": 301}),
        "stages[1].actions[2].step: must be an integer from 0 to 300, got 301",
    ),
    (
        lambda: _set(_document(), "stages.3.actions.2", {"do": "rewind", "step": 10}),
        "stages[3].actions[2].step: must be an integer from 0 to 0, got 10",  # the set rebuilt the network
    ),
    (
        lambda: _set(_landscape(), "stages.1.actions.0", {"do": "race", "steps": 401}),
        "stages[1].actions[0].steps: must be an integer from 1 to 400, got 401",
    ),
    (
        lambda: _set(_landscape(), "stages.1.actions.0", {"do": "race", "optimizers": [{"kind": "lion"}]}),
        "stages[1].actions[0].optimizers[0].kind: unknown optimizer 'lion'",
    ),
    (
        lambda: _set(_landscape(), "stages.1.actions.1", {"do": "set", "key": "analytic.noise", "value": -1}),
        "stages[1].actions[1].key: make landscape.analytic.noise invalid: must be a number from 0",
    ),
    (
        lambda: _set(_landscape(), "stages.1.actions", [{"do": "pause"}]),
        "stages[1].expect: a landscape stage needs a 'race' action to check",
    ),
    (
        lambda: _set(_document(), "stages.1.expect.0.of", "middle"),
        "stages[1].expect[0]: unknown subject 'middle'; choose one of start, end",
    ),
    (
        lambda: _set(_landscape(), "stages.1.expect.0.of", "end/3"),
        "stages[1].expect[0]: unknown subject 'end/3'; choose one of start/0, end/0",
    ),
    (
        lambda: _set(_document(), "stages.1.expect.0.quantity", "grad_ration"),
        "stages[1].expect[0].quantity: unknown quantity 'grad_ration'",
    ),
    (
        lambda: _set(_document(), "stages.1.expect", []),
        "stages[1].expect: must be a non-empty list of conditions",
    ),
    (lambda: _set(_document(), "stages.1.params", {"tol": 1}), "stages[1].params.tol: unknown key"),
    (
        lambda: _set(_landscape(), "stages.1.params", {"tol": -1}),
        "stages[1].params.tol: must be a number >= 0",
    ),
]


@pytest.mark.parametrize(("make", "message"), BAD_DOCUMENTS, ids=[m for _, m in BAD_DOCUMENTS])
def test_bad_files_are_refused_with_file_and_field(tmp_path, make, message):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(make()), encoding="utf-8")
    with pytest.raises(LessonError) as caught:
        load_lesson(path)
    text = str(caught.value)
    assert "\n" not in text
    assert text.startswith("bad.json: ") and message in text, text
    assert isinstance(caught.value, ScenarioError)  # one type for the front ends to catch


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": ', "bad.json: invalid JSON at line 1, column 12"),
        ('{"version": NaN}', "bad.json: NaN is not a number a lesson may hold"),
        ("[1, 2]", "bad.json: lesson: must be an object"),
        (b"\xff\xfe", "bad.json: cannot read"),
        ("[" * 60 + "]" * 60, "bad.json: invalid JSON at line 1, column 49: nested deeper than 48 levels"),
    ],
)
def test_unreadable_files(tmp_path, content, message):
    path = tmp_path / "bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(LessonError, match=re.escape(message)):
        load_lesson(path)


def test_missing_oversized_and_special_files(tmp_path):
    with pytest.raises(LessonError, match="nothing.json: file not found"):
        load_lesson(tmp_path / "nothing.json")
    big = tmp_path / "big.json"
    big.write_text(" " * 1_000_001, encoding="utf-8")
    with pytest.raises(LessonError, match="big.json: 1000001 bytes; a lesson has at most 1000000"):
        load_lesson(big)
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    with pytest.raises(LessonError, match="pipe.json: cannot read: .*named pipe"):
        load_lesson(pipe)


def test_duplicate_names_in_a_folder(tmp_path):
    document = _document()
    for stem in ("one", "two"):
        (tmp_path / f"{stem}.json").write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(
        LessonError, match="two.json: name: 'vanishing-gradients' is also the name of one.json"
    ):
        list_lessons(tmp_path)
