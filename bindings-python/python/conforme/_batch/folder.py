"""The reports folder: ``reports.jsonl`` (one line per validated file, appended as results
arrive) and ``summary.csv`` (written at the end of a run).

Each line is ``{"key": …, "summary": {…}, "report": {…} | null}``: ``summary`` holds the
summary fields (``FileResult.to_row()``), ``report`` the full report (``Report.to_dict()``
content). Lines are written by the Dask workers themselves when they see the folder (so full
reports do not travel back), else by the client; each is one ``write`` in append mode, so
processes appending at once do not mix their lines. A run that stops midway leaves whole
lines and at most a cut line, which the next run drops before appending: resuming skips
every key that already has a line.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Dict, List, Union

from .items import Item
from .results import FileResult

REPORTS_FILE = "reports.jsonl"
SUMMARY_FILE = "summary.csv"


class ReportFolder:
    """A folder of JSON-lines reports that a run appends to and a later run resumes from."""

    def __init__(self, path: Union[str, "os.PathLike[str]"]) -> None:
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.reports = self.path / REPORTS_FILE

    def done(self) -> Dict[str, Dict[str, object]]:
        """The summary rows already written, by key. A cut line (interrupted run) is dropped:
        the file is rewritten with its whole lines only, so the next append starts afresh."""
        rows: Dict[str, Dict[str, object]] = {}
        if not self.reports.exists():
            return rows
        good: List[bytes] = []
        with open(self.reports, "rb") as f:
            for raw in f:
                if not raw.endswith(b"\n"):
                    continue  # cut by an interrupted run
                try:
                    line = json.loads(raw)
                    rows[line["key"]] = line["summary"]
                except (ValueError, KeyError, TypeError):
                    continue
                good.append(raw)
        if sum(map(len, good)) != self.reports.stat().st_size:
            kept = self.reports.with_name(self.reports.name + ".tmp")
            kept.write_bytes(b"".join(good))
            os.replace(kept, self.reports)
        return rows

    def append(self, result: FileResult) -> None:
        """Writes one result's line (the report text is not parsed again)."""
        append_line(self.reports, report_line(result))

    def write_summary(self, frame: object) -> Path:
        """Writes the summary DataFrame as ``summary.csv``; returns its path."""
        target = self.path / SUMMARY_FILE
        frame.to_csv(target, index=False)  # type: ignore[attr-defined]
        return target


def report_line(result: FileResult) -> bytes:
    """The line of one result in ``reports.jsonl``."""
    head = json.dumps({"key": result.key, "summary": result.to_row()}, ensure_ascii=False)
    report = result.report_json if result.report_json is not None else "null"
    return f'{head[:-1]}, "report": {report}}}\n'.encode("utf-8")


def append_line(path: Union[str, "os.PathLike[str]"], line: bytes) -> None:
    """Appends a line with one ``write`` call in append mode: lines from processes writing
    at once do not interleave (a short write, which a full disk may cause, is completed)."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        view = memoryview(line)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def resumed_result(item: Item, row: Dict[str, object]) -> FileResult:
    """The result of an item validated by an earlier run."""
    return FileResult.from_row(dict(row), key=item.key, index=item.index, resumed=True)
