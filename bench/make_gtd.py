"""Write a GTD-shaped CSV of N made-up incidents, for the import benchmark.

    python bench/make_gtd.py 200000 -o /tmp/gtd200k.csv [--bad 20]

The header holds the GTD's columns in the order of its public file (the ones shared/formats/gtd.md
names, about as wide as a real row); the values are random but valid codes: dates, countries of
the mapping, coordinates, attack and target types, groups, tolls, summaries. `--bad` plants
malformed rows (a missing cell, a year that is not a number) so the report can be checked.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

from sourcebook.codebook import load_codebook

COLUMNS = ("eventid", "iyear", "imonth", "iday", "approxdate", "extended", "resolution", "country", "country_txt",
           "region", "region_txt", "provstate", "city", "latitude", "longitude", "specificity", "vicinity",
           "location", "summary", "crit1", "crit2", "crit3", "doubtterr", "alternative", "alternative_txt",
           "multiple", "success", "suicide", "attacktype1", "attacktype1_txt", "targtype1", "targtype1_txt",
           "targsubtype1", "targsubtype1_txt", "corp1", "target1", "natlty1", "natlty1_txt", "gname", "gsubname",
           "guncertain1", "individual", "nperps", "nperpcap", "claimed", "claimmode", "claimmode_txt", "weaptype1",
           "weaptype1_txt", "weapdetail", "nkill", "nkillus", "nkillter", "nwound", "nwoundus", "nwoundte",
           "property", "propextent", "ishostkid", "addnotes", "scite1", "scite2", "scite3", "dbsource",
           "INT_LOG", "INT_IDEO", "INT_MISC", "INT_ANY")
GROUPS = ("Unknown", "Group A", "Northern Front", "People's Liberation Army of the Hills", "Coastal Brigade",
          "Movement for Justice", "Islamic Army of the Valley")
WORDS = ("assailants", "opened", "fire", "on", "a", "checkpoint", "near", "the", "market", "device", "exploded",
         "outside", "school", "convoy", "killed", "wounded", "no", "group", "claimed", "responsibility")


def rows(n: int, seed: int = 7):
    codebook = load_codebook()
    rng = random.Random(seed)
    countries = [(v["gtd"], v["gtd_name"], v["gtd_region"]) for v in codebook.mappings["countries"].values()]
    regions = codebook.mappings["gtd"]["regions"]
    attacks = [(e["code"], label) for label, e in codebook.attack_types.items()]
    targets = [(e["code"], label) for label, e in codebook.target_types.items()]
    per_day: dict[str, int] = {}
    for _ in range(n):
        year, month, day = rng.randint(1970, 2021), rng.randint(0, 12), rng.randint(1, 28)
        day = 0 if month == 0 or rng.random() < 0.05 else day
        stamp = f"{year:04d}{month:02d}{day:02d}"
        per_day[stamp] = per_day.get(stamp, 0) + 1
        code, name, region = rng.choice(countries)
        attack, target = rng.choice(attacks), rng.choice(targets)
        group = rng.choice(GROUPS)
        killed = rng.choice(["", "0", str(rng.randint(1, 40)), str(rng.randint(1, 5))])
        summary = f"{day:02d}/{month:02d}/{year}: " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40))) + "."
        cells = {
            "eventid": f"{stamp}{per_day[stamp]:04d}", "iyear": year, "imonth": month, "iday": day, "extended": 0,
            "country": code, "country_txt": name, "region": region, "region_txt": regions[region],
            "provstate": f"Province {rng.randint(1, 30)}", "city": f"Town {rng.randint(1, 5000)}",
            "latitude": f"{rng.uniform(-40, 60):.6f}", "longitude": f"{rng.uniform(-120, 150):.6f}",
            "specificity": rng.choice([1, 1, 1, 2, 3, 4, 5]), "vicinity": 0, "summary": summary, "crit1": 1,
            "crit2": 1, "crit3": 1, "doubtterr": 0, "multiple": 0, "success": 1, "suicide": int(rng.random() < 0.05),
            "attacktype1": attack[0], "attacktype1_txt": attack[1], "targtype1": target[0],
            "targtype1_txt": target[1], "corp1": "Unknown", "target1": f"{target[1]} in town", "natlty1": code,
            "natlty1_txt": name, "gname": group, "guncertain1": int(rng.random() < 0.1), "individual": 0,
            "nperps": -99, "nperpcap": -99, "claimed": rng.choice([0, 1, -9]), "weaptype1": 6,
            "weaptype1_txt": "Explosives", "nkill": killed, "nkillus": 0, "nkillter": 0,
            "nwound": rng.choice(["", str(rng.randint(0, 80))]), "nwoundus": 0, "nwoundte": 0, "property": -9,
            "ishostkid": 0, "scite1": f"\"Report {rng.randint(1, 10**6)}\", Example News, {year}.",
            "dbsource": "START Primary Collection", "INT_LOG": -9, "INT_IDEO": -9, "INT_MISC": 0, "INT_ANY": -9}
        yield [cells.get(c, "") for c in COLUMNS]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--bad", type=int, default=0, help="malformed rows to plant, spread through the file")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    every = args.n // args.bad if args.bad else 0
    with args.output.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for i, row in enumerate(rows(args.n, args.seed), 1):
            if every and i % every == 0:
                row = row[:-3] if i % (2 * every) == 0 else [row[0], "nineteen", *row[2:]]
            writer.writerow(row)
    print(f"{args.n} rows written to {args.output} ({args.output.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
