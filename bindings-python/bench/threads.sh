#!/usr/bin/env bash
# Four Python threads validating four different files at once vs one after the other (the GIL
# is released during validation). Not part of the test suite.
#
#   bindings-python/bench/threads.sh [ROWS]     (rows per file, default 100000)
#
# Builds the release wheel into target/venv-bench, generates four IRVE-like files (different
# seeds) with ../shared/tools/datagen/gen.py from the IRVE schema of ../shared/corpus, and
# prints the timings of threads.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-100000}"
. bindings-python/bench/setup.sh
bench_setup

files=()
for seed in 1 2 3 4; do
    out="$data/irve-$rows-seed$seed.csv"
    [ -f "$out" ] || python3 "$shared/tools/datagen/gen.py" "$schema" -n "$rows" -o "$out" --seed "$seed" --error-rate 0.001
    files+=("$out")
done
uptime
"$venv/bin/python" bindings-python/bench/threads.py "$schema" "${files[@]}"
