"""Validate a whole catalogue of files on a Dask cluster (``pip install 'conforme-data[dask]'``).

Run from the repository root:
    python bindings-python/examples/catalogue.py [SCHEDULER_ADDRESS]
Without an address, a local cluster of 2 worker processes is started (and stopped).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Optional

from conforme.distributed import iter_validate, validate_many


def main(scheduler: Optional[str]) -> None:
    # Every hand-written fixture of the repository, against its own schema.
    cases = sorted(Path("fixtures/tableschema").glob("*/data.csv"))
    items = [(str(data), str(data.with_name("schema.json"))) for data in cases]

    reports = Path(tempfile.mkdtemp()) / "reports"

    # One task per file; the summary is a pandas.DataFrame, every full report a line of
    # reports/reports.jsonl. Running it again with the same folder skips what is done.
    summary = validate_many(
        items, scheduler=scheduler, n_workers=2, reports=reports, timeout=60, lang="en"
    )
    print(summary[["source", "status", "error_count", "rows", "worker"]].head(5).to_string())
    print(summary["status"].value_counts().to_dict())

    # Or handle each result as soon as its file is done.
    for result in iter_validate(items[:3], scheduler=scheduler, n_workers=2, lang="en"):
        print(result.status, result.source, result.error_count, result.error_types)


if __name__ == "__main__":  # required: Dask's worker processes import this file again
    main(sys.argv[1] if len(sys.argv) > 1 else None)
