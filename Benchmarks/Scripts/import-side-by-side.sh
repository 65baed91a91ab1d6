#!/bin/bash
# The import figures of README.md ("Measured", issue 3): two release builds of verbale-bench,
# a baseline and a candidate, alternated on the same files in one run, with translate-toolkit
# timed in each 1M run; then the 100k breakdown of each, and the candidate's writer by index set.
#
#   swift build -c release --product verbale-bench && cp .build/release/verbale-bench /tmp/new-bench
#   (the same in a checkout of the baseline commit, copied to /tmp/base-bench)
#   The files: the memory benchmark's generator (Europarl EN/FR from ../shared/data, names and
#   numbers varied), e.g. `verbale-bench memory --units 1000000 --keep DIR --skip-baseline`
#   leaves DIR/verbale-bench-memory-PID/generated-1000000.tmx (the same for 100000).
#   Benchmarks/Scripts/import-side-by-side.sh /tmp/base-bench /tmp/new-bench /tmp/1m.tmx /tmp/100k.tmx OUTDIR
#
# Every line of OUTDIR/*.jsonl is a benchmark's JSON; OUTDIR/log has the times and load averages.
set -u
if [ $# -ne 5 ]; then echo "usage: $0 BASE_BENCH NEW_BENCH TMX_1M TMX_100K OUTDIR" >&2; exit 2; fi
BASE=$1; NEW=$2; M1=$3; K100=$4; OUT=$5
mkdir -p "$OUT"
export VERBALE_PYTHON=${VERBALE_PYTHON:-/work/venv/bin/python}
stamp() { echo "== $* $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/log"; }
for round in 1 2; do
  for b in BASE NEW; do
    stamp "$b 1M round $round"
    nice -n 10 "${!b}" memory --tmx "$M1" --queries 200 --skip-breakdown > "$OUT/$b-1m-$round.jsonl" 2>>"$OUT/log"
  done
done
for b in BASE NEW; do
  stamp "$b 100k breakdown"
  nice -n 10 "${!b}" memory --tmx "$K100" --queries 200 > "$OUT/$b-100k.jsonl" 2>>"$OUT/log"
done
# `--queries 0`: only the import line is read here, and a memory without the concordance index
# has no table for the benchmark's concordance queries (with `--queries 1` those runs ended in an
# SQLite error after their import line).
for ix in none fuzzy-match concordance none fuzzy-match concordance; do
  stamp "NEW writer by index set: $ix"
  nice -n 10 "$NEW" memory --tmx "$K100" --indexes "$ix" --no-privacy --skip-baseline --skip-breakdown --queries 0 >> "$OUT/NEW-writer-$ix.jsonl" 2>>"$OUT/log"
done
stamp done
