"""Timeline: events and fatalities over time, by perpetrator or type, with a date brush."""
from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from sqlalchemy.orm import Session

from sourcebook.store import queries
from sourcebook.web.deps import event_filter, get_session, render

router = APIRouter(tags=["timeline"])


@router.get("/api/timeline", summary="Events and fatalities per month or year, by group")
def api_timeline(filt: queries.EventFilter = Depends(event_filter),
                 by: str = Query("event_type", description=", ".join(queries.TIMELINE_GROUPS)),
                 bucket: str = Query("month", description=", ".join(queries.BUCKETS)),
                 top: int = Query(8, ge=1, le=30), session: Session = Depends(get_session)) -> dict:
    if by not in queries.TIMELINE_GROUPS or bucket not in queries.BUCKETS:
        raise HTTPException(422, f"by: {', '.join(queries.TIMELINE_GROUPS)}; bucket: {', '.join(queries.BUCKETS)}")
    return {"filters": filt.to_dict(), **queries.timeline(session, filt, by, bucket, top)}


@router.get("/timeline", include_in_schema=False)
def timeline_page(request: Request, filt: queries.EventFilter = Depends(event_filter), by: str = "event_type",
                  bucket: str = "month", session: Session = Depends(get_session)):
    return render(request, "timeline.html", api_timeline(filt, by, bucket, 8, session), facets=queries.facets(session))
