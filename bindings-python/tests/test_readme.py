"""The README's Python example runs and type-checks (docs cannot rot)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def readme_examples() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert blocks, "the README's Python section has python code blocks"
    # The remote examples need the internet, which the tests never reach (test_remote.py
    # covers them on a loopback server).
    return [b for b in blocks if "https://" not in b]


def test_readme_example_runs_and_type_checks(tmp_path: Path) -> None:
    script = tmp_path / "readme_example.py"
    # Every local block of the section, in order, as one script.
    script.write_text("\n".join(readme_examples()), encoding="utf-8")
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
