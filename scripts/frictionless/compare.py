"""Validates case directories with conforme (--profile strict unless the case's options say
otherwise) and with frictionless-py, and prints where verdicts or error lists differ.

A case is a directory holding data.csv and schema.json, and optionally expected.json whose
"options" (the fixture format) are given to conforme; frictionless gets those it has: the
dialect, `header`, `ignoreHeaderCase`, `encoding`, `maxErrors`, `pickErrors` and
`skipErrors` (the custom checks and other conforme options have no counterpart). A schema
declaring Table Schema v2 is read as v2. Header errors, which frictionless places on no
row, are compared on row 1 as conforme places them. Differences only in the order of the errors
are counted apart (frictionless lists first the cells its key checks read first).
"""

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from frictionless import Checklist, Dialect, Resource, Schema

LABEL_ERRORS = {
    "blank-label",
    "duplicate-label",
    "extra-label",
    "missing-label",
    "incorrect-label",
    "unmatched-header",
}
V2_RESOURCE = "https://datapackage.org/profiles/2.0/dataresource.json"


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def options_of(case: Path) -> dict:
    """The case's options, keys in camelCase (fixtures may write them in snake_case)."""
    expected = case / "expected.json"
    if not expected.is_file():
        return {}
    options = json.loads(expected.read_text(encoding="utf-8")).get("options") or {}
    return {camel(k): v for k, v in options.items()}


def conforme_errors(binary: str, case: Path, options: dict):
    options = {"profile": "strict", **options}
    out = subprocess.run(
        [binary, "validate", str(case / "data.csv"), "--schema", str(case / "schema.json"),
         "--format", "json", "--lang", "en", "--options", json.dumps(options)],
        capture_output=True, text=True, check=False,
    )
    if out.returncode not in (0, 1):
        return None, [f"exit {out.returncode}: {out.stderr.strip()[:200]}"]
    report = json.loads(out.stdout)
    return report["valid"], [
        (e.get("row"), e.get("field_number"), e["type"]) for e in report["errors"]
    ]


def frictionless_errors(case: Path, options: dict):
    extra = {}
    dialect = dict(options.get("dialect") or {})
    if options.get("header") is False:
        dialect["header"] = False
    if options.get("ignoreHeaderCase"):
        dialect["headerCase"] = False
    if dialect:
        extra["dialect"] = Dialect.from_descriptor(dialect)
    if "encoding" in options:
        extra["encoding"] = options["encoding"]
    checklist = Checklist(
        pick_errors=options.get("pickErrors") or [],
        skip_errors=options.get("skipErrors") or [],
    )
    try:
        descriptor = json.loads((case / "schema.json").read_text("utf-8"))
        if "/2.0/" in str(descriptor.get("$schema", "")):
            extra["schema_profile"] = V2_RESOURCE
        schema = Schema.from_descriptor(descriptor)
        resource = Resource(path="data.csv", basepath=str(case.resolve()), schema=schema, **extra)
        report = resource.validate(checklist, limit_errors=options.get("maxErrors"))
    except Exception as e:  # frictionless refuses the schema, or crashes
        return None, [f"exception: {e!r}"[:200]]
    task_errors = report.tasks[0].errors if report.tasks else report.errors
    triples = []
    for error in task_errors:
        d = error.to_descriptor()
        row = d.get("rowNumber")
        if row is None and d["type"] in LABEL_ERRORS:
            row = 1
        triples.append((row, d.get("fieldNumber"), d["type"]))
    return report.valid, triples


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--conforme", required=True)
    parser.add_argument("--verbose", action="store_true", help="print both lists for every case")
    parser.add_argument("cases", nargs="+", type=Path)
    args = parser.parse_args()
    tally = Counter()
    for case in args.cases:
        options = options_of(case)
        c_valid, c_errors = conforme_errors(args.conforme, case, options)
        f_valid, f_errors = frictionless_errors(case, options)
        if (c_valid, c_errors) == (f_valid, f_errors):
            kind = "same"
        elif c_valid == f_valid and sorted(c_errors, key=str) == sorted(f_errors, key=str):
            kind = "same errors, other order"
        else:
            kind = "differ"
        tally[kind] += 1
        if kind != "same" or args.verbose:
            print(f"{kind}: {case}")
            print(f"  conforme     {c_valid} {c_errors}")
            print(f"  frictionless {f_valid} {f_errors}")
    print(", ".join(f"{n} {k}" for k, n in tally.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
