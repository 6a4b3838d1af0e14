#!/usr/bin/env bash
# Builds the WebAssembly engine into bindings-wasm/js/pkg/ (run scripts/setup-wasm.sh first).
#
#   cargo (profile `wasm`, std rebuilt for wasm32) → wasm-bindgen (web target, also used by
#   Node) → wasm-opt -Oz → src/error-type.d.ts regenerated from the engine's codes; the
#   official French lists (core/data/referentials/) bundled as pkg/referentials.json, which
#   the package fetches only for a schema that uses them (they are not in the module).
#
# Steps after cargo are skipped when the cargo output has not changed since the last run.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
if [ ! -f target/wasm-tools/env.sh ]; then
    echo "[build-wasm] the toolchain is not set up: run scripts/setup-wasm.sh first" >&2
    exit 1
fi
# shellcheck source=/dev/null
source target/wasm-tools/env.sh

log() { echo "[build-wasm] $*" >&2; }
pkg="$repo/bindings-wasm/js/pkg"
raw="$repo/target/wasm/wasm32-unknown-unknown/wasm/conforme_wasm.wasm"

started=$(date +%s)
wasm_cargo build --locked --quiet --profile wasm --target wasm32-unknown-unknown \
    -Zbuild-std=std,panic_abort -p conforme-wasm
log "cargo: $(($(date +%s) - started))s"

# {"file.txt": "text", …} of the referential lists (rewritten every time: it is cheap).
bundle_referentials() {
    node -e '
const fs = require("fs"), path = require("path");
const dir = process.argv[1], out = process.argv[2];
const bundle = {};
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
  bundle[name] = fs.readFileSync(path.join(dir, name), "utf8");
}
fs.writeFileSync(out, JSON.stringify(bundle));
' "$repo/core/data/referentials" "$pkg/referentials.json"
    log "referentials.json: $(stat -c %s "$pkg/referentials.json") bytes, $(gzip -9 -c "$pkg/referentials.json" | wc -c) gzipped (fetched on demand)"
}

fingerprint=$(sha256sum "$raw" | cut -d' ' -f1)
if [ -f "$pkg/conforme_wasm_bg.wasm" ] && [ "$(cat "$pkg/.fingerprint" 2>/dev/null)" = "$fingerprint" ]; then
    log "bindings up to date"
    bundle_referentials
    exit 0
fi

rm -rf "$pkg"
wasm-bindgen --target web --out-dir "$pkg" "$raw"
step=$(date +%s)
# -Oz: smallest code; the name and producers sections only matter to debuggers.
"$WASM_OPT" -Oz --strip-debug --strip-producers \
    "$pkg/conforme_wasm_bg.wasm" -o "$pkg/conforme_wasm_bg.wasm"
log "wasm-opt: $(($(date +%s) - step))s"
node bindings-wasm/js/scripts/gen-error-type.js
bundle_referentials
echo "$fingerprint" >"$pkg/.fingerprint"

size=$(stat -c %s "$pkg/conforme_wasm_bg.wasm")
gzipped=$(gzip -9 -c "$pkg/conforme_wasm_bg.wasm" | wc -c)
log "conforme_wasm_bg.wasm: $size bytes, $gzipped gzipped (-9)"
# Portals load this on their upload page: keep it small (1.73 MB since the engine is built
# for speed, see [profile.wasm.package.conforme] in Cargo.toml).
limit=1800000
if [ "$gzipped" -ge "$limit" ]; then
    log "the gzipped module is $gzipped bytes, over the $limit-byte budget: look for a heavy new dependency"
    exit 1
fi
