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
venv=target/venv-bench
shared="${CONFORME_SHARED:-../shared}"
schema="$shared/corpus/etalab__schema-irve-statique__2.3.1__exemple-valide-statique/schema.json"
[ -f "$schema" ] || { echo "needs $schema (the shared corpus)" >&2; exit 2; }

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check maturin==1.16.0 frictionless==5.21.0
rm -rf target/wheels-bench
(cd bindings-python && "../$venv/bin/maturin" build --release --locked --out ../target/wheels-bench)
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels-bench/conforme-*.whl

data=target/bench-data
mkdir -p "$data"
for kind in valid errors; do
    out="$data/irve-$rows-$kind.csv"
    [ -f "$out" ] && continue
    extra=()
    [ "$kind" = errors ] && extra=(--error-rate 0.01 --error-kinds type,pattern,enum,required)
    python3 "$shared/tools/datagen/gen.py" "$schema" -n "$rows" -o "$out" --seed 1 "${extra[@]}"
done
"$venv/bin/python" bindings-python/bench/bench.py "$schema" "$data/irve-$rows-valid.csv" "$data/irve-$rows-errors.csv"
