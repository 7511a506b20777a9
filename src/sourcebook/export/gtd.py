"""GTD export: attacks as Global Terrorism Database rows.

The columns a report-derived event can fill, with the GTD's names, codes and order (START
codebook; shared/formats/gtd.md). GTD conventions kept: `0` for an unknown month or day with the
text's precision in `approxdate`; `-9` for an unknown `claimed`; blank `nkill`/`nwound` when no
figure is given; `gname` "Unknown" when no group is named; `guncertain1` 1 when the group was
inferred from the context rather than stated. Where sources disagree on a toll, `nkill` holds the
lowest figure (the GTD's rule with no majority) and `addnotes` the range. Counter-operations are
state actions, which the GTD leaves out: only attacks are written.
"""
from __future__ import annotations

import calendar

from sourcebook.export import Exporter
from sourcebook.export._codes import dataset_codes
from sourcebook.export._rows import EventRecord, citation, event_records, write_csv

COLUMNS = ("eventid", "iyear", "imonth", "iday", "approxdate", "country", "country_txt", "region", "region_txt",
           "provstate", "city", "latitude", "longitude", "specificity", "summary", "suicide", "attacktype1",
           "attacktype1_txt", "targtype1", "targtype1_txt", "target1", "gname", "guncertain1", "claimed", "nkill",
           "nwound", "addnotes", "scite1", "scite2", "scite3", "dbsource")
DBSOURCE = "Sourcebook"
UNKNOWN_FLAG = -9      # GTD's "unknown" for yes/no columns


def approxdate(event: EventRecord) -> str | None:
    """The GTD's free-text date for a date less precise than a day: "March 2019", "2019"."""
    if event.date is None or event.date_precision == "day":
        return None
    if event.month:
        return f"{calendar.month_name[event.month]} {event.year}"
    return str(event.year)


def _notes(event: EventRecord) -> str | None:
    notes = []
    for label, fig in (("killed", event.killed), ("wounded", event.injured)):
        if fig is not None and fig.low != fig.high:
            notes.append(f"Sources give {fig.low} to {fig.high} {label}.")
    return " ".join(notes) or None


def gtd_rows(session, codebook):
    """The GTD rows (dicts keyed by column) of every attack, with eventids numbered per day."""
    codes = dataset_codes(codebook)
    unknown = codebook.mappings["gtd"]["unknown_group"]
    sequence: dict[str, int] = {}
    for event in event_records(session):
        if event.event_type != "attack":
            continue
        day = f"{event.year or 0:04d}{event.month or 0:02d}{event.day or 0:02d}"
        sequence[day] = sequence.get(day, 0) + 1
        country = codes.country(event.country, "gtd")
        killed, injured = event.killed, event.injured
        cites = [citation(s) for s in event.sources[:3]]
        yield {
            "eventid": f"{day}{sequence[day]:04d}", "iyear": event.year, "imonth": event.month or 0,
            "iday": event.day or 0, "approxdate": approxdate(event),
            "country": country.code if country else None, "country_txt": country.name if country else None,
            "region": country.region_code if country else None, "region_txt": country.region if country else None,
            "provstate": event.admin1, "city": event.place, "latitude": event.latitude, "longitude": event.longitude,
            "specificity": codes.geo_code(event.geo_precision, "gtd_specificity"),
            "summary": event.summary, "suicide": bool(event.suicide),
            "attacktype1": codes.attack_code(event.attack_type), "attacktype1_txt": event.attack_type,
            "targtype1": codes.target_code(event.target_type), "targtype1_txt": event.target_type,
            "target1": event.target, "gname": event.perpetrator or unknown,
            "guncertain1": event.perpetrator_inferred if event.perpetrator else None,
            "claimed": event.claimed if event.claimed is not None else UNKNOWN_FLAG,
            "nkill": killed.best if killed else None, "nwound": injured.best if injured else None,
            "addnotes": _notes(event), **{f"scite{i}": c for i, c in enumerate(cites, 1)}, "dbsource": DBSOURCE}


def write_gtd(session, codebook, fh) -> int:
    return write_csv(fh, COLUMNS, gtd_rows(session, codebook))


EXPORTER = Exporter("gtd", ".csv", "text/csv", write_gtd,
                    "Global Terrorism Database CSV: one row per attack, GTD column names and codes.")
