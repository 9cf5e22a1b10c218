"""A run left `running` by a dead process is marked `interrupted` by the next run; a live one is not.

In process: rows whose advisory lock is free or held by another connection. As processes:
a `loader load` killed with SIGKILL while another one is still loading.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import time

import pytest
from sqlalchemy import create_engine, text

from loaders import runs
from loaders.pipeline import load_paths

from .articles_factory import write_articles
from .conftest import SEEDS
from .test_reliability import LOADER, loader_env, run_loader, scratch_database


def _run_row(conn, status: str = "running") -> int:
    return conn.execute(text("INSERT INTO load_runs (status, extractor_version, pid, host) "
                             "VALUES (:s, 'test', 1, 'elsewhere') RETURNING id"), {"s": status}).scalar_one()


def _status(conn, run_id: int) -> str:
    return conn.execute(text("SELECT status FROM load_runs WHERE id = :id"), {"id": run_id}).scalar_one()


@pytest.mark.parametrize("status", ["running", "succeeded", "failed", "partial"])
def test_only_a_dead_running_row_is_marked(conn, status):
    run_id = _run_row(conn, status)
    marked = runs.mark_interrupted(conn)
    assert (run_id in marked) == (status == "running")
    assert _status(conn, run_id) == ("interrupted" if status == "running" else status)


def test_a_load_marks_a_dead_run_and_records_its_own_process(conn, settings, extractor):
    dead = _run_row(conn)
    summary = load_paths(conn, [SEEDS], settings, extractor=extractor)
    assert _status(conn, dead) == "interrupted"
    row = conn.execute(text("SELECT status, pid, host, finished_at IS NOT NULL FROM load_runs WHERE id = :id"),
                       {"id": summary.run_id}).one()
    assert tuple(row) == ("succeeded", os.getpid(), socket.gethostname(), True)


def test_a_run_whose_lock_is_held_is_left_alone(engine, settings, extractor):
    """A live run elsewhere holds its lock on its own connection: the next run must not touch it."""
    with engine.connect() as live:
        run = runs.start(live, ["elsewhere"], "rules")
        live.commit()
        try:
            with engine.connect() as other:
                assert run.id not in runs.mark_interrupted(other)
                other.commit()
                assert _status(other, run.id) == "running"
            run.finish("succeeded", {})
            live.commit()
            with engine.connect() as other:
                assert _status(other, run.id) == "succeeded"
        finally:
            live.execute(text("DELETE FROM load_runs WHERE id = :id"), {"id": run.id})
            live.commit()


def test_killed_loader_is_interrupted_and_a_live_one_is_not(server_url, tmp_path):
    corpus = tmp_path / "corpus"
    write_articles(corpus, 400, seed=5)
    with scratch_database(server_url) as url:
        eng = create_engine(url)
        slow = subprocess.Popen([str(LOADER), "load", str(corpus)], env=loader_env(url),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline, first = time.monotonic() + 120, None
            while first is None and time.monotonic() < deadline and slow.poll() is None:
                time.sleep(0.2)
                with eng.connect() as c:
                    if c.execute(text("SELECT to_regclass('articles') IS NOT NULL")).scalar() and \
                            c.execute(text("SELECT count(*) FROM articles")).scalar() >= 5:
                        first = c.execute(text("SELECT min(id) FROM load_runs")).scalar()
            assert first is not None and slow.poll() is None, "the loader finished before the check"
            beside = run_loader(["load", str(SEEDS)], url)  # a second run while the first is alive
            assert beside.returncode == 0, beside.stderr
            with eng.connect() as c:
                assert _status(c, first) == "running"
                pid, host = c.execute(text("SELECT pid, host FROM load_runs WHERE id = :id"), {"id": first}).one()
            assert (pid, host) == (slow.pid, socket.gethostname())
            os.kill(slow.pid, signal.SIGKILL)
        finally:
            slow.kill()
            slow.wait(timeout=30)
        time.sleep(0.5)  # the server notices the closed connection and drops its lock
        after = run_loader(["load", str(SEEDS)], url)
        assert after.returncode == 0, after.stderr
        with eng.connect() as c:
            statuses = dict(c.execute(text("SELECT id, status FROM load_runs")).all())
        eng.dispose()
    assert statuses[first] == "interrupted"
    assert sorted(statuses.values()) == ["interrupted", "succeeded", "succeeded"]
