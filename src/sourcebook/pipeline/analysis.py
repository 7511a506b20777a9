"""What each component of a pipeline requires and assigns, and which requirements are unmet."""
from __future__ import annotations

from sourcebook.pipeline.registry import get_component


def analyze(pipeline) -> dict:
    """For each component in order: what it requires, what it assigns, and what it requires
    that no earlier component assigns (`problems`)."""
    assigned: set[str] = {"doc.text"}
    out = {"components": [], "problems": {}}
    for name in pipeline.pipe_names:
        meta = get_component(name)
        missing = [r for r in meta.requires if r not in assigned]
        out["components"].append({"name": name, "requires": list(meta.requires), "assigns": list(meta.assigns)})
        if missing:
            out["problems"][name] = missing
        assigned |= set(meta.assigns)
    return out
