"""Actors: the list, and each actor's dossier."""
from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from sqlalchemy.orm import Session

from sourcebook.store import views
from sourcebook.web.deps import get_session, render

router = APIRouter(tags=["actors"])


@router.get("/api/actors", summary="Every actor with its aliases")
def api_actors(session: Session = Depends(get_session)) -> dict:
    rows = views.actor_rows(session)
    return {"total": len(rows), "actors": rows}


@router.get("/api/actors/{actor_id}", summary="An actor's dossier")
def api_actor(actor_id: int, session: Session = Depends(get_session)) -> dict:
    data = views.actor_view(session, actor_id)
    if data is None:
        raise HTTPException(404, f"no actor {actor_id}")
    return data


@router.get("/actors", include_in_schema=False)
def actors_page(request: Request, session: Session = Depends(get_session)):
    return render(request, "actors.html", api_actors(session))


@router.get("/actors/{actor_id}", include_in_schema=False)
def actor_page(actor_id: int, request: Request, session: Session = Depends(get_session)):
    return render(request, "actor.html", api_actor(actor_id, session), actor_ids=views.actor_ids(session))
