"""Reliability (issue 7): idempotence, concurrent loaders, kill -9, a database that is wrong or
goes away, SQL-looking text, masked passwords, migrations down and up on a loaded database.

In-process tests work in the rolled-back `conn`. Tests that run `loader` as separate
processes need committed data, so each gets its own scratch database on the test server
(`loader_reliab_<pid>_<n>`, dropped afterwards), reached through DATABASE_URL. Figures these
tests measure are printed (run with -s to see them) and quoted in docs/reliability.md.
"""
from __future__ import annotations

import hashlib
import itertools
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import create_engine, func, make_url, select, text

from loaders import EXTRACTOR_VERSION, migrate
from loaders.db import libpq_url
from loaders.pipeline import load_paths, transaction
from loaders.read import read_article
from loaders.store import store_article, sync_registry
from models import Article, Entity, EntityAlias, Event, LoadRun, Mention, Segment

from .articles_factory import make_article, write_articles
from .conftest import SEEDS

LOADER = Path(sys.executable).parent / "loader"
_names = itertools.count()


# ------------------------------------------------------------------------------------ helpers
@contextmanager
def scratch_database(server_url: str, migrated: bool = False) -> Iterator[str]:
    """A new, empty database that processes can commit into; dropped on exit."""
    name = f"loader_reliab_{os.getpid()}_{next(_names)}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    if migrated:
        eng = create_engine(url)
        migrate.upgrade(eng)
        eng.dispose()
    try:
        yield url
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def loader_env(url: str | None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "LOADER_"))}
    if url is not None:
        env["DATABASE_URL"] = libpq_url(url) if url.startswith("postgresql+") else url
    env.update(extra)
    return env


def run_loader(args: list[str], url: str | None, timeout: float = 180, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(LOADER), *args], env=loader_env(url, **extra), capture_output=True, text=True,
                          timeout=timeout)


def stderr_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.strip()]


def counts(conn) -> dict[str, int]:
    return {t.__tablename__: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (Article, Segment, Mention, Event, Entity, EntityAlias)}


def assert_no_partial_article(conn) -> None:
    """Every article has segments; nothing hangs off an article that is not there."""
    bare = conn.execute(text(
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM segments s WHERE s.article_id = a.id)"))
    assert bare.scalar_one() == 0, "an article without segments: a partial article was committed"
    for child in ("segments", "mentions", "events"):
        orphans = conn.execute(text(
            f"SELECT count(*) FROM {child} c WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)"))
        assert orphans.scalar_one() == 0, f"{child} without their article"


# ------------------------------------------------------------------------------- idempotence
def test_loading_the_same_folder_again_adds_nothing(conn, settings, extractor, tmp_path):
    write_articles(tmp_path, 5)
    first = load_paths(conn, [tmp_path], settings, extractor=extractor)
    assert (first.new, first.failed) == (5, 0), first.errors
    before = counts(conn)
    again = load_paths(conn, [tmp_path], settings, extractor=extractor)
    assert (again.new, again.skipped, again.replaced, again.failed) == (0, 5, 0, 0)
    assert counts(conn) == before


def test_a_changed_file_replaces_its_own_rows(conn, settings, extractor, tmp_path):
    paths = write_articles(tmp_path, 3)
    assert load_paths(conn, [tmp_path], settings, extractor=extractor).new == 3
    old_id, old_sha = conn.execute(select(Article.id, Article.content_sha256)
                                   .where(Article.source_path == str(paths[0]))).one()
    assert conn.execute(select(func.count()).select_from(Segment).where(Segment.article_id == old_id)).scalar() > 0
    paths[0].write_text(make_article(10_000), encoding="utf-8")

    summary = load_paths(conn, [tmp_path], settings, extractor=extractor)

    assert (summary.new, summary.skipped, summary.failed) == (1, 2, 0)
    rows = conn.execute(select(Article.id, Article.content_sha256).where(Article.source_path == str(paths[0]))).all()
    assert len(rows) == 1 and rows[0].content_sha256 != old_sha
    assert conn.execute(select(func.count()).select_from(Article).where(Article.content_sha256 == old_sha)).scalar() == 0
    for table in (Segment, Mention, Event):
        left = conn.execute(select(func.count()).select_from(table).where(table.article_id == old_id)).scalar()
        assert left == 0, f"{table.__tablename__} of the old version are still there"
    assert conn.execute(select(func.count()).select_from(Article)).scalar() == 3
    assert_no_partial_article(conn)


def test_the_replacement_is_one_transaction(conn, settings, extractor, tmp_path):
    """The old version disappears only together with the new one's arrival: a failure in between undoes both."""
    (path,) = write_articles(tmp_path, 1)
    load_paths(conn, [tmp_path], settings, extractor=extractor)
    old_sha = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_text(make_article(10_001), encoding="utf-8")
    new = extractor.extract(read_article(path, settings.max_file_bytes))
    cache = sync_registry(conn, extractor.registry)
    with pytest.raises(RuntimeError, match="crash"):
        with transaction(conn) as c:
            assert store_article(c, new, cache, None) is not None
            inside = c.execute(select(Article.content_sha256).where(Article.source_path == str(path))).scalars().all()
            assert inside == [new.article.sha256]  # the old version is already deleted
            raise RuntimeError("crash between the delete and the commit")
    kept = conn.execute(select(Article.content_sha256).where(Article.source_path == str(path))).scalars().all()
    assert kept == [old_sha]
    assert_no_partial_article(conn)


def test_reextract_runs_extraction_again_and_records_the_version(conn, settings, extractor, tmp_path):
    write_articles(tmp_path, 3)
    load_paths(conn, [tmp_path], settings, extractor=extractor)
    old_ids = set(conn.execute(select(Article.id)).scalars())
    conn.execute(text("UPDATE articles SET extractor_version = 'rules-0.0'"))
    conn.execute(text("UPDATE events SET extractor_version = 'rules-0.0'"))

    summary = load_paths(conn, [tmp_path], settings, extractor=extractor, reextract=True)

    assert (summary.new, summary.replaced, summary.failed) == (0, 3, 0)
    assert set(conn.execute(select(Article.id)).scalars()).isdisjoint(old_ids)
    assert set(conn.execute(select(Article.extractor_version)).scalars()) == {EXTRACTOR_VERSION}
    assert set(conn.execute(select(Event.extractor_version)).scalars()) == {EXTRACTOR_VERSION}
    run = conn.execute(select(LoadRun.extractor_version).where(LoadRun.id == summary.run_id)).scalar_one()
    assert run == EXTRACTOR_VERSION
    assert_no_partial_article(conn)


def test_registry_sync_writes_only_what_differs(conn, extractor):
    """The sync restores changed and missing rows, and leaves an unchanged registry alone."""
    cache = sync_registry(conn, extractor.registry)
    before = counts(conn)
    putin = cache.ids["Vladimir Putin"]
    conn.execute(text("UPDATE entities SET name_ar = 'x' WHERE id = :i"), {"i": putin})
    conn.execute(text("DELETE FROM entity_aliases WHERE entity_id = :i"), {"i": putin})
    conn.execute(text("DELETE FROM registry_syncs"))  # as if the registry had changed: compare row by row
    xmin = conn.execute(text("SELECT xmin::text FROM entities WHERE name = 'Russia'")).scalar()
    again = sync_registry(conn, extractor.registry)
    assert again.ids == cache.ids
    assert counts(conn) == before
    assert conn.execute(text("SELECT name_ar FROM entities WHERE id = :i"), {"i": putin}).scalar() != "x"
    assert conn.execute(text("SELECT xmin::text FROM entities WHERE name = 'Russia'")).scalar() == xmin


# -------------------------------------------------------------------------------- security
def test_sql_looking_text_is_stored_verbatim(conn, settings, extractor, tmp_path):
    body = make_article(7) + "وكتب أحد القراء: '); DROP TABLE articles; -- ثم أضاف \"; DELETE FROM events; --\n"
    path = tmp_path / "x'); DROP TABLE articles; --.txt"
    path.write_text(body, encoding="utf-8")
    summary = load_paths(conn, [tmp_path], settings, extractor=extractor)
    assert (summary.new, summary.failed) == (1, 0), summary.errors
    stored, source = conn.execute(select(Article.text, Article.source_path)).one()
    assert stored == body
    assert source == str(path)
    assert conn.execute(text("SELECT to_regclass('articles') IS NOT NULL")).scalar()


def test_db_url_masks_the_password_unless_asked():
    url = "postgresql://analyst:hunter2-secret@db.example.org:5432/news"
    masked = run_loader(["db", "url"], url, timeout=60)
    assert masked.returncode == 0, masked.stderr
    assert "hunter2-secret" not in masked.stdout + masked.stderr
    assert "analyst:***@db.example.org" in masked.stdout
    shown = run_loader(["db", "url", "--show-password"], url, timeout=60)
    assert "hunter2-secret" in shown.stdout


@pytest.mark.parametrize("url, problem", [
    ("postgresql://nobody:hunter2-secret@127.0.0.1:1/x", "cannot reach the database"),
    ("notaurl", "not a database URL"),
])
def test_a_wrong_database_url_is_one_clear_line(url, problem):
    proc = run_loader(["load", str(SEEDS)], url, timeout=60)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stdout + proc.stderr
    lines = stderr_lines(proc)
    assert len(lines) == 1 and lines[0].startswith("error:") and problem in lines[0], proc.stderr
    assert "hunter2-secret" not in proc.stdout + proc.stderr


# ---------------------------------------------------------------------------- processes
@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """300 distinct synthetic articles in four folders a–d (75 each)."""
    root = tmp_path_factory.mktemp("corpus")
    for i, sub in enumerate("abcd"):
        write_articles(root / sub, 75, start=i * 75)
    return root


def test_four_concurrent_loaders_store_each_article_once(server_url, tmp_path_factory):
    """Four `loader load` processes started together on a new database, over overlapping folders."""
    root = tmp_path_factory.mktemp("concurrent")
    for i, sub in enumerate("abcd"):
        write_articles(root / sub, 50, start=i * 50, seed=1)
    jobs = [[root], [root / "a", root / "b"], [root / "c", root / "b"], [root / "d", root / "c", root / "a"]]
    with scratch_database(server_url) as url:
        t0 = time.monotonic()
        procs = [subprocess.Popen([str(LOADER), "load", *map(str, paths)], env=loader_env(url),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for paths in jobs]
        outs = [p.communicate(timeout=300) for p in procs]
        seconds = time.monotonic() - t0
        for p, (out, err) in zip(procs, outs):
            assert p.returncode == 0, err
            assert "Traceback" not in err and "error" not in err.lower() and "failed:" not in err, err
        eng = create_engine(url)
        with eng.connect() as c:
            n, distinct = c.execute(text("SELECT count(*), count(DISTINCT content_sha256) FROM articles")).one()
            paths = c.execute(text("SELECT count(DISTINCT source_path) FROM articles")).scalar()
            errors = c.execute(text("SELECT count(*) FROM load_errors")).scalar()
            runs = dict(c.execute(text("SELECT status, count(*) FROM load_runs GROUP BY status")).all())
            per_run = c.execute(text("SELECT counts->>'new', counts->>'skipped' FROM load_runs ORDER BY id")).all()
            assert_no_partial_article(c)
            entities = c.execute(text("SELECT count(*), count(DISTINCT name) FROM entities")).one()
        eng.dispose()
    assert (n, distinct, paths) == (200, 200, 200)
    assert errors == 0
    assert runs == {"succeeded": 4}
    assert entities[0] == entities[1]
    assert sum(int(new) for new, _ in per_run) == 200  # each article stored by exactly one of them
    print(f"\nconcurrency: 4 processes, 200 files, {n} articles stored, {seconds:.0f} s; "
          f"(new, skipped) per process: {[(int(a), int(b)) for a, b in per_run]}")


def test_kill_9_leaves_no_partial_article_and_the_next_run_finishes(server_url, corpus, extractor):
    with scratch_database(server_url) as url:
        eng = create_engine(url)
        proc = subprocess.Popen([str(LOADER), "load", str(corpus)], env=loader_env(url),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 120
            stored = 0
            while stored < 20 and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.2)
                with eng.connect() as c:
                    if c.execute(text("SELECT to_regclass('articles') IS NOT NULL")).scalar():
                        stored = c.execute(text("SELECT count(*) FROM articles")).scalar()
            assert proc.poll() is None, "the loader finished before it could be killed"
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.kill()
            proc.wait(timeout=30)
        with eng.connect() as c:
            at_kill = c.execute(text("SELECT count(*) FROM articles")).scalar()
            assert 20 <= at_kill < 300
            assert_no_partial_article(c)
            # each article stored so far has exactly the rows its extraction gives: none half-written
            for path, n_seg, n_men, n_ev in c.execute(text(
                    "SELECT a.source_path, (SELECT count(*) FROM segments s WHERE s.article_id = a.id),"
                    " (SELECT count(*) FROM mentions m WHERE m.article_id = a.id),"
                    " (SELECT count(*) FROM events e WHERE e.article_id = a.id) FROM articles a")).all()[:10]:
                ex = extractor.extract(read_article(Path(path), 5 * 1024 * 1024))
                assert (n_seg, n_men) == (len(ex.segments), len(ex.mentions) + len(ex.named_states))
                assert n_ev <= len(ex.events)
            running = c.execute(text("SELECT count(*) FROM load_runs WHERE status = 'running'")).scalar()
        again = run_loader(["load", str(corpus)], url, timeout=300)
        assert again.returncode == 0, again.stderr
        with eng.connect() as c:
            final = c.execute(text("SELECT count(*), count(DISTINCT content_sha256) FROM articles")).one()
            assert_no_partial_article(c)
        eng.dispose()
    assert tuple(final) == (300, 300)
    assert running == 1  # the killed run's row stays 'running': nothing can mark it after kill -9
    print(f"\nkill -9: {at_kill} articles stored when killed, {final[0]} after the next run")


def test_a_database_that_goes_away_mid_run_is_one_clear_line(server_url, corpus):
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with scratch_database(server_url, migrated=True) as url:
        name = make_url(url).database
        eng = create_engine(url)
        proc = subprocess.Popen([str(LOADER), "load", str(corpus)], env=loader_env(url),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 120
        with eng.connect() as c:
            while proc.poll() is None and time.monotonic() < deadline:
                if c.execute(text("SELECT count(*) FROM articles")).scalar() >= 3:
                    break
                c.rollback()
                time.sleep(0.2)
        eng.dispose()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        out, err = proc.communicate(timeout=120)
    admin.dispose()
    assert proc.returncode not in (0, None)
    assert "Traceback" not in out + err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), err
    assert "database" in lines[0]
    print(f"\ndatabase gone mid-run: {lines[0]}")


# ---------------------------------------------------------------------------- migrations
def test_downgrade_and_upgrade_then_reload_restores_the_counts(server_url, settings, extractor, tmp_path):
    """Downgrading to base drops every table (the data is gone: documented); a reload brings it back."""
    write_articles(tmp_path / "gen", 6, seed=3)
    with scratch_database(server_url, migrated=True) as url:
        eng = create_engine(url)
        try:
            load_paths(eng, [SEEDS, tmp_path / "gen"], settings, extractor=extractor)
            with eng.connect() as c:
                before = counts(c)
            assert before["articles"] == 10
            migrate.downgrade(eng, "base")
            with eng.connect() as c:
                assert migrate.current(c) is None
                assert c.execute(text("SELECT to_regclass('articles')")).scalar() is None
            migrate.upgrade(eng)
            with eng.connect() as c:
                assert c.execute(text("SELECT count(*) FROM articles")).scalar() == 0
            summary = load_paths(eng, [SEEDS, tmp_path / "gen"], settings, extractor=extractor)
            assert (summary.new, summary.failed) == (10, 0)
            with eng.connect() as c:
                assert counts(c) == before
        finally:
            eng.dispose()


def test_unlisted_people_are_entities_of_their_article_only_once_committed(conn, settings, extractor, tmp_path):
    """A person the registry does not list gets an entity row with the article that names him, and
    loses it with that article's rollback; the export lists him among the article's entities."""
    from loaders.export import rows

    path = tmp_path / "unlisted.txt"
    path.write_text("Published 2023-11-15\n\nNew York Mayor Warren Castellane welcomed the delegation.\n"
                    "Chinese President Xi Jinping met US President Joe Biden in San Francisco.\n", encoding="utf-8")
    ex = extractor.extract(read_article(path, settings.max_file_bytes))
    cache = sync_registry(conn, extractor.registry)
    with pytest.raises(RuntimeError, match="crash"):
        with transaction(conn) as c:
            store_article(c, ex, cache, None)
            raise RuntimeError("crash before the commit")
    assert conn.execute(select(Entity.id).where(Entity.name == "Warren Castellane")).first() is None
    assert "Warren Castellane" not in cache.ids
    load_paths(conn, [path], settings, extractor=extractor)
    [line] = [r for r in rows(conn) if r["file"] == "unlisted.txt"]
    assert {"name": "Warren Castellane", "section": "main", "mentions": 1} in line["entities"]
    assert all("Warren Castellane" not in e["participants"] for e in line["events"])
