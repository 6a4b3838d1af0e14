#!/usr/bin/env bash
# Installs the npm tarball into a new Node project (as `npm install conforme` would) and
# imports it: one invalid and one valid CSV, and the engine's version.
#
#   scripts/release/smoke-npm.sh dist/conforme-VERSION.tgz
set -euo pipefail
tarball=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
repo=$(cd "$(dirname "$0")/../.." && pwd)
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$repo/Cargo.toml")
app=$(mktemp -d)
trap 'rm -rf "$app"' EXIT
printf '{"name": "smoke", "private": true, "type": "module"}\n' >"$app/package.json"
(cd "$app" && npm install --silent --no-audit --no-fund "$tarball")
cat >"$app/smoke.js" <<JS
import assert from 'node:assert/strict';
import { engineVersion, validate } from 'conforme';
const schema = { fields: [{ name: 'n', type: 'integer' }] };
const report = await validate(new TextEncoder().encode('n\n1\nx\n'), schema);
assert.equal(report.valid, false);
assert.deepEqual(report.errors.map((e) => [e.type, e.row]), [['type-error', 3]]);
assert.equal((await validate(new TextEncoder().encode('n\n1\n'), schema)).valid, true);
assert.equal(await engineVersion(), '$version');
console.log('   smoke: import conforme $version from the installed tarball: invalid and valid reports');
JS
(cd "$app" && node smoke.js)
