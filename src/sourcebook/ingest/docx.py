"""The DOCX reader: body paragraphs and tables in reading order, through python-docx.

Headers and footers are left out (running heads and page numbers are furniture). Each paragraph
is a block of its own; a table row is one block whose cells stand side by side. The core
properties give title, author and the creation date, which is the nearest thing a Word file has
to a publication date.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from sourcebook.errors import DocumentTooLarge, EmptyDocument, IngestError
from sourcebook.ingest._base import Extracted, clean, iso_date, library_error

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# a DOCX is a zip; refuse one that would inflate past this before parsing it (a zip bomb)
MAX_UNZIPPED_BYTES = 200_000_000
# python-docx's own template stamps these on every file it makes; they describe the library,
# not the document
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = "2013-12-23T23:15:00"


def read_docx(path: Path, data: bytes) -> Extracted:
    """Read a `.docx` file: its body text and core properties.

    Args:
        path: the file, named in errors.
        data: its bytes.

    Returns:
        Paragraphs and table rows, one block each, separated by blank lines.

    Raises:
        IngestError: the file is not a readable DOCX.
        DocumentTooLarge: it would unpack past `MAX_UNZIPPED_BYTES`.
        EmptyDocument: its body holds no text.
    """
    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise IngestError(path, f"not a DOCX file (not a zip archive: {type(exc).__name__})") from None
    if unzipped > MAX_UNZIPPED_BYTES:
        raise DocumentTooLarge(path, f"unpacks to {unzipped} bytes, over the limit of {MAX_UNZIPPED_BYTES}")
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document))
        props = document.core_properties
        title = clean(props.title) or _styled_title(document)
        author = None if props.author == _TEMPLATE_AUTHOR else props.author
        stamped = props.created is not None and props.created.isoformat().startswith(_TEMPLATE_CREATED)
        published = None if stamped else iso_date(props.created)
    except Exception as exc:  # noqa: BLE001 - python-docx and lxml raise many kinds on a damaged file
        raise library_error(path, "DOCX", exc) from exc
    text = "\n\n".join(block for block in blocks if block.strip())
    if not text:
        raise EmptyDocument(path, "no text in the document body")
    return Extracted(text, MEDIA_TYPE, title=title, author=clean(author), published=published)


def _blocks(document):
    from docx.table import Table

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            yield from _rows(item)
        else:
            yield item.text


def _rows(table):
    from docx.table import Table

    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            # a merged cell is returned once per grid column it spans
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            nested = [t for t in cell.iter_inner_content() if isinstance(t, Table)]
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
            for inner in nested:
                cells.extend(_rows(inner))
        yield " ".join(c for c in cells if c)


def _styled_title(document) -> str | None:
    for paragraph in document.paragraphs[:5]:
        if paragraph.style is not None and paragraph.style.name == "Title" and paragraph.text.strip():
            return clean(paragraph.text)
    return None
