"""``conforme-hook``: the pre-commit hook (``.pre-commit-hooks.yaml`` at the repository root).

pre-commit passes the staged CSV and JSON files; each one that a rule of the configuration
matches is validated against its schema, the others are left alone. The exit status is the
worst of the command's: 0 all valid, 1 a file is invalid, 2 a file or schema is unusable.
"""

from __future__ import annotations

import argparse
import sys

import conforme

from .config import ConfigError, load, validate


def language(args: list[str]) -> str:
    """The command's language for these arguments: their ``--lang``, else the locale's
    (``conforme.language``, the command's own rule)."""
    tag = None
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            tag = args[i + 1]
            break
        if arg.startswith("--lang="):
            tag = arg.split("=", 1)[1]
            break
    try:
        return conforme.language(tag)
    except ValueError:
        # The command refuses this `--lang` itself; the hook's own line follows the locale.
        return conforme.language()


def main(argv: list[str] | None = None) -> int:
    """Validates the files named on the command line; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="conforme-hook",
        description="Validate the given files against the schemas conforme.toml assigns them.",
    )
    parser.add_argument("--config", help="conforme.toml or pyproject.toml (default: found in .)")
    parser.add_argument("files", nargs="*", help="files staged for commit")
    options = parser.parse_args(argv)
    try:
        config = load(options.config)
    except ConfigError as e:
        print(f"conforme-hook: {e}", file=sys.stderr)
        return 2
    status = 0
    english = language(list(config.args)) == "en"
    for path, schema in config.assign(options.files):
        sys.stdout.flush()
        code = validate(path, schema, config.args)
        if code != 0:
            if english:
                print(f"conforme-hook: {path} does not pass {schema} (exit {code})", file=sys.stderr)
            else:
                print(
                    f"conforme-hook : {path} n'est pas conforme à {schema} (code {code})",
                    file=sys.stderr,
                )
        status = max(status, code)
    return status


if __name__ == "__main__":
    sys.exit(main())
