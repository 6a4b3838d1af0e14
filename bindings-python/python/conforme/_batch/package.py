"""A Data Package as one task: every resource, with its cross-resource foreign keys.

Packages are validated natively by the engine's one door (``conforme.validate(descriptor)``
without a schema), in the worker process, like tables.
"""

from __future__ import annotations

import json
from typing import Any, Dict

from .._conforme import is_package_descriptor, validate


def is_package(source: str) -> bool:
    """Whether `source` is a Data Package descriptor, as the engine decides it (a JSON object
    with a ``resources`` list), whatever the file is called."""
    return is_package_descriptor(source)


def validate_package(source: str, options: Dict[str, Any]) -> Dict[str, Any]:
    """The package report (what ``conforme validate --format json`` prints for it) as a dict.

    Raises ``conforme.SchemaError`` or ``conforme.SourceError`` when the package cannot be
    validated, ``ValueError`` for an option the engine does not accept.
    """
    report = validate(source, **{k: v for k, v in options.items() if v is not None})
    result: Dict[str, Any] = json.loads(report.to_json())
    return result


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
