#!/usr/bin/env bash
# Differential test of the referential checks against frformat (the reference Validata
# runs): installs frformat in target/venv-frformat, builds the conforme command, compares
# verdicts on a few thousand values per run (scripts/referentials/differential.py).
set -euo pipefail
cd "$(dirname "$0")/../.."

FRFORMAT=frformat==0.4.1  # validata-table 0.12.5's release (see generate.py)
VENV=target/venv-frformat
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$FRFORMAT"
cargo build --locked --quiet -p conforme-cli --bin conforme
"$VENV/bin/python" scripts/referentials/differential.py \
    --conforme "${CARGO_TARGET_DIR:-target}/debug/conforme" "$@"
