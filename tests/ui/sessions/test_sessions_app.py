"""Sessions in the app: File menu round trip, prompts, recent files, crash recovery, bad files, failed saves,
rewind through the timeline bar."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import io  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import textwrap  # noqa: E402
import threading  # noqa: E402
import zipfile  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from gradsim.engine.trainer import Trainer  # noqa: E402
from gradsim.session.io import load_session  # noqa: E402

pytestmark = pytest.mark.ui


# ---------------------------------------------------------------------------- helpers
def _frame_step(window) -> int | None:
    frame = window.controller.last_frame
    return None if frame is None else frame.snapshot.step


def _steps(qtbot, window, n: int) -> None:
    start = _frame_step(window) or 0
    window.controller.step(n)
    qtbot.waitUntil(
        lambda: not window.controller.running and _frame_step(window) == start + n, timeout=20_000
    )


def _wait_step(qtbot, window, step: int) -> None:
    qtbot.waitUntil(lambda: not window.controller.running and _frame_step(window) == step, timeout=20_000)


def _params(window) -> dict[str, np.ndarray]:
    trainer = window.controller.trainer_copy()
    return {name: value.copy() for name, value in trainer.network.params.items()}


def _headless(config, steps: int) -> dict[str, np.ndarray]:
    trainer = Trainer(config)
    trainer.run(steps)
    return {name: value.copy() for name, value in trainer.network.params.items()}


def _assert_equal(a: dict[str, np.ndarray], b: dict[str, np.ndarray]) -> None:
    assert a.keys() == b.keys()
    for name in a:
        assert np.array_equal(a[name], b[name]), name


def _answer_saves(dialogs, path) -> None:
    dialogs.save_file = lambda *args: str(path)


def _answer_prompts(dialogs, answers: list[str]) -> None:
    def save_discard_cancel(parent, title, text):
        dialogs.calls.append(("save_discard_cancel", title, text))
        return answers.pop(0) if answers else "discard"

    dialogs.save_discard_cancel = save_discard_cancel


# ---------------------------------------------------------------------------- round trip
def test_round_trip_through_the_menus_continues_bit_identically(
    qtbot, make_window, dialogs, relu_config, tmp_path
):
    window = make_window()
    sessions = window.sessions
    _steps(qtbot, window, 30)
    assert sessions.dirty and window.isWindowModified()
    path = tmp_path / "lecture.gradsim"
    _answer_saves(dialogs, path)
    sessions.notes_edit.setPlainText("Go back to step 20 and lower the learning rate.")
    loss_panel = window.panels["loss"]
    loss_panel.log_check.setChecked(not loss_panel.log_check.isChecked())
    logged = loss_panel.log_check.isChecked()
    loss_panel.loss_plot.getViewBox().setXRange(5, 25, padding=0)  # a zoom the lecturer prepared
    sessions.save_as_action.trigger()
    assert path.exists() and not sessions.dirty
    assert "lecture.gradsim" in window.windowTitle() and not window.isWindowModified()
    saved = _params(window)

    sessions.new_action.trigger()
    _wait_step(qtbot, window, 0)
    assert sessions.path is None and not sessions.dirty
    loss_panel.log_check.setChecked(not logged)
    loss_panel.loss_plot.getViewBox().setXRange(0, 100, padding=0)

    dialogs.open_answers.append(str(path))
    sessions.open_action.trigger()
    _wait_step(qtbot, window, 30)
    assert dialogs.errors() == []
    assert sessions.path == str(path) and not sessions.dirty
    assert sessions.notes_edit.toPlainText().startswith("Go back to step 20")
    assert loss_panel.log_check.isChecked() == logged
    assert np.allclose(loss_panel.loss_plot.getViewBox().viewRange()[0], [5, 25])
    _assert_equal(_params(window), saved)
    _assert_equal(saved, _headless(relu_config, 30))
    assert sessions.recent_files()[0] == str(path)

    _steps(qtbot, window, 25)  # Play continues as if never saved
    _assert_equal(_params(window), _headless(relu_config, 55))
    assert sessions.dirty


def test_recipe_export_and_import(qtbot, make_window, dialogs, tmp_path):
    window = make_window()
    recipe = tmp_path / "recipe.json"
    _answer_saves(dialogs, recipe)
    assert window.sessions.export_recipe()
    config = json.loads(recipe.read_text(encoding="utf-8"))
    assert config == json.loads(json.dumps(window.controller.config))
    dialogs.open_answers.append(str(recipe))
    assert window.sessions.import_recipe()
    _wait_step(qtbot, window, 0)


# ---------------------------------------------------------------------------- prompts
def test_dirty_prompts_cancel_discard_save(qtbot, make_window, dialogs, tmp_path):
    window = make_window()
    sessions = window.sessions
    _steps(qtbot, window, 5)
    assert sessions.dirty
    answers: list[str] = []
    _answer_prompts(dialogs, answers)

    answers.append("cancel")
    sessions.new_action.trigger()
    assert _frame_step(window) == 5 and sessions.dirty
    answers.append("cancel")
    window.close()
    assert window.isVisible() and window.controller.alive()
    answers.append("cancel")
    dialogs.open_answers.append(str(tmp_path / "never.gradsim"))
    sessions.open_action.trigger()
    assert dialogs.open_answers, "Cancel must not even ask for a file"
    dialogs.open_answers.clear()

    answers.append("discard")
    sessions.new_action.trigger()
    _wait_step(qtbot, window, 0)
    assert not sessions.dirty

    _steps(qtbot, window, 7)
    path = tmp_path / "saved.gradsim"
    _answer_saves(dialogs, path)
    answers.append("save")
    sessions.new_action.trigger()
    _wait_step(qtbot, window, 0)
    assert load_session(path).trainer.step_count == 7
    assert not answers
    assert [c[0] for c in dialogs.calls].count("save_discard_cancel") == 5


# ---------------------------------------------------------------------------- recent files
def test_recent_files_keep_ten_and_grey_out_missing_ones(make_window, tmp_path):
    window = make_window()
    sessions = window.sessions
    paths = []
    for i in range(12):
        path = tmp_path / f"s{i}.gradsim"
        if i != 9:
            path.write_bytes(b"x")
        paths.append(str(path))
        sessions.add_recent(str(path))
    files = sessions.recent_files()
    assert files == list(reversed(paths))[:10]
    actions = sessions.recent_menu.actions()
    assert len(actions) == 10
    enabled = {action.data(): action.isEnabled() for action in actions}
    assert enabled[paths[9]] is False
    assert all(enabled[p] for p in paths[2:] if p != paths[9])
    sessions.add_recent(paths[5])  # reopening moves it to the top, no duplicate
    assert sessions.recent_files()[0] == paths[5] and len(set(sessions.recent_files())) == 10


# ---------------------------------------------------------------------------- bad files
def _members(path: Path) -> tuple[dict, dict[str, np.ndarray]]:
    with zipfile.ZipFile(path) as archive:  # schema 3: one member arrays/<name>.npy per array
        manifest = json.loads(archive.read("manifest.json"))
        members = [name for name in archive.namelist() if name.startswith("arrays/")]
        arrays = {
            name.removeprefix("arrays/").removesuffix(".npy"): np.load(io.BytesIO(archive.read(name)))
            for name in members
        }
    return manifest, arrays


def _rebuild(manifest: dict, arrays: dict[str, np.ndarray]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as outer:
        outer.writestr("manifest.json", json.dumps(manifest, indent=1), compress_type=zipfile.ZIP_DEFLATED)
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asarray(array), allow_pickle=False)
            outer.writestr(f"arrays/{name}.npy", buffer.getvalue(), compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


def _bad_files(good: Path) -> dict[str, bytes]:
    data = good.read_bytes()
    manifest, arrays = _members(good)
    param = next(name for name in arrays if name.startswith("param.") and arrays[name].ndim == 2)
    foreign = io.BytesIO()
    with zipfile.ZipFile(foreign, "w") as archive:
        archive.writestr("hello.txt", "not a session")
    nan_arrays = dict(arrays)
    nan_arrays[param] = arrays[param].copy()
    nan_arrays[param][0, 0] = np.nan
    shaped = dict(arrays)
    shaped[param] = np.zeros((arrays[param].shape[0] + 1, arrays[param].shape[1]), arrays[param].dtype)
    shaped_manifest = json.loads(json.dumps(manifest))
    shaped_manifest["arrays"][param]["shape"] = list(shaped[param].shape)
    rng = np.random.default_rng(0)
    return {
        "truncated": data[: len(data) // 2],
        "random": rng.integers(0, 256, 4000, dtype=np.uint8).tobytes(),
        "empty": b"",
        "foreign_zip": foreign.getvalue(),
        "newer_schema": _rebuild({**manifest, "schema_version": 999}, arrays),
        "nan_parameters": _rebuild(manifest, nan_arrays),
        "wrong_shape": _rebuild(shaped_manifest, shaped),
        "missing_key": _rebuild({k: v for k, v in manifest.items() if k != "state"}, arrays),
    }


def test_every_bad_file_shows_an_error_and_changes_nothing(qtbot, make_window, dialogs, tmp_path):
    window = make_window()
    sessions = window.sessions
    _steps(qtbot, window, 12)
    good = tmp_path / "good.gradsim"
    assert sessions.save_to(str(good))
    assert _rebuild(*_members(good)) and load_session(tmp_path / "good.gradsim").trainer.step_count == 12
    rebuilt = tmp_path / "rebuilt.gradsim"
    rebuilt.write_bytes(_rebuild(*_members(good)))
    assert load_session(rebuilt).trainer.step_count == 12, "the test's rebuilder must make valid files"
    before = _params(window)
    title = window.windowTitle()
    for kind, data in _bad_files(good).items():
        path = tmp_path / f"{kind}.gradsim"
        path.write_bytes(data)
        errors = len(dialogs.errors())
        dialogs.open_answers.append(str(path))
        sessions.open_action.trigger()
        assert len(dialogs.errors()) == errors + 1, kind
        _, error_title, text, _details = dialogs.errors()[-1]
        assert error_title and text, kind
        assert str(path.name) in text or "999" in text or kind != "newer_schema", (kind, text)
        assert sessions.path == str(good) and not sessions.dirty, kind
        assert window.windowTitle() == title, kind
        assert _frame_step(window) == 12, kind
        _assert_equal(_params(window), before)
    assert str(tmp_path / "truncated.gradsim") not in sessions.recent_files()


# ---------------------------------------------------------------------------- failed saves
@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_save_keeps_the_old_file_and_the_session_dirty(
    qtbot, make_window, dialogs, tmp_path, monkeypatch, failing
):
    window = make_window()
    sessions = window.sessions
    _steps(qtbot, window, 6)
    path = tmp_path / "kept.gradsim"
    assert sessions.save_to(str(path))
    old = path.read_bytes()
    _steps(qtbot, window, 4)
    assert sessions.dirty

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, broken)
    assert not sessions.save()
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert sessions.dirty and window.isWindowModified()
    assert len(dialogs.errors()) == 1 and "space" in dialogs.errors()[0][2].lower()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []
    assert sessions.save()  # the disk has room again
    assert load_session(path).trainer.step_count == 10


# ---------------------------------------------------------------------------- rewind
def test_rewind_through_the_timeline_bar_equals_a_straight_run(qtbot, make_window, dialogs, relu_config):
    window = make_window()
    bar = window.timeline_bar
    _steps(qtbot, window, 130)
    assert bar.slider.maximum() == 130
    bar.set_step(73)
    assert any(line.isVisible() and line.value() == 73 for line in bar.markers)
    dialogs.question_answer = False
    assert not bar.rewind_here()  # the confirmation said No
    assert _frame_step(window) == 130
    dialogs.question_answer = True
    bar.rewind_button.click()
    _wait_step(qtbot, window, 73)
    _assert_equal(_params(window), _headless(relu_config, 73))
    _steps(qtbot, window, 10)
    _assert_equal(_params(window), _headless(relu_config, 83))


def test_live_edits_are_timeline_events_replayed_on_rewind(qtbot, make_window, relu_config):
    window = make_window()
    _steps(qtbot, window, 20)
    window.controller.set_learning_rate(0.01)
    _steps(qtbot, window, 40)
    expected_trainer = Trainer(relu_config)
    expected_trainer.run(20)
    expected_trainer.set_learning_rate(0.01)
    expected_trainer.run(25)
    window.controller.rewind(45)
    _wait_step(qtbot, window, 45)
    copy = window.controller.trainer_copy()
    assert [e.kind for e in copy.gradsim_timeline.events] == ["learning_rate"]
    for name, value in expected_trainer.network.params.items():
        assert np.array_equal(copy.network.params[name], value), name


def test_a_kept_branch_is_applied_again_when_training_reaches_it(qtbot, make_window, relu_config):
    """Rewind before an edit keeping the branch, train on: the edit returns at its step, exactly."""
    window = make_window()
    bar = window.timeline_bar
    _steps(qtbot, window, 30)
    window.controller.set_learning_rate(0.01)
    window.controller.set_clipping({"kind": "norm", "max": 0.5})
    _steps(qtbot, window, 30)
    straight = _params(window)
    bar.set_step(12)
    bar.branch_check.setChecked(True)  # no confirmation: nothing is discarded
    assert bar.rewind_here()
    _wait_step(qtbot, window, 12)
    qtbot.waitUntil(lambda: bar.kept_label.isVisible(), timeout=5000)
    assert bar.kept_edits == 2 and "2" in bar.kept_label.text()
    _steps(qtbot, window, 10)
    assert bar.kept_edits == 2, "not reached yet"
    _steps(qtbot, window, 38)
    assert bar.kept_edits == 0 and not bar.kept_label.isVisible()
    _assert_equal(_params(window), straight)
    copy = window.controller.trainer_copy()
    assert copy.config["clipping"]["kind"] == "norm"
    assert [e.kind for e in copy.gradsim_timeline.events] == ["learning_rate", "clipping"]


# ---------------------------------------------------------------------------- crash recovery
CRASHING_CHILD = textwrap.dedent(
    """
    import os, signal, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QStandardPaths
    from PySide6.QtWidgets import QApplication
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("gradsim-tests")
    QCoreApplication.setApplicationName("gradsim")
    app = QApplication([])
    from gradsim.shipped import load_config
    from gradsim.ui.common.dialogs import ConsoleDialogs
    from gradsim.ui.shell.main_window import MainWindow
    window = MainWindow(load_config("relu-he"), dialogs=ConsoleDialogs(), backend="thread")
    window.show()
    window.controller.step(int(sys.argv[1]))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        app.processEvents()
        frame = window.controller.last_frame
        if not window.controller.running and frame is not None and frame.snapshot.step == int(sys.argv[1]):
            break
        time.sleep(0.005)
    assert window.autosave.autosave(), "no autosave started"
    assert window.autosave.wait(30) and window.autosave.saves == 1, window.autosave.last_error
    print(window.autosave.path, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_recovery_after_a_killed_session(qtbot, make_window, dialogs, relu_config, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    from gradsim.ui.sessions.autosave import autosave_folder

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", CRASHING_CHILD, "37"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == -9, result.stderr
    autosaved = Path(result.stdout.strip().splitlines()[-1])
    assert autosaved.exists() and autosaved.parent == autosave_folder()
    assert autosaved.with_suffix(".lock").exists()

    dialogs.question_answer = True
    window = make_window()
    assert window.offer_recovery()
    assert any(call[0] == "question" for call in dialogs.calls)
    assert dialogs.question_defaults == [True], "Enter must recover, not discard"
    _wait_step(qtbot, window, 37)
    _assert_equal(_params(window), _headless(relu_config, 37))
    assert window.sessions.dirty and window.sessions.path is None  # it was never saved: untitled
    assert autosaved.exists(), "kept until the recovered session is saved or autosaved"

    dialogs.calls.clear()
    other = make_window()
    assert not other.offer_recovery() and dialogs.calls == []  # the recovering window holds it

    assert window.autosave.autosave() and window.autosave.wait()
    qtbot.waitUntil(lambda: not autosaved.exists(), timeout=5000)  # safe in the new autosave
    assert not autosaved.with_suffix(".lock").exists()


def test_autosave_of_a_running_window_is_not_offered_and_clean_exit_removes_it(
    qtbot, make_window, dialogs, tmp_path, monkeypatch
):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    window = make_window()
    _steps(qtbot, window, 5)
    assert window.autosave.autosave() and window.autosave.wait()
    assert window.autosave.path.exists()
    other = make_window()
    assert not other.offer_recovery() and dialogs.calls == []  # the first window still holds its lock
    window.sessions.set_dirty(False)
    window.close()
    assert not window.autosave.path.exists()


# ---------------------------------------------------------------------------- nothing lost
# A child window that trains, (saves,) autosaves and is killed; or recovers and is killed.
KILLED_CHILD = textwrap.dedent(
    """
    import os, signal, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QStandardPaths
    from PySide6.QtWidgets import QApplication
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("gradsim-tests")
    QCoreApplication.setApplicationName("gradsim")
    app = QApplication([])
    from gradsim.shipped import load_config
    from gradsim.ui.common.dialogs import ConsoleDialogs
    from gradsim.ui.shell.main_window import MainWindow

    class Recover(ConsoleDialogs):
        def question(self, *args, **kwargs):
            return True

    window = MainWindow(load_config("relu-he"), dialogs=Recover(), backend="thread")
    window.show()

    def reach(step):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            app.processEvents()
            frame = window.controller.last_frame
            if not window.controller.running and frame is not None and frame.snapshot.step == step:
                return
            time.sleep(0.005)
        raise TimeoutError(step)

    if sys.argv[1] == "save-train-autosave":
        window.controller.step(20)
        reach(20)
        assert window.sessions.save_to(sys.argv[2])
        window.controller.step(17)
        reach(37)
        assert window.autosave.autosave(), "no autosave started"
        assert window.autosave.wait(30) and window.autosave.saves == 1, window.autosave.last_error
    else:  # recover, then die before any autosave
        assert window.offer_recovery()
        reach(37)
    print(window.sessions.path, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def _killed_child(*args: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", KILLED_CHILD, *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == -9, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_a_recovered_session_keeps_its_name_and_survives_a_second_crash(
    qtbot, make_window, dialogs, relu_config, tmp_path, monkeypatch
):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    from gradsim.ui.sessions.autosave import autosave_folder

    lecture = tmp_path / "lecture.gradsim"
    assert _killed_child("save-train-autosave", str(lecture)) == str(lecture)
    (autosaved,) = autosave_folder().glob("*.gradsim")
    assert _killed_child("recover") == str(lecture), "the recovered session lost its file name"
    assert autosaved.exists(), "a second crash before the next autosave lost the work"

    dialogs.question_answer = True
    window = make_window()
    assert window.offer_recovery()
    _wait_step(qtbot, window, 37)
    _assert_equal(_params(window), _headless(relu_config, 37))
    sessions = window.sessions
    assert sessions.path == str(lecture) and sessions.dirty
    assert "lecture.gradsim" in window.windowTitle() and window.isWindowModified()
    assert load_session(lecture).trainer.step_count == 20  # the user's file is untouched until Save
    dialogs.calls.clear()
    assert sessions.save()  # the file is as the crashed window left it: no question
    assert [call[0] for call in dialogs.calls] == []
    assert load_session(lecture).trainer.step_count == 37
    assert not autosaved.exists() and not sessions.dirty


def _diverge(qtbot, window) -> int:
    """Play the exploding example until the NaN/Inf trigger pauses it; the step it stopped at."""
    window.controller.play()
    qtbot.waitUntil(
        lambda: (
            not window.controller.running
            and window.controller.last_frame is not None
            and window.controller.last_frame.snapshot.divergence is not None
        ),
        timeout=20_000,
    )
    return window.controller.last_frame.snapshot.step


def test_a_diverged_session_saves_autosaves_and_reopens_showing_the_divergence(
    qtbot, make_window, dialogs, tmp_path, monkeypatch
):
    from gradsim.shipped import load_config

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    window = make_window(load_config("exploding"))
    step = _diverge(qtbot, window)
    divergence = window.controller.last_frame.snapshot.divergence
    assert divergence["step"] == 6 and step >= 6
    assert window.autosave.autosave() and window.autosave.wait()  # while it is modified
    qtbot.waitUntil(lambda: window.autosave.saves == 1, timeout=5000)
    path = tmp_path / "diverged.gradsim"
    assert window.sessions.save_to(str(path)), dialogs.errors()
    assert window.autosave.last_error is None and not window.status.autosave.isVisible()
    assert dialogs.errors() == [] and not [c for c in dialogs.calls if c[0] == "warning"]
    for saved in (path, window.autosave.path):
        trainer = load_session(saved).trainer
        assert trainer.divergence == divergence and trainer.step_count == step
        assert not np.isfinite(trainer.last_record.loss)

    window.sessions.new_session()
    _wait_step(qtbot, window, 0)
    assert window.sessions.open_path(str(path))
    _wait_step(qtbot, window, step)
    assert dialogs.errors() == []
    assert "step 6" in window.status.diagnosis.text()
    assert window.controller.last_frame.snapshot.divergence == divergence
    assert len(window.controller.trainer_copy().gradsim_timeline.checkpoints) >= 1


def test_a_failing_autosave_is_shown_once_in_a_dialog_and_retried(
    qtbot, make_window, dialogs, tmp_path, monkeypatch
):
    from gradsim.session.errors import SessionError
    from gradsim.ui.sessions import autosave as autosave_module

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    window = make_window()
    autosave = window.autosave
    _steps(qtbot, window, 5)

    def full_disk(path, *args, **kwargs):
        raise SessionError("write_failed", path=str(path), reason="No space left on device")

    monkeypatch.setattr(autosave_module, "save_session", full_disk)
    threads = []
    record_warning = dialogs.warning

    def warning(*args):
        threads.append(threading.current_thread())  # a dialog from the writing thread would crash
        record_warning(*args)

    dialogs.warning = warning
    for attempt in range(2):
        assert autosave.autosave() and autosave.wait()
        qtbot.waitUntil(lambda: window.status.autosave.isVisible(), timeout=5000)
        warnings = [call for call in dialogs.calls if call[0] == "warning"]
        assert len(warnings) == 1, f"attempt {attempt}: one dialog per window"
    _, title, text = warnings[0]
    assert title == "Autosave failed" and "No space left on device" in text and "every 3 minutes" in text
    assert "No space left on device" in window.status.autosave.toolTip()
    assert window.status.autosave.text() == "Autosave failed"
    assert "Autosave failed: " in window.statusBar().currentMessage()
    assert autosave.saves == 0 and window.sessions.dirty  # still modified: the next tick tries again
    assert threads == [threading.main_thread()]

    monkeypatch.undo()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert autosave.autosave() and autosave.wait()
    qtbot.waitUntil(lambda: not window.status.autosave.isVisible(), timeout=5000)
    assert autosave.saves == 1 and autosave.last_error is None and autosave.path.exists()


def test_saving_over_a_file_another_window_saved_asks_first(qtbot, make_window, dialogs, tmp_path):
    path = tmp_path / "shared.gradsim"
    first = make_window()
    _steps(qtbot, first, 4)
    assert first.sessions.save_to(str(path))
    second = make_window()
    assert second.sessions.open_path(str(path))
    _wait_step(qtbot, second, 4)
    _steps(qtbot, second, 6)
    assert second.sessions.save()  # nobody changed it since second opened it
    _steps(qtbot, first, 1)
    dialogs.calls.clear()
    dialogs.question_answer = False
    assert not first.sessions.save()
    (question,) = [call for call in dialogs.calls if call[0] == "question"]
    assert question[1] == "File changed on disk" and "shared.gradsim" in question[2]
    assert dialogs.question_defaults[-1] is False  # Enter keeps the other window's file
    assert load_session(path).trainer.step_count == 10 and first.sessions.dirty
    assert "changed on disk" in first.statusBar().currentMessage()
    dialogs.question_answer = True
    assert first.sessions.save()
    assert load_session(path).trainer.step_count == 5 and not first.sessions.dirty
    dialogs.calls.clear()
    _steps(qtbot, first, 1)
    assert first.sessions.save() and dialogs.calls == []  # its own last save: no question


def test_a_failed_first_save_says_no_file_was_created(qtbot, make_window, dialogs, tmp_path, monkeypatch):
    import tempfile

    window = make_window()
    _steps(qtbot, window, 3)

    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    assert not window.sessions.save_to(str(tmp_path / "new.gradsim"))
    (error,) = dialogs.errors()
    assert error[2].endswith("no file was created") and "previous file" not in error[2]


def test_leftovers_of_killed_saves_are_removed_at_start_but_not_saves_in_progress(
    qtbot, make_window, tmp_path, monkeypatch
):
    import fcntl

    from PySide6.QtCore import QSettings

    from gradsim.ui.sessions.autosave import autosave_folder
    from gradsim.ui.sessions.controller import RECENT_KEY

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    folder = autosave_folder()
    folder.mkdir(parents=True)
    recent = tmp_path / "lecture.gradsim"
    QSettings().setValue(RECENT_KEY, [str(recent)])
    stale = [tmp_path / ".lecture.gradsim.abcdefgh.tmp", folder / ".session-1-0a1b2c3d.gradsim.zyx_9876.tmp"]
    in_progress = folder / ".session-2-0a1b2c3d.gradsim.k0k0k0k0.tmp"
    foreign = [tmp_path / ".notes.txt.abcdefgh.tmp", folder / "readme.tmp"]
    for path in [*stale, in_progress, *foreign]:
        path.write_bytes(b"partial")
    with open(in_progress, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # another window is writing it right now
        make_window()
        assert not any(path.exists() for path in stale)
        assert in_progress.exists() and all(path.exists() for path in foreign)


def test_the_recovery_question_defaults_to_recover_in_the_real_dialog(qapp):
    from PySide6.QtWidgets import QMessageBox

    from gradsim.ui.common.dialogs import question_box

    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    keeping = question_box(None, "t", "x", default_yes=True)
    assert keeping.defaultButton() is keeping.button(yes) and keeping.escapeButton() is keeping.button(no)
    cautious = question_box(None, "t", "x", default_yes=False)
    assert cautious.defaultButton() is cautious.button(no)


# ---------------------------------------------------------------------------- drops and the command line
def test_dropping_a_session_file_opens_it(qtbot, make_window, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    window = make_window()
    _steps(qtbot, window, 9)
    path = tmp_path / "dropped.gradsim"
    assert window.sessions.save_to(str(path))
    window.sessions.new_session()
    _wait_step(qtbot, window, 0)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(window, drop)
    _wait_step(qtbot, window, 9)
    assert window.sessions.path == str(path) and not window.sessions.dirty


def test_command_line_opens_a_session_in_the_training_process(qtbot, make_window, tmp_path, relu_config):
    from gradsim import app as app_module

    window = make_window()
    _steps(qtbot, window, 15)
    path = tmp_path / "launch.gradsim"
    assert window.sessions.save_to(str(path))
    args = app_module._parse(app_module.build_parser(), [str(path)])
    launched = app_module._window(app_module._source(args), persist=False)
    qtbot.addWidget(launched)
    try:
        assert launched.controller.backend.kind == "process"
        qtbot.waitUntil(lambda: _frame_step(launched) == 15, timeout=20_000)
        assert launched.sessions.path == str(path) and not launched.sessions.dirty
        assert "launch.gradsim" in launched.windowTitle()
        _assert_equal(_params(launched), _headless(relu_config, 15))  # a copy from the process
    finally:
        assert launched.controller.shutdown(timeout_ms=10_000)


def test_the_timeline_is_saved_and_a_reopened_session_rewinds_exactly(
    qtbot, make_window, dialogs, relu_config, tmp_path
):
    window = make_window()
    _steps(qtbot, window, 30)
    window.controller.set_learning_rate(0.02)
    _steps(qtbot, window, 90)
    path = tmp_path / "timeline.gradsim"
    assert window.sessions.save_to(str(path))
    window.sessions.new_session()
    _wait_step(qtbot, window, 0)
    assert window.sessions.open_path(str(path))
    _wait_step(qtbot, window, 120)
    timeline = window.controller.trainer_copy().gradsim_timeline
    assert len(timeline.checkpoints) > 1 and [e.kind for e in timeline.events] == ["learning_rate"]
    window.controller.rewind(77)
    _wait_step(qtbot, window, 77)
    expected = Trainer(relu_config)
    expected.run(30)
    expected.set_learning_rate(0.02)
    expected.run(47)
    for name, value in expected.network.params.items():
        assert np.array_equal(_params(window)[name], value), name
    assert dialogs.errors() == []


@pytest.mark.parametrize("backend", ["thread", "process"])
def test_scrubbing_back_shows_the_state_panels_at_that_step_and_returns(
    qtbot, make_window, relu_config, monkeypatch, backend
):
    window = make_window(backend=backend)
    bar, look_back = window.timeline_bar, window.look_back
    seen: list[int] = []
    snapshots = []
    original = window.panels["diagram"].show_snapshot

    def spy(snapshot) -> None:
        seen.append(snapshot.step)
        snapshots.append(snapshot)
        original(snapshot)

    monkeypatch.setattr(window.panels["diagram"], "show_snapshot", spy)
    _steps(qtbot, window, 120)
    bar.set_step(40)
    qtbot.waitUntil(lambda: look_back.showing == 40, timeout=10_000)
    assert seen[-1] == 40, "the network diagram shows the past step"
    assert window.controller.last_frame.snapshot.step == 120, "the run itself did not move"
    assert "40" in window.statusBar().currentMessage()
    straight = _headless(relu_config, 40)
    assert snapshots[-1].weights
    for name, value in snapshots[-1].weights.items():
        assert np.array_equal(value, straight[name]), name
    histogram_steps: list[int] = []
    show_histograms = window.panels["histograms"].show_snapshot
    monkeypatch.setattr(
        window.panels["histograms"],
        "show_snapshot",
        lambda snapshot: (histogram_steps.append(snapshot.step), show_histograms(snapshot)),
    )
    window.docks["histograms"].raise_()  # a tab raised while looking back shows the past too
    qtbot.waitUntil(lambda: bool(histogram_steps), timeout=5000)
    assert histogram_steps[-1] == 40
    bar.set_step(120)  # back to the end: the present again
    assert look_back.showing is None and seen[-1] == 120 and histogram_steps[-1] == 120
    bar.set_step(60)
    window.controller.play()  # training starts before the slider settles: no look back
    qtbot.waitUntil(lambda: window.controller.running, timeout=5000)
    qtbot.wait(400)
    assert look_back.showing is None and 60 not in seen
    window.controller.pause()
    qtbot.waitUntil(lambda: not window.controller.running, timeout=10_000)
    now = window.controller.last_frame.snapshot.step
    bar.set_step(30)
    qtbot.waitUntil(lambda: look_back.showing == 30, timeout=10_000)
    bar.set_step(20)
    bar.branch_check.setChecked(True)
    assert bar.rewind_here()  # a rewind while looking back: the run's frames are the present again
    qtbot.waitUntil(lambda: look_back.showing is None and seen[-1] == 20, timeout=10_000)
    assert window.drawer.past is None and now > 20
