"""The codebook: every vocabulary Sourcebook speaks, loaded once from the data files beside it.

Extraction, storage, the workbench and the exporters all read labels from here; no label is
typed as a literal anywhere else. Files (in `data/`):

- `event_types.yaml`, `attack_types.yaml`, `target_types.yaml` (GTD), `predicates.yaml`,
  `precisions.yaml`, `labels.yaml`: one vocabulary each, every code with a description.
- `triggers.jsonl`: one trigger pattern a line (`label`, `pattern`, optional `context`).
- `actors.yaml`: the actor registry (canonical name, type, aliases, parent).
- `mappings.yaml`: how our codes map to the field's datasets (GTD, ACLED, UCDP codes).

Users may point `SOURCEBOOK_ACTORS` at their own actor registry, which is read after ours.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from sourcebook.errors import CodebookError

VOCABULARIES = ("event_types", "attack_types", "target_types", "predicates")


@dataclass(slots=True)
class ActorEntry:
    """One actor of the registry."""

    name: str
    actor_type: str = "organization"
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None
    country: str | None = None
    description: str | None = None


def alias_key(name: str) -> str:
    """The key under which a name is looked up: case, hyphens, apostrophes and dots folded."""
    s = name.lower().replace("’", "'").replace("‘", "'")
    s = re.sub(r"[\-‐‑–—_./]", " ", s)
    s = s.replace("'", "")
    return " ".join(s.split())


class Codebook:
    """All vocabularies, validated on load.

    Attributes:
        event_types, attack_types, target_types, predicates: code -> entry (label, description...).
        precisions: {"date": {...}, "geo": {...}}.
        labels: mention labels, fact kinds, actor types, roles, statuses.
        triggers: trigger patterns, each a dict with `label`, `pattern` and optional `context`.
        actors: the actor registry.
        mappings: codes of the field's datasets, for the exporters.
        names: how names are written: spellings, particles, titles, group words (names.yaml).
    """

    def __init__(self, data: dict[str, Any]):
        self.event_types: dict[str, dict] = data["event_types"]
        self.attack_types: dict[str, dict] = data["attack_types"]
        self.target_types: dict[str, dict] = data["target_types"]
        self.predicates: dict[str, dict] = data["predicates"]
        self.precisions: dict[str, dict] = data["precisions"]
        self.labels: dict[str, dict] = data["labels"]
        self.triggers: list[dict] = data["triggers"]
        self.actors: list[ActorEntry] = data["actors"]
        self.ambiguous: set[str] = {alias_key(n) for n in data.get("ambiguous", [])}
        self.mappings: dict[str, Any] = data.get("mappings", {})
        self.names: dict[str, Any] = data.get("names", {})  # name lexicons (names.yaml)
        self.validate()

    @classmethod
    def from_dir(cls, path: Path | None = None, extra_actors: Path | None = None) -> "Codebook":
        """Load every vocabulary from a data folder (ours by default)."""
        root = resources.files("sourcebook.codebook") / "data" if path is None else path

        def read_yaml(name: str):
            return yaml.safe_load((root / name).read_text(encoding="utf-8")) or {}

        data: dict[str, Any] = {name: read_yaml(f"{name}.yaml") for name in VOCABULARIES}
        data["precisions"] = read_yaml("precisions.yaml")
        data["labels"] = read_yaml("labels.yaml")
        data["mappings"] = read_yaml("mappings.yaml") if (root / "mappings.yaml").is_file() else {}
        data["names"] = read_yaml("names.yaml") if (root / "names.yaml").is_file() else {}
        triggers = []
        trig = root / "triggers.jsonl"
        if trig.is_file():
            for n, line in enumerate(trig.read_text(encoding="utf-8").splitlines(), 1):
                if line.strip() and not line.lstrip().startswith("//"):
                    try:
                        triggers.append(json.loads(line))
                    except json.JSONDecodeError as e:
                        raise CodebookError(f"triggers.jsonl:{n}: not JSON: {e}") from e
        data["triggers"] = triggers
        registry = read_yaml("actors.yaml") if (root / "actors.yaml").is_file() else {}
        entries = list(registry.get("actors", []))
        ambiguous = list(registry.get("ambiguous", []))
        if extra_actors:
            extra = yaml.safe_load(Path(extra_actors).read_text(encoding="utf-8")) or {}
            entries += extra.get("actors", [])
            ambiguous += extra.get("ambiguous", [])
        try:
            data["actors"] = [ActorEntry(**e) for e in entries]
        except TypeError as e:
            raise CodebookError(f"actors.yaml: {e}") from e
        data["ambiguous"] = ambiguous
        return cls(data)

    # -- look-ups ---------------------------------------------------------------------------

    def explain(self, code: str) -> str:
        """The description of a code of any vocabulary."""
        for vocab in (self.event_types, self.attack_types, self.target_types, self.predicates,
                      self.precisions["date"], self.precisions["geo"], *self.labels.values()):
            if code in vocab:
                return vocab[code].get("description", "")
        raise KeyError(code)

    def triggers_for(self, label: str) -> list[dict]:
        return [t for t in self.triggers if t["label"] == label]

    @property
    def actor_types(self) -> list[str]:
        return list(self.labels["actor_type"])

    @property
    def fact_kinds(self) -> list[str]:
        return list(self.labels["kind"])

    # -- validation -------------------------------------------------------------------------

    def validate(self) -> None:
        """Raise CodebookError on an inconsistent codebook: a code with no description, an
        unknown actor type or parent, one alias given to two actors, a trigger with a bad
        pattern or a label that names no code."""
        for vname in VOCABULARIES:
            for code, entry in getattr(self, vname).items():
                if not isinstance(entry, dict) or not entry.get("description"):
                    raise CodebookError(f"{vname}: code {code!r} has no description")
        for group in ("date", "geo"):
            for code, entry in self.precisions[group].items():
                if not entry.get("description"):
                    raise CodebookError(f"precisions.{group}: code {code!r} has no description")
        for group, entries in self.labels.items():
            for code, entry in entries.items():
                if not (entry or {}).get("description"):
                    raise CodebookError(f"labels.{group}: code {code!r} has no description")
        trigger_labels = set(self.event_types) | set(self.attack_types) | set(self.predicates) | set(
            self.labels["kind"]) | set(self.labels.get("trigger", {}))
        for t in self.triggers:
            if "label" not in t or "pattern" not in t:
                raise CodebookError(f"trigger without label or pattern: {t}")
            if t["label"] not in trigger_labels:
                raise CodebookError(f"trigger label {t['label']!r} names no code")
            try:
                re.compile(t["pattern"])
            except re.error as e:
                raise CodebookError(f"trigger {t['pattern']!r}: {e}") from e
        names = {e.name for e in self.actors}
        seen: dict[str, str] = {}
        for e in self.actors:
            if e.actor_type not in self.labels["actor_type"]:
                raise CodebookError(f"actor {e.name!r}: unknown actor_type {e.actor_type!r}")
            if e.parent and e.parent not in names:
                raise CodebookError(f"actor {e.name!r}: parent {e.parent!r} is not in the registry")
            for alias in [e.name, *e.aliases]:
                key = alias_key(alias)
                if key in self.ambiguous:
                    continue
                if key in seen and seen[key] != e.name:
                    raise CodebookError(
                        f"alias {alias!r} given to both {seen[key]!r} and {e.name!r}; list it under 'ambiguous'")
                seen[key] = e.name


class _WordLoader(yaml.SafeLoader):
    """YAML 1.2 booleans only: in a word list `on`, `no` and `off` are words, not booleans."""


_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_WordLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                  list("tTfF"))


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """A lexicon of the codebook's data folder (`qualifiers`, `leadership_cues`...), read once.

    Lexicons hold the words extraction looks for (cue words, number words, furniture phrases);
    they are data beside the vocabularies, loaded the one way every component shares.
    """
    path = resources.files("sourcebook.codebook") / "data" / f"{name.removesuffix('.yaml')}.yaml"
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_WordLoader) or {}  # noqa: S506


@cache
def load_codebook() -> Codebook:
    """The default codebook (ours, plus the user's actor registry named by SOURCEBOOK_ACTORS)."""
    extra = os.environ.get("SOURCEBOOK_ACTORS")
    return Codebook.from_dir(extra_actors=Path(extra) if extra else None)


__all__ = ["Codebook", "ActorEntry", "alias_key", "load_codebook", "load_lexicon"]
