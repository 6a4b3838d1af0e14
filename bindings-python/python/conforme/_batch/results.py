"""One file's outcome (``FileResult``) and the summary table built from many."""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional

STATUSES = ("valid", "invalid", "error", "timeout")
"""``valid``/``invalid``: validated; ``error``: could not be validated (unreadable file,
unusable schema, worker lost too often); ``timeout``: longer than the per-file limit."""

COLUMNS = (
    "source",
    "schema",
    "version",
    "status",
    "valid",
    "error_count",
    "warning_count",
    "rows",
    "bytes",
    "seconds",
    "worker",
    "error",
    "resumed",
)
"""The summary's fixed columns, in order; one column per error type follows them."""


@dataclass(frozen=True)
class FileResult:
    """The outcome of validating one file against one schema.

    ``valid`` is ``None`` when the file could not be validated (``status`` ``"error"`` or
    ``"timeout"``; ``error`` says why). ``report_json`` is the full report
    (``Report.to_json()``) when one was made and asked for.
    """

    source: str
    schema: str
    version: Optional[str]
    status: str
    valid: Optional[bool]
    error_count: int = 0
    warning_count: int = 0
    rows: int = 0
    bytes: int = 0
    seconds: float = 0.0
    worker: Optional[str] = None
    error: Optional[str] = None
    error_types: Dict[str, int] = field(default_factory=dict)
    resumed: bool = False
    key: str = ""
    index: int = -1
    report_json: Optional[str] = field(default=None, repr=False, compare=False)

    def report(self) -> Optional[Dict[str, Any]]:
        """The full report as a dict (``Report.to_dict()``'s content), when there is one."""
        return None if self.report_json is None else json.loads(self.report_json)

    def to_row(self) -> Dict[str, Any]:
        """The summary fields (without the report), error types under ``error_types``."""
        row = {name: getattr(self, name) for name in COLUMNS}
        row["error_types"] = dict(self.error_types)
        return row

    @staticmethod
    def from_row(row: Dict[str, Any], *, key: str, index: int, resumed: bool) -> "FileResult":
        """Rebuilds a result from ``to_row()``'s output (read back from a reports folder)."""
        fields: Dict[str, Any] = {name: row.get(name) for name in COLUMNS if name != "resumed"}
        return FileResult(
            **fields,
            error_types=dict(row.get("error_types") or {}),
            resumed=resumed,
            key=key,
            index=index,
        )


def summary_frame(results: Iterable[FileResult]) -> Any:
    """A ``pandas.DataFrame``: one row per file in input order, the fixed ``COLUMNS`` then one
    count column per error type seen (0 where a file has none of that type)."""
    try:
        pd = importlib.import_module("pandas")
    except ImportError as exc:  # pragma: no cover - pandas is part of the dask extra
        raise ImportError(
            "the summary table needs pandas: pip install 'conforme-data[dask]'"
        ) from exc
    ordered: List[FileResult] = sorted(results, key=lambda r: r.index)
    types = sorted({t for r in ordered for t in r.error_types})
    data: Dict[str, List[Any]] = {name: [getattr(r, name) for r in ordered] for name in COLUMNS}
    for t in types:
        data[t] = [r.error_types.get(t, 0) for r in ordered]
    frame = pd.DataFrame(data, columns=[*COLUMNS, *types])
    dtypes = {
        "valid": "boolean",
        "error_count": "int64",
        "warning_count": "int64",
        "rows": "int64",
        "bytes": "int64",
        "seconds": "float64",
        "resumed": "bool",
        **{t: "int64" for t in types},
    }
    return frame.astype(dtypes)
