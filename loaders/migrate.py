"""Schema upgrades through Alembic, from the CLI and the loader, against the same database.

The loader upgrades an older schema by itself before loading; a schema newer than the
migrations it ships means an older loader is pointed at a newer database, which it refuses.
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from .db import DatabaseError

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["configure_logger"] = False
    return cfg


def current(bind: Engine | Connection) -> str | None:
    if isinstance(bind, Connection):
        return MigrationContext.configure(bind).get_current_revision()
    with bind.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _run(bind: Engine | Connection, fn, *args) -> None:
    cfg = alembic_config()
    if isinstance(bind, Connection):
        cfg.attributes["connection"] = bind
        fn(cfg, *args)
        return
    with bind.begin() as conn:
        cfg.attributes["connection"] = conn
        fn(cfg, *args)


def upgrade(engine: Engine | Connection, revision: str = "head") -> None:
    _run(engine, command.upgrade, revision)


def downgrade(engine: Engine | Connection, revision: str = "base") -> None:
    _run(engine, command.downgrade, revision)


def ensure_schema(engine: Engine | Connection) -> str:
    """Upgrade to head when behind; refuse a schema this loader does not know."""
    rev = current(engine)
    script = ScriptDirectory.from_config(alembic_config())
    known = {s.revision for s in script.walk_revisions()}
    if rev is not None and rev not in known:
        raise DatabaseError(
            f"the database schema is at revision {rev}, newer than this loader knows ({script.get_current_head()}); "
            "upgrade the loader")
    if rev != script.get_current_head():
        upgrade(engine)
    return script.get_current_head()
