#!/usr/bin/env bash
# The pre-commit hook as users get it: `pre-commit try-repo` on this repository (uncommitted
# changes included), in a new git repository of data files, with pip limited to WHEELHOUSE
# (the conforme wheel just built and setuptools: the root pyproject.toml pins
# conforme-data==VERSION, and no other package of that name must be picked up).
#
#   scripts/release/test-hook.sh PRE_COMMIT WHEELHOUSE
set -euo pipefail
pre_commit=$1
wheelhouse=$(cd "$2" && pwd)
repo=$(cd "$(dirname "$0")/../.." && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" PIP_NO_INDEX=1 PIP_FIND_LINKS="$wheelhouse"
export PIP_DISABLE_PIP_VERSION_CHECK=1
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid

data="$work/data"
mkdir -p "$data/schemas" "$data/data"
cd "$data"
git init -q
printf '{"fields": [{"name": "n", "type": "integer"}]}\n' >schemas/table.json
printf 'n\n1\n2\n' >data/good.csv
printf 'n\n1\nx\n' >data/bad.csv
printf 'anything,at all\n' >notes.csv
printf '[schemas]\n"data/*.csv" = "schemas/table.json"\n' >conforme.toml
git add -A

fail() { echo "test-hook: $*" >&2; exit 1; }
try() { "$pre_commit" try-repo "$repo" conforme --color never "$@" >"$work/out" 2>&1; }

# Every file: bad.csv fails with the command's report, the others are not validated.
if try --all-files; then cat "$work/out"; fail "an invalid file passed"; fi
grep -q "data/bad.csv does not pass\|data/bad.csv n'est pas conforme" "$work/out" || { cat "$work/out"; fail "no verdict for bad.csv"; }
grep -q 'type-error\|integer' "$work/out" || { cat "$work/out"; fail "no report for bad.csv"; }
if grep -q "notes.csv does not pass\|notes.csv n'est pas conforme" "$work/out"; then fail "notes.csv has no rule"; fi
echo "  try-repo --all-files: fails on data/bad.csv"

# Only the valid file given: passes.
try --files data/good.csv notes.csv || { cat "$work/out"; fail "valid files failed"; }
grep -q '^conforme\.*Passed' "$work/out" || { cat "$work/out"; fail "no Passed line"; }
echo "  try-repo --files data/good.csv notes.csv: passes"

# Fixed and staged: the whole repository passes.
printf 'n\n1\n3\n' >data/bad.csv
git add -A
try --all-files || { cat "$work/out"; fail "the fixed repository failed"; }
echo "  try-repo --all-files after the fix: passes"
