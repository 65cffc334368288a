"""packaging/linux: the desktop entry, the .gradsim MIME type, the AppStream metadata, the
icons, and the install script a user runs. Double-clicking a .gradsim file is tested as far
as it can be without a desktop: after install.sh into a temporary XDG_DATA_HOME, the MIME
database maps the file to application/x-gradsim-session (update-mime-database's globs2, Qt's
QMimeDatabase, GLib's gio as file managers use them) and the desktop entry claims that type
(update-desktop-database's cache, gio's default application). Validators and database tools
are Debian packages .ci/run installs; each check skips where its tool is missing."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import numpy as np
import pytest

from tests.packaging.conftest import ROOT

LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.gradsim.Gradsim"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME_XML = LINUX / f"{APP_ID}.mime.xml"
MIME_TYPE = "application/x-gradsim-session"
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (.ci/run installs it)")
    return path


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_runs_gradsim_on_a_session_file():
    entry = _entry(DESKTOP)
    assert entry["Exec"] == "gradsim %f" and entry["MimeType"] == f"{MIME_TYPE};"
    assert entry["Icon"] == "gradsim" and entry["Type"] == "Application"
    assert {"Comment[zh_CN]", "Comment[ru]", "GenericName[zh_CN]", "GenericName[ru]"} <= set(entry)


def test_the_desktop_entry_validates():
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stdout.lower(), result.stdout + result.stderr


def test_the_mime_type_registers_the_extension():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(MIME_XML).getroot().find("m:mime-type", ns)
    assert mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == ["*.gradsim"]
    assert mime.find("m:sub-class-of", ns).get("type") == "application/zip"  # docs/session-format.md


def test_the_appstream_metadata_validates_and_provides_the_type():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert [m.text for m in root.iter("mediatype")] == [MIME_TYPE]
    urls = [image.text for image in root.iter("image")]
    assert len(urls) >= 2 and all(u.startswith("https://") and "/docs/images/" in u for u in urls)
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _make_icons_module():
    """packaging/linux/make_icons.py by path (``packaging`` is also the name of a PyPI package)."""
    spec = importlib.util.spec_from_file_location("make_icons", LINUX / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rgba(path: Path) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGBA8888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4).astype(int)


def test_the_icons_are_the_svg_rendered_at_every_hicolor_size(tmp_path):
    """packaging/linux/make_icons.py made the committed PNGs from the SVG: rendering again gives
    the same pictures (up to a few levels of antialiasing)."""
    make_icons = _make_icons_module()
    assert tuple(make_icons.SIZES) == SIZES
    # in its own process: its QGuiApplication would leave this one without a QApplication
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, str(LINUX / "make_icons.py"), "--out", str(tmp_path)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    for size in SIZES:
        fresh = make_icons.png_path(tmp_path, size)
        committed = _rgba(make_icons.png_path(ICONS / "hicolor", size))
        assert committed.shape == (size, size, 4), size
        assert committed[..., 3].min() == 0 and committed[..., 3].max() == 255  # transparent corners
        difference = np.abs(committed - _rgba(fresh)).max()
        assert difference <= 8, f"{size}x{size}: run packaging/linux/make_icons.py"


def _fake_gradsim(folder: Path) -> Path:
    """An executable standing in for gradsim, in a folder whose name needs quoting."""
    folder.mkdir(parents=True)
    exe = folder / "gradsim"
    exe.write_text("#!/bin/sh\nexit 0\n")
    exe.chmod(0o755)
    return exe


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"))


def _script(name: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = ["bash", str(LINUX / name), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


def _session_file(folder: Path) -> Path:
    """A .gradsim file: a zip, as gradsim writes them (without the extension it is just a zip)."""
    path = folder / "lecture 3.gradsim"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", "{}")
    return path


def _qt_mime_type(path: Path, env: dict[str, str]) -> str:
    code = (
        "import sys; from PySide6.QtCore import QCoreApplication, QMimeDatabase; app = QCoreApplication([]);"
        "print(QMimeDatabase().mimeTypeForFile(sys.argv[1]).name())"
    )
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_install_registers_the_type_and_the_entry_with_an_absolute_exec(tmp_path):
    exe = _fake_gradsim(tmp_path / "my apps" / "bin")
    env = _env(tmp_path)
    result = _script("install.sh", "--exec", str(exe), env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    data = tmp_path / "data"
    installed = data / "applications" / DESKTOP.name
    entry = _entry(installed)
    assert entry["Exec"] == f'"{exe}" %f' and entry["TryExec"] == str(exe)
    assert entry["MimeType"] == f"{MIME_TYPE};"
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout
    for size in SIZES:
        assert (data / f"icons/hicolor/{size}x{size}/apps/gradsim.png").is_file()
        assert (data / f"icons/hicolor/{size}x{size}/mimetypes/application-x-gradsim-session.png").is_file()
    assert (data / "icons/hicolor/scalable/apps/gradsim.svg").is_file()
    assert (data / "metainfo" / METAINFO.name).is_file()
    assert (data / "mime" / "packages" / f"{APP_ID}.xml").read_bytes() == MIME_XML.read_bytes()

    session = _session_file(tmp_path)
    if shutil.which("update-mime-database"):
        assert f"{MIME_TYPE}:*.gradsim" in (data / "mime" / "globs2").read_text()
        assert _qt_mime_type(session, env) == MIME_TYPE
    if shutil.which("update-desktop-database"):
        cache = (data / "applications" / "mimeinfo.cache").read_text()
        assert f"{MIME_TYPE}={DESKTOP.name};" in cache
    if shutil.which("gio") and shutil.which("update-mime-database"):
        info = subprocess.run(["gio", "info", "-a", "standard::content-type", str(session)],
                              capture_output=True, text=True, env=env)
        assert f"standard::content-type: {MIME_TYPE}" in info.stdout, info.stdout + info.stderr
        default = subprocess.run(["gio", "mime", MIME_TYPE], capture_output=True, text=True, env=env)
        assert f"Default application for “{MIME_TYPE}”: {DESKTOP.name}" in default.stdout, default.stdout
    if shutil.which("xdg-mime") and shutil.which("update-mime-database"):
        query = subprocess.run(["xdg-mime", "query", "filetype", str(session)],
                               capture_output=True, text=True, env=env)
        assert query.stdout.strip() in (MIME_TYPE, ""), query.stdout  # "" where xdg-mime has no backend


def test_uninstall_removes_it_all(tmp_path):
    env = _env(tmp_path)
    exe = _fake_gradsim(tmp_path / "bin")
    assert _script("install.sh", "--exec", str(exe), env=env).returncode == 0
    result = _script("uninstall.sh", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    data = tmp_path / "data"
    left = [p for p in data.rglob("*") if p.is_file() and "gradsim" in p.name.lower()]
    assert left == [], left
    if shutil.which("update-mime-database"):
        assert MIME_TYPE not in (data / "mime" / "globs2").read_text()
        assert _qt_mime_type(_session_file(tmp_path), env) != MIME_TYPE


def test_install_needs_a_gradsim(tmp_path):
    env = _env(tmp_path) | {"PATH": "/usr/bin:/bin"}
    result = _script("install.sh", env=env)
    assert result.returncode == 1 and "no gradsim on PATH; give its path with --exec" in result.stderr
    result = _script("install.sh", "--exec", str(tmp_path / "nothing"), env=env)
    assert result.returncode == 1 and "not an executable file" in result.stderr
    assert not (tmp_path / "data" / "applications").exists()
