"""The schema comes from Alembic migrations and matches the tables, on SQLite and PostgreSQL."""
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
