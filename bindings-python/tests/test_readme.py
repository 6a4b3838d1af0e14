"""The user guide's Python examples run and type-check (docs cannot rot).

The README points to the guide; the examples live in docs/guide/en/python.md (the French
page has the same ones). scripts/guide/test_examples.py also runs each block and compares
its output with the page; this test runs them as one script under `mypy --strict`.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO

GUIDE_PAGE = REPO / "docs" / "guide" / "en" / "python.md"


def guide_examples() -> list[str]:
    text = GUIDE_PAGE.read_text(encoding="utf-8")
    blocks = [
        (m.group(1), m.group(2))
        for m in re.finditer(r"([^\n]*)\n```python\n(.*?)```", text, re.S)
    ]
    assert blocks, "the guide's Python page has python code blocks"
    # `<!-- norun -->` (the line before a block) marks the examples that need the internet,
    # which the tests never reach (test_remote.py covers them on a loopback server).
    return [code for before, code in blocks if "norun" not in before]


def test_guide_python_examples_run_and_type_check(tmp_path: Path) -> None:
    script = tmp_path / "guide_example.py"
    # Every local block of the page, in order, as one script.
    script.write_text("\n".join(guide_examples()), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(script)], cwd=REPO, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert "rejected:" in out.stdout
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
