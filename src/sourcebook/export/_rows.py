"""Resolved events as flat records: what every event exporter (GTD, ACLED, UCDP, GeoJSON,
STIX, Parquet) writes, read in one place.

An event's slots come from the merged `values` of its row; where the merge left a slot out,
the claims that support the event fill it (figures as best/low/high over every source, the
lowest as best, as ACLED and UCDP count conservatively). The documents of its claims are its
sources, in the order they were stored.
"""
from __future__ import annotations

import uuid
import csv
from dataclasses import dataclass, field
from typing import Any, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from sourcebook.model import Claim, Quantity, Status
from sourcebook.store import repository as repo
from sourcebook.store.tables import ClaimRow, DocumentRow

# uuid5 namespace of Sourcebook's ids (STIX ids, GeoJSON feature ids): fixed so that the same
# knowledge base gives the same ids
NAMESPACE = uuid.UUID("6a0f3c7e-5b1d-5e44-9c2a-2f6f0b8d4e11")


@dataclass(frozen=True, slots=True)
class Figure:
    """A casualty figure over every source: best, low and high (UCDP's three estimates)."""

    best: int
    low: int
    high: int


@dataclass(frozen=True, slots=True)
class Source:
    """A document that supports an event."""

    id: str
    name: str
    title: str | None
    author: str | None
    published: str | None
    origin: str | None


@dataclass(slots=True)
class EventRecord:
    """One resolved event with every slot an export may write; None where nothing says it."""

    id: int
    key: str
    event_type: str
    date: str | None = None
    date_precision: str | None = None
    place: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: str | None = None
    perpetrator: str | None = None
    perpetrator_inferred: bool = False
    actor: str | None = None
    target: str | None = None
    target_type: str | None = None
    attack_types: list[str] = field(default_factory=list)
    suicide: bool | None = None
    claimed: bool | None = None
    operation_type: str | None = None
    outcome: str | None = None
    killed: Figure | None = None
    injured: Figure | None = None
    summary: str | None = None
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    flagged: bool = False

    @property
    def attack_type(self) -> str | None:
        return self.attack_types[0] if self.attack_types else None

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    @property
    def month(self) -> int | None:
        return int(self.date[5:7]) if self.date and len(self.date) >= 7 else None

    @property
    def day(self) -> int | None:
        return int(self.date[8:10]) if self.date and len(self.date) >= 10 else None

    @property
    def uuid(self) -> uuid.UUID:
        return uuid.uuid5(NAMESPACE, f"event:{self.key}")


def figure(value: Any) -> Figure | None:
    """A figure from any form the store holds: an int, a Quantity (or its JSON), best/low/high."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Figure(value, value, value)
    if isinstance(value, Quantity):
        return Figure(value.low, value.low, value.high)
    if isinstance(value, dict):
        low = value.get("low", value.get("best"))
        high = value.get("high", low)
        best = value.get("best", low)
        if best is None:
            return None
        return Figure(int(best), int(low if low is not None else best), int(high if high is not None else best))
    return None


def _figure_of_claims(claims: list[Claim], slot: str) -> Figure | None:
    found = [f for f in (figure(c.get(slot)) for c in claims) if f is not None]
    if not found:
        return None
    low = min(f.low for f in found)
    return Figure(low, low, max(f.high for f in found))


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _geo_precision(place_row, values: dict) -> str | None:
    if place_row is not None:
        return place_row.precision
    if values.get("geo_precision"):
        return values["geo_precision"]
    if values.get("place"):
        return "place"
    if values.get("admin1"):
        return "province"
    return "country" if values.get("country") else None


def _from_claims(claims: list[Claim], slot: str) -> Any:
    for claim in claims:
        if claim.get(slot) not in (None, ""):
            return claim.get(slot)
    return None


def event_records(session: Session) -> Iterator[EventRecord]:
    """Every resolved event, by date then id, with its slots, sources and claims."""
    docs = {row.id: Source(row.id, row.name, row.title, row.author, row.published, row.origin)
            for row in session.execute(select(DocumentRow.id, DocumentRow.name, DocumentRow.title, DocumentRow.author,
                                              DocumentRow.published, DocumentRow.origin))}
    claims_of: dict[int, list[tuple[Claim, str]]] = {}
    q = (select(ClaimRow).where(ClaimRow.current.is_(True), ClaimRow.event_id.is_not(None),
                                ClaimRow.status != Status.REJECTED.value)
         .order_by(ClaimRow.event_id, ClaimRow.document_id, ClaimRow.evidence_start, ClaimRow.id))
    for row in session.scalars(q):
        claims_of.setdefault(row.event_id, []).append((repo.to_claim(row), row.document_id))
    for row in repo.events(session):
        pairs = claims_of.get(row.id, [])
        claims = [c for c, _ in pairs]
        yield _record(row, claims, [docs[d] for d in dict.fromkeys(d for _, d in pairs) if d in docs])


def _record(row, claims: list[Claim], sources: list[Source]) -> EventRecord:
    v = dict(row.values or {})

    def slot(name: str) -> Any:
        value = v.get(name)
        return value if value not in (None, "", []) else _from_claims(claims, name)

    place = row.place
    key = "|".join(f"{c.evidence.doc_id}:{c.evidence.start}:{c.evidence.end}" for c in claims) or f"id:{row.id}"
    attack = slot("attack_type")
    perpetrator = slot("perpetrator")
    stating = [c for c in claims if c.get("perpetrator")]
    return EventRecord(
        id=row.id, key=key, event_type=row.event_type, date=row.date or slot("date"),
        date_precision=row.date_precision or slot("date_precision"),
        place=place.name if place else slot("place"),
        admin1=row.admin1 or (place.admin1 if place else None) or slot("admin1"),
        admin2=(place.admin2 if place else None) or slot("admin2"),
        country=row.country or (place.country if place else None) or slot("country"),
        latitude=place.latitude if place and place.latitude is not None else slot("latitude"),
        longitude=place.longitude if place and place.longitude is not None else slot("longitude"),
        geo_precision=_geo_precision(place, v),
        perpetrator=perpetrator,
        perpetrator_inferred=bool(stating) and all(c.attribution == "context" for c in stating),
        actor=slot("actor"), target=slot("target"), target_type=_first(slot("target_type")),
        attack_types=list(attack) if isinstance(attack, list) else [attack] if attack else [],
        suicide=slot("suicide"), claimed=slot("claimed"),
        operation_type=slot("operation_type"), outcome=slot("outcome"),
        killed=figure(v.get("killed")) or _figure_of_claims(claims, "killed"),
        injured=figure(v.get("injured")) or _figure_of_claims(claims, "injured"),
        summary=claims[0].evidence.quote if claims else None,
        sources=sources, claims=claims, flagged=bool(row.flagged))


def actor_types(session: Session) -> dict[str, str]:
    """Canonical name and every alias -> actor type, for exporters that code actors by type."""
    out: dict[str, str] = {}
    for actor in repo.actors(session):
        out[actor.name] = actor.actor_type
        for alias in actor.aliases:
            out.setdefault(alias.alias, actor.actor_type)
    return out


def citation(source: Source) -> str:
    """A citation of a document (GTD `scite`, UCDP `source_article`): author, title, date and its name here."""
    parts = [source.author, f'"{source.title}"' if source.title else None, source.published, source.name]
    return ", ".join(p for p in parts if p)


def write_csv(fh, columns: tuple[str, ...] | list[str], rows) -> int:
    """A CSV of `columns`, one line per row dict; returns the rows written."""
    writer = csv.writer(fh)
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([csv_value(row.get(c)) for c in columns])
        n += 1
    return n


def csv_value(value: Any) -> str:
    """A cell: blank for None, 1/0 for booleans, numbers as written, text on one line."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return " ".join(str(value).split())
