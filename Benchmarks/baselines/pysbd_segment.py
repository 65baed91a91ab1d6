"""pySBD baseline for `verbale-bench segment`.

Usage: pysbd_segment.py FILE LANG
FILE holds documents separated by form feeds (U+000C); each is segmented on its own, as a user
would segment one note at a time. Prints one JSON object: bytes (UTF-8), seconds (CPU time of the process while segmenting, like
the Swift side's thread CPU time), wall_seconds, segments. Only segmentation is timed (not
reading the file or importing pySBD).
"""
import json
import sys
import time

import pysbd


def main() -> None:
    path, language = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as handle:
        documents = handle.read().split("\f")
    segmenter = pysbd.Segmenter(language=language, clean=False)
    segments = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for document in documents:
        segments += len(segmenter.segment(document))
    seconds = time.process_time() - cpu_start
    wall = time.perf_counter() - start
    total = sum(len(document.encode("utf-8")) for document in documents)
    print(json.dumps({"bytes": total, "seconds": seconds, "wall_seconds": wall, "segments": segments, "pysbd": pysbd.__version__ if hasattr(pysbd, "__version__") else None}))


if __name__ == "__main__":
    main()
