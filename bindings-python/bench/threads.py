"""Four Python threads validating four different files at once, against the same four files
one after the other: the GIL is released during validation, so the threads overlap.

Usage: threads.py SCHEMA FILE1 FILE2 FILE3 FILE4   (threads.sh prepares everything)

Each validation uses threads=1 (conforme's own parallelism off) so that only the Python
threads can overlap. Prints the best of 5 rounds of each, and the ratio.
"""

from __future__ import annotations

import hashlib
import os
import resource
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, List

import conforme


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def best_of(rounds: int, fn: Callable[[], object]) -> tuple[float, float]:
    """Best wall-clock time of `rounds` runs, and the CPU time of that run: CPU / wall above
    1 means several cores worked at once (on a busy machine the wall time alone is noise)."""
    best, cpu_of_best = float("inf"), 0.0
    for _ in range(rounds):
        start, cpu = time.perf_counter(), cpu_seconds()
        fn()
        wall = time.perf_counter() - start
        if wall < best:
            best, cpu_of_best = wall, cpu_seconds() - cpu
    return best, cpu_of_best


def main() -> None:
    schema_path, *paths = sys.argv[1:]
    if len(paths) != 4:
        sys.exit("usage: threads.py SCHEMA FILE1 FILE2 FILE3 FILE4")
    schema = conforme.Schema.from_path(schema_path)
    total = sum(os.path.getsize(p) for p in paths)

    def one(path: str) -> conforme.Report:
        return conforme.validate(path, schema, threads=1, max_errors=1000)

    reports: List[conforme.Report] = [one(p) for p in paths]  # warm the page cache
    rows = sum(r.stats.rows for r in reports)
    sequential, sequential_cpu = best_of(5, lambda: [one(p) for p in paths])
    with ThreadPoolExecutor(4) as pool:
        threaded, threaded_cpu = best_of(5, lambda: list(pool.map(one, paths)))
    print(f"conforme {conforme.__version__}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    print(f"4 different files, {total / 1e6:.1f} MB, {rows} rows, threads=1 per validation:")
    print(f"  sequential        {sequential:.3f} s  ({total / sequential / 1e6:.0f} MB/s, CPU/wall {sequential_cpu / sequential:.2f})")
    print(f"  4 Python threads  {threaded:.3f} s  ({total / threaded / 1e6:.0f} MB/s, CPU/wall {threaded_cpu / threaded:.2f})")
    print(f"  speed-up {sequential / threaded:.2f}x")
    # Control: hashlib.sha256 releases the GIL too; if it does not speed up either, the
    # machine (other processes) is the limit at this moment, not conforme.
    blob = b"x" * 50_000_000
    hash_all = lambda: [hashlib.sha256(blob).digest() for _ in range(4)]  # noqa: E731
    h_seq, _ = best_of(3, hash_all)
    with ThreadPoolExecutor(4) as pool:
        h_par, _ = best_of(3, lambda: list(pool.map(lambda _: hashlib.sha256(blob).digest(), range(4))))
    print(f"  control, 4 x sha256(50 MB): sequential {h_seq:.3f} s, 4 threads {h_par:.3f} s, speed-up {h_seq / h_par:.2f}x")


if __name__ == "__main__":
    main()
