"""Several threads validating at once with one shared Schema (the GIL is released during
validation; the speed-up is measured in bench/, here only the results are checked)."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import conforme

SCHEMA = conforme.Schema.from_dict(
    {"fields": [{"name": "id", "type": "integer"}, {"name": "day", "type": "date"}]}
)


def make_file(directory: Path, index: int) -> Path:
    lines = ["id,day"]
    for i in range(50_000):
        bad = i % 10_000 == index
        lines.append(f"{i},{'2024-13-01' if bad else '2024-01-01'}")
    path = directory / f"data-{index}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_four_threads_at_once(tmp_path: Path) -> None:
    files = [make_file(tmp_path, i) for i in range(4)]
    sequential = [conforme.validate(f, SCHEMA) for f in files]

    def work(path: Path) -> list[conforme.Report]:
        return [
            conforme.validate(path, SCHEMA),
            conforme.validate(path.read_bytes(), SCHEMA),
            conforme.validate(io.BytesIO(path.read_bytes()), SCHEMA),
        ]

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(work, files))
    for expected, reports in zip(sequential, results):
        for report in reports:
            assert report.errors == expected.errors
            assert report.stats.rows == 50_000
    assert [[e.row for e in r.errors] for r in sequential] == [
        [i * 10_000 + k + 2 for i in range(5)] for k in range(4)
    ]


def test_iterators_in_threads(tmp_path: Path) -> None:
    files = [make_file(tmp_path, i) for i in range(4)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        lists = list(pool.map(lambda f: list(conforme.iter_errors(f, SCHEMA)), files))
    for path, errors in zip(files, lists):
        assert errors == conforme.validate(path, SCHEMA).errors
