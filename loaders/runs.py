"""Load runs: a run's `load_runs` row and the lock that says its process is alive.

Adds liveness to `load_runs`. A run takes a session advisory lock keyed by its id, on the
connection that inserts its row and in the same transaction, and keeps that connection
until the run ends. PostgreSQL drops the lock when the connection goes, whatever killed the
process (kill -9, a lost machine), so a `running` row whose lock is free belongs to a dead
run: the next run marks it `interrupted`. A lock still held means a live run, on any host,
and its row is left alone. pid and host are recorded for the analyst, not for the check.
"""
from __future__ import annotations

import os
import socket
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, create_engine, insert, select, text, update
from sqlalchemy.pool import NullPool

from models import LoadRun

from . import EXTRACTOR_VERSION

RUN_LOCK = 0x6C6F6164  # first key of the per-run advisory locks (RUN_LOCK, run id)


@dataclass
class Run:
    """A started run and the connection holding its lock (closed with the run)."""

    id: int
    conn: Connection
    own_conn: bool

    def finish(self, status: str, counts: dict) -> None:
        with _tx(self.conn):
            self.conn.execute(update(LoadRun).where(LoadRun.id == self.id).values(
                status=status, counts=counts, finished_at=text("now()")))
            self.conn.execute(text("SELECT pg_advisory_unlock(:k, :id)"), {"k": RUN_LOCK, "id": self.id})
        if self.own_conn:
            self.conn.close()


def _tx(conn: Connection):
    """A transaction, or a savepoint in the caller's (tests); every statement here runs in one."""
    return conn.begin_nested() if conn.in_transaction() else conn.begin()


def start(bind: Engine | Connection, paths: list[str], backend: str) -> Run:
    """Insert the run's row and take its lock in one transaction, then mark dead runs interrupted.

    On an engine the lock lives on a connection of its own outside the pool, so that it goes
    away with the run even when an exception leaves the run unfinished.
    """
    own = isinstance(bind, Engine)
    conn = create_engine(bind.url, poolclass=NullPool).connect() if own else bind
    with _tx(conn):
        run_id = conn.execute(insert(LoadRun).values(
            paths=paths, backend=backend, extractor_version=EXTRACTOR_VERSION, pid=os.getpid(),
            host=socket.gethostname()).returning(LoadRun.id)).scalar_one()
        conn.execute(text("SELECT pg_advisory_lock(:k, :id)"), {"k": RUN_LOCK, "id": run_id})
    mark_interrupted(conn, run_id)
    return Run(run_id, conn, own)


def mark_interrupted(conn: Connection, own_id: int | None = None) -> list[int]:
    """Mark `running` rows whose lock is free (their process is gone) as interrupted."""
    marked = []
    with _tx(conn):
        running = conn.execute(select(LoadRun.id).where(LoadRun.status == "running", LoadRun.id != (own_id or -1))
                               .order_by(LoadRun.id)).scalars().all()
    for run_id in running:
        with _tx(conn):
            if not conn.execute(text("SELECT pg_try_advisory_lock(:k, :id)"), {"k": RUN_LOCK, "id": run_id}).scalar():
                continue  # alive: its loader still holds the lock
            done = conn.execute(update(LoadRun).where(LoadRun.id == run_id, LoadRun.status == "running")
                                .values(status="interrupted", finished_at=text("now()"))).rowcount
            conn.execute(text("SELECT pg_advisory_unlock(:k, :id)"), {"k": RUN_LOCK, "id": run_id})
        if done:
            marked.append(run_id)
    return marked
