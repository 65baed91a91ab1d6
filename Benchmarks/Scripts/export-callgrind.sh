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
. "$(dirname "$0")/callgrind-common.sh"
callgrind_arguments "$@"; shift 3
# The public `MemoryExport.run(_:format:languages:to:tool:formulaGuard:xliffVersion:)`, mangled.
EXPORT='$s13VerbaleMemory0B6ExportO3run_6format9languages2to4tool12formulaGuard12xliffVersionAC7SummaryVAA011TranslationB0_p_0A7Formats0B6FormatOSay0A4Core11LanguageTagVGSgAN8ByteSinkCSSSbAN12XLIFFVersionOtKFZ'
callgrind_run "$EXPORT" "$@"
mv "$OUT"/memory/verbale-bench-memory-*/export.tmx "$OUT/export.tmx" 2>/dev/null
rm -rf "$OUT/memory"
callgrind_top 'MemoryExport.run\(.*\) \[|UnitReader.forEach\(.*\) \[|TMXWriter.write\(.*\) \[|MetadataCoding.decode|sqlite3_step \[|JSONDecoder|appendEscaped\(.*\) \[|CompactDate.format|swift_retain \[|swift_release \[|malloc \[|free \['
callgrind_counts
grep -o '"benchmark":"memory-export"[^}]*' "$OUT/bench.jsonl" | grep -o '"units":[0-9]*'
