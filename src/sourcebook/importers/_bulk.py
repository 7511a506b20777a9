"""Bulk writes of imported documents: one INSERT per table and batch instead of one ORM object per
row, which is what lets a 200,000-row dataset import in well under a minute. The rows written are
the same as `repository.save_document` writes (same columns, same claim dict)."""
from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from sourcebook.model import Document
from sourcebook.serialize import claim_to_dict
from sourcebook.store.tables import ClaimRow, DocumentRow, SpanRow, utcnow


def write_documents(session: Session, docs: list[Document], created_by: str) -> int:
    """Insert the documents not yet stored, with their claims and spans; returns how many were new."""
    stored = set(session.scalars(select(DocumentRow.id).where(DocumentRow.id.in_([d.id for d in docs]))))
    fresh: dict[str, Document] = {}
    for doc in docs:
        if doc.id not in stored and doc.id not in fresh:
            fresh[doc.id] = doc
    if not fresh:
        return 0
    now = utcnow()
    session.execute(insert(DocumentRow), [
        {"id": d.id, "name": d.name, "path": d.path, "media_type": d.media_type, "title": d.title, "author": d.author,
         "published": d.published, "origin": d.origin, "text": d.text, "run_id": None, "ingested_at": now,
         "meta": {"actors": [asdict(a) for a in d.meta.get("actors", [])]}}
        for d in fresh.values()])
    claims = [(d.id, c) for d in fresh.values() for c in d.claims]
    if not claims:
        return len(fresh)
    ids = session.scalars(insert(ClaimRow).returning(ClaimRow.id, sort_by_parameter_order=True), [
        {"document_id": doc_id, "kind": c.kind, "data": claim_to_dict(c), "evidence_start": c.evidence.start,
         "evidence_end": c.evidence.end, "quote": c.evidence.quote, "confidence": c.confidence,
         "status": c.status.value, "version": 1, "current": True, "created_by": created_by, "created_at": now}
        for doc_id, c in claims]).all()
    session.execute(insert(SpanRow), [
        {"claim_id": claim_id, "slot": slot, "start": s.start, "end": s.end, "quote": s.quote}
        for claim_id, (_, c) in zip(ids, claims) for slot, s in c.spans.items()])
    return len(fresh)
