"""Dependencies point one way: core/ (the ground floor) imports nothing of the program; models/, migrations/,
store/ and paths.py never reach services/; ui/ never reaches the database; nothing below ui/ reaches Qt; and no
two modules import each other, however far round."""

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "otop_desktop"
PROGRAM_ABOVE_CORE = (
    "otop_desktop.models",
    "otop_desktop.migrations",
    "otop_desktop.store",
    "otop_desktop.paths",
    "otop_desktop.services",
    "otop_desktop.ui",
    "otop_desktop.cli",
    "otop_desktop.demo",
)
FORBIDDEN = {
    "core": ("PySide6", "sqlalchemy", "alembic", *PROGRAM_ABOVE_CORE),
    "ui": ("sqlalchemy", "otop_desktop.models", "alembic", "otop_desktop.store"),
    "services": ("PySide6", "otop_desktop.ui"),
    "store": ("PySide6", "otop_desktop.ui", "otop_desktop.services"),
    "models": ("PySide6", "otop_desktop.ui", "otop_desktop.services", "otop_desktop.store", "openpyxl", "reportlab"),
    "migrations": ("PySide6", "otop_desktop.ui", "otop_desktop.services", "otop_desktop.store"),
    "paths.py": ("PySide6", "otop_desktop.ui", "otop_desktop.services", "otop_desktop.store"),
}


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth of the file (inside functions too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}: use absolute imports so this test can read them")
    return names


def violations(layer: str) -> list[str]:
    found = []
    place = PACKAGE / layer
    for path in [place] if place.is_file() else sorted(place.rglob("*.py")):
        for name in imported_modules(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer]):
                found.append(f"{path.relative_to(PACKAGE)} imports {name}")
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_one_way(layer):
    assert violations(layer) == []


def test_the_check_would_catch_a_violation(tmp_path, monkeypatch):
    bad = tmp_path / "ui"
    bad.mkdir()
    (bad / "widget.py").write_text("def f():\n    from sqlalchemy import select\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path)
    assert violations("ui") == ["ui/widget.py imports sqlalchemy"]


def test_every_package_is_in_the_wheel():
    """pyproject.toml lists the packages by hand: a package left out works in the editable install and is
    missing from a built one (services.reports was, once)."""
    import tomllib

    root = Path(__file__).resolve().parents[2]
    listed = set(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(root).parts) for init in (root / "otop_desktop").rglob("__init__.py")}
    assert found - listed == set()


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module → the program's modules it imports (`from a import b` counts b when b is a module)."""
    modules = {module_name(path): path for path in package.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                targets.add(node.module)
                targets.update(f"{node.module}.{alias.name}" for alias in node.names)
        graph[name] = {
            target
            for target in targets
            if target in modules and target != name and not modules[target].name == "__init__.py"
        }
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each strongly connected group of more than one module (Tarjan), sorted."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_no_modules_import_each_other():
    assert cycles(import_graph(PACKAGE)) == []


def test_the_cycle_check_would_catch_a_loop(tmp_path, monkeypatch):
    package = tmp_path / "otop_desktop"
    package.mkdir()
    (package / "a.py").write_text("def f():\n    from otop_desktop import b\n", encoding="utf-8")
    (package / "b.py").write_text("import otop_desktop.a\n", encoding="utf-8")
    (package / "c.py").write_text("import otop_desktop.a\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", package)
    assert cycles(import_graph(package)) == [["otop_desktop.a", "otop_desktop.b"]]


def renamed_imports(package: Path) -> list[str]:
    """Imports of the program's own modules under another name (`from a import merge as exchange`)."""
    found = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                module = getattr(node, "module", None) or ""
                for alias in node.names:
                    full = alias.name if isinstance(node, ast.Import) else f"{module}.{alias.name}"
                    if (
                        full.startswith("otop_desktop")
                        and alias.asname
                        and alias.asname != alias.name.rsplit(".", 1)[-1]
                    ):
                        found.append(f"{path.relative_to(package.parent)}: {full} as {alias.asname}")
    return found


def test_no_module_of_the_program_is_imported_under_another_name():
    """A reader finds the file from the call: `merge.preview`, not `exchange.preview`."""
    assert renamed_imports(PACKAGE) == []
    assert renamed_imports(PACKAGE.parent / "benchmarks") == []
