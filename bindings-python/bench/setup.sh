# Shared set-up of the Python benchmarks, sourced by run.sh, threads.sh and catalogue.sh from
# the repository root: sets `venv`, `shared`, `schema` (the IRVE schema of ../shared/corpus)
# and `data`, and `bench_setup [PACKAGE ...]` builds the release wheel into target/venv-bench
# with those PyPI packages beside it.
venv=target/venv-bench
shared="${CONFORME_SHARED:-../shared}"
schema="$shared/corpus/etalab__schema-irve-statique__2.3.1__exemple-valide-statique/schema.json"
data=target/bench-data
[ -f "$schema" ] || { echo "needs $schema (the shared corpus)" >&2; exit 2; }

bench_setup() {
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check maturin==1.16.0 "$@"
    rm -rf target/wheels-bench
    (cd bindings-python && "../$venv/bin/maturin" build --release --locked --out ../target/wheels-bench)
    # The PyPI project is conforme-data; a `conforme` distribution is the same files under the
    # project's former name, left by an older run.
    if "$venv/bin/python" -m pip show --quiet conforme >/dev/null 2>&1; then
        "$venv/bin/python" -m pip uninstall --quiet --disable-pip-version-check -y conforme
    fi
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels-bench/conforme_data-*.whl
    mkdir -p "$data"
}
