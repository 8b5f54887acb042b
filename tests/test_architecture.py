"""The shape of the code: small modules and functions (STYLE.md).

The direction of imports and the absence of cycles are import-linter contracts in
pyproject.toml, checked by `make lint`; these limits are read from the source here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "dialogs", "nlu", "storage")
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60


def source_modules() -> list[Path]:
    """Every module of the packages, migrations aside (generated, and history)."""
    return [
        path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
    ]


def long_functions(path: Path, limit: int = MAX_FUNCTION_LINES) -> list[str]:
    """'name (lines)' for each function of a module longer than `limit` lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        f"{node.name} ({node.end_lineno - node.lineno + 1})"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > limit
    ]


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_is_over_500_lines(package: str) -> None:
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in source_modules()
        if path.relative_to(ROOT).parts[0] == package
    }
    assert {m: n for m, n in sizes.items() if n > MAX_MODULE_LINES} == {}


@pytest.mark.parametrize("package", PACKAGES)
def test_no_function_is_over_60_lines(package: str) -> None:
    found = {
        str(path.relative_to(ROOT)): long_functions(path)
        for path in source_modules()
        if path.relative_to(ROOT).parts[0] == package
    }
    assert {m: names for m, names in found.items() if names} == {}


def test_the_check_sees_a_long_function(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n" + "    x = 1\n" * 70 + "\n\nasync def g():\n    pass\n")
    assert long_functions(module) == ["f (71)"]
