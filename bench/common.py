"""What the benchmark's parts share: the server they create databases on, and a log line."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

from loaders import migrate
from loaders.db import libpq_url

ROOT = Path(__file__).resolve().parent
OUT = ROOT / "out"
PREFIX = "loader_bench_"


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------- databases
class Server:
    def __init__(self, url: str):
        self.url = url
        self.admin = create_engine(url, isolation_level="AUTOCOMMIT")

    def url_for(self, name: str) -> str:
        return make_url(self.url).set(database=name).render_as_string(hide_password=False)

    def fresh(self, name: str, template: str | None = None, migrated: bool = True) -> str:
        self.drop(name)
        with self.admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
        url = self.url_for(name)
        if migrated and not template:
            eng = create_engine(url)
            migrate.upgrade(eng)
            eng.dispose()
        return url

    def drop(self, name: str) -> None:
        with self.admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def drop_all(self) -> None:
        with self.admin.connect() as c:
            names = c.execute(text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": PREFIX + "%"}).scalars()
            for n in list(names):
                c.execute(text(f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)'))


def seed_entities(url: str, registry):
    """The registry's entities only (no aliases), by COPY: what the FKs of stored rows need, in
    a second instead of the half minute `sync_registry` takes; returns the store's EntityCache."""
    from loaders.store import EntityCache

    with pg(url) as c:
        with c.cursor() as cur, cur.copy("COPY entities (name, name_ar, kind, wikidata_qid) FROM STDIN") as cp:
            for e in registry.entities.values():
                cp.write_row((e.name, e.ar_name, e.kind, e.qid))
        ids = dict(c.execute("SELECT name, id FROM entities").fetchall())
        c.commit()
    return EntityCache(ids)


def pg(url: str):
    import psycopg

    return psycopg.connect(libpq_url(url))
