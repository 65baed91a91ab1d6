#!/bin/bash
# Instructions executed by one import (`SQLiteMemory.importUnits`), counted by callgrind: the
# deterministic figure for comparing two builds on a machine whose timings measure its load.
# One thread (`--threads 0`), so the count does not depend on scheduling; only the import is
# counted (`--toggle-collect`), not the benchmark's own set-up, export or queries.
#
#   Benchmarks/Scripts/import-callgrind.sh BENCH TMX OUT [more verbale-bench memory options]
#   e.g. … /tmp/base-bench slice-20k.tmx /tmp/cg-base
#        … /tmp/new-bench slice-10k.tmx /tmp/cg-new-store --indexes none --no-privacy   (the "store only" stage)
#
# Prints the import's total and its largest inclusive costs; OUT keeps callgrind's file
# (`callgrind_annotate --inclusive=yes OUT/callgrind.out | swift-demangle --simplified` for more).
# A 20,000-unit TMX takes a few minutes under callgrind (about 50× a normal run).
set -u
if [ $# -lt 3 ]; then echo "usage: $0 BENCH TMX OUT [options]" >&2; exit 2; fi
BENCH=$1; TMX=$2; OUT=$3; shift 3
mkdir -p "$OUT"
# The public `SQLiteMemory.importUnits(from:options:progress:)`, mangled.
IMPORT='$s13VerbaleMemory06SQLiteB0C11importUnits4from7options8progressAA13ImportSummaryVSayAA10UnitSource_pG_AA0I7OptionsVys5Int64V_AOSgtYbcSgtKF'
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S)" | tee "$OUT/log"
nice -n 5 valgrind --tool=callgrind --collect-atstart=no "--toggle-collect=$IMPORT" --callgrind-out-file="$OUT/callgrind.out" \
    "$BENCH" memory --tmx "$TMX" --threads 0 --skip-baseline --skip-breakdown --queries 0 --keep "$OUT/memory" "$@" \
    > "$OUT/bench.jsonl" 2>>"$OUT/log"
rm -rf "$OUT/memory"
DEMANGLE=$(command -v swift-demangle || echo cat)
callgrind_annotate --inclusive=yes "$OUT/callgrind.out" 2>/dev/null | $DEMANGLE --simplified \
    | grep -E "PROGRAM TOTALS|importUnits\(from:options:progress:\) \[|ImportPipeline.analyse\(_:worker:\) \[|scrubTexts\(_:file:position:\) \[|scrubFreeText\(.*\) \[|spans\(in:filtered:\) \[|\?\?\?:NSRegularExpression.matches|FuzzyMatchIndex.Analyser.appendRows\(for:to:\) \[|ConcordanceIndex.Analyser.appendRows\(for:to:\) \[|FormatUnitSource.next\(\) \[|UnitWriter.store\(_:keys:\) \[" \
    | cut -c1-160
grep -o '"units_read":[0-9]*\|"units_added":[0-9]*\|"personal_data":[0-9]*' "$OUT/bench.jsonl" | head -3 | tr '\n' ' '; echo
