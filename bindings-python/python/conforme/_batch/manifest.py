"""The batch manifest: a CSV file listing what to validate, one ``source,schema`` per row.

Columns are found by name in the header (``source`` required, ``schema``); other columns
are ignored. A row without a schema takes the default schema (``--schema``) or must name a
Data Package (``datapackage.json``, validated with its own schemas). The delimiter is ``,``, ``;`` or a tab,
the encoding UTF-8 (with or without BOM). A relative path is taken from the manifest's folder
when such a file exists there; other values (URLs, catalogue references, paths that only the
workers see) are kept as written.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import List, Optional, Tuple

from .package import is_package


class ManifestError(ValueError):
    """The manifest cannot be used; the message says where and what to change."""


def _resolve(value: str, base: Path) -> str:
    if "://" in value or Path(value).is_absolute():
        return value
    candidate = base / value
    return str(candidate) if candidate.exists() else value


def read_manifest(
    path: Path, default_schema: Optional[str] = None
) -> List[Tuple[str, Optional[str]]]:
    """The (source, schema) pairs of the manifest at `path`, in file order.

    Raises ``ManifestError`` for a missing or empty file, a missing column or an empty cell.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ManifestError(f"manifest {path}: cannot read it ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise ManifestError(f"manifest {path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise ManifestError(
            f"manifest {path}: empty; expected a header line such as 'source,schema' and one "
            "row per file"
        )
    delimiter = max(",;\t", key=lines[0].count)
    rows = csv.reader(lines, delimiter=delimiter)
    header = [name.strip().lower() for name in next(rows)]
    if "source" not in header:
        raise ManifestError(
            f"manifest {path}: no 'source' column in the header ({', '.join(header)}); "
            "expected columns source,schema"
        )
    source_at = header.index("source")
    schema_at = header.index("schema") if "schema" in header else None
    base = path.parent
    pairs: List[Tuple[str, Optional[str]]] = []
    for line_number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        source = row[source_at].strip() if source_at < len(row) else ""
        schema = ""
        if schema_at is not None and schema_at < len(row):
            schema = row[schema_at].strip()
        if not schema and default_schema is not None:
            schema = default_schema
        if not source:
            raise ManifestError(f"manifest {path}, line {line_number}: empty source")
        if not schema:
            if not is_package(source):
                raise ManifestError(
                    f"manifest {path}, line {line_number}: no schema for {source}; fill its "
                    "'schema' column or give --schema (only a datapackage.json is validated "
                    "without one)"
                )
            pairs.append((_resolve(source, base), None))
            continue
        resolved_schema = schema if schema == default_schema else _resolve(schema, base)
        pairs.append((_resolve(source, base), resolved_schema))
    return pairs
