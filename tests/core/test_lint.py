"""Lint for the suite itself: a second `def test_x` in a module silently hides the first (NGEC's
`test_nat5`), and two test files with one basename break collection (the folders are not packages)."""
from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def _test_files() -> list[Path]:
    return sorted(p for p in TESTS.rglob("test_*.py") if "fixtures" not in p.parts)


def test_lint_test_file_basenames_are_unique():
    counts = Counter(p.name for p in _test_files())
    assert not [name for name, n in counts.items() if n > 1], counts.most_common(3)


def test_lint_no_test_function_is_defined_twice_in_a_module():
    dupes = []
    for path in _test_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        scopes = [tree.body] + [n.body for n in tree.body if isinstance(n, ast.ClassDef)]
        for body in scopes:
            names = Counter(n.name for n in body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))
            dupes += [f"{path.relative_to(TESTS)}::{name}" for name, n in names.items() if n > 1]
    assert not dupes, dupes
