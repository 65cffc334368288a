"""The wheel installed into a fresh venv works outside the checkout: ``gradsim --version``, a
scenario trained headless and ``gradsim --smoke-test`` offscreen (a lesson, training in the
spawned process, an exported PNG), all reading their resources from the installed package.

The venv gets the wheel with ``--no-deps``; its dependencies come from the test venv's
site-packages, added as a plain path (not a site dir, so the editable install of the
checkout there is not activated): seconds instead of downloading Qt again.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

import gradsim

pytestmark = [pytest.mark.packaging, pytest.mark.ui]

TIMEOUT_S = 300


@pytest.fixture(scope="module")
def installed(built, tmp_path_factory) -> Path:
    """A fresh venv holding the built wheel; returns its bin folder."""
    home = tmp_path_factory.mktemp("installed") / "venv"
    venv.EnvBuilder(with_pip=False).create(home)
    python = home / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    # the test venv's packages (numpy, PySide6...), after the venv's own site-packages
    Path(purelib, "test-venv-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
         "--disable-pip-version-check", "-q", str(built.wheel)],
        capture_output=True, text=True, timeout=TIMEOUT_S,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return home / "bin"


def _run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(cwd), XDG_CONFIG_HOME=str(cwd / "config"))
    return subprocess.run(
        [str(bin_dir / "gradsim"), *args], capture_output=True, text=True, timeout=TIMEOUT_S, env=env, cwd=cwd
    )


def test_the_installed_package_is_not_the_checkout(installed, tmp_path):
    result = subprocess.run(
        [str(installed / "python"), "-c",
         "import gradsim, gradsim.shipped as s; print(gradsim.__file__); print(s.resources_dir())"],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )
    package, resources = (Path(line) for line in result.stdout.split())
    assert package.is_relative_to(installed.parent) and resources == package.parent / "resources"
    assert resources.is_dir() and not resources.is_symlink()
    checkout = Path(gradsim.__file__).resolve().parent.parent
    assert not package.is_relative_to(checkout)


def test_version(installed, tmp_path):
    result = _run(installed, "--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"gradsim {gradsim.__version__}"


def test_a_scenario_trains_headless(installed, tmp_path):
    result = _run(installed, "run", "--scenario", "sigmoid-goes-deep", "--steps", "20",
                  "--out", "run.gradsim", "--quiet", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "run.gradsim").stat().st_size > 0


def test_the_smoke_test_passes_installed(installed, tmp_path):
    result = _run(installed, "--smoke-test", "smoke.png", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"from {installed.parent}" in result.stdout  # the lesson came from the installed package
    assert "in the training process (pid " in result.stdout
    assert (tmp_path / "smoke.png").read_bytes().startswith(b"\x89PNG")
