"""What a reader hands back, and the small helpers every reader shares."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from sourcebook.errors import IngestError

# ISO 8601 and its usual relatives in metadata: 2022-09-05T19:40:00+04:30, 2022/09/05, 2022-09,
# and the PDF form D:20220905194000+04'30'
_ISO = re.compile(r"^\s*(?:D:)?(\d{4})(?:[-/]?(\d{2})(?:[-/]?(\d{2}))?)?(?=$|[T\s\d+Z'-])")


@dataclass(slots=True)
class Extracted:
    """The text a reader found in a file and the metadata the file gives about itself.

    Attributes:
        text: the document's text, not yet normalised; its words as the file has them.
        media_type: the file's media type (`text/html`...).
        title, author: as the file states them, else None.
        published: ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) the file gives, else None.
        origin: where the document comes from when the file says so (a canonical URL), else None.
        meta: anything else worth keeping (encoding, page count, description).
    """

    text: str
    media_type: str = "text/plain"
    title: str | None = None
    author: str | None = None
    published: str | None = None
    origin: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


Reader = Callable[[Path, bytes], Extracted]
"""A reader: `reader(path, data) -> Extracted`; raises `IngestError` naming `path`."""


def iso_date(value: Any) -> str | None:
    """The calendar date at the start of a metadata value, as precise as it is given.

    The date is taken as written, in the publisher's own time zone, never converted to UTC: a
    Kabul evening must stay on its Kabul day.

    >>> iso_date("2022-09-05T19:40:00+04:30")
    '2022-09-05'
    >>> iso_date("D:20220905")
    '2022-09-05'
    """
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    match = _ISO.match(str(value))
    if not match:
        return None
    year, month, day = match.groups()
    if not 1000 <= int(year) <= 2999:
        return None
    if month is None or not 1 <= int(month) <= 12:
        return year
    if day is None or not 1 <= int(day) <= 31:
        return f"{year}-{month}"
    return f"{year}-{month}-{day}"


def clean(value: Any) -> str | None:
    """A metadata string folded to one line, or None when it is empty."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def one_line(exc: BaseException) -> str:
    """An exception's message on one line, for an error that must stay one line."""
    return " ".join(str(exc).split()) or type(exc).__name__


def library_error(path: Path, what: str, exc: BaseException) -> IngestError:
    """The IngestError for a file a third-party parser could not read."""
    return IngestError(path, f"not a readable {what} file ({type(exc).__name__}: {one_line(exc)})")
