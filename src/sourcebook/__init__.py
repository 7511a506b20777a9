"""Sourcebook: a source-grounded knowledge base of armed groups, built from reports.

    from sourcebook import Sourcebook
    with Sourcebook("kb.sqlite") as book:
        book.build(["reports/"])
"""
from sourcebook.core import BuildReport, Sourcebook
from sourcebook.errors import SourcebookError
from sourcebook.model import Actor, Claim, DateValue, Document, Event, Mention, Place, Quantity, Span
from sourcebook.pipeline import Pipeline, load_pipeline

__all__ = ["Actor", "BuildReport", "Claim", "DateValue", "Document", "Event", "Mention", "Pipeline", "Place",
           "Quantity", "Sourcebook", "SourcebookError", "Span", "load_pipeline"]
