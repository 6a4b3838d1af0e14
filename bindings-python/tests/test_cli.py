"""`python -m conforme` and the `conforme` console script run the Rust command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "conforme", *args], capture_output=True, text=True
    )


def test_valid_file_exits_0() -> None:
    case = FIXTURES / "valid-basic"
    out = run("validate", str(case / "data.csv"), "--schema", str(case / "schema.json"))
    assert out.returncode == 0, out.stderr


def test_invalid_file_exits_1_with_a_json_report() -> None:
    case = FIXTURES / "every-cell-error"
    out = run(
        "validate", str(case / "data.csv"), "--schema", str(case / "schema.json"),
        "--format", "json",
    )
    assert out.returncode == 1, out.stderr
    report = json.loads(out.stdout)
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert [[e.get("row"), e.get("field_number"), e["type"]] for e in report["errors"]] == expected[
        "errors"
    ]


def test_unusable_schema_exits_2(tmp_path: Path) -> None:
    schema = tmp_path / "schema.json"
    schema.write_text("{", encoding="utf-8")
    data = str(FIXTURES / "valid-basic" / "data.csv")
    out = run("validate", data, "--schema", str(schema), "--lang", "en")
    assert out.returncode == 2
    assert "conforme:" in out.stderr and "not valid JSON" in out.stderr
    # The same in French, as every message.
    out = run("validate", data, "--schema", str(schema), "--lang", "fr")
    assert out.returncode == 2
    assert "le schéma n'est pas du JSON" in out.stderr


def test_help_and_usage_errors() -> None:
    help_ = run("--help")
    assert help_.returncode == 0 and "validate" in help_.stdout
    usage = run("frobnicate")
    assert usage.returncode == 2 and "frobnicate" in usage.stderr


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "conforme"
    found = shutil.which("conforme", path=str(script.parent)) or shutil.which("conforme")
    assert found is not None
    out = subprocess.run(
        [found, "--version"], capture_output=True, text=True, env={**os.environ}
    )
    assert out.returncode == 0 and out.stdout.startswith("conforme ")
