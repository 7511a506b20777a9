"""ingest / ingest_many: reader choice, errors that name the file, ids, folders, plugins."""
from __future__ import annotations

import os
import shutil
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcebook.errors import DocumentTooLarge, EmptyDocument, IngestError, UnsupportedFormat
from sourcebook.ingest import READERS, _plugins, ingest, ingest_many, readers
from sourcebook.model import Document

REPORT = "Gunmen attacked a convoy near Marawi on 9 May, killing two soldiers, the army said.\n"


def test_ingest_reader_per_suffix():
    assert set(READERS) == {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"}


@pytest.mark.parametrize("name, data, error, reason", [
    pytest.param("notes.rtf", b"{\\rtf1 text}", UnsupportedFormat, "no reader for .rtf", id="unsupported-suffix"),
    pytest.param("README", b"text", UnsupportedFormat, "without a suffix", id="no-suffix"),
    pytest.param("empty.txt", b"", EmptyDocument, "no text", id="empty"),
    pytest.param("blank.txt", b" \n\t\r\n  \n", EmptyDocument, "whitespace", id="whitespace-only"),
    pytest.param("blank.md", "\u00a0\u2003\n\u200b".encode(), EmptyDocument, "no text", id="invisible-only"),
    pytest.param("blank.html", b"   ", EmptyDocument, "empty page", id="blank-page"),
])
def test_ingest_errors_name_the_file(tmp_path, name, data, error, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error, match=reason) as caught:
        ingest(path)
    assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)


def test_ingest_missing_file(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        ingest(tmp_path / "gone.txt")


def test_ingest_folder_is_not_a_file(tmp_path):
    (tmp_path / "box.txt").mkdir()
    with pytest.raises(IngestError, match="is a folder"):
        ingest(tmp_path / "box.txt")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_ingest_unreadable_file(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text(REPORT)
    path.chmod(0)
    try:
        with pytest.raises(IngestError, match="permission denied"):
            ingest(path)
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("limits, reason", [
    pytest.param({"max_bytes": 50}, "bytes, over the limit of 50", id="bytes"),
    pytest.param({"max_chars": 40}, "characters of text, over the limit of 40", id="characters"),
])
def test_ingest_too_large(tmp_path, limits, reason):
    path = tmp_path / "long.txt"
    path.write_text(REPORT * 2)
    with pytest.raises(DocumentTooLarge, match=reason):
        ingest(path, **limits)
    assert isinstance(ingest(path), Document)


def test_ingest_same_text_same_id(tmp_path):
    first = tmp_path / "a.txt"
    first.write_text(REPORT)
    copy = tmp_path / "copy of a.txt"
    shutil.copy(first, copy)
    crlf = tmp_path / "a-windows.txt"
    crlf.write_bytes(REPORT.replace("\n", "\r\n").encode("utf-16"))
    other = tmp_path / "b.txt"
    other.write_text(REPORT.replace("two", "three"))
    ids = [ingest(p).id for p in (first, first, copy, crlf, other)]
    assert ids[0] == ids[1] == ids[2] == ids[3] != ids[4]
    assert ingest(copy).name == "copy of a.txt"


def test_ingest_many_walks_folders_sorted_and_goes_on_after_errors(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(REPORT)
    (tmp_path / "b" / "1.md").write_text("# Brief\n\n" + REPORT)
    (tmp_path / "a.txt").write_text("")
    (tmp_path / "c.csv").write_text("date,place\n")
    (tmp_path / ".hidden.txt").write_text(REPORT)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text(REPORT)
    extra = tmp_path / "b" / "2.txt"
    items = list(ingest_many([tmp_path, extra]))
    names = [os.path.relpath(item.path, tmp_path) for item in items]
    assert names == ["a.txt", os.path.join("b", "1.md"), os.path.join("b", "2.txt"), "c.csv",
                     os.path.join("b", "2.txt")]
    assert [type(item).__name__ for item in items] == ["EmptyDocument", "Document", "Document",
                                                       "UnsupportedFormat", "Document"]


def test_ingest_many_takes_one_path_as_a_string(tmp_path):
    (tmp_path / "one.txt").write_text(REPORT)
    assert [doc.name for doc in ingest_many(str(tmp_path / "one.txt"))] == ["one.txt"]


def test_ingest_many_missing_path_is_an_error_item(tmp_path):
    items = list(ingest_many([tmp_path / "nowhere.txt"]))
    assert len(items) == 1 and isinstance(items[0], IngestError)


@pytest.fixture
def reader_plugin(tmp_path, monkeypatch):
    """An installed distribution that adds a `.log` reader through the entry-point group."""
    site = tmp_path / "site"
    (site / "logreader-0.1.dist-info").mkdir(parents=True)
    (site / "logreader-0.1.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: logreader\nVersion: 0.1\n")
    (site / "logreader-0.1.dist-info" / "entry_points.txt").write_text(
        "[sourcebook.readers]\nlog = logreader:read_log\ntxt = logreader:read_log\nbad = logreader:missing\n")
    (site / "logreader.py").write_text(textwrap.dedent("""
        def read_log(path, data):
            return "\\n".join(line.split("|", 1)[-1] for line in data.decode().splitlines())
    """))
    monkeypatch.syspath_prepend(str(site))
    _plugins.cache_clear()
    yield
    _plugins.cache_clear()


def test_ingest_reader_plugins_add_suffixes(tmp_path, reader_plugin):
    path = tmp_path / "ops.log"
    path.write_text("08:00|Patrol ambushed near Kismayo.\n09:00|Two soldiers wounded.\n")
    doc = ingest(path)
    assert doc.text == "Patrol ambushed near Kismayo.\nTwo soldiers wounded.\n"
    assert readers()[".log"] == "logreader:read_log" and readers()[".txt"] == "builtin"
    plain = tmp_path / "plain.txt"
    plain.write_text("a|b\n")
    assert ingest(plain).text == "a|b\n"  # a plugin never replaces a built-in reader
    broken = tmp_path / "x.bad"
    broken.write_text("text")
    with pytest.raises(IngestError, match="failed to load"):
        ingest(broken)


def test_ingest_plugin_failure_is_an_ingest_error(tmp_path, reader_plugin):
    path = tmp_path / "odd.log"
    path.write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(IngestError, match="reader failed"):
        ingest(path)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=2000),
                      st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
                      st.text(max_size=300).map(lambda t: t.encode("utf-16", "surrogatepass"))))
def test_ingest_any_bytes_give_a_document_or_an_ingest_error(tmp_path, data):
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    try:
        doc = ingest(path)
    except IngestError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
    else:
        assert doc.text.strip() and doc.text.endswith("\n") and len(doc.id) == 16
