"""Placeholder: the dates component (being written)."""
from sourcebook.pipeline.registry import component


@component("dates")
def make_dates(codebook, **config):
    """dates (placeholder: passes documents through)."""
    return lambda doc: doc
