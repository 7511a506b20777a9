"""Placeholder: the sentences component (being written)."""
from sourcebook.pipeline.registry import component


@component("sentences")
def make_sentences(codebook, **config):
    """sentences (placeholder: passes documents through)."""
    return lambda doc: doc
