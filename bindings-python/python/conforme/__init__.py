"""Validate open data against the schemas of schema.data.gouv.fr: CSV and spreadsheets
against Table Schemas, JSON documents against JSON Schemas, and Data Packages.

>>> import conforme
>>> schema = conforme.Schema.from_dict({"fields": [{"name": "n", "type": "integer"}]})
>>> report = conforme.validate(b"n\\n1\\nx\\n", schema, lang="en")
>>> report.valid
False
>>> [(e.type, e.row, e.field_name) for e in report.errors]
[('type-error', 3, 'n')]
"""

from __future__ import annotations

from ._conforme import (
    Error,
    ErrorIterator,
    PackageReport,
    Report,
    Schema,
    Stats,
    __version__,
    fix,
    iter_errors,
    language,
    validate,
)
from ._exceptions import ConformeError, SchemaError, SourceError, ValidationFailed
from . import catalog

__all__ = [
    "ConformeError",
    "Error",
    "ErrorIterator",
    "PackageReport",
    "Report",
    "Schema",
    "SchemaError",
    "SourceError",
    "Stats",
    "ValidationFailed",
    "__version__",
    "catalog",
    "fix",
    "iter_errors",
    "language",
    "validate",
]


def __getattr__(name: str) -> object:
    # `conforme.distributed` after a bare `import conforme`, without importing it (or Dask)
    # for everyone else.
    if name == "distributed":
        import importlib

        return importlib.import_module(".distributed", __name__)
    raise AttributeError(f"module 'conforme' has no attribute {name!r}")
