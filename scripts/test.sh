#!/usr/bin/env bash
# The whole test suite, with everything it needs installed on a fresh machine.
#
#   scripts/test.sh            every part
#   scripts/test.sh rust       one part (several may be given: rust python …)
#
# Parts: rust (fmt, clippy, unit, fixture, corpus and CLI tests).
set -euo pipefail
cd "$(dirname "$0")/.."

ALL_PARTS=(rust)
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
    step "rust: detected vs actual encoding and delimiter on the corpus"
    cargo test --locked --quiet -p conforme-tests --test corpus_dialect -- --nocapture
}

for part in "${parts[@]}"; do
    case "$part" in
        rust) part_rust ;;
        *) echo "unknown part: $part (known: ${ALL_PARTS[*]})" >&2; exit 2 ;;
    esac
done
step "all requested parts passed: ${parts[*]}"
