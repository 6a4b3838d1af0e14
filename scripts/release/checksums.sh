#!/usr/bin/env bash
# Writes dist/SHA256SUMS over every artefact in dist/ (the format `sha256sum -c` reads),
# then checks it.
# shellcheck source=scripts/release/common.sh
source "$(dirname "$0")/common.sh"
cd "$DIST"
files=()
while IFS= read -r -d '' f; do files+=("${f#./}"); done < <(
    find . -maxdepth 1 -type f ! -name SHA256SUMS -print0 | sort -z)
[ ${#files[@]} -gt 0 ] || { log "nothing in $DIST"; exit 1; }
if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "${files[@]}" >SHA256SUMS
    sha256sum --quiet -c SHA256SUMS
else  # macOS runners
    shasum -a 256 "${files[@]}" >SHA256SUMS
    shasum -a 256 --quiet -c SHA256SUMS
fi
log "SHA256SUMS: ${#files[@]} files"
