"""Every exception: its class hierarchy and a message that says what to do."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

import conforme
from conftest import INTEGER_SCHEMA


def test_hierarchy() -> None:
    assert issubclass(conforme.SchemaError, conforme.ConformeError)
    assert issubclass(conforme.SchemaError, ValueError)
    assert issubclass(conforme.SourceError, conforme.ConformeError)
    assert issubclass(conforme.SourceError, OSError)
    assert issubclass(conforme.ValidationFailed, conforme.ConformeError)
    assert issubclass(conforme.ConformeError, Exception)


def test_schema_syntax_error(tmp_path: Path) -> None:
    bad = tmp_path / "schema.json"
    bad.write_text('{"fields": [}', encoding="utf-8")
    with pytest.raises(conforme.SchemaError, match="not valid JSON \\(line 1"):
        conforme.Schema.from_path(bad)
    with pytest.raises(ValueError):
        conforme.validate(b"n\n1\n", bad)


def test_schema_invalid_descriptor() -> None:
    with pytest.raises(conforme.SchemaError, match="/fields/0/type"):
        conforme.Schema.from_dict({"fields": [{"name": "a", "type": "texte"}]})
    with pytest.raises(conforme.SchemaError):
        conforme.Schema.from_bytes(b"[1, 2]")


def test_schema_dict_with_values_json_cannot_hold() -> None:
    with pytest.raises(conforme.SchemaError, match="/fields/0/name has type set"):
        conforme.Schema.from_dict({"fields": [{"name": {"a"}}]})
    with pytest.raises(conforme.SchemaError, match="finite number"):
        conforme.Schema.from_dict(
            {"fields": [{"name": "a", "type": "number", "constraints": {"minimum": float("nan")}}]}
        )
    with pytest.raises(conforme.SchemaError, match="key of type int"):
        conforme.Schema.from_dict({"fields": [{1: "a"}]})


def test_schema_file_missing(tmp_path: Path) -> None:
    with pytest.raises(conforme.SchemaError, match="cannot read the schema file"):
        conforme.Schema.from_path(tmp_path / "absent.json")


def test_source_missing_file_keeps_errno(tmp_path: Path) -> None:
    with pytest.raises(conforme.SourceError) as info:
        conforme.validate(tmp_path / "absent.csv", INTEGER_SCHEMA)
    assert isinstance(info.value, OSError)
    assert info.value.errno == errno.ENOENT
    assert "absent.csv" in str(info.value)
    with pytest.raises(conforme.SourceError):
        conforme.iter_errors(tmp_path / "absent.csv", INTEGER_SCHEMA)


def test_source_directory_empty_and_binary(tmp_path: Path) -> None:
    with pytest.raises(conforme.SourceError, match="is a directory"):
        conforme.validate(tmp_path, INTEGER_SCHEMA)
    # An empty file is bad data, not an unreadable one: a report with one source-error.
    empty = conforme.validate(b"", INTEGER_SCHEMA, lang="en")
    assert not empty.valid and [e.type for e in empty.errors] == ["source-error"]
    assert "empty" in empty.errors[0].message
    assert [e.type for e in conforme.iter_errors(b"", INTEGER_SCHEMA)] == ["source-error"]
    with pytest.raises(conforme.SourceError, match="does not look like a CSV"):
        conforme.validate(b"%PDF-1.7\n\x00\x01binary", INTEGER_SCHEMA)


def test_validation_failed_carries_the_report() -> None:
    report = conforme.validate(b"n\nx\n", INTEGER_SCHEMA, lang="en")
    with pytest.raises(conforme.ValidationFailed, match="1 error in 1 row; first: ") as info:
        report.raise_for_errors()
    assert info.value.report is report
    french = conforme.validate(b"n\nx\ny\n", INTEGER_SCHEMA)
    with pytest.raises(conforme.ValidationFailed, match="2 erreurs sur 2 lignes ; la première : "):
        french.raise_for_errors()
    conforme.validate(b"n\n1\n", INTEGER_SCHEMA).raise_for_errors()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        # The engine's messages, the same in every door (the command, Python, JavaScript).
        ({"lang": "de"}, 'unknown lang "de": use one of fr, en'),
        ({"encoding": "klingon"}, 'unknown encoding "klingon"'),
        ({"max_errors": 0}, "maxErrors = 0: must be at least 1"),
        ({"threads": 0}, "threads = 0: must be at least 1"),
        ({"threads": 30000}, "threads = 30000: must be at most 256"),
        ({"profile": "strictest"}, 'unknown profile "strictest": use one of schema.data.gouv.fr, strict'),
        ({"pick_errors": ["no-such-error"]}, 'unknown error type "no-such-error": use one of'),
        ({"delimiter": ";;"}, "one ASCII character"),
        ({"max_error": 3}, "unknown field `max_error`"),
    ],
)
def test_bad_options_are_value_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        conforme.validate(b"n\n1\n", INTEGER_SCHEMA, **kwargs)  # type: ignore[arg-type]


def test_negative_max_errors_is_refused() -> None:
    with pytest.raises(ValueError, match="max_errors: invalid value: integer `-1`"):
        conforme.validate(b"n\n1\n", INTEGER_SCHEMA, max_errors=-1)
