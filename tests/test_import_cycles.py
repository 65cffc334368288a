"""The import graph of gradsim has no cycle but the known ones, each with its reason.

The graph is built from the source with ``ast``: every ``import`` statement between gradsim
modules, at module level and inside functions (a function-level import still ties the two
modules together: it only moves the failure from import time to call time). A known cycle is
listed by the one edge that breaks it; the test fails when a new cycle appears, and when a
listed edge is gone (then delete it here: the cycle was fixed).
"""

from __future__ import annotations

import ast
from pathlib import Path

import gradsim

ROOT = Path(gradsim.__file__).resolve().parent

#: importer -> imported: the edges that break the known cycles, with the reason they exist.
#: None left: keep it that way.
KNOWN_CYCLE_EDGES: dict[tuple[str, str], str] = {}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def gradsim_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(ROOT.rglob("*.py"))}


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The gradsim module ``name`` is, or the nearest package containing it."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _submodule_or(base: str, name: str, modules: dict[str, Path]) -> str:
    return f"{base}.{name}" if f"{base}.{name}" in modules else base


def import_graph() -> dict[str, set[str]]:
    """Module -> the gradsim modules it imports (anywhere in its source)."""
    modules = gradsim_modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                # ``from package import submodule``: the submodule; ``from module import name``: the module
                targets = [_submodule_or(base, alias.name, modules) for alias in node.names]
            for target in targets:
                resolved = _resolve(target, modules) if target.split(".")[0] == "gradsim" else None
                if resolved is not None and resolved != name:
                    imported.add(resolved)
        graph[name] = imported
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(start: str) -> None:  # iterative: no recursion limit on deep graphs
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            advanced = False
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    advanced = True
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_the_graph_sees_module_and_function_level_imports():
    graph = import_graph()
    assert "gradsim.engine.trainer" in graph["gradsim.runner.training_loop"]  # module level
    assert "gradsim.landscapes.cli" in graph["gradsim.cli"]  # inside a function
    assert "gradsim.landscapes.surfaces" in graph["gradsim.runner.race_process"]  # inside a function
    assert sum(len(targets) for targets in graph.values()) > 200


def test_cycle_finder_finds_a_planted_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_but_the_known_ones():
    graph = import_graph()
    for (importer, imported), reason in KNOWN_CYCLE_EDGES.items():
        assert imported in graph.get(importer, set()), (
            f"{importer} no longer imports {imported}: remove it from KNOWN_CYCLE_EDGES ({reason})"
        )
        graph[importer] = graph[importer] - {imported}
    found = "\n".join(" <-> ".join(component) for component in cycles(graph))
    assert not found, f"import cycles in gradsim (break them, or list a known one with its reason):\n{found}"
