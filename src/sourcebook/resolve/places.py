"""Placeholder: the places resolver (being written)."""
from sourcebook.pipeline.registry import component


@component("places")
def make_places(codebook, **config):
    """places (placeholder: passes documents through)."""
    return lambda doc: doc
