"""ACLED export: events as rows of ACLED's standard 31-column export (shared/formats/acled.md).

Event and sub-event types come from codebook/data/mappings.yaml (`acled`): an attack by its GTD
attack type (a suicide bombing as Suicide bomb, an armed assault on soldiers, police or militants
as Battles/Armed clash, on civilians as Violence against civilians), a counter-operation by its
operation type (air strikes, arrests) or as Battles/Armed clash. Actor types (`inter1`, `inter2`,
`interaction`) are written in the numeric form. ACLED records one day: a month-precise date is
written as the 15th with `time_precision` 3 (ACLED's midpoint rule), a year-only date as 1 July,
also with 3, ACLED's vaguest code. `fatalities` is the lowest figure of the sources, 0 when none
is reported (ACLED's rule).
"""
from __future__ import annotations


from sourcebook.export import Exporter
from sourcebook.export._codes import dataset_codes
from sourcebook.export._rows import EventRecord, actor_types, event_records, write_csv

COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
           "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
           "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
           "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp")
STATE = "state"


def acled_date(event: EventRecord) -> str | None:
    """ACLED's single day for a date of any precision (midpoint of a month, 1 July of a year)."""
    if event.date is None:
        return None
    if event.day:
        return event.date
    if event.month:
        return f"{event.year:04d}-{event.month:02d}-15"
    return f"{event.year:04d}-07-01"


def acled_types(event: EventRecord, mapping: dict) -> tuple[str, str]:
    """(event_type, sub_event_type) of an event, from the codebook mapping."""
    if event.event_type != "attack":
        words = (event.operation_type or "").lower()
        for word, types in mapping["operation_types"].items():
            if word in words:
                return tuple(types)
        return tuple(mapping["counter_operation"])
    attack = event.attack_type
    if event.suicide and (attack is None or attack in mapping["suicide"]["attack_types"]):
        return tuple(mapping["suicide"]["code"])
    event_type, sub = mapping["attack_types"].get(attack) or mapping["default"]
    if (event_type == mapping["civilian_event_type"] and event.target_type
            and event.target_type not in mapping["civilian_targets"]):
        return tuple(mapping["armed_clash"])
    return event_type, sub


def acled_rows(session, codebook):
    """The ACLED rows (dicts keyed by column) of every event."""
    codes = dataset_codes(codebook)
    mapping = codebook.mappings["acled"]
    types = actor_types(session)
    inter_of = mapping["inter_of_actor_type"]
    for event in event_records(session):
        country = codes.country(event.country, "acled")
        where = country.name if country else ""
        event_type, sub = acled_types(event, mapping)
        civilians = event_type == mapping["civilian_event_type"]
        if event.event_type == "attack":
            actor1 = event.perpetrator or mapping["unidentified"].format(country=where)
            inter1 = inter_of[types.get(event.perpetrator, "organization")] if event.perpetrator else inter_of["unknown"]
            actor2 = mapping["civilians"].format(country=where) if civilians else None
            inter2 = inter_of["civilians"] if civilians else None
        else:   # a counter-operation is a state's: its forces are actor 1
            actor1 = event.actor or mapping["unidentified"].format(country=where)
            inter1 = inter_of[STATE]
            actor2 = event.target
            inter2 = inter_of[types.get(event.target, "organization")] if event.target else None
        pair = sorted(x for x in (inter1, inter2) if x)
        killed = event.killed
        yield {
            "event_id_cnty": f"{country.iso3 if country and country.iso3 else 'XXX'}{event.id}",
            "event_date": acled_date(event), "year": event.year,
            "time_precision": codes.date_code(event.date_precision, "acled_time_precision"),
            "disorder_type": mapping["disorder_types"][event_type], "event_type": event_type,
            "sub_event_type": sub, "actor1": actor1, "inter1": inter1, "actor2": actor2, "inter2": inter2 or 0,
            "interaction": int("".join(map(str, pair))) * (10 if len(pair) == 1 else 1),
            "civilian_targeting": mapping["civilian_targeting"] if civilians else None,
            "iso": country.code if country else None, "region": country.region if country else None,
            "country": country.name if country else None, "admin1": event.admin1, "admin2": event.admin2,
            "location": event.place,
            "latitude": round(event.latitude, 4) if event.latitude is not None else None,
            "longitude": round(event.longitude, 4) if event.longitude is not None else None,
            "geo_precision": codes.geo_code(event.geo_precision, "acled_geo_precision"),
            "source": "; ".join(s.name for s in event.sources), "notes": event.summary,
            "fatalities": killed.best if killed else 0}


def write_acled(session, codebook, fh) -> int:
    return write_csv(fh, COLUMNS, acled_rows(session, codebook))


EXPORTER = Exporter("acled", ".csv", "text/csv", write_acled,
                    "ACLED CSV: the standard 31 columns, ACLED event types, numeric actor types.")
