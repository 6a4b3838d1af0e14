"""Four Python threads validating four different files at once, against the same four files
one after the other: the GIL is released during validation, so the threads overlap.

Usage: threads.py SCHEMA FILE1 FILE2 FILE3 FILE4   (threads.sh prepares everything)

Each validation uses threads=1 (conforme's own parallelism off) so that only the Python
threads can overlap. Prints the best of 5 rounds of each, and the ratio.
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, List

import conforme


def best_of(rounds: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


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
    sequential = best_of(5, lambda: [one(p) for p in paths])
    with ThreadPoolExecutor(4) as pool:
        threaded = best_of(5, lambda: list(pool.map(one, paths)))
    print(f"conforme {conforme.__version__}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    print(f"4 different files, {total / 1e6:.1f} MB, {rows} rows, threads=1 per validation:")
    print(f"  sequential        {sequential:.3f} s  ({total / sequential / 1e6:.0f} MB/s)")
    print(f"  4 Python threads  {threaded:.3f} s  ({total / threaded / 1e6:.0f} MB/s)")
    print(f"  speed-up {sequential / threaded:.2f}x")


if __name__ == "__main__":
    main()
