"""`iter_errors`: lazy, bounded, and equal to the report's errors."""

from __future__ import annotations

import io
from pathlib import Path

import conforme
from conftest import INTEGER_SCHEMA

ROWS = 600_000  # about 4 MB: several reads of 1 MiB


def big_data(bad_rows: set[int]) -> bytes:
    lines = [b"n"]
    for i in range(ROWS):
        lines.append(b"bad" if i in bad_rows else b"%d" % i)
    return b"\n".join(lines) + b"\n"


class CountingReader(io.BytesIO):
    """A binary file object that records how many bytes were asked for."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.consumed = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.consumed += len(chunk)
        return chunk


def test_first_error_arrives_before_the_input_is_read() -> None:
    data = big_data({0, ROWS - 1})
    reader = CountingReader(data)
    errors = conforme.iter_errors(reader, INTEGER_SCHEMA)
    first = next(errors)
    assert (first.type, first.row, first.cell) == ("type-error", 2, "bad")
    assert reader.consumed < len(data) // 2, "the iterator read ahead of its consumer"
    rest = list(errors)
    assert reader.consumed == len(data)
    assert [e.row for e in rest] == [ROWS + 1]


def test_same_errors_as_validate_for_every_input_kind(tmp_path: Path) -> None:
    data = big_data({5, 300_000, ROWS - 2})
    path = tmp_path / "data.csv"
    path.write_bytes(data)
    expected = conforme.validate(data, INTEGER_SCHEMA).errors
    assert len(expected) == 3
    assert list(conforme.iter_errors(path, INTEGER_SCHEMA)) == expected
    assert list(conforme.iter_errors(str(path), INTEGER_SCHEMA)) == expected
    assert list(conforme.iter_errors(data, INTEGER_SCHEMA)) == expected
    assert list(conforme.iter_errors(io.BytesIO(data), INTEGER_SCHEMA)) == expected
    with open(path, "rb") as f:
        assert list(conforme.iter_errors(f, INTEGER_SCHEMA)) == expected


def test_stops_at_max_errors_without_reading_everything() -> None:
    data = big_data(set(range(0, ROWS, 2)))
    reader = CountingReader(data)
    errors = list(conforme.iter_errors(reader, INTEGER_SCHEMA, max_errors=5))
    assert [e.row for e in errors] == [2, 4, 6, 8, 10]
    assert reader.consumed < len(data)


def test_header_errors_and_exhaustion() -> None:
    iterator = conforme.iter_errors(b"m\n1\n", INTEGER_SCHEMA, lang="en", profile="strict")
    assert iter(iterator) is iterator
    assert [e.type for e in iterator] == ["incorrect-label"]
    assert list(iterator) == []


def test_valid_input_yields_nothing() -> None:
    assert list(conforme.iter_errors(b"n\n1\n2\n", INTEGER_SCHEMA)) == []
