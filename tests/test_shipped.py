"""gradsim.shipped: the shipped folders, configs by name or path, and the one JSON file reader
that configs and scenarios share (regular files only, bounded, depth-checked)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import gradsim
from gradsim import shipped
from gradsim.engine.errors import GradsimError
from gradsim.scenarios import catalogue
from gradsim.scenarios.errors import ScenarioError
from gradsim.shipped import JsonFileError, load_config, read_json_file

ROOT = Path(gradsim.__file__).resolve().parent
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def test_folders_are_the_checkouts_resources():
    """Run from the checkout (an editable install): the project's resources/ folder, the one
    copy that is edited; there is no gradsim/resources (no symlink, which wheels break)."""
    assert not (ROOT / "resources").exists() and not (ROOT / "resources").is_symlink()
    resources = ROOT.parent / "resources"
    assert shipped.resources_dir() == resources
    assert shipped.examples_dir() == resources / "examples"
    assert shipped.scenarios_dir() == resources / "scenarios"
    assert shipped.lessons_dir() == resources / "lessons"
    assert shipped.icons_dir() == resources / "icons"
    assert catalogue.scenarios_dir is shipped.scenarios_dir  # one place computes it


def test_an_installed_package_finds_its_own_resources_first(tmp_path, monkeypatch):
    """A wheel's gradsim/resources (copied there by setup.py) wins over any folder beside it."""
    package = tmp_path / "site-packages" / "gradsim"
    (package / "resources" / "examples").mkdir(parents=True)
    (tmp_path / "site-packages" / "resources").mkdir()  # another project's folder: not ours
    monkeypatch.setattr(shipped, "__file__", str(package / "shipped.py"))
    assert shipped.resources_dir() == package / "resources"
    assert shipped.examples_dir() == package / "resources" / "examples"


def test_examples_by_name_and_the_default():
    assert shipped.DEFAULT_CONFIG in shipped.example_names()
    assert {"relu-he", "sigmoid-deep", "exploding"} <= set(shipped.example_names())
    by_name = load_config("sigmoid-deep")
    by_path = load_config(str(shipped.examples_dir() / "sigmoid-deep.json"))
    assert by_name == by_path and isinstance(by_name, dict)


def test_the_cli_still_exports_load_config():
    """The README's Python API used ``from gradsim.cli import load_config``."""
    from gradsim.cli import load_config as from_cli

    assert from_cli is load_config


def test_the_app_default_config_is_the_shipped_one():
    from gradsim import app

    assert app.DEFAULT_CONFIG == shipped.DEFAULT_CONFIG


def _write(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "doc.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_read_json_file_reads_a_document(tmp_path):
    path = _write(tmp_path, '{"a": [1, 2.5, "x"], "big": 1' + "0" * 5000 + "}")
    document = read_json_file(path, max_bytes=100_000, max_depth=4)
    assert document["a"] == [1, 2.5, "x"] and document["big"] == float("inf")


@pytest.mark.parametrize(
    ("content", "problem", "where"),
    [
        ("{nope", "bad_json", (1, 2)),
        ('{"a": ' + "[" * 10 + "]" * 10 + "}", "bad_json", (1, 11)),
        (b"\xff\xfe", "unreadable", None),
        ("x" * 101, "too_large", None),
    ],
    ids=["syntax", "too-deep", "not-utf8", "too-large"],
)
def test_read_json_file_problems(tmp_path, content, problem, where):
    with pytest.raises(JsonFileError) as caught:
        read_json_file(_write(tmp_path, content), max_bytes=100, max_depth=5)
    error = caught.value
    assert error.problem == problem
    if where is not None:
        assert (error.line, error.column) == where
    if problem == "too_large":
        assert (error.size, error.limit) == (101, 100)
    assert "\n" not in str(error)


def test_read_json_file_refuses_constants_when_asked(tmp_path):
    def refuse(name: str) -> float:
        raise ValueError(f"{name} is refused")

    path = _write(tmp_path, '{"a": NaN}')
    assert read_json_file(path, max_bytes=100, max_depth=5)["a"] != 0  # json's NaN by default
    with pytest.raises(JsonFileError) as caught:
        read_json_file(path, max_bytes=100, max_depth=5, parse_constant=refuse)
    assert caught.value.problem == "bad_json" and caught.value.line is None
    assert caught.value.reason == "NaN is refused"


def test_read_json_file_missing_and_folder(tmp_path):
    with pytest.raises(JsonFileError) as caught:
        read_json_file(tmp_path / "missing.json", max_bytes=100, max_depth=5)
    assert caught.value.problem == "not_found"
    with pytest.raises(JsonFileError) as caught:
        read_json_file(tmp_path, max_bytes=100, max_depth=5)
    assert caught.value.problem == "unreadable" and caught.value.reason == "is a folder, not a file"


@needs_fifo
@pytest.mark.timeout(60)
def test_a_named_pipe_is_refused_at_once_as_config_and_as_scenario(tmp_path):
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    with pytest.raises(GradsimError, match="is a named pipe, not a file") as caught:
        load_config(str(pipe))
    assert caught.value.code == "config_unreadable"
    with pytest.raises(ScenarioError, match=r"^pipe\.json: cannot read: is a named pipe, not a file$"):
        catalogue.load_scenario(pipe)


def test_a_scenario_nested_too_deep_is_one_line(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"config": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(
        ScenarioError,
        match=rf"^deep\.json: invalid JSON at line 1, column {11 + catalogue.MAX_DEPTH}: nested deeper than",
    ) as caught:
        catalogue.load_scenario(path)
    assert caught.value.code == "bad_json"


def test_config_errors_keep_their_codes(tmp_path):
    codes = {}
    for name, content in {"syntax": "{nope", "deep": "[" * 40 + "]" * 40, "bytes": b"\xff"}.items():
        path = tmp_path / f"{name}.json"
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        with pytest.raises(GradsimError) as caught:
            load_config(str(path))
        codes[name] = caught.value.code
        assert str(caught.value).count("\n") == 0 and str(path) in str(caught.value)
    with pytest.raises(GradsimError) as caught:
        load_config(str(tmp_path / "nothing.json"))
    codes["missing"] = caught.value.code
    assert codes == {
        "syntax": "config_bad_json",
        "deep": "config_bad_json",
        "bytes": "config_unreadable",
        "missing": "config_not_found",
    }
