"""Time the workbench's API on a large knowledge base (made by bench/make_events.py).

    .venv/bin/python bench/make_events.py out/bench.sqlite --events 200000
    .venv/bin/python bench/bench_api.py out/bench.sqlite

Each request goes through the whole application (routing, SQL, JSON) with FastAPI's TestClient;
the medians are printed in milliseconds and as a ratio of the target (below 1.0 meets it).
"""
from __future__ import annotations

import argparse
import statistics
import time

from fastapi.testclient import TestClient

from sourcebook.core import Sourcebook
from sourcebook.web import create_app

# (name, path, target in ms)
CASES = [
    ("events: country + years, deadliest first, page 3",
     "/api/events?country=CE&date_from=2010&date_to=2015&sort=-killed&page=3", 100),
    ("events: actor, newest first, page 2", "/api/events?actor=Armed%20Group%20010&sort=-date&page=2", 100),
    ("events: attack type + killed >= 10, oldest first",
     "/api/events?attack_type=Assassination&killed_min=10&sort=date", 100),
    ("events: no filter, newest first, page 40", "/api/events?sort=-date&page=40", 100),
    ("timeline: all events by type per month", "/api/timeline?by=event_type", 300),
    ("timeline: all events by perpetrator per month", "/api/timeline?by=perpetrator", 300),
    ("timeline: one country by perpetrator per year", "/api/timeline?by=perpetrator&bucket=year&country=CE", 300),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    with Sourcebook(args.db) as book, TestClient(create_app(book)) as client:
        total = client.get("/api/events?per_page=1").json()["total"]
        print(f"{total:,} events in {args.db}; median of {args.repeat} requests each (after one warm-up)")
        for name, path, target in CASES:
            assert client.get(path).status_code == 200, path
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                client.get(path)
                times.append((time.perf_counter() - started) * 1000)
            median = statistics.median(times)
            print(f"{name:<55} {median:7.1f} ms   target {target} ms   ratio {median / target:.2f}")


if __name__ == "__main__":
    main()
