"""Plain text and Markdown readers: the file's words as written, with the metadata they show."""
from __future__ import annotations

import pytest

from sourcebook.ingest import ingest

REPORT = "Militants attacked a police post in Lakki Marwat overnight, killing three officers.\n"


@pytest.mark.parametrize("raw, expected", [
    pytest.param("One line.\r\nTwo   lines.\r\n", "One line.\nTwo lines.\n", id="crlf-and-spaces"),
    pytest.param("Para one.\n\n\n\n\nPara two.", "Para one.\n\nPara two.\n", id="blank-lines-folded"),
    pytest.param("  “Quoted” — dash…  \n", "“Quoted” — dash…\n", id="typography-kept"),
    pytest.param("Page one ends\fPage two begins", "Page one ends\nPage two begins\n", id="form-feed-breaks"),
])
def test_text_is_kept_as_written(tmp_path, raw, expected):
    path = tmp_path / "note.txt"
    path.write_bytes(raw.encode("utf-8"))
    doc = ingest(path)
    assert doc.text == expected
    assert (doc.name, doc.path, doc.media_type) == ("note.txt", str(path.resolve()), "text/plain")


@pytest.mark.parametrize("raw, title, author", [
    pytest.param("Troops retake a town in Cabo Delgado\n\nBy Ana Cossa\n\n" + REPORT,
                 "Troops retake a town in Cabo Delgado", "Ana Cossa", id="headline-and-byline"),
    pytest.param("MOZAMBIQUE-SECURITY/PALMA (UPDATE 1)\n\nTroops retake a town in Cabo Delgado\n\n" + REPORT,
                 "Troops retake a town in Cabo Delgado", None, id="slug-then-headline"),
    pytest.param(REPORT + "\nSecond paragraph.\n", None, None, id="opens-with-a-sentence"),
    pytest.param("Background\n\n" + REPORT, None, None, id="one-word-rubric"),
    pytest.param("x" * 200 + "\n\n" + REPORT, None, None, id="overlong-first-line"),
    pytest.param("By Ana Cossa\n\n" + REPORT, None, "Ana Cossa", id="byline-only"),
])
def test_text_title_and_byline(tmp_path, raw, title, author):
    path = tmp_path / "wire.txt"
    path.write_text(raw, encoding="utf-8")
    doc = ingest(path)
    assert (doc.title, doc.author, doc.published) == (title, author, None)


MARKDOWN = """# Jama'at Nusrat al-Islam wal-Muslimin

*From an encyclopaedia of armed groups*

**JNIM** ("Group for the Support of Islam and Muslims") formed in **March 2017** from a merger of [four groups](#history).

## History

- 2017: merger announced
"""


def test_markdown_markup_is_kept(tmp_path):
    path = tmp_path / "jnim.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    doc = ingest(path)
    assert doc.text == MARKDOWN
    assert (doc.title, doc.media_type) == ("Jama'at Nusrat al-Islam wal-Muslimin", "text/markdown")


@pytest.mark.parametrize("raw, title, author, published, origin", [
    pytest.param("Intro line.\n\n## Section\n\n# The real title #\n\nBody.", "The real title", None, None, None,
                 id="first-h1-not-h2"),
    pytest.param("Boko Haram after Shekau\n=======================\n\nBody text.", "Boko Haram after Shekau",
                 None, None, None, id="setext-heading"),
    pytest.param("---\ntitle: Lake Chad brief\nauthor: [N. Bello, F. Ali]\ndate: 2021-06-28\n"
                 "url: https://example.org/brief\n---\n\n# Heading\n\nBody.",
                 "Lake Chad brief", "N. Bello, F. Ali", "2021-06-28", "https://example.org/brief", id="front-matter"),
    pytest.param("---\ndate: 2021-13-45\n---\n\n# Heading\n\nBody.", "Heading", None, None, None,
                 id="front-matter-invalid-date"),
    pytest.param("---\n: [unclosed\n---\n\nBody without heading.", None, None, None, None, id="front-matter-broken"),
    pytest.param("#hashtag is not a heading\n\nBody.", None, None, None, None, id="hashtag"),
    pytest.param("# Title\n\n*By Omar Sheikh*\n\nBody.", "Title", "Omar Sheikh", None, None, id="emphasised-byline"),
])
def test_markdown_metadata(tmp_path, raw, title, author, published, origin):
    path = tmp_path / "page.markdown"
    path.write_text(raw, encoding="utf-8")
    doc = ingest(path)
    assert (doc.title, doc.author, doc.published) == (title, author, published)
    assert doc.origin == (origin or path.resolve().as_uri())
    assert doc.text.startswith(raw.split("\n")[0])
