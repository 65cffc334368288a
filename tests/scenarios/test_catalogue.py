"""The scenario catalogue: every shipped file is valid and complete in three languages, and bad
files are refused with one line naming the file and the field."""

from __future__ import annotations

import ast
import copy
import json
import re
from pathlib import Path

import pytest

import gradsim
from gradsim.landscapes.quadratic import optimal_quadratic_settings
from gradsim.scenarios.catalogue import (
    BASE,
    LANGUAGES,
    TEXT_FIELDS,
    find_scenario,
    list_scenarios,
    load_scenario,
    parse_scenario,
    scenarios_dir,
    to_document,
)
from gradsim.scenarios.errors import ScenarioError
from gradsim.scenarios.race_run import surface_of
from gradsim.scenarios.validation import PANEL_KEYS, apply_changes

ROOT = Path(gradsim.__file__).resolve().parent
SHIPPED = list_scenarios()
CJK = re.compile(r"[\u4e00-\u9fff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def test_nineteen_scenarios_numbered_in_order():
    assert [s.number for s in SHIPPED] == list(range(1, 20))
    assert all(s.path is not None and s.path.stem == s.name for s in SHIPPED)
    assert {s.kind for s in SHIPPED} == {"network", "landscape"}
    assert [s.number for s in SHIPPED if s.kind == "landscape"] == [10, 11, 12, 13]


def test_shipped_files_are_package_data():
    """The shipped resources (gradsim/resources when installed, the checkout's resources/ here)."""
    from gradsim.shipped import resources_dir

    assert scenarios_dir() == resources_dir() / "scenarios"
    assert len(list(scenarios_dir().glob("*.json"))) == len(SHIPPED)


@pytest.mark.parametrize("scenario", SHIPPED, ids=lambda s: s.name)
def test_every_text_in_every_language(scenario):
    for field in TEXT_FIELDS:
        for language in LANGUAGES:
            assert scenario.text(field, language).strip(), (field, language)
        assert scenario.texts[field]["zh_CN"] != scenario.texts[field]["en"] or field == "formula"
    for field in ("title", "explanation", "watch", "try_next"):
        assert CJK.search(scenario.texts[field]["zh_CN"]), f"{field}.zh_CN is not Chinese"
        assert CYRILLIC.search(scenario.texts[field]["ru"]), f"{field}.ru is not Russian"
        assert not CJK.search(scenario.texts[field]["en"]) and not CYRILLIC.search(
            scenario.texts[field]["en"]
        )
    for name in scenario.variant_names():
        for language in LANGUAGES:
            assert scenario.label(name, language).strip()
    if scenario.variants:
        assert set(scenario.base_label) == set(LANGUAGES)


@pytest.mark.parametrize("scenario", SHIPPED, ids=lambda s: s.name)
def test_every_variant_state_is_valid(scenario):
    for name in scenario.variant_names():
        if scenario.kind == "network":
            config = scenario.config(name, seed=3)
            assert config["training"]["seed"] == 3
        else:
            state = scenario.landscape(name, seed=3)
            assert state["analytic"]["seed"] == 3 and state["analytic"]["steps"] == scenario.steps
    assert set(scenario.view) <= set(PANEL_KEYS)
    assert scenario.effect.expect


def test_states_are_copies():
    scenario = find_scenario("dying-relu")
    scenario.state(BASE)["network"]["depth"] = 99
    assert scenario.config()["network"]["layers"][0]["width"] == 8
    assert len(scenario.config()["network"]["layers"]) == 10
    assert scenario.config("elu")["network"]["layers"][0]["activation"] == "elu"


def test_panel_keys_match_the_ui_table():
    """gradsim/ui/shell/panel_specs.py is read, not imported (it loads Qt)."""
    tree = ast.parse((ROOT / "ui" / "shell" / "panel_specs.py").read_text(encoding="utf-8"))
    names = [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "PanelSpec"
    ]
    assert tuple(names) == PANEL_KEYS


def test_ravine_scenario_holds_goh_optimal_settings():
    scenario = find_scenario("ravine-momentum")
    analytic = scenario.landscape()["analytic"]
    optimum = optimal_quadratic_settings(surface_of(analytic))
    sgd, momentum = analytic["optimizers"][:2]
    assert analytic["params"]["kappa"] == 100
    assert sgd["kind"] == "sgd" and sgd["lr"] == pytest.approx(optimum.gd_lr, rel=1e-12)
    assert momentum["kind"] == "momentum"
    assert momentum["lr"] == pytest.approx(optimum.momentum_lr, rel=1e-12)
    assert momentum["momentum"] == pytest.approx(optimum.momentum, rel=1e-12)


@pytest.mark.parametrize("scenario", SHIPPED, ids=lambda s: s.name)
def test_document_round_trip(scenario):
    again = parse_scenario(json.loads(json.dumps(to_document(scenario))), scenario.path)
    assert again == scenario


def test_find_by_name_and_by_path(tmp_path):
    assert find_scenario("sigmoid-goes-deep").number == 1
    own = tmp_path / "my-demo.json"
    document = to_document(find_scenario("sigmoid-goes-deep"))
    document.update(name="my-demo", number=42)
    own.write_text(json.dumps(document), encoding="utf-8")
    assert find_scenario(own).name == "my-demo"
    assert [s.name for s in list_scenarios(tmp_path)] == ["my-demo"]


def test_unknown_name_lists_the_shipped_ones():
    with pytest.raises(ScenarioError, match="no such file or shipped scenario; shipped: .*sigmoid-goes-deep"):
        find_scenario("sigmoid-goes-deeper")


def test_apply_changes_creates_objects_and_indexes_lists():
    state = {"a": {"b": 1}, "rows": [{"lr": 0.1}, {"lr": 0.2}]}
    apply_changes(state, {"a.c.d": 2, "rows.1.lr": 0.5, "top": [1]})
    assert state == {"a": {"b": 1, "c": {"d": 2}}, "rows": [{"lr": 0.1}, {"lr": 0.5}], "top": [1]}


# ------------------------------------------------------------------------------ bad files
def _document(name: str = "exploding-to-nan") -> dict:
    return copy.deepcopy(to_document(find_scenario(name)))


def _landscape_document() -> dict:
    return _document("saddle-noise-escape")


def _set(document: dict, path: str, value) -> dict:
    return apply_changes(document, {path: value})


def _drop(document: dict, path: str) -> dict:
    *parents, last = path.split(".")
    target = document
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    del target[last]
    return document


BAD_DOCUMENTS = [
    (lambda: _set(_document(), "format", "gradsim-session"), "format: must be 'gradsim-scenario'"),
    (lambda: _set(_document(), "version", 2), "version: the file needs scenario format 2"),
    (lambda: _set(_document(), "colour", "red"), "colour: unknown key"),
    (lambda: _drop(_document(), "texts.watch.ru"), "texts.watch.ru: must be a non-empty text"),
    (lambda: _set(_document(), "texts.title.zh_CN", " "), "texts.title.zh_CN: must be a non-empty text"),
    (lambda: _set(_document(), "texts.title.de", "Titel"), "texts.title.de: unknown key"),
    (lambda: _drop(_document(), "texts.try_next"), "texts.try_next: is required"),
    (lambda: _drop(_document(), "base_label"), "base_label: is required when there are variants"),
    (lambda: _set(_document(), "name", "Exploding NaN"), "name: must be lowercase letters"),
    (lambda: _set(_document(), "number", 0), "number: must be an integer from 1 to 999"),
    (lambda: _set(_document(), "kind", "movie"), "kind: choose one of network, landscape"),
    (lambda: _set(_document(), "view", ["gradients"]), "view[0]: unknown panel 'gradients'"),
    (lambda: _set(_document(), "view", ["loss", "loss"]), "view: names a panel twice"),
    (lambda: _set(_document(), "steps", 0), "steps: must be an integer from 1 to 1000000"),
    (lambda: _set(_document(), "config.network.width", 0), "config.network.width: must be between"),
    (
        lambda: _set(_document(), "config.optimizer.kind", "lion"),
        "config.optimizer.kind: unknown kind 'lion'",
    ),
    (lambda: _set(_document(), "landscape", {}), "landscape: does not belong in a network scenario"),
    (lambda: _set(_document(), "variants.0.name", "base"), "variants[0].name: 'base' is used twice"),
    (
        lambda: _set(_document(), "variants.0.changes", {}),
        "variants[0].changes: a variant must change something",
    ),
    (
        lambda: _set(_document(), "variants.0.changes", {"clipping": {"kind": "norm", "max": -1}}),
        "variants[0].changes: make config.clipping.max invalid",
    ),
    (lambda: _drop(_document(), "variants.0.label.ru"), "variants[0].label.ru: must be a non-empty text"),
    (lambda: _set(_document(), "effect.check", "race"), "effect.check: 'race' checks landscape scenarios"),
    (lambda: _set(_document(), "effect.check", "magic"), "effect.check: unknown check 'magic'"),
    (lambda: _set(_document(), "effect.params", {"tol": 1}), "effect.params.tol: unknown key"),
    (lambda: _set(_document(), "effect.expect", []), "effect.expect: must be a non-empty list"),
    (
        lambda: _set(_document(), "effect.expect.0.quantity", "grad_ration"),
        "effect.expect[0].quantity: unknown",
    ),
    (lambda: _set(_document(), "effect.expect.0.of", "clippd"), "effect.expect[0]: unknown subject 'clippd'"),
    (lambda: _drop(_document(), "effect.expect.0.max"), "effect.expect[0]: give 'min', 'max' or 'near'"),
    (lambda: _set(_document(), "effect.expect.0.near", 3), "effect.expect[0]: give 'near' (with 'rel') or"),
    (lambda: _set(_document(), "effect.expect.0.ratio", ["base"]), "effect.expect[0]: give either 'of'"),
    (lambda: _set(_document(), "effect.expect.0.min", 9), "effect.expect[0]: min 9 is above max 5"),
    (
        lambda: _set(_document(), "effect.quick_steps", 1000),
        "effect.quick_steps: must be an integer from 1 to 100",
    ),
    (lambda: _drop(_landscape_document(), "landscape"), "landscape: is required for a landscape scenario"),
    (
        lambda: _set(_landscape_document(), "landscape.analytic.surface", "volcano"),
        "landscape.analytic.surface: surface.name: unknown surface 'volcano'",
    ),
    (
        lambda: _set(_landscape_document(), "landscape.analytic.params", {"a": -1}),
        "landscape.analytic.surface: surface.a: must be in",
    ),
    (
        lambda: _set(_landscape_document(), "landscape.analytic.steps", 399),
        "landscape.analytic.steps: the race",
    ),
    (
        lambda: _set(_landscape_document(), "landscape.analytic.zoom", 2),
        "landscape.analytic.zoom: unknown setting",
    ),
    (lambda: _set(_landscape_document(), "landscape.version", 2), "landscape.version: must be 1"),
    (
        lambda: _set(_landscape_document(), "landscape.analytic.start", [0]),
        "landscape.analytic.start: must be [x, y]",
    ),
    (
        lambda: _set(_landscape_document(), "landscape.analytic.optimizers.0.kind", "lion"),
        "landscape.analytic.optimizers[0].kind: unknown optimizer 'lion'",
    ),
    (
        lambda: _set(_landscape_document(), "landscape.analytic.optimizers.0.lr", -0.1),
        "landscape.analytic.optimizers[0].lr: must be a number from 0",
    ),
    (
        lambda: _set(_landscape_document(), "landscape.analytic.overlays", ["trail"]),
        "landscape.analytic.overlays: must be a list of gradient, velocity, step, clipping",
    ),
    (
        lambda: _set(_landscape_document(), "variants.0.changes", {"analytic.optimizers.3.lr": 1}),
        "variants[0].changes: cannot be applied",
    ),
    (
        lambda: _set(_landscape_document(), "variants.0.changes", {"analytic.noise": -1}),
        "variants[0].changes: make landscape.analytic.noise invalid",
    ),
    (lambda: _set(_landscape_document(), "view", ["loss"]), "view: a landscape scenario must show"),
    (lambda: _set(_landscape_document(), "effect.expect.0.of", "base/1"), "unknown subject 'base/1'"),
]


@pytest.mark.parametrize(("make", "message"), BAD_DOCUMENTS, ids=[m for _, m in BAD_DOCUMENTS])
def test_bad_files_are_refused_with_file_and_field(tmp_path, make, message):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(make()), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    text = str(caught.value)
    assert "\n" not in text
    assert text.startswith("bad.json: ") and message in text, text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": ', "bad.json: invalid JSON at line 1, column 12"),
        ('{"version": NaN}', "bad.json: NaN is not a number a scenario may hold"),
        ("[1, 2]", "bad.json: scenario: must be an object"),
        (b"\xff\xfe", "bad.json: cannot read"),
    ],
)
def test_unreadable_files(tmp_path, content, message):
    path = tmp_path / "bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ScenarioError, match=re.escape(message)):
        load_scenario(path)


def test_missing_and_oversized_files(tmp_path):
    with pytest.raises(ScenarioError, match="nothing.json: file not found"):
        load_scenario(tmp_path / "nothing.json")
    big = tmp_path / "big.json"
    big.write_text(" " * 1_000_001, encoding="utf-8")
    with pytest.raises(ScenarioError, match="big.json: 1000001 bytes; a scenario has at most 1000000"):
        load_scenario(big)


def test_duplicate_names_in_a_folder(tmp_path):
    document = _document()
    for stem in ("one", "two"):
        (tmp_path / f"{stem}.json").write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(
        ScenarioError, match="two.json: name: 'exploding-to-nan' is also the name of one.json"
    ):
        list_scenarios(tmp_path)


def test_scenarios_package_imports_only_the_engine_side():
    """gradsim/scenarios may import gradsim.engine, .landscapes, .session, .shipped and itself: no Qt,
    UI or CLI."""
    allowed = (
        "gradsim.engine",
        "gradsim.landscapes",
        "gradsim.session",
        "gradsim.shipped",
        "gradsim.scenarios",
    )
    offenders = []
    for path in sorted((ROOT / "scenarios").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                if name.split(".")[0] == "gradsim" and not name.startswith(allowed):
                    offenders.append(f"{path.name}: {name}")
                if name.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6"):
                    offenders.append(f"{path.name}: {name}")
    assert not offenders


def test_docs_list_every_check_quantity_and_shipped_scenario():
    from gradsim.scenarios.checks import CHECKS

    docs = (ROOT.parent / "docs" / "scenarios.md").read_text(encoding="utf-8")
    for check in CHECKS.values():
        assert f"`{check.name}`" in docs
        for quantity in check.quantities:
            if not quantity.startswith("diagnosed."):
                assert f"`{quantity}`" in docs, quantity
        for param in check.params:
            assert f"`{param}`" in docs, param
    for scenario in SHIPPED:
        assert f"`{scenario.name}`" in docs
