"""Event coreference: mentions of one event become one event.

- `coref` (component): inside one document, merges event claims that report the same event — the
  same type, dates that agree at the precision both give, places that agree, no two different
  perpetrators, and a shared anchor (the same day, the same named operation, or the same place and
  words). A back-reference ("in response to the Kabul airport attack on 26 August, which was
  claimed by ...") adds what it states to the event it names and never stands alone. The merged
  claim keeps the first mention as evidence and the others' spans under `spans["also"]`, ...
- `merge_events(claims)`: the same across documents, giving `Event`s whose figures keep every
  source's value (best/low/high, as UCDP does) and whose merges are noted and, where they rest
  only on a near date, flagged for review.
"""
from __future__ import annotations

from statistics import median
from typing import Iterable

from sourcebook.codebook import alias_key
from sourcebook.extract.events import EventMention
from sourcebook.model import Claim, DateValue, Document, Event, Place, Quantity
from sourcebook.pipeline.registry import component

_PLACE_SLOTS = ("place", "admin1", "country", "latitude", "longitude")
_FIGURES = ("killed", "injured")
_NAMES = ("perpetrator", "actor")


# -- compatibility ------------------------------------------------------------------------------

def _date(values: dict) -> DateValue | None:
    d = values.get("date")
    try:
        return DateValue.parse(d) if d else None
    except (TypeError, ValueError):
        return None


def _norm(name) -> str:
    return alias_key(str(name)) if name else ""


def dates_agree(a: dict, b: dict) -> bool:
    da, db = _date(a), _date(b)
    return da is None or db is None or da.compatible(db)


def places_agree(a: dict, b: dict) -> bool:
    """No clash of country, province or named place (a place inside a named province agrees)."""
    for k in ("country", "admin1"):
        if a.get(k) and b.get(k) and _norm(a[k]) != _norm(b[k]):
            return False
    pa, pb = _norm(a.get("place")), _norm(b.get("place"))
    return not (pa and pb and pa != pb)


def same_place(a: dict, b: dict) -> bool:
    pa, pb = _norm(a.get("place")), _norm(b.get("place"))
    if pa and pb:
        return pa == pb
    if not pa and not pb:
        return bool(a.get("admin1") and b.get("admin1") and _norm(a["admin1"]) == _norm(b["admin1"]))
    return False


def _operation_base(values: dict) -> tuple[str, str]:
    op = str(values.get("operation_type") or "")
    base, _, name = op.partition("(")
    return base.strip().lower(), name.strip(") ").lower()


def compatible(a: dict, b: dict, perp_a: str | None = None, perp_b: str | None = None) -> bool:
    """Could two claims report one event? Type, date, place, perpetrator and operation agree."""
    if a.get("event_type") != b.get("event_type") or not dates_agree(a, b) or not places_agree(a, b):
        return False
    # a perpetrator given as "" is unknown (taken from context, not stated): it clashes with nothing
    pa = _norm(a.get("perpetrator") if perp_a is None else perp_a)
    pb = _norm(b.get("perpetrator") if perp_b is None else perp_b)
    if pa and pb and pa != pb:
        return False
    (oa, na), (ob, nb) = _operation_base(a), _operation_base(b)
    if oa and ob and oa != ob:
        return False
    return not (na and nb and na != nb)


def _same_day(a: dict, b: dict) -> bool:
    da, db = _date(a), _date(b)
    return bool(da and db and da.precision == "day" and da == db)


def _same_month(a: dict, b: dict) -> bool:
    da, db = _date(a), _date(b)
    return bool(da and db and da.month and db.month and da.year == db.year and da.month == db.month)


def anchor_score(a: EventMention, b: EventMention) -> float:
    """How strongly two compatible mentions share an anchor; 0 when they share none."""
    va, vb = a.claim.values, b.claim.values
    if a.operation and a.operation == b.operation:
        return 3.0
    shared = len(a.words & b.words)
    score = 0.0
    if _same_day(va, vb):
        score += 2.0
    if same_place(va, vb):
        score += 1.0 + 0.5 * min(shared, 3)
    elif shared >= 2 and (_date(va) is None or _date(vb) is None or _same_month(va, vb)):
        score += 0.5 * min(shared, 4)
    return score


# -- merging claims -----------------------------------------------------------------------------

def _rank(values: dict) -> int:
    return 0 if values.get("place") else 1 if values.get("admin1") else 2 if values.get("country") else 3


def absorb(head: Claim, other: Claim) -> None:
    """Add what `other` states to `head`: empty slots filled, a more precise date or place taken,
    the first mention's figures kept; `other`'s evidence kept under spans["also"...]."""
    hv, ov = head.values, other.values
    dh, do = _date(hv), _date(ov)
    if do and (dh is None or (dh.compatible(do) and len(do.iso()) > len(dh.iso()))):
        for k in ("date", "date_precision"):
            hv[k] = ov[k]
            if k in other.spans:
                head.spans[k] = other.spans[k]
    if _rank(ov) < _rank(hv) and places_agree(hv, ov):
        for k in _PLACE_SLOTS:
            hv.pop(k, None)
            head.spans.pop(k, None)
            if ov.get(k) is not None:
                hv[k] = ov[k]
                if k in other.spans:
                    head.spans[k] = other.spans[k]
    if "perpetrator" in ov and head.attribution == "context" and other.attribution == "stated":
        hv.pop("perpetrator", None)
        head.attribution = "stated"
    for k, v in ov.items():
        if k in _PLACE_SLOTS or k in ("date", "date_precision"):
            continue
        if hv.get(k) is None and v is not None:
            hv[k] = v
            if k in other.spans:
                head.spans[k] = other.spans[k]
    n = sum(1 for k in head.spans if k.startswith("also"))
    head.spans["also" if n == 0 else f"also{n + 1}"] = other.evidence
    head.confidence = round(min(0.99, max(head.confidence, other.confidence) + 0.05), 2)


def _wrap(doc: Document) -> list[EventMention]:
    mentions = doc.meta.get("event_mentions")
    if mentions is not None:
        return [m for m in mentions if m.claim in doc.claims or not m.anchored]
    return [EventMention(c, True, 0) for c in doc.claims if c.kind == "event"]


def corefer(doc: Document) -> Document:
    """Merge the event claims of one document that report the same event."""
    mentions = _wrap(doc)
    groups: list[EventMention] = []
    dropped: set[int] = set()
    for m in mentions:
        if not m.anchored:
            continue
        best = _best(m, groups)
        if best is None:
            groups.append(m)
        else:
            absorb(best.claim, m.claim)
            best.words = best.words | m.words
            dropped.add(id(m.claim))
    for m in mentions:
        if m.anchored:
            continue
        best = _best(m, groups, reference=True)
        if best is not None:
            absorb(best.claim, m.claim)
    doc.claims = [c for c in doc.claims if id(c) not in dropped]
    return doc


def _perp(m: EventMention) -> str:
    return (m.perpetrator_key or m.claim.get("perpetrator") or "") if m.claim.attribution == "stated" else ""


def _best(m: EventMention, groups: list[EventMention], reference: bool = False) -> EventMention | None:
    cands = []
    start = m.claim.evidence.start
    for g in groups:
        if not compatible(g.claim.values, m.claim.values, _perp(g), _perp(m)):
            continue
        score = anchor_score(g, m)
        if reference and score == 0 and g.claim.evidence.start < start and m.paragraph - g.paragraph <= 1:
            score = 0.25          # a back-reference with no anchor of its own: the event just told
        if score > 0:
            nearness = -abs(start - g.claim.evidence.start) / 1e7
            cands.append((score + nearness, g))
    if not cands:
        return None
    return max(cands, key=lambda x: x[0])[1]


@component("coref", requires=["doc.claims"], assigns=["doc.claims"])
def make_coref(codebook, **config):
    """Merge the event claims of one document that report the same event."""
    return corefer


# -- across documents ---------------------------------------------------------------------------

def merge_events(claims: Iterable[Claim]) -> list[Event]:
    """Events from the event claims of many documents: compatible claims sharing a day, or a place
    and a month, or a named operation, become one Event; figures keep every source's value."""
    events: list[list[Claim]] = []
    for claim in sorted((c for c in claims if c.kind == "event"), key=lambda c: (str(c.get("date") or ""), c.evidence.doc_id)):
        home = None
        for group in events:
            head = group[0].values
            if not all(compatible(g.values, claim.values) for g in group):
                continue
            v = claim.values
            (_, na), (_, nb) = _operation_base(head), _operation_base(v)
            if _same_day(head, v) and (places_agree(head, v)) or (na and na == nb) or \
                    (same_place(head, v) and _same_month(head, v)):
                home = group
                break
        if home is None:
            events.append([claim])
        else:
            home.append(claim)
    return [_event(group) for group in events]


def _event(group: list[Claim]) -> Event:
    values: dict = {}
    best_date = max((c for c in group if c.get("date")), key=lambda c: len(str(c.get("date"))), default=None)
    for slot in ("event_type", *(_PLACE_SLOTS), "target", "target_type", "attack_type", "suicide",
                 "perpetrator", "claimed", "actor", "operation_type", "outcome"):
        seen = [c.get(slot) for c in group if c.get(slot) is not None]
        if seen:
            values[slot] = seen[0]
    for slot in _FIGURES:
        figures = [c.get(slot) for c in group if c.get(slot) is not None]
        lows = [f.low if isinstance(f, Quantity) else int(f) for f in figures if isinstance(f, (Quantity, int))]
        highs = [f.high if isinstance(f, Quantity) else int(f) for f in figures if isinstance(f, (Quantity, int))]
        if not lows:
            continue
        if len(set(lows)) == 1 and len(set(highs)) == 1:
            values[slot] = figures[0].to_value() if isinstance(figures[0], Quantity) else lows[0]
        else:
            values[slot] = {"best": int(median(lows)), "low": min(lows), "high": max(highs)}
    docs = {c.evidence.doc_id for c in group}
    if len(group) > 1:
        values["merge_note"] = f"{len(group)} claims from {len(docs)} document(s) agree on type, date and place"
        values["flagged"] = not any(_same_day(group[0].values, c.values) for c in group[1:])
    place = None
    if values.get("place") or values.get("admin1"):
        place = Place(values.get("place") or values.get("admin1"), values.get("country"), values.get("admin1"),
                      latitude=values.get("latitude"), longitude=values.get("longitude"),
                      precision="place" if values.get("place") else "province")
    return Event(values["event_type"], best_date.get("date") if best_date else None,
                 best_date.get("date_precision") if best_date else None, place, values, list(group))


__all__ = ["corefer", "make_coref", "merge_events", "compatible", "absorb"]
