#!/usr/bin/env bash
# Builds the Python source distribution into dist/: the binding crate with the workspace
# crates it needs (maturin rewrites their path dependencies), buildable with only a Rust
# toolchain and pip. MATURIN picks the maturin command (default: maturin on PATH).
# shellcheck source=scripts/release/common.sh
source "$(dirname "$0")/common.sh"

log "sdist $VERSION"
(cd bindings-python && ${MATURIN:-maturin} sdist --out "$DIST")
