"""`sourcebook split`: undo a merge — take one source's claim out of an event, for good."""
from __future__ import annotations

import typer

from sourcebook.cli._common import DB_HELP, DEFAULT_DB, console, open_book


def split(event_id: int = typer.Argument(..., help="The event the claim was merged into"),
          claim_id: int = typer.Argument(..., help="The claim to take out (see `sourcebook conflicts` or the facts export)"),
          user: str = typer.Option("analyst", "--user", help="Who decides (kept with the decision)"),
          note: str = typer.Option(None, "--note", help="Why the claim reports another event"),
          db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP)) -> None:
    """Keep a claim apart from the other claims of its event: every later resolve obeys."""
    with open_book(db) as book:
        new_event = book.split(event_id, claim_id, user=user, note=note)
    console.print(f"claim {claim_id} now supports event {new_event}; kept apart from event {event_id}'s other claims",
                  highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(split)
