#!/usr/bin/env bash
# Publishes the crates to crates.io in dependency order (each waits until the previous one is
# in the index), or checks them without uploading:
#
#   scripts/release/publish-crates.sh --dry-run   package and build each crate from its
#                                                 .crate file (unpublished workspace crates are
#                                                 served from a local registry by cargo)
#   scripts/release/publish-crates.sh             publish (CARGO_REGISTRY_TOKEN set)
#
# tests/tests/versions.rs checks this order against the dependency graph.
# shellcheck source=scripts/release/common.sh
source "$(dirname "$0")/common.sh"

CRATES=(conforme conforme-remote conforme-cli)

if [ "${1:-}" = "--dry-run" ]; then
    packages=()
    for name in "${CRATES[@]}"; do packages+=(-p "$name"); done
    log "cargo package ${CRATES[*]} (verified by building each .crate)"
    cargo package --locked "${packages[@]}"
    for name in "${CRATES[@]}"; do
        crate="target/package/$name-$VERSION.crate"
        [ -f "$crate" ] || { log "missing $crate"; exit 1; }
        # crates.io refuses uploads over 10 MiB.
        size=$(stat -c %s "$crate" 2>/dev/null || stat -f %z "$crate")
        [ "$size" -lt 10485760 ] || { log "$crate is $size bytes, over crates.io's 10 MiB"; exit 1; }
        members=$(tar -tzf "$crate")
        for licence in LICENSE-MIT LICENSE-APACHE; do
            grep -qx "$name-$VERSION/$licence" <<<"$members" ||
                { log "$crate lacks $licence"; exit 1; }
        done
        log "$crate: $size bytes"
    done
    exit 0
fi

for name in "${CRATES[@]}"; do
    log "cargo publish -p $name"
    cargo publish --locked -p "$name"
done
