"""Atomic saves and what killed saves leave behind: the one way a session file is written.

``write_atomically`` writes through a callback into a locked temporary file beside the
target, flushes and ``fsync``-s it, then ``os.replace``-s it over the target: the previous
file survives any failure. The lock (``flock``) tells a save in progress from the leftover
of a killed one, which ``remove_stale_temporaries`` deletes (docs/session-format.md).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Callable
from typing import IO

try:
    import fcntl
except ImportError:  # Windows: saves are not locked, and stale temporaries are left alone
    fcntl = None  # type: ignore[assignment]

from gradsim.session.errors import SessionError

_WRITE_ERRORS = (OSError, ValueError, OverflowError, MemoryError, zipfile.LargeZipFile)
SESSION_SUFFIX = ".gradsim"
_TEMPORARY_TAIL = r"[a-z0-9_]{8}\.tmp\Z"  # what tempfile.mkstemp adds after the prefix
_TEMPORARY_ATTEMPTS = 10


def write_atomically(path: str | os.PathLike[str], write: Callable[[IO[bytes]], None], shown: str) -> None:
    """Temp file in the same folder -> flush -> fsync -> os.replace; clean up on any failure.

    Writes through a symbolic link to its target (as QSaveFile does) and keeps
    an existing file's permissions; a new file gets the umask's. The temporary is
    locked until it is renamed, so :func:`remove_stale_temporaries` (run first, for
    what killed saves left) never takes a save in progress, in any process.
    """
    target = os.path.realpath(path)
    folder, name = os.path.split(target)
    existed = os.path.exists(target)
    mode = _mode_for(target)
    remove_stale_temporaries(target)
    try:
        fh, temp = _locked_temporary(folder, name)
    except _WRITE_ERRORS as exc:
        raise _write_error(shown, exc, existed) from exc
    try:
        with fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
            with contextlib.suppress(OSError):  # e.g. FAT or network shares
                os.chmod(temp, mode)
            if fcntl is not None:  # POSIX renames an open file: the lock lasts until the name is gone
                os.replace(temp, target)
        if fcntl is None:  # elsewhere an open file cannot be replaced, and nothing is cleaned
            os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.remove(temp)
        if isinstance(exc, _WRITE_ERRORS):
            raise _write_error(shown, exc, existed) from exc
        raise
    _sync_folder(folder)


def _write_error(shown: str, exc: BaseException, existed: bool) -> SessionError:
    """``write_failed`` (the previous file is unchanged) or ``create_failed`` (there was none)."""
    return SessionError("write_failed" if existed else "create_failed", path=shown, reason=os_reason(exc))


# ----------------------------------------------------------------------------- temporary files


def remove_stale_temporaries(path: str | os.PathLike[str]) -> list[str]:
    """Delete what killed saves of ``path`` left beside its real path; return what went.

    Only ``.<name>.<8 random characters>.tmp`` files of this very target, regular
    files of this user, and only when unlocked: a save in progress (this process's
    or another's) holds the lock on its temporary. Best effort, never raises.
    """
    folder, name = os.path.split(os.path.realpath(path))
    return _remove_unlocked(folder, re.compile(re.escape(f".{name}.") + _TEMPORARY_TAIL))


def remove_stale_session_temporaries(folder: str | os.PathLike[str]) -> list[str]:
    """:func:`remove_stale_temporaries` for every ``*.gradsim`` target in ``folder``
    (the autosave folder at start, whose slot names change with every window)."""
    pattern = re.compile(r"\..+" + re.escape(SESSION_SUFFIX) + r"\." + _TEMPORARY_TAIL)
    return _remove_unlocked(os.path.realpath(folder), pattern)


def _remove_unlocked(folder: str, pattern: re.Pattern[str]) -> list[str]:
    """Remove the unlocked files of ``folder`` whose whole name matches ``pattern``."""
    if fcntl is None:  # no lock tells a stale temporary from a save in progress
        return []
    try:
        names = [entry.name for entry in os.scandir(folder)]
    except OSError:
        return []
    removed = []
    for name in names:
        path = os.path.join(folder, name)
        if pattern.match(name):
            with contextlib.suppress(OSError):
                if _remove_if_unlocked(path):
                    removed.append(path)
    return removed


def _remove_if_unlocked(path: str) -> bool:
    """Unlink ``path`` while holding its lock, if it is this user's regular, unlocked file."""
    # O_NOFOLLOW: a symbolic link of that name is not ours; O_NONBLOCK: nor is a FIFO.
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
            return False
        if _lock(fd, wait=False) is not True:  # held by a save, or the file system cannot tell
            return False
        if os.stat(path, follow_symlinks=False).st_ino != info.st_ino:
            return False
        os.unlink(path)
        return True
    finally:
        os.close(fd)


def _locked_temporary(folder: str, name: str) -> tuple[IO[bytes], str]:
    """A new ``.<name>.<random>.tmp`` in ``folder``, open for writing and locked.

    A cleaner can take the temporary in the instant between its creation and the
    lock; it unlinks it while holding the lock, so a file found without a name
    once the lock is ours is dropped and another one made.
    """
    for _ in range(_TEMPORARY_ATTEMPTS):
        handle, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        fh = open(handle, "wb")  # noqa: SIM115 - returned open, closed by the caller
        try:
            _lock(fh.fileno(), wait=True)
            if os.fstat(fh.fileno()).st_nlink > 0:
                return fh, temp
        except BaseException:
            fh.close()
            with contextlib.suppress(OSError):
                os.remove(temp)
            raise
        fh.close()
    raise OSError(errno.EAGAIN, "temporary files vanished as they were made")


def _lock(fd: int, *, wait: bool) -> bool | None:
    """An exclusive ``flock`` on ``fd``: True once held, False when another holder has it
    (only without ``wait``), None where locks are unavailable (no fcntl, or the file
    system refuses them: then nothing is ever cleaned)."""
    if fcntl is None:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    except OSError:
        return None
    return True


def _mode_for(target: str) -> int:
    """The existing file's permission bits, else 0o666 minus the umask (mkstemp uses 0o600)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        # Reading the umask means setting it; restored at once (other threads could
        # create a file in between with 022, a harmless and common trade-off).
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable (POSIX); best effort, the file is already complete."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def os_reason(exc: BaseException) -> str:
    """The operating system's words for a failure, else the exception's."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
