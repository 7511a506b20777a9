"""The alias index: every name of the actor registry, looked up word by word in a text.

Names are compared on folded words (case, hyphens, spaces, apostrophes, "al-" and the "e"/"i"
connectors of Urdu names, transliteration variants) so that "Tehreek-e-Taliban Pakistan" and
"Tehrik-i Taliban Pakistan" are one key; acronyms and lone capitals ("IS", "TTP", "K") must
still match as written. At each word the longest name wins.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sourcebook.extract._names import JOINER, NameRules, Token, case_sensitive


@dataclass(slots=True)
class AliasHit:
    """One name of the index found in a text.

    Attributes:
        start, end: offsets of the words (end exclusive).
        entries: canonical names it may denote (two or more for an ambiguous name).
        alias: the name of the index that matched, as the registry writes it.
        learned: True when the name was learned from this document, not the registry.
    """

    start: int
    end: int
    entries: list[str]
    alias: str
    learned: bool = False


@dataclass(slots=True)
class _Form:
    entry: str
    alias: str
    strict: tuple[tuple[int, str], ...]   # (position among kept words, word as written) that must match
    learned: bool = False


@dataclass
class AliasIndex:
    """Folded keys of names -> the actors they denote.

    Attributes:
        rules: the name lexicons.
        forms: key -> the written forms that fold to it.
        prefixes: every prefix (in words) of every key, to stop a look-up early.
    """

    rules: NameRules
    forms: dict[str, list[_Form]] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    max_words: int = 1

    def add(self, alias: str, entry: str, learned: bool = False) -> None:
        tokens = self.rules.tokens(alias)
        kept = [t for t in tokens if t.fold not in self.rules.connectors] or tokens
        if not kept:
            return
        strict = tuple((i, t.text) for i, t in enumerate(kept) if case_sensitive(t.text))
        key = " ".join(t.fold for t in kept)
        forms = self.forms.setdefault(key, [])
        if not any(f.entry == entry and f.strict == strict for f in forms):
            forms.append(_Form(entry, alias, strict, learned))
        words = key.split(" ")
        self.max_words = max(self.max_words, len(tokens) + 2)
        for n in range(1, len(words) + 1):
            self.prefixes.add(" ".join(words[:n]))

    def copy(self) -> "AliasIndex":
        return AliasIndex(self.rules, {k: list(v) for k, v in self.forms.items()}, set(self.prefixes), self.max_words)

    def lookup(self, name: str) -> list[str]:
        """Canonical names that `name` (a whole name) may denote, case rules applied."""
        tokens = self.rules.tokens(name)
        hit = self._match(tokens, 0, name, whole=True)
        return hit.entries if hit else []

    def find(self, text: str, tokens: list[Token]) -> list[AliasHit]:
        """Every name of the index in `text`, longest first at each word, left to right."""
        hits: list[AliasHit] = []
        i = 0
        while i < len(tokens):
            hit = self._match(tokens, i, text)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            while i < len(tokens) and tokens[i].start < hit.end:
                i += 1
        return hits

    def _match(self, tokens: list[Token], i: int, text: str, whole: bool = False) -> AliasHit | None:
        connectors = self.rules.connectors
        kept: list[Token] = []
        best: AliasHit | None = None
        j = i
        while j < len(tokens) and j - i < self.max_words:
            tok = tokens[j]
            if j > i and not JOINER.fullmatch(text, tokens[j - 1].end, tok.start):
                break
            # a name may open with "al-": the article is part of the span, not of the key
            if tok.fold not in connectors:
                kept.append(tok)
            key = " ".join(t.fold for t in kept)
            if kept and key not in self.prefixes:
                break
            if kept and key in self.forms and tok.fold not in connectors:
                entries, alias, learned = self._accept(self.forms[key], kept)
                if entries:
                    end = tok.end
                    # "JUI(F)": a bracket opened inside the name closes inside it too
                    if text.count("(", tokens[i].start, end) > text.count(")", tokens[i].start, end) \
                            and text.startswith(")", end):
                        end += 1
                    best = AliasHit(tokens[i].start, end, entries, alias, learned)
            j += 1
        if best and whole and best.end != tokens[-1].end:
            return None
        return best

    @staticmethod
    def _accept(forms: list[_Form], kept: list[Token]) -> tuple[list[str], str, bool]:
        if not any(c.isupper() for t in kept for c in t.text):
            return [], "", False
        entries: list[str] = []
        alias, learned = "", False
        for f in forms:
            if all(p < len(kept) and kept[p].text == w for p, w in f.strict):
                if f.entry not in entries:
                    entries.append(f.entry)
                    alias = alias or f.alias
                    learned = learned or f.learned
        return entries, alias, learned


def build_index(codebook, rules: NameRules) -> AliasIndex:
    """The index of every registry name; an ambiguous name keeps all the actors that bear it."""
    index = AliasIndex(rules)
    for entry in codebook.actors:
        for alias in (entry.name, *entry.aliases):
            index.add(alias, entry.name)
    return index
