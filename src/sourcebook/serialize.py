"""Model <-> dict <-> facts JSONL version 1. The only module that knows on-disk key names.

A claim is stored as a dict of its values (figures as `{"low", "high", "qualifier"}`) and its
spans; a facts record is what shared/eval/README.md describes: the fact-format keys plus
`sources`, a list of `{"document", "start", "end", "quote"}`.
"""
from __future__ import annotations

from typing import Any, Iterable

from sourcebook.model import Actor, Alignment, Claim, Quantity, Span, Status

FACTS_VERSION = 1
MAX_QUOTE = 1000      # the referee grounds nothing with a longer quote: a page is not evidence
FIGURE_SLOTS = ("killed", "injured")


# -- values --------------------------------------------------------------------------------

def value_to_json(value: Any) -> Any:
    if isinstance(value, Quantity):
        return {"low": value.low, "high": value.high, "qualifier": value.qualifier}
    return value


def value_from_json(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"low", "high", "qualifier"}:
        return Quantity(value["low"], value["high"], value["qualifier"])
    return value


def span_to_dict(span: Span) -> dict:
    return {"doc_id": span.doc_id, "start": span.start, "end": span.end, "quote": span.quote}


def span_from_dict(d: dict) -> Span:
    return Span(d["doc_id"], d["start"], d["end"], d["quote"])


# -- claims --------------------------------------------------------------------------------

def claim_to_dict(claim: Claim) -> dict:
    """Everything a claim holds, JSON-ready (what the store keeps)."""
    return {
        "kind": claim.kind,
        "values": {k: value_to_json(v) for k, v in claim.values.items()},
        "evidence": span_to_dict(claim.evidence),
        "spans": {k: span_to_dict(s) for k, s in claim.spans.items()},
        "confidence": claim.confidence,
        "attribution": claim.attribution,
        "alignment": claim.alignment.value,
        "status": claim.status.value,
    }


def claim_from_dict(d: dict) -> Claim:
    return Claim(
        kind=d["kind"],
        values={k: value_from_json(v) for k, v in d["values"].items()},
        evidence=span_from_dict(d["evidence"]),
        spans={k: span_from_dict(s) for k, s in d.get("spans", {}).items()},
        confidence=d.get("confidence", 0.5),
        attribution=d.get("attribution", "stated"),
        alignment=Alignment(d.get("alignment", Alignment.EXACT.value)),
        status=Status(d.get("status", Status.PENDING.value)),
    )


# -- facts records -------------------------------------------------------------------------

def source_of(span: Span, document: str) -> dict:
    """A `sources` entry; a quote longer than the referee reads is cut to its first MAX_QUOTE
    characters, which are still the document's own words at those offsets."""
    end = min(span.end, span.start + MAX_QUOTE)
    quote = span.quote[: end - span.start]
    return {"document": document, "start": span.start, "end": end, "quote": quote}


def record_values(values: dict[str, Any]) -> dict[str, Any]:
    """Fact-format values: figures as an int or best/low/high, their qualifiers beside them."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, Quantity):
            out[key] = value.to_value()
            if value.qualifier and not values.get(f"{key}_qualifier"):
                out[f"{key}_qualifier"] = value.qualifier
        else:
            out[key] = value
    return out


def claim_to_record(claim: Claim, document: str) -> dict:
    """One claim as a facts record citing one document."""
    return {"kind": claim.kind, **record_values(claim.values),
            "confidence": round(claim.confidence, 3), "attribution": claim.attribution,
            "sources": [source_of(claim.evidence, document)]}


def actor_to_record(actor: Actor) -> dict:
    return {"kind": "actor", "name": actor.name, "aliases": sorted(set(actor.aliases) - {actor.name}),
            "actor_type": actor.actor_type}


def records_of_documents(docs: Iterable) -> list[dict]:
    """Facts records of processed Documents taken one by one (no cross-document merge)."""
    out = []
    for doc in docs:
        out += [claim_to_record(c, doc.name) for c in doc.claims if c.status != Status.REJECTED]
        out += [actor_to_record(a) for a in doc.meta.get("actors", [])]
    return out
