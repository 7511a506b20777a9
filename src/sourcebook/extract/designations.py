"""Placeholder: the designations component (being written)."""
from sourcebook.pipeline.registry import component


@component("designations")
def make_designations(codebook, **config):
    """designations (placeholder: passes documents through)."""
    return lambda doc: doc
