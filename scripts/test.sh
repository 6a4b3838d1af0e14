#!/usr/bin/env bash
# The whole test suite, with everything it needs installed on a fresh machine.
#
#   scripts/test.sh            every part
#   scripts/test.sh rust       one part (several may be given: rust python …)
#
# Parts: rust (fmt, clippy, unit, fixture, corpus and CLI tests);
#        wasm (WebAssembly build, wasm-bindgen-test in Node, node --test of the JS package);
#        browser (the validation page in headless Chromium via playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."

ALL_PARTS=(rust wasm browser)
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

# Runs a command and prints how long it took (cold-start times of the wasm parts).
timed() {
    local started=$SECONDS
    "$@"
    printf '   (%ss: %s)\n' "$((SECONDS - started))" "$*"
}

part_wasm() {
    step "wasm: toolchain (Debian rustc-web + build-std, wasm-bindgen CLI, npm tools)"
    timed scripts/setup-wasm.sh
    step "wasm: build bindings-wasm/js/pkg"
    timed scripts/build-wasm.sh
    step "wasm: Rust exports under wasm-bindgen-test (Node)"
    # shellcheck source=/dev/null
    (source target/wasm-tools/env.sh &&
        timed wasm_cargo test --locked --profile wasm --target wasm32-unknown-unknown \
            -Zbuild-std=std,panic_abort -p conforme-wasm --test exports)
    step "wasm: option parsing and doc tests (native)"
    cargo test --locked --quiet -p conforme-wasm
    step "wasm: JavaScript package (node --test)"
    (cd bindings-wasm/js && timed node --test test/)
}

part_browser() {
    step "browser: toolchain and headless Chromium"
    timed scripts/setup-wasm.sh browser
    timed scripts/build-wasm.sh
    step "browser: the validation page in Chromium (screenshot in target/browser/)"
    (cd bindings-wasm/js && timed node --test browser-test/)
}

for part in "${parts[@]}"; do
    case "$part" in
        rust) part_rust ;;
        wasm) part_wasm ;;
        browser) part_browser ;;
        *) echo "unknown part: $part (known: ${ALL_PARTS[*]})" >&2; exit 2 ;;
    esac
done
step "all requested parts passed: ${parts[*]}"
