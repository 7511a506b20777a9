"""GeoJSON export: a FeatureCollection (RFC 7946) of the events that have coordinates.

Each feature is a Point at the event's place (longitude, latitude, WGS84) with the event's slots
as properties: its geo precision (`place`, `district`, `province`, `country`: how far the point
can be trusted), its figures as best/low/high, and its sources. The feature id is the event's
uuid, derived from the words of its claims, so that the same knowledge base gives the same ids.
"""
from __future__ import annotations

import json

from sourcebook.export import Exporter
from sourcebook.export._rows import EventRecord, Figure, event_records


def _figure(fig: Figure | None) -> dict | None:
    return {"best": fig.best, "low": fig.low, "high": fig.high} if fig else None


def feature(event: EventRecord) -> dict:
    """One located event as a GeoJSON Feature."""
    properties = {
        "event_id": event.id, "event_type": event.event_type, "date": event.date,
        "date_precision": event.date_precision, "place": event.place, "admin1": event.admin1,
        "admin2": event.admin2, "country": event.country, "geo_precision": event.geo_precision,
        "perpetrator": event.perpetrator, "actor": event.actor, "target": event.target,
        "target_type": event.target_type, "attack_type": event.attack_type, "suicide": event.suicide,
        "claimed": event.claimed, "killed": _figure(event.killed), "injured": _figure(event.injured),
        "summary": event.summary, "sources": [s.name for s in event.sources], "flagged": event.flagged,
    }
    return {"type": "Feature", "id": str(event.uuid),
            "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
            "properties": {k: v for k, v in properties.items() if v is not None}}


def write_geojson(session, codebook, fh) -> int:
    features = [feature(e) for e in event_records(session) if e.latitude is not None and e.longitude is not None]
    json.dump({"type": "FeatureCollection", "features": features}, fh, ensure_ascii=False, indent=1)
    fh.write("\n")
    return len(features)


EXPORTER = Exporter("geojson", ".geojson", "application/geo+json", write_geojson,
                    "GeoJSON FeatureCollection of the located events, with their geo precision and sources.")
