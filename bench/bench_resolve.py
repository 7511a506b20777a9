"""How much of a build resolution takes, and how merge_events grows with the knowledge base.

    .venv/bin/python bench/bench_resolve.py [--copies 20] [--claims 200000]

1. Builds the reference corpus, then the corpus repeated COPIES times (each copy with a line of
   its own, so that every copy is a distinct document whose events merge with the others'), and
   prints the share of the build's wall time spent in `resolve` (actors and events rebuilt from
   every claim). The goal is under 20 %.
2. Times `merge_events` alone on synthetic claims (n, 2n, 4n up to CLAIMS): blocked by day and by
   month and place, the time per claim stays flat instead of growing with n.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sourcebook.core import Sourcebook
from sourcebook.model import Claim, Quantity, Span
from sourcebook.resolve.events import merge_events

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def copies(folder: Path, n: int) -> Path:
    """The corpus `n` times over, each copy changed by one line."""
    for i in range(n):
        for src in sorted(CORPUS.iterdir()):
            text = src.read_text(encoding="utf-8")
            if src.suffix == ".html":      # inside the article, which the reader keeps
                text = text.replace("</article>", f"<p>Copy {i} of this page.</p></article>", 1)
            else:
                text += f"\n\nCopy {i} of this report.\n"
            (folder / f"c{i:02d}_{src.name}").write_text(text, encoding="utf-8")
    return folder


def timed_build(folder: Path) -> tuple[dict, float, float, float]:
    """(counts, build seconds, resolve seconds, a second resolve alone)."""
    marks: dict[str, float] = {}

    def progress(stage, done, total):
        marks.setdefault(f"{stage}:{done}", time.perf_counter())

    with tempfile.TemporaryDirectory() as tmp:
        with Sourcebook(Path(tmp) / "kb.sqlite") as book:
            started = time.perf_counter()
            report = book.build([folder], progress=progress)
            total = time.perf_counter() - started
            resolve = marks["resolve:1"] - marks["resolve:0"]
            again = time.perf_counter()
            book.resolve()
            alone = time.perf_counter() - again
    return report.counts, total, resolve, alone


def synthetic(n: int) -> list[Claim]:
    """n claims, a quarter of them a second source for an attack of the others."""
    places = ["Kirkuk", "Mosul", "Basra", "Najaf", "Erbil", "Quetta", "Peshawar", "Kabul"]
    first = date(1970, 1, 1)
    out = []
    for i in range(n):
        j = i if i % 4 else i // 4 * 4 + 1          # every fourth claim repeats its neighbour's attack
        day = (first + timedelta(days=j // 8)).isoformat()
        values = {"event_type": "attack", "date": day if i % 10 else day[:7], "place": places[j % 8],
                  "country": "IQ", "killed": Quantity(i % 40, i % 40)}
        out.append(Claim("event", values, evidence=Span(f"d{i}", 0, 1, "x")))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--claims", type=int, default=200_000)
    args = parser.parse_args()
    counts, total, resolve, alone = timed_build(CORPUS)
    print(f"corpus: {counts['documents']} documents, {counts['events']} events, {counts['actors']} actors")
    print(f"  build {total:.2f} s, resolve {resolve:.2f} s ({resolve / total:.1%}); resolve again {alone:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = copies(Path(tmp), args.copies)
        counts, total, resolve, alone = timed_build(folder)
        shutil.rmtree(folder, ignore_errors=True)
    print(f"corpus x{args.copies}: {counts['documents']} documents, {counts['events']} events, {counts['actors']} actors")
    print(f"  build {total:.2f} s, resolve {resolve:.2f} s ({resolve / total:.1%}); resolve again {alone:.2f} s")
    n = args.claims // 4
    while n <= args.claims:
        claims = synthetic(n)
        started = time.perf_counter()
        events = merge_events(claims)
        took = time.perf_counter() - started
        print(f"merge_events: {n:>7} claims -> {len(events):>7} events in {took:.2f} s "
              f"({took / n * 1e6:.1f} µs a claim)")
        n *= 2


if __name__ == "__main__":
    main()
