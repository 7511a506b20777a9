"""Placeholder: the estimates component (being written)."""
from sourcebook.pipeline.registry import component


@component("estimates")
def make_estimates(codebook, **config):
    """estimates (placeholder: passes documents through)."""
    return lambda doc: doc
