"""The package layout shows the design: stages import forward only, families are packages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsmill"
# Module-name prefixes that once stood for a family of modules side by side; a family is a package.
FAMILY_PREFIXES = ("html_", "text_", "metadata_", "quote_", "time_", "gazetteer_", "name_")


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth (function-level imports included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def importers(folder: str, forbidden: str) -> list[str]:
    """Modules under ``folder`` that import ``forbidden`` or anything inside it."""
    return [str(p.relative_to(PACKAGE)) for p in sorted((PACKAGE / folder).rglob("*.py"))
            if any(m == forbidden or m.startswith(forbidden + ".") for m in imported_modules(p))]


@pytest.mark.parametrize(("stage", "forbidden"), [
    ("extract", "newsmill.enrich"),
    ("extract", "newsmill.corpus"),
    ("enrich", "newsmill.corpus"),
])
def test_a_stage_never_imports_a_later_one(stage: str, forbidden: str) -> None:
    assert importers(stage, forbidden) == []


@pytest.mark.parametrize("stage", ["extract", "enrich"])
def test_module_families_are_packages(stage: str) -> None:
    flat = [p.name for p in (PACKAGE / stage).glob("*.py") if p.name.startswith(FAMILY_PREFIXES)]
    assert flat == []


@pytest.mark.parametrize("forbidden", ["newsmill.cli", "newsmill.run"])
def test_the_store_imports_neither_the_cli_nor_the_engines(forbidden: str) -> None:
    assert importers("corpus", forbidden) == []
