"""Bulk writes of imported documents: one INSERT per table and batch instead of one ORM object per
row, and the rows handed to the driver with each column type's own conversion (JSON, dates), which
is what keeps a 200,000-row import near a minute. The rows written are the same as
`repository.save_document` writes (same columns, same claim dict).

Claim ids are given here (the next free ones) rather than returned by the database, because
SQLite answers a many-row INSERT ... RETURNING one row at a time; PostgreSQL's id sequence is
moved past them afterwards. An import is meant to be the only writer while it runs.
"""
from __future__ import annotations

import json
from typing import NamedTuple

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from sourcebook.model import Document
from sourcebook.serialize import claim_to_dict
from sourcebook.store.tables import ClaimRow, DocumentRow, utcnow

DOCUMENT_COLUMNS = ("id", "name", "path", "media_type", "title", "author", "published", "origin", "text", "run_id",
                    "ingested_at", "meta")
CLAIM_COLUMNS = ("id", "document_id", "kind", "data", "evidence_start", "evidence_end", "quote", "confidence",
                 "status", "version", "current", "created_by", "created_at")


class Prepared(NamedTuple):
    """A document as the rows it adds: its own row (meta as JSON text), and each claim's row (data
    as JSON text) with its spans. Plain tuples, cheap to send back from a worker process."""

    id: str
    row: tuple
    claims: list[tuple]


def prepare(doc: Document) -> Prepared:
    """The rows of a document, less the ids and times the writer gives."""
    meta = {"actors": [{"name": a.name, "actor_type": a.actor_type, "aliases": list(a.aliases), "parent": a.parent,
                        "id": None} for a in doc.meta.get("actors", [])]}
    row = (doc.id, doc.name, doc.path, doc.media_type, doc.title, doc.author, doc.published, doc.origin, doc.text,
           None, json.dumps(meta))
    claims = [(doc.id, c.kind, json.dumps(claim_to_dict(c)), c.evidence.start, c.evidence.end, c.evidence.quote,
               c.confidence, c.status.value) for c in doc.claims]
    return Prepared(doc.id, row, claims)


def _insert_rows(conn: Connection, table, columns: tuple[str, ...], rows: list[tuple], as_text: tuple[str, ...] = ()) -> None:
    """executemany straight to the driver, each value through its column type's bind processor
    (dates, booleans): SQLAlchemy's per-row statement machinery costs more than SQLite's insert
    itself for the many small rows of an import. `as_text` columns hold JSON already written,
    which SQLite stores as it is and other databases get parsed back for their own JSON type."""
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(columns))
    raw = conn.dialect.name == "sqlite"
    processors = []
    for i, name in enumerate(columns):
        f = table.c[name].type.bind_processor(conn.dialect)
        if name in as_text:
            if raw:
                continue
            f = (lambda g: (lambda v: g(json.loads(v))) if g else json.loads)(f)
        if f is not None:
            processors.append((i, f))
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


def write_documents(session: Session, docs: list[Document | Prepared], created_by: str) -> int:
    """Insert the documents not yet stored, with their claims and spans; returns how many were new."""
    items = [d if isinstance(d, Prepared) else prepare(d) for d in docs]
    stored = set(session.scalars(select(DocumentRow.id).where(DocumentRow.id.in_([d.id for d in items]))))
    fresh: dict[str, Prepared] = {}
    for item in items:
        if item.id not in stored and item.id not in fresh:
            fresh[item.id] = item
    if not fresh:
        return 0
    now = utcnow()
    conn = session.connection()
    _insert_rows(conn, DocumentRow.__table__, DOCUMENT_COLUMNS,
                 [(*d.row[:-1], now, d.row[-1]) for d in fresh.values()], as_text=("meta",))
    claims = [claim for d in fresh.values() for claim in d.claims]
    if not claims:
        return len(fresh)
    first = (conn.execute(select(func.max(ClaimRow.id))).scalar() or 0) + 1
    _insert_rows(conn, ClaimRow.__table__, CLAIM_COLUMNS,
                 [(first + i, *row, 1, True, created_by, now) for i, row in enumerate(claims)], as_text=("data",))
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT setval(pg_get_serial_sequence('claims', 'id'), :last)"),
                     {"last": first + len(claims) - 1})
    return len(fresh)
