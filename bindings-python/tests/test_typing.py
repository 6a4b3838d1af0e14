"""The stubs match the native module (stubtest) and type-check real code (mypy --strict);
the guide's Python examples run."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO

EXAMPLE = REPO / "bindings-python" / "examples" / "quickstart.py"


def test_example_runs() -> None:
    out = subprocess.run(
        [sys.executable, str(EXAMPLE)], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert "valid=False" in out.stdout
    assert "rejected:" in out.stdout


def test_example_type_checks_strictly() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(EXAMPLE)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_stubs_match_the_native_module() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "conforme._conforme", "conforme._exceptions"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
