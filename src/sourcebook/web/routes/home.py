"""The front page: what the knowledge base holds, and where to go."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from sqlalchemy.orm import Session

from sourcebook.export import exporters
from sourcebook.store import repository as repo
from sourcebook.web.deps import get_session, render

router = APIRouter(tags=["overview"])


@router.get("/api", summary="What the knowledge base holds")
def api_home(session: Session = Depends(get_session)) -> dict:
    return {"counts": repo.counts(session),
            "exports": [{"name": e.name, "description": e.description, "url": f"/export/{e.name}"}
                        for e in exporters().values()],
            "pages": ["/documents", "/events", "/timeline", "/map", "/actors"], "openapi": "/openapi.json"}


@router.get("/", include_in_schema=False)
def home(request: Request, session: Session = Depends(get_session)):
    return render(request, "home.html", api_home(session))
