#!/bin/bash
# Instructions executed by one export to TMX (`MemoryExport.run`), counted by callgrind: the
# deterministic figure for comparing two builds' export on a machine whose timings measure its
# load. The memory is made by the same `verbale-bench memory` run (import on one thread,
# `--threads 0`, defaults of `verbale import`: privacy pass, both indexes), but only the export
# that follows it is counted (`--toggle-collect`), not the import, set-up or queries.
#
#   Benchmarks/Scripts/export-callgrind.sh BENCH TMX OUT [more verbale-bench memory options]
#   e.g. … /tmp/base-bench /tmp/formats/slice-20k.tmx /tmp/cg-export-base
#
# Prints the export's total and its largest inclusive costs; OUT keeps callgrind's file
# (`callgrind_annotate --inclusive=yes OUT/callgrind.out | swift demangle --simplified` for
# more) and the exported TMX (`OUT/export.tmx`, to compare two builds' bytes: only the header's
# `creationdate` differs). The import under callgrind takes a few minutes for 20,000 units.
set -u
if [ $# -lt 3 ]; then echo "usage: $0 BENCH TMX OUT [options]" >&2; exit 2; fi
BENCH=$1; TMX=$2; OUT=$3; shift 3
mkdir -p "$OUT"
# The public `MemoryExport.run(_:format:languages:to:tool:formulaGuard:xliffVersion:)`, mangled.
EXPORT='$s13VerbaleMemory0B6ExportO3run_6format9languages2to4tool12formulaGuard12xliffVersionAC7SummaryVAA011TranslationB0_p_0A7Formats0B6FormatOSay0A4Core11LanguageTagVGSgAN8ByteSinkCSSSbAN12XLIFFVersionOtKFZ'
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S)" | tee "$OUT/log"
nice -n 5 valgrind --tool=callgrind --collect-atstart=no "--toggle-collect=$EXPORT" --callgrind-out-file="$OUT/callgrind.out" \
    "$BENCH" memory --tmx "$TMX" --threads 0 --skip-baseline --skip-breakdown --queries 0 --keep "$OUT/memory" "$@" \
    > "$OUT/bench.jsonl" 2>>"$OUT/log"
mv "$OUT"/memory/verbale-bench-memory-*/export.tmx "$OUT/export.tmx" 2>/dev/null
rm -rf "$OUT/memory"
DEMANGLE=$(command -v swift-demangle || echo cat)
callgrind_annotate --inclusive=yes "$OUT/callgrind.out" 2>/dev/null | $DEMANGLE --simplified \
    | grep -E "PROGRAM TOTALS|MemoryExport.run\(.*\) \[|UnitReader.forEach\(.*\) \[|TMXWriter.write\(.*\) \[|MetadataCoding.decode|sqlite3_step \[|JSONDecoder|appendEscaped\(.*\) \[|CompactDate.format|swift_retain \[|swift_release \[|malloc \[|free \[" \
    | cut -c1-160
grep -o '"units_read":[0-9]*\|"units_added":[0-9]*\|"personal_data":[0-9]*' "$OUT/bench.jsonl" | head -3 | tr '\n' ' '
grep -o '"benchmark":"memory-export"[^}]*' "$OUT/bench.jsonl" | grep -o '"units":[0-9]*'
