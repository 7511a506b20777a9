"""`sourcebook build` and `sourcebook ingest`."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from sourcebook.cli._common import DB_HELP, DEFAULT_DB, err_console, open_book, progress_bar, skipped
from sourcebook.cli._tables import print_summary


def build(paths: Optional[List[Path]] = typer.Argument(None, help="Files or folders of reports (.txt .md .html .pdf .docx); none: extract what `ingest` stored"),
          db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
          config: Optional[Path] = typer.Option(None, "--config", help="Pipeline config (TOML); the default pipeline if omitted"),
          quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no tables")) -> None:
    """Ingest, extract and resolve: build or update a knowledge base, then print what it holds."""
    with open_book(db, config=config) as book, progress_bar(not quiet) as progress:
        report = book.build(paths or [], progress=progress)
    for line in report.errors:
        skipped(line)
    if not quiet:
        err_console.print(f"{len(report.added)} documents added, {len(report.unchanged)} unchanged, "
                          f"{len(report.errors)} skipped in {report.seconds:.1f} s", highlight=False)
        with open_book(db) as book:
            print_summary(book)


def ingest(paths: List[Path] = typer.Argument(..., help="Files or folders to read"),
           db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP)) -> None:
    """Read documents into the store without extracting; `build` extracts them later."""
    with open_book(db) as book, progress_bar() as progress:
        report = book.ingest(paths, progress=progress)
    for line in report.errors:
        skipped(line)
    err_console.print(f"{len(report.added)} documents added, {len(report.unchanged)} already stored, "
                      f"{len(report.errors)} skipped", highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(build)
    app.command()(ingest)
