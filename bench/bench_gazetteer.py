"""Benchmark the gazetteer: load time, memory, look-ups per second, and the places component.

    .venv/bin/python bench/bench_gazetteer.py
"""
from __future__ import annotations

import resource
import time
from pathlib import Path

NAMES = ["Quetta", "Khuzdar", "Mastung", "Jalalabad", "Kot", "Kunar", "Nangarhar", "Paktia", "North Waziristan",
         "Balochistan", "Peshawar", "Karachi", "Kabul", "Sehwan", "Chibok", "Mogadishu", "Mosul", "Aleppo",
         "Timbuktu", "Ningarhar", "Police", "Most", "Nowhere Land", "Deir ez-Zor", "Afghanistan", "Moscow"]


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 1e6


def main() -> None:
    from sourcebook.resolve.gazetteer import load_gazetteer, lookup
    rss0 = _rss_mb()
    t0 = time.perf_counter()
    gazetteer = load_gazetteer()
    load_s = time.perf_counter() - t0
    print(f"entries: {gazetteer.size:,}")
    print(f"load: {load_s:.2f} s; resident memory +{_rss_mb() - rss0:.0f} MB after loading "
          f"(process peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB)")

    rounds = 2000
    t0 = time.perf_counter()
    for _ in range(rounds):
        for name in NAMES:
            lookup(name)
    rate = rounds * len(NAMES) / (time.perf_counter() - t0)
    print(f"lookup(name) -> list[Place]: {rate:,.0f} names/s")
    t0 = time.perf_counter()
    for _ in range(rounds):
        for name in NAMES:
            gazetteer.search(name)
    print(f"search(name) -> ids: {rounds * len(NAMES) / (time.perf_counter() - t0):,.0f} names/s")

    corpus = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    if corpus.is_dir():
        from sourcebook.codebook import load_codebook
        from sourcebook.ingest.normalize import make_document
        from sourcebook.pipeline.registry import get_component
        places = get_component("places").factory(load_codebook())
        docs = [make_document(p.read_text(encoding="utf-8"), p.name) for p in sorted(corpus.iterdir())]
        size = sum(len(d.text) for d in docs)
        t0 = time.perf_counter()
        count = sum(len(places(d).mentions_of("place")) for d in docs)
        elapsed = time.perf_counter() - t0
        print(f"places component: {count} mentions in {size / 1e3:.0f} KB, {size / 1e3 / elapsed:,.0f} KB/s")


if __name__ == "__main__":
    main()
