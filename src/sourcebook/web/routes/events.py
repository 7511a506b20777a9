"""Events: the filtered, sorted, paged table, and each event with every source's claim."""
from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from sqlalchemy.orm import Session

from sourcebook.store import queries, views
from sourcebook.web.deps import event_filter, get_session, render

router = APIRouter(tags=["events"])


@router.get("/api/events", summary="A page of events, filtered and sorted")
def api_events(filt: queries.EventFilter = Depends(event_filter),
               sort: str = Query("-date", description="a column, `-` in front for descending: "
                                                      + ", ".join(queries.SORTS)),
               page: int = Query(1, ge=1), per_page: int = Query(50, ge=1, le=queries.MAX_PER_PAGE),
               session: Session = Depends(get_session)) -> dict:
    if sort.lstrip("-") not in queries.SORTS:
        raise HTTPException(422, f"cannot sort by {sort!r}; use one of {', '.join(queries.SORTS)}")
    total, rows = queries.search_events(session, filt, sort, page, per_page)
    return {"total": total, "page": page, "per_page": per_page, "pages": max(1, -(-total // per_page)),
            "sort": sort, "filters": filt.to_dict(), "events": rows}


@router.get("/api/facets", summary="The values the event filters offer")
def api_facets(session: Session = Depends(get_session)) -> dict:
    return queries.facets(session)


@router.get("/api/events/{event_id}", summary="An event with every source's claim, slot by slot")
def api_event(event_id: int, session: Session = Depends(get_session)) -> dict:
    data = views.event_view(session, event_id)
    if data is None:
        raise HTTPException(404, f"no event {event_id}")
    return data


@router.get("/events", include_in_schema=False)
def events_page(request: Request, filt: queries.EventFilter = Depends(event_filter), sort: str = "-date",
                page: int = Query(1, ge=1), per_page: int = Query(50, ge=1, le=queries.MAX_PER_PAGE),
                session: Session = Depends(get_session)):
    data = api_events(filt, sort, page, per_page, session)
    return render(request, "events.html", data, facets=queries.facets(session), actor_ids=views.actor_ids(session))


@router.get("/events/{event_id}", include_in_schema=False)
def event_page(event_id: int, request: Request, session: Session = Depends(get_session)):
    return render(request, "event.html", api_event(event_id, session), actor_ids=views.actor_ids(session))
