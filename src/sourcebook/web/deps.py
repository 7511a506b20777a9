"""What routes depend on: the book, a session, the event filter read from the query string,
and `render`, which turns an API route's dict into a page with a `Link: rel="alternate"` header
pointing at that JSON."""
from __future__ import annotations

from typing import Iterator
from urllib.parse import urlencode

from fastapi import HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from sourcebook.core import Sourcebook
from sourcebook.store.queries import EventFilter


def get_book(request: Request) -> Sourcebook:
    return request.app.state.book


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.book.Session() as session:
        yield session


def _blank(value: str | None) -> str | None:
    # an empty field of a GET form filters nothing
    return value.strip() if value and value.strip() else None


def _int(name: str, value: str | None) -> int | None:
    value = _blank(value)
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise HTTPException(422, f"{name} must be a whole number, not {value!r}") from None


def event_filter(date_from: str | None = Query(None, description="earliest date, YYYY[-MM[-DD]]"),
                 date_to: str | None = Query(None, description="latest date, YYYY[-MM[-DD]] (inclusive)"),
                 country: str | None = Query(None, description="ISO 3166-1 alpha-2"),
                 admin1: str | None = Query(None, description="province or state"),
                 actor: str | None = Query(None, description="perpetrator or acting force"),
                 event_type: str | None = Query(None), attack_type: str | None = Query(None),
                 killed_min: str | None = Query(None, description="at least this many killed"),
                 killed_max: str | None = Query(None, description="at most this many killed"),
                 flagged: str | None = Query(None, description="true: only events whose merge needs a look")
                 ) -> EventFilter:
    flag = _blank(flagged)
    return EventFilter(date_from=_blank(date_from), date_to=_blank(date_to), country=_blank(country),
                       admin1=_blank(admin1), actor=_blank(actor), event_type=_blank(event_type),
                       attack_type=_blank(attack_type), killed_min=_int("killed_min", killed_min),
                       killed_max=_int("killed_max", killed_max),
                       flagged=None if flag is None else flag.lower() in ("1", "true", "yes", "on"))


def api_url(request: Request) -> str:
    """The JSON twin of a page: the same path under /api, the same query."""
    path = request.url.path
    path = "/api" if path == "/" else "/api" + path
    return f"{path}?{request.url.query}" if request.url.query else path


def query_with(request: Request, **changes) -> str:
    """The current query string with some parameters changed (None removes one)."""
    params = {k: v for k, v in request.query_params.items() if v != ""}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return "?" + urlencode(params) if params else "?"


def render(request: Request, template: str, data: dict, **context) -> HTMLResponse:
    """A page drawn from its API dict `data` (also embedded as escaped JSON for the scripts)."""
    templates = request.app.state.templates
    response = templates.TemplateResponse(request, template, {"data": data, "api": api_url(request),
                                                             "query_with": lambda **kw: query_with(request, **kw),
                                                             **context})
    response.headers["Link"] = f'<{api_url(request)}>; rel="alternate"; type="application/json"'
    return response
