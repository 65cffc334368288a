"""Qt at the edge, at run time: what the import-linter contracts cannot see.

The layer contracts in pyproject.toml (``lint-imports``, run by scripts/test.sh) check every
import statement between modules, at module level and inside functions, Qt included. They
cannot see what happens when the code runs: a dependency that imports Qt itself, a dynamic
import. So every module outside gradsim/ui and gradsim/app.py is imported here in a fresh
interpreter and ``sys.modules`` must hold no PySide6, shiboken6 or pyqtgraph afterwards
(tests/runner checks the same inside the spawned training and race processes). And the
contracts only protect what they list: every package of gradsim must be in the Qt one.
"""

import json
import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import gradsim

QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "PySide2", "qtpy")
ROOT = Path(gradsim.__file__).resolve().parent
PYPROJECT = ROOT.parent / "pyproject.toml"
QT_MODULES = ("gradsim.ui", "gradsim.app", "gradsim.__main__")  # __main__ starts the app


def _allowed(module: str) -> bool:
    return module == "gradsim.app" or module == "gradsim.ui" or module.startswith("gradsim.ui.")


def _headless_modules() -> list[str]:
    names = ["gradsim"]
    for info in pkgutil.walk_packages([str(ROOT)], prefix="gradsim."):
        if not _allowed(info.name):
            names.append(info.name)
    return sorted(names)


def test_headless_modules_exist_to_check():
    modules = _headless_modules()
    assert "gradsim.engine.trainer" in modules and "gradsim.cli" in modules
    assert "gradsim.runner.training_process" in modules and "gradsim.runner.race_process" in modules
    assert not any(_allowed(m) for m in modules)


def test_importing_every_headless_module_loads_no_qt():
    script = (
        "import importlib, json, sys\n"
        f"names = {json.dumps(_headless_modules())}\n"
        "failed = {}\n"
        "for name in names:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as error:\n"
        "        failed[name] = repr(error)\n"
        f"qt = sorted(m for m in sys.modules if m.split('.')[0] in {QT_PACKAGES!r})\n"
        "print(json.dumps({'qt': qt, 'failed': failed}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["qt"] == [], f"Qt loaded by headless modules: {report['qt']}"
    assert report["failed"] == {}, f"modules that cannot be imported: {report['failed']}"


def _contract(contract_id: str) -> dict:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    return next(c for c in config["contracts"] if c.get("id") == contract_id)


def test_the_qt_contract_covers_every_package_but_the_ui():
    children = {f"gradsim.{info.name}" for info in pkgutil.iter_modules([str(ROOT)])}
    sources = set(_contract("qt-at-the-edge")["source_modules"])
    assert sources == children - set(QT_MODULES), "update the qt-at-the-edge contract in pyproject.toml"
    assert {"PySide6", "shiboken6", "pyqtgraph"} <= set(_contract("runner")["forbidden_modules"])


def test_every_panel_module_is_in_a_panel_group():
    """The shell imports panels by name (gradsim/ui/shell/panel_specs.py, read here without Qt):
    each must live in a group the ``ui`` contract places, and exist."""
    import ast

    groups = _contract("ui")["layers"][2].replace(" ", "").split("|")  # training | builder | landscape
    tree = ast.parse((ROOT / "ui" / "shell" / "panel_specs.py").read_text(encoding="utf-8"))
    modules = [
        node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "PanelSpec"
    ]
    assert len(modules) >= 10
    for module in modules:
        assert module.split(".")[:2] == ["gradsim", "ui"] and module.split(".")[2] in groups, module
        assert (ROOT.parent / Path(*module.split("."))).with_suffix(".py").is_file(), module
