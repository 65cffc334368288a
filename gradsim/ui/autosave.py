"""Autosave to the app-data folder and crash recovery at the next launch.

Every ``session/autosave_minutes`` minutes (QSettings, default 3; 0 turns it off) a modified
session is saved to ``<AppDataLocation>/autosave/<slot>.gradsim``; it never touches the
user's own file. Each running window owns one slot, guarded by ``<slot>.lock`` (a
``QLockFile`` held while the window is open). A clean exit removes the slot's files; after a
crash or kill the lock is stale (its process is gone), so the next launch finds the
autosave and offers to recover it through the DialogService.

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

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QSettings, QStandardPaths, QTimer, Slot

from gradsim.session.errors import SessionError
from gradsim.session.io import load_session, save_session

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

    def __init__(self, sessions: Any, folder: Path | None = None, minutes: float | None = None) -> None:
        super().__init__(sessions)
        self.sessions = sessions
        self.folder = Path(folder) if folder is not None else autosave_folder()
        self.slot = f"session-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.path = self.folder / f"{self.slot}{SUFFIX}"
        self.lock: QLockFile | None = None
        self.thread: threading.Thread | None = None
        self.saves = 0  # completed autosaves (for tests)
        self.last_error: str | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.autosave)
        minutes = autosave_minutes() if minutes is None else minutes
        if minutes > 0:
            self._timer.start(max(1000, round(minutes * 60_000)))

    def _ensure_lock(self) -> bool:
        if self.lock is not None:
            return True
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self.last_error = str(error)
            return False
        lock = QLockFile(str(self.folder / f"{self.slot}.lock"))
        if not lock.tryLock(0):
            return False
        self.lock = lock
        return True

    @Slot()
    def autosave(self) -> bool:
        """Start a background save of the current session if it is modified; False if none started."""
        if not self.sessions.dirty or (self.thread is not None and self.thread.is_alive()):
            return False
        if not self._ensure_lock():
            return False
        try:
            trainer, extras, arrays = self.sessions.payload()
        except (OSError, RuntimeError, TimeoutError) as error:
            self.last_error = str(error)
            return False
        extras = dict(extras)
        if self.sessions.path:
            extras["ui"] = {**extras.get("ui", {}), "autosave_of": self.sessions.path}
        self.thread = threading.Thread(
            target=self._write, args=(trainer, extras, arrays), name="gradsim-autosave", daemon=True
        )
        self.thread.start()
        return True

    def _write(self, trainer: Any, extras: dict[str, Any], arrays: dict[str, Any]) -> None:
        try:
            save_session(self.path, trainer, arrays, **extras)
            self.saves += 1
        except SessionError as error:
            self.last_error = str(error)

    def wait(self, timeout_s: float = 30.0) -> bool:
        """Wait for a save in progress (tests, closing); True when none is running."""
        if self.thread is not None:
            self.thread.join(timeout_s)
            return not self.thread.is_alive()
        return True

    def discard(self) -> None:
        """A clean exit: remove this slot's autosave and release its lock."""
        self._timer.stop()
        self.wait()
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None


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
    """After a crash: offer each orphaned autosave through the DialogService; True if one was opened."""
    window = sessions.window
    recovered = False
    for path, lock in orphaned_autosaves(folder):
        try:
            if not recovered and window.dialogs.question(
                window,
                translate("Autosave", "Recover unsaved session"),
                translate(
                    "Autosave",
                    "gradsim did not exit cleanly last time. An automatic save of the unsaved session "
                    "exists. Recover it?",
                ),
            ):
                try:
                    session = load_session(path)
                except SessionError as error:
                    sessions._error(translate("Autosave", "Cannot recover the session"), error)
                else:
                    original = (
                        session.extras.get("ui", {}).get("autosave_of")
                        if isinstance(session.extras.get("ui"), dict)
                        else None
                    )
                    sessions._swap_session(session, None)
                    sessions.set_dirty(True)
                    if isinstance(original, str):
                        sessions.recovered_from = original
                    recovered = True
            path.unlink(missing_ok=True)
        except OSError:
            pass
        finally:
            lock.unlock()
    return recovered
