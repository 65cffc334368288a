"""gradsim --scenario / --lesson [--stage K] [--presentation], in screenshot mode (offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from gradsim import app as app_module
from gradsim.scenarios.catalogue import find_scenario
from gradsim.scenarios.lessons import find_lesson

pytestmark = [pytest.mark.ui, pytest.mark.timeout(240)]


def rendered(argv: list[str]):
    args = app_module._parse(app_module.build_parser(), ["--screenshot", "unused.png", *argv])
    return app_module.render_window(args, app_module._source(args))


def close(window) -> None:
    window.close()
    window.deleteLater()


def test_screenshot_of_a_network_scenario_opens_its_config_and_panels():
    window = rendered(["--scenario", "relu-he-rescue", "--variant", "sigmoid", "--steps", "20"])
    try:
        assert window.controller.config == find_scenario("relu-he-rescue").config("sigmoid")
        assert window.controller.last_frame.snapshot.step == 20
        assert not window.docks["gradient_flow"].visibleRegion().isEmpty()
        assert "action_scenarios" in {a.objectName() for a in window.menus.file.actions()}
    finally:
        close(window)


def test_screenshot_of_a_landscape_scenario_shows_the_finished_race():
    window = rendered(["--scenario", "ravine-momentum"])
    try:
        panel = window.panels["landscape"]
        state = panel.state()["analytic"]
        assert state["surface"] == "ravine" and state["params"]["kappa"] == pytest.approx(100.0)
        assert [row["kind"] for row in state["optimizers"]] == ["sgd", "momentum", "adam"]
        assert panel.analytic.index == panel.analytic.max_index() == 600
        assert window.docks["landscape"].isVisible() and not window.docks["loss"].isVisible()
    finally:
        close(window)


def test_screenshot_of_a_lesson_stage(tmp_path):
    lesson = find_lesson("vanishing-gradients")
    out = tmp_path / "stage.png"
    code = app_module.main(
        ["--screenshot", str(out), "--lesson", lesson.name, "--stage", "2", "--size", "1280x720",
         "--language", "zh_CN"]
    )
    assert code == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)


def test_presentation_screenshot(tmp_path, capsys):
    from gradsim.ui.shell.main_window import MainWindow

    out = tmp_path / "presented.png"
    argv = ["--screenshot", str(out), "--lesson", "vanishing-gradients", "--stage", "2", "--presentation",
            "--size", "1280x720"]
    code = app_module.main(argv)
    if hasattr(MainWindow, "open_lesson"):
        assert code == 0 and QImage(str(out)).width() == 1280
    else:  # before the presentation view: one line, exit 2
        assert code == 2 and "no presentation view" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--scenario", "no-such-thing"], "no such file or shipped scenario"),
        (["--scenario", "sigmoid-goes-deep", "--variant", "nope"], "no variant 'nope'"),
        (["--variant", "sigmoid"], "--variant works with --scenario only"),
        (["--stage", "2"], "--stage works with --lesson only"),
        (["--presentation"], "--presentation works with --lesson only"),
        (["--lesson", "vanishing-gradients", "--stage", "9"], "--stage must be 1 to 6"),
        (["--lesson", "vanishing-gradients", "--stage", "0"], "--stage must be 1 to 6"),
        (["relu-he", "--scenario", "sigmoid-goes-deep"], "not several"),
        (["--lesson", "vanishing-gradients", "--scenario", "sigmoid-goes-deep"], "not both"),
    ],
)
def test_bad_lecture_options_are_one_line(argv, message, capsys):
    code = app_module.main(argv)
    err = capsys.readouterr().err.strip().splitlines()
    assert code in (1, 2) and len(err) == 1 and message in err[0]


def test_screenshot_through_the_command(tmp_path):
    out = tmp_path / "cliff.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "gradsim", "--screenshot", str(out), "--scenario", "cliff-clipping",
         "--size", "960x600"],
        capture_output=True, text=True, timeout=180, env=env,
    )
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() == 960
