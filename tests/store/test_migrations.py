"""The schema comes from Alembic migrations and matches the tables, on SQLite and PostgreSQL."""
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from sourcebook.store.session import open_engine
from sourcebook.store.tables import Base


def test_migrations_upgrade_creates_every_table(db_url):
    engine = open_engine(db_url)
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables
    engine.dispose()


def test_migrations_match_the_tables(db_url):
    engine = open_engine(db_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_migrations_upgrade_twice_changes_nothing(db_url):
    open_engine(db_url).dispose()
    engine = open_engine(db_url)
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()


@pytest.mark.issue(2)
def test_migrations_schema_changes_are_atomic(db_url):
    """A build killed while the schema is created must not leave half of it: DDL rolls back."""
    from sqlalchemy import text

    engine = open_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE half_made (id INTEGER)"))
            raise RuntimeError("killed")
    except RuntimeError:
        pass
    assert "half_made" not in inspect(engine).get_table_names()
    engine.dispose()
