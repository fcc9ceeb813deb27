"""No two modules of ours import each other, however indirectly.

A cycle makes the order of imports matter (a half-initialised module, an AttributeError at start-up) and is the
sign that a concept has no home of its own. Nothing is imported here: every file is read with ``ast``, so the test
runs without Qt and in a fraction of a second. An import inside a function counts like one at the top: deferring
it hides the cycle from Python at start-up, not from the reader.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Every top-level package the app and the server are made of, found rather than listed so that a new one (a shared
# protocol package, say) is checked from its first day; the tests and the measuring tools in bench/ are not shipped.
PACKAGES = sorted(path.parent.name for path in ROOT.glob("*/__init__.py") if path.parent.name not in ("tests", "bench"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def our_modules() -> dict[str, Path]:
    return {module_name(path): path for top in PACKAGES for path in sorted((ROOT / top).rglob("*.py"))}


def imported_names(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """Dotted names an import statement may load: the module it names and, for ``from x import y``, ``x.y``
    (which is a module when y is a submodule). Relative imports are made absolute."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = module.split(".") if is_package else module.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join(package + ([base] if base else []))
    return [base] + [f"{base}.{alias.name}" for alias in node.names]


def import_graph(modules: dict[str, Path]) -> dict[str, dict[str, int]]:
    """module -> {module it imports: line of the first such import}."""
    graph: dict[str, dict[str, int]] = {}
    for module, path in modules.items():
        edges = graph[module] = {}
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):  # walks function bodies too: a lazy import is still a dependency
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            for name in imported_names(node, module, path.name == "__init__.py"):
                while name and name not in modules:
                    name = name.rpartition(".")[0]  # ``app.kinds.KINDS`` is the module ``app.kinds``
                if name and name != module:
                    edges.setdefault(name, node.lineno)
    return graph


def find_cycle(graph: dict[str, dict[str, int]]) -> list[str] | None:
    """One cycle as [a, b, ..., a], or None. Depth-first search; a module met again while still on the path
    closes a cycle."""
    done: set[str] = set()
    path: list[str] = []
    on_path: set[str] = set()

    def visit(module: str) -> list[str] | None:
        path.append(module)
        on_path.add(module)
        for target in sorted(graph[module]):
            if target in on_path:
                return path[path.index(target):] + [target]
            if target not in done and (cycle := visit(target)):
                return cycle
        on_path.discard(path.pop())
        done.add(module)
        return None

    for start in sorted(graph):
        if start not in done and (cycle := visit(start)):
            return cycle
    return None


def every_cycle(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Cycles until none is left, each found after cutting the last import of the one before, so that a single
    run names them all rather than one per fix."""
    graph = {module: dict(edges) for module, edges in graph.items()}
    cycles = []
    while cycle := find_cycle(graph):
        cycles.append(cycle)
        del graph[cycle[-2]][cycle[-1]]
    return cycles


def describe(cycle: list[str], graph: dict[str, dict[str, int]], modules: dict[str, Path]) -> str:
    steps = [f"  {a} imports {b} ({modules[a].relative_to(ROOT).as_posix()}:{graph[a][b]})"
             for a, b in zip(cycle, cycle[1:])]
    return "import cycle " + " -> ".join(cycle) + ":\n" + "\n".join(steps)


def test_the_graph_sees_lazy_and_relative_imports():
    """The checker itself: without this, a graph that missed imports would pass every project."""
    assert {"app", "db", "sync", "server", "ui"} <= set(PACKAGES)
    modules = our_modules()
    graph = import_graph(modules)
    assert "app.__main__" in graph and "ui.launcher" in graph["app.__main__"]  # imported inside main()
    tree = ast.parse("from . import b\nfrom .c import d\n")
    assert imported_names(tree.body[0], "p.a", False) == ["p", "p.b"]
    assert imported_names(tree.body[1], "p", True) == ["p.c", "p.c.d"]
    looped = {"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {"a": 1}}
    assert find_cycle(looped) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b": 1}, "b": {}}) is None
    assert every_cycle({"a": {"b": 1}, "b": {"a": 1, "c": 1}, "c": {"b": 1}}) == [["a", "b", "a"], ["b", "c", "b"]]


def test_no_import_cycles():
    modules = our_modules()
    graph = import_graph(modules)
    cycles = every_cycle(graph)
    assert not cycles, "\n".join(describe(cycle, graph, modules) for cycle in cycles)
