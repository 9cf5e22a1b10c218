"""Test fixtures: a real PostgreSQL (the embedded one), a fresh database per test session,
and a connection per test whose outer transaction is rolled back at teardown.

Code under test that opens its own transactions gets the test's connection and works in
savepoints (SQLAlchemy's "joining a Session into an external transaction" recipe).
"""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from loaders import db, migrate
from loaders.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TEST_DB = f"loader_test_{os.getpid()}"


@pytest.fixture(scope="session")
def settings(tmp_path_factory) -> Settings:
    """Settings for tests: DATABASE_URL if given (a throwaway server!), else an embedded server."""
    home = Path(os.environ.get("LOADER_TEST_HOME", f"/tmp/loader-test-{os.getuid()}"))
    base = Settings.from_env()
    return replace(base, home=home, database_url=os.environ.get("LOADER_TEST_DATABASE_URL") or None)


@pytest.fixture(scope="session")
def server_url(settings) -> str:
    return db.database_url(settings)


def _fresh_database(server_url: str, name: str) -> str:
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    engine = create_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    return url


def _drop_database(server_url: str, name: str) -> None:
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def db_url(server_url) -> str:
    """URL of a fresh database for this test session (its own name: sessions may run at once)."""
    yield _fresh_database(server_url, TEST_DB)
    _drop_database(server_url, TEST_DB)


@pytest.fixture(scope="session")
def engine(db_url):
    eng = create_engine(db_url)
    yield eng
    eng.dispose()


def rolled_back(engine):
    """A connection in a transaction that is rolled back when the test is done."""
    connection = engine.connect()
    outer = connection.begin()
    yield connection
    outer.rollback()
    connection.close()


@pytest.fixture()
def conn(engine):
    yield from rolled_back(engine)


@pytest.fixture(scope="session")
def extractor():
    from loaders.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seeded_engine(server_url, settings, extractor):
    """A database holding the four seed articles, loaded once per session and committed."""
    from loaders.pipeline import load_paths

    name = f"{TEST_DB}_seeded"
    eng = create_engine(_fresh_database(server_url, name))
    summary = load_paths(eng, [SEEDS], settings, extractor=extractor)
    assert summary.new == 4, summary.errors
    yield eng
    eng.dispose()
    _drop_database(server_url, name)


@pytest.fixture()
def seeded(seeded_engine):
    """A connection to the seeded database in a transaction rolled back after the test."""
    yield from rolled_back(seeded_engine)


def _build_tool():
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("build_tiny_stanza", ROOT / "tools" / "build_tiny_stanza.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_tiny_stanza", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def tiny_models() -> Path:
    """Tiny Arabic stanza models built by stanza's own trainers (cached in tests/.models)."""
    pytest.importorskip("stanza")
    return _build_tool().build(ROOT / "tests" / ".models" / "stanza")


@pytest.fixture(scope="session")
def backend(tiny_models):
    from loaders.extract.nlp.stanza_backend import StanzaBackend

    return StanzaBackend(tiny_models, langs=("ar",))
