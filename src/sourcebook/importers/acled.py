"""ACLED import: each row of an ACLED export becomes a document of its own (`acled:EVENT_ID_CNTY`)
holding one event claim whose source is ACLED.

The sub-event type says what the row is (mappings.yaml `acled.sub_event_types`): an attack with
its GTD attack type, or a counter-operation; a row whose actor 1 is state forces (`inter1` 1 or
"State forces") is a counter-operation by them. Protests, riots and strategic developments that
are neither are skipped and counted. `fatalities` 0 means "none reported" in ACLED and is not read
as a toll. Dates are read as `YYYY-MM-DD`, `28 December 2022` or `28-12-2022`; `time_precision`
1 gives the day, 2 and 3 only the month. `NA` cells are blank.
"""
from __future__ import annotations

from datetime import datetime

from sourcebook.export._codes import dataset_codes
from sourcebook.importers import Importer, Skip
from sourcebook.importers._rowdoc import RowDocument, RowError, decimal, integer
from sourcebook.model import Actor, Quantity

REQUIRED = ("event_id_cnty", "event_date", "sub_event_type", "actor1")
COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
           "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "civilian_targeting", "iso",
           "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
           "notes", "fatalities")
EVIDENCE = ("notes", "event_id_cnty")
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%m-%Y", "%d/%m/%Y")
SLOTS = {"event_type": ("event_type", "sub_event_type"), "attack_type": ("sub_event_type",),
         "suicide": ("sub_event_type",), "date": ("event_date",), "date_precision": ("time_precision", "event_date"),
         "perpetrator": ("actor1",), "actor": ("actor1",), "target": ("actor2",), "country": ("country", "iso"),
         "admin1": ("admin1",), "admin2": ("admin2",), "place": ("location",), "latitude": ("latitude",),
         "longitude": ("longitude",), "geo_precision": ("geo_precision",), "killed": ("fatalities",)}


def _date(cells: dict, codes) -> tuple[str, str]:
    raw = cells.get("event_date")
    for fmt in DATE_FORMATS:
        try:
            day = datetime.strptime(raw or "", fmt).date()
            break
        except ValueError:
            continue
    else:
        raise RowError(f"event_date {raw!r} is not a date")
    precision = codes.date_precision(integer(cells, "time_precision") or 1, "acled_time_precision") or "month"
    return (day.isoformat(), "day") if precision == "day" else (day.isoformat()[:7], "month")


def _is_state(cells: dict, column: str, mapping: dict) -> bool:
    """True when the actor type cell says state forces, in the numeric or the text form."""
    raw = cells.get(column)
    code = mapping["inter_of_actor_type"]["state"]
    return raw is not None and (raw == str(code) or raw.casefold() == mapping["inter"][code].casefold())


def _generic(name: str | None, template: str) -> bool:
    """True for ACLED's generic actors ("Unidentified Armed Group (Mali)"), which name nobody."""
    return bool(name) and name.startswith(template.split("{")[0])


def read_row(cells: dict, codebook, origin: str):
    """One ACLED row (cleaned cells by column) -> Document with its claim. Raises RowError or Skip."""
    codes = dataset_codes(codebook)
    mapping = codebook.mappings["acled"]
    if not cells.get("event_id_cnty"):
        raise RowError("no event_id_cnty")
    sub = cells.get("sub_event_type")
    meaning = mapping["sub_event_types"].get(sub or "")
    if meaning is None:
        raise Skip(f"sub_event_type {sub!r} is not an attack or a counter-operation")
    date, precision = _date(cells, codes)
    actor1 = cells.get("actor1")
    named = None if _generic(actor1, mapping["unidentified"]) else actor1
    state = _is_state(cells, "inter1", mapping)
    event_type = "counter_operation" if state else meaning["event_type"]
    fatalities = integer(cells, "fatalities")
    iso = integer(cells, "iso")
    values = {
        "event_type": event_type, "date": date, "date_precision": precision,
        "attack_type": meaning.get("attack_type") if event_type == "attack" else None,
        "suicide": meaning.get("suicide") if event_type == "attack" else None,
        "perpetrator": named if event_type == "attack" else None,
        "actor": named if event_type != "attack" else None,
        "target": None if _generic(cells.get("actor2"), mapping["civilians"]) else cells.get("actor2"),
        "country": codes.iso2(name=cells.get("country"), iso_numeric=iso),
        "admin1": cells.get("admin1"), "admin2": cells.get("admin2"), "place": cells.get("location"),
        "latitude": decimal(cells, "latitude", 90), "longitude": decimal(cells, "longitude", 180),
        "geo_precision": codes.geo_precision(integer(cells, "geo_precision"), "acled_geo_precision"),
        "killed": Quantity(fatalities, fatalities) if fatalities else None,
    }
    row = RowDocument(cells, COLUMNS)
    claim = row.claim(values, SLOTS, EVIDENCE)
    actors = [Actor(named, "state" if state else "organization")] if named else []
    return row.document(f"acled:{cells['event_id_cnty']}", origin, mapping["dataset"], claim, actors)


IMPORTER = Importer("acled", "ACLED CSV export (31 columns, numeric or text actor types, or our ACLED export).",
                    REQUIRED, COLUMNS, read_row)
