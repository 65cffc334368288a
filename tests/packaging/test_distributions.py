"""What the wheel and the sdist hold: every shipped resource is in the wheel as real files
inside the package (gradsim/resources, copied by setup.py), the tests, benchmarks and build
scripts are not; the sdist carries what a wheel is built from."""

from __future__ import annotations

import stat
import tarfile
import zipfile
from pathlib import Path

import pytest

import gradsim
from tests.packaging.conftest import ROOT, Built

pytestmark = pytest.mark.packaging

PACKAGE = Path(gradsim.__file__).resolve().parent


def _wheel_names(built: Built) -> dict[str, zipfile.ZipInfo]:
    with zipfile.ZipFile(built.wheel) as wheel:
        return {info.filename: info for info in wheel.infolist()}


def _shipped_resources() -> list[str]:
    """The checkout's resources/ as the wheel must hold them (the .ts sources stay behind)."""
    resources = ROOT / "resources"
    return sorted(
        "gradsim/resources/" + path.relative_to(resources).as_posix()
        for path in resources.rglob("*")
        if path.is_file() and path.relative_to(resources).parts[0] != "i18n"
    )


def test_every_resource_is_a_real_file_in_the_wheel(built):
    names = _wheel_names(built)
    wanted = _shipped_resources()
    kinds = {name.split("/")[2] for name in wanted}
    assert {"examples", "scenarios", "lessons", "icons"} <= kinds, kinds
    assert any(name.startswith("gradsim/resources/scenarios/thumbnails/") for name in wanted)
    missing = [name for name in wanted if name not in names]
    assert not missing, f"resources missing from the wheel: {missing}"
    with tarfile.open(built.sdist) as sdist:  # what the wheel was built from
        sizes = {m.name.split("/", 1)[1]: m.size for m in sdist.getmembers() if m.isfile() and "/" in m.name}
    for name in wanted:  # a symlink stored in a zip would install as a tiny text file
        assert not stat.S_ISLNK(names[name].external_attr >> 16), name
        assert names[name].file_size == sizes["resources/" + name.split("/", 2)[2]], name
    assert not [name for name in names if name.startswith("gradsim/resources/i18n/")]


def test_the_translations_and_every_module_are_in_the_wheel(built):
    names = _wheel_names(built)
    assert {"gradsim/ui/i18n/gradsim_zh_CN.qm", "gradsim/ui/i18n/gradsim_ru.qm"} <= set(names)
    modules = {
        "gradsim/" + path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if "__pycache__" not in path.parts
    }
    assert not sorted(modules - set(names)), "modules missing from the wheel"


def test_no_tests_benchmarks_or_build_files_in_the_wheel(built):
    names = _wheel_names(built)
    top = {name.split("/")[0] for name in names}
    assert top == {"gradsim", f"gradsim-{gradsim.__version__}.dist-info"}, top
    assert not [name for name in names if "/tests/" in name or name.endswith("conftest.py")]
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]


def test_the_wheel_declares_the_command_and_the_dependencies(built):
    info = f"gradsim-{gradsim.__version__}.dist-info"
    with zipfile.ZipFile(built.wheel) as wheel:
        entry_points = wheel.read(f"{info}/entry_points.txt").decode()
        metadata = wheel.read(f"{info}/METADATA").decode()
    assert "gradsim = gradsim.__main__:main" in entry_points
    for requirement in ("numpy", "scipy", "PySide6-Essentials", "pyqtgraph", "contourpy"):
        assert f"Requires-Dist: {requirement}" in metadata, requirement
    assert "6.12.0" in metadata  # the excluded PySide6-Essentials release (bool-signal abort)


def test_the_sdist_carries_the_sources_of_the_wheel(built):
    with tarfile.open(built.sdist) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for needed in ("setup.py", "pyproject.toml", "MANIFEST.in", "README.md", "LICENSE", "THIRD_PARTY_NOTICES",
                   "resources/lessons/vanishing-gradients.json", "resources/icons/gradsim.svg",
                   "gradsim/ui/i18n/gradsim_ru.qm", "gradsim/__main__.py",
                   "packaging/linux/org.gradsim.Gradsim.desktop", "packaging/gradsim.spec"):
        assert needed in names, needed
    unwanted = ("build/", "dist/", ".venv/")
    assert not [name for name in names if "__pycache__" in name or name.startswith(unwanted)]
