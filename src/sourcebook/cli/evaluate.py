"""`sourcebook evaluate`: score a knowledge base against gold facts."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from sourcebook.cli._common import DB_HELP, DEFAULT_DB, console, open_book
from sourcebook.cli._tables import print_scores


def evaluate(gold: Path = typer.Option(..., "--gold", help="Folder (or file) of gold facts JSONL"),
             db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
             corpus: Optional[Path] = typer.Option(None, "--corpus", help="The documents, to check grounding against the files themselves; the stored texts otherwise"),
             as_json: bool = typer.Option(False, "--json", help="Print the scores as one JSON object")) -> None:
    """Precision, recall and F1 per fact kind, with the referee's matching rules."""
    with open_book(db) as book:
        report = book.evaluate(gold, corpus)
    if as_json:
        console.print_json(json.dumps(report))
    else:
        print_scores(report)


def register(app: typer.Typer) -> None:
    app.command()(evaluate)
