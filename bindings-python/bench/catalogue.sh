#!/usr/bin/env bash
# Benchmark conforme.distributed (Dask) against a plain loop (not part of the test suite).
#
#   bindings-python/bench/catalogue.sh [FILES] [ROWS] [TINY_FILES]    (default 200 50000 500)
#
# Builds the release wheel into target/venv-bench with the dask extra's packages, generates
# one valid and one error-laden IRVE-like file of ROWS rows with ../shared/tools/datagen/gen.py
# (the IRVE schema of ../shared/corpus), lays FILES hard links to them (alternately) as the
# catalogue, plus TINY_FILES links to a 10-row file, and prints the timings of catalogue.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
files="${1:-200}"
rows="${2:-50000}"
tiny="${3:-500}"
. bindings-python/bench/setup.sh
bench_setup dask==2026.8.0 distributed==2026.8.0 pandas==3.1.1

for spec in "$rows valid" "$rows errors" "10 valid"; do
    set -- $spec
    out="$data/irve-$1-$2.csv"
    [ -f "$out" ] && continue
    extra=()
    [ "$2" = errors ] && extra=(--error-rate 0.01 --error-kinds type,pattern,enum,required)
    python3 "$shared/tools/datagen/gen.py" "$schema" -n "$1" -o "$out" --seed 1 "${extra[@]}"
done
big="$data/catalogue-$files-$rows"
small="$data/catalogue-$tiny-tiny"
rm -rf "$big" "$small"
mkdir -p "$big" "$small"
for i in $(seq -w 1 "$files"); do
    kind=valid
    [ $((10#$i % 2)) -eq 0 ] && kind=errors
    ln "$data/irve-$rows-$kind.csv" "$big/f$i.csv"
done
for i in $(seq -w 1 "$tiny"); do ln "$data/irve-10-valid.csv" "$small/t$i.csv"; done
"$venv/bin/python" bindings-python/bench/catalogue.py "$schema" "$big" "$small"
