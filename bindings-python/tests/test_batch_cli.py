"""`python -m conforme batch MANIFEST.csv`: the command line over `conforme.distributed`."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import distributed
import pytest

from test_distributed import SCHEMA, write_table


def batch(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "conforme", "batch", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    """A manifest with relative paths: one valid file, one invalid, one missing."""
    (tmp_path / "schema.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    write_table(data / "ok.csv", 20)
    write_table(data / "bad.csv", 20, bad_every=5)
    path = tmp_path / "manifest.csv"
    path.write_text(
        "source;schema\ndata/ok.csv;schema.json\ndata/bad.csv;schema.json\ndata/gone.csv;schema.json\n",
        encoding="utf-8",
    )
    return path


def test_batch_on_a_scheduler_then_resumed(scheduler: str, manifest: Path, tmp_path: Path) -> None:
    out = batch(str(manifest), "--scheduler", scheduler, "--lang", "en", "--no-progress", cwd=tmp_path)
    assert out.returncode == 1, out.stderr
    assert "3 files in" in out.stdout and "1 valid, 1 invalid, 1 errors, 0 timed out" in out.stdout
    assert "invalid\t" in out.stdout and "8 errors" in out.stdout
    assert "error\t" in out.stdout and "gone.csv" in out.stdout
    reports = tmp_path / "manifest-reports"
    with open(reports / "summary.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["status"] for r in rows] == ["valid", "invalid", "error"]
    assert rows[1]["type-error"] == "4" and rows[1]["constraint-error"] == "4"
    assert len((reports / "reports.jsonl").read_text(encoding="utf-8").splitlines()) == 3

    again = batch(str(manifest), "--scheduler", scheduler, "--lang", "en", cwd=tmp_path)
    assert again.returncode == 1
    assert "(3 already validated by an earlier run)" in again.stdout
    assert len((reports / "reports.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_batch_on_local_workers(manifest: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out = batch(str(manifest), "--workers", "2", "--out", str(out_dir), "--no-progress", cwd=tmp_path)
    assert out.returncode == 1, out.stderr
    assert "3 fichiers en" in out.stdout and "1 valides, 1 invalides, 1 en erreur" in out.stdout
    assert (out_dir / "summary.csv").exists()


def test_all_valid_exits_0_with_a_default_schema(scheduler: str, tmp_path: Path) -> None:
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps(SCHEMA), encoding="utf-8")
    write_table(tmp_path / "a.csv", 5)
    manifest = tmp_path / "list.csv"
    manifest.write_text("source\na.csv\n", encoding="utf-8")
    out = batch(str(manifest), "--schema", str(schema), "--scheduler", scheduler, cwd=tmp_path)
    assert out.returncode == 0, out.stderr + out.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        ("file,schema\na.csv,s.json\n", "no 'source' column"),
        ("source\na.csv\n", "line 2: no schema for a.csv"),
        ("source,schema\n,s.json\n", "line 2: empty source"),
    ],
)
def test_unusable_manifest_exits_2(tmp_path: Path, content: str, message: str) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text(content, encoding="utf-8")
    out = batch(str(manifest), "--workers", "1", cwd=tmp_path)
    assert out.returncode == 2
    assert message in out.stderr, out.stderr


def test_usage_errors_exit_2(tmp_path: Any) -> None:
    out = batch("m.csv", "--workers", "2", "--scheduler", "tcp://127.0.0.1:1", cwd=tmp_path)
    assert out.returncode == 2 and "not both" in out.stderr
    missing = batch(str(tmp_path / "nope.csv"), cwd=tmp_path)
    assert missing.returncode == 2 and "cannot read it" in missing.stderr
    help_ = batch("--help", cwd=tmp_path)
    assert help_.returncode == 0 and "--scheduler" in help_.stdout
