"""Engine and session factory from a `--db` value: a file path (SQLite) or a SQLAlchemy URL.

Opening a store runs the Alembic migrations up to head, so every database has the same schema
whichever version of Sourcebook made it.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from sourcebook.errors import StoreError


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL for a `--db` value: URLs pass through, anything else is a SQLite file."""
    db = str(db)
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_conn, _record):
    # the driver's own transaction handling commits before DDL, so a build killed while the
    # schema is created would leave half a schema; SQLAlchemy's BEGIN (below) makes DDL atomic
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")       # readers (the workbench) do not block a build
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("sourcebook.store") / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def open_engine(db: str | Path, migrate: bool = True) -> Engine:
    """Connect, and bring the schema to the newest migration."""
    url = database_url(db)
    try:
        if url.startswith("sqlite"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, future=True)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
        if migrate:
            with engine.begin() as conn:
                cfg = alembic_config(url)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
    except (SQLAlchemyError, OSError) as e:
        raise StoreError(f"cannot open the database {db}: {e}") from e
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False, future=True)
