#!/usr/bin/env bash
# Prints the top entry of CHANGELOG.md (without its heading): the GitHub release's notes.
set -euo pipefail
cd "$(dirname "$0")/../.."
awk '/^## \[/ { if (seen) exit; seen = 1; next } seen' CHANGELOG.md
