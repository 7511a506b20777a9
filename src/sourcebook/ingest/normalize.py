"""Unicode and whitespace normalisation, and the content hash that identifies a document."""
from __future__ import annotations

import hashlib
import re
import unicodedata

from sourcebook.model import Document

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# separators that end a line or page (form feed between PDF pages, Unicode line and paragraph
# separators, NEL): a line break, so that the words on either side stay apart
_BREAKS = re.compile(r"[\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")
# the other control characters carry no text
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """NFC, one newline convention, no invisible characters, runs of spaces folded, at most one
    blank line between paragraphs, no trailing spaces. Quotes and dashes are kept as written:
    they are the source's own words. Page and line separators become newlines; other control
    characters are dropped. Normalising twice changes nothing."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # composed last: removing a character can bring a letter and its accent together
    text = unicodedata.normalize("NFC", _CONTROLS.sub("", _INVISIBLE.sub("", _BREAKS.sub("\n", text))))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip() + "\n"


def content_hash(text: str) -> str:
    """The document id: SHA-256 of the normalised text, first 16 hex digits."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def make_document(text: str, name: str = "document.txt", **meta) -> Document:
    """A Document from raw text: normalised, hashed. `meta` sets title, author, published..."""
    text = normalize_text(text)
    return Document(id=content_hash(text), text=text, name=name, **meta)
