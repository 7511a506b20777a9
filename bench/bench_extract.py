"""Extraction throughput: the default pipeline over the reference corpus, repeated to ≥ 1 MB.

    .venv/bin/python bench/bench_extract.py [--mb 1.0] [--corpus ../shared/corpus]

Prints start-up time (imports, codebook, gazetteer, first document) apart from the steady
throughput, per component, and the peak memory of the process. Runs on one core (one process).
Targets: ≥ 50 KB/s of text per core after start-up; peak memory < 1 GiB.
"""
from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

T0 = time.perf_counter()

from sourcebook.ingest import ingest_many  # noqa: E402
from sourcebook.ingest.normalize import make_document  # noqa: E402
from sourcebook.pipeline import load_pipeline  # noqa: E402

TARGET_KBS = 50.0
TARGET_MEM_MB = 1024.0
ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--mb", type=float, default=1.0)
    a = ap.parse_args(argv)
    docs = [d for d in ingest_many([a.corpus]) if not isinstance(d, Exception)]
    pipeline = load_pipeline()
    pipeline(make_document(docs[0].text, "warm-up"))      # lazy loads (gazetteer, lexicons) happen here
    startup = time.perf_counter() - T0
    # each copy differs by one line, so no cache keyed on text can make repeats free
    batch, size, i = [], 0, 0
    while size < a.mb * 1_000_000:
        d = docs[i % len(docs)]
        text = f"{d.text}\nCopy {i}.\n"
        batch.append(make_document(text, f"{i}-{d.name}"))
        size += len(text.encode("utf-8"))
        i += 1
    per_component = {name: 0.0 for name in pipeline.pipe_names}
    start = time.perf_counter()
    for doc in batch:
        for name, proc, _ in pipeline._components:
            t = time.perf_counter()
            doc = proc(doc)
            per_component[name] += time.perf_counter() - t
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kbs = size / 1000 / seconds
    print(f"text: {size / 1e6:.2f} MB in {len(batch)} documents")
    print(f"start-up: {startup:.2f} s (imports, codebook, gazetteer, first document)")
    print(f"throughput: {kbs:.1f} KB/s on one core  ({kbs / TARGET_KBS:.2f}x the {TARGET_KBS:.0f} KB/s target)")
    print(f"peak memory: {peak_mb:.0f} MB  ({peak_mb / TARGET_MEM_MB:.2f} of the {TARGET_MEM_MB:.0f} MB budget)")
    for name, t in sorted(per_component.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<13} {t:6.2f} s  {size / 1000 / t if t else float('inf'):9.0f} KB/s")


if __name__ == "__main__":
    main()
