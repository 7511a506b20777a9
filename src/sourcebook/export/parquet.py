"""Parquet export: one typed table per fact kind, for pandas, Polars and DuckDB.

A Parquet file holds one table, and a knowledge base has several, so the export is a zip
archive (`sourcebook export -f parquet -o kb.zip`) of one Parquet file per table, stored
uncompressed in the archive (Parquet compresses its own columns):

- `events.parquet`: the resolved events, figures as best/low/high, sources as a list;
- `event_claims.parquet`, `leadership.parquet`, `estimate.parquet`, `designation.parquet`,
  `relation.parquet`: every source's claims of that kind, each with its document, offsets and
  quote, review status and confidence;
- `actors.parquet`: canonical names, types and aliases.

Read one table with `pandas.read_parquet(zipfile.ZipFile("kb.zip").open("events.parquet"))`,
or unzip and point DuckDB or Polars at the files. `write_parquet_dir` writes the same files
into a folder.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from sourcebook.export import Exporter
from sourcebook.export._rows import event_records
from sourcebook.serialize import record_values
from sourcebook.store import repository as repo

STR, F64, I64, BOOL = pa.string(), pa.float64(), pa.int64(), pa.bool_()
LIST_STR = pa.list_(pa.string())
ZIP_TIME = (1980, 1, 1, 0, 0, 0)   # fixed, so the same knowledge base gives the same archive

CLAIM = [("claim_id", I64), ("document", STR), ("start", I64), ("end", I64), ("quote", STR),
         ("confidence", F64), ("status", STR), ("attribution", STR)]
SCHEMAS: dict[str, pa.Schema] = {
    "events": pa.schema([
        ("id", I64), ("event_type", STR), ("date", STR), ("date_precision", STR), ("year", pa.int32()),
        ("month", pa.int32()), ("day", pa.int32()), ("place", STR), ("admin1", STR), ("admin2", STR),
        ("country", STR), ("latitude", F64), ("longitude", F64), ("geo_precision", STR), ("perpetrator", STR),
        ("perpetrator_inferred", BOOL), ("actor", STR), ("target", STR), ("target_type", STR),
        ("attack_type", STR), ("suicide", BOOL), ("claimed", BOOL), ("operation_type", STR), ("outcome", STR),
        ("killed_best", I64), ("killed_low", I64), ("killed_high", I64), ("injured_best", I64),
        ("injured_low", I64), ("injured_high", I64), ("sources", LIST_STR), ("flagged", BOOL)]),
    "event_claims": pa.schema(CLAIM + [
        ("event_id", I64), ("event_type", STR), ("date", STR), ("date_precision", STR), ("place", STR),
        ("admin1", STR), ("country", STR), ("latitude", F64), ("longitude", F64), ("target", STR),
        ("target_type", STR), ("attack_type", STR), ("suicide", BOOL), ("claimed", BOOL), ("perpetrator", STR),
        ("actor", STR), ("operation_type", STR), ("outcome", STR), ("killed_low", I64), ("killed_high", I64),
        ("killed_qualifier", STR), ("injured_low", I64), ("injured_high", I64), ("injured_qualifier", STR)]),
    "leadership": pa.schema(CLAIM + [("organization", STR), ("role", STR), ("person", STR), ("start_date", STR),
                                     ("end_date", STR), ("end_reason", STR)]),
    "estimate": pa.schema(CLAIM + [("subject", STR), ("quantity", STR), ("low", I64), ("high", I64),
                                   ("qualifier", STR), ("as_of", STR), ("source", STR)]),
    "designation": pa.schema(CLAIM + [("organization", STR), ("designated_by", STR), ("instrument", STR),
                                      ("date", STR)]),
    "relation": pa.schema(CLAIM + [("subject", STR), ("predicate", STR), ("object", STR), ("date", STR)]),
    "actors": pa.schema([("name", STR), ("actor_type", STR), ("parent", STR), ("aliases", LIST_STR)]),
}
# claim slots renamed so that no column is an SQL keyword
RENAMED = {"start": "start_date", "end": "end_date"}


def _cell(value: Any, kind: pa.DataType) -> Any:
    """A value coerced to its column's type; what does not fit is left out rather than guessed."""
    if value is None:
        return None
    if isinstance(value, list) and kind != LIST_STR:
        value = value[0] if value else None
    try:
        if kind == STR:
            return str(value)
        if kind == BOOL:
            return value if isinstance(value, bool) else None
        if pa.types.is_integer(kind):
            return int(value) if not isinstance(value, bool) else None
        if kind == F64:
            return float(value)
    except (TypeError, ValueError):
        return None
    return value


def _figure(prefix: str, value: Any) -> dict:
    if isinstance(value, dict):
        low = value.get("low", value.get("best"))
        return {f"{prefix}_low": low, f"{prefix}_high": value.get("high", low)}
    return {f"{prefix}_low": value, f"{prefix}_high": value}


def _event_rows(session) -> Iterator[dict]:
    for e in event_records(session):
        row = {k: getattr(e, k) for k in SCHEMAS["events"].names if hasattr(e, k)}
        for slot, fig in (("killed", e.killed), ("injured", e.injured)):
            row.update({f"{slot}_best": fig.best, f"{slot}_low": fig.low, f"{slot}_high": fig.high} if fig else {})
        row["sources"] = [s.name for s in e.sources]
        yield row


def _claim_rows(session, kind: str) -> Iterator[dict]:
    for row, document in repo.iter_claim_rows(session, kind):
        claim = repo.to_claim(row)
        values = record_values(claim.values)
        out = {"claim_id": row.id, "document": document, "start": claim.evidence.start, "end": claim.evidence.end,
               "quote": claim.evidence.quote, "confidence": claim.confidence, "status": row.status,
               "attribution": claim.attribution, "event_id": row.event_id}
        for slot, value in values.items():
            if slot in ("killed", "injured"):
                out.update(_figure(slot, value))
            else:
                out[RENAMED.get(slot, slot)] = value
        yield out


def tables(session) -> dict[str, pa.Table]:
    """Every table of the export, typed by SCHEMAS."""
    rows: dict[str, list[dict]] = {
        "events": list(_event_rows(session)),
        "event_claims": list(_claim_rows(session, "event")),
        **{kind: list(_claim_rows(session, kind)) for kind in ("leadership", "estimate", "designation", "relation")},
        "actors": [{"name": a.name, "actor_type": a.actor_type, "parent": a.parent,
                    "aliases": sorted(x.alias for x in a.aliases)} for a in repo.actors(session)],
    }
    out = {}
    for name, schema in SCHEMAS.items():
        columns = {f.name: [_cell(r.get(f.name), f.type) for r in rows[name]] for f in schema}
        out[name] = pa.table({f.name: pa.array(columns[f.name], type=f.type) for f in schema}, schema=schema)
    return out


def _parquet_bytes(table: pa.Table) -> bytes:
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def write_parquet(session, codebook, fh) -> int:
    n = 0
    with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, table in tables(session).items():
            archive.writestr(zipfile.ZipInfo(f"{name}.parquet", date_time=ZIP_TIME), _parquet_bytes(table))
            n += table.num_rows
    return n


def write_parquet_dir(session, codebook, path: str | Path) -> int:
    """The same tables as Parquet files in a folder (made if missing); returns rows written."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    n = 0
    for name, table in tables(session).items():
        pq.write_table(table, path / f"{name}.parquet")
        n += table.num_rows
    return n


EXPORTER = Exporter("parquet", ".zip", "application/zip", write_parquet,
                    "Parquet tables in a zip: events, every kind of claim and actors, typed for pandas and DuckDB.",
                    binary=True)
