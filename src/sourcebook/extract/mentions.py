"""Placeholder: the mentions component (being written)."""
from sourcebook.pipeline.registry import component


@component("mentions")
def make_mentions(codebook, **config):
    """mentions (placeholder: passes documents through)."""
    return lambda doc: doc
