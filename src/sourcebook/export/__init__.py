"""Exporters, by format name. Each writes the knowledge base to a file handle.

Third parties add formats through the entry-point group `sourcebook.exporters` (an object with
the attributes of `Exporter`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Callable

from sourcebook._plugins import load_formats, pick

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
    return load_formats(BUILTIN, "EXPORTER", "sourcebook.exporters")


def get_exporter(name: str) -> Exporter:
    return pick(exporters(), name, "export")
