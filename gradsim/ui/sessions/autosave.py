"""Autosave to the app-data folder and crash recovery at the next launch.

Every ``session/autosave_minutes`` minutes (QSettings, default 3; 0 turns it off) a modified
session is saved to ``<AppDataLocation>/autosave/<slot>.gradsim``; it never touches the
user's own file. Each running window owns one slot, guarded by ``<slot>.lock`` (a
``QLockFile`` held while the window is open). A clean exit removes the slot's files; after a
crash or kill the lock is stale (its process is gone), so the next launch finds the
autosave and offers to recover it through the DialogService (Enter recovers).

Nothing is lost on the way: a recovered session keeps its file's name, and its autosave
stays (locked by the window that recovered it) until the session is saved or autosaved
again, so a second crash offers it once more. A failed autosave is never silent: the
status bar says so until one succeeds, a dialog names the reason once per window, and
the next tick tries again. At start, temporary files of killed saves are removed from the
autosave folder and beside the recent files (never one a save in progress holds).

The GUI never waits for the disk: the worker hands over a deep copy of the trainer taken
between two steps (:meth:`TrainingController.trainer_copy`, a few milliseconds), and a
background thread writes it with ``save_session``'s atomic write (temp file, fsync,
rename), so a kill during the write leaves the previous autosave intact.
"""

from __future__ import annotations

import contextlib
import os
import threading
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLockFile,
    QObject,
    QSettings,
    QStandardPaths,
    QTimer,
    Signal,
    Slot,
)

from gradsim.session.container import remove_stale_session_temporaries, remove_stale_temporaries
from gradsim.session.errors import SessionError
from gradsim.session.io import load_session, save_session
from gradsim.ui.common import wording

translate = QCoreApplication.translate

MINUTES_KEY = "session/autosave_minutes"
DEFAULT_MINUTES = 3.0
SUFFIX = ".gradsim"


def autosave_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "autosave"


def autosave_minutes() -> float:
    try:
        value = float(QSettings().value(MINUTES_KEY, DEFAULT_MINUTES))
    except (TypeError, ValueError):
        return DEFAULT_MINUTES
    return value if value >= 0 else DEFAULT_MINUTES


class Autosave(QObject):
    """Periodic background saves of one window's session into its own locked slot."""

    # From the writing thread, queued to this GUI-thread object (DESIGN.md section 3).
    _written = Signal()
    _failed = Signal(object)  # the exception

    def __init__(self, sessions: Any, folder: Path | None = None, minutes: float | None = None) -> None:
        super().__init__(sessions)
        self.sessions = sessions
        self.folder = Path(folder) if folder is not None else autosave_folder()
        self.slot = f"session-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.path = self.folder / f"{self.slot}{SUFFIX}"
        self.lock: QLockFile | None = None
        self.thread: threading.Thread | None = None
        self.saves = 0  # completed autosaves (for tests)
        self.last_error: str | None = None  # the worded reason of the last failure, until a success
        self.warned = False  # the once-per-window dialog was shown
        self.recovered: list[tuple[Path, QLockFile]] = []  # kept until this session is saved
        self._written.connect(self._on_written)
        self._failed.connect(self._on_failed)
        sessions.saved.connect(self._on_session_saved)
        remove_leftovers(self.folder, sessions.recent_files())
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.autosave)
        minutes = autosave_minutes() if minutes is None else minutes
        if minutes > 0:
            self._timer.start(max(1000, round(minutes * 60_000)))

    def _ensure_lock(self) -> None:
        """This window's slot lock (taken at the first autosave); OSError when it cannot be."""
        if self.lock is not None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(self.folder / f"{self.slot}.lock"))
        if not lock.tryLock(0):
            raise OSError(translate("Autosave", "cannot lock {path}").format(path=lock.fileName()))
        self.lock = lock

    @Slot()
    def autosave(self) -> bool:
        """Start a background save of the current session if it is modified; False if none started."""
        if not self.sessions.dirty or (self.thread is not None and self.thread.is_alive()):
            return False
        try:
            self._ensure_lock()
            trainer, extras, arrays = self.sessions.payload()
        except (OSError, RuntimeError, TimeoutError) as error:
            self._on_failed(error)
            return False
        extras = dict(extras)
        if self.sessions.path:
            extras["ui"] = {
                **extras.get("ui", {}),
                "autosave_of": self.sessions.path,
                "autosave_of_stamp": self.sessions.file_stamp,
            }
        self.thread = threading.Thread(
            target=self._write, args=(trainer, extras, arrays), name="gradsim-autosave", daemon=True
        )
        self.thread.start()
        return True

    def _write(self, trainer: Any, extras: dict[str, Any], arrays: dict[str, Any]) -> None:
        try:
            save_session(self.path, trainer, arrays, **extras)
        except Exception as error:  # noqa: BLE001 - whatever fails, the user must hear of it
            self.last_error = str(error) or type(error).__name__
            self._failed.emit(error)
        else:
            self.saves += 1
            self._written.emit()

    @Slot()
    def _on_written(self) -> None:
        if self.last_error is not None:
            self.last_error = None
            self._show_problem(None)
        self.release_recovered()

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        """Say it in the status bar (until an autosave succeeds) and, once per window, in a dialog."""
        reason = wording.error_message(error) or type(error).__name__
        self.last_error = reason
        self._show_problem(reason)
        if self.warned:
            return
        self.warned = True
        window = self.sessions.window
        minutes = self._timer.interval() / 60_000 if self._timer.isActive() else autosave_minutes()
        window.dialogs.warning(
            window,
            translate("Autosave", "Autosave failed"),
            translate(
                "Autosave",
                "gradsim could not save a recovery copy of this session:\n\n{reason}\n\nIf gradsim "
                "stops unexpectedly, the changes since your last save could be lost. Autosave tries "
                "again every {minutes} minutes and the status bar shows while it keeps failing; "
                "File > Save session keeps your work now.",
            ).format(reason=reason, minutes=f"{minutes:g}"),
        )

    def _show_problem(self, reason: str | None) -> None:
        show = getattr(self.sessions.window, "show_autosave_problem", None)
        if show is not None:
            show(reason)

    @Slot(str)
    def _on_session_saved(self, path: str) -> None:
        self.release_recovered()

    def keep_recovered(self, path: Path, lock: QLockFile) -> None:
        """Hold a recovered session's autosave (and its lock) until the session is saved again."""
        self.recovered.append((path, lock))

    def release_recovered(self) -> None:
        """The recovered session is safe in a newer file: its old autosave goes."""
        for path, lock in self.recovered:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
            lock.unlock()
        self.recovered = []

    def wait(self, timeout_s: float = 30.0) -> bool:
        """Wait for a save in progress (tests, closing); True when none is running."""
        if self.thread is not None:
            self.thread.join(timeout_s)
            return not self.thread.is_alive()
        return True

    def discard(self) -> None:
        """A clean exit (saved, or the user said Discard): remove this slot's autosave and any
        recovered one, and release their locks."""
        self._timer.stop()
        self.wait()
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None
        self.release_recovered()


def remove_leftovers(folder: Path, recent: list[str]) -> None:
    """At start: temporary files that killed saves left in the autosave folder and beside the
    recent files (saves in progress, this app's or another's, hold a lock and are kept)."""
    remove_stale_session_temporaries(folder)
    for path in recent:
        remove_stale_temporaries(path)


def orphaned_autosaves(folder: Path | None = None) -> list[tuple[Path, QLockFile]]:
    """Autosaves whose window is gone (stale lock or no lock), each with its lock now held by us."""
    folder = Path(folder) if folder is not None else autosave_folder()
    found = []
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True):
        lock = QLockFile(str(path.with_suffix(".lock")))
        if lock.tryLock(0):  # a lock whose process died is stale: tryLock takes it over
            found.append((path, lock))
    return found


def offer_recovery(sessions: Any, folder: Path | None = None) -> bool:
    """After a crash: offer an orphaned autosave through the DialogService; True if one was opened.

    One session per window: further orphans are left, unasked and intact, for the next launch.
    A declined or unreadable one is deleted. The recovered one stays until the session is saved
    or autosaved again (:meth:`Autosave.keep_recovered`; without autosave it goes at once).
    """
    window = sessions.window
    autosave = getattr(window, "autosave", None)
    recovered = False
    for path, lock in orphaned_autosaves(folder):
        kept = False
        try:
            if recovered:
                continue
            if window.dialogs.question(
                window,
                translate("Autosave", "Recover unsaved session"),
                translate(
                    "Autosave",
                    "gradsim did not exit cleanly last time. An automatic save of the unsaved session "
                    "exists. Recover it?",
                ),
                default_yes=True,  # Enter keeps the work
            ):
                try:
                    session = load_session(path)
                except SessionError as error:
                    sessions._error(translate("Autosave", "Cannot recover the session"), error)
                else:
                    sessions.recover(session, *_recovered_file(session))
                    recovered = True
                    if autosave is not None:
                        autosave.keep_recovered(path, lock)
                        kept = True
                        continue
            path.unlink(missing_ok=True)
        except OSError:
            pass
        finally:
            if not kept:
                lock.unlock()
    return recovered


def _recovered_file(session: Any) -> tuple[str | None, list[int] | None]:
    """The user's file an autosave was made of, and that file's stamp as its window knew it."""
    ui = session.extras.get("ui")
    if not isinstance(ui, dict) or not isinstance(ui.get("autosave_of"), str):
        return None, None
    stamp = ui.get("autosave_of_stamp")
    valid = isinstance(stamp, list) and all(type(v) is int for v in stamp)
    return ui["autosave_of"], stamp if valid else None
