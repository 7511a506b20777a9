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

from functools import lru_cache
from statistics import median
from typing import Iterable, NamedTuple

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
    return _parse_date(d) if isinstance(d, str) and d else None


@lru_cache(maxsize=1 << 16)
def _parse_date(text: str) -> DateValue | None:
    # a knowledge base has far fewer distinct dates and names than claims: parse each once
    try:
        return DateValue.parse(text)
    except (TypeError, ValueError):
        return None


def _norm(name) -> str:
    return _fold(name if isinstance(name, str) else str(name)) if name else ""


@lru_cache(maxsize=1 << 16)
def _fold(name: str) -> str:
    return alias_key(name)


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

_PRECISION_ORDER = {"day": 0, "month": 1, "year": 2}


class ActorNames:
    """Canonical names across documents: every name and alias of the knowledge base's actors ->
    the actor's name, and each actor's parent (a province -> the Islamic State)."""

    def __init__(self, actors=None):
        self.canonical: dict[str, str] = {}
        self.parent: dict[str, str] = {}
        for actor in actors or ():
            for n in (actor.name, *actor.aliases):
                self.canonical.setdefault(_norm(n), _norm(actor.name))
            if actor.parent:
                self.parent[_norm(actor.name)] = _norm(actor.parent)

    def keys(self, claim: Claim) -> frozenset[str]:
        """The canonical keys of a claim's stated perpetrators (none when only inferred)."""
        value = claim.values.get("perpetrator")
        if not value or claim.attribution != "stated":
            return frozenset()
        names = (_norm(n) for n in str(value).split(";") if n.strip())
        return frozenset(self.canonical.get(k, k) for k in names)

    def related(self, a: frozenset[str], b: frozenset[str]) -> str:
        """`same`, `unknown`, `parent` (one is a branch of the other) or `clash`."""
        if not a or not b:
            return "unknown"
        if a & b:
            return "same"
        if any(self.parent.get(x) == y or self.parent.get(y) == x for x in a for y in b):
            return "parent"
        return "clash"


class _Facts(NamedTuple):
    """What merging compares of a claim, folded once (a claim is compared many times)."""

    kind: str | None
    date: DateValue | None
    country: str
    admin1: str
    place: str
    op_base: str
    op_name: str

    @classmethod
    def of(cls, values: dict) -> "_Facts":
        base, name = _operation_base(values)
        return cls(values.get("event_type"), _date(values), _norm(values.get("country")), _norm(values.get("admin1")),
                   _norm(values.get("place")), base, name)

    def fits(self, o: "_Facts") -> bool:
        """`compatible` on folded facts, perpetrators aside."""
        if self.kind != o.kind or (self.date and o.date and not self.date.compatible(o.date)):
            return False
        for a, b in ((self.country, o.country), (self.admin1, o.admin1), (self.place, o.place),
                     (self.op_base, o.op_base), (self.op_name, o.op_name)):
            if a and b and a != b:
                return False
        return True

    def same_place(self, o: "_Facts") -> bool:
        if self.place or o.place:
            return self.place == o.place
        return bool(self.admin1) and self.admin1 == o.admin1

    def same_day(self, o: "_Facts") -> bool:
        return bool(self.date and self.date.day and self.date == o.date)

    def same_month(self, o: "_Facts") -> bool:
        a, b = self.date, o.date
        return bool(a and b and a.month and a.year == b.year and a.month == b.month)


class _Group:
    """The claims of one event while merging, with why each joined."""

    __slots__ = ("claims", "facts", "docs", "perps", "reasons", "weak")

    def __init__(self, claim: Claim, facts: _Facts, perps: frozenset[str]):
        self.claims = [claim]
        self.facts = [facts]
        self.docs = {claim.evidence.doc_id}
        self.perps = perps
        self.reasons: list[str] = []
        self.weak = False


def _place_key(values: dict) -> tuple[str, str] | None:
    if values.get("place"):
        return ("place", _norm(values["place"]))
    if values.get("admin1"):
        return ("admin1", _norm(values["admin1"]))
    return None


def _keys(claim: Claim) -> tuple[list[tuple], list[tuple]]:
    """The blocking keys of a claim: those it is looked up by, and those it is filed under — its
    type and day, its type, month and place, its named operation. Only claims sharing one are
    ever compared. Day claims come first (see `_order`), so a day claim need only look up its day;
    a month claim looks up its month and place, where the day claims of that month are filed."""
    v = claim.values
    date, kind = _date(v), v.get("event_type")
    look, file = [], []
    if date and date.day:
        look.append(("day", kind, date.iso()))
    place = _place_key(v)
    if date and date.month and place:
        key = ("month", kind, f"{date.year:04d}-{date.month:02d}", place)
        file.append(key)
        if not date.day:
            look.append(key)
    _, op = _operation_base(v)
    if op:
        look.append(("op", kind, op))
    return look, look + file


class _Merger:
    """Claims in, groups out. Candidates come from the blocking keys, so merging n claims costs
    about n times the size of a day's (or a month and place's) events, never n squared."""

    def __init__(self, names: ActorNames, keep_apart: dict[int, set[int]]):
        self.names = names
        self.keep_apart = keep_apart
        self.groups: list[_Group] = []
        self.index: dict[tuple, list[_Group]] = {}

    def add(self, claim: Claim) -> None:
        perps = self.names.keys(claim)
        facts = _Facts.of(claim.values)
        look, keys = _keys(claim)
        scored = []
        seen: set[int] = set()
        for key in look:
            for group in self.index.get(key, ()):
                if id(group) in seen:
                    continue
                seen.add(id(group))
                found = self._score(group, claim, facts, perps)
                if found is not None:
                    scored.append((found[0], found[1], group))
        if scored:
            scored.sort(key=lambda x: -x[0])
            if len(scored) > 1 and scored[1][0] == scored[0][0]:
                home = None          # as likely one event as another: kept apart, never guessed
            else:
                home = scored[0][2]
        else:
            home = None
        if home is None:
            home = _Group(claim, facts, perps)
            self.groups.append(home)
            if len(scored) > 1:
                home.weak = True
                home.reasons.append(f"could be any of {len(scored)} events of the same type, date and place: kept apart")
        else:
            reason, weak = scored[0][1]
            home.claims.append(claim)
            home.facts.append(facts)
            home.docs.add(claim.evidence.doc_id)
            home.perps = home.perps | perps
            home.reasons.append(reason)
            home.weak = home.weak or weak
        for key in keys:
            bucket = self.index.setdefault(key, [])
            if home not in bucket:
                bucket.append(home)

    def _score(self, group: _Group, claim: Claim, facts: _Facts, perps: frozenset[str]):
        """(score, (reason, weak)) when `claim` may join `group`, else None."""
        if claim.evidence.doc_id in group.docs:
            return None                  # one document's mentions are coref's to join, not ours
        apart = self.keep_apart.get(claim.id) if claim.id is not None else None
        if apart and any(c.id in apart for c in group.claims):
            return None
        relation = self.names.related(group.perps, perps)
        if relation == "clash" or not all(f.fits(facts) for f in group.facts):
            return None
        head = group.facts[0]
        if head.op_name and head.op_name == facts.op_name:
            score, reason, weak = 3.0, f"same named operation ({facts.op_name})", False
        elif head.same_day(facts) and head.same_place(facts):
            score, reason, weak = 3.0, "same type, day and place", False
        elif head.same_day(facts):
            score, reason, weak = 2.0, "same type and day, places that do not clash", True
        elif head.same_place(facts) and head.same_month(facts):
            score, reason, weak = 1.5, "same type, place and month only (a near date)", True
        else:
            return None
        v = claim.values
        if relation == "parent":
            reason, weak = reason + "; one perpetrator is a branch of the other", True
        elif relation == "same":
            score += 0.5
        for slot, bonus in (("attack_type", 0.5), ("target_type", 0.25), ("suicide", 0.25)):
            if v.get(slot) is not None and any(c.values.get(slot) == v[slot] for c in group.claims):
                score += bonus
        return score, (reason, weak)


def merge_events(claims: Iterable[Claim], actors=None,
                 keep_apart: dict[int, set[int]] | None = None) -> list[Event]:
    """Events from the event claims of many documents: compatible claims sharing a day, or a place
    and a month, or a named operation, become one Event; figures keep every source's value.

    Args:
        claims: event claims of any number of documents (others are ignored).
        actors: the knowledge base's actors (`merge_actors`), so that two spellings of one group
            are one perpetrator and a province agrees with its parent (flagged).
        keep_apart: claim id -> ids of claims a person has said report other events.

    Returns:
        One Event per group, with `values["merge_note"]` saying why its claims were merged and
        `values["flagged"]` when the merge rests only on a near date, on places that merely do
        not clash or on a parent group standing for its branch, for a person to review.
    """
    merger = _Merger(ActorNames(actors), keep_apart or {})
    events = [c for c in claims if c.kind == "event"]
    for claim in sorted(events, key=_order):
        merger.add(claim)
    return [_event(group) for group in merger.groups]


def _order(claim: Claim):
    date = _date(claim.values)
    # the most precise first: a month-only mention then joins the day it fits best
    return (_PRECISION_ORDER[date.precision] if date else 3, date.iso() if date else "",
            claim.evidence.doc_id, claim.evidence.start)


def _figure(figures: list) -> int | dict | None:
    lows = [f.low if isinstance(f, Quantity) else int(f) for f in figures if isinstance(f, (Quantity, int))]
    highs = [f.high if isinstance(f, Quantity) else int(f) for f in figures if isinstance(f, (Quantity, int))]
    if not lows:
        return None
    if len(set(lows)) == 1 and len(set(highs)) == 1:
        return figures[0].to_value() if isinstance(figures[0], Quantity) else lows[0]
    # UCDP: best is the middle of the sources' figures, low and high their extremes
    return {"best": int(median(lows)), "low": min(lows), "high": max(highs)}


def _event(group: _Group) -> Event:
    claims = group.claims
    values: dict = {}
    best_date = max((c for c in claims if _date(c.values)), key=lambda c: len(_date(c.values).iso()), default=None)
    where = min(claims, key=lambda c: _rank(c.values))
    for slot in _PLACE_SLOTS:
        if where.get(slot) is not None:
            values[slot] = where.get(slot)
    stated = sorted(claims, key=lambda c: c.attribution != "stated")
    for slot in ("event_type", "target", "target_type", "attack_type", "suicide", "perpetrator", "claimed",
                 "actor", "operation_type", "outcome"):
        seen = [c.get(slot) for c in stated if c.get(slot) is not None]
        if seen:
            values[slot] = seen[0]
    for slot in _FIGURES:
        figure = _figure([c.get(slot) for c in claims if c.get(slot) is not None])
        if figure is not None:
            values[slot] = figure
    if len(claims) > 1 or group.reasons:
        docs = len(group.docs)
        reasons = "; ".join(dict.fromkeys(group.reasons))
        values["merge_note"] = (f"{len(claims)} claims from {docs} documents: {reasons}" if len(claims) > 1
                                else reasons)
        values["flagged"] = group.weak
    place = None
    if values.get("place") or values.get("admin1"):
        place = Place(values.get("place") or values.get("admin1"), values.get("country"), values.get("admin1"),
                      latitude=values.get("latitude"), longitude=values.get("longitude"),
                      precision="place" if values.get("place") else "province")
    date = _date(best_date.values) if best_date else None
    return Event(values["event_type"], date.iso() if date else None, date.precision if date else None,
                 place, values, list(claims))


__all__ = ["ActorNames", "corefer", "make_coref", "merge_events", "compatible", "absorb"]
