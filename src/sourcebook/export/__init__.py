"""Exporters, by format name. Each writes the knowledge base to a file handle.

Third parties add formats through the entry-point group `sourcebook.exporters` (an object with
the attributes of `Exporter`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import import_module
from importlib.metadata import entry_points
from typing import Callable

from sourcebook.errors import SourcebookError

BUILTIN = {"facts": "sourcebook.export.facts_jsonl",
           **{name: f"sourcebook.export.{name}" for name in ("gtd", "acled", "ucdp", "stix", "geojson", "parquet")}}


@dataclass(frozen=True)
class Exporter:
    """A format: `write(session, codebook, fh) -> rows written`. `binary` exporters get a bytes handle."""

    name: str
    suffix: str
    media_type: str
    write: Callable
    description: str
    binary: bool = False


@cache
def exporters() -> dict[str, Exporter]:
    found = {name: import_module(module).EXPORTER for name, module in BUILTIN.items()}
    for ep in entry_points(group="sourcebook.exporters"):
        exp = ep.load()
        found[exp.name] = exp
    return found


def get_exporter(name: str) -> Exporter:
    known = exporters()
    if name not in known:
        raise SourcebookError(f"unknown export format {name!r}; known: {', '.join(sorted(known))}")
    return known[name]
