#!/usr/bin/env python3
"""Baselines for `verbale-bench match` (run by it; never part of the Swift build).

rapidfuzz: `process.extract` over the whole memory (brute force, C++), scorer
`Levenshtein.normalized_similarity` on the same content-token class sequences Verbale's
`CostModel.levenshtein` scores, so result sets above the threshold can be compared exactly.

translate-toolkit: `translate.search.match.matcher` (character Levenshtein, its own length
window) with `max_length` raised so long units are not ignored.

Input files are written by the benchmark; output is one JSON object on stdout.
"""
import json
import sys
import time


def read_sequences(path):
    with open(path, encoding="utf-8") as handle:
        # One line per unit, empty lines included (a unit with no content tokens), so that
        # line numbers stay unit numbers.
        return [[int(x) for x in line.split()] for line in handle.read().split("\n")[:-1]]


def read_lines(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read().split("\n")[:-1]


def rapidfuzz_run(choices_path, queries_path, threshold, results_path):
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein
    choices = read_sequences(choices_path)
    queries = read_sequences(queries_path)
    cutoff = threshold / 100.0 - 1e-9
    times = []
    with open(results_path, "w", encoding="utf-8") as out:
        for query in queries:
            start = time.perf_counter()
            found = process.extract(query, choices, scorer=Levenshtein.normalized_similarity,
                                    score_cutoff=cutoff, limit=None)
            times.append(time.perf_counter() - start)
            out.write(" ".join(str(index) for _, _, index in sorted(found, key=lambda f: f[2])) + "\n")
    return {"units": len(choices), "queries": len(queries), "seconds": times}


def ttk_run(sources_path, targets_path, queries_path, threshold):
    from translate.search import match
    from translate.storage import base
    store = base.TranslationStore()
    for source, target in zip(read_lines(sources_path), read_lines(targets_path)):
        unit = store.UnitClass(source)
        unit.target = target
        store.addunit(unit)
    start = time.perf_counter()
    matcher = match.matcher(store, max_candidates=5, min_similarity=threshold, max_length=100000)
    build = time.perf_counter() - start
    times = []
    counts = []
    for query in read_lines(queries_path):
        start = time.perf_counter()
        found = matcher.matches(query)
        times.append(time.perf_counter() - start)
        counts.append(len(found))
    return {"units": len(store.units), "queries": len(times), "build_seconds": build, "seconds": times, "counts": counts}


def main():
    mode = sys.argv[1]
    if mode == "rapidfuzz":
        result = rapidfuzz_run(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
    elif mode == "ttk":
        result = ttk_run(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    else:
        raise SystemExit(f"unknown mode {mode}")
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
