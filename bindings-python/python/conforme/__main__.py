"""``python -m conforme …``: the same command line as the ``conforme`` binary.

The Rust command line is compiled into the native module, so the wheel carries one program
and ``python -m conforme`` cannot drift from the binary.
"""

from __future__ import annotations

import sys

from ._conforme import run_cli


def main() -> int:
    """Runs the command line with ``sys.argv`` and returns its exit status."""
    sys.stdout.flush()
    return run_cli(["conforme", *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
