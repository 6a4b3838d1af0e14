#!/usr/bin/env bash
# Builds the WebAssembly module (scripts/setup-wasm.sh, scripts/build-wasm.sh) and packs the
# npm package into dist/conforme-VERSION.tgz, checking that the tarball has the module, the
# bindings, the types and both licences.
# shellcheck source=scripts/release/common.sh
source "$(dirname "$0")/common.sh"

scripts/setup-wasm.sh
scripts/build-wasm.sh
tarball=$(cd bindings-wasm/js && npm pack --silent --pack-destination "$DIST")
tarball="$DIST/$tarball"
members=$(tar -tzf "$tarball")
for member in pkg/conforme_wasm_bg.wasm pkg/conforme_wasm.js pkg/referentials.json src/index.js src/index.d.ts \
    LICENSE-MIT LICENSE-APACHE package.json; do
    grep -qx "package/$member" <<<"$members" || { log "$tarball lacks $member"; exit 1; }
done
log "$tarball: $(stat -c %s "$tarball" 2>/dev/null || stat -f %z "$tarball") bytes"
