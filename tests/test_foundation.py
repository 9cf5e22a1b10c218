"""The foundation end to end: migrations, loading the seeds, idempotence, the export contract."""
from __future__ import annotations

import io
import json

from sqlalchemy import create_engine, func, select, text

from loaders import migrate
from loaders.export import write_jsonl
from loaders.pipeline import load_paths
from models import Article, Entity, Event, Mention, Segment

from .conftest import SEEDS

FIVE = ["Vladimir Putin", "Kim Jong Un", "Sergey Lavrov", "Alexander Kozlov", "Choe Son Hui"]


def test_migrations_down_and_up(db_url):
    engine = create_engine(db_url)
    try:
        with engine.begin() as c:
            migrate.downgrade(c, "base")
            assert migrate.current(c) is None
            tables = c.execute(text("select count(*) from pg_tables where schemaname='public' and tablename='articles'"))
            assert tables.scalar() == 0
            migrate.upgrade(c)
            assert migrate.current(c) == migrate.head()
            assert c.execute(text("select count(*) from event_types")).scalar() == 7
    finally:
        engine.dispose()


def test_seeds_load_four_articles(seeded):
    assert seeded.execute(select(func.count()).select_from(Article)).scalar() == 4


def test_five_actors_have_mentions(seeded):
    rows = seeded.execute(
        select(Entity.name, func.count(Mention.id)).join(Mention, Mention.entity_id == Entity.id)
        .where(Entity.name.in_(FIVE)).group_by(Entity.name)).all()
    assert {name for name, n in rows if n > 0} == set(FIVE)


def test_second_load_adds_nothing(seeded, settings, extractor):
    before = {t: seeded.execute(select(func.count()).select_from(t)).scalar() for t in (Article, Segment, Mention, Event)}
    summary = load_paths(seeded, [SEEDS], settings, extractor=extractor)
    assert (summary.new, summary.skipped) == (0, 4)
    after = {t: seeded.execute(select(func.count()).select_from(t)).scalar() for t in (Article, Segment, Mention, Event)}
    assert after == before


def test_reextract_replaces_in_place(seeded, settings, extractor):
    events = seeded.execute(select(func.count()).select_from(Event)).scalar()
    summary = load_paths(seeded, [SEEDS], settings, extractor=extractor, reextract=True)
    assert (summary.new, summary.replaced) == (0, 4)
    assert seeded.execute(select(func.count()).select_from(Article)).scalar() == 4
    assert seeded.execute(select(func.count()).select_from(Event)).scalar() == events


def test_offsets_point_into_the_text(seeded):
    rows = seeded.execute(select(Mention.surface, Mention.start_char, Mention.end_char, Article.text)
                          .join(Article, Article.id == Mention.article_id)).all()
    assert rows
    for surface, s, e, body in rows:
        assert body[s:e] == surface


def test_export_follows_the_contract(seeded):
    buf = io.StringIO()
    assert write_jsonl(seeded, buf) == 4
    types = {"visit", "meeting", "agreement", "cooperation", "invitation", "accusation", "statement"}
    for line in buf.getvalue().splitlines():
        row = json.loads(line)
        assert set(row) >= {"file", "published", "entities", "events"}
        assert row["published"] is None or len(row["published"]) in (4, 7, 10)
        for ent in row["entities"]:
            assert ent["section"] in ("main", "related") and ent["mentions"] >= 1 and ent["name"]
        for ev in row["events"]:
            assert ev["type"] in types
            assert isinstance(ev["negated"], bool) and ev["section"] in ("main", "related")
            assert ev["participants"] and all(isinstance(p, str) for p in ev["participants"])
            for key in ("date_start", "date_end"):
                assert ev[key] is None or len(ev[key]) in (4, 7, 10)


def test_models_match_the_migrations(conn):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from models import Base

    diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_parallel_extraction_stores_the_same_rows(conn, settings, extractor, seeded):
    summary = load_paths(conn, [SEEDS], settings, extractor=extractor, workers=2)
    assert (summary.new, summary.failed) == (4, 0)
    counts = [c.execute(select(func.count()).select_from(t)).scalar() for c in (conn, seeded) for t in (Mention, Event)]
    assert counts[:2] == counts[2:]
