"""A Data Package as one task: every resource, with its cross-resource foreign keys.

The Python API validates tables; packages are validated by the command line compiled into the
package (``python -m conforme validate datapackage.json --format json``), run as a child
process of the worker. That also makes the per-file timeout a real one: the child is killed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any, Dict, List, Optional

PACKAGE_NAMES = ("datapackage.json", "datapackage.yaml", "datapackage.yml")

_VALUE_FLAGS = {
    "max_errors": "--max-errors",
    "lang": "--lang",
    "threads": "--threads",
    "encoding": "--encoding",
    "profile": "--profile",
    "delimiter": "--delimiter",
}


class PackageError(Exception):
    """The package could not be validated (unreadable descriptor, unusable option…)."""


def is_package(source: str) -> bool:
    """Whether `source` names a Data Package descriptor (``datapackage.json``/``.yaml``)."""
    return os.path.basename(source).lower() in PACKAGE_NAMES


def _flags(options: Dict[str, Any]) -> List[str]:
    flags: List[str] = []
    for name, value in options.items():
        if value is None:
            continue
        if name in _VALUE_FLAGS:
            flags += [_VALUE_FLAGS[name], str(value)]
        elif name == "ignore_header_case" and value:
            flags.append("--ignore-header-case")
        elif name == "header" and value is False:
            flags.append("--no-header")
        elif not (name == "header" and value is True) and not (
            name == "ignore_header_case" and not value
        ):
            raise PackageError(
                f"option {name}= is not available for Data Packages (available: "
                f"{', '.join(sorted([*_VALUE_FLAGS, 'header', 'ignore_header_case']))})"
            )
    return flags


def validate_package(source: str, options: Dict[str, Any], timeout: Optional[float]) -> Dict[str, Any]:
    """The package report (``conforme validate --format json``'s content) as a dict, with its
    JSON text under ``"_text"``.

    Raises ``PackageError`` when the package cannot be validated and
    ``subprocess.TimeoutExpired`` (after killing the child) past `timeout` seconds.
    """
    command = [sys.executable, "-m", "conforme", "validate", source, "--format", "json"]
    done = subprocess.run(
        command + _flags(options), capture_output=True, text=True, timeout=timeout
    )
    if done.returncode not in (0, 1):
        message = done.stderr.strip().removeprefix("conforme: ") or f"exit status {done.returncode}"
        raise PackageError(message)
    report: Dict[str, Any] = json.loads(done.stdout)
    report["_text"] = done.stdout.strip()
    return report


def package_totals(report: Dict[str, Any]) -> Dict[str, Any]:
    """Summary fields of a package report: the sums over its resources."""
    totals: Dict[str, Any] = {"error_count": 0, "warning_count": 0, "rows": 0, "bytes": 0}
    types: Dict[str, int] = {}
    for resource in report.get("resources", []):
        stats = (resource.get("report") or {}).get("stats") or {}
        for name in totals:
            totals[name] += int(stats.get(name) or 0)
        for kind, count in (stats.get("error_types") or {}).items():
            types[kind] = types.get(kind, 0) + int(count)
    # Errors of the package itself (descriptor, missing resource file…) count too.
    for error in report.get("errors", []):
        kind = error.get("type", "package-error")
        types[kind] = types.get(kind, 0) + 1
        totals["error_count"] += 1
    totals["error_types"] = types
    return totals
