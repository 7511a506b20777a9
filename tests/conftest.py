"""The only conftest: fixtures for the codebook, documents, the pipeline, a knowledge base and
the database URL. Set SOURCEBOOK_TEST_POSTGRES (a SQLAlchemy URL) to run the store tests against
PostgreSQL too; with CI=true they must run there, and fail when the server is missing."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from sourcebook.codebook import load_codebook
from sourcebook.ingest.normalize import make_document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "eval" / "gold"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden files of the exporters")


@pytest.fixture(scope="session")
def codebook():
    return load_codebook()


@pytest.fixture
def make_doc():
    """Build a Document from text you write, as spaCy builds Docs by hand."""
    return make_document


@pytest.fixture(scope="session")
def pipeline(codebook):
    from sourcebook.pipeline import load_pipeline

    return load_pipeline(codebook)


@pytest.fixture
def run(pipeline, make_doc):
    """Run the whole default pipeline over a text you write; returns the Document."""

    def run_text(text: str, name: str = "doc.txt", **meta):
        return pipeline(make_doc(text, name, **meta))

    return run_text
