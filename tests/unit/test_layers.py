"""Dependencies point one way: ui/ never reaches the database, services/ and models/ never reach Qt."""

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "otop_desktop"
FORBIDDEN = {
    "ui": ("sqlalchemy", "otop_desktop.models", "alembic"),
    "services": ("PySide6", "otop_desktop.ui"),
    "store": ("PySide6", "otop_desktop.ui"),
    "models": ("PySide6", "otop_desktop.ui", "otop_desktop.services", "openpyxl", "reportlab"),
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
    for path in sorted((PACKAGE / layer).rglob("*.py")):
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
