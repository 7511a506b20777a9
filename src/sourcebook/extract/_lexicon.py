"""Helpers for the lexicons of the extractors: the loader (re-exported from the codebook) and
regex alternations of their words."""
from __future__ import annotations

import re

from sourcebook.codebook import load_lexicon


def alternation(words, *, flexible_spaces: bool = False) -> str:
    """A regex alternation of literal `words`, longest first so that the longest one wins;
    with `flexible_spaces`, a space in a word matches any run of whitespace."""
    escaped = (re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    if flexible_spaces:
        escaped = (w.replace(r"\ ", r"\s+") for w in escaped)
    return "(?:" + "|".join(escaped) + ")"


__all__ = ["load_lexicon", "alternation"]
