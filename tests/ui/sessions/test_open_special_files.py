"""File > Open and drag-and-drop of a named pipe or a device: an error at once, never a frozen
window (issue 11). Opening a FIFO used to block the GUI thread until a writer came."""

from __future__ import annotations

import os

import pytest

pytestmark = [
    pytest.mark.ui,
    pytest.mark.timeout(120),  # a hang fails here instead of freezing the run
    pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX"),
]


def test_opening_a_named_pipe_shows_one_error_and_keeps_the_session(make_window, dialogs, tmp_path):
    window = make_window()
    title = window.windowTitle()
    pipe = tmp_path / "pipe.gradsim"
    os.mkfifo(pipe)
    dialogs.open_answers.append(str(pipe))
    window.sessions.open_action.trigger()
    assert not window.open_session(str(pipe))  # what a drop calls
    texts = [text for _, _title, text, _details in dialogs.errors()]
    assert texts == [f"{pipe}: cannot be read (is a named pipe, not a file)"] * 2
    assert window.windowTitle() == title and window.sessions.path != str(pipe)


def test_opening_dev_zero_shows_one_error(make_window, dialogs):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    window = make_window()
    assert not window.open_session("/dev/zero")
    assert [error[2] for error in dialogs.errors()] == [
        "/dev/zero: cannot be read (is a character device, not a file)"
    ]
