"""Time and peak memory of importing a GTD-shaped file of N rows (default 200,000).

    python bench/bench_import.py [N] [--resolve-sample 2000]

Makes the file with bench/make_gtd.py (20 malformed rows planted), imports it into a fresh
SQLite store without resolution, then prints absolute figures (wall and CPU seconds, rows per
second, peak resident memory, file and database size) and ratios (memory per MB of input, time
against the one-minute budget). Event resolution is timed apart on the first `--resolve-sample`
rows, because the event merge compares each claim with the events already formed. Peak memory
is the writing process's; each row worker (one per core, at most 4) holds a few chunks of rows.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUDGET_S = 60.0


def _child(csv_path: str, db: str, resolve: bool) -> None:
    """Run one import in this process and print its figures (peak memory is this process's)."""
    from sourcebook.core import Sourcebook

    wall, cpu = time.perf_counter(), time.process_time()
    with Sourcebook(db) as book:
        report = book.import_dataset("gtd", csv_path, resolve=resolve)
    print(f"{report.rows} {report.added} {len(report.problems)} {time.perf_counter() - wall:.2f} "
          f"{time.process_time() - cpu:.2f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} "
          f"{report.resolve_seconds or 0:.2f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime:.2f}")


def _run(csv_path: Path, db: Path, resolve: bool) -> list[str]:
    out = subprocess.run([sys.executable, __file__, "--child", str(csv_path), str(db), "1" if resolve else "0"],
                         check=True, capture_output=True, text=True)
    return out.stdout.split()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=200_000)
    parser.add_argument("--resolve-sample", type=int, default=2000)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child[0], args.child[1], args.child[2] == "1")
        return
    tmp = Path(tempfile.mkdtemp(prefix="sourcebook-bench-"))
    csv_path = tmp / "gtd.csv"
    subprocess.run([sys.executable, str(HERE / "make_gtd.py"), str(args.n), "-o", str(csv_path), "--bad", "20"],
                   check=True)
    size_mb = csv_path.stat().st_size / 1e6
    rows, added, bad, wall, cpu, peak, _, workers_cpu = _run(csv_path, tmp / "kb.sqlite", resolve=False)
    wall_s, cpu_s, peak_mb = float(wall), float(cpu), float(peak)
    db_mb = (tmp / "kb.sqlite").stat().st_size / 1e6
    print(f"import of {rows} GTD rows ({size_mb:.1f} MB CSV), no resolution:")
    print(f"  wall {wall_s:.1f} s, CPU {cpu_s:.1f} s (writer) + {float(workers_cpu):.1f} s (row workers), "
          f"{int(rows) / wall_s:,.0f} rows/s; "
          f"{added} documents added, {bad} malformed rows reported")
    print(f"  peak memory {peak_mb:.0f} MB ({peak_mb / size_mb:.2f} MB per MB of input); database {db_mb:.0f} MB")
    print(f"  against the {BUDGET_S:.0f} s budget: {wall_s / BUDGET_S:.2f}x")
    sample = tmp / "sample.csv"
    with csv_path.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i > args.resolve_sample:
                break
            dst.write(line)
    rows, _, _, wall, _, peak, resolve_s, _ = _run(sample, tmp / "sample.sqlite", resolve=True)
    print(f"import of {rows} rows with event resolution: {float(wall):.1f} s, of which resolution "
          f"{float(resolve_s):.1f} s; peak memory {float(peak):.0f} MB")


if __name__ == "__main__":
    main()
