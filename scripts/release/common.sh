# Sourced by the scripts of scripts/release/: paths, the version, and small helpers.
# shellcheck shell=bash
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"

# Everything built for a release lands here (the workflows upload this folder).
DIST=${DIST:-$repo/dist}
mkdir -p "$DIST"

# The one version of every package (tests/tests/versions.rs keeps the others equal to it).
VERSION=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
[ -n "$VERSION" ] || { echo "no [workspace.package] version in Cargo.toml" >&2; exit 1; }

log() { echo "[release] $*" >&2; }

# The Rust target this machine builds for by default (x86_64-unknown-linux-gnu, …).
host_target() { rustc -vV | sed -n 's/^host: //p'; }
