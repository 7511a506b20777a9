"""Documents: the list, and each document's text with its extractions highlighted in place."""
from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from sqlalchemy.orm import Session

from sourcebook.store import views
from sourcebook.web.deps import get_session, render

router = APIRouter(tags=["documents"])


@router.get("/api/documents", summary="Every document with its number of claims")
def api_documents(session: Session = Depends(get_session)) -> dict:
    rows = views.document_rows(session)
    return {"total": len(rows), "documents": rows}


@router.get("/api/documents/{doc_id}", summary="A document's text, its claims and the highlight segments")
def api_document(doc_id: str, session: Session = Depends(get_session)) -> dict:
    data = views.document_view(session, doc_id)
    if data is None:
        raise HTTPException(404, f"no document {doc_id}")
    return data


@router.get("/documents", include_in_schema=False)
def documents_page(request: Request, session: Session = Depends(get_session)):
    return render(request, "documents.html", api_documents(session))


@router.get("/documents/{doc_id}", include_in_schema=False)
def document_page(doc_id: str, request: Request, session: Session = Depends(get_session)):
    data = api_document(doc_id, session)
    # facts grouped by kind, in the codebook's order of kinds
    kinds = request.app.state.book.codebook.fact_kinds
    by_kind: dict[str, list] = {k: [c for c in data["claims"] if c["kind"] == k] for k in kinds}
    by_kind = {k: v for k, v in by_kind.items() if v}
    return render(request, "document.html", data, by_kind=by_kind)
