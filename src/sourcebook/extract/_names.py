"""How names are written: word tokens, spelling folds and the normal form of a person's name.

Shared by the `mentions` component and the `actors` resolver. The lexicons (spellings, name
particles, honorifics) come from `names.yaml` of the codebook, read once into a `NameRules`.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

# A word, its inner apostrophes kept ("Qa'ida", "Lidda'awati"); a dotted acronym ("U.S.") is one word.
WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:['’][^\W_]+)*")
# What may stand between two words of one name: spaces, dashes, markdown emphasis, brackets.
JOINER = re.compile(r"(?:['’][sS])?[ \t\-‐‑–—*_()'’]{0,4}")
_APOS = re.compile(r"['’‘`]")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the text.

    Attributes:
        start, end: offsets (end exclusive); a possessive "'s" is left out.
        text: the word as written (dots of an acronym removed).
        fold: lower case, accents and apostrophes removed, spelling variants folded.
    """

    start: int
    end: int
    text: str
    fold: str


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class NameRules:
    """The name lexicons of a codebook, as sets and compiled patterns."""

    def __init__(self, names: dict):
        self.data = names
        self.spellings: dict[str, str] = dict(names.get("spellings", {}))
        self.connectors = set(names.get("connectors", []))
        self._folds: dict[str, str] = {}       # word -> folded word; the vocabulary of reports is small

    def lex(self, key: str) -> set[str]:
        return {str(w).lower() for w in self.data.get(key, [])}

    @cached_property
    def particles(self) -> set[str]:
        return self.lex("name_particles")

    @cached_property
    def honorifics(self) -> set[str]:
        return self.lex("honorifics")

    def fold_word(self, word: str) -> str:
        folded = self._folds.get(word)
        if folded is None:
            w = _APOS.sub("", strip_accents(word).lower()).replace(".", "")
            folded = self._folds[word] = self.spellings.get(w, w)
        return folded

    def tokens(self, text: str, start: int = 0, end: int | None = None) -> list[Token]:
        """The words of `text[start:end]` with their offsets in `text`."""
        out = []
        for m in WORD.finditer(text, start, len(text) if end is None else end):
            s, e, word = m.start(), m.end(), m.group()
            if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
                e, word = e - 2, word[:-2]
            out.append(Token(s, e, word.replace(".", "") if "." in word else word, self.fold_word(word)))
        return out

    def key(self, name: str) -> str:
        """The folded key of a name: words folded, connecting particles dropped."""
        words = [t.fold for t in self.tokens(name)]
        kept = [w for w in words if w not in self.connectors]
        if kept and kept[0] == "the":
            kept = kept[1:]
        return " ".join(kept or words)

    # -- persons ----------------------------------------------------------------------------

    def normalize_person(self, name: str) -> str:
        """The normal form of a person's name: hyphens between parts become spaces, the article
        is written "al-" before the part it belongs to, "-Ullah" joins the part before it.

        "Abu Hafs-al-Masri" -> "Abu Hafs al-Masri"; "Saif-Ullah-Khan" -> "Saifullah Khan".
        """
        name = re.sub(r"\s+", " ", name.replace("’", "'")).strip(" ,;:*_")
        name = re.sub(r"(?i)([a-z])[-\s]ullah\b", lambda m: m.group(1) + "ullah", name)
        parts = [p for p in re.split(r"[\s\-‐‑–—]+", name) if p]
        out: list[str] = []
        glue = False
        for i, part in enumerate(parts):
            low = part.lower()
            if low in ("al", "el") and i < len(parts) - 1:
                out.append(low + "-")
                glue = True
                continue
            if low in self.particles and 0 < i < len(parts) - 1:
                part = low
            if glue:
                out[-1] += part
                glue = False
            else:
                out.append(part)
        return " ".join(out)

    def person_key(self, name: str) -> str:
        """A person's name folded for comparison: honorifics, the article and case set aside."""
        norm = self.normalize_person(name)
        words = [self.fold_word(w) for w in re.split(r"[\s\-]+", norm) if w]
        words = [w for w in words if w not in ("al", "el")]
        while len(words) > 1 and words[0] in self.honorifics:
            words = words[1:]
        return " ".join(words)


def is_acronym(word: str) -> bool:
    """True for a word written as an acronym: "TTP", "IS-K", "JuA", "ISIL-K"."""
    core = word.replace("-", "").replace(".", "")
    if not (2 <= len(core) <= 8) or not core[0].isupper() or not core.isalnum():
        return False
    return sum(c.isupper() for c in core) >= max(2, len(core) - 1) or (
        sum(c.isupper() for c in core) >= 2 and len(core) <= 4)


def case_sensitive(word: str) -> bool:
    """A word of an alias that must match as written: an acronym or a lone capital ("IS", "K", "JuA")."""
    return (len(word) == 1 and word.isupper()) or any(c.isupper() for c in word[1:])
