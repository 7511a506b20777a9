"""Lexicons of the text primitives (calendar words, number words, qualifiers, abbreviations,
page furniture), read once from the codebook's data folder.

They are data, not code, so that a user can read and extend them beside the vocabularies; the
Codebook does not hold them because no label is drawn from them.
"""
from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import re

import yaml


class _WordLoader(yaml.SafeLoader):
    """YAML 1.2 booleans only: in a word list `on`, `no` and `off` are words, not booleans."""


_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_WordLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                  list("tTfF"))


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """The lexicon `codebook/data/<name>.yaml` as a dict (cached: read once per process)."""
    path = resources.files("sourcebook.codebook") / "data" / f"{name}.yaml"
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_WordLoader) or {}  # noqa: S506


def alternation(words, *, boundary: bool = True) -> str:
    """A regex alternation of literal `words`, longest first so that the longest one wins."""
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return f"(?:{body})"


__all__ = ["load_lexicon", "alternation"]
