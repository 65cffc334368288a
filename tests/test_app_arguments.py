"""The app's command line: every bad argument is one line naming the valid choices, exit 2.

These all fail before any window exists (gradsim.app checks what the command line names
first), so no Qt application is needed; one case goes through ``python -m gradsim``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gradsim import app as app_module
from gradsim.scenarios.catalogue import find_scenario, list_scenarios
from gradsim.scenarios.lessons import list_lessons
from gradsim.shipped import example_names

SCENARIO_NAMES = [scenario.name for scenario in list_scenarios()]
LESSON_NAMES = [lesson.name for lesson in list_lessons()]


def error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith("gradsim: error: ") and "\n" not in err, err
    return err


def names_all(line: str, names: list[str]) -> bool:
    return all(name in line for name in names)


def test_an_unknown_scenario_names_the_scenarios(capsys):
    assert app_module.main(["--scenario", "no-such-scenario"]) == 2
    line = error_line(capsys)
    assert "no-such-scenario" in line and names_all(line, SCENARIO_NAMES)


def test_an_unknown_lesson_names_the_lessons(capsys):
    assert app_module.main(["--lesson", "no-such-lesson", "--stage", "2"]) == 2
    line = error_line(capsys)
    assert "no-such-lesson" in line and names_all(line, LESSON_NAMES)


def test_an_unknown_variant_names_the_variants(capsys):
    assert app_module.main(["--scenario", "dying-relu", "--variant", "selu"]) == 2
    assert names_all(error_line(capsys), list(find_scenario("dying-relu").variant_names()))


@pytest.mark.parametrize("stage", ["0", "7", "-1", "two"])
def test_a_stage_out_of_range_names_the_range(stage, capsys):
    assert app_module.main(["--lesson", "vanishing-gradients", "--stage", stage]) == 2
    line = error_line(capsys)
    assert "--stage" in line and (stage == "two" or "1 to 6" in line)


@pytest.mark.parametrize("size", ["big", "1280", "1280x", "10x10", "99999x720", "1280x720x3"])
def test_a_bad_size_says_what_a_size_looks_like(size, capsys):
    assert app_module.main(["--size", size]) == 2
    line = error_line(capsys)
    assert "--size" in line and ("1600x1000" in line or "320x240" in line)


def test_a_bad_language_or_panel_names_the_choices(tmp_path, capsys):
    assert app_module.main(["--language", "fr"]) == 2
    assert names_all(error_line(capsys), ["en", "zh_CN", "ru"])
    out = str(tmp_path / "a.png")
    assert app_module.main(["--screenshot", out, "--steps", "0", "--panel", "nonsense"]) == 2
    assert names_all(error_line(capsys), ["gradient_flow", "loss", "landscape"])


def test_a_config_that_is_neither_a_file_nor_an_example_names_the_examples(capsys):
    assert app_module.main(["relu-h"]) == 2
    line = error_line(capsys)
    assert "relu-h:" in line and names_all(line, example_names())


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda folder: folder, "folder"),  # a folder, not a file
        (lambda folder: write(folder / "bad.json", "{not json"), "JSON"),
        (lambda folder: write(folder / "deep.json", '{"network": {"depth": 2, "width": 0}}'), "width"),
        (lambda folder: folder / "missing.gradsim", "not found"),
        (lambda folder: write(folder / "broken.gradsim", "not a zip"), "broken.gradsim"),
        (lambda folder: write(folder / "lesson.json", "[]"), "lesson.json"),
    ],
    ids=["folder", "bad-json", "invalid-config", "missing-session", "broken-session", "bad-lesson-file"],
)
def test_a_file_that_cannot_be_read_or_used_is_one_line_and_exit_2(tmp_path, capsys, make, expected):
    path = make(tmp_path)
    argv = ["--lesson", str(path)] if path.name == "lesson.json" else [str(path)]
    assert app_module.main(argv) == 2
    assert expected in error_line(capsys)


def test_an_unreadable_config_file_is_exit_2(tmp_path, capsys, monkeypatch):
    from gradsim.engine import regular_file

    path = write(tmp_path / "locked.json", "{}")
    real_open = regular_file.open_regular

    def refuse(name):  # root reads any file: deny this one here instead of chmod
        if Path(name) == path:
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name)

    monkeypatch.setattr(regular_file, "open_regular", refuse)
    assert app_module.main([str(path)]) == 2
    line = error_line(capsys)
    assert "locked.json" in line and "ermission" in line


def test_size_without_a_screenshot_sizes_the_window(monkeypatch):
    """--size is not silently ignored by the interactive app (rehearsing for a 1280x720 projector)."""
    sizes: list[tuple[int, int]] = []

    class Window:
        def set_language(self, *args, **kwargs): ...
        def initial_language(self): return "en"
        def resize(self, width, height): sizes.append((width, height))
        def show(self): ...
        def offer_recovery(self): ...

    class Application:
        def exec(self): return 0

    monkeypatch.setattr(app_module, "_application", lambda offscreen: Application())
    monkeypatch.setattr(app_module, "_window", lambda source, persist: Window())
    assert app_module.main(["--size", "1280x720"]) == 0
    assert app_module.main([]) == 0  # without --size the window keeps its remembered size
    assert sizes == [(1280, 720)]


def test_the_command_exits_2_with_one_line():
    result = subprocess.run(
        [sys.executable, "-m", "gradsim", "--scenario", "UNKNOWN"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "sigmoid-goes-deep" in result.stderr


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
