"""Before Qt opens a window on X11: name the Debian packages its xcb plugin is missing.

Qt 6.5+ aborts with "Could not load the Qt platform plugin xcb" and a hint about
``xcb-cursor0`` when a system library of the xcb plugin is absent; PySide6's wheels
ship Qt but not these X libraries. Asking the dynamic linker (``ldd``) which
libraries of the plugin are "not found", plus ``libxcb-cursor`` that Qt loads by
hand, gives the exact list, which this module maps to Debian package names.

Qt-free on purpose: it runs before anything of Qt is loaded, and only where Qt will
use xcb (an X display, no Wayland session, no other ``QT_QPA_PLATFORM``).
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import os
import re
import subprocess
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

#: Shared libraries of Qt's xcb plugin -> the Debian (and Ubuntu) package holding them.
SONAME_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
}
#: Loaded by Qt with dlopen, so ldd never lists it.
DLOPENED = ("libxcb-cursor.so.0",)
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def qt_will_use_xcb(environ: Mapping[str, str]) -> bool:
    """Whether Qt's choice of platform plugin will be xcb in this environment."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    if environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland":
        return False
    return bool(environ.get("DISPLAY"))


def xcb_plugin_files() -> list[Path]:
    """The xcb plugin and Qt's xcb integration library inside the installed PySide6."""
    spec = importlib.util.find_spec("PySide6")  # located, not imported: no Qt is loaded here
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("PySide6 is not installed")
    qt = Path(next(iter(spec.submodule_search_locations))).resolve() / "Qt"
    candidates = [qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"]
    return [path for path in candidates if path.exists()]


def unresolved_libraries(files: Iterable[Path], run: Callable[..., str] | None = None) -> list[str]:
    """Sonames ``ldd`` reports as "not found" for ``files``, in a stable order."""
    run = run or _ldd
    missing: set[str] = set()
    for path in files:
        missing.update(_NOT_FOUND.findall(run(path)))
    return sorted(missing)


def missing_dlopened(find: Callable[[str], str | None] = ctypes.util.find_library) -> list[str]:
    """Libraries Qt loads by hand that the system's linker cache does not know."""
    return [soname for soname in DLOPENED if find(soname.removeprefix("lib").split(".so")[0]) is None]


def debian_packages(sonames: Iterable[str]) -> list[str]:
    """Package names for ``sonames``; an unknown soname is named as it is."""
    return sorted({SONAME_PACKAGES.get(soname, soname) for soname in sonames})


def xcb_problem(
    environ: Mapping[str, str] | None = None,
    files: Iterable[Path] | None = None,
    run: Callable[..., str] | None = None,
    find: Callable[[str], str | None] = ctypes.util.find_library,
) -> str | None:
    """One message naming what to install, or None when Qt will not use xcb or has all it needs."""
    if not qt_will_use_xcb(os.environ if environ is None else environ):
        return None
    try:
        plugin_files = xcb_plugin_files() if files is None else list(files)
        missing = unresolved_libraries(plugin_files, run) + missing_dlopened(find)
    except (OSError, subprocess.SubprocessError, ImportError):
        return None  # no ldd or no PySide6: let Qt say what it says
    if not missing:
        return None
    packages = " ".join(debian_packages(missing))
    return (
        f"Qt cannot open a window on this X display: its xcb plugin needs {', '.join(sorted(set(missing)))}. "
        f"On Debian or Ubuntu: sudo apt-get install {packages}"
    )


def _ldd(path: Path) -> str:
    result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, timeout=20, check=False)
    return result.stdout
