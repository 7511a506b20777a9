"""The PDF reader: the text layer of every page, through pypdf, and the document information.

Pages are separated by a blank line. The text is what pypdf reads, line breaks included; we do
not join hyphenated words, since a reader cannot tell "counter-\\nterrorism" from "terror-\\nism"
without a dictionary and the words must stay the source's own. A PDF with no text layer (a scan)
is an EmptyDocument: it needs OCR, which Sourcebook does not do.
"""
from __future__ import annotations

import io
import logging
from pathlib import Path

from sourcebook.errors import EmptyDocument, IngestError
from sourcebook.ingest._base import Extracted, clean, iso_date, library_error

MEDIA_TYPE = "application/pdf"


def read_pdf(path: Path, data: bytes) -> Extracted:
    """Read a `.pdf` file: the text of its pages and its /Title, /Author and /CreationDate.

    Args:
        path: the file, named in errors.
        data: its bytes.

    Returns:
        The pages' text, one blank line between pages.

    Raises:
        IngestError: the file is not a readable PDF, or is encrypted with a password.
        EmptyDocument: no page has a text layer.
    """
    from pypdf import PdfReader

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise IngestError(path, "not a PDF file (no %PDF header)")
    # pypdf reports every repaired flaw of a damaged file as a warning; the result is what counts
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(path, "encrypted PDF: a password is needed")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
        title, author, created = info.get("/Title"), info.get("/Author"), info.get("/CreationDate")
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a damaged file
        raise library_error(path, "PDF", exc) from exc
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise EmptyDocument(path, f"no text layer in {len(pages)} page(s); a scanned PDF needs OCR")
    return Extracted(text, MEDIA_TYPE, title=clean(title), author=clean(author),
                     published=iso_date(created), meta={"pages": len(pages)})
