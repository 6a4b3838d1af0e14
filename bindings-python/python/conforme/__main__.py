"""``python -m conforme …``: the same command line as the ``conforme`` binary.

The Rust command line is compiled into the native module, so the wheel carries one program
and ``python -m conforme`` cannot drift from the binary.
"""

from __future__ import annotations

import sys

from ._conforme import run_cli


def main() -> int:
    """Runs the command line with ``sys.argv`` and returns its exit status."""
    if sys.argv[1:2] == ["batch"]:
        # Written in Python over Dask (``conforme-data[dask]``), so not part of the Rust CLI.
        from ._batch.cli import main as batch

        return batch(sys.argv[2:])
    sys.stdout.flush()
    return run_cli(["conforme", *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
