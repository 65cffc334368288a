"""Qt at the edge: only gradsim/ui and gradsim/app.py may import Qt or pyqtgraph.

Two checks: every other module is imported in a fresh interpreter and ``sys.modules`` must
not contain PySide6, shiboken6 or pyqtgraph afterwards (catches indirect imports); and the
source of every other module is parsed, so even an import inside a function is refused.
"""

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import gradsim

QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "PySide2", "qtpy")
ROOT = Path(gradsim.__file__).resolve().parent


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


def test_no_headless_source_imports_qt():
    offenders = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] == "ui" or relative == Path("app.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in QT_PACKAGES or name == "gradsim.ui" or name.startswith("gradsim.ui."):
                    offenders.append(f"{relative}:{node.lineno} imports {name}")
    assert not offenders, "Qt outside gradsim/ui:\n" + "\n".join(offenders)

