#!/usr/bin/env bash
# Differential run against frictionless-py 5.21 (the strict profile's oracle): installs it in
# target/venv-frictionless, builds the conforme command, then validates each case directory
# (data.csv, schema.json, and expected.json's "options" if any) with both and compares the
# verdicts and the (row, field, type) error lists (scripts/frictionless/compare.py).
#   scripts/frictionless/differential.sh                      # every fixture
#   scripts/frictionless/differential.sh path/to/case ...     # chosen cases
set -euo pipefail
cd "$(dirname "$0")/../.."

FRICTIONLESS=frictionless==5.21.0
VENV=target/venv-frictionless
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$FRICTIONLESS"
cargo build --locked --quiet -p conforme-cli --bin conforme
if [ $# -eq 0 ]; then
    set -- fixtures/tableschema/*/
fi
"$VENV/bin/python" scripts/frictionless/compare.py \
    --conforme "${CARGO_TARGET_DIR:-target}/debug/conforme" "$@"
