"""Open and read a user's file only when it is a regular file, and never more of it than a limit.

Sessions, config files and CSV files all come through here. A path can name a
named pipe (opening it waits for a writer, forever), a device (``/dev/zero``
never ends), a socket or a folder, and a file can claim a size it does not have
(``/proc`` files say 0). So: ``stat`` before opening, open without blocking,
check the opened file again with ``fstat`` (the path may have changed in
between), and read at most ``limit + 1`` bytes whatever size was reported.
Anything but a regular file is an :class:`OSError` whose ``strerror`` says what
it is ("is a named pipe, not a file"), so every caller's one-line message can
name it. Qt-free, and free of the rest of gradsim, so every layer can use it.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

#: stat's test -> what the path is, for the message.
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)

# Not blocking: a FIFO swapped in after the stat opens at once instead of waiting for a
# writer (regular files ignore the flag). No controlling terminal, not inherited, binary.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class NotARegularFileError(OSError):
    """The path names a named pipe, a device, a socket or a folder; ``strerror`` says which."""


class FileTooLargeError(ValueError):
    """More than ``limit`` bytes; ``size`` is the size reported, or the bytes found past it."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} bytes; the limit is {limit}")
        self.size = size
        self.limit = limit


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """``open(path, "rb")`` for regular files only (symbolic links to one are fine).

    Raises FileNotFoundError, :class:`NotARegularFileError`, or another OSError.
    """
    _require_regular(os.stat(path).st_mode, path)
    fd = os.open(path, _OPEN_FLAGS)
    try:
        _require_regular(os.fstat(fd).st_mode, path)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The whole of a regular file of at most ``limit`` bytes, else :class:`FileTooLargeError`.

    The reported size is checked before reading, and the read stops one byte past
    ``limit`` even when the size reported was smaller (or 0).
    """
    with open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            raise FileTooLargeError(size, limit)
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise FileTooLargeError(len(data), limit)
    return data


def _require_regular(mode: int, path: str | os.PathLike[str]) -> None:
    if stat.S_ISREG(mode):
        return
    reason = next((f"is {name}, not a file" for test, name in _KINDS if test(mode)), "is not a regular file")
    raise NotARegularFileError(errno.EISDIR if stat.S_ISDIR(mode) else errno.EINVAL, reason, os.fspath(path))
