"""Files to Documents: `ingest(path)` picks a reader by the file's suffix.

    doc = ingest("reports/brief.pdf")
    for item in ingest_many(["reports/", "extra.html"]):
        if isinstance(item, IngestError): print(item)
        else: book.add(item)

Built-in readers are in `READERS` (suffix -> `reader(path, data) -> Extracted`); third parties add
suffixes through the entry-point group `sourcebook.readers`, whose entry names are suffixes
(`rtf` or `.rtf`), discovered once, lazily. A built-in reader is never replaced by a plugin.

A document's id is the content hash of its normalised text: the same file read twice, or a copy
under another name, gives the same id. Every failure is an `IngestError` naming the file, on one
line; `ingest_many` yields it in place of the document so that a batch goes on.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path

from sourcebook.errors import DocumentTooLarge, EmptyDocument, IngestError, UnsupportedFormat
from sourcebook.ingest._base import Extracted, Reader, one_line
from sourcebook.ingest.docx import read_docx
from sourcebook.ingest.html import read_html
from sourcebook.ingest.normalize import content_hash, make_document, normalize_text
from sourcebook.ingest.pdf import read_pdf
from sourcebook.ingest.text import read_markdown, read_text
from sourcebook.model import Document

__all__ = [
    "ENTRY_POINT_GROUP", "MAX_BYTES", "MAX_CHARS", "READERS", "Extracted", "Reader", "content_hash", "expand",
    "ingest", "ingest_many", "make_document", "normalize_text", "reader_for", "readers",
]

MAX_BYTES = 20_000_000
"""Default limit on a file's size, in bytes."""
MAX_CHARS = 5_000_000
"""Default limit on a document's normalised text, in characters."""

ENTRY_POINT_GROUP = "sourcebook.readers"

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
}


@cache
def _plugins() -> dict[str, EntryPoint]:
    found = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        suffix = entry.name.strip().lower()
        found["." + suffix.lstrip(".")] = entry
    return found


def readers() -> dict[str, str]:
    """Every suffix that has a reader -> where the reader comes from (`builtin` or a plugin's module)."""
    known = {suffix: "builtin" for suffix in READERS}
    for suffix, entry in _plugins().items():
        known.setdefault(suffix, entry.value)
    return dict(sorted(known.items()))


def reader_for(path: Path | str) -> Reader:
    """The reader for a file's suffix.

    Raises:
        UnsupportedFormat: no reader, built-in or plugin, takes this suffix.
        IngestError: the plugin that takes it fails to load.
    """
    suffix = Path(path).suffix.lower()
    if suffix in READERS:
        return READERS[suffix]
    entry = _plugins().get(suffix)
    if entry is None:
        known = ", ".join(readers())
        raise UnsupportedFormat(path, f"no reader for {suffix or 'files without a suffix'} (readers: {known})")
    try:
        return entry.load()
    except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop a batch
        raise IngestError(path, f"reader plugin {entry.value} failed to load ({one_line(exc)})") from exc


def ingest(path: Path | str, *, max_bytes: int = MAX_BYTES, max_chars: int = MAX_CHARS) -> Document:
    """Read one file as a Document.

    Args:
        path: the file.
        max_bytes: refuse a file larger than this.
        max_chars: refuse a document whose text is longer than this.

    Returns:
        The Document: normalised text, id = content hash, `name` the file name, `path` absolute,
        `origin` the URL the file declares or else the file's URI, and what metadata it gives.
        `doc.meta["file"]` keeps the reader's extras (encoding, page count, size).

    Raises:
        UnsupportedFormat: no reader for the suffix.
        EmptyDocument: no text once read.
        DocumentTooLarge: over `max_bytes` or `max_chars`.
        IngestError: anything else that stops the file being read (missing, unreadable, binary,
            undecodable, corrupt).
    """
    path = Path(path)
    reader = reader_for(path)
    data = _read_bytes(path, max_bytes)
    extracted = _run(reader, path, data)
    text = normalize_text(extracted.text)
    if not text.strip():
        raise EmptyDocument(path, "empty file, no text" if not data else "no text, only whitespace")
    if len(text) > max_chars:
        raise DocumentTooLarge(path, f"{len(text)} characters of text, over the limit of {max_chars}")
    absolute = path.resolve()
    return Document(
        id=content_hash(text), text=text, name=path.name, path=str(absolute),
        media_type=extracted.media_type, title=extracted.title, author=extracted.author,
        published=extracted.published, origin=extracted.origin or absolute.as_uri(),
        meta={"file": {"bytes": len(data), **extracted.meta}},
    )


def ingest_many(paths: Path | str | Iterable[Path | str], *, max_bytes: int = MAX_BYTES,
                max_chars: int = MAX_CHARS) -> Iterator[Document | IngestError]:
    """Read files and folders, yielding each file's Document or the IngestError that stopped it.

    Folders are walked recursively in sorted order; hidden files and folders (a name starting with
    a dot) inside them are skipped. Files named directly are read whatever their name.

    Args:
        paths: a file or folder, or several.
        max_bytes: as for `ingest`.
        max_chars: as for `ingest`.

    Yields:
        A Document, or an IngestError naming the file, for every file, in order.
    """
    for path in expand(paths):
        try:
            yield ingest(path, max_bytes=max_bytes, max_chars=max_chars)
        except IngestError as exc:
            yield exc


def expand(paths: Path | str | Iterable[Path | str]) -> Iterator[Path]:
    """The files named, folders replaced by the visible files under them, in sorted order."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for path in map(Path, paths):
        if not path.is_dir():
            yield path
            continue
        found = []
        for root, folders, files in os.walk(path):
            folders[:] = [f for f in folders if not f.startswith(".")]
            found.extend(Path(root, name) for name in files if not name.startswith("."))
        # by path parts, so that a folder's files come where its name sorts
        yield from sorted(found, key=lambda p: p.relative_to(path).parts)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            raise IngestError(path, "is a folder, not a file (ingest_many reads folders)")
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentTooLarge(path, f"{size} bytes, over the limit of {max_bytes}")
        return path.read_bytes()
    except FileNotFoundError:
        raise IngestError(path, "no such file") from None
    except PermissionError:
        raise IngestError(path, "permission denied") from None
    except OSError as exc:
        raise IngestError(path, f"cannot be read ({exc.strerror or one_line(exc)})") from None


def _run(reader: Reader, path: Path, data: bytes) -> Extracted:
    try:
        extracted = reader(path, data)
    except IngestError:
        raise
    except Exception as exc:
        if reader in READERS.values():
            raise  # a bug of ours: let it show, with its traceback
        raise IngestError(path, f"reader failed ({type(exc).__name__}: {one_line(exc)})") from exc
    # a plugin may hand back bare text
    return Extracted(extracted) if isinstance(extracted, str) else extracted
