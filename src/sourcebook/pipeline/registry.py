"""The component registry: `@component` declares a pipeline component where it lives.

Built-in components register by being imported (`BUILTIN_MODULES`); third parties register
through the entry-point group `sourcebook.components`. Discovery is lazy and happens once.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from importlib.metadata import entry_points
from typing import Callable

from sourcebook.errors import ConfigError

# modules whose import registers the built-in components, in no particular order
BUILTIN_MODULES = (
    "sourcebook.extract.sentences",
    "sourcebook.extract.mentions",
    "sourcebook.extract.dates",
    "sourcebook.extract.quantities",
    "sourcebook.extract.events",
    "sourcebook.extract.leadership",
    "sourcebook.extract.estimates",
    "sourcebook.extract.designations",
    "sourcebook.extract.relations",
    "sourcebook.resolve.actors",
    "sourcebook.resolve.places",
    "sourcebook.resolve.events",
)


@dataclass(frozen=True)
class ComponentMeta:
    """What a component is: its factory and what it reads and writes on the Document.

    Attributes:
        name: short lowercase noun, the name a config uses.
        factory: `factory(codebook, **config) -> callable(doc) -> doc`.
        requires: attributes it reads (`doc.mentions`, `doc.sentences`...).
        assigns: attributes it writes.
        description: first paragraph of the factory's docstring.
    """

    name: str
    factory: Callable
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    description: str = ""
    defaults: dict = field(default_factory=dict)


_REGISTRY: dict[str, ComponentMeta] = {}


def component(name: str, *, requires: list[str] | tuple[str, ...] = (), assigns: list[str] | tuple[str, ...] = ()):
    """Register a component factory under `name`.

    The decorated function takes the codebook and the component's config as keyword
    arguments and returns a callable `doc -> doc` (optionally with `pipe(docs, batch_size)`).
    """

    def register(factory: Callable) -> Callable:
        # the first paragraph, not the first line: a summary may wrap
        summary = " ".join(inspect.cleandoc(factory.__doc__ or "").split("\n\n")[0].split())
        _REGISTRY[name] = ComponentMeta(name, factory, tuple(requires), tuple(assigns), summary)
        return factory

    return register


@cache
def _discover() -> None:
    for module in BUILTIN_MODULES:
        import_module(module)
    for ep in entry_points(group="sourcebook.components"):
        ep.load()


def registered() -> dict[str, ComponentMeta]:
    """Every known component, built-in and plugin, by name."""
    _discover()
    return dict(_REGISTRY)


def get_component(name: str) -> ComponentMeta:
    _discover()
    comps = _REGISTRY
    if name not in comps:
        raise ConfigError(f"unknown pipeline component {name!r}; known: {', '.join(sorted(comps))}")
    return comps[name]
