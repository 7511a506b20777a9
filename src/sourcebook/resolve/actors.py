"""Placeholder: the actors resolver (being written)."""
from sourcebook.pipeline.registry import component


@component("actors")
def make_actors(codebook, **config):
    """actors (placeholder: passes documents through)."""
    return lambda doc: doc
