"""Starting the app: the xcb check names Debian packages, ``--help`` shows both faces."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gradsim import display_check
from gradsim.display_check import debian_packages, qt_will_use_xcb, xcb_problem

LDD_MISSING = """\
\tlinux-vdso.so.1 (0x00007ffc)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibQt6Gui.so.6 => /venv/PySide6/Qt/lib/libQt6Gui.so.6 (0x00007f)
"""
LDD_COMPLETE = "\tlibxcb-icccm.so.4 => /lib/x86_64-linux-gnu/libxcb-icccm.so.4 (0x00007f)\n"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"DISPLAY": ":0"}, True),
        ({}, False),  # no display: Qt will not use xcb (and gradsim falls back elsewhere)
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}, False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, True),
        ({"WAYLAND_DISPLAY": "w", "QT_QPA_PLATFORM": "xcb;wayland"}, True),
    ],
)
def test_the_check_runs_only_where_qt_will_use_xcb(environ, expected):
    assert qt_will_use_xcb(environ) is expected


def test_missing_libraries_are_named_with_their_debian_packages():
    message = xcb_problem(
        {"DISPLAY": ":0"}, files=[Path("libqxcb.so")], run=lambda path: LDD_MISSING, find=lambda name: None
    )
    assert message is not None
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1" in message
    assert message.endswith("sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1")


def test_nothing_is_said_when_everything_is_there_or_xcb_is_not_used():
    found = "/usr/lib/libxcb-cursor.so.0"
    complete = xcb_problem(
        {"DISPLAY": ":0"}, files=[Path("x")], run=lambda path: LDD_COMPLETE, find=lambda name: found
    )
    assert complete is None
    offscreen = {"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}
    assert xcb_problem(offscreen, files=[Path("x")], run=lambda path: LDD_MISSING) is None


def test_no_ldd_means_no_verdict():
    def no_ldd(path):
        raise FileNotFoundError("ldd")

    assert xcb_problem({"DISPLAY": ":0"}, files=[Path("x")], run=no_ldd) is None


def test_an_unknown_library_is_named_as_it_is():
    assert debian_packages(["libxcb-cursor.so.0", "libfoo.so.9"]) == ["libfoo.so.9", "libxcb-cursor0"]


def test_the_real_plugin_is_found_and_checked():
    files = display_check.xcb_plugin_files()
    assert any(path.name == "libqxcb.so" for path in files)
    assert isinstance(display_check.unresolved_libraries(files), list)


def test_the_app_refuses_to_start_with_the_install_line_instead_of_qts_abort(monkeypatch, capsys):
    from gradsim import __main__ as entry

    problem = "its xcb plugin needs X. sudo apt-get install y"
    monkeypatch.setattr(display_check, "xcb_problem", lambda: problem)
    assert entry.main([]) == 1
    assert "sudo apt-get install y" in capsys.readouterr().err


def test_help_lists_the_app_options_and_the_headless_commands():
    result = subprocess.run(
        [sys.executable, "-m", "gradsim", "--help"], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    for option in ("--screenshot", "--language", "config_file", "--size"):
        assert option in result.stdout
    for command in ("run ", "info ", "examples ", "trajectory ", "surfaces "):
        assert f"  {command}" in result.stdout
