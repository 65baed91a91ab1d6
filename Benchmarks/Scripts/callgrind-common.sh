# Sourced by import-callgrind.sh and export-callgrind.sh: what the two share — the arguments, the
# load line, one `verbale-bench memory` run under callgrind counting one function, and the
# summary of callgrind's file — so a change to how the bench is run is made once.
#
# After sourcing: `callgrind_arguments "$@"; shift 3` sets BENCH, TMX and OUT (exit 2 with the
# usage when fewer than three are given); `callgrind_run FUNCTION [options]` counts FUNCTION
# (mangled) over the bench's run, keeping the memory in OUT/memory; `callgrind_top PATTERN`
# prints the total and the inclusive costs of the functions PATTERN names; `callgrind_counts`
# prints the bench's units read and added and the personal data found, on one line.

callgrind_arguments() {
    if [ $# -lt 3 ]; then echo "usage: $0 BENCH TMX OUT [options]" >&2; exit 2; fi
    BENCH=$1; TMX=$2; OUT=$3
    mkdir -p "$OUT"
}

callgrind_run() {
    local function=$1; shift
    echo "load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S)" | tee "$OUT/log"
    nice -n 5 valgrind --tool=callgrind --collect-atstart=no "--toggle-collect=$function" --callgrind-out-file="$OUT/callgrind.out" \
        "$BENCH" memory --tmx "$TMX" --threads 0 --skip-baseline --skip-breakdown --queries 0 --keep "$OUT/memory" "$@" \
        > "$OUT/bench.jsonl" 2>>"$OUT/log"
}

callgrind_top() {
    local demangle
    demangle=$(command -v swift-demangle || echo cat)
    callgrind_annotate --inclusive=yes "$OUT/callgrind.out" 2>/dev/null | $demangle --simplified \
        | grep -E "PROGRAM TOTALS|$1" \
        | cut -c1-160
}

callgrind_counts() {
    grep -o '"units_read":[0-9]*\|"units_added":[0-9]*\|"personal_data":[0-9]*' "$OUT/bench.jsonl" | head -3 | tr '\n' ' '
}
