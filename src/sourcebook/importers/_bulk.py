"""Bulk writes of imported documents: one INSERT per table and batch instead of one ORM object per
row, and the rows handed to the driver with each column type's own conversion (JSON, dates), which
is what keeps a 200,000-row import near a minute. The rows written are the same as
`repository.save_document` writes (same columns, same claim dict).

Claim ids are given here (the next free ones) rather than returned by the database, because
SQLite answers a many-row INSERT ... RETURNING one row at a time; PostgreSQL's id sequence is
moved past them afterwards. An import is meant to be the only writer while it runs.
"""
from __future__ import annotations

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from sourcebook.model import Document
from sourcebook.serialize import claim_to_dict
from sourcebook.store.tables import ClaimRow, DocumentRow, SpanRow, utcnow

DOCUMENT_COLUMNS = ("id", "name", "path", "media_type", "title", "author", "published", "origin", "text", "run_id",
                    "ingested_at", "meta")
CLAIM_COLUMNS = ("id", "document_id", "kind", "data", "evidence_start", "evidence_end", "quote", "confidence",
                 "status", "version", "current", "created_by", "created_at")
SPAN_COLUMNS = ("claim_id", "slot", "start", "end", "quote")


def _insert_rows(conn: Connection, table, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """executemany straight to the driver, each value through its column type's bind processor
    (JSON, dates, booleans): SQLAlchemy's per-row statement machinery costs more than SQLite's
    insert itself for the many small rows of an import."""
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(columns))
    processors = [(i, table.c[name].type.bind_processor(conn.dialect)) for i, name in enumerate(columns)]
    processors = [(i, f) for i, f in processors if f is not None]
    if processors:
        converted = []
        for row in rows:
            row = list(row)
            for i, f in processors:
                row[i] = f(row[i])
            converted.append(tuple(row))
        rows = converted
    if compiled.positional:
        order = [columns.index(name) for name in compiled.positiontup]
        params = rows if order == list(range(len(columns))) else [tuple(row[i] for i in order) for row in rows]
    else:
        params = [dict(zip(columns, row)) for row in rows]
    conn.exec_driver_sql(str(compiled), params)


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
    conn = session.connection()
    _insert_rows(conn, DocumentRow.__table__, DOCUMENT_COLUMNS, [
        (d.id, d.name, d.path, d.media_type, d.title, d.author, d.published, d.origin, d.text, None, now,
         {"actors": [{"name": a.name, "actor_type": a.actor_type, "aliases": list(a.aliases), "parent": a.parent,
                      "id": None} for a in d.meta.get("actors", [])]})
        for d in fresh.values()])
    claims = [(d.id, c) for d in fresh.values() for c in d.claims]
    if not claims:
        return len(fresh)
    first = (conn.execute(select(func.max(ClaimRow.id))).scalar() or 0) + 1
    _insert_rows(conn, ClaimRow.__table__, CLAIM_COLUMNS, [
        (first + i, doc_id, c.kind, claim_to_dict(c), c.evidence.start, c.evidence.end, c.evidence.quote,
         c.confidence, c.status.value, 1, True, created_by, now)
        for i, (doc_id, c) in enumerate(claims)])
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT setval(pg_get_serial_sequence('claims', 'id'), :last)"),
                     {"last": first + len(claims) - 1})
    _insert_rows(conn, SpanRow.__table__, SPAN_COLUMNS, [
        (first + i, slot, s.start, s.end, s.quote) for i, (_, c) in enumerate(claims) for slot, s in c.spans.items()])
    return len(fresh)
