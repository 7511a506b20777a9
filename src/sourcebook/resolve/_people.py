"""The persons of one document: the ways one person's name is written, joined.

"Abu Hafs-al-Masri", "Abu Hafs al Masri" and "Abu Hafas Al-Masri" are one person
(same key, or a near spelling); "Masri" alone joins the one earlier full name that ends with
it; "Mufti Gul Zaman Wardak" and "Gul Zaman Wardak" are one (honorifics set aside). A surname
that two full names of the document share ("Khan") joins neither: it is never guessed.
"""
from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz

from sourcebook.extract._names import NameRules

_FUZZY = 90


class People:
    """Groups of names, one group per person, in the order they were first seen."""

    def __init__(self, rules: NameRules):
        self.rules = rules
        self.groups_: list[list[str]] = []          # names (normal form) of each person
        self.keys: list[set[str]] = []

    def find(self, name: str) -> int | None:
        """The group a name belongs to, or None when it joins no group or could join two."""
        key = self.rules.person_key(name)
        if not key:
            return None
        for g, keys in enumerate(self.keys):
            if key in keys:
                return g
        words = key.split()
        found = set()
        for g, keys in enumerate(self.keys):
            for k in keys:
                other = k.split()
                if len(other) <= len(words):
                    continue
                if len(words) == 1 and other[-1] == words[0]:
                    found.add(g)
                elif len(words) >= 2 and (other[:len(words)] == words or other[-len(words):] == words):
                    found.add(g)
        if len(found) == 1:
            return found.pop()
        if found:
            return None
        if len(words) >= 2 and len(key) >= 8:
            near = {g for g, keys in enumerate(self.keys) for k in keys
                    if len(k.split()) == len(words) and k.split()[0][0] == words[0][0] and fuzz.ratio(k, key) >= _FUZZY}
            if len(near) == 1:
                return near.pop()
        return None

    def add(self, name: str, alias_of: str | None = None) -> str:
        """Add a name (joined to `alias_of`'s person when given); returns its person's canonical name."""
        value = self.rules.normalize_person(name)
        g = self.find(alias_of) if alias_of else None
        if g is None:
            g = self.find(value)
        if g is None:
            if alias_of:
                g = self.find(self.add(alias_of))
            if g is None:
                self.groups_.append([])
                self.keys.append(set())
                g = len(self.groups_) - 1
        self.groups_[g].append(value)
        self.keys[g].add(self.rules.person_key(value))
        return self.canonical(g)

    def canonical(self, g: int) -> str:
        """The fullest name of a person: most words, then most often written, then first."""
        names = self.groups_[g]
        counts = Counter(names)
        order = {n: i for i, n in reversed(list(enumerate(names)))}
        return max(counts, key=lambda n: (len(self.rules.person_key(n).split()), counts[n], -order[n]))

    def groups(self) -> list[tuple[str, list[str]]]:
        """(canonical name, other names) of every person."""
        out = []
        for g, names in enumerate(self.groups_):
            name = self.canonical(g)
            out.append((name, [n for n in dict.fromkeys(names) if n != name]))
        return out
