"""Dependencies point inward: bot -> dialogs -> nlu, storage (and nlu, storage apart).

Read from the source with `ast`, so a stray import anywhere in a package fails here, even
one inside a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: What each package may not import.
FORBIDDEN = {
    "dialogs": {"bot", "telegram", "nio", "httpx", "aiohttp", "requests"},
    "nlu": {"bot", "dialogs", "storage"},
    "storage": {"bot", "dialogs", "nlu"},
}


def imported_packages(path: Path) -> set[str]:
    """The top-level packages a module imports (absolute imports only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_packages_import_only_inward(package: str) -> None:
    wrong = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) & FORBIDDEN[package])
        for path in sorted((ROOT / package).rglob("*.py"))
    }
    wrong = {module: names for module, names in wrong.items() if names}
    assert wrong == {}, f"{package} must not import these: {wrong}"


def test_the_check_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from bot.cli import main\n    import nio.crypto\n")
    assert imported_packages(module) == {"bot", "nio"}
