"""Unicode and whitespace normalisation, and the content hash that identifies a document."""
from __future__ import annotations

import hashlib
import re
import unicodedata

from sourcebook.model import Document

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """NFC, one newline convention, no invisible characters, runs of spaces folded, at most one
    blank line between paragraphs, no trailing spaces. Quotes and dashes are kept as written:
    they are the source's own words."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip() + "\n"


def content_hash(text: str) -> str:
    """The document id: SHA-256 of the normalised text, first 16 hex digits."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def make_document(text: str, name: str = "document.txt", **meta) -> Document:
    """A Document from raw text: normalised, hashed. `meta` sets title, author, published..."""
    text = normalize_text(text)
    return Document(id=content_hash(text), text=text, name=name, **meta)
