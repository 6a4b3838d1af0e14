"""conforme.fix: the corrected copy and its change log, as `conforme fix` writes them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import conforme

SCHEMA = {
    "fields": [
        {"name": "code", "type": "string", "constraints": {"pattern": "[0-9]{5}"}},
        {"name": "prix", "type": "number"},
        {"name": "jour", "type": "date"},
    ]
}


def test_fix_writes_a_corrected_file_that_validates(tmp_path: Path) -> None:
    source = tmp_path / "export.csv"
    source.write_bytes("Code;prix;jour\n1000;2,5;31/01/2024\n75001;3;2024-02-01\n".encode("cp1252"))
    output = tmp_path / "corrige.csv"
    log = tmp_path / "changes.csv"
    summary = conforme.fix(source, SCHEMA, output, log=log)
    assert output.read_text(encoding="utf-8") == (
        "code,prix,jour\n01000,2.5,2024-01-31\n75001,3,2024-02-01\n"
    )
    assert summary["rows"] == 2
    assert summary["changes"] == 4  # the header label, the code, the price, the date
    assert summary["by_rule"]["decimal-comma"] == 1
    rows = list(csv.DictReader(log.read_text(encoding="utf-8").splitlines()))
    assert [(r["row"], r["column"], r["old"], r["new"]) for r in rows[1:]] == [
        ("2", "code", "1000", "01000"),
        ("2", "prix", "2,5", "2.5"),
        ("2", "jour", "31/01/2024", "2024-01-31"),
    ]
    assert conforme.validate(output, SCHEMA).valid


def test_fix_takes_bytes_and_file_objects(tmp_path: Path) -> None:
    data = b"code,prix,jour\n1000,1,2024-01-01\n"
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    conforme.fix(data, SCHEMA, first)
    with (tmp_path / "in.csv").open("wb") as f:
        f.write(data)
    with (tmp_path / "in.csv").open("rb") as f:
        conforme.fix(f, SCHEMA, second)
    assert first.read_bytes() == second.read_bytes() == b"code,prix,jour\n01000,1,2024-01-01\n"


def test_fix_refuses_to_overwrite_its_input_and_json_schemas(tmp_path: Path) -> None:
    source = tmp_path / "data.csv"
    source.write_text("code,prix,jour\n", encoding="utf-8")
    with pytest.raises(ValueError, match="next to the original"):
        conforme.fix(source, SCHEMA, source)
    with pytest.raises(ValueError, match="Table Schema"):
        conforme.fix(source, {"type": "object", "$schema": "https://json-schema.org/draft/2020-12/schema"}, tmp_path / "o.csv")
    with pytest.raises(conforme.SourceError):
        conforme.fix(tmp_path / "absent.csv", SCHEMA, tmp_path / "o.csv")
    with pytest.raises(ValueError, match="max_errors|unknown|option"):
        conforme.fix(source, SCHEMA, tmp_path / "o.csv", not_an_option=1)


def test_validate_splits_valid_and_invalid_rows(tmp_path: Path) -> None:
    source = tmp_path / "data.csv"
    source.write_text("code,prix,jour\n75001,1,2024-01-01\n1000,x,2024-01-02\n", encoding="utf-8")
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    report = conforme.validate(source, SCHEMA, valid_rows=good, invalid_rows=bad, lang="en")
    assert not report.valid and report.stats.error_count == 2
    assert good.read_text(encoding="utf-8") == "code,prix,jour\n75001,1,2024-01-01\n"
    bad_rows = list(csv.reader(bad.read_text(encoding="utf-8").splitlines()))
    assert bad_rows[0] == ["code", "prix", "jour", "errors"]
    assert bad_rows[1][:3] == ["1000", "x", "2024-01-02"]
    assert "constraint-error (code)" in bad_rows[1][3] and "type-error (prix)" in bad_rows[1][3]
    # A file object is read for the split, then validated from its start.
    with source.open("rb") as f:
        again = conforme.validate(f, SCHEMA, invalid_rows=tmp_path / "bad2.csv", lang="en")
    assert again.stats.rows == 2 and (tmp_path / "bad2.csv").read_bytes() == bad.read_bytes()
