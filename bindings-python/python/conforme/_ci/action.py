"""``conforme-action``: the entry of the GitHub Action (``action.yml`` at the repository root).

Finds the repository's files that the rules name (the configuration's, or one ``files`` +
``schema`` pair given as inputs), then runs the command twice on each: ``--format github``,
whose workflow commands annotate the pull request, and ``--format html``, one page per file
under the report folder that the action uploads. Writes the counts to ``$GITHUB_OUTPUT`` and a
table to ``$GITHUB_STEP_SUMMARY`` when GitHub provides them.

Inputs come from the command line or, as the action passes them, from ``CONFORME_*``
variables (no value is ever pasted into a shell line).
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .config import Config, ConfigError, glob_to_regex, load, rules_from, validate

VERDICTS = {0: "valid", 1: "invalid"}


@dataclass
class Outcome:
    """One file's result: the exit status of its `--format github` run and its page."""

    path: str
    schema: str
    status: int
    page: Path

    @property
    def verdict(self) -> str:
        """valid, invalid, or error (unusable file or schema)."""
        return VERDICTS.get(self.status, "error")


def repository_files(root: Path) -> list[str]:
    """Files under ``root`` as ``/``-separated relative paths: git's list (tracked and
    untracked, ignored ones left out) when ``root`` is the top of a work tree, as in a
    checkout, else every file outside dot folders."""
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=root, capture_output=True, check=True
        ).stdout.decode("utf-8")

    try:
        if Path(git("rev-parse", "--show-toplevel").strip()).resolve() == root.resolve():
            listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard")
            return sorted({p for p in listed.split("\0") if p})
    except (OSError, subprocess.CalledProcessError):
        pass
    found = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for name in names:
            found.append((Path(folder) / name).relative_to(root).as_posix())
    return sorted(found)


def split_lines(value: str) -> list[str]:
    """A multi-line input as its non-empty, stripped lines."""
    return [line.strip() for line in value.splitlines() if line.strip()]


def configure(options: argparse.Namespace, root: Path) -> tuple[Config, list[re.Pattern[str]]]:
    """The rules, and the globs that restrict the files looked at (empty: every file).

    With a ``schema`` input the rules are ``files`` → ``schema``; without one they come from
    the configuration file, and ``files``, when given, narrows the files it applies to.
    """
    globs = [g[2:] if g.startswith("./") else g for g in split_lines(options.files)]
    if options.schema:
        if not globs:
            raise ConfigError("the schema input needs a files input (one glob per line)")
        config = Config(root=root, rules=rules_from({g: options.schema for g in globs}, "inputs"))
        only = []
    else:
        config = load(options.config or None, start=root)
        only = [glob_to_regex(g) for g in globs]
    config.args = [*config.args, *shlex.split(options.args)]
    return config, only


def run(options: argparse.Namespace) -> int:
    """Validates every matched file; returns 0, 1 (some invalid) or 2 (some unusable)."""
    root = Path(options.root).resolve()
    try:
        config, only = configure(options, root)
    except ConfigError as e:
        print(f"::error title=conforme::{e}")
        return 2
    files = [f for f in repository_files(root) if not only or any(g.fullmatch(f) for g in only)]
    report_dir = Path(options.report_dir)
    if not report_dir.is_absolute():
        report_dir = root / report_dir
    report_dir.mkdir(parents=True, exist_ok=True)
    outcomes = []
    for path, schema in config.assign(str(root / f) for f in files):
        relative = Path(path).relative_to(root).as_posix()
        print(f"::group::{relative} ← {schema}", flush=True)
        status = validate(relative, schema, [*config.args, "--format", "github"], cwd=root)
        page = report_dir / f"{relative}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        with open(page, "wb") as out:
            validate(relative, schema, [*config.args, "--format", "html"], cwd=root, stdout=out)
        print("::endgroup::", flush=True)
        outcomes.append(Outcome(relative, schema, status, page))
    if not outcomes:
        print(f"::warning title=conforme::no file matches the rules of {config.source}")
    publish(outcomes, report_dir)
    worst = max((o.status for o in outcomes), default=0)
    if worst == 1 and not options.fail_on_invalid:
        return 0
    return min(worst, 2)


def publish(outcomes: list[Outcome], report_dir: Path) -> None:
    """Counts to ``$GITHUB_OUTPUT``, a table to ``$GITHUB_STEP_SUMMARY``, a line to stdout."""
    invalid = sum(o.status == 1 for o in outcomes)
    errors = sum(o.status not in VERDICTS for o in outcomes)
    output = os.environ.get("GITHUB_OUTPUT")
    if output:
        with open(output, "a", encoding="utf-8") as f:
            f.write(f"report-dir={report_dir}\nchecked={len(outcomes)}\n")
            f.write(f"invalid={invalid}\nerrors={errors}\n")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as f:
            f.write("### conforme\n\n| file | schema | verdict |\n| --- | --- | --- |\n")
            for o in outcomes:
                f.write(f"| `{o.path}` | `{o.schema}` | {o.verdict} |\n")
            f.write(f"\n{len(outcomes)} files checked, {invalid} invalid, {errors} unusable.\n")
    print(f"conforme: {len(outcomes)} files checked, {invalid} invalid, {errors} unusable; "
          f"reports in {report_dir}")


def main(argv: list[str] | None = None) -> int:
    """Parses the inputs (flags, else ``CONFORME_*`` variables) and runs."""
    env = os.environ.get
    parser = argparse.ArgumentParser(
        prog="conforme-action",
        description="Validate a repository's data files against their schemas (GitHub Action).",
    )
    parser.add_argument("--root", default=env("GITHUB_WORKSPACE") or ".",
                        help="the repository (default: $GITHUB_WORKSPACE, else .)")
    parser.add_argument("--config", default=env("CONFORME_CONFIG", ""),
                        help="conforme.toml or pyproject.toml (default: found in the root)")
    parser.add_argument("--files", default=env("CONFORME_FILES", ""),
                        help="file globs, one per line")
    parser.add_argument("--schema", default=env("CONFORME_SCHEMA", ""),
                        help="the schema of the --files globs (instead of a configuration)")
    parser.add_argument("--args", default=env("CONFORME_ARGS", ""),
                        help="more flags for every `conforme validate`")
    parser.add_argument("--report-dir", default=env("CONFORME_REPORT_DIR") or "conforme-report",
                        help="where the HTML pages go (default: conforme-report)")
    parser.add_argument("--no-fail-on-invalid", dest="fail_on_invalid", action="store_false",
                        default=env("CONFORME_FAIL_ON_INVALID", "true").lower() != "false",
                        help="exit 0 when files are invalid (unusable ones still fail)")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
