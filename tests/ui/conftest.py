"""Fixtures for the GUI tests: offscreen Qt, isolated settings, no modal dialog, clean worker teardown.

* ``QT_QPA_PLATFORM=offscreen`` is set here at import time, before anything loads Qt, so
  plain ``pytest tests/ui`` works without a display.
* Every test gets its own settings and folders: ``QStandardPaths`` test mode, the XDG
  folders and QSettings' INI path in ``tmp_path`` (a layout saved by one test never
  reaches another, nor the user's real settings).
* Every dialog goes to :class:`RecordingDialogs` (installed for every test), so nothing
  ever waits for a click; tests read ``dialogs.calls``.
* ``make_window`` builds main windows and always stops their worker threads.
* Python's cycle collector runs in the GUI thread only during a test, as in the app.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths  # noqa: E402

from gradsim.ui.common import dialogs as dialog_module  # noqa: E402
from gradsim.ui.common.gui_garbage import collect_automatically_again, collect_in_gui_thread  # noqa: E402
from gradsim.ui.common.wording import LanguageSwitcher  # noqa: E402


class RecordingDialogs(dialog_module.DialogService):
    """Records every dialog instead of showing it; answers come from the test."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.open_answers: list[str | None] = []
        self.question_answer = False
        self.question_defaults: list[bool] = []  # default_yes of each question, in order

    def error(self, parent: Any, title: str, text: str, details: str | None = None) -> None:
        self.calls.append(("error", title, text, details))

    def warning(self, parent: Any, title: str, text: str) -> None:
        self.calls.append(("warning", title, text))

    def information(self, parent: Any, title: str, text: str) -> None:
        self.calls.append(("information", title, text))

    def question(self, parent: Any, title: str, text: str, *, default_yes: bool = False) -> bool:
        self.calls.append(("question", title, text))
        self.question_defaults.append(default_yes)
        return self.question_answer

    def about(self, parent: Any, title: str, html: str) -> None:
        self.calls.append(("about", title, html))

    def save_discard_cancel(self, parent: Any, title: str, text: str) -> str:
        """Unsaved changes at close/New/Open: Discard unless a test answers otherwise."""
        self.calls.append(("save_discard_cancel", title, text))
        return "discard"

    def open_file(self, parent: Any, caption: str, directory: str, filters: str) -> str | None:
        self.calls.append(("open_file", caption))
        return self.open_answers.pop(0) if self.open_answers else None

    def save_file(self, parent: Any, caption: str, directory: str, filters: str) -> str | None:
        self.calls.append(("save_file", caption))
        return None

    def errors(self) -> list[tuple[Any, ...]]:
        return [call for call in self.calls if call[0] == "error"]


@pytest.fixture(autouse=True)
def garbage_collected_in_gui_thread(qapp) -> Iterator[None]:
    """As in the app (gradsim.ui.common.gui_garbage): no cycle collection in a test's other
    threads, which could destroy a widget off the GUI thread and hang the worker (one did);
    afterwards what is left is collected here and Python collects on its own again, for the
    tests of other folders that this worker runs next."""
    collect_in_gui_thread()
    yield
    collect_automatically_again()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch, qapp) -> Iterator[None]:
    """Settings, XDG folders and standard paths of this test only."""
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("gradsim-tests")
    QCoreApplication.setApplicationName("gradsim")
    settings_dir = tmp_path / "qsettings"
    settings_dir.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(settings_dir))
    yield
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "after"))


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """Whatever language a test switched to, the next one starts in English (translators are
    installed on the one QApplication, whichever window or switcher installed them)."""
    yield
    switcher = LanguageSwitcher()
    if switcher.language != "en":
        switcher.apply("en")


@pytest.fixture(autouse=True)
def dialogs() -> Iterator[RecordingDialogs]:
    """Every test runs with the recording dialog service (no modal dialog can block)."""
    fake = RecordingDialogs()
    previous = dialog_module.set_service(fake)
    yield fake
    dialog_module.set_service(previous)


@pytest.fixture
def relu_config() -> dict:
    from gradsim.shipped import load_config

    return load_config("relu-he")


@pytest.fixture
def make_window(qtbot, dialogs, relu_config) -> Iterator[Callable[..., Any]]:
    """Build MainWindows (default: relu-he); their worker threads always stop at teardown."""
    from gradsim.ui.shell.main_window import MainWindow

    windows = []

    def make(config: dict | None = None, **kwargs: Any) -> MainWindow:
        kwargs.setdefault("backend", "thread")
        window = MainWindow(config or relu_config, dialogs=dialogs, **kwargs)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        assert window.controller.shutdown(timeout_ms=10_000), "the worker did not stop"
        assert not window.controller.backend.alive()


@pytest.fixture
def make_controller(qtbot) -> Iterator[Callable[..., Any]]:
    """Build TrainingControllers (no window); their threads always stop at teardown."""
    from gradsim.ui.shell.worker import TrainingController

    controllers = []

    def make(trainer: Any, **kwargs: Any) -> TrainingController:
        controller = TrainingController(trainer, **kwargs)
        controllers.append(controller)
        return controller

    yield make
    for controller in controllers:
        assert controller.shutdown(timeout_ms=10_000), "the worker thread did not stop"
