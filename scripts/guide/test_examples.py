#!/usr/bin/env python3
"""Runs the user guide's examples (docs/guide/) and compares their output with the guide.

Conventions in the guide's Markdown (the HTML comments below do not show on the site):

* A caption line `**`NAME`**` (the file name in bold code, shown on the site) right before a
  fenced block: the block's text is written to NAME in the page's working directory (a CSV
  or a schema the next examples use).
* A ```console block: every line starting with `$ ` is a command (a trailing `\\` continues
  it on the next line); the lines after it, up to the next command, are its expected output
  (standard output, then standard error). A line holding only `…` stands for any number of
  lines.
* A ```python block runs with the Python that has the conforme wheel installed; when it is
  followed by `<!-- output -->` and a ```text block, its standard output must equal that
  block.
* A ```js block is only checked for syntax (`node --check`, as an ES module): running it
  needs a browser or the WebAssembly build, which the `wasm` and `browser` parts test.
* A ```toml block is parsed (tomllib; Python ≥ 3.11, else skipped).
* Every code of the engine (core/src/report/code.rs) must have a heading on the checks
  pages (fr/verifications.md, en/checks.md).
* `<!-- norun -->` before a block skips it (examples that need the network or files the
  reader has, such as `irve.csv`).

Each page runs in a fresh temporary directory holding links to the repository's
`fixtures/` and `schemas/`, so paths read as from the repository root; commands run in
order and see the files earlier blocks wrote. Pages under `fr/` run with LANG=fr_FR.UTF-8,
pages under `en/` with LANG=en_US.UTF-8 (the command's default message language).

Normalisation before comparing: the page's working directory is removed from the command's
output (`/tmp/…/schemas/x.json` reads `schemas/x.json`), trailing spaces are dropped, durations (`"seconds": 0.01`) and the
conforme version (`conforme X.Y.Z`) are replaced by placeholders, so a slow machine or a
release does not fail the guide.

    scripts/guide/test_examples.py [--conforme PATH] [--python PATH] [--update] [PAGE.md …]

`--update` rewrites the expected outputs in the pages with what the tools print (review
the diff before committing it).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
try:
    import tomllib
except ImportError:  # Python < 3.11: the TOML blocks are not parsed (said in the summary)
    tomllib = None  # type: ignore[assignment]
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "docs" / "guide"
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```[ \t]*$", re.S | re.M)
MARKER = re.compile(r"<!--\s*(norun|output)\s*-->\s*$")
FILE_CAPTION = re.compile(r"^\*\*`([^`\s]+)`\*\*\s*$")


@dataclass
class Block:
    lang: str
    body: str
    start: int  # offset of the body in the page text
    end: int
    marker: str | None = None
    file_name: str | None = None


@dataclass
class Outcome:
    ran: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    replacements: list[tuple[int, int, str]] = field(default_factory=list)


def blocks_of(text: str) -> list[Block]:
    found = []
    for m in FENCE.finditer(text):
        before = text[: m.start()].rstrip("\n").rsplit("\n", 1)[-1]
        block = Block(m.group(1), m.group(2), m.start(2), m.end(2))
        marker = MARKER.search(before)
        caption = FILE_CAPTION.match(before)
        if caption:
            block.marker, block.file_name = "file", caption.group(1)
        elif marker:
            block.marker = marker.group(1)
        found.append(block)
    return found


def normalise(text: str) -> str:
    text = re.sub(r'("seconds":\s*)[0-9.eE+-]+', r"\1SECONDS", text)
    text = re.sub(r"\bconforme \d+\.\d+\.\d+\S*", "conforme VERSION", text)
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))


def matches(expected: str, actual: str) -> bool:
    expected, actual = normalise(expected), normalise(actual)
    if "\n…\n" not in f"\n{expected}\n":
        return expected == actual
    pattern = ""
    for line in expected.split("\n"):
        pattern += r"(?:[^\n]*\n)*?" if line == "…" else re.escape(line) + "\n"
    return re.fullmatch(pattern, actual + "\n") is not None


def console_commands(body: str) -> list[tuple[str, str]]:
    """(command, expected output) pairs of a console block."""
    pairs: list[tuple[str, list[str]]] = []
    lines = body.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("$ "):
            command = line[2:]
            while command.endswith("\\") and i + 1 < len(lines):
                i += 1
                command = command[:-1] + " " + lines[i].strip()
            pairs.append((command, []))
        elif pairs:
            pairs[-1][1].append(line)
        i += 1
    return [(c, "\n".join(out).strip("\n")) for c, out in pairs]


def run_page(page: Path, args: argparse.Namespace, outcome: Outcome) -> None:
    text = page.read_text(encoding="utf-8")
    blocks = blocks_of(text)
    rel = page.relative_to(GUIDE)
    lang = "en_US.UTF-8" if rel.parts[0] == "en" else "fr_FR.UTF-8"
    bindir = Path(tempfile.mkdtemp(prefix="conforme-guide-bin-"))
    (bindir / "conforme").symlink_to(Path(args.conforme).resolve())
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "CONFORME_"))}
    # The wheel's scripts (conforme-hook, conforme-action) sit beside its Python.
    scripts = Path(args.python).parent if os.sep in args.python else None
    path = os.pathsep.join(str(p) for p in (bindir, scripts) if p) + os.pathsep + env.get("PATH", "")
    env.update(LANG=lang, PATH=path, NO_COLOR="1")
    env["CONFORME_CACHE_DIR"] = str(bindir / "cache")
    with tempfile.TemporaryDirectory(prefix="conforme-guide-") as work:
        cwd = Path(work)
        for name in ("fixtures", "schemas"):
            (cwd / name).symlink_to(REPO / name)
        for index, block in enumerate(blocks):
            where = f"{rel}:{text[: block.start].count(chr(10)) + 1}"
            if block.marker == "norun":
                continue
            if block.marker in (None, "file") and block.lang in ("console", "python", "js", "toml", "csv", "json"):
                kind = "file" if block.marker == "file" else block.lang
                outcome.kinds[kind] = outcome.kinds.get(kind, 0) + 1
            if block.marker == "file" and block.file_name:
                target = cwd / block.file_name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(block.body, encoding="utf-8")
                continue
            if block.marker == "output":
                continue  # compared with the python block before it
            if block.lang == "console":
                run_console(block, cwd, env, where, outcome)
            elif block.lang == "python":
                after = blocks[index + 1] if index + 1 < len(blocks) else None
                expected = after if after and after.marker == "output" else None
                run_python(block, expected, cwd, env, args, where, outcome)
            elif block.lang == "js":
                check_js(block, cwd, where, outcome)
            elif block.lang == "toml" and tomllib is not None:
                outcome.ran += 1
                try:
                    tomllib.loads(block.body)
                except tomllib.TOMLDecodeError as error:
                    outcome.failures.append(f"{where}: TOML does not parse: {error}")
    shutil.rmtree(bindir, ignore_errors=True)


def run_console(block: Block, cwd: Path, env: dict[str, str], where: str, outcome: Outcome) -> None:
    new_body = []
    for command, expected in console_commands(block.body):
        outcome.ran += 1
        done = subprocess.run(
            ["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
        )
        actual = (done.stdout + done.stderr).strip("\n").replace(f"{cwd}{os.sep}", "")
        if not matches(expected, actual):
            outcome.failures.append(
                f"{where}: `$ {command}` printed (exit {done.returncode}):\n{actual}\n"
                f"--- the guide shows:\n{expected}\n"
            )
        new_body.append(f"$ {command}")
        shown = expected if matches(expected, actual) else actual
        if shown:
            new_body.append(shown)
    outcome.replacements.append((block.start, block.end, "\n".join(new_body) + "\n"))


def run_python(
    block: Block,
    expected: Block | None,
    cwd: Path,
    env: dict[str, str],
    args: argparse.Namespace,
    where: str,
    outcome: Outcome,
) -> None:
    outcome.ran += 1
    script = cwd / "example.py"
    script.write_text(block.body, encoding="utf-8")
    done = subprocess.run(
        [args.python, str(script)], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    if done.returncode != 0:
        outcome.failures.append(f"{where}: the Python example failed:\n{done.stderr}")
        return
    if expected is not None:
        if not matches(expected.body, done.stdout):
            outcome.failures.append(
                f"{where}: the Python example printed:\n{done.stdout}\n--- the guide shows:\n"
                f"{expected.body}"
            )
            outcome.replacements.append((expected.start, expected.end, done.stdout.rstrip("\n") + "\n"))


def check_js(block: Block, cwd: Path, where: str, outcome: Outcome) -> None:
    outcome.ran += 1
    script = cwd / "example.mjs"
    script.write_text(block.body, encoding="utf-8")
    done = subprocess.run(["node", "--check", str(script)], capture_output=True, text=True)
    if done.returncode != 0:
        outcome.failures.append(f"{where}: JavaScript syntax error:\n{done.stderr}")


CHECK_PAGES = ("fr/verifications.md", "en/checks.md")


def undocumented_codes() -> list[str]:
    """The engine's codes (core/src/report/code.rs, the list behind ErrorCode::ALL) that a
    checks page does not name in one of its headings."""
    source = (REPO / "core" / "src" / "report" / "code.rs").read_text(encoding="utf-8")
    codes = re.findall(r'^\s*\w+ = "([a-z0-9-]+)": (?:Error|Warning),$', source, re.M)
    assert codes, "no code found in core/src/report/code.rs"
    missing = []
    for page in CHECK_PAGES:
        headings = "\n".join(
            line for line in (GUIDE / page).read_text(encoding="utf-8").split("\n")
            if line.startswith("#")
        )
        missing += [f"{page}: `{code}`" for code in codes if f"`{code}`" not in headings]
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--conforme", default=str(REPO / "target" / "debug" / "conforme"))
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--update", action="store_true")
    parser.add_argument("pages", nargs="*", type=Path)
    args = parser.parse_args()
    if os.sep in args.python:  # a path, not a name on PATH; kept unresolved (a venv's link)
        args.python = os.path.abspath(args.python)
    pages = [p.resolve() for p in args.pages] or sorted(GUIDE.rglob("*.md"))
    failures = 0
    ran = 0
    kinds: dict[str, int] = {}
    for page in pages:
        outcome = Outcome()
        run_page(page, args, outcome)
        ran += outcome.ran
        for kind, count in outcome.kinds.items():
            kinds[kind] = kinds.get(kind, 0) + count
        failures += len(outcome.failures)
        for failure in outcome.failures:
            print(f"FAIL {failure}", file=sys.stderr)
        if args.update and outcome.replacements:
            text = page.read_text(encoding="utf-8")
            for start, end, body in sorted(outcome.replacements, reverse=True):
                text = text[:start] + body + text[end:]
            page.write_text(text, encoding="utf-8")
    if not args.pages:
        for missing in undocumented_codes():
            print(f"FAIL {missing} has no heading on the checks page", file=sys.stderr)
            failures += 1
    blocks = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    print(f"guide examples: {ran} checked (each command of a console block once; {blocks} blocks), "
          f"{failures} failed ({len(pages)} pages)")
    return 1 if failures and not args.update else 0


if __name__ == "__main__":
    sys.exit(main())
