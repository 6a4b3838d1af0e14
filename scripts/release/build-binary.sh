#!/usr/bin/env bash
# Builds the standalone `conforme` command for one target and archives it in dist/:
#
#   scripts/release/build-binary.sh [TARGET]      (default: this machine's)
#
# dist/conforme-VERSION-TARGET.tar.gz (.zip for Windows) holds the binary, README, CHANGELOG
# and both licences. The toolchain must already have the target (the workflow installs it).
# CARGO_BUILD (default `cargo build`; `cargo zigbuild` cross-links with zig) and
# CARGO_BUILD_FLAGS (e.g. -Zbuild-std for scripts/release/build-musl.sh) change the build.
# shellcheck source=scripts/release/common.sh
source "$(dirname "$0")/common.sh"

target=${1:-$(host_target)}
profile=${CONFORME_PROFILE:-release}
log "conforme $VERSION for $target (profile $profile)"
# The host's own build goes to target/<profile> (shared with `cargo build --release`); any
# other target's to target/<target>/<profile>.
target_flag=(--target "$target")
out="${CARGO_TARGET_DIR:-target}/$target"
if [ "$target" = "$(host_target)" ] && [ -z "${CARGO_BUILD:-}" ]; then
    target_flag=()
    out="${CARGO_TARGET_DIR:-target}"
fi
# shellcheck disable=SC2086
${CARGO_BUILD:-cargo build} --locked --profile "$profile" -p conforme-cli "${target_flag[@]}" \
    ${CARGO_BUILD_FLAGS:-}

dir=$profile
[ "$profile" = dev ] && dir=debug
exe=conforme
case "$target" in *windows*) exe=conforme.exe ;; esac
binary="$out/$dir/$exe"
[ -x "$binary" ] || { log "no binary at $binary"; exit 1; }

name="conforme-$VERSION-$target"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
cp "$binary" README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE "$stage/$name/"
# The release profile keeps debug line tables (profiling); users get the binary without them
# (Windows keeps them in a .pdb beside, not shipped). Each runner's strip reads its own
# binaries (the aarch64 ones are built on aarch64 runners).
case "$target" in
    *windows*) ;;
    *) if command -v strip >/dev/null 2>&1; then strip "$stage/$name/$exe"; fi ;;
esac
case "$target" in
    *windows*)
        rm -f "$DIST/$name.zip"
        if command -v 7z >/dev/null 2>&1; then
            (cd "$stage" && 7z a -bso0 "$DIST/$name.zip" "$name")
        else
            (cd "$stage" && python3 -m zipfile -c "$DIST/$name.zip" "$name")
        fi
        log "$DIST/$name.zip"
        ;;
    *)
        tar -C "$stage" -czf "$DIST/$name.tar.gz" "$name"
        log "$DIST/$name.tar.gz"
        ;;
esac
