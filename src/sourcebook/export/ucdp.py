"""UCDP GED export: events as rows of the Georeferenced Event Dataset (shared/formats/ucdp_ged.md).

`best`, `low` and `high` are the deaths over every source's claim: the lowest figure as `best`
and `low` (UCDP counts conservatively), the highest as `high`. `date_start`/`date_end` span the
text's precision (a month-precise date covers the month) and `date_prec`, `where_prec` come from
precisions.yaml. `type_of_violence`: an attack on soldiers or police is state-based (1), on
another armed group non-state (2), otherwise one-sided (3); a counter-operation is state-based
(mappings.yaml `ucdp`, event_types.yaml). The deaths of an unknown side go to `deaths_unknown`,
except in one-sided violence, where they are the civilians'. Sides and dyads use our actor names,
not UCDP's actor ids, which are left out with the other UCDP-internal ids.
"""
from __future__ import annotations

import calendar

from sourcebook.export import Exporter
from sourcebook.export._codes import dataset_codes
from sourcebook.export._rows import EventRecord, citation, event_records, write_csv

COLUMNS = ("id", "year", "type_of_violence", "dyad_name", "side_a", "side_b", "number_of_sources", "source_article",
           "source_office", "source_date", "source_headline", "where_prec", "where_coordinates", "adm_1", "adm_2",
           "latitude", "longitude", "geom_wkt", "country", "country_id", "region", "event_clarity", "date_prec",
           "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low")
ONE_SIDED = 3
STATE_BASED = 1
SINGLE_INCIDENT = 1    # event_clarity: the source describes the incident itself


def date_range(event: EventRecord) -> tuple[str | None, str | None]:
    """The earliest and latest day the text's date allows."""
    if event.date is None:
        return None, None
    if event.day:
        return event.date, event.date
    if event.month:
        last = calendar.monthrange(event.year, event.month)[1]
        return f"{event.year:04d}-{event.month:02d}-01", f"{event.year:04d}-{event.month:02d}-{last:02d}"
    return f"{event.year:04d}-01-01", f"{event.year:04d}-12-31"


def type_of_violence(event: EventRecord, codebook) -> int:
    by_target = codebook.mappings["ucdp"]["type_of_violence_by_target"]
    if event.event_type == "attack" and event.target_type in by_target:
        return by_target[event.target_type]
    return codebook.event_types[event.event_type]["ucdp_type_of_violence"]


def sides(event: EventRecord, violence: int, country: str, mapping: dict) -> tuple[str, str]:
    """(side_a, side_b): a government is side A of state-based violence, civilians side B of one-sided."""
    government = mapping["government"].format(country=country)
    unknown = mapping["unknown_side"]
    if event.event_type != "attack":
        return event.actor or government, event.target or unknown
    perpetrator = event.perpetrator or unknown
    if violence == STATE_BASED:
        return government, perpetrator
    if violence == ONE_SIDED:
        return perpetrator, mapping["civilians"]
    return perpetrator, event.target or unknown


def ucdp_rows(session, codebook):
    """The GED rows (dicts keyed by column) of every event."""
    codes = dataset_codes(codebook)
    mapping = codebook.mappings["ucdp"]
    for event in event_records(session):
        country = codes.country(event.country, "ucdp")
        violence = type_of_violence(event, codebook)
        side_a, side_b = sides(event, violence, country.name if country else "", mapping)
        start, end = date_range(event)
        killed = event.killed
        best = killed.best if killed else 0
        point = (f"POINT ({event.longitude} {event.latitude})"
                 if event.latitude is not None and event.longitude is not None else None)
        yield {
            "id": event.id, "year": event.year, "type_of_violence": violence, "dyad_name": f"{side_a} - {side_b}",
            "side_a": side_a, "side_b": side_b, "number_of_sources": len(event.sources),
            "source_article": "; ".join(citation(s) for s in event.sources),
            "source_office": "; ".join(s.author or "" for s in event.sources) if any(s.author for s in event.sources) else None,
            "source_date": "; ".join(s.published or "" for s in event.sources) if any(s.published for s in event.sources) else None,
            "source_headline": "; ".join(s.title or "" for s in event.sources) if any(s.title for s in event.sources) else None,
            "where_prec": codes.geo_code(event.geo_precision, "ucdp_where_prec"), "where_coordinates": event.place,
            "adm_1": event.admin1, "adm_2": event.admin2, "latitude": event.latitude, "longitude": event.longitude,
            "geom_wkt": point, "country": country.name if country else None,
            "country_id": country.code if country else None, "region": country.region if country else None,
            "event_clarity": SINGLE_INCIDENT, "date_prec": codes.date_code(event.date_precision, "ucdp_date_prec"),
            "date_start": start, "date_end": end, "deaths_a": 0, "deaths_b": 0,
            "deaths_civilians": best if violence == ONE_SIDED else 0,
            "deaths_unknown": best if violence != ONE_SIDED else 0,
            "best": best, "high": killed.high if killed else 0, "low": killed.low if killed else 0}


def write_ucdp(session, codebook, fh) -> int:
    return write_csv(fh, COLUMNS, ucdp_rows(session, codebook))


EXPORTER = Exporter("ucdp", ".csv", "text/csv", write_ucdp,
                    "UCDP GED CSV: one row per event with best, low and high deaths, date_prec and where_prec.")
