"""The figures the reliability tests measure, shown after the run for docs/RELIABILITY.md.

Each test adds its figures to ``figures``; the end of the run prints them and
writes them to build/reliability-figures.json.
"""

from __future__ import annotations

import json

import pytest

from tests.sync.conftest import central  # noqa: F401 - the SQLite and PostgreSQL central

_FIGURES: dict[str, dict] = {}


@pytest.fixture(scope="session")
def figures() -> dict[str, dict]:
    return _FIGURES


def pytest_terminal_summary(terminalreporter, config) -> None:
    if not _FIGURES:
        return
    terminalreporter.section("reliability figures")
    for test, numbers in _FIGURES.items():
        shown = ", ".join(f"{name} {value}" for name, value in numbers.items())
        terminalreporter.write_line(f"{test}: {shown}")
    out = config.rootpath / "build" / "reliability-figures.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(_FIGURES, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
