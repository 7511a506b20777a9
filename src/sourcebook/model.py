"""The nouns of Sourcebook: small dataclasses with their evidence attached. No I/O here.

A `Document` is read once and carries, while the pipeline runs, its sentences, mentions and
claims. A `Claim` is one document's statement of one fact (an attack with its slots, a tenure, an
estimate, a designation, a relation); every value it holds points at the words that state it.
Events, tenures and estimates in the store are views over claims.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Alignment(str, Enum):
    """How a value's quote was found in the document text."""

    EXACT = "match_exact"        # the quote is text[start:end]
    FUZZY = "match_fuzzy"        # found after folding case and whitespace
    LESSER = "match_lesser"      # only part of the value's words were found


class Status(str, Enum):
    """Review status of a claim."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    CORRECTED = "corrected"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a document's text: the unit of evidence.

    Attributes:
        doc_id: id (content hash) of the document.
        start: offset of the first character.
        end: offset one past the last character (exclusive), so `text[start:end] == quote`.
        quote: the document's own words.
    """

    doc_id: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date known to the precision the text gives: year, month or day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @classmethod
    def parse(cls, text: str) -> "DateValue":
        """Read `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""
        parts = [int(p) for p in str(text).split("-")]
        return cls(*parts)  # type: ignore[arg-type]

    def compatible(self, other: "DateValue") -> bool:
        """True when the two do not clash at the precision both give."""
        for a, b in ((self.year, other.year), (self.month, other.month), (self.day, other.day)):
            if a is None or b is None:
                return True
            if a != b:
                return False
        return True


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure as the text gives it: a number or a range, with its qualifier ("up to", "at least")."""

    low: int
    high: int
    qualifier: str | None = None

    @property
    def best(self) -> int:
        # the text's own figure; for a range the floor, as UCDP's conservative best
        return self.low

    def to_value(self) -> int | dict[str, int]:
        """An int for a single figure, else UCDP's best/low/high."""
        if self.low == self.high:
            return self.low
        return {"best": self.low, "low": self.low, "high": self.high}


@dataclass(slots=True)
class Mention:
    """A grounded mention of an actor, person, place, date or quantity.

    Attributes:
        label: one of the mention labels of the codebook (`actor`, `person`, `place`, `date`, `quantity`).
        span: where it is.
        value: the normalised value: a canonical name, a `DateValue`, a `Quantity`.
        data: anything else a component found (actor type, how a date was resolved).
    """

    label: str
    span: Span
    value: Any = None
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end

    @property
    def text(self) -> str:
        return self.span.quote


@dataclass(slots=True)
class Claim:
    """One document's statement of one fact, with the span of every value it holds.

    Attributes:
        kind: `event`, `leadership`, `estimate`, `designation` or `relation`.
        values: slot -> value, keyed as in the facts format (`date`, `killed`, `perpetrator`...).
            Dates are ISO strings at their precision; figures are `Quantity`.
        evidence: the sentence (or clause) that states the fact.
        spans: slot -> the words that state that slot's value.
        confidence: 0..1, how sure the component is.
        attribution: how a value was attributed when it is not in the sentence itself:
            `stated` or `context` (inferred from the paragraph or section).
        status: review status.
        id: store id, once saved.
        event_id: the resolved event this claim supports, once resolved.
    """

    kind: str
    values: dict[str, Any]
    evidence: Span
    spans: dict[str, Span] = field(default_factory=dict)
    confidence: float = 0.5
    attribution: str = "stated"
    alignment: Alignment = Alignment.EXACT
    status: Status = Status.PENDING
    id: int | None = None
    event_id: int | None = None

    def get(self, slot: str, default: Any = None) -> Any:
        return self.values.get(slot, default)


@dataclass(slots=True)
class Actor:
    """An organization, person or state."""

    name: str
    actor_type: str = "organization"
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None
    id: int | None = None


@dataclass(slots=True)
class Place:
    """A gazetteer entry. `precision` is the geo-precision code of the codebook (place, district,
    province, country)."""

    name: str
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    precision: str = "place"
    id: int | None = None


@dataclass(slots=True)
class Document:
    """A document: its normalised text, metadata and content hash (its id).

    While the pipeline runs it also carries `sentences`, `mentions` and `claims`.
    """

    id: str
    text: str
    name: str
    path: str | None = None
    media_type: str = "text/plain"
    title: str | None = None
    author: str | None = None
    published: str | None = None
    origin: str | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def span(self, start: int, end: int) -> Span:
        """The span of `text[start:end]`, trimmed of surrounding whitespace."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Span(self.id, start, end, self.text[start:end])

    def mentions_of(self, label: str) -> list[Mention]:
        return [m for m in self.mentions if m.label == label]


@dataclass(slots=True)
class Event:
    """A resolved event: the claims of every source that reports it, and what they add up to."""

    event_type: str
    date: str | None = None
    date_precision: str | None = None
    place: Place | None = None
    values: dict[str, Any] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    id: int | None = None
