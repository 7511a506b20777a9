"""Read-only views of a knowledge base as rows of plain values: what the command line prints,
the HTTP API returns and the workbench draws. Events, tenures and estimates are views over claims."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sourcebook.model import DateValue
from sourcebook.serialize import record_values
from sourcebook.store import repository as repo
from sourcebook.store.tables import ActorRow, ClaimRow, DocumentRow, EventRow

# the slots of a claim that name an actor: a dossier gathers every claim naming it in one of them
ACTOR_SLOTS = ("organization", "person", "subject", "object", "designated_by", "source", "perpetrator", "actor")


def document_rows(session: Session, limit: int | None = None) -> list[dict]:
    n_claims = dict(session.execute(select(ClaimRow.document_id, func.count()).where(ClaimRow.current.is_(True))
                                    .group_by(ClaimRow.document_id)).all())
    rows = [{"id": d.id, "name": d.name, "title": d.title, "author": d.author, "published": d.published,
             "characters": len(d.text), "claims": n_claims.get(d.id, 0)} for d in repo.documents(session)]
    return rows[:limit] if limit else rows


def actor_rows(session: Session, limit: int | None = None) -> list[dict]:
    rows = [{"id": a.id, "name": a.name, "actor_type": a.actor_type, "parent": a.parent,
             "aliases": sorted(x.alias for x in a.aliases)} for a in repo.actors(session)]
    return rows[:limit] if limit else rows


def event_rows(session: Session, limit: int | None = None) -> list[dict]:
    out = []
    for e in repo.events(session):
        v = e.values or {}
        out.append({"id": e.id, "event_type": e.event_type, "date": e.date, "date_precision": e.date_precision,
                    "place": e.place.name if e.place else v.get("place"), "admin1": e.admin1, "country": e.country,
                    "perpetrator": v.get("perpetrator"), "actor": v.get("actor"), "target": v.get("target"),
                    "attack_type": v.get("attack_type"), "killed": v.get("killed"), "injured": v.get("injured"),
                    "flagged": e.flagged})
    return out[:limit] if limit else out


def claim_rows(session: Session, kind: str, limit: int | None = None) -> list[dict]:
    """Current claims of one kind, each with its document name, quote and status."""
    names = repo.document_names(session)
    out = []
    for row in repo.current_claims(session, kind):
        claim = repo.to_claim(row)
        out.append({"id": row.id, **record_values(claim.values), "document": names[row.document_id],
                    "quote": row.quote, "status": row.status, "confidence": row.confidence})
    return out[:limit] if limit else out


# -- the workbench's pages -----------------------------------------------------------------

def claim_dict(row: ClaimRow, document: str | None = None) -> dict:
    """A claim as the workbench shows it: fact-format values, its evidence and the span of every
    value, its review status and the event it supports."""
    claim = repo.to_claim(row)
    return {"id": row.id, "kind": row.kind, "document_id": row.document_id, "document": document,
            "values": record_values(claim.values), "quote": row.quote,
            "evidence": {"start": row.evidence_start, "end": row.evidence_end},
            "spans": {slot: {"start": s.start, "end": s.end, "quote": s.quote} for slot, s in claim.spans.items()},
            "status": row.status, "version": row.version, "confidence": round(row.confidence, 3),
            "attribution": claim.attribution, "event_id": row.event_id, "created_by": row.created_by,
            "created_at": row.created_at.isoformat() if row.created_at else None}


def highlight_segments(text: str, claims: list[dict]) -> list[dict]:
    """Cut a document's text at every boundary of a claim's evidence or value span.

    Each segment says which claims' evidence covers it and which (claim, slot) values it states,
    so a template can wrap it in a mark while escaping the text piece by piece.

    Returns:
        [{"start", "end", "text", "evidence": [claim ids], "values": [[claim id, slot, kind]]}]
    """
    cuts = {0, len(text)}
    for c in claims:
        cuts.update((c["evidence"]["start"], c["evidence"]["end"]))
        for s in c["spans"].values():
            cuts.update((s["start"], s["end"]))
    bounds = sorted(x for x in cuts if 0 <= x <= len(text))
    segments = []
    for start, end in zip(bounds, bounds[1:]):
        if start == end:
            continue
        evidence = [c["id"] for c in claims if c["evidence"]["start"] <= start and end <= c["evidence"]["end"]]
        values = [[c["id"], slot, c["kind"]] for c in claims for slot, s in c["spans"].items()
                  if s["start"] <= start and end <= s["end"]]
        segments.append({"start": start, "end": end, "text": text[start:end], "evidence": evidence, "values": values})
    return segments


def document_view(session: Session, doc_id: str) -> dict | None:
    """One document: its metadata, its text cut into highlight segments, and its current claims."""
    doc = session.get(DocumentRow, doc_id)
    if doc is None:
        return None
    rows = [r for r in repo.current_claims(session, include_rejected=True) if r.document_id == doc_id]
    claims = [claim_dict(r, doc.name) for r in rows]
    return {"document": {"id": doc.id, "name": doc.name, "title": doc.title, "author": doc.author,
                         "published": doc.published, "origin": doc.origin, "media_type": doc.media_type,
                         "characters": len(doc.text)},
            "text": doc.text, "claims": claims, "segments": highlight_segments(doc.text, claims)}


def _comparable(slot: str, value):
    if isinstance(value, dict):
        return tuple(sorted(value.items()))
    if isinstance(value, list):
        return tuple(sorted(map(str, value)))
    if isinstance(value, str):
        return value.strip().casefold()
    return value


def _disagree(slot: str, values: list) -> bool:
    """True when two sources state a slot differently; dates at different precisions that do
    not clash ("2019-05" and "2019-05-03") agree."""
    if slot in ("date", "start", "end", "as_of"):
        dates = [DateValue.parse(v) for v in values if isinstance(v, str) and v[:4].isdigit()]
        return any(not a.compatible(b) for a in dates for b in dates)
    return len({_comparable(slot, v) for v in values}) > 1


def event_view(session: Session, event_id: int) -> dict | None:
    """One event: what it adds up to, and every source's claim side by side, slot by slot,
    with the slots where sources disagree marked, and each claim's version history."""
    event = session.get(EventRow, event_id)
    if event is None:
        return None
    names = repo.document_names(session)
    rows = session.scalars(select(ClaimRow).where(ClaimRow.event_id == event_id, ClaimRow.current.is_(True))
                           .order_by(ClaimRow.document_id, ClaimRow.evidence_start)).all()
    claims = [claim_dict(r, names.get(r.document_id)) for r in rows]
    slots = []
    for slot in dict.fromkeys(k for c in claims for k in c["values"]):
        stated = {c["id"]: c["values"][slot] for c in claims if c["values"].get(slot) not in (None, "", [])}
        slots.append({"slot": slot, "values": stated,
                      "disagree": _disagree(slot, list(stated.values())) if len(stated) > 1 else False})
    history = []
    for c in claims:
        for r in repo.claim_history(session, c["id"]):
            history.append({"claim_id": c["id"], "id": r.id, "version": r.version, "status": r.status,
                            "created_by": r.created_by, "created_at": r.created_at.isoformat() if r.created_at else None,
                            "note": r.note, "values": r.data["values"], "current": r.current})
    history.sort(key=lambda h: (h["created_at"] or "", h["id"]))
    place = event.place
    return {"event": {"id": event.id, "event_type": event.event_type, "date": event.date,
                      "date_precision": event.date_precision, "country": event.country, "admin1": event.admin1,
                      "place": {"name": place.name, "admin1": place.admin1, "country": place.country,
                                "latitude": place.latitude, "longitude": place.longitude,
                                "precision": place.precision} if place else None,
                      "perpetrator": event.perpetrator, "attack_type": event.attack_type, "killed": event.killed,
                      "values": event.values or {}, "merge_note": event.merge_note, "flagged": event.flagged},
            "claims": claims, "slots": slots, "history": history}


def actor_view(session: Session, actor_id: int) -> dict | None:
    """An actor's dossier: names, leadership, relations (as a network), attacks per year,
    strength estimates, designations, each claim with its source."""
    from sourcebook.store.queries import events_of_actor

    actor = session.get(ActorRow, actor_id)
    if actor is None:
        return None
    names = [actor.name] + sorted(a.alias for a in actor.aliases)
    keys = {n.casefold() for n in names}
    ids = actor_ids(session)
    doc_names = repo.document_names(session)
    found: dict[str, list[dict]] = {"leadership": [], "relation": [], "estimate": [], "designation": []}
    for row in repo.current_claims(session):
        if row.kind not in found:
            continue
        values = row.data.get("values", {})
        if any(str(values.get(k, "")).casefold() in keys for k in ACTOR_SLOTS):
            found[row.kind].append(claim_dict(row, doc_names.get(row.document_id)))
    nodes = {actor.name: {"id": actor.name, "actor_id": actor.id, "self": True}}
    links = []
    for c in found["relation"]:
        subject, obj = c["values"].get("subject"), c["values"].get("object")
        if not subject or not obj:
            continue
        for n in (subject, obj):
            key = actor.name if n.casefold() in keys else n
            nodes.setdefault(key, {"id": key, "actor_id": ids.get(n.casefold()), "self": False})
        links.append({"source": actor.name if subject.casefold() in keys else subject,
                      "target": actor.name if obj.casefold() in keys else obj,
                      "predicate": c["values"].get("predicate"), "claim_id": c["id"]})
    return {"actor": {"id": actor.id, "name": actor.name, "actor_type": actor.actor_type, "parent": actor.parent,
                      "parent_id": ids.get((actor.parent or "").casefold()), "aliases": names[1:]},
            "leadership": found["leadership"], "relations": found["relation"], "estimates": found["estimate"],
            "designations": found["designation"], "events_by_year": events_of_actor(session, names),
            "network": {"nodes": list(nodes.values()), "links": links}}


def actor_ids(session: Session) -> dict[str, int]:
    """Every name and alias (case-folded) -> actor id, to link names to dossiers."""
    out = {}
    for a in repo.actors(session):
        out.setdefault(a.name.casefold(), a.id)
        for alias in a.aliases:
            out.setdefault(alias.alias.casefold(), a.id)
    return out
