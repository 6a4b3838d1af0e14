#!/usr/bin/env bash
# Runs an installed `conforme` as a user would: --version names this release, a valid file
# exits 0, an invalid one exits 1 with an invalid JSON report. Used on every artefact, here
# (check.sh) and on each platform in the workflows.
#
#   scripts/release/smoke.sh COMMAND…        e.g. smoke.sh dist/conforme-0.1.0-…/conforme
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$repo/Cargo.toml")
valid="$repo/fixtures/tableschema/valid-basic"
invalid="$repo/fixtures/tableschema/every-cell-error"
fail() { echo "smoke: $*" >&2; exit 1; }

"$@" --version | grep -q "$version" || fail "$* --version does not say $version"
"$@" validate "$valid/data.csv" --schema "$valid/schema.json" >/dev/null || fail "$* rejects $valid"
status=0
report=$("$@" validate "$invalid/data.csv" --schema "$invalid/schema.json" --format json) || status=$?
[ "$status" = 1 ] || fail "$* exits $status on $invalid (expected 1)"
grep -q '"valid": *false' <<<"$report" || fail "$* gives no invalid report"
echo "   smoke: $* ($version): --version, valid 0, invalid 1"
