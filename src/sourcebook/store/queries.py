"""Filtered, sorted and paged reads of the events table, and the aggregations the workbench
draws (timeline, map, facets). Everything is pushed into SQL so that a knowledge base of a few
hundred thousand events answers a page in milliseconds; the indexes live in store/tables.py.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from sqlalchemy import and_, case, func, literal, literal_column, or_, select
from sqlalchemy.orm import Session

from sourcebook.store.tables import ClaimRow, EventRow, PlaceRow

# sort keys a client may name -> the column; anything else is refused by the caller
SORTS = {"date": EventRow.date, "killed": EventRow.killed, "country": EventRow.country,
         "admin1": EventRow.admin1, "perpetrator": EventRow.perpetrator, "event_type": EventRow.event_type,
         "attack_type": EventRow.attack_type, "id": EventRow.id}
MAX_PER_PAGE = 500
# timeline buckets: how many leading characters of an ISO date name the period
BUCKETS = {"year": 4, "month": 7}
OTHER, UNKNOWN = "other", "unknown"   # timeline groups that are no value of the column
TIMELINE_GROUPS = {"perpetrator": EventRow.perpetrator, "event_type": EventRow.event_type,
                   "attack_type": EventRow.attack_type, "country": EventRow.country}


@dataclass
class EventFilter:
    """What the events table, the timeline and the map are narrowed to. Empty fields filter
    nothing. Dates compare as ISO strings, so `2019` matches every date in 2019 when used as
    both ends (`date_to` is extended to the end of its period)."""

    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    admin1: str | None = None
    actor: str | None = None
    event_type: str | None = None
    attack_type: str | None = None
    killed_min: int | None = None
    killed_max: int | None = None
    flagged: bool | None = None

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def clauses(self) -> list:
        c = []
        if self.date_from:
            c.append(EventRow.date >= self.date_from)
        if self.date_to:
            # "2019-05" as an upper bound must keep "2019-05-31": compare against the period's end
            c.append(EventRow.date <= self.date_to + "\uffff")
        if self.country:
            c.append(EventRow.country == self.country.upper())
        if self.admin1:
            c.append(EventRow.admin1 == self.admin1)
        if self.actor:
            # the perpetrator column holds the actor of counter-operations too (repository.replace_events)
            c.append(EventRow.perpetrator == self.actor)
        if self.event_type:
            c.append(EventRow.event_type == self.event_type)
        if self.attack_type:
            c.append(EventRow.attack_type == self.attack_type)
        if self.killed_min is not None:
            c.append(EventRow.killed >= self.killed_min)
        if self.killed_max is not None:
            c.append(EventRow.killed <= self.killed_max)
        if self.flagged is not None:
            c.append(EventRow.flagged.is_(self.flagged))
        return c


def month_of(date_column):
    """`YYYY-MM` of an ISO date column (`YYYY` for a year-only date), written with inline
    constants: a bound parameter would keep SQLite from using the (month, ...) expression indexes."""
    return func.substr(date_column, literal_column("1"), literal_column(str(BUCKETS["month"])))


def _where(q, filt: EventFilter):
    clauses = filt.clauses()
    return q.where(and_(*clauses)) if clauses else q


def search_events(session: Session, filt: EventFilter, sort: str = "-date", page: int = 1,
                  per_page: int = 50) -> tuple[int, list[dict]]:
    """One page of events.

    Args:
        sort: a key of SORTS, `-` in front for descending; ties break on id.
        page: 1-based.

    Returns:
        (number of events matching, the page's rows as dicts).
    """
    desc = sort.startswith("-")
    column = SORTS[sort.lstrip("-")]
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    total = session.scalar(_where(select(func.count()).select_from(EventRow), filt)) or 0
    # nulls last in both directions (an undated event is not "the oldest"), written so that
    # SQLite still walks the column's index instead of sorting the table
    order = [(column.desc() if desc else column.asc()).nulls_last(),
             EventRow.id.desc() if desc else EventRow.id.asc()]
    q = (select(EventRow.id, EventRow.event_type, EventRow.date, EventRow.date_precision, EventRow.country,
                EventRow.admin1, EventRow.perpetrator, EventRow.attack_type, EventRow.killed, EventRow.flagged,
                EventRow.values, PlaceRow.name.label("place"), PlaceRow.precision.label("geo_precision"))
         .outerjoin(PlaceRow, EventRow.place_id == PlaceRow.id))
    q = _where(q, filt).order_by(*order).limit(per_page).offset((max(page, 1) - 1) * per_page)
    rows = session.execute(q).all()
    n_claims = dict(session.execute(select(ClaimRow.event_id, func.count()).where(
        ClaimRow.event_id.in_([r.id for r in rows]), ClaimRow.current.is_(True)).group_by(ClaimRow.event_id)).all()) \
        if rows else {}
    out = []
    for r in rows:
        v = r.values or {}
        out.append({"id": r.id, "event_type": r.event_type, "date": r.date, "date_precision": r.date_precision,
                    "place": r.place or v.get("place"), "geo_precision": r.geo_precision, "admin1": r.admin1,
                    "country": r.country, "perpetrator": r.perpetrator, "target": v.get("target"),
                    "attack_type": r.attack_type, "killed": v.get("killed", r.killed), "injured": v.get("injured"),
                    "claims": n_claims.get(r.id, 0), "sources": len(v.get("sources", []) or []) or n_claims.get(r.id, 0),
                    "flagged": bool(r.flagged)})
    return total, out


def timeline(session: Session, filt: EventFilter, by: str = "event_type", bucket: str = "month",
             top: int = 8) -> dict:
    """Events and fatalities per period, split by `by` (the `top` largest groups by events; the
    rest as `other`). Events dated less precisely than the bucket are counted apart
    (`undated_in_bucket`), never spread over a period the text does not give.

    Returns:
        {"bucket", "by", "groups": [names], "series": [{"period", "group", "events", "killed"}],
         "undated_in_bucket": int, "undated": int}
    """
    group_col = TIMELINE_GROUPS[by]
    period = month_of(EventRow.date)
    # one statement: months grouped in the order of the (month, group) expression indexes, the
    # `top` largest groups found from that, and the rest folded into "other"
    inner = _where(select(period.label("period"), func.coalesce(group_col, literal(UNKNOWN)).label("grp"),
                          func.count().label("n"), func.coalesce(func.sum(EventRow.killed), 0).label("killed"))
                   .where(EventRow.date.is_not(None)), filt).group_by(period, group_col).cte("months")
    largest = (select(inner.c.grp).group_by(inner.c.grp)
               .order_by(func.sum(inner.c.n).desc(), inner.c.grp).limit(top).cte("largest"))
    folded = case((inner.c.grp.in_(select(largest.c.grp)), inner.c.grp), else_=literal(OTHER))
    rows = session.execute(select(inner.c.period, folded.label("grp"), func.sum(inner.c.n), func.sum(inner.c.killed))
                           .group_by(inner.c.period, folded)).all()
    totals: dict[str, int] = {}
    for _, group, n, _ in rows:
        totals[group] = totals.get(group, 0) + int(n)
    groups = sorted((g for g in totals if g != OTHER), key=lambda g: (-totals[g], g)) + \
        ([OTHER] if OTHER in totals else [])
    width = BUCKETS[bucket]
    series: dict[tuple, list[int]] = {}
    coarse = 0
    for period_value, group, n, killed in rows:
        if len(period_value) < width:
            coarse += n
            continue
        cell = series.setdefault((period_value[:width], group), [0, 0])
        cell[0] += int(n)
        cell[1] += int(killed or 0)
    undated = session.scalar(_where(select(func.count()).select_from(EventRow).where(EventRow.date.is_(None)), filt))
    return {"bucket": bucket, "by": by, "groups": groups,
            "series": [{"period": p, "group": g, "events": n, "killed": k}
                       for (p, g), (n, k) in sorted(series.items())],
            "undated_in_bucket": coarse, "undated": undated or 0}


def map_places(session: Session, filt: EventFilter, limit: int = 5000) -> dict:
    """Located events grouped by place and event type, with the place's geo-precision, so that
    a province-level location is drawn as an area and not as a point in a town.

    Returns:
        {"places": [{"place_id", "name", "admin1", "country", "latitude", "longitude", "precision",
         "event_type", "events", "killed"}], "unlocated": int, "truncated": bool}
    """
    q = _where(select(PlaceRow.id, PlaceRow.name, PlaceRow.admin1, PlaceRow.country, PlaceRow.latitude,
                      PlaceRow.longitude, PlaceRow.precision, EventRow.event_type, func.count().label("n"),
                      func.coalesce(func.sum(EventRow.killed), 0).label("killed"))
               .join(PlaceRow, EventRow.place_id == PlaceRow.id)
               .where(PlaceRow.latitude.is_not(None), PlaceRow.longitude.is_not(None)), filt)
    q = q.group_by(PlaceRow.id, EventRow.event_type).order_by(func.count().desc()).limit(limit + 1)
    rows = session.execute(q).all()
    located = _where(select(func.count()).select_from(EventRow).join(PlaceRow, EventRow.place_id == PlaceRow.id)
                     .where(PlaceRow.latitude.is_not(None)), filt)
    total = session.scalar(_where(select(func.count()).select_from(EventRow), filt)) or 0
    return {"places": [{"place_id": r.id, "name": r.name, "admin1": r.admin1, "country": r.country,
                        "latitude": r.latitude, "longitude": r.longitude, "precision": r.precision,
                        "event_type": r.event_type, "events": r.n, "killed": int(r.killed or 0)}
                       for r in rows[:limit]],
            "unlocated": total - (session.scalar(located) or 0), "truncated": len(rows) > limit}


def facets(session: Session, top: int = 300) -> dict:
    """The values the filters offer: every country, province, type, and the most frequent actors."""
    def distinct(column):
        return [v for v in session.scalars(select(column).where(column.is_not(None)).distinct().order_by(column))]

    actors = session.execute(select(EventRow.perpetrator, func.count()).where(EventRow.perpetrator.is_not(None))
                             .group_by(EventRow.perpetrator).order_by(func.count().desc()).limit(top)).all()
    span = session.execute(select(func.min(EventRow.date), func.max(EventRow.date))).one()
    return {"countries": distinct(EventRow.country), "admin1": distinct(EventRow.admin1),
            "event_types": distinct(EventRow.event_type), "attack_types": distinct(EventRow.attack_type),
            "actors": sorted(a for a, _ in actors), "date_min": span[0], "date_max": span[1]}


def events_of_actor(session: Session, names: list[str]) -> list[dict]:
    """Attacks and operations by any of `names`, per year: events and fatalities."""
    if not names:
        return []
    year = func.substr(EventRow.date, 1, 4)
    rows = session.execute(select(year.label("year"), EventRow.event_type, func.count().label("n"),
                                  func.coalesce(func.sum(EventRow.killed), 0).label("killed"))
                           .where(or_(*[EventRow.perpetrator == n for n in names]), EventRow.date.is_not(None))
                           .group_by(year, EventRow.event_type).order_by(year)).all()
    return [{"year": r.year, "event_type": r.event_type, "events": r.n, "killed": int(r.killed or 0)} for r in rows]
