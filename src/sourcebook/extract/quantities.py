"""Placeholder: the quantities component (being written)."""
from sourcebook.pipeline.registry import component


@component("quantities")
def make_quantities(codebook, **config):
    """quantities (placeholder: passes documents through)."""
    return lambda doc: doc
