"""How much memory this process could still use, read from the operating system.

Why: the memory budget (:mod:`gradsim.engine.budget`) is a share of it. It is the
machine's available memory (Linux ``MemAvailable``, lowered to a cgroup's limit in a
container; Windows ``ullAvailPhys``; the total physical memory where nothing better is
known, e.g. macOS) *plus what this process already holds* (its resident set), so a run
that has allocated its arrays does not shrink its own budget: checking the same config
again (a live learning-rate edit) gives the same answer. None when nothing can be read.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def available_bytes() -> int | None:
    """Bytes this process could use now (see the module docstring), or None if unknown."""
    free = _linux_available() or _windows_available() or _total_physical()
    if free is None:
        return None
    return free + (_resident_bytes() or 0)


def _linux_available() -> int | None:
    try:
        text = Path("/proc/meminfo").read_text(encoding="ascii")
    except OSError:
        return None
    available = None
    for line in text.splitlines():
        if line.startswith("MemAvailable:"):
            available = int(line.split()[1]) * 1024
            break
    if available is None:
        return None
    limit = _cgroup_room()
    return available if limit is None else min(available, limit)


def _cgroup_room() -> int | None:
    """Limit minus usage of this process's cgroup (v2, else v1), None without a limit."""
    try:
        lines = Path("/proc/self/cgroup").read_text(encoding="ascii").splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith("0::"):
            base = Path("/sys/fs/cgroup") / line[3:].lstrip("/")
            return _room(base / "memory.max", base / "memory.current")
    base = Path("/sys/fs/cgroup/memory")
    return _room(base / "memory.limit_in_bytes", base / "memory.usage_in_bytes")


def _room(limit_file: Path, usage_file: Path) -> int | None:
    try:
        limit_text = limit_file.read_text(encoding="ascii").strip()
        usage = int(usage_file.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None
    if not limit_text.isdigit() or int(limit_text) >= 2**60:  # "max", or v1's "no limit"
        return None
    return max(int(limit_text) - usage, 0)


def _resident_bytes() -> int | None:
    try:
        pages = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _windows_available() -> int | None:
    if sys.platform != "win32":
        return None
    import ctypes

    class MemoryStatus(ctypes.Structure):
        _fields_ = [  # the layout of MEMORYSTATUSEX
            ("dwLength", ctypes.c_ulong),
            ("dwMemoryLoad", ctypes.c_ulong),
            ("ullTotalPhys", ctypes.c_ulonglong),
            ("ullAvailPhys", ctypes.c_ulonglong),
            ("ullTotalPageFile", ctypes.c_ulonglong),
            ("ullAvailPageFile", ctypes.c_ulonglong),
            ("ullTotalVirtual", ctypes.c_ulonglong),
            ("ullAvailVirtual", ctypes.c_ulonglong),
            ("ullAvailExtendedVirtual", ctypes.c_ulonglong),
        ]

    status = MemoryStatus()
    status.dwLength = ctypes.sizeof(MemoryStatus)
    if not ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
        return None
    return int(status.ullAvailPhys)


def _total_physical() -> int | None:
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None
