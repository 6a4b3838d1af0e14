"""Times conforme.distributed against a plain loop over the same files.

Usage: catalogue.py SCHEMA BIG_FOLDER SMALL_FOLDER   (catalogue.sh prepares everything)

BIG_FOLDER: the catalogue (many files of many rows): plain loop in this process (one thread
per file: the baseline, one core busy at a time; then the engine's threads on every core),
then validate_many on local clusters of 1 and 2 worker processes (``local_client``, the
cluster validate_many starts itself; start-up timed apart). The four run in turn, RUNS
rounds (environment, default 3); each line is the median over the rounds, and the speed-ups
are medians of the ratios within each round, so a shared machine's drift cancels out.
SMALL_FOLDER: many tiny files, to isolate the per-file cost of the distributed path
(scheduling, transfer, result rows) from validation.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import conforme
from conforme.distributed import local_client, validate_many

RUNS = int(os.environ.get("RUNS", "3"))


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


def cpu_seconds() -> float:
    """CPU time of this process so far (user + system)."""
    t = os.times()
    return t.user + t.system


def distributed_run(
    items: List[Tuple[str, str]], workers: int
) -> Tuple[float, float, Any, str]:
    """(cluster start-up seconds, validation seconds, summary, CPU seconds of the client
    process and of the workers during the run) on a fresh local cluster."""
    start = time.perf_counter()
    with local_client(workers, dashboard=False) as client:
        client.run(lambda: __import__("conforme._batch.worker"))  # workers warm, as in a long run
        startup = time.perf_counter() - start
        before, workers_before = cpu_seconds(), client.run(cpu_seconds)
        seconds, summary = timed(lambda: validate_many(items, client=client, progress=False))
        spent = sum(v - workers_before[w] for w, v in client.run(cpu_seconds).items())
        cpu = f"CPU client {cpu_seconds() - before:.2f} s, workers {spent:.2f} s"
    return startup, seconds, summary, cpu


def catalogue(files: List[Path], schema: conforme.Schema, schema_path: str, size: int) -> None:
    """The four ways over the catalogue in turn, RUNS times; medians and per-round ratios."""
    items = [(str(f), schema_path) for f in files]
    cases: Dict[str, Callable[[], Tuple[float, str]]] = {
        "plain loop, threads=1": lambda: _loop_case(files, schema, 1),
        "plain loop, threads=all cores": lambda: _loop_case(files, schema, None),
        "validate_many, 1 worker process": lambda: _distributed_case(items, 1),
        "validate_many, 2 worker processes": lambda: _distributed_case(items, 2),
    }
    seconds: Dict[str, List[float]] = {label: [] for label in cases}
    details: Dict[str, str] = {}
    for _ in range(RUNS):
        for label, case in cases.items():
            t, details[label] = case()
            seconds[label].append(t)
    base = seconds["plain loop, threads=1"]
    for label, times in seconds.items():
        ratio = statistics.median(b / t for b, t in zip(base, times))
        detail = f"{ratio:.2f}x the loop; {details[label]} (last round)"
        line(label, statistics.median(times), len(files), size, detail)
    # Both use every core: on a machine where other work takes cores, this ratio moves less
    # than the ones against the one-thread loop.
    threads = seconds["plain loop, threads=all cores"]
    two = seconds["validate_many, 2 worker processes"]
    ratio = statistics.median(a / b for a, b in zip(threads, two))
    print(f"validate_many on 2 workers against the loop on the engine's threads: {ratio:.2f}x")


def _loop_case(
    files: List[Path], schema: conforme.Schema, threads: int | None
) -> Tuple[float, str]:
    before = cpu_seconds()
    t, invalid = timed(lambda: loop(files, schema, threads))
    return t, f"{invalid} invalid; CPU {cpu_seconds() - before:.2f} s"


def _distributed_case(items: List[Tuple[str, str]], workers: int) -> Tuple[float, str]:
    startup, t, summary, cpu = distributed_run(items, workers)
    invalid = int((summary["status"] == "invalid").sum())
    return t, f"{invalid} invalid; cluster start {startup:.1f} s; {cpu}"


def overhead(tiny: List[Path], schema: conforme.Schema, schema_path: str, size: int) -> None:
    """The loop and validate_many on one worker in turn over tiny files: the difference per
    file is what the distributed path adds."""
    items = [(str(f), schema_path) for f in tiny]
    loops, runs = [], []
    for _ in range(RUNS):
        loops.append(timed(lambda: loop(tiny, schema, 1))[0])
        runs.append(distributed_run(items, 1)[1])
    line("plain loop, threads=1", statistics.median(loops), len(tiny), size)
    line("validate_many, 1 worker process", statistics.median(runs), len(tiny), size)
    extra = statistics.median(r - t for t, r in zip(loops, runs)) / len(tiny)
    print(f"distributed overhead per file: {extra * 1e3:.2f} ms")


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

    print(f"\ncatalogue ({RUNS} rounds, medians)")
    catalogue(files, schema, schema_path, size)

    print(f"\nper-file overhead (tiny files; {RUNS} rounds, medians)")
    overhead(tiny, schema, schema_path, tiny_size)


# Dask's worker processes import this file again. (It is not named distributed.py: next to
# the script, that name would shadow Dask's own package.)
if __name__ == "__main__":
    main()
