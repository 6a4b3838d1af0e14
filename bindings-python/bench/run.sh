#!/usr/bin/env bash
# Benchmark conforme's Python package against frictionless-py (not part of the test suite).
#
#   bindings-python/bench/run.sh [ROWS]     (default 100000)
#
# Creates target/venv-bench with frictionless from PyPI and the release wheel of conforme,
# generates an IRVE-like file with ../shared/tools/datagen/gen.py from the IRVE schema of
# ../shared/corpus, and prints the timings of bench.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-100000}"
. bindings-python/bench/setup.sh
bench_setup frictionless==5.21.0

for kind in valid errors; do
    out="$data/irve-$rows-$kind.csv"
    [ -f "$out" ] && continue
    extra=()
    [ "$kind" = errors ] && extra=(--error-rate 0.01 --error-kinds type,pattern,enum,required)
    python3 "$shared/tools/datagen/gen.py" "$schema" -n "$rows" -o "$out" --seed 1 "${extra[@]}"
done
"$venv/bin/python" bindings-python/bench/bench.py "$schema" "$data/irve-$rows-valid.csv" "$data/irve-$rows-errors.csv"
