"""Build step of gradsim's wheel: the project's ``resources/`` become ``gradsim/resources``.

The checkout keeps one copy of the shipped data, the top-level ``resources/`` folder (the
project layout of docs/architecture.md; scripts edit it there). A wheel, an sdist-built
wheel or a frozen app needs real files inside the package instead (a symlink breaks in
wheels and Windows checkouts), so ``build_py`` copies the folder into the build's
``gradsim/resources``. The translations' sources (``resources/i18n/*.ts``) stay behind: the
app loads their compiled ``.qm`` from ``gradsim/ui/i18n``. An editable install copies
nothing; gradsim.shipped.resources_dir() then finds the checkout's folder. All other
metadata is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"
#: Parts of resources/ that are sources for a build tool, not data the app reads.
LEFT_BEHIND = ("i18n",)


class BuildWithResources(build_py):
    """``build_py``, then ``resources/`` copied to ``<build>/gradsim/resources``."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # the checkout's resources/ is found in place
            return
        if not RESOURCES.is_dir():
            raise FileNotFoundError(f"the project's resources folder is missing: {RESOURCES}")
        target = Path(self.build_lib) / "gradsim" / "resources"
        if target.is_symlink() or target.is_file():
            target.unlink()
        elif target.exists():
            shutil.rmtree(target)
        shutil.copytree(
            RESOURCES,
            target,
            ignore=lambda folder, names: [n for n in names if Path(folder) == RESOURCES and n in LEFT_BEHIND]
            + [n for n in names if n == "__pycache__"],
        )
        self._copied = [str(path) for path in target.rglob("*") if path.is_file()]

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        return super().get_outputs(include_bytecode) + list(getattr(self, "_copied", []))


setup(cmdclass={"build_py": BuildWithResources})
