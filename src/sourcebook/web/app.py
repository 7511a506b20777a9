"""`create_app(book)`: the workbench as a FastAPI application.

Pages and their JSON come from one router per resource (web/routes/). Front-end libraries are
served from the `node_modules` folder that set-up fills from the npm registry (web/package.json);
nothing is fetched from elsewhere at run time, and the Content-Security-Policy forbids it.
"""
from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from sourcebook.core import Sourcebook
from sourcebook.errors import SourcebookError

HERE = Path(__file__).resolve().parent
# scripts only from this server; no inline script, no frame, no plugin, no form posting elsewhere
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def vendor_dir() -> Path:
    """Where set-up installed the front-end libraries (`npm ci --prefix src/sourcebook/web`);
    SOURCEBOOK_VENDOR names another `node_modules` folder."""
    return Path(os.environ.get("SOURCEBOOK_VENDOR") or HERE / "node_modules")


def create_app(book: Sourcebook) -> FastAPI:
    """The workbench over one knowledge base."""
    from sourcebook.web.routes import ROUTERS

    # no Swagger or ReDoc pages: they load their scripts from a CDN; the schema stays at /openapi.json
    app = FastAPI(title="Sourcebook workbench", version="1", docs_url=None, redoc_url=None,
                  description="Every page of the workbench as JSON: documents with their claims, events "
                              "with every source's claim, timeline, map, actor dossiers, and review.")
    app.state.book = book
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True          # every template, whatever its suffix
    templates.env.globals["codebook"] = book.codebook
    templates.env.filters["figure"] = _figure
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    vendor = vendor_dir()
    if vendor.is_dir():
        app.mount("/vendor", StaticFiles(directory=vendor), name="vendor")
    app.state.vendor = vendor.is_dir()
    for router in ROUTERS:
        app.include_router(router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    @app.exception_handler(SourcebookError)
    async def sourcebook_error(request: Request, exc: SourcebookError):
        return JSONResponse({"detail": str(exc)}, status_code=400)

    return app


def _figure(value) -> str:
    """A figure as an analyst reads it: 12, 10–15, or 12 (at least)."""
    if value is None or value == "":
        return ""
    if isinstance(value, dict):
        low, high = value.get("low", value.get("best")), value.get("high", value.get("best"))
        text = str(low) if low == high else f"{low}–{high}"
        return f"{text} ({value['qualifier']})" if value.get("qualifier") else text
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
