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
. "$(dirname "$0")/callgrind-common.sh"
callgrind_arguments "$@"; shift 3
# The public `SQLiteMemory.importUnits(from:options:progress:)`, mangled.
IMPORT='$s13VerbaleMemory06SQLiteB0C11importUnits4from7options8progressAA13ImportSummaryVSayAA10UnitSource_pG_AA0I7OptionsVys5Int64V_AOSgtYbcSgtKF'
callgrind_run "$IMPORT" "$@"
rm -rf "$OUT/memory"
callgrind_top 'importUnits\(from:options:progress:\) \[|ImportPipeline.analyse\(_:worker:\) \[|scrubTexts\(_:file:position:\) \[|scrubFreeText\(.*\) \[|spans\(in:filtered:\) \[|\?\?\?:NSRegularExpression.matches|FuzzyMatchIndex.Analyser.appendRows\(for:to:\) \[|ConcordanceIndex.Analyser.appendRows\(for:to:\) \[|FormatUnitSource.next\(\) \[|UnitWriter.store\(_:keys:\) \['
callgrind_counts; echo
