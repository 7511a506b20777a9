"""What every command shares: the --db option, opening the book, turning errors into exits."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import typer
from rich.console import Console
from rich.text import Text
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sourcebook.core import Sourcebook
from sourcebook.errors import SourcebookError

console = Console()
err_console = Console(stderr=True)

DB_HELP = "SQLite file path, or a SQLAlchemy URL such as postgresql+psycopg://user@host/db"
DEFAULT_DB = "sourcebook.sqlite"


def skipped(message: str) -> None:
    """One line on standard error for an input that was skipped; the message (file names,
    document text) is printed as text, never read as Rich markup."""
    err_console.print(Text.assemble(("skipped ", "yellow"), message), soft_wrap=True, highlight=False)


@contextmanager
def open_book(db: str, **kwargs) -> Iterator[Sourcebook]:
    """Open the knowledge base; a SourcebookError becomes a one-line message and exit code 1."""
    try:
        with Sourcebook(db, **kwargs) as book:
            yield book
    except SourcebookError as e:
        err_console.print(Text.assemble(("error: ", "red"), str(e)), soft_wrap=True, highlight=False)
        raise typer.Exit(1) from e


@contextmanager
def progress_bar(enabled: bool = True):
    """A Rich progress bar, and the callback core operations report to."""
    columns = (TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, disable=not enabled, transient=False) as bar:
        tasks: dict[str, int] = {}

        def report(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield report
