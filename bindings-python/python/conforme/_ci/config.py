"""Reads the file → schema rules of ``conforme.toml`` or ``[tool.conforme]`` in pyproject.toml.

::

    # conforme.toml, at the root of the data repository
    args = ["--profile", "strict"]          # optional: flags for every `conforme validate`

    [schemas]                                # glob → schema; the first matching glob wins
    "data/irve/*.csv" = "etalab/schema-irve-statique@2.3.1"
    "data/**/lieux.json" = "schemas/lieux.schema.json"

Globs are relative to the configuration file's folder and use ``/``: ``*`` and ``?`` stay
inside one folder, ``**/`` matches any number of folders, ``[abc]`` a character class. A
schema that names a file existing beside the configuration is resolved from there; anything
else (a catalogue reference ``org/name[@version]``, an http(s) address) goes to the command
unchanged.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.9 and 3.10 only
    import tomli as tomllib

CONFIG_FILE = "conforme.toml"


class ConfigError(Exception):
    """The configuration is missing or malformed; the message says what to write."""


@dataclass(frozen=True)
class Rule:
    """One ``glob = schema`` line."""

    glob: str
    schema: str
    pattern: re.Pattern[str]

    def matches(self, path: str) -> bool:
        """Whether a ``/``-separated path relative to the configuration matches the glob."""
        return self.pattern.fullmatch(path) is not None


@dataclass
class Config:
    """Rules in their file's order, the flags for every run, and the folder paths start from."""

    root: Path
    rules: list[Rule]
    args: list[str] = field(default_factory=list)
    source: str = "(inputs)"

    def schema_for(self, path: str | os.PathLike[str]) -> str | None:
        """The schema of the first rule whose glob matches ``path``, or None."""
        relative = self.relative(path)
        if relative is None:
            return None
        for rule in self.rules:
            if rule.matches(relative):
                return self.resolve_schema(rule.schema)
        return None

    def relative(self, path: str | os.PathLike[str]) -> str | None:
        """``path`` relative to the root with ``/`` separators, or None when outside it."""
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(Path(os.path.abspath(self.root))).as_posix()
        except ValueError:
            return None

    def resolve_schema(self, schema: str) -> str:
        """A schema file beside the configuration becomes its path; other references stay."""
        if "://" not in schema:
            candidate = self.root / schema
            if candidate.is_file():
                return str(candidate)
        return schema

    def assign(self, paths: Iterable[str]) -> Iterator[tuple[str, str]]:
        """``(path, schema)`` for each path a rule matches, in the order given."""
        for path in paths:
            schema = self.schema_for(path)
            if schema is not None:
                yield path, schema


def glob_to_regex(glob: str) -> re.Pattern[str]:
    """Compiles a ``/``-separated glob (``*``, ``?``, ``**/``, ``[...]``) to a regex."""
    out: list[str] = []
    i = 0
    while i < len(glob):
        c = glob[i]
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if glob.startswith("**", i) and i + 2 == len(glob):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            end = glob.find("]", i + 2)
            if end == -1:
                out.append(re.escape(c))
            else:
                body = glob[i + 1 : end]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out))


def rules_from(table: dict[str, Any], where: str) -> list[Rule]:
    """The ``[schemas]`` table as rules, checking that each value is a string."""
    rules = []
    for glob, schema in table.items():
        if not isinstance(schema, str) or not schema:
            raise ConfigError(f"{where}: the schema of {glob!r} must be a non-empty string")
        relative = glob[2:] if glob.startswith("./") else glob
        rules.append(Rule(relative, schema, glob_to_regex(relative)))
    return rules


def parse(table: dict[str, Any], root: Path, where: str) -> Config:
    """A configuration from the parsed ``conforme.toml`` (or ``[tool.conforme]``) table."""
    schemas = table.get("schemas")
    if not isinstance(schemas, dict) or not schemas:
        raise ConfigError(
            f'{where}: no [schemas] table; add one line per file glob, e.g. '
            f'"data/*.csv" = "etalab/schema-irve-statique"'
        )
    args = table.get("args", [])
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        raise ConfigError(f"{where}: args must be a list of strings")
    return Config(root=root, rules=rules_from(schemas, where), args=list(args), source=where)


def load(path: str | os.PathLike[str] | None = None, start: Path | None = None) -> Config:
    """Reads ``path``, else ``conforme.toml``, else ``[tool.conforme]`` of ``pyproject.toml``
    in ``start`` (the current folder by default)."""
    if path is not None:
        file = Path(path)
        candidates = [file]
    else:
        base = start or Path.cwd()
        candidates = [base / CONFIG_FILE, base / "pyproject.toml"]
    for file in candidates:
        if not file.is_file():
            if path is not None:
                raise ConfigError(f"{file}: no such configuration file")
            continue
        try:
            with open(file, "rb") as f:
                document = tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"{file}: not valid TOML ({e})") from None
        if file.name == "pyproject.toml":
            table = document.get("tool", {}).get("conforme")
            if table is None:
                if path is not None:
                    raise ConfigError(f"{file}: no [tool.conforme] table")
                continue
        else:
            table = document
        return parse(table, file.parent, str(file))
    raise ConfigError(
        f"no {CONFIG_FILE} (nor [tool.conforme] in pyproject.toml) in {start or Path.cwd()}: "
        f'write one with a [schemas] table, e.g. "data/*.csv" = "etalab/schema-irve-statique"'
    )


def command() -> list[str]:
    """The ``conforme`` command of this Python environment."""
    return [sys.executable, "-m", "conforme"]


def validate(path: str, schema: str, args: list[str], **run: Any) -> int:
    """Runs ``conforme validate PATH --schema SCHEMA ARGS…`` and returns its exit status."""
    argv = [*command(), "validate", path, "--schema", schema, *args]
    return subprocess.run(argv, check=False, **run).returncode
