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
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden files (tests/golden/, tests/registrations.json)")


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


# -- databases -------------------------------------------------------------------------------

POSTGRES_URL = os.environ.get("SOURCEBOOK_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _postgres_required() -> bool:
    return os.environ.get("CI", "").lower() == "true" or "SOURCEBOOK_TEST_POSTGRES" in os.environ


def _reset_postgres(url: str) -> None:
    """Empty the test database: every table of ours and Alembic's version table."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A fresh, empty database: a SQLite file, then the PostgreSQL server. With CI=true (or
    SOURCEBOOK_TEST_POSTGRES set) a missing server fails the test instead of skipping it."""
    if request.param == "sqlite":
        yield str(tmp_path / "kb.sqlite")
        return
    try:
        _reset_postgres(POSTGRES_URL)
    except Exception as e:  # noqa: BLE001
        if _postgres_required():
            pytest.fail(f"PostgreSQL is required here and not reachable at {POSTGRES_URL}: {e}")
        pytest.skip(f"no PostgreSQL at {POSTGRES_URL}")
    yield POSTGRES_URL


@pytest.fixture
def book(tmp_path):
    """A knowledge base in a temporary SQLite file, closed after the test."""
    from sourcebook.core import Sourcebook

    with Sourcebook(tmp_path / "kb.sqlite") as b:
        yield b


# -- exports ---------------------------------------------------------------------------------

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture
def sample_kb(book):
    """A knowledge base filled by hand (tests/_kb.py): documents, claims, events and actors."""
    from _kb import fill_sample

    fill_sample(book)
    return book


@pytest.fixture
def golden(request):
    """Compare bytes with tests/golden/NAME byte for byte; `pytest --update-golden` rewrites it."""

    def check(name: str, data: bytes) -> None:
        path = GOLDEN / name
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        assert path.is_file(), f"no golden file {name}: run pytest --update-golden"
        assert data == path.read_bytes(), f"{name} differs from its golden file"

    return check


# -- the workbench ---------------------------------------------------------------------------

@pytest.fixture
def kb_path(tmp_path):
    """A small hand-written knowledge base (tests/web/kb.py) in a SQLite file."""
    from web.kb import build_kb

    return build_kb(tmp_path / "kb.sqlite")


@pytest.fixture
def client(kb_path):
    """A FastAPI TestClient on the workbench over `kb_path`."""
    from fastapi.testclient import TestClient

    from sourcebook.core import Sourcebook
    from sourcebook.web import create_app

    with Sourcebook(kb_path) as book, TestClient(create_app(book)) as test_client:
        yield test_client


@pytest.fixture
def book_factory(tmp_path):
    """Open more knowledge bases in temporary SQLite files (a second store for round trips)."""
    from sourcebook.core import Sourcebook

    opened = []

    def make():
        opened.append(Sourcebook(tmp_path / f"kb{len(opened) + 2}.sqlite"))
        return opened[-1]

    yield make
    for b in opened:
        b.close()
