"""The `sourcebook` command line: a Typer app, one command group per module."""
from __future__ import annotations

import typer

from sourcebook.cli import build, conflicts, evaluate, export, serve, show, import_, split

app = typer.Typer(help="Sourcebook: a source-grounded knowledge base of armed groups, built from reports.",
                  no_args_is_help=True, add_completion=False)
for module in (build, show, export, evaluate, conflicts, split, import_, serve):
    module.register(app)


def main() -> None:
    app()
