#!/usr/bin/env bash
# Builds the static x86_64 musl command on a Debian machine without rustup's musl target
# (this workplace cannot `rustup target add`): Debian's rustc-web ships std's sources, so
# cargo rebuilds std for x86_64-unknown-linux-musl with -Zbuild-std, links with musl-gcc
# (musl-tools) against musl's libc.a, and takes LLVM's libunwind (libunwind-<LLVM>-dev) for
# std's unwinder. The GitHub workflow uses rustup's musl target instead (build-binary.sh).
#
#   scripts/release/build-musl.sh      → dist/conforme-VERSION-x86_64-unknown-linux-musl.tar.gz
# shellcheck source=scripts/release/common.sh
source "$(dirname "$0")/common.sh"

target=x86_64-unknown-linux-musl
# rustc-web and its std sources come with scripts/setup-wasm.sh's packages.
need=(rustc-web cargo-web rust-web-src musl-tools)
missing=()
for pkg in "${need[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
llvm_major=$(/usr/bin/rustc -vV 2>/dev/null | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p' || true)
if [ -n "$llvm_major" ]; then
    dpkg-query -W -f='${Status}' "libunwind-$llvm_major-dev" 2>/dev/null | grep -q 'install ok installed' ||
        missing+=("libunwind-$llvm_major-dev")
fi
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    log "apt-get install ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    llvm_major=$(/usr/bin/rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')
    dpkg-query -W -f='${Status}' "libunwind-$llvm_major-dev" 2>/dev/null | grep -q 'install ok installed' ||
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
            "libunwind-$llvm_major-dev" >/dev/null
fi

# Only libunwind.a on the search path (the LLVM folder holds other libraries too).
native="$repo/target/musl/native"
mkdir -p "$native"
cp "/usr/lib/llvm-$llvm_major/lib/libunwind.a" "$native/libunwind.a"
# Debian builds libunwind with _FORTIFY_SOURCE, so it calls glibc's checked __fprintf_chk
# (only on its debug-log paths), which musl lacks: this one forwards to vfprintf. Any other
# fortified symbol would fail the link, naming itself.
cat >"$native/fortify.c" <<'C'
#include <stdarg.h>
#include <stdio.h>
int __fprintf_chk(FILE *stream, int flag, const char *format, ...) {
    (void)flag;
    va_list args;
    va_start(args, format);
    int written = vfprintf(stream, format, args);
    va_end(args);
    return written;
}
C
musl-gcc -O2 -c "$native/fortify.c" -o "$native/fortify.o"
ar rcs "$native/libunwind.a" "$native/fortify.o"  # linked wherever libunwind is

export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 RUSTUP_TOOLCHAIN=
export CARGO_TARGET_DIR="$repo/target/musl"
export CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_LINKER=musl-gcc
export CC_x86_64_unknown_linux_musl=musl-gcc
# No self-contained crt objects in rustc-web: musl-gcc brings musl's own. Not position
# independent: rustc would ask for -static-pie, which musl-gcc's specs do not know (they add
# the dynamic loader unless -static), giving a dynamically linked binary.
export CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_RUSTFLAGS="-C link-self-contained=no -C target-feature=+crt-static -C relocation-model=static -L native=$native"
CARGO_BUILD="/usr/bin/cargo build" CARGO_BUILD_FLAGS="-Zbuild-std=std,panic_abort" \
    scripts/release/build-binary.sh "$target"
