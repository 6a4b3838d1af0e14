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
    """The Python keyword arguments matching a fixture's `options` (as the Rust runner reads
    them; `chunk_size` only tunes performance and has no Python equivalent)."""
    options = expected.get("options", {})
    kwargs: dict[str, Any] = {}
    if "max_errors" in options:
        kwargs["max_errors"] = options["max_errors"]
    if options.get("header") is False:
        kwargs["header"] = False
    for key in ("profile", "ignore_header_case", "skip_checks", "pick_errors", "skip_errors", "dialect"):
        if key in options:
            kwargs[key] = options[key]
    return kwargs


INTEGER_SCHEMA = {"fields": [{"name": "n", "type": "integer"}]}


@pytest.fixture
def integer_schema_path(tmp_path: Path) -> Path:
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(INTEGER_SCHEMA), encoding="utf-8")
    return path
