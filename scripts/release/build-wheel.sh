#!/usr/bin/env bash
# Builds the Python wheel (abi3: one wheel per platform for every CPython ≥ 3.9) into dist/:
#
#   scripts/release/build-wheel.sh [MATURIN BUILD FLAGS…]
#
# Linux wheels need an old glibc (manylinux) or musl (musllinux) to link against; the
# workflows and scripts/release/check.sh pass `--zig --compatibility manylinux2014` (or
# `--target x86_64-unknown-linux-musl --zig --compatibility musllinux_1_2`), where zig (pip
# package `ziglang`) provides glibc 2.17's symbols. macOS and Windows build natively.
# The release profile keeps line tables for profiling; --strip leaves them out of the wheel
# (a third of its size). MATURIN picks the maturin command (default: maturin on PATH).
# shellcheck source=scripts/release/common.sh
source "$(dirname "$0")/common.sh"

log "wheel $VERSION: maturin build $*"
(cd bindings-python && ${MATURIN:-maturin} build --release --locked --strip --out "$DIST" "$@")
