#!/usr/bin/env bash
# Builds the user guide's site (docs/, with the guide in docs/guide/fr and docs/guide/en) into
# target/guide/site with `mkdocs build --strict`: a broken link, a missing anchor or a page
# left out of the navigation fails the build.
#
# Why MkDocs: it installs from PyPI in seconds into a virtualenv under target/ (pinned
# below). mdBook would need a `cargo install` of several minutes on a cold machine, which
# the CI time budget of `scripts/test.sh` cannot afford.
set -euo pipefail
cd "$(dirname "$0")/../.."

GUIDE_VENV=target/venv-guide
GUIDE_TOOLS=(mkdocs==1.6.1)
if [ ! -x "$GUIDE_VENV/bin/python" ]; then
    python3 -m venv "$GUIDE_VENV"
fi
"$GUIDE_VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${GUIDE_TOOLS[@]}"
(cd scripts/guide && "../../$GUIDE_VENV/bin/python" -m mkdocs build --strict --quiet)
echo "guide: target/guide/site/index.html"
