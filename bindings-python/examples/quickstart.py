"""Validate a CSV file against a Table Schema from Python.

Run from the repository root:  python bindings-python/examples/quickstart.py [DATA.csv SCHEMA.json]
"""

from __future__ import annotations

import sys

import conforme

data = sys.argv[1] if len(sys.argv) > 2 else "fixtures/tableschema/every-cell-error/data.csv"
schema_path = sys.argv[2] if len(sys.argv) > 2 else "fixtures/tableschema/every-cell-error/schema.json"

# Load and compile the schema once; a Schema is reusable and thread-safe.
schema = conforme.Schema.from_path(schema_path)

# Validate a file (a path, bytes or a binary file object). Invalid data is not an
# exception: the report says what is wrong, where, in French (default) or English.
report = conforme.validate(data, schema, max_errors=1000, lang="en")
print(f"valid={report.valid} rows={report.stats.rows} errors={report.stats.error_count}")
for error in report.errors[:5]:
    print(f"  row {error.row}, column {error.field_name!r}: [{error.type}] {error.message}")
print("by type:", report.summary()["by_type"])

# Same report as JSON, or in frictionless-py's report shape.
frictionless_report = report.to_frictionless()
print("frictionless tasks:", len(frictionless_report["tasks"]))

# Huge files: handle errors as they are found, in bounded memory.
with open(data, "rb") as f:
    first = next(conforme.iter_errors(f, schema, lang="en"), None)
print("first error:", first.message if first else None)

# An unusable schema or unreadable file raises; an ETL step can also stop on bad data.
try:
    report.raise_for_errors()
except conforme.ValidationFailed as failure:
    print("rejected:", failure.report.stats.error_count, "errors")
except conforme.SourceError as missing:
    print("cannot read the data:", missing)
