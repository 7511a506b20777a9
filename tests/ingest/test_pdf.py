"""The PDF reader, on small PDFs written by hand here (no binary fixture is committed)."""
from __future__ import annotations

import pytest

from sourcebook.errors import EmptyDocument, IngestError
from sourcebook.ingest import ingest


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str]], info: dict[str, str] | None = None) -> bytes:
    """A minimal valid PDF: one Helvetica text line per string, an /Info dictionary if given."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for page_id, lines in zip(page_ids, pages):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                       f"/Contents {page_id + 1} 0 R >>".encode())
        body = "BT /F1 11 Tf 14 TL 72 720 Td " + " ".join(f"({_escape(line)}) Tj T*" for line in lines) + " ET"
        stream = body.encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    trailer_info = ""
    if info:
        entries = " ".join(f"/{key} ({_escape(value)})" for key, value in info.items())
        objects.append(f"<< {entries} >>".encode("latin-1"))
        trailer_info = f" /Info {len(objects)} 0 R"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{trailer_info} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_pdf_reads_the_text_of_every_page(tmp_path):
    path = tmp_path / "brief.pdf"
    path.write_bytes(make_pdf([["Ansar Dine fighters attacked a checkpoint near Gao."],
                               ["Four soldiers were killed, the army said."]]))
    doc = ingest(path)
    assert "Ansar Dine fighters attacked a checkpoint near Gao." in doc.text
    assert "Four soldiers were killed, the army said." in doc.text
    assert doc.text.index("Gao.") < doc.text.index("Four soldiers")
    assert doc.media_type == "application/pdf"
    assert doc.meta["file"]["pages"] == 2


@pytest.mark.parametrize("info, expected", [
    pytest.param({"Title": "Sahel security brief", "Author": "Research desk", "CreationDate": "D:20190503120000+01'00'"},
                 ("Sahel security brief", "Research desk", "2019-05-03"), id="full-info"),
    pytest.param({"CreationDate": "D:2019"}, (None, None, "2019"), id="year-only-date"),
    pytest.param({"Title": "   "}, (None, None, None), id="blank-title"),
    pytest.param(None, (None, None, None), id="no-info"),
])
def test_pdf_reads_the_document_information(tmp_path, info, expected):
    path = tmp_path / "brief.pdf"
    path.write_bytes(make_pdf([["The ADF raided a village in Beni territory."]], info))
    doc = ingest(path)
    assert (doc.title, doc.author, doc.published) == expected


@pytest.mark.parametrize("data, error, reason", [
    pytest.param(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", IngestError, "not a readable PDF", id="truncated"),
    pytest.param(b"<html><body>not a pdf</body></html>", IngestError, "not a PDF file", id="html-named-pdf"),
    pytest.param(b"%PDF-1.4\n" + bytes(range(256)) * 4, IngestError, "not a readable PDF", id="garbage-after-header"),
])
def test_pdf_corrupt_file_is_an_ingest_error(tmp_path, data, error, reason):
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(error) as caught:
        ingest(path)
    assert reason in str(caught.value)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_pdf_without_a_text_layer_is_empty(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[]]))
    with pytest.raises(EmptyDocument, match="OCR"):
        ingest(path)
