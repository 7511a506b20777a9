"""Plain text and Markdown readers: the file's words exactly as written.

Markdown keeps its markup (`#`, `**`, `[links]`): a quote is checked against the raw file, so the
document's text must be the file's own characters in order. Only the metadata is read from the
markup: the first level-one heading as the title, and a YAML front matter block when there is one.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from sourcebook.ingest._base import Extracted, clean, iso_date
from sourcebook.ingest._encoding import decode

# a title is a short line of words; sentences end in a stop, a slug or rubric is all capitals
_MAX_TITLE = 150
_TITLE_LINES = 2
_SENTENCE_END = re.compile(r"[.,;:!?]$")
_BYLINE = re.compile(r"^By\s+(\w[\w.'’-]*(?:\s+\w[\w.'’-]*){0,4})$")
_BYLINE_LINES = 6

_ATX_H1 = re.compile(r"^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_SETEXT_H1 = re.compile(r"^ {0,3}(\S[^\n]*)\n {0,3}=+[ \t]*$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_FRONT_KEYS = {
    "title": ("title",),
    "author": ("author", "authors", "byline"),
    "published": ("date", "published", "publication_date", "pubdate"),
    "origin": ("url", "source", "canonical_url", "link"),
}


def read_text(path: Path, data: bytes) -> Extracted:
    """Read a `.txt` file: its text as written; a first short line may be its title.

    Args:
        path: the file, named in errors.
        data: its bytes.

    Returns:
        The text, with `title` and `author` when the opening lines give them plainly.
    """
    text, encoding = decode(data, path)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return Extracted(text, "text/plain", title=_first_title(lines[:_TITLE_LINES]),
                     author=_byline(lines[:_BYLINE_LINES]), meta={"encoding": encoding})


def read_markdown(path: Path, data: bytes) -> Extracted:
    """Read a `.md` file, markup kept; title from front matter or the first `# ` heading.

    Args:
        path: the file, named in errors.
        data: its bytes.

    Returns:
        The text as written, with whatever metadata its front matter and headings give.
    """
    text, encoding = decode(data, path)
    front = _FRONT_MATTER.match(text)
    found = _front_matter(front.group(1)) if front else {}
    body = text[front.end():] if front else text
    title = found.get("title") or _first_heading(body)
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    author = found.get("author") or _byline([_unemphasise(line) for line in lines[:_BYLINE_LINES]])
    return Extracted(text, "text/markdown", title=title, author=author,
                     published=iso_date(found.get("published")), origin=found.get("origin"),
                     meta={"encoding": encoding})


def _first_title(lines: list[str]) -> str | None:
    # the opening line, or the line after an all-capitals slug or rubric ("NEWS ANALYSIS")
    for line in lines:
        if not any(c.islower() for c in line):
            continue
        if len(line) <= _MAX_TITLE and len(line.split()) >= 3 and not _SENTENCE_END.search(line) \
                and not _BYLINE.match(line):
            return line
        return None
    return None


def _byline(lines: list[str]) -> str | None:
    for line in lines:
        match = _BYLINE.match(line)
        if match:
            return match.group(1)
    return None


def _first_heading(text: str) -> str | None:
    matches = [m for m in (_ATX_H1.search(text), _SETEXT_H1.search(text)) if m]
    if not matches:
        return None
    first = min(matches, key=lambda m: m.start())
    return clean(_unemphasise(first.group(1)))


def _unemphasise(line: str) -> str:
    # metadata only: the document text keeps its asterisks
    return line.strip("*_ ")


def _front_matter(block: str) -> dict[str, str]:
    try:
        data = yaml.safe_load(block)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        # an invalid date or a malformed block: the text stays, the metadata is not read
        return {}
    if not isinstance(data, dict):
        return {}
    found = {}
    for field_name, keys in _FRONT_KEYS.items():
        for key in keys:
            value = data.get(key)
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            if value is not None and clean(value):
                found[field_name] = iso_date(value) if field_name == "published" else clean(value)
                break
    return found
