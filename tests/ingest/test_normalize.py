"""Normalisation and the content hash."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sourcebook.ingest.normalize import content_hash, make_document, normalize_text


@pytest.mark.parametrize("raw, expected", [
    pytest.param("a\r\nb\rc", "a\nb\nc\n", id="newlines"),
    pytest.param("e\u0301te\u0301", "été\n", id="nfc"),
    pytest.param("ter\u00adror cell\u200b", "terror cell\n", id="invisible"),
    pytest.param("one\u00a0\u2009two\t three", "one two three\n", id="spaces"),
    pytest.param("page one\fpage two\u2028line\u2029para", "page one\npage two\nline\npara\n", id="separators"),
    pytest.param("bell\x07 and\x00 nul", "bell and nul\n", id="controls-dropped"),
    pytest.param("e\x00\u0301", "é\n", id="composed-after-removal"),
    pytest.param("“Quoted” – ‘dash’ …", "“Quoted” – ‘dash’ …\n", id="typography-kept"),
    pytest.param("\n\n  a  \n\n\n\n b \n\n", "a\n\nb\n", id="blank-lines"),
])
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


@given(st.text())
def test_normalize_text_twice_changes_nothing(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


def test_normalize_make_document_id_is_the_hash_of_its_text():
    doc = make_document("The ELN bombed a pipeline in Arauca.\r\n", "eln.txt", title="ELN")
    assert (doc.text, doc.id, doc.title) == ("The ELN bombed a pipeline in Arauca.\n",
                                             content_hash("The ELN bombed a pipeline in Arauca.\n"), "ELN")
    assert len(doc.id) == 16
