#!/usr/bin/env bash
# The whole test suite, with everything it needs installed on a fresh machine.
#
#   scripts/test.sh            every part
#   scripts/test.sh rust       one part (several may be given: rust python …)
#
# Parts: rust (fmt, clippy, unit, fixture, corpus and CLI tests); reports (the HTML report
# opened in headless Chromium: screenshot under target/reports/, text content checked).
set -euo pipefail
cd "$(dirname "$0")/.."

ALL_PARTS=(rust reports)
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
                --format html --lang "$lang" >"$page"
            local status=$?
            set -e
            [ "$status" -le 1 ] || { echo "conforme failed on $case ($status)" >&2; exit 1; }
            local chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars
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

for part in "${parts[@]}"; do
    case "$part" in
        rust) part_rust ;;
        reports) part_reports ;;
        *) echo "unknown part: $part (known: ${ALL_PARTS[*]})" >&2; exit 2 ;;
    esac
done
step "all requested parts passed: ${parts[*]}"
