#!/usr/bin/env bash
# The whole test suite, with everything it needs installed on a fresh machine.
#
#   scripts/test.sh            every part
#   scripts/test.sh rust       one part (several may be given: rust python …)
#
# Parts: rust (fmt, clippy, unit, fixture, corpus and CLI tests);
#        python (builds the wheel with maturin in a virtualenv, pip-installs it, runs pytest).
set -euo pipefail
cd "$(dirname "$0")/.."

ALL_PARTS=(rust python)
parts=("$@")
if [ ${#parts[@]} -eq 0 ] || [ "${parts[0]}" = "all" ]; then
    parts=("${ALL_PARTS[@]}")
fi

step() { printf '\n== %s\n' "$*"; }

part_rust() {
    step "rust: formatting"
    cargo fmt --all -- --check
    step "rust: clippy"
    cargo clippy --all-targets --locked -- -D warnings
    step "rust: tests (unit, doc, fixtures, corpus conformance, CLI)"
    cargo test --locked --quiet
    step "rust: corpus conformance table"
    cargo test --locked --quiet -p conforme-tests --test corpus -- --nocapture
}

# The Python package: a fresh virtualenv gets pinned tools, the wheel is built by maturin
# and installed from its file (as users get it), then pytest runs. The wheel is built with
# the dev profile: it reuses the rust part's build and the tests check behaviour, not speed.
PYTHON_VENV=target/venv-test
PYTHON_TOOLS=(maturin==1.16.0 pytest==9.2.0 mypy==2.4.1 pandas==3.1.1 polars==2.1.0)
part_python() {
    step "python: virtualenv and tools ($PYTHON_VENV)"
    if [ ! -x "$PYTHON_VENV/bin/python" ]; then
        python3 -m venv "$PYTHON_VENV"
    fi
    "$PYTHON_VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${PYTHON_TOOLS[@]}"
    step "python: clippy (binding crate)"
    cargo clippy --locked -p conforme-python --all-targets -- -D warnings
    step "python: build the wheel"
    rm -rf target/wheels-test
    (cd bindings-python && "../$PYTHON_VENV/bin/maturin" build --locked --out ../target/wheels-test)
    step "python: install the wheel file"
    "$PYTHON_VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        --force-reinstall --no-deps target/wheels-test/conforme-*.whl
    step "python: pytest"
    (cd bindings-python && "../$PYTHON_VENV/bin/python" -m pytest -p no:cacheprovider tests)
}

for part in "${parts[@]}"; do
    case "$part" in
        rust) part_rust ;;
        python) part_python ;;
        *) echo "unknown part: $part (known: ${ALL_PARTS[*]})" >&2; exit 2 ;;
    esac
done
step "all requested parts passed: ${parts[*]}"
