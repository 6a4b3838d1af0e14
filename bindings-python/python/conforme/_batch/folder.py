"""The reports folder: ``reports.jsonl`` (one line per validated file, appended as results
arrive) and ``summary.csv`` (written at the end of a run).

Each line is ``{"key": …, "summary": {…}, "report": {…} | null}``: ``summary`` holds the
summary fields (``FileResult.to_row()``), ``report`` the full report (``Report.to_dict()``
content). A run that stops midway leaves whole lines (each is flushed as it is written) and at
most one cut last line, which the next run drops before appending: resuming skips every key
that already has a line.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Dict, Optional, Union

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
        self._out: Optional[IO[str]] = None

    def done(self) -> Dict[str, Dict[str, object]]:
        """The summary rows already written, by key; drops a cut last line (interrupted run)."""
        rows: Dict[str, Dict[str, object]] = {}
        if not self.reports.exists():
            return rows
        good_end = 0
        with open(self.reports, "rb") as f:
            for raw in f:
                if not raw.endswith(b"\n"):
                    break
                try:
                    line = json.loads(raw)
                    rows[line["key"]] = line["summary"]
                except (ValueError, KeyError, TypeError):
                    break
                good_end += len(raw)
        if good_end != self.reports.stat().st_size:
            # Keep whole lines only, so the next append starts a fresh line.
            with open(self.reports, "r+b") as f:
                f.truncate(good_end)
        return rows

    def append(self, result: FileResult) -> None:
        """Writes one result's line and flushes it (the report text is not parsed again)."""
        if self._out is None:
            self._out = open(self.reports, "a", encoding="utf-8")
        head = json.dumps({"key": result.key, "summary": result.to_row()}, ensure_ascii=False)
        report = result.report_json if result.report_json is not None else "null"
        self._out.write(f'{head[:-1]}, "report": {report}}}\n')
        self._out.flush()

    def write_summary(self, frame: object) -> Path:
        """Writes the summary DataFrame as ``summary.csv``; returns its path."""
        target = self.path / SUMMARY_FILE
        frame.to_csv(target, index=False)  # type: ignore[attr-defined]
        return target

    def close(self) -> None:
        """Closes the reports file (lines are already flushed)."""
        if self._out is not None:
            self._out.close()
            self._out = None


def resumed_result(item: Item, row: Dict[str, object]) -> FileResult:
    """The result of an item validated by an earlier run."""
    return FileResult.from_row(dict(row), key=item.key, index=item.index, resumed=True)
