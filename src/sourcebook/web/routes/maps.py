"""Map: located events sized by fatalities, coloured by type, drawn at their geo-precision over
an offline basemap of country outlines (world-atlas, from the npm registry)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.orm import Session

from sourcebook.core import Sourcebook
from sourcebook.store import queries
from sourcebook.web.deps import event_filter, get_book, get_session, render

router = APIRouter(tags=["map"])


@router.get("/api/map", summary="Located events grouped by place and type, with geo-precision")
def api_map(filt: queries.EventFilter = Depends(event_filter), limit: int = Query(5000, ge=1, le=20000),
            session: Session = Depends(get_session), book: Sourcebook = Depends(get_book)) -> dict:
    precisions = {code: entry.get("description", "") for code, entry in book.codebook.precisions["geo"].items()}
    return {"filters": filt.to_dict(), "precisions": precisions, **queries.map_places(session, filt, limit)}


@router.get("/map", include_in_schema=False)
def map_page(request: Request, filt: queries.EventFilter = Depends(event_filter),
             session: Session = Depends(get_session), book: Sourcebook = Depends(get_book)):
    return render(request, "map.html", api_map(filt, 5000, session, book), facets=queries.facets(session))
