"""Importers of the field's datasets, by format name: a GTD or ACLED export read as claims.

Each row becomes a document of its own (name `gtd:EVENTID`, `acled:EVENT_ID_CNTY`; media type
`text/csv`; origin `FILE:LINE`; author the dataset) whose text is the row written as
`column: value` lines, and one event claim whose every value points at its cell. The event merge
then sets these claims beside what the reports say.

Files are streamed: rows are read one by one and written in batches, each batch in its own
transaction, with bulk inserts. A malformed row is left out and reported with its line number;
a row of a kind we do not keep (an ACLED protest) is counted as skipped. Importing a file twice
adds nothing: a row's document is identified by its text.

Third parties add formats through the entry-point group `sourcebook.importers`.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Callable, Iterator

from sourcebook._plugins import load_formats, pick
from sourcebook.errors import SourcebookError

BUILTIN = {"gtd": "sourcebook.importers.gtd", "acled": "sourcebook.importers.acled"}
BATCH_SIZE = 2000
SNIFF_BYTES = 1 << 20


class Skip(Exception):
    """A well-formed row that holds nothing we keep (the message says what it is)."""


@dataclass(frozen=True)
class Importer:
    """A dataset format: the columns a file must have, those it reads, and
    `read_row(cells, codebook, origin) -> Document`,
    which raises `RowError` for a malformed row and `Skip` for a row of a kind we do not keep."""

    name: str
    description: str
    required: tuple[str, ...]
    columns: tuple[str, ...]
    read_row: Callable


@dataclass
class ImportReport:
    """What an import did. `problems` names every malformed row with its line; `skipped` counts
    well-formed rows of kinds we do not keep, by reason."""

    rows: int = 0
    added: int = 0
    unchanged: int = 0
    problems: list = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    resolve_seconds: float | None = None


@cache
def importers() -> dict[str, Importer]:
    return load_formats(BUILTIN, "IMPORTER", "sourcebook.importers")


def get_importer(name: str) -> Importer:
    return pick(importers(), name, "import")


def sniff_encoding(path: Path) -> str:
    """UTF-8 when the file's start reads as UTF-8, else Windows-1252 (the GTD's own files)."""
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start < len(head) - 4:   # not just a character cut at the end of the sample
            return "cp1252"
    return "utf-8-sig"


def read_documents(path: str | Path, fmt: str, codebook, report: ImportReport | None = None,
                   workers: int | None = 0) -> Iterator:
    """The documents of a dataset file's rows, in file order, without storing them."""
    from sourcebook.importers._stream import stream_documents

    path = Path(path)
    return stream_documents(path, sniff_encoding(path), get_importer(fmt), codebook,
                            report if report is not None else ImportReport(), workers=workers)


def import_file(Session, codebook, fmt: str, path: str | Path, progress: Callable[[str, int, int | None], None] | None = None,
                batch_size: int = BATCH_SIZE, workers: int | None = None) -> ImportReport:
    """Stream a dataset file into the store, a batch of rows per transaction.

    Args:
        Session: the store's session factory.
        fmt: an importer name (`gtd`, `acled`).
        progress: called as `progress("import", bytes_read, file_size)`.
        workers: processes that turn rows into documents while this one writes; None: one per
            spare core for large files, 0: none.

    Returns:
        what was added, what was already there, and every row left out with its line.
    """
    from sourcebook.importers._bulk import write_documents
    from sourcebook.importers._stream import stream_documents

    importer = get_importer(fmt)
    path = Path(path)
    if not path.is_file():
        raise SourcebookError(f"{path}: no such file")
    started = time.perf_counter()
    report = ImportReport()
    size = path.stat().st_size
    tick = (lambda done: progress("import", min(done, size), size)) if progress else None
    batch = []
    for doc in stream_documents(path, sniff_encoding(path), importer, codebook, report, tick, workers):
        batch.append(doc)
        if len(batch) >= batch_size:
            _flush(Session, batch, fmt, report, write_documents)
    _flush(Session, batch, fmt, report, write_documents)
    report.seconds = time.perf_counter() - started
    return report


def _flush(Session, batch: list, fmt: str, report: ImportReport, write) -> None:
    if not batch:
        return
    with Session.begin() as session:
        added = write(session, batch, f"import:{fmt}")
    report.added += added
    report.unchanged += len(batch) - added
    batch.clear()


__all__ = ["Importer", "ImportReport", "Skip", "importers", "get_importer", "import_file", "read_documents"]
