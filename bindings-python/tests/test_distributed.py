"""`conforme.distributed` on a real Dask `LocalCluster` (2 worker processes on 127.0.0.1)."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator, List, Tuple

import distributed  # installed by scripts/test.sh python (the `dask` extra)
import pytest

import conforme
from conftest import FIXTURES, REPO
from conforme._batch import worker as batch_worker
from conforme._batch.items import normalise
from conforme.distributed import iter_validate, validate_many
from test_remote import DATA_V1, server  # noqa: F401 (the loopback catalogue server fixture)

SCHEMA = {
    "name": "ventes",
    "version": "1.2.0",
    "fields": [
        {"name": "id", "type": "integer", "constraints": {"required": True}},
        {"name": "commune", "type": "string", "constraints": {"pattern": "[0-9]{5}"}},
        {"name": "date", "type": "date"},
        {"name": "montant", "type": "number", "constraints": {"minimum": 0}},
    ],
}


def write_table(path: Path, rows: int, bad_every: int = 0) -> Path:
    """A CSV of `rows` rows; with `bad_every`, one row in that many has two wrong cells."""
    lines = ["id,commune,date,montant"]
    for i in range(rows):
        if bad_every and i % bad_every == 0:
            lines.append(f"{i},7500,2024-13-01,{i % 100}.5")
        else:
            lines.append(f"{i},{75000 + i % 20:05d},2024-0{1 + i % 9}-1{i % 10},{i % 100}.5")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture
def schema_path(tmp_path: Path) -> Path:
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(SCHEMA), encoding="utf-8")
    return path


def catalogue(folder: Path, schema: Path, n: int, rows: int) -> List[Tuple[str, str]]:
    """`n` generated files, one in three invalid, as (source, schema) pairs."""
    folder.mkdir(exist_ok=True)
    return [
        (str(write_table(folder / f"f{i:03}.csv", rows, bad_every=7 if i % 3 == 1 else 0)), str(schema))
        for i in range(n)
    ]


def direct(source: str, schema: Any) -> Tuple[Any, ...]:
    """What `conforme.validate` says about a file, in the summary's terms."""
    try:
        report = conforme.validate(source, schema, threads=1)
    except conforme.ConformeError as exc:
        return ("error", type(exc).__name__)
    s = report.stats
    return ("valid" if report.valid else "invalid", s.error_count, dict(s.error_types), s.rows, s.bytes)


def summarised(row: Any) -> Tuple[Any, ...]:
    if row["status"] == "error":
        return ("error", row["error"].split(":", 1)[0])
    types = {t: int(row[t]) for t in row.index[13:] if row[t]}
    return (row["status"], int(row["error_count"]), types, int(row["rows"]), int(row["bytes"]))


def test_verdicts_match_conforme_validate(client: Any, schema_path: Path, tmp_path: Path) -> None:
    items = catalogue(tmp_path / "data", schema_path, 9, 300)
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "binary.csv").write_bytes(bytes(range(256)) * 8)
    broken = tmp_path / "broken-schema.json"
    broken.write_text("{", encoding="utf-8")
    items += [
        (str(tmp_path / "missing.csv"), str(schema_path)),
        (str(tmp_path / "empty.csv"), str(schema_path)),
        (str(tmp_path / "binary.csv"), str(schema_path)),
        (str(tmp_path / "data"), str(schema_path)),  # a directory
        (items[0][0], str(broken)),
        (items[1][0], SCHEMA),  # a descriptor dict
    ]
    summary = validate_many(items, client=client, progress=False)

    assert list(summary["source"]) == [source for source, _ in items]
    for (source, schema), (_, row) in zip(items, summary.iterrows()):
        assert summarised(row) == direct(source, schema), source
    statuses = summary["status"].value_counts().to_dict()
    # The empty file is invalid data (a report with a source-error), not a failure.
    assert statuses == {"valid": 6, "invalid": 5, "error": 4}
    errors = summary[summary["status"] == "error"]
    assert errors["valid"].isna().all() and errors["error"].str.len().gt(0).all()
    assert set(summary["worker"].dropna()) <= set(client.nthreads())
    assert (summary[summary["status"] != "error"]["version"] == "1.2.0").all()
    assert summary.loc[15 - 1, "schema"] == "<dict: ventes>"
    assert not summary["resumed"].any()


def test_schemas_are_compiled_once_per_worker(client: Any, schema_path: Path, tmp_path: Path) -> None:
    items = catalogue(tmp_path / "data", schema_path, 12, 50)
    before = client.run(batch_worker.compilations)
    summary = validate_many(items, client=client, progress=False)
    after = client.run(batch_worker.compilations)
    assert len(summary) == 12
    compiled = sum(after[w] - before.get(w, 0) for w in after)
    assert 1 <= compiled <= len(after)  # one schema, at most once per worker process


def test_results_stream_as_they_finish(client: Any, schema_path: Path, tmp_path: Path) -> None:
    items = catalogue(tmp_path / "data", schema_path, 6, 50)
    items += items[:2]  # repeated pairs are validated once
    results = list(iter_validate(items, client=client, progress=False, with_reports=True))
    assert sorted(r.index for r in results) == list(range(6))
    for result in results:
        report = result.report()
        assert report is not None and report["valid"] == result.valid
        assert len(report["errors"]) == result.error_count


def test_a_killed_worker_loses_and_duplicates_nothing(
    client: Any, schema_path: Path, tmp_path: Path
) -> None:
    items = catalogue(tmp_path / "data", schema_path, 24, 4000)
    pids = client.run(os.getpid)
    stream = iter_validate(items, client=client, progress=False)
    results = [next(stream)]
    busy = [w for w, keys in client.processing().items() if keys] or list(pids)
    victim = busy[0]
    os.kill(pids[victim], signal.SIGKILL)
    results += list(stream)

    assert sorted(r.index for r in results) == list(range(len(items)))
    for result in results:
        source, schema = items[result.index]
        assert result.status == direct(source, schema)[0], result
    client.wait_for_workers(2, timeout=60)
    assert pids[victim] not in client.run(os.getpid).values()


def test_resume_after_interruption(client: Any, schema_path: Path, tmp_path: Path) -> None:
    items = catalogue(tmp_path / "data", schema_path, 10, 100)
    reports = tmp_path / "reports"
    stream = iter_validate(items, client=client, reports=reports, progress=False)
    first = [next(stream) for _ in range(4)]
    stream.close()  # interrupted: the other tasks are cancelled
    settle(client)
    # The workers write the lines: those delivered, and those done but not yet delivered.
    lines = (reports / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    reported = {json.loads(line)["summary"]["source"] for line in lines}
    assert {r.source for r in first} <= reported
    with open(reports / "reports.jsonl", "a", encoding="utf-8") as f:
        f.write('{"key": "cut by a crash')  # a line the killed run did not finish

    summary = validate_many(items, client=client, reports=reports, progress=False)

    assert len(summary) == 10
    assert set(summary["source"][summary["resumed"]]) == reported
    lines = (reports / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    written = [json.loads(line) for line in lines]
    assert len(written) == 10 and len({w["key"] for w in written}) == 10
    for line in written:
        source = line["summary"]["source"]
        expected = direct(source, str(schema_path))
        assert line["summary"]["status"] == expected[0]
        assert line["report"]["valid"] == (expected[0] == "valid")
        assert len(line["report"]["errors"]) == expected[1]
    assert (reports / "summary.csv").read_text(encoding="utf-8").count("\n") == 11

    again = validate_many(items, client=client, reports=reports, progress=False)
    assert again["resumed"].all()
    assert list(again["status"]) == list(summary["status"])


def settle(client: Any) -> None:
    """Waits until no worker runs a task (a cancelled task finishes in the background)."""
    for _ in range(600):
        if not any(client.run(lambda dask_worker: dask_worker.state.executing_count).values()):
            return
        time.sleep(0.05)
    raise AssertionError("the workers are still busy")


def test_workers_write_the_reports_themselves(schema_path: Path, tmp_path: Path) -> None:
    # What a worker runs when it sees the reports folder, called here without Dask.
    source = str(write_table(tmp_path / "bad.csv", 20, bad_every=7))
    item = next(normalise([(source, str(schema_path))])).located()
    reports = tmp_path / "reports"
    reports.mkdir()
    result, stored = batch_worker.validate_and_store(item, {"threads": 1}, None, str(reports))
    assert stored and result.report_json is None and result.status == "invalid"
    line = json.loads((reports / "reports.jsonl").read_text(encoding="utf-8"))
    assert line["key"] == item.key and line["summary"]["error_count"] == result.error_count
    assert len(line["report"]["errors"]) == result.error_count

    result, stored = batch_worker.validate_and_store(item, {"threads": 1}, None, str(tmp_path / "absent"))
    assert not stored and json.loads(result.report_json or "")["valid"] is False


def test_per_file_timeout(client: Any, schema_path: Path, tmp_path: Path) -> None:
    # A named pipe nobody writes to: reading it blocks until the test opens it for writing.
    fifo = tmp_path / "never-written.csv"
    os.mkfifo(fifo)
    ok = write_table(tmp_path / "ok.csv", 10)
    # A Data Package is validated by a child process: past the timeout it is killed.
    package = tmp_path / "pkg" / "datapackage.json"
    package.parent.mkdir()
    os.mkfifo(package.parent / "pipe.csv")
    package.write_text(
        json.dumps({"resources": [{"name": "t", "path": "pipe.csv", "schema": SCHEMA}]}),
        encoding="utf-8",
    )
    try:
        summary = validate_many(
            [(str(fifo), str(schema_path)), (str(ok), str(schema_path)), (str(package), None)],
            client=client,
            timeout=1.0,
            progress=False,
        )
    finally:
        for pipe in (fifo, package.parent / "pipe.csv"):
            try:  # lets an abandoned read end (at end of input)
                os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
            except OSError as exc:
                assert exc.errno == errno.ENXIO  # nobody was reading any more
    assert list(summary["status"]) == ["timeout", "valid", "timeout"]
    assert "timed out after 1 s" in summary.loc[0, "error"]


def test_bad_arguments_fail_before_any_task(client: Any, schema_path: Path) -> None:
    with pytest.raises(TypeError, match="compiled conforme.Schema cannot be sent"):
        validate_many([("a.csv", conforme.Schema.from_dict(SCHEMA))], client=client)
    with pytest.raises(TypeError, match="pair"):
        validate_many(["a.csv"], client=client)
    with pytest.raises(ValueError):
        validate_many([("a.csv", str(schema_path))], client=client, profile="nonsense")


def test_importing_conforme_does_not_import_dask() -> None:
    code = (
        "import sys, conforme, conforme.distributed\n"
        "conforme.validate(b'n\\n1\\n', {'fields': [{'name': 'n', 'type': 'integer'}]})\n"
        "assert conforme.distributed.validate_many is not None\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'pandas')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_local_client_spares_the_workers_dask_memory_trimming(schema_path: Path, tmp_path: Path) -> None:
    # A fresh process: a LocalCluster started earlier in this one (the module's fixture)
    # leaves MALLOC_TRIM_THRESHOLD_ in os.environ, and workers inherit the environment.
    items = catalogue(tmp_path / "data", schema_path, 4, 20)
    code = (
        "import json, os, sys\n"
        "from conforme.distributed import local_client, validate_many\n"
        "if __name__ == '__main__':\n"
        "    with local_client(2, dashboard=False) as client:\n"
        "        summary = validate_many(json.loads(sys.argv[1]), client=client, progress=False)\n"
        "        env = client.run(lambda: os.environ.get('MALLOC_TRIM_THRESHOLD_'))\n"
        "        profiled = client.run(lambda dask_worker: 'profile' in dask_worker.periodic_callbacks)\n"
        "        print(json.dumps([list(summary['status']), list(env.values()), list(profiled.values())]))\n"
    )
    script = tmp_path / "run.py"
    script.write_text(code, encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    out = subprocess.run(
        [sys.executable, str(script), json.dumps(items)],
        capture_output=True, text=True, timeout=300, env=environ, check=True,
    )
    statuses, trim, profiled = json.loads(out.stdout.strip().splitlines()[-1])
    assert statuses == [direct(source, schema)[0] for source, schema in items]
    assert trim == [None, None] and profiled == [False, False]


def test_progress_counter_on_stderr(
    client: Any, schema_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = catalogue(tmp_path / "data", schema_path, 2, 5)
    validate_many(items, client=client, progress=True)
    assert "conforme: 2/2 files, 1 not valid" in capsys.readouterr().err


def test_the_dask_extra_declares_its_packages() -> None:
    from importlib.metadata import requires

    wanted = {r.split(";")[0].split(">")[0].strip() for r in requires("conforme-data") or [] if "dask" in r.split(";")[-1]}
    assert {"dask", "distributed", "pandas"} <= wanted


def test_catalogue_example_runs_and_type_checks(client: Any) -> None:
    example = REPO / "bindings-python" / "examples" / "catalogue.py"
    out = subprocess.run(
        [sys.executable, str(example), client.scheduler.address],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert "'valid':" in out.stdout and "'invalid':" in out.stdout
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(example)],
        capture_output=True, text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_data_packages_are_one_task_each(client: Any, tmp_path: Path) -> None:
    cases = sorted((FIXTURES.parent / "datapackage").glob("*/expected.json"))
    items = [(str(case.parent / "datapackage.json"), None) for case in cases]
    summary = validate_many(items, client=client, reports=tmp_path / "reports", progress=False)
    for case, (_, row) in zip(cases, summary.iterrows()):
        expected = json.loads(case.read_text(encoding="utf-8"))
        assert row["schema"] == "<datapackage>"
        assert bool(row["valid"]) == expected["valid"], case
        assert row["error_count"] == sum(len(v) for v in expected["resources"].values()), case
    lines = (tmp_path / "reports" / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    reports = {json.loads(line)["summary"]["source"]: json.loads(line)["report"] for line in lines}
    for case in cases:
        resources = reports[str(case.parent / "datapackage.json")]["resources"]
        assert sorted(r["name"] for r in resources) == sorted(
            json.loads(case.read_text(encoding="utf-8"))["resources"]
        )


def test_a_table_needs_a_schema() -> None:
    with pytest.raises(TypeError, match="no schema for a.csv"):
        validate_many([("a.csv", None)])


def test_every_published_version_with_at_all(client: Any, server: Any, tmp_path: Path) -> None:
    # test_remote's catalogue and schemas, served on 127.0.0.1: version 1.1.0 adds a required
    # column the file lacks, so the two versions disagree.
    data = tmp_path / "communes.csv"
    data.write_bytes(DATA_V1)
    remote = {"catalog": server.url("/schemas.json"), "cache_dir": str(tmp_path / "cache")}
    frame = validate_many([(str(data), "test/communes@all")], client=client, **remote)
    assert list(frame["schema"]) == ["test/communes@1.0.0", "test/communes@1.1.0"]
    assert list(frame["version"]) == ["1.0.0", "1.1.0"]
    for _, row in frame.iterrows():
        expected = direct(str(data), conforme.Schema.from_catalog(row["schema"], **remote))
        assert summarised(row) == expected
    assert list(frame["valid"]) == [True, False]
    with pytest.raises(conforme.SchemaError, match="test/nothing"):
        validate_many([(str(data), "test/nothing@all")], client=client, **remote)
