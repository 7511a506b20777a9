"""The DOCX reader, on files built with python-docx in a temporary folder."""
from __future__ import annotations

import datetime as dt
import zipfile

import docx
import pytest

from sourcebook.errors import EmptyDocument, IngestError
from sourcebook.ingest import ingest


def write_docx(path, paragraphs=(), table=None, **props):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    for key, value in props.items():
        setattr(document.core_properties, key, value)
    document.save(path)
    return path


def test_docx_reads_paragraphs_and_tables_in_order(tmp_path):
    path = write_docx(tmp_path / "report.docx",
                      ["Abu Sayyaf gunmen seized three fishermen off Jolo.", "", "The navy began a search."],
                      table=[["Date", "Place", "Killed"], ["4 June 2018", "Basilan", "7"]])
    doc = ingest(path)
    assert doc.text == ("Abu Sayyaf gunmen seized three fishermen off Jolo.\n\nThe navy began a search.\n\n"
                        "Date Place Killed\n\n4 June 2018 Basilan 7\n")
    assert doc.media_type.endswith("wordprocessingml.document")


def test_docx_merged_cells_are_read_once(tmp_path):
    document = docx.Document()
    grid = document.add_table(rows=1, cols=3)
    merged = grid.cell(0, 0).merge(grid.cell(0, 1))
    merged.text = "Tillabéri region"
    grid.cell(0, 2).text = "12"
    document.save(tmp_path / "merged.docx")
    assert ingest(tmp_path / "merged.docx").text == "Tillabéri region 12\n"


@pytest.mark.parametrize("props, expected", [
    pytest.param({"title": "Lake Chad brief", "author": "Analysis unit", "created": dt.datetime(2021, 6, 28, 9, 0)},
                 ("Lake Chad brief", "Analysis unit", "2021-06-28"), id="core-properties"),
    pytest.param({}, (None, None, None), id="library-template-stamp-ignored"),
    pytest.param({"author": "M. Diallo"}, (None, "M. Diallo", None), id="author-set-template-date-ignored"),
    pytest.param({"created": dt.datetime(2020, 1, 2, 23, 30, tzinfo=dt.timezone.utc)}, (None, None, "2020-01-02"),
                 id="date-set-template-author-ignored"),
])
def test_docx_reads_core_properties(tmp_path, props, expected):
    path = write_docx(tmp_path / "brief.docx", ["JNIM claimed the ambush in a statement."], **props)
    doc = ingest(path)
    assert (doc.title, doc.author, doc.published) == expected


def test_docx_title_style_is_a_title_when_properties_have_none(tmp_path):
    document = docx.Document()
    document.add_paragraph("Boko Haram factions after 2016", style="Title")
    document.add_paragraph("The split followed a dispute over targeting civilians.")
    document.save(tmp_path / "styled.docx")
    assert ingest(tmp_path / "styled.docx").title == "Boko Haram factions after 2016"


@pytest.mark.parametrize("data, reason", [
    pytest.param(b"PK\x03\x04 this is not really a zip", "not a DOCX file", id="bad-zip"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "not a DOCX file", id="old-word-doc"),
])
def test_docx_corrupt_file_is_an_ingest_error(tmp_path, data, reason):
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    with pytest.raises(IngestError, match=reason) as caught:
        ingest(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_docx_zip_without_a_document_is_an_ingest_error(tmp_path):
    path = tmp_path / "hollow.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "no word document here")
    with pytest.raises(IngestError, match="not a readable DOCX"):
        ingest(path)


def test_docx_with_an_empty_body_is_empty(tmp_path):
    path = write_docx(tmp_path / "blank.docx", ["", "   "])
    with pytest.raises(EmptyDocument):
        ingest(path)
