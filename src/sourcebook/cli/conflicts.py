"""`sourcebook conflicts`: where sources disagree, side by side."""
from __future__ import annotations

import json

import typer
from rich.table import Table

from sourcebook.cli._common import DB_HELP, DEFAULT_DB, console, open_book


def conflicts(db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
              as_json: bool = typer.Option(False, "--json", help="Print the disagreements as JSON")) -> None:
    """List every fact on which sources disagree (death toll, date, place, perpetrator, a leader's dates)."""
    with open_book(db) as book:
        found = book.conflicts()
    if as_json:
        console.print_json(json.dumps(found, ensure_ascii=False))
        return
    table = Table(title=f"Disagreements ({len(found)})", title_justify="left", show_lines=True)
    for column in ("fact", "slot", "value", "source (claim)", "words"):
        table.add_column(column, overflow="fold")
    for item in found:
        subject = item["subject"]
        if isinstance(item.get("merged"), dict):
            subject += "\nkept as " + ", ".join(f"{k} {v}" for k, v in item["merged"].items())
        for i, side in enumerate(item["claims"]):
            words = side["evidence"] if len(side["evidence"]) <= 200 else side["evidence"][:197] + "..."
            table.add_row(subject if i == 0 else "", item["slot"] if i == 0 else "",
                          json.dumps(side["value"], ensure_ascii=False), f"{side['document']} ({side['claim_id']})",
                          words)
    console.print(table, markup=False)


def register(app: typer.Typer) -> None:
    app.command()(conflicts)
