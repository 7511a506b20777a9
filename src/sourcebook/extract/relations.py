"""Placeholder: the relations component (being written)."""
from sourcebook.pipeline.registry import component


@component("relations")
def make_relations(codebook, **config):
    """relations (placeholder: passes documents through)."""
    return lambda doc: doc
