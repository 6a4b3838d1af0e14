"""Shared helpers: where the repository's fixtures are, and small schemas."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "fixtures" / "tableschema"


def fixture_dirs() -> list[Path]:
    """Every hand-written fixture shared with the Rust tests."""
    return sorted(p.parent for p in FIXTURES.glob("*/expected.json"))


def load_expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))


def fixture_kwargs(expected: dict[str, Any]) -> dict[str, Any]:
    """The Python keyword arguments of a fixture's `options`: the engine's option names, the
    same in every door, so they pass through unchanged."""
    return dict(expected.get("options", {}))


INTEGER_SCHEMA = {"fields": [{"name": "n", "type": "integer"}]}


@pytest.fixture
def integer_schema_path(tmp_path: Path) -> Path:
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(INTEGER_SCHEMA), encoding="utf-8")
    return path
