"""`sourcebook import`: load a GTD or ACLED export as claims."""
from __future__ import annotations

from pathlib import Path

import typer

from sourcebook.cli._common import DB_HELP, DEFAULT_DB, err_console, open_book, progress_bar, skipped
from sourcebook.importers import importers

SHOWN_PROBLEMS = 50    # the rest are counted; `--problems FILE` keeps them all


def import_dataset(path: Path = typer.Argument(..., help="The dataset's CSV file", exists=True, dir_okay=False),
                   fmt: str = typer.Option(..., "--format", "-f", help="Format: " + ", ".join(sorted(importers()))),
                   db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
                   resolve: bool = typer.Option(True, "--resolve/--no-resolve",
                                                help="Re-resolve events after the import (slow on very large files)"),
                   problems: Path = typer.Option(None, "--problems", help="Write every malformed row (line: why) to this file"),
                   quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar")) -> None:
    """Load a dataset export (GTD, ACLED) as claims whose source is the dataset, one document per row."""
    with open_book(db) as book, progress_bar(not quiet) as progress:
        report = book.import_dataset(fmt, path, progress=progress, resolve=resolve)
    for problem in report.problems[:SHOWN_PROBLEMS]:
        skipped(f"{path}:{problem}")
    if len(report.problems) > SHOWN_PROBLEMS:
        err_console.print(f"… and {len(report.problems) - SHOWN_PROBLEMS} more malformed rows", highlight=False)
    if problems is not None:
        problems.write_text("".join(f"{p}\n" for p in report.problems), encoding="utf-8")
    for reason, n in sorted(report.skipped.items()):
        err_console.print(f"{n} rows skipped: {reason}", highlight=False, markup=False)
    resolved = f", events resolved in {report.resolve_seconds:.1f} s" if report.resolve_seconds is not None else ""
    err_console.print(f"{report.rows} rows read, {report.added} added, {report.unchanged} already stored, "
                      f"{len(report.problems)} malformed in {report.seconds:.1f} s{resolved}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("import")(import_dataset)
