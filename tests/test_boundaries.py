"""Imports between the project's packages go one way: kb -> crawler -> pipeline (docs: README, Layout)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# A package, and the top-level modules its code must never import, wherever the import stands
# (module level, inside a function, or under TYPE_CHECKING).
FORBIDDEN = {
    "crawler": {"kb"},  # the kb command drives crawls; the crawler hands items to whatever pipeline is configured
    "pipeline": {"crawler", "kb", "scrapy", "sqlite3", "sqlite_utils"},  # a page in, facts out
}


def imported_modules(path: Path) -> set[str]:
    """Every absolute module the file imports."""
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


def forbidden_imports(package: str) -> list[str]:
    return sorted(
        f"{path.relative_to(ROOT)} imports {module}"
        for path in (ROOT / package).rglob("*.py")
        for module in imported_modules(path)
        if module.split(".")[0] in FORBIDDEN[package]
    )


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_package_imports_nothing_from_the_layers_above_it(package):
    assert forbidden_imports(package) == []


def test_the_check_sees_imports_inside_functions_and_type_checking_blocks(tmp_path):
    source = tmp_path / "module.py"
    source.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from kb.runs import lock\n"
                      "def f():\n    import kb.store\n    from . import sibling\n")
    assert imported_modules(source) == {"typing", "kb.runs", "kb.store"}


def test_the_kb_command_loads_no_scrapy_until_it_crawls():
    """Extraction and writer processes are spawned: each imports the ``kb`` command's module again, so Scrapy
    (and Twisted) at its top would sit in every one of them (about 35 MB each)."""
    loaded = subprocess.run([sys.executable, "-c", "import sys, kb.cli; print('scrapy' in sys.modules)"],
                            capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "False"
