#!/usr/bin/env bash
# Benchmarks conforme against the bare `csv` parse (and frictionless-py when installed) on
# generated IRVE-like files. Prints one table of figures measured side by side in this run.
#
#   scripts/bench.sh [ROWS ...]       default: 100000 1000000
#
# Figures: median wall time of 3 runs, CPU time (user+sys), throughput, CPU ratio to the
# bare parse, peak RSS. On a shared machine, compare ratios within one run only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=("$@")
[ ${#ROWS[@]} -gt 0 ] || ROWS=(100000 1000000)
SCHEMA=schemas/bench/irve-like.json
OUT=target/bench
mkdir -p "$OUT"
cargo build --release --quiet -p conforme-cli -p conforme --bins --example bare_parse
BIN=target/release/conforme
BARE=target/release/examples/bare_parse
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }

# median of 3 runs: prints "wall cpu rss_kb"
measure() {
    local runs=()
    for _ in 1 2 3; do
        "$TIME" -f "%e %U %S %M" -o "$OUT/time.txt" "$@" >/dev/null 2>"$OUT/stderr.txt" || true
        read -r wall user sys rss < <(tail -n 1 "$OUT/time.txt")
        runs+=("$wall $(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}') $rss")
    done
    printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p
}

printf '\n| file | case | wall s | CPU s | MB/s (wall) | CPU vs bare parse | peak RSS MB |\n|---|---|---|---|---|---|---|\n'
for rows in "${ROWS[@]}"; do
    valid="$OUT/irve-like-$rows.csv"
    heavy="$OUT/irve-like-$rows-10pc-errors.csv"
    [ -s "$valid" ] || "$BIN" generate --schema "$SCHEMA" --rows "$rows" --seed 1 -o "$valid"
    [ -s "$heavy" ] || "$BIN" generate --schema "$SCHEMA" --rows "$rows" --seed 2 --error-rate 0.1 -o "$heavy" --errors-log "$heavy.log"
    mb=$(stat -c %s "$valid" | awk '{printf "%.1f", $1/1e6}')
    read -r _ bare_cpu _ <<< "$(measure "$BARE" "$valid")"
    row() { # label file command...
        local label=$1 file=$2; shift 2
        local size; size=$(stat -c %s "$file")
        read -r wall cpu rss <<< "$(measure "$@")"
        printf '| %s rows (%s MB) | %s | %s | %s | %s | %s | %s |\n' "$rows" "$mb" "$label" "$wall" "$cpu" \
            "$(awk -v s="$size" -v w="$wall" 'BEGIN{printf "%.0f", s/1e6/w}')" \
            "$(awk -v c="$cpu" -v b="$bare_cpu" 'BEGIN{printf "%.2f×", c/b}')" \
            "$(awk -v r="$rss" 'BEGIN{printf "%.0f", r/1024}')"
    }
    row "bare csv parse" "$valid" "$BARE" "$valid"
    row "conforme, 1 thread" "$valid" "$BIN" validate "$valid" --schema "$SCHEMA" --threads 1 --format json
    row "conforme, 2 threads" "$valid" "$BIN" validate "$valid" --schema "$SCHEMA" --threads 2 --format json
    row "conforme, 10 % invalid rows, 1 thread" "$heavy" "$BIN" validate "$heavy" --schema "$SCHEMA" --threads 1 --format json
    row "conforme, 10 % invalid rows, --max-errors 1000" "$heavy" "$BIN" validate "$heavy" --schema "$SCHEMA" --max-errors 1000 --format json
    if command -v frictionless >/dev/null && [ "$rows" -le 100000 ]; then
        row "frictionless-py validate" "$valid" frictionless validate --schema "$SCHEMA" "$valid" --json
    fi
done
tiny="$OUT/tiny.csv"
"$BIN" generate --schema "$SCHEMA" --rows 3 -o "$tiny"
read -r wall _ rss <<< "$(measure "$BIN" validate "$tiny" --schema "$SCHEMA")"
printf '\nstart-up on a 3-row file (schema compile included): %s s wall, %s MB peak RSS\n' "$wall" "$(awk -v r="$rss" 'BEGIN{printf "%.0f", r/1024}')"
