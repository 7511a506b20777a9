"""Make a knowledge base of many synthetic events for the workbench benchmark.

    .venv/bin/python bench/make_events.py out/bench.sqlite --events 200000

The events are random but shaped like real ones: a few hundred actors with a long tail, a few
dozen countries and provinces, dates over twenty years at day, month or year precision, and
fatality counts that are mostly small. Rows are written with bulk inserts, in one transaction.
"""
from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from sqlalchemy import insert

from sourcebook.store.session import open_engine
from sourcebook.store.tables import EventRow, PlaceRow

EVENT_TYPES = ["attack", "attack", "attack", "counter_operation"]
ATTACK_TYPES = ["Bombing/Explosion", "Armed Assault", "Assassination", "Hostage Taking (Kidnapping)",
                "Facility/Infrastructure Attack", "Unknown"]


def make(path: Path, n_events: int, seed: int = 7) -> float:
    rng = random.Random(seed)
    if path.exists():
        path.unlink()
    engine = open_engine(path)
    countries = [f"{a}{b}" for a, b in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "QWERTYUIOPASDFGHJKLZXCVBNM")][:40]
    provinces = {c: [f"Province {c}-{i}" for i in range(12)] for c in countries}
    actors = [f"Armed Group {i:03d}" for i in range(400)]
    weights = [1 / (i + 1) for i in range(len(actors))]
    places, place_keys = [], []
    for i in range(5000):
        c = rng.choice(countries)
        a1 = rng.choice(provinces[c])
        precision = rng.choices(["place", "district", "province", "country"], [70, 10, 15, 5])[0]
        places.append({"id": i + 1, "name": f"Town {i}", "admin1": a1, "admin2": None, "country": c,
                       "latitude": rng.uniform(-40, 60), "longitude": rng.uniform(-20, 140), "precision": precision})
        place_keys.append((c, a1))
    started = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(insert(PlaceRow), places)
        batch = []
        for i in range(n_events):
            pid = rng.randrange(len(places))
            country, admin1 = place_keys[pid]
            y, m, d = rng.randint(2005, 2024), rng.randint(1, 12), rng.randint(1, 28)
            precision = rng.choices(["day", "month", "year"], [80, 15, 5])[0]
            date = {"day": f"{y:04d}-{m:02d}-{d:02d}", "month": f"{y:04d}-{m:02d}", "year": f"{y:04d}"}[precision]
            event_type = rng.choice(EVENT_TYPES)
            actor = rng.choices(actors, weights)[0]
            killed = int(rng.expovariate(1 / 6)) if rng.random() < 0.9 else None
            attack_type = rng.choice(ATTACK_TYPES) if event_type == "attack" else None
            values = {"event_type": event_type, "date": date, "date_precision": precision, "country": country,
                      "admin1": admin1, "place": places[pid]["name"],
                      ("perpetrator" if event_type == "attack" else "actor"): actor,
                      "target": rng.choice(["police post", "market", "army convoy", "checkpoint", "school"]),
                      "killed": killed, "attack_type": attack_type, "sources": [f"report-{i % 997}.txt"]}
            batch.append({"event_type": event_type, "date": date, "date_precision": precision, "country": country,
                          "admin1": admin1, "place_id": pid + 1, "perpetrator": actor, "attack_type": attack_type,
                          "killed": killed, "values": values, "merge_note": None, "flagged": rng.random() < 0.02})
            if len(batch) == 10000:
                conn.execute(insert(EventRow), batch)
                batch = []
        if batch:
            conn.execute(insert(EventRow), batch)
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    seconds = make(args.path, args.events, args.seed)
    print(f"wrote {args.events} events to {args.path} in {seconds:.1f} s")


if __name__ == "__main__":
    main()
