"""Times conforme.distributed against a plain loop over the same files.

Usage: catalogue.py SCHEMA BIG_FOLDER SMALL_FOLDER   (catalogue.sh prepares everything)

BIG_FOLDER: the catalogue (many files of many rows): plain loop in this process (one thread
per file, then all threads), then validate_many on local clusters of 1 and 2 worker
processes (cluster start-up timed apart). SMALL_FOLDER: many tiny files, to isolate the
per-file cost of the distributed path (scheduling, transfer, result rows) from validation.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any, Callable, List, Tuple

import conforme
from conforme.distributed import validate_many


def timed(fn: Callable[[], Any]) -> Tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def loop(files: List[Path], schema: conforme.Schema, threads: int | None) -> int:
    invalid = 0
    for path in files:
        invalid += not conforme.validate(str(path), schema, threads=threads).valid
    return invalid


def line(label: str, seconds: float, files: int, size: int, detail: str = "") -> None:
    print(
        f"{label:<44} {seconds:8.2f} s {seconds / files * 1e3:9.2f} ms/file "
        f"{size / seconds / 1e6:8.1f} MB/s  {detail}"
    )


def distributed_run(
    items: List[Tuple[str, str]], workers: int
) -> Tuple[float, float, Any]:
    """(cluster start-up seconds, validation seconds, summary) on a fresh local cluster."""
    import distributed

    start = time.perf_counter()
    with distributed.LocalCluster(
        n_workers=workers, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        client.run(lambda: __import__("conforme._batch.worker"))  # workers warm, as in a long run
        startup = time.perf_counter() - start
        seconds, summary = timed(lambda: validate_many(items, client=client, progress=False))
    return startup, seconds, summary


def main() -> None:
    schema_path, big, small = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    schema = conforme.Schema.from_path(schema_path)
    files = sorted(big.glob("*.csv"))
    tiny = sorted(small.glob("*.csv"))
    size = sum(f.stat().st_size for f in files)
    tiny_size = sum(f.stat().st_size for f in tiny)
    print(
        f"conforme {conforme.__version__}, {os.cpu_count()} cores; {len(files)} files, "
        f"{size / 1e6:.0f} MB; {len(tiny)} tiny files"
    )

    print("\ncatalogue")
    t, invalid = timed(lambda: loop(files, schema, 1))
    line("plain loop, threads=1", t, len(files), size, f"{invalid} invalid")
    t, invalid = timed(lambda: loop(files, schema, None))
    line("plain loop, threads=all cores", t, len(files), size, f"{invalid} invalid")
    items = [(str(f), schema_path) for f in files]
    for workers in (1, 2):
        startup, t, summary = distributed_run(items, workers)
        invalid = int((summary["status"] == "invalid").sum())
        line(
            f"validate_many, {workers} worker process(es)", t, len(files), size,
            f"{invalid} invalid; cluster start {startup:.1f} s",
        )

    print("\nper-file overhead (tiny files)")
    t_loop, _ = timed(lambda: loop(tiny, schema, 1))
    line("plain loop, threads=1", t_loop, len(tiny), tiny_size)
    tiny_items = [(str(f), schema_path) for f in tiny]
    _, t_dist, _ = distributed_run(tiny_items, 1)
    line("validate_many, 1 worker process", t_dist, len(tiny), tiny_size)
    print(f"distributed overhead per file: {(t_dist - t_loop) / len(tiny) * 1e3:.2f} ms")


# Dask's worker processes import this file again. (It is not named distributed.py: next to
# the script, that name would shadow Dask's own package.)
if __name__ == "__main__":
    main()
