"""A dataset row as a document of its own: its cells written as `column: value` lines, so that
every value an importer claims can be pointed at, and the claim built from those cells."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sourcebook.ingest.normalize import content_hash, normalize_text
from sourcebook.model import Actor, Claim, Document, Span

MISSING = {"", "NA", "N/A", "NaN", "nan", "NULL", "null"}   # blanks as R, pandas and SQL dumps write them


class RowError(ValueError):
    """A row that cannot be read; the message says which cell and why."""


@dataclass(frozen=True, slots=True)
class Problem:
    """A row left out of an import: its line in the file and why."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


def clean(value: str | None) -> str | None:
    """A cell on one line, or None when blank."""
    if not value:
        return None
    value = value.strip()
    if "  " in value or "\n" in value or "\t" in value or "\r" in value:
        value = " ".join(value.split())
    if value in MISSING:
        return None
    if not (value.isascii() and value.isprintable()):
        value = normalize_text(unicodedata.normalize("NFC", value)).strip()
    return value or None


def integer(cells: dict, column: str, unknown: tuple[int, ...] = ()) -> int | None:
    """An integer cell ("12", "12.0"); None when blank or one of the dataset's unknown codes."""
    raw = cells.get(column)
    if raw is None:
        return None
    try:
        number = float(raw)
    except ValueError:
        raise RowError(f"{column} {raw!r} is not a number") from None
    if number != int(number):
        raise RowError(f"{column} {raw!r} is not a whole number")
    return None if int(number) in unknown else int(number)


def decimal(cells: dict, column: str, limit: float) -> float | None:
    raw = cells.get(column)
    if raw is None:
        return None
    try:
        number = float(raw)
    except ValueError:
        raise RowError(f"{column} {raw!r} is not a number") from None
    if not -limit <= number <= limit:
        raise RowError(f"{column} {raw!r} is out of range")
    return number


class RowDocument:
    """The text of one row and the spans of its cells.

    Args:
        cells: column -> cleaned value (None for blank); blank cells are not written.
        columns: the columns to write, in order.
    """

    def __init__(self, cells: dict[str, str | None], columns: tuple[str, ...]):
        self.cells = cells
        lines, self.offsets = [], {}
        at = 0
        for column in columns:
            value = cells.get(column)
            if value is None:
                continue
            start = at + len(column) + 2
            self.offsets[column] = (start, start + len(value))
            lines.append(f"{column}: {value}")
            at += len(lines[-1]) + 1
        self.text = "\n".join(lines) + "\n"
        self.id = content_hash(self.text)

    def span(self, *columns: str) -> Span | None:
        """The words of these cells (from the first to the last written), None if all are blank."""
        found = [self.offsets[c] for c in columns if c in self.offsets]
        if not found:
            return None
        if len(found) == 1:
            start, end = found[0]
        else:
            start, end = min(s for s, _ in found), max(e for _, e in found)
        return Span(self.id, start, end, self.text[start:end])

    def claim(self, values: dict, columns: dict[str, tuple[str, ...]], evidence: tuple[str, ...],
              attribution: str = "stated", confidence: float = 0.9) -> Claim:
        """An event claim: each value with the span of the cells that state it; a value whose
        cells are all blank is dropped, as everywhere in Sourcebook. The evidence is the first
        written of the `evidence` cells (the row's narrative, else its id): the row itself is
        the document, so its whole text need not be quoted again."""
        offsets, text, doc_id = self.offsets, self.text, self.id
        kept, spans, known = {}, {}, {}
        for slot, value in values.items():
            if value is None:
                continue
            cells = columns[slot]
            span = known.get(cells)
            if span is None:
                found = [offsets[c] for c in cells if c in offsets]
                if not found:
                    continue
                start, end = (found[0] if len(found) == 1 else
                              (min(s for s, _ in found), max(e for _, e in found)))
                span = known[cells] = Span(doc_id, start, end, text[start:end])
            kept[slot], spans[slot] = value, span
        quote = next((self.span(c) for c in evidence if c in self.offsets), None)
        if quote is None:
            raise RowError(f"none of {', '.join(evidence)} is given")
        return Claim("event", kept, quote, spans, confidence=confidence, attribution=attribution)

    def document(self, name: str, origin: str, dataset: str, claim: Claim, actors: list[Actor]) -> Document:
        doc = Document(id=self.id, text=self.text, name=name, media_type="text/csv", title=name, author=dataset,
                       origin=origin)
        doc.claims.append(claim)
        doc.meta["actors"] = actors
        return doc
