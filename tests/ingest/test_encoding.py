"""Decoding: declared encodings, byte-order marks, detection, and refusal of what is not text."""
from __future__ import annotations

import pytest

from sourcebook.errors import IngestError
from sourcebook.ingest import ingest
from sourcebook.ingest._encoding import declared_charset, decode

WESTERN = ("Le commandant Jérôme Lefèvre a déclaré « nous avons perdu trois hommes » près de l’aéroport "
           "de Tombouctou — selon l’état-major, l’attaque a été repoussée.\n")
SPANISH = "Señor Núñez, alcalde de Tumaco, dijo que la emboscada dejó cuatro policías muertos en Nariño.\n"
GERMAN = "Die Polizei in Köln nahm zwei Männer fest; sie sollen Anschläge geplant haben, hieß es.\n"
RUSSIAN = "Взрыв у здания администрации в Махачкале: погибли три человека, сообщили власти.\n"


@pytest.mark.parametrize("text, encoding", [
    pytest.param(WESTERN, "utf-8", id="utf-8"),
    pytest.param(WESTERN, "utf-8-sig", id="utf-8-bom"),
    pytest.param(WESTERN, "utf-16", id="utf-16-bom"),
    pytest.param(WESTERN, "utf-32", id="utf-32-bom"),
    pytest.param(WESTERN, "cp1252", id="cp1252-curly-quotes"),
    pytest.param(SPANISH, "latin-1", id="latin-1"),
    pytest.param(GERMAN, "cp1252", id="cp1252-german"),
    pytest.param(RUSSIAN, "cp1251", id="cp1251-russian"),
    pytest.param(RUSSIAN, "utf-16-le", id="utf-16-le-no-bom-cyrillic"),
    pytest.param(SPANISH, "utf-16-be", id="utf-16-be-no-bom"),
])
def test_encoding_files_decode_to_their_words(tmp_path, text, encoding):
    path = tmp_path / f"Rapport_{encoding}_Ménaka.txt"
    path.write_bytes(text.encode(encoding))
    doc = ingest(path)
    assert doc.text == text
    assert doc.name == path.name


@pytest.mark.parametrize("data, declared, expected", [
    pytest.param(b'<meta charset="utf-8">', None, "utf-8", id="meta-charset"),
    pytest.param(b'<META HTTP-EQUIV="content-type" CONTENT="text/html; charset=Windows-1252">', None, "cp1252",
                 id="http-equiv"),
    pytest.param(b'<?xml version="1.0" encoding="ISO-8859-1"?>', None, "iso8859-1", id="xml-declaration"),
    pytest.param(b'<meta charset="no-such-charset">', None, None, id="unknown-name"),
    pytest.param(b"<p>charset=utf-8 in the text</p>", None, None, id="not-a-declaration"),
])
def test_encoding_declared_charset(data, declared, expected):
    assert declared_charset(data) == expected


def test_encoding_declaration_wins_over_detection():
    data = "Zoë’s café near Mopti".encode("cp1252")
    assert decode(data, "x.html", declared="cp1252") == ("Zoë’s café near Mopti", "cp1252")


def test_encoding_wrong_declaration_falls_back(tmp_path):
    # a page that says UTF-8 but was saved in Windows-1252 is still read
    path = tmp_path / "mislabelled.html"
    page = f'<html><head><meta charset="utf-8"></head><body><article><p>{WESTERN}</p></article></body></html>'
    path.write_bytes(page.encode("cp1252"))
    assert WESTERN.strip() in ingest(path).text


@pytest.mark.parametrize("data, reason", [
    pytest.param(b"Report\x00\x00\x01\x02 body \x00 more", "binary content", id="nul-bytes"),
    pytest.param(bytes(range(1, 9)) * 50 + b"some text", "binary content", id="control-characters"),
    pytest.param(b"\xff\xfe" + b"\x00\xd8", "not valid utf-16-le", id="bom-but-invalid"),
    pytest.param(bytes(range(128, 256)) * 3, "cannot be detected", id="undetectable"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary content", id="png-as-txt"),
])
def test_encoding_refuses_what_is_not_text(tmp_path, data, reason):
    path = tmp_path / "odd.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError, match=reason) as caught:
        ingest(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and "\n" not in message


def test_encoding_few_stray_controls_are_tolerated(tmp_path):
    path = tmp_path / "dos.txt"
    path.write_bytes(WESTERN.encode("utf-8") + b"\x1a")
    assert ingest(path).text == WESTERN
