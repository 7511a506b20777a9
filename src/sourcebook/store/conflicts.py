"""Where sources disagree: the facts whose claims give different values, side by side.

An event's claims disagree on a slot when two of them state different values for it (a date
only when they clash at the precision both give: "August 2021" and "26 August 2021" agree). A
leader's tenure disagrees when two claims about one person and organization give different
start or end dates. Names are compared through the knowledge base's actors, so that two
spellings of one group or person are one tenure.
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy.orm import Session

from sourcebook.codebook import alias_key
from sourcebook.model import DateValue, Quantity
from sourcebook.store import repository as repo
from sourcebook.store.tables import EventRow

EVENT_SLOTS = ("date", "killed", "injured", "place", "perpetrator", "attack_type")
TENURE_SLOTS = ("start", "end", "end_reason")


def _comparable(slot: str, value):
    if isinstance(value, Quantity):
        return (value.low, value.high)
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, str):
        return value.casefold()
    return value


def _disagree(slot: str, values: list) -> bool:
    if slot in ("date", "start", "end"):
        dates = [DateValue.parse(v) for v in values]
        return any(not a.compatible(b) for i, a in enumerate(dates) for b in dates[i + 1:])
    return len({_comparable(slot, v) for v in values}) > 1


def _side(row, claim, document: str, slot: str) -> dict:
    value = claim.values.get(slot)
    if isinstance(value, Quantity):
        value = value.to_value()
    span = claim.spans.get(slot, claim.evidence)
    return {"claim_id": row.id, "value": value, "document": document, "quote": span.quote,
            "start": span.start, "end": span.end, "evidence": claim.evidence.quote}


def _canonical(session: Session) -> dict[str, str]:
    """Folded name or alias -> the actor's folded name."""
    out: dict[str, str] = {}
    for actor in repo.actors(session):
        for n in (actor.name, *(a.alias for a in actor.aliases)):
            out.setdefault(alias_key(n), alias_key(actor.name))
    return out


def _event_subject(row: EventRow | None, event_id: int) -> str:
    if row is None:
        return f"event {event_id}"
    where = row.place.name if row.place is not None else row.admin1 or row.country or "place unknown"
    return f"{row.event_type} {row.date or 'undated'} {where} (event {event_id})"


def conflicts(session: Session) -> list[dict]:
    """Every disagreement: {"fact", "subject", "slot", "event_id", "merged", "claims": [{claim_id, value,
    document, quote, start, end}]}; `merged` is the event's figure (best/low/high) for a toll."""
    names = repo.document_names(session)
    canonical = _canonical(session)
    out: list[dict] = []
    by_event: dict[int, list] = defaultdict(list)
    by_tenure: dict[tuple, list] = defaultdict(list)
    for row in repo.current_claims(session):
        claim = repo.to_claim(row)
        if row.kind == "event" and row.event_id is not None:
            by_event[row.event_id].append((row, claim))
        elif row.kind == "leadership" and claim.values.get("person") and claim.values.get("organization"):
            person, org = (alias_key(str(claim.values[k])) for k in ("person", "organization"))
            by_tenure[(canonical.get(person, person), canonical.get(org, org))].append((row, claim))
    events = {e.id: e for e in repo.events(session)} if by_event else {}
    groups = [("event", eid, pairs, EVENT_SLOTS) for eid, pairs in sorted(by_event.items())]
    groups += [("leadership", None, pairs, TENURE_SLOTS) for pairs in by_tenure.values()]
    for fact, event_id, pairs, slots in groups:
        if len(pairs) < 2:
            continue
        if fact == "event":
            subject = _event_subject(events.get(event_id), event_id)
        else:
            subject = f"{pairs[0][1].values['person']} — {pairs[0][1].values['organization']}"
        for slot in slots:
            stated = [(row, claim) for row, claim in pairs if claim.values.get(slot) not in (None, "")]
            if len(stated) > 1 and _disagree(slot, [c.values[slot] for _, c in stated]):
                merged = (events[event_id].values or {}).get(slot) if event_id in events else None
                out.append({"fact": fact, "subject": subject, "slot": slot, "event_id": event_id,
                            "merged": merged,
                            "claims": [_side(row, c, names[row.document_id], slot) for row, c in stated]})
    return out
