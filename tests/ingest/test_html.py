"""The HTML reader: main text only, the page's own words, the metadata the page declares."""
from __future__ import annotations

import html
import re

import pytest

from conftest import CORPUS
from sourcebook.errors import EmptyDocument
from sourcebook.ingest import ingest
from sourcebook.ingest.html import is_furniture

ARTICLE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Page</title>{head}</head><body>
<div id="consent"><p>We use cookies to improve your experience. Choose &#8220;Accept all&#8221; to agree.</p>
<button>Accept all</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/africa">Africa</a></li><li><a href="/sahel">Sahel</a></li></ul></nav></header>
<main><article>
<h1>Gunmen kill nine at a market in Ménaka</h1>
<p>Gunmen on motorbikes killed nine traders at a cattle market near Ménaka on Sunday, a local official told reporters, in the third such raid this month.</p>
<div>The official blamed the Islamic State Sahel Province, which has fought rival jihadists for control of the area since early last year.</div>
<p>Residents said the attackers &#8220;came from the east&#8221; and burned stalls &amp; trucks before leaving.</p>
</article>
<section class="share"><h2>Share this article</h2><ul><li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li></ul></section>
<section class="comments"><h2>Comments (1)</h2><div class="comment"><p class="who">reader99</p>
<p>Terrible news again from the Sahel, when will the authorities protect the markets in the region?</p></div></section>
</main>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/a">Flooding displaces thousands along the Niger river valley</a></li></ol></aside>
<footer><p>&copy; 2024 Sahel Courier. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""

PARAGRAPHS = [
    "Gunmen on motorbikes killed nine traders at a cattle market near Ménaka on Sunday, a local official told "
    "reporters, in the third such raid this month.",
    "The official blamed the Islamic State Sahel Province, which has fought rival jihadists for control of the "
    "area since early last year.",
    "Residents said the attackers “came from the east” and burned stalls & trucks before leaving.",
]
FURNITURE = ["We use cookies", "Accept all", "Share this article", "Facebook", "Comments (1)", "Terrible news",
             "Most read", "Flooding displaces", "All rights reserved", "Privacy policy", "Home"]


def visible_text(page: str) -> str:
    """The page's visible text as a referee reads it: tags removed, entities decoded, spaces folded."""
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def write_page(tmp_path, head="", name="page.html", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(ARTICLE.format(head=head).encode(encoding))
    return path


def test_html_keeps_the_article_paragraphs_whole(tmp_path):
    doc = ingest(write_page(tmp_path))
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.text
    assert doc.text.index(PARAGRAPHS[0]) < doc.text.index(PARAGRAPHS[1]) < doc.text.index(PARAGRAPHS[2])


@pytest.mark.parametrize("furniture", [pytest.param(f, id=f) for f in FURNITURE])
def test_html_drops_web_furniture(tmp_path, furniture):
    assert furniture not in ingest(write_page(tmp_path)).text


def test_html_text_is_the_pages_own_words(tmp_path):
    path = write_page(tmp_path)
    visible = visible_text(path.read_text(encoding="utf-8"))
    for block in ingest(path).text.split("\n\n"):
        assert " ".join(block.split()) in visible


@pytest.mark.parametrize("head, expected", [
    pytest.param('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Nine killed in Ménaka",'
                 ' "datePublished": "2024-02-11T21:05:00+00:00", "author": {"@type": "Person", "name": "A. Maïga"}}'
                 '</script>', ("Nine killed in Ménaka", "A. Maïga", "2024-02-11"), id="ld-json"),
    pytest.param('<script type="application/ld+json">{"@graph": [{"@type": "WebSite"}, {"@type": "Article",'
                 ' "headline": "Raid on a market", "datePublished": "2024-02"}]}</script>',
                 ("Raid on a market", None, "2024-02"), id="ld-json-graph"),
    pytest.param('<meta property="og:title" content="Raid near Ménaka">'
                 '<meta name="author" content="Sahel desk">'
                 '<meta property="article:published_time" content="2024-02-11T23:30:00-01:00">',
                 ("Raid near Ménaka", "Sahel desk", "2024-02-11"), id="meta-tags-local-day-kept"),
    pytest.param('<meta name="author" content="https://example.org/staff/1">', ("Gunmen kill nine at a market in Ménaka",
                 None, None), id="author-url-ignored-h1-title"),
    pytest.param('<script type="application/ld+json">{not json</script>',
                 ("Gunmen kill nine at a market in Ménaka", None, None), id="broken-ld-json"),
])
def test_html_reads_declared_metadata(tmp_path, head, expected):
    doc = ingest(write_page(tmp_path, head))
    assert (doc.title, doc.author, doc.published) == expected


def test_html_time_element_gives_the_date_and_canonical_link_the_origin(tmp_path):
    path = tmp_path / "p.html"
    path.write_text('<html><head><link rel="canonical" href="https://news.example/sahel/1"></head><body><article>'
                    '<p>By staff <time datetime="2023-11-30T08:00">30 November</time></p>'
                    f'<p>{PARAGRAPHS[0]}</p></article></body></html>', encoding="utf-8")
    doc = ingest(path)
    assert (doc.published, doc.origin) == ("2023-11-30", "https://news.example/sahel/1")


@pytest.mark.parametrize("page, expected", [
    pytest.param('<header><time datetime="2024-06-04">Today</time></header><article><p>{p}</p></article>', None,
                 id="header-date-is-not-publication"),
    pytest.param('<header><time datetime="2024-06-04">Today</time></header><article><p>{p}</p>'
                 '<p><time datetime="2024-06-01">1 June</time></p></article>', "2024-06-01", id="article-time"),
    pytest.param('<div><time itemprop="datePublished" datetime="2024-05-30">30 May</time></div><p>{p}</p>',
                 "2024-05-30", id="itemprop"),
    pytest.param('<article><p>{p}</p><time datetime="not a date">x</time></article>', None, id="bad-datetime"),
])
def test_html_time_element_only_when_it_dates_the_article(tmp_path, page, expected):
    path = tmp_path / "t.html"
    path.write_text("<html><body>" + page.format(p=PARAGRAPHS[0]) + "</body></html>", encoding="utf-8")
    assert ingest(path).published == expected


def test_html_origin_is_the_file_when_the_page_names_no_url(tmp_path):
    path = write_page(tmp_path)
    assert ingest(path).origin == path.resolve().as_uri()


@pytest.mark.parametrize("body", [
    pytest.param("<form><p>Lost your password?</p><p>Not a member? Please click here</p></form>", id="login-form"),
    pytest.param("<div class='login'><p>Lost your password?</p><p>Not a member? Please click here</p></div>",
                 id="login-div"),
    pytest.param("<p>Share this article</p><p>Sign up for our newsletter</p><p>Comments (0)</p>", id="share-signup"),
    pytest.param("<nav><a href='/'>Home</a></nav>", id="nav-only"),
    pytest.param("", id="empty-body"),
])
def test_html_page_of_furniture_only_is_empty(tmp_path, body):
    path = tmp_path / "login.html"
    path.write_text(f"<html><head><title>Log in</title></head><body>{body}</body></html>", encoding="utf-8")
    with pytest.raises(EmptyDocument) as caught:
        ingest(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("block, furniture", [
    pytest.param("Lost your password?", True, id="password"),
    pytest.param("Not a member? Please click here", True, id="not-member"),
    pytest.param("Click here to download the full report.", True, id="click-here"),
    pytest.param("© 2021 The Courier Ltd. All rights reserved.", True, id="copyright"),
    pytest.param("Return to top", True, id="return-top"),
    pytest.param("The group said it would click with local grievances. Please click here", False,
                 id="real-sentence-kept-whole"),
    pytest.param("Militants stormed the police post at 2 a.m. and freed six detainees.", False, id="report"),
    pytest.param("Share prices fell after the attack on the pipeline.", False, id="share-word"),
])
def test_html_is_furniture(block, furniture):
    assert is_furniture(block) is furniture


def test_html_tables_lists_and_breaks_keep_their_words(tmp_path):
    path = tmp_path / "chronology.html"
    path.write_text("<html><body><article><h1>Claimed attacks, 2019</h1>"
                    "<p>The list below gives each attack the group claimed during the year, with the toll.</p>"
                    "<table><tr><th>Date</th><th>Place</th><th>Killed</th></tr>"
                    "<tr><td>3 May 2019</td><td>Diffa</td><td>7</td></tr></table>"
                    "<ul><li>An ambush near Bosso.</li><li>A raid on Toumour.</li></ul>"
                    "<p>Figures are provisional<br>and may change.</p></article></body></html>", encoding="utf-8")
    blocks = ingest(path).text.rstrip("\n").split("\n\n")
    assert "3 May 2019 Diffa 7" in blocks
    assert "An ambush near Bosso." in blocks and "A raid on Toumour." in blocks
    assert "Figures are provisional\nand may change." in blocks


@pytest.mark.parametrize("declaration, encoding", [
    pytest.param('<meta charset="windows-1252">', "cp1252", id="meta-charset-1252"),
    pytest.param('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "latin-1",
                 id="http-equiv-latin1"),
    pytest.param('<?xml version="1.0" encoding="iso-8859-15"?>', "iso-8859-15", id="xml-declaration"),
])
def test_html_declared_charset(tmp_path, declaration, encoding):
    sentence = "Le capitaine Sékou Traoré a dit que l'armée a repoussé l'attaque près de Ségou."
    page = f"{declaration}<html><head><title>x</title></head><body><article><p>{sentence}</p></article></body></html>"
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode(encoding))
    assert sentence in ingest(path).text


def test_html_reference_web_page_keeps_the_article_and_drops_the_furniture():
    path = CORPUS / "d09_web_russian_embassy.html"
    if not path.exists():
        pytest.skip("the shared corpus is not beside this checkout")
    doc = ingest(path)
    assert "Monday’s blast at the consular gate is likely to unsettle the handful of foreign missions still " \
           "working in the capital." in doc.text
    for furniture in ("We use cookies", "Manage preferences", "Subscribe", "Share this article", "WhatsApp",
                      "Asia Briefing", "Sign up", "Comments (2)", "Another Monday", "Condolences", "Most read",
                      "Herat mosque blast", "All rights reserved", "Privacy policy", "Business"):
        assert furniture not in doc.text
    visible = visible_text(path.read_text(encoding="utf-8"))
    for block in doc.text.split("\n\n"):
        assert " ".join(block.split()) in visible
    assert doc.published and doc.title


@pytest.mark.parametrize("body, expected", [
    pytest.param("Two policemen were shot dead at a checkpoint in Quetta.", ["Two policemen were shot dead at a "
                 "checkpoint in Quetta."], id="text-straight-in-body"),
    pytest.param("<article><h1>Quetta</h1><p>The first paragraph of the report on the checkpoint attack.</p>"
                 "<div>Police blamed the Balochistan Liberation Army for the attack.</div>"
                 "<p>The last paragraph of the report on the checkpoint attack.</p></article>",
                 ["Police blamed the Balochistan Liberation Army for the attack."], id="text-div-between-paragraphs"),
    pytest.param("<div>Gunmen <b>killed</b> five people on the road to Turbat, police said."
                 "<p>A second paragraph about the convoy that was attacked.</p>Loose <i>tail</i> text after it.</div>",
                 ["Gunmen killed five people on the road to Turbat, police said.",
                  "A second paragraph about the convoy that was attacked.", "Loose tail text after it."],
                 id="loose-text-beside-blocks"),
])
def test_html_text_outside_paragraphs_is_kept(tmp_path, body, expected):
    path = tmp_path / "loose.html"
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    blocks = ingest(path).text.rstrip("\n").split("\n\n")
    for paragraph in expected:
        assert paragraph in blocks
