"""``gradsim --smoke-test``: the check an installed or frozen app runs on itself (CI runs it in
a fresh venv, tests/packaging/test_installed.py; the frozen build runs it too)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from gradsim import app
from gradsim.ui.shell import smoke_test

pytestmark = pytest.mark.ui


def test_the_smoke_test_trains_in_a_process_and_saves_a_png(tmp_path):
    """The real entry point, in a fresh interpreter as a user starts it (spawn start method)."""
    out = tmp_path / "smoke.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "gradsim", "--smoke-test", str(out)],
        capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "opened the lesson 'vanishing-gradients'" in result.stdout
    assert f"trained {smoke_test.SMOKE_STEPS} steps in the training process (pid " in result.stdout
    assert "now at step 10, the same loss as training here" in result.stdout
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert "smoke test: passed" in result.stdout


def test_a_failed_check_exits_1_and_says_why(qapp, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(smoke_test, "SMOKE_LESSON", "no-such-lesson")
    assert app.smoke_test([str(tmp_path / "out.png")]) == 1
    error = capsys.readouterr().err
    assert error.startswith("gradsim: smoke test failed:") and "no-such-lesson" in error
    assert not (tmp_path / "out.png").exists()


def test_a_window_that_trains_in_a_thread_fails_the_check(qapp, monkeypatch, tmp_path, capsys):
    """The smoke test is about the spawned process: a thread backend must not pass for it."""
    real = smoke_test.MainWindow

    def thread_window(*args, **kwargs):
        return real(*args, **{**kwargs, "backend": "thread"})

    monkeypatch.setattr(smoke_test, "MainWindow", thread_window)
    assert app.smoke_test([str(tmp_path / "out.png")]) == 1
    assert "trains in a thread, not in the training process" in capsys.readouterr().err


def test_a_window_without_the_icon_fails_the_check(qapp, monkeypatch, tmp_path, capsys):
    from PySide6.QtGui import QIcon

    monkeypatch.setattr(app, "_set_window_icon", lambda application: None)
    kept = qapp.windowIcon()
    qapp.setWindowIcon(QIcon())
    try:
        assert app.smoke_test([str(tmp_path / "out.png")]) == 1
    finally:
        qapp.setWindowIcon(kept)
    assert "the window has no application icon" in capsys.readouterr().err


def test_the_application_icon_is_the_shipped_svg(qapp):
    from PySide6.QtGui import QIcon

    qapp.setWindowIcon(QIcon())
    app._set_window_icon(qapp)
    assert qapp.windowIcon().pixmap(64, 64).toImage().pixelColor(32, 32).alpha() == 255


def test_a_process_that_trains_differently_fails_the_check():
    """Bit for bit or not at all: a frame whose loss is not the headless run's (here one step
    short) is a failure naming both losses; the same run passes."""
    from types import SimpleNamespace

    from gradsim.engine.config import validate_config
    from gradsim.runner.training_loop import default_factory
    from gradsim.shipped import load_config

    config = validate_config(load_config("relu-he"))
    trainer = default_factory(config)
    for _ in range(smoke_test.SMOKE_STEPS - 1):
        trainer.step()
    frame = SimpleNamespace(snapshot=trainer.snapshot(include_decision=False))
    controller = SimpleNamespace(factory=default_factory, config=config, last_frame=frame)
    with pytest.raises(smoke_test.SmokeTestError, match="the training process reached loss .* reaches "):
        smoke_test._check_against_headless(controller, 0)
    trainer.step()
    frame.snapshot = trainer.snapshot(include_decision=False)
    smoke_test._check_against_headless(controller, 0)
    with pytest.raises(smoke_test.SmokeTestError, match="trained 5 steps before the check"):
        smoke_test._check_against_headless(controller, 5)


@pytest.mark.parametrize("argv", [["out.txt"], ["a.png", "b.png"]])
def test_usage(argv, capsys):
    assert app.smoke_test(argv) == 2
    assert "usage: gradsim --smoke-test [OUT.png]" in capsys.readouterr().err


def test_freeze_support_comes_first(monkeypatch, capsys):
    """A frozen app's spawned process runs main(): freeze_support() must precede any work
    (here it stops main() the way it ends a spawned worker, before anything is printed)."""
    import multiprocessing

    from gradsim.__main__ import main

    class WorkerDoneError(Exception):
        pass

    def freeze_support() -> None:
        raise WorkerDoneError

    monkeypatch.setattr(multiprocessing, "freeze_support", freeze_support)
    with pytest.raises(WorkerDoneError):
        main(["--version"])
    assert capsys.readouterr().out == ""
