#!/usr/bin/env bash
# The whole test suite, with everything it needs installed on a fresh machine.
#
#   scripts/test.sh            every part
#   scripts/test.sh rust       one part (several may be given: rust python …)
#
# Parts: rust (fmt, clippy, unit, fixture, corpus and CLI tests);
#        python (builds the wheel with maturin in a virtualenv, pip-installs it, runs pytest);
#        reports (the HTML report opened in headless Chromium: screenshot under
#        target/reports/, text content checked);
#        wasm (WebAssembly build, wasm-bindgen-test in Node, node --test of the JS package);
#        browser (the validation page in headless Chromium via playwright-core);
#        referentials (the embedded French lists regenerate identically from the pinned
#        frformat wheel, and conforme's verdicts equal frformat's on a few thousand values);
#        guide (the user guide under docs/: the site built by scripts/guide/build.sh with a
#        pinned mkdocs in target/venv-guide and `mkdocs build --strict`; then every runnable
#        example of its pages run by scripts/guide/test_examples.py against target/debug/conforme
#        and the wheel installed in the python part's virtualenv, outputs compared with the pages);
#        release (scripts/release/check.sh: every artefact this machine can build — crates,
#        manylinux wheel + auditwheel, sdist, standalone and static musl commands, npm
#        tarball — installed in a clean place and run, plus the pre-commit hook through
#        `pre-commit try-repo` and the action's entry). `release` is not part of the default
#        run (too long for CI's time budget): .github/workflows/ci.yml runs it as its own job.
set -euo pipefail
cd "$(dirname "$0")/.."

ALL_PARTS=(rust python reports wasm browser referentials guide)
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

# The referential lists and checks against their source: frformat, installed from PyPI in
# throw-away (generate) and kept (differential) virtualenvs under target/.
part_referentials() {
    step "referentials: the generator reproduces core/data/referentials/"
    python3 scripts/referentials/generate.py --check
    step "referentials: differential test against frformat"
    scripts/referentials/differential.sh
}

# The Python package: a fresh virtualenv gets pinned tools, the wheel is built by maturin
# and installed from its file (as users get it), then pytest runs. The wheel is built with
# the dev profile: it reuses the rust part's build and the tests check behaviour, not speed.
PYTHON_VENV=target/venv-test
PYTHON_TOOLS=(maturin==1.16.0 pytest==9.2.0 mypy==2.4.1 pandas==3.1.1 polars==2.1.0
    dask==2026.8.0 distributed==2026.8.0)  # dask: conforme-data[dask] (conforme.distributed)

# Installs the wheel just built into target/wheels-test (PyPI project conforme-data, so
# conforme_data-*.whl) in the virtualenv, after removing the `conforme` distribution a run
# before the project's rename left there (the same files under the former name).
install_test_wheel() {
    local py="$PYTHON_VENV/bin/python"
    if "$py" -m pip show --quiet conforme >/dev/null 2>&1; then
        "$py" -m pip uninstall --quiet --disable-pip-version-check -y conforme
    fi
    "$py" -m pip install --quiet --disable-pip-version-check \
        --force-reinstall --no-deps target/wheels-test/conforme_data-*.whl
}

part_python() {
    step "python: virtualenv and tools ($PYTHON_VENV)"
    if [ ! -x "$PYTHON_VENV/bin/python" ]; then
        python3 -m venv "$PYTHON_VENV"
    fi
    "$PYTHON_VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${PYTHON_TOOLS[@]}"
    step "python: clippy (binding crate)"
    cargo clippy --locked -p conforme-python --all-targets -- -D warnings
    step "python: build the wheel"
    rm -rf target/wheels-test
    (cd bindings-python && "../$PYTHON_VENV/bin/maturin" build --locked --out ../target/wheels-test)
    step "python: install the wheel file"
    install_test_wheel
    step "python: pytest"
    (cd bindings-python && "../$PYTHON_VENV/bin/python" -m pytest -p no:cacheprovider tests)
}

# The user guide: its site builds without a broken link, and its examples still print what
# the pages show. The Python examples need the wheel: the python part's virtualenv and tools
# are reused (created when missing) and the wheel is rebuilt into the same place — a no-op
# for cargo when the python part or an earlier run already built it from these sources, so
# the examples never run against a stale wheel.
part_guide() {
    step "guide: site (scripts/guide/build.sh: mkdocs build --strict)"
    scripts/guide/build.sh
    step "guide: the command, node (syntax of the JavaScript examples) and the wheel the examples run"
    if ! command -v node >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null
    fi
    cargo build --locked --quiet -p conforme-cli
    if [ ! -x "$PYTHON_VENV/bin/python" ]; then
        python3 -m venv "$PYTHON_VENV"
    fi
    "$PYTHON_VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${PYTHON_TOOLS[@]}"
    rm -rf target/wheels-test
    (cd bindings-python && "../$PYTHON_VENV/bin/maturin" build --locked --quiet --out ../target/wheels-test)
    install_test_wheel
    step "guide: examples (scripts/guide/test_examples.py)"
    "$PYTHON_VENV/bin/python" scripts/guide/test_examples.py --conforme target/debug/conforme \
        --python "$PYTHON_VENV/bin/python"
}

# The HTML page rendered by a real browser: Debian's chromium (installed when missing),
# driven by its own --headless flags (--screenshot, --dump-dom): no npm needed.
part_reports() {
    step "reports: chromium"
    if ! command -v chromium >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
    step "reports: HTML page in headless Chromium"
    cargo build --locked --quiet -p conforme-cli
    local out=target/reports
    mkdir -p "$out"
    local cases=("fixtures/reports/every-kind")
    local corpus=../shared/corpus/CEREMA__schema-arrete-circulation-marchandises__0.9.2__donnees-antibes-mr
    if [ -d "$corpus" ]; then cases+=("$corpus"); fi
    for case in "${cases[@]}"; do
        local name lang
        name=$(basename "$case")
        for lang in fr en; do
            local page="$PWD/$out/$name.$lang.html"
            set +e
            target/debug/conforme validate "$case/data.csv" --schema "$case/schema.json" \
                --format html --lang "$lang" --profile strict >"$page"
            local status=$?
            set -e
            [ "$status" -le 1 ] || { echo "conforme failed on $case ($status)" >&2; exit 1; }
            local chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars
                --disable-background-networking --disable-component-update --disable-sync
                --user-data-dir="$PWD/$out/chromium-profile"
                --no-first-run --disable-dev-shm-usage)
            "${chrome[@]}" --window-size=1280,2400 --screenshot="$PWD/$out/$name.$lang.png" \
                "file://$page" >/dev/null 2>&1
            [ -s "$out/$name.$lang.png" ] || { echo "no screenshot for $page" >&2; exit 1; }
            "${chrome[@]}" --dump-dom "file://$page" 2>/dev/null >"$out/$name.$lang.dom.html"
            # The page as the browser parsed it: verdict, summary, chart, highlighted cells.
            python3 scripts/check_html_report.py "$out/$name.$lang.dom.html" "$lang"
            echo "  $name ($lang): $out/$name.$lang.png"
        done
    done
}

# Runs a command and prints how long it took (cold-start times of the wasm parts).
timed() {
    local started=$SECONDS
    "$@"
    printf '   (%ss: %s)\n' "$((SECONDS - started))" "$*"
}

part_wasm() {
    step "wasm: toolchain (Debian rustc-web + build-std, wasm-bindgen CLI, npm tools)"
    timed scripts/setup-wasm.sh
    step "wasm: build bindings-wasm/js/pkg"
    timed scripts/build-wasm.sh
    step "wasm: Rust exports under wasm-bindgen-test (Node)"
    # shellcheck source=/dev/null
    (source target/wasm-tools/env.sh &&
        timed wasm_cargo test --locked --profile wasm --target wasm32-unknown-unknown \
            -Zbuild-std=std,panic_abort -p conforme-wasm --test exports)
    step "wasm: option parsing and doc tests (native)"
    cargo test --locked --quiet -p conforme-wasm
    step "wasm: JavaScript package (node --test; compared with the command's reports)"
    cargo build --locked --quiet -p conforme-cli
    (cd bindings-wasm/js && CONFORME_BIN="$PWD/../../target/debug/conforme" timed node --test test/)
}

part_browser() {
    step "browser: toolchain and headless Chromium"
    timed scripts/setup-wasm.sh browser
    timed scripts/build-wasm.sh
    step "browser: the validation page in Chromium (screenshot in target/browser/)"
    (cd bindings-wasm/js && timed node --test browser-test/)
}

part_release() {
    step "release: build, install and run every artefact (scripts/release/check.sh)"
    timed scripts/release/check.sh
}

for part in "${parts[@]}"; do
    case "$part" in
        rust) part_rust ;;
        python) part_python ;;
        reports) part_reports ;;
        wasm) part_wasm ;;
        browser) part_browser ;;
        referentials) part_referentials ;;
        guide) part_guide ;;
        release) part_release ;;
        *) echo "unknown part: $part (known: ${ALL_PARTS[*]} release)" >&2; exit 2 ;;
    esac
done
step "all requested parts passed: ${parts[*]}"
