"""The same hand-written fixtures as the Rust tests: the binding cannot drift from the core."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

import conforme
from conftest import fixture_dirs, fixture_kwargs, load_expected

CASES = fixture_dirs()


def flatten(errors: list[conforme.Error]) -> list[list[Any]]:
    return [[e.row, e.field_number, e.type] for e in errors]


def test_fixtures_are_found() -> None:
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixture_verdict_and_errors(case: Path) -> None:
    expected = load_expected(case)
    kwargs = fixture_kwargs(expected)
    schema = conforme.Schema.from_path(case / "schema.json")
    data_path = case / "data.csv"
    data = data_path.read_bytes()

    by_path = conforme.validate(data_path, schema, **kwargs)
    assert by_path.valid is expected["valid"]
    assert flatten(by_path.errors) == expected["errors"]

    # Every input kind gives the same report.
    by_str = conforme.validate(str(data_path), case / "schema.json", **kwargs)
    by_bytes = conforme.validate(data, schema, **kwargs)
    by_stream = conforme.validate(io.BytesIO(data), schema, **kwargs)
    with open(data_path, "rb") as f:
        by_file = conforme.validate(f, schema, **kwargs)
    for other in (by_str, by_bytes, by_stream, by_file):
        assert other.valid == by_path.valid
        assert other.errors == by_path.errors
        assert other.stats.rows == by_path.stats.rows

    # The lazy iterator yields exactly the report's errors.
    assert list(conforme.iter_errors(data_path, schema, **kwargs)) == by_path.errors
