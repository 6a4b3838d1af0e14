"""One engine, one report: for every fixture and every public corpus case, the command's
``--format json`` report and Python's ``validate(...).to_dict()`` are the same JSON, for
tables, JSON documents and Data Packages alike. (The JavaScript package is compared with the
command in ``bindings-wasm/js/test/cross-surface.test.js``.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator, Optional

import pytest

import conforme
from conftest import REPO

CORPUS = REPO.parent / "shared" / "corpus"


def _cases() -> Iterator[Any]:
    """(id, data, schema or None, engine options) for every case."""
    fixtures = REPO / "fixtures"
    for case in sorted((fixtures / "tableschema").glob("*/expected.json")):
        options = json.loads(case.read_text(encoding="utf-8")).get("options", {})
        data = next(case.parent.glob("data.*"))
        yield pytest.param(data, case.parent / "schema.json", options, id=f"fixture-{case.parent.name}")
    refs = fixtures / "json" / "_refs"
    for case in sorted((fixtures / "json").glob("*/schema.json")):
        data = next(p for p in case.parent.glob("data.*"))
        yield pytest.param(data, case, {"schema_dirs": [str(refs)]}, id=f"json-{case.parent.name}")
    for case in sorted((fixtures / "datapackage").glob("*/datapackage.json")):
        yield pytest.param(case, None, {}, id=f"package-{case.parent.name}")
    if not CORPUS.is_dir():
        return
    for case in sorted(p for p in CORPUS.iterdir() if p.is_dir() and not p.name.startswith("_")):
        package = case / "datapackage.json"
        if package.exists():
            yield pytest.param(package, None, {}, id=f"corpus-{case.name}")
            continue
        data = next(iter(sorted(case.glob("data.*"))), None)
        if data is None:
            continue
        options = {"schema_dirs": [str(CORPUS / "_refs")]} if data.suffix == ".json" else {}
        yield pytest.param(data, case / "schema.json", options, id=f"corpus-{case.name}")


def _comparable(report: dict[str, Any]) -> dict[str, Any]:
    """The report without what differs by nature between runs: the time taken."""
    if "resources" in report:
        for resource in report["resources"]:
            _comparable(resource["report"])
    else:
        report["stats"].pop("seconds", None)
    return report


def _command(data: Path, schema: Optional[Path], options: dict[str, Any]) -> dict[str, Any]:
    args = [sys.executable, "-m", "conforme", "validate", str(data), "--format", "json", "--lang", "fr"]
    if schema is not None:
        args += ["--schema", str(schema)]
    if options:
        args += ["--options", json.dumps(options)]
    out = subprocess.run(args, capture_output=True, text=True, cwd=REPO)
    assert out.returncode in (0, 1), out.stderr
    result: dict[str, Any] = json.loads(out.stdout)
    return result


@pytest.mark.parametrize(("data", "schema", "options"), list(_cases()))
def test_the_command_and_python_give_the_same_report(
    data: Path, schema: Optional[Path], options: dict[str, Any]
) -> None:
    if schema is None:
        python = conforme.validate(str(data), lang="fr", **options)
    else:
        python = conforme.validate(str(data), str(schema), lang="fr", **options)
    assert _comparable(python.to_dict()) == _comparable(_command(data, schema, options))


def test_the_corpus_is_part_of_the_comparison_when_present() -> None:
    ids = [p.id for p in _cases()]
    assert any(i.startswith("json-") for i in ids) and any(i.startswith("package-") for i in ids)
    if CORPUS.is_dir():
        assert sum(i.startswith("corpus-") for i in ids) >= 100
