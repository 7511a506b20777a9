"""What is registered — pipeline components with what they require and assign, exporters and
importers — equals the committed tests/registrations.json, so that adding, renaming or rewiring
one is a visible change in review (spacy/tests/test_factory_registrations.py).

After an intended change: `pytest tests/test_registrations.py --update-golden`, and commit the JSON.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sourcebook.export import exporters
from sourcebook.importers import importers
from sourcebook.pipeline.registry import registered

REGISTRATIONS = Path(__file__).resolve().parent / "registrations.json"


def current() -> dict[str, dict]:
    """Every registry as plain JSON data, keys sorted so that the file does not churn."""
    return {
        "components": {name: {"requires": list(meta.requires), "assigns": list(meta.assigns)}
                       for name, meta in sorted(registered().items())},
        "exporters": {name: {"suffix": exp.suffix, "media_type": exp.media_type, "binary": exp.binary}
                      for name, exp in sorted(exporters().items())},
        "importers": {name: {"required_columns": list(imp.required)} for name, imp in sorted(importers().items())},
    }


@pytest.fixture(scope="module")
def committed(request) -> dict:
    if request.config.getoption("--update-golden"):
        REGISTRATIONS.write_text(json.dumps(current(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert REGISTRATIONS.is_file(), "no tests/registrations.json: run pytest tests/test_registrations.py --update-golden"
    return json.loads(REGISTRATIONS.read_text(encoding="utf-8"))


def _differences(committed: dict, found: dict) -> list[str]:
    lines = [f"added {name}: {found[name]}" for name in sorted(set(found) - set(committed))]
    lines += [f"removed {name}" for name in sorted(set(committed) - set(found))]
    lines += [f"changed {name}: {committed[name]} -> {found[name]}"
              for name in sorted(set(found) & set(committed)) if found[name] != committed[name]]
    return lines


@pytest.mark.parametrize("registry", ["components", "exporters", "importers"])
def test_registrations_match_the_committed_json(committed, registry):
    diff = _differences(committed.get(registry, {}), current()[registry])
    assert not diff, (f"registered {registry} differ from tests/registrations.json:\n  " + "\n  ".join(diff)
                      + "\nIf intended, run `pytest tests/test_registrations.py --update-golden`, regenerate the "
                        "docs (`.venv/bin/cog -r docs/*.md`) and commit both.")


def test_registrations_every_requirement_is_assigned_by_some_component():
    # a requirement nobody assigns is a typo in a decorator, or a component that was removed
    components = current()["components"]
    assigned = {"doc.text"} | {a for meta in components.values() for a in meta["assigns"]}
    orphans = {name: sorted(set(meta["requires"]) - assigned) for name, meta in components.items()}
    assert not {k: v for k, v in orphans.items() if v}
