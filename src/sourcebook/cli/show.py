"""`sourcebook show`: what a knowledge base holds, as tables."""
from __future__ import annotations

from enum import Enum

import typer

from sourcebook.cli._common import DB_HELP, DEFAULT_DB, open_book
from sourcebook.cli._tables import TABLES, print_summary


class What(str, Enum):
    all = "all"
    documents = "documents"
    actors = "actors"
    events = "events"
    leaders = "leaders"
    estimates = "estimates"
    designations = "designations"
    relations = "relations"


def show(what: What = typer.Argument(What.all, help="Which table to print"),
         db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
         limit: int = typer.Option(50, "--limit", help="Rows per table at most")) -> None:
    """Print documents, actors, events, leaders, estimates, designations or relations."""
    with open_book(db) as book:
        if what is What.all:
            print_summary(book, limit=limit)
        else:
            TABLES[what.value](book, limit)


def register(app: typer.Typer) -> None:
    app.command()(show)
