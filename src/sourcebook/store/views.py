"""Read-only views of a knowledge base as rows of plain values: what the command line prints,
the HTTP API returns and the workbench draws. Events, tenures and estimates are views over claims."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sourcebook.serialize import record_values
from sourcebook.store import repository as repo
from sourcebook.store.tables import ClaimRow, DocumentRow


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
                    "sources": v.get("sources", []), "flagged": e.flagged})
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
