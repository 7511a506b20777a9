"""Bytes to text: the declared encoding when there is one, else a confident guess, else an error.

The order follows what a browser does with a page: a byte-order mark wins, then what the file
declares (`<meta charset>`, an XML declaration), then UTF-8, then detection. Detection uses
charset-normalizer, whose guesses among the Western single-byte code pages are near ties; we
prefer Windows-1252 in a tie, as browsers do, since most such files in our field are English or
French reports saved on Windows.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from sourcebook.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# only the head of a page is searched for its declaration, as the HTML standard says (1024 bytes)
_DECLARATION = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_HEAD_BYTES = 4096

# control characters that no text file holds in number (tab, newlines and form feed excepted)
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
MAX_CONTROL_SHARE = 0.05

# how much worse (charset-normalizer's coherence, 0..1) Windows-1252 may read than the best guess
# and still be preferred: a wrong Western guess differs by a few hundredths (ô read as ō), a
# Central European text read as 1252 by more (ě read as ì)
_CP1252_TOLERANCE = 0.05

# a declared Latin-1 is read as Windows-1252, its superset on the web (WHATWG Encoding)
_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252"}


def declared_charset(data: bytes) -> str | None:
    """The encoding a page or XML file declares in its head, if Python knows it."""
    match = _DECLARATION.search(data[:_HEAD_BYTES])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, path: Path | str, declared: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes.

    Args:
        data: the file's content.
        path: the file, named in any error.
        declared: the encoding the file declares (see `declared_charset`), tried after a BOM.

    Returns:
        (text, encoding name).

    Raises:
        IngestError: the bytes are binary (NUL bytes, control characters) or no encoding reads
            them with confidence.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data[len(bom):], encoding, path), path), encoding
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise IngestError(path, "binary content (NUL bytes), not text")
        return _checked(_strict(data, encoding, path), path), encoding
    candidates = [_ALIASES.get(declared, declared)] if declared else []
    candidates.append("utf-8")
    for encoding in candidates:
        try:
            return _checked(data.decode(encoding), path), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    text, encoding = _detect(data, path)
    return _checked(text, path), encoding


def _strict(data: bytes, encoding: str, path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(path, f"not valid {encoding} at byte {exc.start}") from None


def _utf16_without_bom(data: bytes) -> str | None:
    # UTF-16 text has its NULs on one side only: the high byte of every space, digit and Latin
    # letter (Cyrillic or Arabic words still have ASCII spaces and punctuation between them)
    half = len(data) // 2
    if len(data) % 2 or half == 0:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd >= 0.05 * half and even <= 0.1 * odd:
        return "utf-16-le"
    if even >= 0.05 * half and odd <= 0.1 * even:
        return "utf-16-be"
    return None


def _detect(data: bytes, path) -> tuple[str, str]:
    best = from_bytes(data).best()
    if best is None:
        raise IngestError(path, "the encoding cannot be detected with confidence")
    western = from_bytes(data, cp_isolation=["cp1252"]).best()
    if western is not None and western.chaos <= best.chaos and western.coherence >= best.coherence - _CP1252_TOLERANCE:
        best = western
    return str(best), best.encoding


def _checked(text: str, path) -> str:
    controls = len(_CONTROLS.findall(text))
    if controls and controls > MAX_CONTROL_SHARE * len(text):
        raise IngestError(path, f"binary content ({controls} control characters in {len(text)}), not text")
    return text
