"""The `actors` resolver: names in claims -> canonical actors.

Each name slot of a claim (perpetrator, actor, subject, object, organization, person,
designated_by, source; several names joined with "; ") is rewritten to the canonical name of
the actor it denotes: a registry actor (through the document's own mentions first, so that a
learned acronym counts), a person of the document (the ways one person's name is written are
joined: "Abu Hafs-al-Masri", "Abu Hafs Al-Masri", "Masri"), or, failing both, the
name as written, which becomes a new actor. A name that could be two actors stays as written
unless the document settles which (by the country of the other actors it names): it is never
guessed. `doc.meta["actors"]` lists the document's actors with every other name seen for each.
"""
from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz

from sourcebook.codebook import ActorEntry
from sourcebook.extract._aliases import build_index
from sourcebook.extract._names import NameRules
from sourcebook.model import Actor, Document
from sourcebook.pipeline.registry import component
from sourcebook.resolve._people import People

_FUZZY_ORG = 95
_FUZZY_PERSON = 90


class ActorResolver:
    """Canonicalises the name slots of a document's claims (built once per pipeline).

    Attributes:
        codebook: the codebook (registry, name lexicons, name slots).
        rules: name lexicons.
        entries: canonical name -> registry entry.
    """

    def __init__(self, codebook):
        self.codebook = codebook
        self.rules = NameRules(codebook.names)
        self.index = build_index(codebook, self.rules)
        self.entries: dict[str, ActorEntry] = {e.name: e for e in codebook.actors}
        self.slots = list(codebook.names.get("name_slots", []))

    def __call__(self, doc: Document) -> Document:
        book = _DocActors(self, doc)
        for claim in doc.claims:
            for slot in self.slots:
                value = claim.values.get(slot)
                if isinstance(value, str) and value.strip():
                    names = [n.strip() for n in value.split(";") if n.strip()]
                    claim.values[slot] = "; ".join(book.resolve(n, slot) for n in names)
        doc.meta["actors"] = book.actors()
        return doc

    def lookup(self, name: str, known: dict[str, str] | None = None) -> list[str]:
        """Canonical names that a whole name may denote: the document's learned names first."""
        name = name.strip().strip("\"'“”‘’*_")
        if known:
            hit = known.get(self.rules.key(name))
            if hit:
                return [hit]
        entries = self.index.lookup(name)
        if not entries and "(" in name and name.endswith(")"):
            outer, inner = name[:-1].split("(", 1)
            entries = self.index.lookup(outer.strip()) or self.index.lookup(inner.strip())
        if not entries and known and len(name) > 12:
            key = self.rules.key(name)
            best = max(known, key=lambda k: fuzz.ratio(k, key), default=None)
            if best and fuzz.ratio(best, key) >= _FUZZY_ORG:
                return [known[best]]
        return entries


_POSSESSOR = re.compile(r"^.+?['’]s\s+(?=\S)")
_BRACKETED = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)$")


def _inner_names(surface: str) -> list[str]:
    """The shorter names a long one holds, which other writers use alone: the name after a
    possessor ("the Security Council's Somalia sanctions committee" -> "Somalia sanctions
    committee") and a bracketed name of several words ("Security Council (Somalia sanctions
    committee)")."""
    out = []
    m = _POSSESSOR.match(surface)
    if m and len(surface[m.end():].split()) >= 2:
        out.append(surface[m.end():])
    m = _BRACKETED.match(surface)
    if m and len(m["inner"].split()) >= 2:
        out.append(m["inner"])
    return out


class _DocActors:
    """The actors of one document: what its mentions found, and what its claims name."""

    def __init__(self, resolver: ActorResolver, doc: Document):
        self.r = resolver
        self.rules = resolver.rules
        self.known: dict[str, str] = {}               # folded surface -> canonical name
        self.seen: dict[str, list[str]] = {}          # canonical name -> names seen, in order
        self.types: dict[str, str] = {}
        self.people = People(self.rules)
        countries = set()
        for m in doc.mentions:
            if m.label == "actor" and m.value:
                self._see(m.value, m.text, m.data.get("actor_type", "organization"), m.data.get("alias"))
                self.known.setdefault(self.rules.key(m.text), m.value)
                entry = resolver.entries.get(m.value)
                # the countries a document is about settle an ambiguous acronym: its states
                # and its states' forces named by nationality
                if entry and entry.actor_type == "state" and entry.country:
                    countries.add(entry.country)
                elif m.data.get("country"):
                    countries.add(m.data["country"])
            elif m.label == "person" and m.value:
                self.people.add(m.value, m.data.get("alias_of"))
        self.countries = countries
        for m in doc.mentions:
            if m.label == "actor" and not m.value and m.data.get("candidates"):
                self.resolve(m.text, "actor")

    def _see(self, name: str, surface: str, actor_type: str, alias: str | None = None) -> None:
        names = self.seen.setdefault(name, [])
        for n in (surface, alias, *_inner_names(surface)):
            if n and n not in names:
                names.append(n)
        self.types.setdefault(name, actor_type)

    def resolve(self, name: str, slot: str) -> str:
        """The canonical name of one name of a claim (the name as written when none is sure)."""
        written = name.strip()
        bare = written[4:] if written.lower().startswith("the ") else written
        entries = self.r.lookup(bare, self.known)
        if len(entries) == 1:
            entry = self.r.entries.get(entries[0])
            self._see(entries[0], bare, entry.actor_type if entry else self.types.get(entries[0], "organization"))
            return entries[0]
        if len(entries) > 1:
            settled = [e for e in entries if self.r.entries[e].country in self.countries]
            if len(settled) == 1:
                self._see(settled[0], bare, self.r.entries[settled[0]].actor_type)
                self.known[self.rules.key(bare)] = settled[0]
                return settled[0]
            self._see(bare, bare, self.r.entries[entries[0]].actor_type)
            return bare
        person = self.people.find(bare)
        if person is not None or slot == "person":
            return self.people.add(bare) if person is None else self.people.canonical(person)
        self._see(bare, bare, "organization")
        return bare

    def actors(self) -> list[Actor]:
        out = []
        for name, names in self.seen.items():
            entry = self.r.entries.get(name)
            aliases = [n for n in dict.fromkeys(names) if n != name]
            out.append(Actor(name, entry.actor_type if entry else self.types.get(name, "organization"),
                             aliases, entry.parent if entry else None))
        out += [Actor(name, "person", aliases) for name, aliases in self.people.groups()]
        return out


def resolve_name(name: str, codebook, known: dict[str, str] | None = None) -> ActorEntry | None:
    """The registry actor a name denotes, or None when it denotes none or could be two.

    Args:
        name: a name as written ("Tehreek-e-Taliban", "ISIS-K", "Da'esh").
        codebook: the codebook whose registry is searched.
        known: a document's learned names (folded name -> canonical name), searched first.
    """
    resolver = _resolver_for(codebook)
    entries = resolver.lookup(name, known)
    return resolver.entries.get(entries[0]) if len(entries) == 1 else None


_RESOLVERS: dict[int, ActorResolver] = {}


def _resolver_for(codebook) -> ActorResolver:
    if id(codebook) not in _RESOLVERS:
        _RESOLVERS[id(codebook)] = ActorResolver(codebook)
    return _RESOLVERS[id(codebook)]


def merge_actors(actor_lists: list[list[Actor]], codebook=None) -> list[Actor]:
    """One actor per group across documents: actors that share a name or an alias are joined,
    except that two registry actors are never joined and an ambiguous name joins nothing.

    Args:
        actor_lists: each document's `doc.meta["actors"]`.
        codebook: the codebook (the default one when None).

    Returns:
        The joined actors, each with every name seen for it in any document.
    """
    if codebook is None:
        from sourcebook.codebook import load_codebook

        codebook = load_codebook()
    rules = NameRules(codebook.names)
    registry = {e.name for e in codebook.actors}
    actors = [a for lst in actor_lists for a in lst]
    parent = list(range(len(actors)))
    canon: list[str | None] = [a.name if a.name in registry else None for a in actors]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri == rj or (canon[ri] and canon[rj] and canon[ri] != canon[rj]):
            return
        parent[rj] = ri
        canon[ri] = canon[ri] or canon[rj]

    owner: dict[tuple[str, str], int] = {}
    for i, actor in enumerate(actors):
        person = actor.actor_type == "person"
        for n in [actor.name, *actor.aliases]:
            key = rules.person_key(n) if person else rules.key(n)
            kind = "p" if person else "o"
            if key in codebook.ambiguous:
                # a name that could be two actors joins nothing, but the same unresolved name
                # written in two documents is one (unresolved) actor, not two of one name
                if n != actor.name or canon[i]:
                    continue
                kind = "unresolved"
            if not key:
                continue
            if (kind, key) in owner:
                union(owner[(kind, key)], i)
            else:
                owner[(kind, key)] = i
    _join_spellings(owner, find, union)
    groups: dict[int, list[Actor]] = {}
    for i, actor in enumerate(actors):
        groups.setdefault(find(i), []).append(actor)
    merged: dict[str, Actor] = {}
    for root, members in groups.items():
        name = canon[root] or Counter(a.name for a in members).most_common(1)[0][0]
        names = [n for a in members for n in [a.name, *a.aliases]]
        actor_type = Counter(a.actor_type for a in members).most_common(1)[0][0]
        parent_name = next((a.parent for a in members if a.parent), None)
        if name in merged and merged[name].actor_type != actor_type:
            name = f"{name} ({actor_type})"      # a person and a group of one name stay two actors
        if name in merged:
            names = [*merged[name].aliases, *names]
            parent_name = merged[name].parent or parent_name
        merged[name] = Actor(name, actor_type, [n for n in dict.fromkeys(names) if n != name], parent_name)
    return list(merged.values())


def _join_spellings(owner: dict[tuple[str, str], int], find, union) -> None:
    """Join one person's names written differently in different documents ("Abu Hafs al-Masri",
    "Abu Hafas Al-Masri"): full names (three words, or two long ones) with the same last word, first
    letter and number of words, near in spelling. Compared only within such a block, never all
    against all; a name near to two different persons joins neither."""
    blocks: dict[tuple, list[str]] = {}
    for kind, key in owner:
        words = key.split()
        # short two-word names ("Ahmed Khan", "Ahmad Khan") are too often two people to join
        if kind == "p" and len(words) >= 2 and (len(words) >= 3 or len(key) >= 14):
            blocks.setdefault((words[-1], words[0][0], len(words)), []).append(key)
    for keys in blocks.values():
        if len(keys) < 2:
            continue
        for key in keys:
            near = {find(owner[("p", k)]) for k in keys
                    if k != key and fuzz.ratio(k, key) >= _FUZZY_PERSON}
            near.discard(find(owner[("p", key)]))
            if len(near) == 1:
                union(near.pop(), owner[("p", key)])


@component("actors", requires=["doc.claims", "doc.mentions"], assigns=["doc.claims", "doc.meta.actors"])
def make_actors(codebook, **config):
    """Gives the claims' actor names their canonical form and lists the document's actors with their aliases."""
    return ActorResolver(codebook)


__all__ = ["ActorResolver", "make_actors", "merge_actors", "resolve_name"]
