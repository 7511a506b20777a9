"""`sourcebook serve`: the web workbench over a knowledge base."""
from __future__ import annotations

import sys

import typer

from sourcebook.cli._common import DB_HELP, DEFAULT_DB, err_console, open_book


def serve(db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
          host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; the default keeps it on this machine"),
          port: int = typer.Option(8000, "--port", help="Port to listen on"),
          get: str = typer.Option(None, "--get", metavar="PATH",
                                  help="Answer one request in-process (e.g. /api/events) and print it, without a server")) -> None:
    """Start the web workbench: documents, events, timeline, map, actor dossiers and review."""
    from sourcebook.web import create_app

    with open_book(db) as book:
        app = create_app(book)
        if get:
            from fastapi.testclient import TestClient

            with TestClient(app) as client:
                response = client.get(get)
            sys.stdout.write(response.text + ("" if response.text.endswith("\n") else "\n"))
            if response.status_code >= 400:
                raise typer.Exit(1)
            return
        import uvicorn

        err_console.print(f"Sourcebook workbench on http://{host}:{port}/ (Ctrl+C stops it)")
        uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command()(serve)
