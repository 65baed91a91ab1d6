#!/usr/bin/env python3
"""The three TMX slices that `import-callgrind.sh` counts, cut or written the same way every time.

Callgrind runs about 50x slower than a normal import, so the issue 3 counts are taken on small
files rather than the 100k/1M benchmark files. Until now they were hand-made in /tmp; this script
makes them byte for byte from the memory benchmark's generated TMX and `../shared/data`, so any
build can be counted again on the same input:

  slice-20k.tmx        units 15,000-34,999 (tuid) of the memory benchmark's generated file,
                       Europarl EN/FR with names and numbers varied (a quarter without the
                       `(ref. N/M)` marker). The generator makes unit N the same whatever the
                       file's size, so generated-100000.tmx and generated-1000000.tmx give the
                       same slice.
  slice-5k-props.tmx   the first 5,000 units of slice-20k as a CAT tool exports them: two extra
                       <tu> attributes (usagecount, lastusagedate) and two <prop>s per unit
                       (x-client, x-project = notes-<tuid>).
  khmer-3k.tmx         3,000 units pairing Europarl English line i with khPOS sentence i mod
                       1,000 (../shared/data/khmer/khpos-train-sample.word), its compound marks
                       ~ ^ _ removed and its words written in turn glued (as Khmer is written),
                       joined by U+200B, and joined by spaces; tuid 50000 + i.

Usage:
  Benchmarks/Scripts/callgrind-slices.py GENERATED_TMX OUTDIR [--data ../shared/data]   (or $VERBALE_SHARED_DATA)

GENERATED_TMX: a file of the memory benchmark's generator with at least 35,000 units, e.g.
/tmp/bench/generated-100000.tmx, or made with
  verbale-bench memory --units 40000 --keep DIR --skip-baseline --skip-breakdown --queries 0
(it leaves DIR/verbale-bench-memory-PID/generated-40000.tmx).
Only the standard library; prints each file with its unit count and SHA-256.
"""
import argparse
import hashlib
import html
import os
import re
import sys

FIRST_TUID, SLICE_UNITS = 15_000, 20_000
PROPS_UNITS = 5_000
KHMER_UNITS, KHMER_FIRST_TUID = 3_000, 50_000

TU_LINE = re.compile(rb'^<tu tuid="(\d+)"')
PROPS_HOOK = b'creationid="bench">'


def cut_20k(generated):
    """The header (everything before the first <tu>), units FIRST_TUID..+SLICE_UNITS, the footer.

    The generator writes one <tu> per line, so lines are cut as they stand: the slice's bytes
    are the source's bytes.
    """
    header, units, in_body = [], [], False
    with open(generated, "rb") as source:
        for line in source:
            match = TU_LINE.match(line)
            if match is None:
                if not in_body:
                    header.append(line)
                continue
            in_body = True
            tuid = int(match.group(1))
            if FIRST_TUID <= tuid < FIRST_TUID + SLICE_UNITS:
                units.append(line)
            elif tuid >= FIRST_TUID + SLICE_UNITS:
                break
    if len(units) != SLICE_UNITS:
        sys.exit(f"{generated}: found {len(units)} of the {SLICE_UNITS} units from tuid {FIRST_TUID}; "
                 "is it the memory benchmark's generated file with at least 35,000 units?")
    return b"".join(header), units


def props_unit(line):
    """One slice-20k line as a CAT tool exports it (attributes and <prop>s added, text kept)."""
    tuid = TU_LINE.match(line).group(1)
    if line.count(PROPS_HOOK) != 1:
        sys.exit(f"unit {tuid.decode()}: expected one {PROPS_HOOK.decode()} in its <tu> tag")
    extra = (b'creationid="bench" usagecount="3" lastusagedate="20210301T101500Z">'
             b'<prop type="x-client">MFA Protocol</prop><prop type="x-project">notes-' + tuid + b'</prop>')
    return line.replace(PROPS_HOOK, extra)


def khmer_words(line):
    """A khPOS line's words without the compound marks (~ ^ _), which Khmer text does not hold."""
    return [re.sub("[~^_]", "", word) for word in line.split()]


def khmer_3k(data):
    with open(os.path.join(data, "parallel", "europarl-20k.en"), encoding="utf-8") as f:
        english = f.read().split("\n")
    with open(os.path.join(data, "khmer", "khpos-train-sample.word"), encoding="utf-8") as f:
        khmer = [line for line in f.read().split("\n") if line.strip()]
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n'
           '<tmx version="1.4"><header creationtool="privacy-perf" creationtoolversion="1" segtype="sentence" '
           'o-tmf="verbale" adminlang="en" srclang="en" datatype="plaintext"/>\n<body>\n']
    joiners = ("", "\u200b", " ")  # glued, U+200B between words, spaces: in turn
    for i in range(KHMER_UNITS):
        km = joiners[i % 3].join(khmer_words(khmer[i % len(khmer)]))
        out.append(f'<tu tuid="{KHMER_FIRST_TUID + i}" creationdate="20210112T093000Z" creationid="bench">'
                   f'<tuv xml:lang="en"><seg>{html.escape(english[i])}</seg></tuv>'
                   f'<tuv xml:lang="km"><seg>{html.escape(km)}</seg></tuv></tu>\n')
    out.append("</body></tmx>\n")
    return "".join(out).encode("utf-8")


def write(path, data, units):
    with open(path, "wb") as f:
        f.write(data)
    print(f"{path}\t{units} units\tsha256 {hashlib.sha256(data).hexdigest()}")


def shared_data(here):
    """`$VERBALE_SHARED_DATA`, else `shared/data` in the first folder above the repository that has
    one (`../shared/data` from /work/main, `../../shared/data` from a worktree under /work/wt)."""
    if os.environ.get("VERBALE_SHARED_DATA"):
        return os.environ["VERBALE_SHARED_DATA"]
    folder = os.path.dirname(os.path.dirname(here))  # the repository
    while os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
        if os.path.isdir(os.path.join(folder, "shared", "data")):
            return os.path.join(folder, "shared", "data")
    return "../shared/data"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("generated", help="the memory benchmark's generated TMX (>= 35,000 units)")
    parser.add_argument("outdir")
    parser.add_argument("--data", default=shared_data(here),
                        help="../shared/data (Europarl and khPOS); default $VERBALE_SHARED_DATA, else the "
                             "first shared/data beside the repository or a folder above it")
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    head, units = cut_20k(args.generated)
    footer = b"</body>\n</tmx>\n"
    write(os.path.join(args.outdir, "slice-20k.tmx"), head + b"".join(units) + footer, len(units))
    props = [props_unit(line) for line in units[:PROPS_UNITS]]
    write(os.path.join(args.outdir, "slice-5k-props.tmx"), head + b"".join(props) + footer, len(props))
    write(os.path.join(args.outdir, "khmer-3k.tmx"), khmer_3k(args.data), KHMER_UNITS)


if __name__ == "__main__":
    main()
