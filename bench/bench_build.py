"""A full build of a folder (default: the reference corpus) into a fresh SQLite file.

    .venv/bin/python bench/bench_build.py [FOLDER]

Prints wall time per stage (ingest + extract, resolve) and peak memory.
"""
from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from sourcebook.core import Sourcebook

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    stages: dict[str, float] = {}
    last = {"stage": None, "t": time.perf_counter()}

    def progress(stage, done, total):
        now = time.perf_counter()
        if last["stage"] and last["stage"] != stage:
            stages[last["stage"]] = stages.get(last["stage"], 0) + now - last["t"]
            last["t"] = now
        last["stage"] = stage

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        with Sourcebook(Path(tmp) / "kb.sqlite") as book:
            report = book.build([folder], progress=progress)
        total = time.perf_counter() - t0
    stages[last["stage"]] = stages.get(last["stage"], 0) + time.perf_counter() - last["t"]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(report.added)} documents, {report.counts}")
    print(f"build: {total:.2f} s wall (start-up and opening the store included), peak memory {peak:.0f} MB")
    for stage, t in stages.items():
        print(f"  {stage:<8} {t:.2f} s ({t / total:.0%})")


if __name__ == "__main__":
    main()
