"""The report objects: frozen errors, stats, dict/JSON/frictionless conversions, summary,
DataFrames."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import conforme

SCHEMA = {
    "fields": [
        {"name": "id", "type": "integer", "constraints": {"unique": True}},
        {"name": "code", "type": "string", "constraints": {"pattern": "[A-Z]{2}"}},
    ]
}
DATA = b"id,code\n1,AB\n2,abc\n2,CD\nx,EF\n"


@pytest.fixture(scope="module")
def report() -> conforme.Report:
    return conforme.validate(DATA, SCHEMA, lang="en")


def test_errors(report: conforme.Report) -> None:
    assert not report.valid
    assert [(e.type, e.row, e.field_number) for e in report.errors] == [
        ("constraint-error", 3, 2),
        ("unique-error", 4, 1),
        ("type-error", 5, 1),
    ]
    first = report.errors[0]
    assert first.field_name == "code"
    assert first.cell == "abc"
    assert first.line == 3
    assert first.params["constraint"] == "pattern"
    assert first.message and str(first) == first.message
    assert report.errors is report.errors  # cached list
    assert report.warnings == []


def test_errors_are_frozen_and_comparable(report: conforme.Report) -> None:
    error = report.errors[0]
    with pytest.raises(AttributeError):
        error.row = 5  # type: ignore[misc]
    again = conforme.validate(DATA, SCHEMA, lang="en").errors[0]
    assert error == again
    assert hash(error) == hash(again)
    assert len({error, again}) == 1
    assert error != report.errors[1]
    assert repr(error).startswith('Error(type="constraint-error", row=3')


def test_stats(report: conforme.Report) -> None:
    stats = report.stats
    assert (stats.rows, stats.fields, stats.bytes) == (4, 2, len(DATA))
    assert stats.encoding == "utf-8" and stats.delimiter == ","
    assert stats.error_count == 3 and stats.warning_count == 0
    assert not stats.truncated
    assert stats.error_types == {"constraint-error": 1, "type-error": 1, "unique-error": 1}
    assert stats.seconds >= 0
    assert "rows=4" in repr(stats)


def test_to_dict_and_json(report: conforme.Report) -> None:
    d = report.to_dict()
    assert d["valid"] is False
    assert d["stats"]["rows"] == 4
    assert [e["type"] for e in d["errors"]] == [e.type for e in report.errors]
    assert d["errors"][0] == report.errors[0].to_dict()
    assert json.loads(report.to_json()) == d
    pretty = report.to_json(indent=2)
    assert pretty.startswith('{\n  "version": "1",\n  "valid": false')
    assert json.loads(pretty) == d


def test_to_frictionless(report: conforme.Report) -> None:
    f = report.to_frictionless()
    assert set(f) == {"valid", "stats", "warnings", "errors", "tasks"}
    assert f["valid"] is False
    assert f["stats"]["tasks"] == 1 and f["stats"]["errors"] == 3
    (task,) = f["tasks"]
    assert task["type"] == "table" and task["valid"] is False
    assert task["stats"]["rows"] == 4 and task["stats"]["fields"] == 2
    first = task["errors"][0]
    assert first["type"] == "constraint-error"
    assert first["title"] == "Constraint Error"
    assert first["tags"] == ["#table", "#row", "#cell"]
    assert first["rowNumber"] == 3 and first["fieldNumber"] == 2
    assert first["fieldName"] == "code" and first["cell"] == "abc"
    assert first["note"].startswith('constraint "pattern" is')
    assert task["errors"][1]["note"] == "the same as in the row at position 3"
    assert task["errors"][2]["note"] == 'type is "integer/default"'


def test_frictionless_header_errors_and_limit() -> None:
    r = conforme.validate(b"id,,extra\nx,AB,1\n", SCHEMA, max_errors=2, profile="strict")
    task = r.to_frictionless()["tasks"][0]
    assert task["errors"][0]["tags"] == ["#table", "#header", "#label"]
    assert "rowNumbers" in task["errors"][0]
    assert task["warnings"] == ["reached error limit: 2"]


def test_summary(report: conforme.Report) -> None:
    assert report.summary() == {
        "valid": False,
        "rows": 4,
        "error_count": 3,
        "warning_count": 0,
        "truncated": False,
        "by_type": {"constraint-error": 1, "type-error": 1, "unique-error": 1},
        "by_column": {"code": {"constraint-error": 1}, "id": {"type-error": 1, "unique-error": 1}},
    }


def test_warnings_are_errors_objects() -> None:
    r = conforme.validate("n\n1\n2é\n".encode("windows-1252"), {"fields": [{"name": "n"}]})
    assert r.valid
    assert [w.type for w in r.warnings] == ["encoding"]
    assert r.stats.warning_count == 1


def test_repr(report: conforme.Report) -> None:
    assert repr(report) == 'Report(valid=False, rows=4, errors=3, warnings=0, place="<bytes>")'


def test_to_pandas(report: conforme.Report) -> None:
    import pandas
    df = report.to_pandas()
    assert isinstance(df, pandas.DataFrame)
    assert list(df.columns) == [
        "type", "row", "line", "field_number", "field_name", "cell", "message", "params",
    ]
    assert list(df["type"]) == ["constraint-error", "unique-error", "type-error"]
    assert json.loads(df["params"][0])["constraint"] == "pattern"
    assert df[df["field_name"] == "id"].shape[0] == 2


def test_to_polars(report: conforme.Report) -> None:
    import polars
    df = report.to_polars()
    assert isinstance(df, polars.DataFrame)
    assert df.columns[:3] == ["type", "row", "line"]
    assert df["row"].to_list() == [3, 4, 5]
    assert df.filter(polars.col("field_name") == "id").height == 2
    empty = conforme.validate(b"id,code\n1,AB\n", SCHEMA).to_polars()
    assert empty.height == 0 and empty.schema["row"] == polars.Int64


def test_dataframes_without_the_extra_say_how_to_install() -> None:
    code = (
        "import sys; sys.modules['pandas'] = None; sys.modules['polars'] = None\n"
        "import conforme\n"
        "r = conforme.validate(b'n\\n1\\n', {'fields': [{'name': 'n'}]})\n"
        "for m in (r.to_pandas, r.to_polars):\n"
        "    try:\n"
        "        m()\n"
        "    except ImportError as e:\n"
        "        print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'conforme-data[pandas]'" in out.stdout
    assert "pip install 'conforme-data[polars]'" in out.stdout
