#!/usr/bin/env bash
# Benchmarks conforme against the bare `csv` parse (and frictionless-py when installed) on
# generated IRVE-like files. Prints one table of figures measured side by side in this run.
#
#   scripts/bench.sh [ROWS ...]       default: 100000 1000000
#   RUNS=7 scripts/bench.sh 1000000   more pairs (default 5)
#
# Each comparison runs its two commands in turn, A B A B ... (RUNS pairs), and quotes the
# median of the per-pair ratios: on a shared machine whose speed drifts, a ratio taken
# within a pair holds where ratios of separately measured medians do not. Times are whole
# process (/usr/bin/time): wall, CPU (user + sys) and peak RSS, medians over the runs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=("$@")
[ ${#ROWS[@]} -gt 0 ] || ROWS=(100000 1000000)
RUNS=${RUNS:-5}
SCHEMA=schemas/bench/irve-like.json
OUT=target/bench
mkdir -p "$OUT"
cargo build --release --quiet -p conforme-cli -p conforme --bins --example bare_parse --example thread_cpu
BIN=target/release/conforme
BARE=target/release/examples/bare_parse
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }

# One run: prints "wall cpu rss_kb".
run_once() {
    "$TIME" -f "%e %U %S %M" -o "$OUT/time.txt" "$@" >/dev/null 2>"$OUT/stderr.txt" || true
    awk 'END { printf "%s %.3f %s\n", $1, $2 + $3, $4 }' "$OUT/time.txt"
}

# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# pair "A command" "B command": runs A and B in turn RUNS times; sets A_WALL A_CPU A_RSS
# (medians of A), CPU_RATIO and WALL_RATIO (medians of the per-pair A/B ratios).
pair() {
    local a=$1 b=$2 runs=() i
    for ((i = 0; i < RUNS; i++)); do
        # shellcheck disable=SC2086 # commands are word lists
        runs+=("$(run_once $a) $(run_once $b)")
    done
    A_WALL=$(printf '%s\n' "${runs[@]}" | awk '{ print $1 }' | median)
    A_CPU=$(printf '%s\n' "${runs[@]}" | awk '{ print $2 }' | median)
    A_RSS=$(printf '%s\n' "${runs[@]}" | awk '{ print $3 }' | median)
    CPU_RATIO=$(printf '%s\n' "${runs[@]}" | awk '{ print ($5 > 0) ? $2 / $5 : 0 }' | median)
    WALL_RATIO=$(printf '%s\n' "${runs[@]}" | awk '{ print ($4 > 0) ? $1 / $4 : 0 }' | median)
}

mbps() { awk -v s="$1" -v w="$2" 'BEGIN { printf "%.0f", (w > 0) ? s / 1e6 / w : 0 }'; }
mb() { awk -v r="$1" 'BEGIN { printf "%.0f", r / 1024 }'; }
ratio() { awk -v r="$1" 'BEGIN { printf "%.2f×", r }'; }

SHARES=()
printf '\n%s pairs per comparison; ratios are medians of per-pair ratios.\n' "$RUNS"
printf '\n| file | case | wall s | CPU s | MB/s (wall) | compared with | CPU ratio | wall ratio | peak RSS MB |\n'
printf '|---|---|---|---|---|---|---|---|---|\n'
for rows in "${ROWS[@]}"; do
    valid="$OUT/irve-like-$rows.csv"
    heavy="$OUT/irve-like-$rows-10pc-errors.csv"
    [ -s "$valid" ] || "$BIN" generate --schema "$SCHEMA" --rows "$rows" --seed 1 -o "$valid"
    [ -s "$heavy" ] || "$BIN" generate --schema "$SCHEMA" --rows "$rows" --seed 2 --error-rate 0.1 -o "$heavy" --errors-log "$heavy.log"
    size=$(stat -c %s "$valid")
    label="$rows rows ($(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1e6 }') MB)"
    bare="$BARE $valid"
    one="$BIN validate $valid --schema $SCHEMA --threads 1 --format json"
    two="$BIN validate $valid --schema $SCHEMA --threads 2 --format json"
    line() { # case, compared-with, file size
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$1" "$A_WALL" "$A_CPU" \
            "$(mbps "$3" "$A_WALL")" "$2" "$(ratio "$CPU_RATIO")" "$(ratio "$WALL_RATIO")" "$(mb "$A_RSS")"
    }
    pair "$bare" "$bare"
    line "bare csv parse" "itself" "$size"
    pair "$one" "$bare"
    line "conforme, 1 thread" "bare parse" "$size"
    pair "$two" "$one"
    line "conforme, 2 threads" "1 thread" "$size"
    pair "$BIN validate $heavy --schema $SCHEMA --threads 1 --format json" "$one"
    line "conforme, 10 % invalid rows, 1 thread" "valid file, 1 thread" "$(stat -c %s "$heavy")"
    pair "$BIN validate $heavy --schema $SCHEMA --max-errors 1000 --format json" "$one"
    line "conforme, 10 % invalid rows, --max-errors 1000" "valid file, 1 thread" "$(stat -c %s "$heavy")"
    # Errors streamed as found (jsonl) against kept for one JSON report: peak RSS.
    pair "$BIN validate $heavy --schema $SCHEMA --threads 2 --format jsonl" "$BIN validate $heavy --schema $SCHEMA --threads 2 --format json"
    line "conforme, 10 % invalid rows, --format jsonl (streamed)" "--format json (kept)" "$(stat -c %s "$heavy")"
    SHARES+=("$valid" "$heavy")
    if command -v frictionless >/dev/null && [ "$rows" -le 100000 ]; then
        pair "frictionless validate --schema $SCHEMA $valid --json" "$one"
        line "frictionless-py validate" "conforme, 1 thread" "$size"
    fi
done
tiny="$OUT/tiny.csv"
"$BIN" generate --schema "$SCHEMA" --rows 3 -o "$tiny"
pair "$BIN validate $tiny --schema $SCHEMA" "$BIN validate $tiny --schema $SCHEMA"
printf '\nstart-up on a 3-row file (schema compile included): %s s wall, %s MB peak RSS\n' "$A_WALL" "$(mb "$A_RSS")"

# The serial share: CPU time of the coordinating threads (reading and cutting chunks, the
# ordered merge) against the workers', per thread from /proc (2 threads; medians of RUNS).
printf '\n| file | serial share | validation CPU per coordinating CPU | speed-up bound |\n|---|---|---|---|\n'
for file in "${SHARES[@]}"; do
    shares=()
    for ((i = 0; i < RUNS; i++)); do
        shares+=("$(target/release/examples/thread_cpu "$SCHEMA" "$file" 2 |
            python3 -c 'import json, sys; r = json.load(sys.stdin); print(r["serial_share"], r["check_per_coordinating"], r["speedup_bound"])')")
    done
    printf '| %s | %s | %s | %s |\n' "$(basename "$file")" \
        "$(printf '%s\n' "${shares[@]}" | awk '{ print $1 * 100 }' | median | awk '{ printf "%.1f %%", $1 }')" \
        "$(printf '%s\n' "${shares[@]}" | awk '{ print $2 }' | median | awk '{ printf "%.1f×", $1 }')" \
        "$(printf '%s\n' "${shares[@]}" | awk '{ print $3 }' | median | awk '{ printf "%.1f×", $1 }')"
done
