"""Placeholder: the leadership component (being written)."""
from sourcebook.pipeline.registry import component


@component("leadership")
def make_leadership(codebook, **config):
    """leadership (placeholder: passes documents through)."""
    return lambda doc: doc
