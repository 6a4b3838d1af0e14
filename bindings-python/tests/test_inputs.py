"""Every kind of source and schema the API accepts, and the clear refusals."""

from __future__ import annotations

import io
import json
import pathlib
from pathlib import Path

import pytest

import conforme
from conftest import INTEGER_SCHEMA

DATA = b"n\n1\nx\n3\n"


def check(report: conforme.Report) -> None:
    assert not report.valid
    assert [(e.type, e.row, e.field_name, e.cell) for e in report.errors] == [
        ("type-error", 3, "n", "x")
    ]


def test_source_path_str_and_pathlike(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_bytes(DATA)
    check(conforme.validate(str(data), INTEGER_SCHEMA))
    check(conforme.validate(data, INTEGER_SCHEMA))
    check(conforme.validate(pathlib.PurePosixPath(data), INTEGER_SCHEMA))


def test_source_bytes_like() -> None:
    check(conforme.validate(DATA, INTEGER_SCHEMA))
    check(conforme.validate(bytearray(DATA), INTEGER_SCHEMA))
    check(conforme.validate(memoryview(DATA), INTEGER_SCHEMA))


def test_source_binary_file_objects(tmp_path: Path) -> None:
    check(conforme.validate(io.BytesIO(DATA), INTEGER_SCHEMA))
    data = tmp_path / "data.csv"
    data.write_bytes(DATA)
    with open(data, "rb") as f:
        report = conforme.validate(f, INTEGER_SCHEMA)
    check(report)
    assert report.to_frictionless()["tasks"][0]["place"] == str(data)
    with open(data, "rb", buffering=0) as raw:
        check(conforme.validate(raw, INTEGER_SCHEMA))


def test_source_file_object_read_in_chunks() -> None:
    """A file object larger than one read is read several times, and the report is the
    same as for the bytes."""
    rows = b"".join(b"%d\n" % i for i in range(400_000))
    data = b"n\n" + rows + b"oops\n"

    class Counting(io.BytesIO):
        calls = 0

        def read(self, size: int | None = -1) -> bytes:
            Counting.calls += 1
            return super().read(size)

    report = conforme.validate(Counting(data), INTEGER_SCHEMA)
    assert Counting.calls >= 3
    assert report.stats.rows == 400_001
    assert report.errors == conforme.validate(data, INTEGER_SCHEMA).errors


def test_text_mode_file_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_bytes(DATA)
    with open(data, encoding="utf-8") as f, pytest.raises(TypeError, match="binary mode"):
        conforme.validate(f, INTEGER_SCHEMA)


def test_file_object_returning_something_else() -> None:
    class Odd:
        def read(self, size: int) -> int:
            return 42

    with pytest.raises(conforme.SourceError, match="read\\(\\) returned int"):
        conforme.validate(Odd(), INTEGER_SCHEMA)


def test_unknown_source_type() -> None:
    with pytest.raises(TypeError, match="source must be a path"):
        conforme.validate(42, INTEGER_SCHEMA)  # type: ignore[arg-type]


def test_schema_kinds(tmp_path: Path) -> None:
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(INTEGER_SCHEMA), encoding="utf-8")
    yaml = tmp_path / "schema.yaml"
    yaml.write_text("fields:\n  - name: n\n    type: integer\n", encoding="utf-8")
    for schema in (
        INTEGER_SCHEMA,
        str(path),
        path,
        yaml,
        conforme.Schema.from_path(path),
        conforme.Schema.from_path(str(yaml)),
        conforme.Schema.from_dict(INTEGER_SCHEMA),
        conforme.Schema.from_bytes(json.dumps(INTEGER_SCHEMA).encode()),
        conforme.Schema.from_bytes(b"fields:\n  - name: n\n    type: integer\n"),
    ):
        check(conforme.validate(DATA, schema))


def test_schema_positional_and_keyword() -> None:
    check(conforme.validate(DATA, schema=INTEGER_SCHEMA))


def test_schema_properties() -> None:
    schema = conforme.Schema.from_dict(
        {"fields": [{"name": "a"}, {"name": "b", "type": "integer"}]}
    )
    assert schema.field_names == ["a", "b"]
    assert repr(schema) == 'Schema(fields=["a", "b"])'


def test_missing_schema_is_a_schema_error() -> None:
    with pytest.raises(conforme.SchemaError, match="no schema given"):
        conforme.validate(DATA)


def test_wrong_schema_types() -> None:
    with pytest.raises(TypeError, match="Schema.from_bytes"):
        conforme.validate(DATA, b"{}")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expects a dict"):
        conforme.Schema.from_dict([1, 2])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expects a str or os.PathLike"):
        conforme.Schema.from_path(3)  # type: ignore[arg-type]


def test_options() -> None:
    data = b"n;m\n1;2\nx;y\n"
    schema = {"fields": [{"name": "n", "type": "integer"}, {"name": "m", "type": "integer"}]}
    report = conforme.validate(data, schema, delimiter=";", lang="en")
    assert report.stats.delimiter == ";"
    assert [e.cell for e in report.errors] == ["x", "y"]
    assert "integer" in report.errors[0].message
    assert "entier" in conforme.validate(data, schema).errors[0].message
    assert len(conforme.validate(data, schema, max_errors=1).errors) == 1
    assert conforme.validate(data, schema, max_errors=1).stats.truncated
    assert conforme.validate(data, schema, threads=1, delimiter=";", lang="en").errors == report.errors
    latin = "n\n1\ncafé\n".encode("windows-1252")
    forced = conforme.validate(latin, INTEGER_SCHEMA, encoding="windows-1252")
    assert forced.stats.encoding == "windows-1252"
    assert forced.errors[0].cell == "café"
    assert conforme.validate(b"1\n2\n", INTEGER_SCHEMA, header=False).valid
    assert conforme.validate(DATA, INTEGER_SCHEMA, encoding="detect").errors[0].cell == "x"
