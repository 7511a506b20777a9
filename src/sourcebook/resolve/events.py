"""Placeholder: event coreference (being written)."""
from sourcebook.pipeline.registry import component


@component("coref")
def make_coref(codebook, **config):
    """coref (placeholder: passes documents through)."""
    return lambda doc: doc
