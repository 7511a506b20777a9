"""`sourcebook export`."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.text import Text

from sourcebook.cli._common import DB_HELP, DEFAULT_DB, err_console, open_book
from sourcebook.export import exporters, get_exporter


def export(fmt: str = typer.Option("facts", "--format", "-f", help="Format: " + ", ".join(sorted(exporters()))),
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write; standard output if omitted"),
           db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP)) -> None:
    """Write the knowledge base in one of the field's formats."""
    with open_book(db) as book:
        exporter = get_exporter_or_exit(fmt)
        if output is None:
            n = book.export(fmt, sys.stdout.buffer if exporter.binary else sys.stdout)
        else:
            tmp = output.with_name(output.name + ".part")
            mode = "wb" if exporter.binary else "w"
            with tmp.open(mode, **({} if exporter.binary else {"encoding": "utf-8", "newline": ""})) as fh:
                n = book.export(fmt, fh)
            tmp.replace(output)   # a half-written export never takes the place of a good one
    err_console.print(f"{n} records written" + (f" to {output}" if output else ""), highlight=False)


def get_exporter_or_exit(fmt: str):
    try:
        return get_exporter(fmt)
    except Exception as e:
        err_console.print(Text.assemble(("error: ", "red"), str(e)), soft_wrap=True, highlight=False)
        raise typer.Exit(2) from e


def register(app: typer.Typer) -> None:
    app.command()(export)
