"""The HTML reader: a page's main text only, its words untouched, and the metadata it declares.

trafilatura finds the main text and leaves out menus, banners, share and comment sections,
asides and footers. We render its blocks ourselves, one paragraph each, adding no character of
our own: a quote is checked against the page's visible text with whitespace folded, so every
word and mark must be the page's (entities decoded, typographic quotes kept). What web furniture
trafilatura keeps (a log-in form that is the whole page) is dropped block by block with the
patterns of `codebook/data/furniture.yaml (`segments`)`.
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import lxml.html
import trafilatura
from lxml import etree

from sourcebook.codebook import load_lexicon
from sourcebook.errors import EmptyDocument
from sourcebook.ingest._base import Extracted, clean, iso_date
from sourcebook.ingest._encoding import declared_charset, decode

# lxml refuses a str that still declares its byte encoding
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
# characters lxml refuses; none of them is a visible word
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SEGMENT_END = re.compile(r"(?<=[.?!:|·•])\s+")
_SEGMENT_PUNCT = " .?!:|·•"

_BLOCK_TAGS = {"p", "head", "item", "quote", "code"}
_NESTED_TAGS = {"p", "head", "item", "quote", "list", "table", "row"}
_SKIPPED_TAGS = {"graphic", "comments"}
_LOOSE_TEXT_HOLDERS = ("body", "div", "section", "article", "main")
_HTML_BLOCKS = {
    "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "fieldset", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "ul",
}

# metadata keys in order of trust: schema.org first, then Open Graph, Dublin Core, citation and
# the vendors' own names (lower case, as <meta name> or <meta property> give them)
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "citation_title", "title")
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "citation_author", "parsely-author", "sailthru.author")
_DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "dc.date.issued", "dcterms.issued",
    "dc.date", "dcterms.date", "dcterms.created", "citation_publication_date", "citation_date",
    "date", "pubdate", "publishdate", "publish-date", "sailthru.date", "parsely-pub-date",
)
_ORIGIN_KEYS = ("og:url", "twitter:url")


def read_html(path: Path, data: bytes) -> Extracted:
    """Read an `.html` page: its main text, one block a paragraph, and its declared metadata.

    Args:
        path: the file, named in errors.
        data: its bytes.

    Returns:
        The main text; title, author, published date and canonical URL when the page declares them.

    Raises:
        EmptyDocument: the page has no main text, or only web furniture.
    """
    text, encoding = decode(data, path, declared_charset(data))
    text = _NOT_XML.sub(" ", _XML_DECLARATION.sub("", text, count=1))
    if not text.strip():
        raise EmptyDocument(path, "empty page")
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise EmptyDocument(path, f"no HTML content ({' '.join(str(exc).split())})") from None
    meta = _metadata(tree)
    blocks = _main_blocks(_text_divs_as_paragraphs(tree))
    kept = [block for block in blocks if not is_furniture(block)]
    if not kept:
        reason = "only web furniture, no main text" if blocks else "no main text found"
        raise EmptyDocument(path, reason)
    return Extracted("\n\n".join(kept), "text/html", title=meta.get("title"), author=meta.get("author"),
                     published=meta.get("published"), origin=meta.get("origin"),
                     meta={"encoding": encoding, **({"description": meta["description"]} if meta.get("description") else {})})


def is_furniture(block: str) -> bool:
    """True when every segment of a block is a line of web furniture ("Lost your password?")."""
    segments = [s.strip(_SEGMENT_PUNCT) for s in _SEGMENT_END.split(block)]
    segments = [s for s in segments if s]
    pattern = _furniture()
    return bool(segments) and all(pattern.fullmatch(s) for s in segments)


@cache
def _furniture() -> re.Pattern:
    patterns = load_lexicon("furniture")["segments"]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _text_divs_as_paragraphs(tree):
    """Make paragraphs of text written outside any paragraph, which trafilatura would drop.

    A <div> that holds text and no block of its own is a paragraph by another name; text
    written loose beside blocks (in <body>, a <div>, a <section>) becomes a paragraph of its own.
    """
    for element in list(tree.iter(*_LOOSE_TEXT_HOLDERS)):
        if element.tag == "body" or any(child.tag in _HTML_BLOCKS for child in element):
            _wrap_loose_text(element)
    for div in tree.iter("div"):
        if div.text_content().strip() and not any(d.tag in _HTML_BLOCKS for d in div.iterdescendants()):
            div.tag = "p"
    return tree


def _wrap_loose_text(element) -> None:
    # runs of text and inline elements between two blocks, each run a new <p>
    runs: list[list] = [[element.text or "", []]]
    element.text = None
    for child in list(element):
        if child.tag in _HTML_BLOCKS:
            runs.append([child.tail or "", [], child])
            child.tail = None
        else:
            runs[-1][1].append(child)
    for run in runs:
        text, inline = run[0], run[1]
        if not (text.strip() or any(isinstance(c.tag, str) and c.text_content().strip() for c in inline)):
            continue
        paragraph = lxml.html.Element("p")
        paragraph.text = text
        anchor = run[2] if len(run) > 2 else None
        if anchor is not None:
            anchor.addnext(paragraph)
        else:
            element.insert(0, paragraph)
        for child in inline:
            paragraph.append(child)  # moves it, its tail with it


def _main_blocks(tree) -> list[str]:
    xml = trafilatura.extract(tree, output_format="xml", include_comments=False, include_tables=True,
                              include_images=False, include_links=False, include_formatting=False,
                              favor_precision=True, deduplicate=False, with_metadata=False)
    if not xml:
        return []
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    blocks: list[str] = []
    _collect(main if main is not None else root, blocks)
    return [b for b in (block.strip() for block in blocks) if b]


def _collect(element, blocks: list[str]) -> None:
    for child in element:
        if child.tag in _SKIPPED_TAGS:
            continue
        if child.tag == "row":
            # cells as the visible text has them, side by side
            blocks.append(" ".join(_inline(cell).strip() for cell in child))
        elif child.tag in _BLOCK_TAGS and not any(d.tag in _NESTED_TAGS for d in child.iterdescendants()):
            blocks.append(_inline(child))
        else:
            if child.tag in _BLOCK_TAGS and child.text:
                blocks.append(child.text)
            _collect(child, blocks)
            if child.tail and child.tail.strip():
                blocks.append(child.tail)


def _inline(element) -> str:
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _metadata(tree) -> dict[str, str]:
    metas: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = clean(el.get("content"))
        if key and content and key not in metas:
            metas[key] = content
    article = _linked_data(tree)
    found = {
        "title": clean(article.get("headline")) or _first(metas, _TITLE_KEYS) or _only_h1(tree) or _title(tree),
        "author": _person(article.get("author")) or _first(metas, _AUTHOR_KEYS, urls=False),
        "published": iso_date(article.get("datePublished")) or _first_date(metas) or _time(tree),
        "origin": _canonical(tree) or _first(metas, _ORIGIN_KEYS),
        "description": _first(metas, ("description", "og:description")),
    }
    return {k: v for k, v in found.items() if v}


def _first(metas: dict[str, str], keys: tuple[str, ...], urls: bool = True) -> str | None:
    for key in keys:
        value = metas.get(key)
        if value and (urls or not value.startswith(("http://", "https://"))):
            return value
    return None


def _first_date(metas: dict[str, str]) -> str | None:
    for key in _DATE_KEYS:
        date = iso_date(metas.get(key))
        if date:
            return date
    return None


def _linked_data(tree) -> dict:
    """The first schema.org item with a headline or a publication date."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):
            continue
        for item in _items(data):
            if isinstance(item, dict) and (item.get("headline") or item.get("datePublished")):
                return item
    return {}


def _items(data) -> list[dict]:
    items = []
    for item in data if isinstance(data, list) else [data]:
        if isinstance(item, dict):
            graph = item.get("@graph")
            items.extend([item, *(graph if isinstance(graph, list) else [])])
    return items


def _person(value) -> str | None:
    if isinstance(value, list):
        names = [_person(v) for v in value]
        return ", ".join(n for n in names if n) or None
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and not value.startswith(("http://", "https://")):
        return clean(value)
    return None


def _only_h1(tree) -> str | None:
    headings = [clean(h.text_content()) for h in tree.iter("h1")]
    return headings[0] if len(headings) == 1 else None


def _title(tree) -> str | None:
    title = tree.find(".//title")
    return clean(title.text_content()) if title is not None else None


def _time(tree) -> str | None:
    # a <time> marked as the publication date, else the first in the article: a site's header
    # often shows today's date, and comments carry theirs
    candidates = [*tree.xpath("//time[@pubdate or @itemprop='datePublished']"),
                  *tree.xpath("(//article//time)[1]"), *tree.xpath("(//main//time)[1]")]
    for el in candidates:
        date = iso_date(el.get("datetime"))
        if date:
            return date
    return None


def _canonical(tree) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href").strip()
    return None
