"""The built distributions, made once per test run: ``python -m build`` builds the sdist from
the checkout, then the wheel from the unpacked sdist (so the sdist must carry everything the
wheel needs, and no stale build/ folder of the checkout reaches the wheel)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import gradsim

ROOT = Path(gradsim.__file__).resolve().parent.parent
BUILD_TIMEOUT_S = 600


@dataclass(frozen=True)
class Built:
    sdist: Path
    wheel: Path


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=BUILD_TIMEOUT_S,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    sdists, wheels = sorted(out.glob("gradsim-*.tar.gz")), sorted(out.glob("gradsim-*.whl"))
    assert len(sdists) == 1 and len(wheels) == 1, sorted(p.name for p in out.iterdir())
    return Built(sdists[0], wheels[0])
