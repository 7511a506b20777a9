"""Placeholder: the events component (being written)."""
from sourcebook.pipeline.registry import component


@component("events")
def make_events(codebook, **config):
    """events (placeholder: passes documents through)."""
    return lambda doc: doc
