"""The one reader of users' files: regular files only, never more than a limit, never a hang.

Sessions, config files and CSV files go through :mod:`gradsim.engine.regular_file`; their
own tests check the messages. Every test here would hang or fill memory without it, so
each runs under a short timeout.
"""

from __future__ import annotations

import os
import sys

import pytest

from gradsim.engine.regular_file import FileTooLargeError, NotARegularFileError, open_regular, read_regular

pytestmark = [
    pytest.mark.timeout(30),
    pytest.mark.skipif(sys.platform == "win32", reason="named pipes and /dev files are POSIX"),
]


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def test_a_regular_file_is_read_whole(tmp_path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"{}")
    assert read_regular(path, 2) == b"{}"
    link = tmp_path / "link.json"
    link.symlink_to(path)
    assert read_regular(link, 10) == b"{}"


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(fifo) -> None:
    with pytest.raises(NotARegularFileError) as caught:
        read_regular(fifo, 100)
    assert caught.value.strerror == "is a named pipe, not a file"
    assert isinstance(caught.value, OSError)


@pytest.mark.parametrize(
    ("path", "kind"), [("/dev/zero", "a character device"), ("/dev/null", "a character device")]
)
def test_a_device_is_refused_before_it_is_opened(path, kind, monkeypatch) -> None:
    if not os.path.exists(path):
        pytest.skip(f"no {path}")
    monkeypatch.setattr(os, "open", lambda *a, **k: pytest.fail("a device was opened"))
    with pytest.raises(NotARegularFileError) as caught:
        read_regular(path, 100)
    assert caught.value.strerror == f"is {kind}, not a file"


def test_a_folder_and_a_missing_file(tmp_path) -> None:
    with pytest.raises(NotARegularFileError) as caught:
        read_regular(tmp_path, 100)
    assert caught.value.strerror == "is a folder, not a file"
    with pytest.raises(FileNotFoundError):
        read_regular(tmp_path / "missing", 100)


def test_a_pipe_swapped_in_after_the_stat_is_caught_by_fstat(tmp_path, fifo, monkeypatch) -> None:
    # The path was a regular file when stat looked; the open (non-blocking) finds a pipe.
    regular = tmp_path / "regular"
    regular.write_bytes(b"x")
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda path, *a, **k: real_stat(regular if path == fifo else path))
    with pytest.raises(NotARegularFileError) as caught:
        open_regular(fifo)
    assert caught.value.strerror == "is a named pipe, not a file"


def test_a_size_past_the_limit_is_refused_before_reading(tmp_path) -> None:
    path = tmp_path / "big"
    with open(path, "wb") as handle:
        handle.truncate(10**12)  # sparse: reading it would take a terabyte
    with pytest.raises(FileTooLargeError) as caught:
        read_regular(path, 1000)
    assert (caught.value.size, caught.value.limit) == (10**12, 1000)
    path.write_bytes(bytes(1001))
    with pytest.raises(FileTooLargeError) as caught:
        read_regular(path, 1000)
    assert (caught.value.size, caught.value.limit) == (1001, 1000)


def test_a_file_that_reports_size_0_is_still_read_only_to_the_limit() -> None:
    # /proc files say 0 bytes and have more: the read stops one byte past the limit.
    if not os.path.exists("/proc/self/status"):
        pytest.skip("no /proc")
    assert os.stat("/proc/self/status").st_size == 0
    with pytest.raises(FileTooLargeError) as caught:
        read_regular("/proc/self/status", 10)
    assert caught.value.size == 11
    assert len(read_regular("/proc/self/status", 1 << 20)) > 10
