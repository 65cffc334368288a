"""What a benchmark ran on: cores, load, BLAS and its threads, versions (printed once per report)."""

from __future__ import annotations

import importlib.util
import os
import platform
import sys


def _torch_version() -> str:
    """torch's version read from its metadata (importing torch would start its thread pools)."""
    if importlib.util.find_spec("torch") is None:
        return "not installed"
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("torch")
    except PackageNotFoundError:
        return "installed (version unknown)"


def machine_facts() -> dict[str, str]:
    """Facts that change benchmark results, as short strings."""
    import numpy as np
    from threadpoolctl import threadpool_info

    blas = [
        f"{pool['internal_api']} {pool.get('version') or ''} ({pool['num_threads']} threads by default, "
        f"{pool.get('architecture') or 'unknown'} kernels)".replace("  ", " ")
        for pool in threadpool_info()
        if pool["user_api"] == "blas"
    ]
    try:
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "unknown"
    return {
        "cores": str(os.cpu_count()),
        "load average (1, 5, 15 min) at start": load,
        "CPU": _cpu_name(),
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
        "Python": sys.version.split()[0],
        "numpy": np.__version__,
        "numpy's BLAS": "; ".join(blas) or "none found",
        "torch": _torch_version(),
    }


def _cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine_markdown() -> str:
    """The machine as a Markdown list."""
    return "\n".join(f"- {key}: {value}" for key, value in machine_facts().items())


def machine_text() -> str:
    """The machine as plain lines, for a benchmark's console output."""
    return "\n".join(f"{key}: {value}" for key, value in machine_facts().items())
