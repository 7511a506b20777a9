"""Review: accept, correct or reject a claim (a new version, with who and when), its history,
and the exports, which read the reviewed values.

A page posts a plain form and is sent back where it came from; the JSON API takes a JSON body.
Both refuse a request sent from another site's page (its Origin is not this server).
"""
from __future__ import annotations

import io
import json
from typing import Literal
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from sourcebook.core import Sourcebook
from sourcebook.errors import SourcebookError
from sourcebook.export import exporters, get_exporter
from sourcebook.store.tables import ClaimRow
from sourcebook.web.deps import get_book

router = APIRouter(tags=["review"])


class ReviewIn(BaseModel):
    action: Literal["accept", "correct", "reject"]
    values: dict = Field(default_factory=dict, description="slot -> new value (null or \"\" removes it)")
    user: str = Field("analyst", max_length=128)
    note: str | None = None


def _same_origin(request: Request) -> None:
    origin = request.headers.get("origin") or request.headers.get("referer")
    if origin and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(403, "a review must come from the workbench itself")


def _review(book: Sourcebook, claim_id: int, body: ReviewIn) -> dict:
    new_id = book.review(claim_id, body.action, body.values or None, user=body.user or "analyst", note=body.note)
    with book.Session() as session:
        row = session.get(ClaimRow, new_id)
        return {"id": new_id, "status": row.status, "version": row.version, "event_id": row.event_id,
                "document_id": row.document_id, "history": book.history(new_id)}


@router.post("/api/claims/{claim_id}/review", summary="Accept, correct or reject a claim")
def api_review(claim_id: int, body: ReviewIn, request: Request, book: Sourcebook = Depends(get_book)) -> dict:
    _same_origin(request)
    return _review(book, claim_id, body)


@router.get("/api/claims/{claim_id}/history", summary="Every version of a claim, oldest first")
def api_history(claim_id: int, book: Sourcebook = Depends(get_book)) -> dict:
    history = book.history(claim_id)
    if not history:
        raise HTTPException(404, f"no claim {claim_id}")
    return {"claim_id": claim_id, "history": history}


@router.post("/claims/{claim_id}/review", include_in_schema=False)
def review_form(claim_id: int, request: Request, action: str = Form(...), slot: str = Form(""),
                value: str = Form(""), user: str = Form("analyst"), note: str = Form(""),
                back: str = Form("/"), book: Sourcebook = Depends(get_book)):
    _same_origin(request)
    values = {}
    if action == "correct":
        if not slot.strip():
            raise HTTPException(422, "a correction names the slot it changes")
        values[slot.strip()] = _parse_value(value)
    try:
        result = _review(book, claim_id, ReviewIn(action=action, values=values, user=user.strip() or "analyst",
                                                   note=note.strip() or None))
    except (SourcebookError, ValueError) as e:
        raise HTTPException(400, str(e)) from e
    return RedirectResponse(_back_to(back, result), status_code=303)


def _parse_value(text: str):
    """A form value: a number or JSON when it reads as one (12, true, {"low":..}), else text."""
    text = text.strip()
    try:
        value = json.loads(text)
    except ValueError:
        return text
    if isinstance(value, dict) and {"low", "high"} <= set(value):
        value.setdefault("qualifier", None)
    return value


def _back_to(back: str, result: dict) -> str:
    # only a path of this site; an event page follows the claim to the event it now supports,
    # since a correction re-resolves events and their ids change
    if not back.startswith("/") or back.startswith("//"):
        back = "/"
    if back.startswith("/events/") and result.get("event_id"):
        return f"/events/{result['event_id']}#claim-{result['id']}"
    return f"{back.split('#')[0]}#claim-{result['id']}"


@router.get("/api/exports", summary="The export formats")
def api_exports() -> dict:
    return {"exports": [{"name": e.name, "suffix": e.suffix, "media_type": e.media_type,
                         "description": e.description, "url": f"/export/{e.name}"} for e in exporters().values()]}


@router.get("/export/{fmt}", summary="The knowledge base in an export format, with reviewed values")
def export(fmt: str, book: Sourcebook = Depends(get_book)) -> Response:
    try:
        exporter = get_exporter(fmt)
    except SourcebookError as e:
        raise HTTPException(404, str(e)) from e
    buf = io.BytesIO() if exporter.binary else io.StringIO()
    book.export(fmt, buf)
    body = buf.getvalue()
    return Response(body, media_type=exporter.media_type,
                    headers={"Content-Disposition": f'attachment; filename="sourcebook-{exporter.name}{exporter.suffix}"'})
