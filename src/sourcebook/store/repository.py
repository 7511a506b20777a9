"""Queries and writes, each taking a Session. The callers own the transaction."""
from __future__ import annotations

from dataclasses import asdict
from typing import Iterable, Iterator

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session, selectinload

from sourcebook.model import Actor, Claim, Document, Event, Place, Status
from sourcebook.serialize import claim_from_dict, claim_to_dict, value_to_json
from sourcebook.store.tables import (ActorRow, AliasRow, ClaimRow, DocumentRow, EventRow, MentionRow, PlaceRow,
                                     RunRow)

# what of doc.meta is worth keeping: the rest is rebuilt on demand
KEPT_META = ("doc_date", "sections", "boilerplate", "headings")


# -- documents -----------------------------------------------------------------------------

def has_document(session: Session, doc_id: str) -> bool:
    return session.get(DocumentRow, doc_id) is not None


def save_document(session: Session, doc: Document, run_id: int | None = None) -> DocumentRow:
    """Write a processed document with its mentions, claims and spans."""
    meta = {k: doc.meta[k] for k in KEPT_META if k in doc.meta}
    meta["actors"] = [asdict(a) for a in doc.meta.get("actors", [])]
    row = DocumentRow(id=doc.id, name=doc.name, path=doc.path, media_type=doc.media_type, title=doc.title,
                      author=doc.author, published=doc.published, origin=doc.origin, text=doc.text,
                      meta=meta, run_id=run_id)
    for m in doc.mentions:
        value = m.value if isinstance(m.value, (str, type(None))) else _mention_value(m.value)
        row.mentions.append(MentionRow(label=m.label, start=m.span.start, end=m.span.end, quote=m.span.quote,
                                       value=value, data=_jsonable(m.data)))
    for claim in doc.claims:
        row.claims.append(claim_row(claim))
    session.add(row)
    return row


def claim_row(claim: Claim, **fields) -> ClaimRow:
    row = ClaimRow(kind=claim.kind, data=claim_to_dict(claim), evidence_start=claim.evidence.start,
                   evidence_end=claim.evidence.end, quote=claim.evidence.quote, confidence=claim.confidence,
                   status=claim.status.value, **fields)
    return row


def _mention_value(value) -> str:
    if isinstance(value, Place):
        return value.name
    if hasattr(value, "iso"):
        return value.iso()
    return str(value_to_json(value) if not hasattr(value, "__dataclass_fields__") else asdict(value))


def _jsonable(data: dict) -> dict:
    out = {}
    for k, v in data.items():
        if isinstance(v, (str, int, float, bool, type(None))):
            out[k] = v
        elif isinstance(v, (list, tuple)) and all(isinstance(x, (str, int, float, bool)) for x in v):
            out[k] = list(v)
        else:
            out[k] = str(v)
    return out


def documents(session: Session) -> list[DocumentRow]:
    return list(session.scalars(select(DocumentRow).order_by(DocumentRow.name)))


def document_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(DocumentRow.id, DocumentRow.name)).all())


def load_document(row: DocumentRow) -> Document:
    return Document(id=row.id, text=row.text, name=row.name, path=row.path, media_type=row.media_type,
                    title=row.title, author=row.author, published=row.published, origin=row.origin,
                    meta=dict(row.meta or {}))


# -- claims --------------------------------------------------------------------------------

def current_claims(session: Session, kind: str | None = None, include_rejected: bool = False) -> list[ClaimRow]:
    """The newest version of every claim, in document order."""
    q = select(ClaimRow).where(ClaimRow.current.is_(True))
    if kind:
        q = q.where(ClaimRow.kind == kind)
    if not include_rejected:
        q = q.where(ClaimRow.status != Status.REJECTED.value)
    return list(session.scalars(q.order_by(ClaimRow.document_id, ClaimRow.evidence_start, ClaimRow.id)))


def to_claim(row: ClaimRow) -> Claim:
    claim = claim_from_dict(row.data)
    claim.id, claim.event_id, claim.status = row.id, row.event_id, Status(row.status)
    return claim


def claim_history(session: Session, claim_id: int) -> list[ClaimRow]:
    """Every version of a claim, oldest first."""
    row = session.get(ClaimRow, claim_id)
    if row is None:
        return []
    chain = [row]
    while chain[0].supersedes_id:
        chain.insert(0, session.get(ClaimRow, chain[0].supersedes_id))
    newer = session.scalars(select(ClaimRow).where(ClaimRow.supersedes_id == chain[-1].id)).first()
    while newer is not None:
        chain.append(newer)
        newer = session.scalars(select(ClaimRow).where(ClaimRow.supersedes_id == newer.id)).first()
    return chain


# -- resolution results --------------------------------------------------------------------

def replace_actors(session: Session, actors: Iterable[Actor]) -> None:
    """Actors are derived: rebuild the table from resolution's output."""
    session.execute(delete(AliasRow))
    session.execute(delete(ActorRow))
    actors = list(actors)
    ids = _insert_returning_ids(session, ActorRow, [
        {"name": a.name, "actor_type": a.actor_type, "parent": a.parent} for a in actors])
    aliases = [{"actor_id": i, "alias": alias} for i, a in zip(ids, actors)
               for alias in sorted(set(a.aliases) - {a.name})]
    for chunk in _chunks(aliases):
        session.execute(insert(AliasRow.__table__), chunk)


def _chunks(rows: list, size: int = 5000):
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _insert_returning_ids(session: Session, table_class, rows: list[dict]) -> list[int]:
    """Insert many rows at once (no ORM objects: a rebuild writes tens of thousands) and return
    their new ids in the order of `rows`."""
    table = table_class.__table__
    ids: list[int] = []
    for chunk in _chunks(rows):
        result = session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), chunk)
        ids += [r[0] for r in result]
    return ids


def actor_of_row(row: ActorRow) -> Actor:
    return Actor(name=row.name, actor_type=row.actor_type, aliases=[a.alias for a in row.aliases],
                 parent=row.parent, id=row.id)


def actors(session: Session) -> list[ActorRow]:
    return list(session.scalars(select(ActorRow).options(selectinload(ActorRow.aliases)).order_by(ActorRow.name)))


def replace_events(session: Session, events: Iterable[Event]) -> int:
    """Events are derived: rebuild them (and the places they stand in) from resolution's output,
    and point every claim at its event. Written in bulk: a knowledge base may hold 200,000."""
    session.execute(update(ClaimRow.__table__).values(event_id=None))
    session.execute(delete(EventRow.__table__))
    session.execute(delete(PlaceRow.__table__))
    events = list(events)
    place_index: dict[tuple, int] = {}
    place_rows: list[dict] = []
    for event in events:
        if event.place is not None:
            key = (event.place.name, event.place.admin1, event.place.country)
            if key not in place_index:
                place_index[key] = len(place_rows)
                place_rows.append({k: v for k, v in asdict(event.place).items() if k != "id"})
    place_ids = _insert_returning_ids(session, PlaceRow, place_rows)
    event_rows = []
    for event in events:
        values = {k: value_to_json(v) for k, v in event.values.items()}
        killed = values.get("killed")
        place_id = None
        if event.place is not None:
            place_id = place_ids[place_index[(event.place.name, event.place.admin1, event.place.country)]]
        merge_note, flagged = values.pop("merge_note", None), bool(values.pop("flagged", False))
        event_rows.append({
            "event_type": event.event_type, "date": event.date, "date_precision": event.date_precision,
            "country": values.get("country"), "admin1": values.get("admin1"), "place_id": place_id,
            "perpetrator": values.get("perpetrator") or values.get("actor"),
            "attack_type": _first(values.get("attack_type")),
            "killed": killed.get("best") if isinstance(killed, dict) else killed,
            "values": values, "merge_note": merge_note, "flagged": flagged})
    event_ids = _insert_returning_ids(session, EventRow, event_rows)
    links = [{"claim": c.id, "event": eid} for eid, event in zip(event_ids, events) for c in event.claims
             if c.id is not None]
    claims = ClaimRow.__table__
    statement = update(claims).where(claims.c.id == bindparam("claim")).values(event_id=bindparam("event"))
    for chunk in _chunks(links):
        session.execute(statement, chunk)
    return len(event_rows)


def _first(value):
    return value[0] if isinstance(value, list) and value else value


def events(session: Session) -> list[EventRow]:
    return list(session.scalars(select(EventRow).options(selectinload(EventRow.place)).order_by(EventRow.date, EventRow.id)))


# -- runs and counts -----------------------------------------------------------------------

def start_run(session: Session, config: str, version: str) -> RunRow:
    run = RunRow(config=config, version=version)
    session.add(run)
    session.flush()
    return run


def counts(session: Session) -> dict[str, int]:
    def n(q):
        return session.scalar(q) or 0

    out = {"documents": n(select(func.count()).select_from(DocumentRow)),
           "actors": n(select(func.count()).select_from(ActorRow)),
           "events": n(select(func.count()).select_from(EventRow))}
    for kind in ("leadership", "estimate", "designation", "relation"):
        out[kind] = n(select(func.count()).select_from(ClaimRow).where(
            ClaimRow.kind == kind, ClaimRow.current.is_(True), ClaimRow.status != Status.REJECTED.value))
    return out


def iter_claim_rows(session: Session, kind: str | None = None) -> Iterator[tuple[ClaimRow, str]]:
    """Current, not rejected claims with their document's file name."""
    names = document_names(session)
    for row in current_claims(session, kind):
        yield row, names[row.document_id]
