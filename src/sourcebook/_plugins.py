"""The registries of formats (exporters, importers): built-ins by module, plugins by entry point."""
from __future__ import annotations

from importlib import import_module
from importlib.metadata import entry_points

from sourcebook.errors import SourcebookError


def load_formats(builtin: dict[str, str], attr: str, group: str) -> dict:
    """Name -> format object: each built-in module's `attr`, then every plugin of entry-point
    `group` (an object with a `name`), which may add formats or replace one."""
    found = {name: getattr(import_module(module), attr) for name, module in builtin.items()}
    for ep in entry_points(group=group):
        obj = ep.load()
        found[obj.name] = obj
    return found


def pick(formats: dict, name: str, what: str):
    """The format called `name`, or a clear error listing the known ones."""
    if name not in formats:
        raise SourcebookError(f"unknown {what} format {name!r}; known: {', '.join(sorted(formats))}")
    return formats[name]
