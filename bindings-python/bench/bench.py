"""Times conforme.validate against frictionless.validate on generated files.

Usage: bench.py SCHEMA VALID.csv ERRORS.csv   (run.sh prepares everything)
"""

from __future__ import annotations

import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

import conforme
import frictionless


def best_of(n: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    """Best wall-clock time of n runs (and the last result)."""
    best, result = float("inf"), None
    for _ in range(n):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def row(label: str, seconds: float, size: int, detail: str) -> None:
    print(f"{label:<46} {seconds:8.3f} s {size / seconds / 1e6:9.1f} MB/s   {detail}")


def main() -> None:
    schema_path, valid_path, errors_path = sys.argv[1:4]
    schema = conforme.Schema.from_path(schema_path)
    with open(schema_path, encoding="utf-8") as f:
        descriptor = json.load(f)
    # frictionless refuses absolute schema paths ("not safe"): give it the descriptor.
    f_schema = frictionless.Schema.from_descriptor(descriptor)
    cores = os.cpu_count()
    print(f"conforme {conforme.__version__}, frictionless {frictionless.__version__}, {cores} cores")
    for path in (valid_path, errors_path):
        size = os.path.getsize(path)
        print(f"\n{os.path.basename(path)}: {size / 1e6:.1f} MB")
        t, r = best_of(3, lambda: conforme.validate(path, schema, max_errors=1000))
        row("conforme.validate(path)", t, size, f"valid={r.valid} errors={r.stats.error_count} rows={r.stats.rows}")
        t, r = best_of(3, lambda: conforme.validate(path, schema, max_errors=1000, threads=1))
        row("conforme.validate(path, threads=1)", t, size, f"errors={r.stats.error_count}")
        def from_file() -> conforme.Report:
            with open(path, "rb") as f:
                return conforme.validate(f, schema, max_errors=1000)
        t, r = best_of(3, from_file)
        row("conforme.validate(open(path, 'rb'))", t, size, f"errors={r.stats.error_count}")
        t, n = best_of(3, lambda: sum(1 for _ in conforme.iter_errors(path, schema, max_errors=1000)))
        row("conforme.iter_errors(path)", t, size, f"errors={n}")
        t, f = best_of(1, lambda: frictionless.validate(path, schema=f_schema))
        flat = f.flatten(["type"])
        types = sorted({e[0] for e in flat})
        rows = f.tasks[0].stats.get("rows") if f.tasks else None
        row("frictionless.validate(path, schema=...)", t, size, f"valid={f.valid} errors={len(flat)} rows={rows} {types}")

    # Four files at once from four Python threads (threads=1 each): the GIL is released
    # during validation, so this takes about as long as one file per core.
    size = os.path.getsize(valid_path)
    one = lambda p: conforme.validate(p, schema, threads=1)  # noqa: E731
    t_seq, _ = best_of(3, lambda: [one(valid_path) for _ in range(4)])
    with ThreadPoolExecutor(4) as pool:
        t_par, _ = best_of(3, lambda: list(pool.map(one, [valid_path] * 4)))
    print(f"\n4 files, threads=1 each: sequential {t_seq:.3f} s, 4 Python threads {t_par:.3f} s "
          f"(speed-up {t_seq / t_par:.2f}x on {cores} cores)")


if __name__ == "__main__":
    main()
