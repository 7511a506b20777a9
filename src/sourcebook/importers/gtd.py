"""GTD import: each row of a Global Terrorism Database CSV becomes a document of its own
(`gtd:EVENTID`) holding one attack claim whose source is the GTD.

Read: the date (`iyear`, `imonth`, `iday`, 0 = unknown, which sets the precision), the country
(GTD code, else `country_txt`), `provstate`, `city`, coordinates and `specificity`, attack and
target types (codes, else their `_txt`), `target1`, `gname` ("Unknown" is no perpetrator),
`guncertain1` (1: the attribution is doubtful, kept as `attribution: context`), `claimed`,
`suicide` (only 1 is a statement), `nkill` and `nwound` (blank or -99: not stated).
"""
from __future__ import annotations

import calendar

from sourcebook.export._codes import dataset_codes
from sourcebook.importers import Importer
from sourcebook.importers._rowdoc import RowDocument, RowError, decimal, integer
from sourcebook.model import Actor, Quantity

REQUIRED = ("eventid", "iyear")
COLUMNS = ("eventid", "iyear", "imonth", "iday", "approxdate", "country", "country_txt", "provstate", "city",
           "latitude", "longitude", "specificity", "summary", "suicide", "attacktype1", "attacktype1_txt",
           "targtype1", "targtype1_txt", "target1", "gname", "guncertain1", "claimed", "nkill", "nwound")
EVIDENCE = ("summary", "eventid")
UNKNOWN_COUNT = (-99, -9)
UNKNOWN_FLAG = (-9,)
# which cells state each slot: a span runs from the first to the last of them
SLOTS = {"event_type": ("eventid",), "date": ("iyear", "imonth", "iday"), "date_precision": ("iyear", "imonth", "iday"),
         "country": ("country_txt", "country"), "admin1": ("provstate",), "place": ("city",),
         "latitude": ("latitude",), "longitude": ("longitude",), "geo_precision": ("specificity",),
         "attack_type": ("attacktype1_txt", "attacktype1"), "target_type": ("targtype1_txt", "targtype1"),
         "target": ("target1",), "perpetrator": ("gname",), "claimed": ("claimed",), "suicide": ("suicide",),
         "killed": ("nkill",), "injured": ("nwound",)}


def _date(cells: dict) -> tuple[str, str]:
    year = integer(cells, "iyear")
    if year is None or not 1 <= year <= 9999:
        raise RowError(f"iyear {cells.get('iyear')!r} is not a year")
    month, day = integer(cells, "imonth") or 0, integer(cells, "iday") or 0
    if not 0 <= month <= 12:
        raise RowError(f"imonth {month} is not a month")
    if month == 0:
        return f"{year:04d}", "year"
    if not 0 <= day <= calendar.monthrange(year, month)[1]:
        raise RowError(f"iday {day} is not a day of {year}-{month:02d}")
    if day == 0:
        return f"{year:04d}-{month:02d}", "month"
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


def _label(cells: dict, code_column: str, lookup, vocab: dict) -> str | None:
    """A type's label from its code, else from its `_txt` when the code is blank."""
    code = integer(cells, code_column)
    if code is not None:
        label = lookup(code)
        if label is None:
            raise RowError(f"{code_column} {code} is not a GTD code")
        return label
    text = cells.get(f"{code_column}_txt")
    if text is not None and text not in vocab:
        raise RowError(f"{code_column}_txt {text!r} is not a GTD label")
    return text


def read_row(cells: dict, codebook, origin: str):
    """One GTD row (cleaned cells by column) -> Document with its claim. Raises RowError."""
    codes = dataset_codes(codebook)
    mapping = codebook.mappings["gtd"]
    if not cells.get("eventid"):
        raise RowError("no eventid")
    date, precision = _date(cells)
    country = integer(cells, "country")
    iso2 = codes.iso2(name=cells.get("country_txt"), gtd_code=country)
    group = cells.get("gname")
    if group == mapping["unknown_group"]:
        group = None
    killed, injured = integer(cells, "nkill", UNKNOWN_COUNT), integer(cells, "nwound", UNKNOWN_COUNT)
    claimed = integer(cells, "claimed", UNKNOWN_FLAG)
    values = {
        "event_type": "attack", "date": date, "date_precision": precision, "country": iso2,
        "admin1": cells.get("provstate"), "place": cells.get("city"),
        "latitude": decimal(cells, "latitude", 90), "longitude": decimal(cells, "longitude", 180),
        "geo_precision": codes.geo_precision(integer(cells, "specificity"), "gtd_specificity"),
        "attack_type": _label(cells, "attacktype1", codes.attack_label, codebook.attack_types),
        "target_type": _label(cells, "targtype1", codes.target_label, codebook.target_types),
        "target": cells.get("target1"), "perpetrator": group,
        "claimed": None if claimed is None else claimed == 1,
        "suicide": True if integer(cells, "suicide", UNKNOWN_FLAG) == 1 else None,
        "killed": Quantity(killed, killed) if killed is not None else None,
        "injured": Quantity(injured, injured) if injured is not None else None,
    }
    row = RowDocument(cells, COLUMNS)
    attribution = "context" if group and integer(cells, "guncertain1", UNKNOWN_FLAG) == 1 else "stated"
    claim = row.claim(values, SLOTS, EVIDENCE, attribution)
    actors = [Actor(group, "organization")] if group else []
    return row.document(f"gtd:{cells['eventid']}", origin, mapping["dataset"], claim, actors)


IMPORTER = Importer("gtd", "Global Terrorism Database CSV (globalterrorismdb_*.csv or our GTD export).",
                    REQUIRED, COLUMNS, read_row)
