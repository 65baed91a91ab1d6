#!/usr/bin/env python3
"""Baseline for `verbale-bench align-eval`: NLTK's plain Gale-Church (nltk.translate.gale_church).

Reads {"documents": [{"source": [[sentence, ...], ...], "target": [[...], ...]}, ...]} on stdin
(paragraphs of sentences). Aligns paragraph by paragraph with align_texts when both sides have
the same number of paragraphs (Gale-Church's own set-up), otherwise the whole document as one
block. Lengths are len(sentence) in characters, NLTK's default parameters (c = 1, s2 = 6.8).
Writes {"documents": [{"links": [[i, j], ...], "seconds": t}, ...]} with sentence indices counted
across paragraphs.
"""
import json
import sys
import time

from nltk.translate import gale_church


def main():
    request = json.load(sys.stdin)
    out = []
    for doc in request["documents"]:
        src, tgt = doc["source"], doc["target"]
        start = time.perf_counter()
        if len(src) == len(tgt):
            blocks_s, blocks_t = src, tgt
        else:
            blocks_s = [[s for p in src for s in p]]
            blocks_t = [[s for p in tgt for s in p]]
        links = []
        off_s = off_t = 0
        for bs, bt in zip(blocks_s, blocks_t):
            for i, j in gale_church.align_blocks([len(s) for s in bs], [len(t) for t in bt]):
                links.append([i + off_s, j + off_t])
            off_s += len(bs)
            off_t += len(bt)
        out.append({"links": links, "seconds": time.perf_counter() - start})
    json.dump({"documents": out}, sys.stdout)


if __name__ == "__main__":
    main()
