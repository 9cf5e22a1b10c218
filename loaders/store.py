"""Store: one article's extraction → PostgreSQL rows, all or nothing, in one transaction.

Adds durability and identity. An article is identified by its content hash: the unique
constraint plus `ON CONFLICT DO NOTHING` make a second copy (from a reload or a concurrent
loader) a no-op rather than an error. A changed file replaces the rows of the older version
loaded from the same path in the same transaction. Rows are written in multi-row inserts
with RETURNING, so an article costs a handful of round trips, not one per row.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy import Connection, delete, insert, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert

from models import (
    Article, Entity, EntityAlias, LoadError, LoadRun, RegistrySync,
)

from . import EXTRACTOR_VERSION
from .records import Extraction
from .registry import Registry
from .store_places import store_places


@dataclass
class EntityCache:
    """Entity ids by canonical name, filled once per run from the registry sync."""

    ids: dict[str, int] = field(default_factory=dict)
    located: dict[str, int] = field(default_factory=dict)  # places whose point this run has written


def registry_fingerprint(registry: Registry) -> str:
    """A digest of the registry: equal digests mean nothing to write."""
    h = hashlib.sha256()
    for e in sorted(registry.entities.values(), key=lambda e: e.name):
        h.update(repr((e.name, e.kind, e.country, e.qid, e.ar_name)).encode())
    for a in registry.aliases:
        h.update(repr((a.text, a.lang, a.kind, a.entity, a.holders)).encode())
    return h.hexdigest()


REGISTRY_LOCK = 0x6C6F616465725F72  # pg_advisory_xact_lock key: one registry sync at a time per database
ENTITY_ROWS = "unnest(CAST(:names AS text[]), CAST(:ar AS text[]), CAST(:kinds AS text[]), CAST(:qids AS text[]))"


def sync_registry(conn: Connection, registry: Registry) -> EntityCache:
    """Bring entities and aliases up to the registry, writing only what differs.

    Loaders started together take turns on a transaction-level advisory lock: concurrent
    upserts of the same rows in different orders can deadlock, and after the first loader's
    sync the others find nothing to write. Writing only the differences (compared in Python)
    keeps a sync of an unchanged registry to two reads, and takes no row locks that would make
    concurrent loaders wait for each other. The differences go in as one statement per table
    over arrays (unnest), not a statement per row: a new database's ~70,000 aliases take a
    fraction of a second instead of seconds.
    """
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": REGISTRY_LOCK})
    fingerprint = registry_fingerprint(registry)
    if conn.execute(select(RegistrySync.fingerprint).where(RegistrySync.fingerprint == fingerprint)).first():
        return EntityCache(dict(conn.execute(select(Entity.name, Entity.id)).all()))
    have = {name: (name_ar, kind, qid, country) for name, name_ar, kind, qid, country in conn.execute(
        select(Entity.name, Entity.name_ar, Entity.kind, Entity.wikidata_qid, Entity.country_id))}
    fresh, changed = [], []
    for e in registry.entities.values():
        row = (e.name, e.ar_name, e.kind, e.qid)
        if e.name not in have:
            fresh.append(row)
        elif have[e.name][:3] != row[1:]:
            changed.append(row)
    if fresh:
        conn.execute(text("INSERT INTO entities (name, name_ar, kind, wikidata_qid) SELECT * FROM " + ENTITY_ROWS
                          + " ON CONFLICT (name) DO NOTHING"), as_arrays(fresh, "names", "ar", "kinds", "qids"))
    if changed:
        conn.execute(text("UPDATE entities e SET name_ar = r.ar, kind = r.kind, wikidata_qid = r.qid FROM "
                          + ENTITY_ROWS + " AS r (name, ar, kind, qid) WHERE e.name = r.name"),
                     as_arrays(changed, "names", "ar", "kinds", "qids"))
    ids = dict(conn.execute(select(Entity.name, Entity.id)).all())
    moved = [(ids[e.name], ids[e.country]) for e in registry.entities.values()
             if e.country and e.country in ids and (have.get(e.name) or (None,) * 4)[3] != ids[e.country]]
    if moved:
        conn.execute(text("UPDATE entities e SET country_id = r.country FROM unnest(CAST(:ids AS bigint[]), "
                          "CAST(:countries AS bigint[])) AS r (id, country) WHERE e.id = r.id"),
                     as_arrays(moved, "ids", "countries"))
    rows = []  # (entity_id, alias, normalised, language, kind, valid_from, valid_to)
    for a in registry.aliases:
        if a.kind == "role":
            rows += [(ids[h.entity], a.text, a.norm, a.lang, "role", h.start, h.end) for h in a.holders]
        elif a.entity:
            rows.append((ids[a.entity], a.text, a.norm, a.lang, a.kind, None, None))
    seen: set[tuple] = set(conn.execute(select(
        EntityAlias.entity_id, EntityAlias.normalised, EntityAlias.language, EntityAlias.kind, EntityAlias.valid_from,
    )).all())
    missing = []
    for r in rows:
        key = (r[0], *r[2:6])
        if key not in seen:
            seen.add(key)
            missing.append(r)
    if missing:
        conn.execute(text(
            "INSERT INTO entity_aliases (entity_id, alias, normalised, language, kind, valid_from, valid_to) "
            "SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:aliases AS text[]), CAST(:folded AS text[]), "
            "CAST(:langs AS text[]), CAST(:kinds AS text[]), CAST(:starts AS date[]), CAST(:ends AS date[])) "
            "ON CONFLICT DO NOTHING"),
            as_arrays(missing, "ids", "aliases", "folded", "langs", "kinds", "starts", "ends"))
    conn.execute(pg_insert(RegistrySync).values(fingerprint=fingerprint, entities=len(ids), aliases=len(seen))
                 .on_conflict_do_nothing())
    return EntityCache(ids)


def as_arrays(rows: list[tuple], *names: str) -> dict[str, list]:
    """The rows as one array parameter per column, for unnest: a statement for all rows, not one per row."""
    return dict(zip(names, map(list, zip(*rows))))


def start_run(conn: Connection, paths: list[str], backend: str) -> int:
    return conn.execute(insert(LoadRun).values(paths=paths, backend=backend, extractor_version=EXTRACTOR_VERSION)
                        .returning(LoadRun.id)).scalar_one()


def record_error(conn: Connection, run_id: int | None, path: str, reason: str) -> None:
    if run_id is not None:
        conn.execute(insert(LoadError).values(run_id=run_id, path=path, reason=reason))


def known_hashes(conn: Connection, hashes: list[str]) -> set[str]:
    if not hashes:
        return set()
    return set(conn.execute(select(Article.content_sha256).where(Article.content_sha256.in_(hashes))).scalars())


def store_article(conn: Connection, ex: Extraction, cache: EntityCache, run_id: int | None,
                  replace: bool = False, fuse: Callable[..., tuple[tuple[str, ...], list[tuple]]] | None = None,
                  ) -> dict[str, int] | None:
    """Write one article's rows; None when the same content is already stored (and not replaced).

    The article row goes in with ON CONFLICT (its identity); its segments, mentions, events,
    participants and evidence go in with COPY, their ids drawn from the sequences first so
    that the rows can point at each other without a round trip per row. `fuse`, given the
    events and their ids just before they are copied, gives extra columns for them (their
    canonical event: `loaders.fuse.Prepared.columns`), so no row is written twice. The commit is
    asynchronous (`synchronous_commit = off`): a crash can lose the last few articles'
    commits, never half an article, and the next run loads them again.
    """
    a = ex.article
    conn.execute(text("SET LOCAL synchronous_commit = off"))
    if replace:
        conn.execute(delete(Article).where(Article.content_sha256 == a.sha256))
    article_id = conn.execute(pg_insert(Article).values(
        source_path=a.path, file_name=a.file_name, content_sha256=a.sha256, title=a.title, text=a.text,
        language=a.language, encoding=a.encoding, published_on=a.published_on,
        published_precision=a.published_precision, published_origin=a.published_origin,
        published_text=a.published_text, outlet=a.outlet, url=a.url, extractor_version=EXTRACTOR_VERSION,
        load_run_id=run_id,
    ).on_conflict_do_nothing(index_elements=[Article.content_sha256]).returning(Article.id)).scalar()
    if article_id is None:
        return None
    conn.execute(delete(Article).where(Article.source_path == a.path, Article.id != article_id))
    events = [e for e in ex.events if all(p.entity in cache.ids for p in e.participants)]
    mentions = ex.mentions + ex.named_states
    unlisted = _unlisted(conn, {m.entity for m in mentions if m.alias_kind == "title" and m.entity
                                and m.entity not in cache.ids})
    seg_ids, mention_ids, event_ids = _reserve_ids(conn, len(ex.segments), len(mentions), len(events))
    seg_by_order = {s.order: i for s, i in zip(ex.segments, seg_ids)}
    mention_id = {id(m): i for m, i in zip(mentions, mention_ids)}
    _copy(conn, "segments", ("id", "article_id", "ord", "kind", "language", "start_char", "end_char", "text"),
          [(i, article_id, s.order, s.kind, s.language, s.start, s.end, s.text) for s, i in zip(ex.segments, seg_ids)])
    _copy(conn, "mentions", ("id", "article_id", "segment_id", "entity_id", "surface", "start_char", "end_char",
                             "kind", "alias_kind", "method", "confidence"),
          [(i, article_id, seg_by_order[m.segment_order], cache.ids.get(m.entity or "") or unlisted.get(m.entity or ""),
            m.surface, m.start, m.end,
            m.kind, m.alias_kind, m.method, m.confidence) for m, i in zip(mentions, mention_ids)])
    extra_columns, extra = fuse(conn, events, event_ids) if fuse else ((), [()] * len(events))
    _copy(conn, "events", ("id", *EVENT_COLUMNS, *extra_columns),
          [(i, *_event_row(e, article_id, seg_by_order[e.segment_order]), *x)
           for e, i, x in zip(events, event_ids, extra)])
    store_places(conn, events, event_ids, cache)
    parts, dyads, evidence = [], [], []
    for e, eid in zip(events, event_ids):
        day = e.date.value if e.date else None
        who = [cache.ids[p.entity] for p in e.participants]
        for p, ent in zip(e.participants, who):
            parts.append((eid, ent, p.role, mention_id.get(id(p.mention)) if p.mention else None, day))
        dyads += [(x, y, eid, day) for x in who for y in who if x != y]
        for s, t in e.evidence_spans:
            evidence.append((eid, s, t, a.text[s:t]))
    _copy(conn, "event_participants", ("event_id", "entity_id", "role", "mention_id", "date_start"), parts)
    _copy(conn, "event_dyads", ("entity_a", "entity_b", "event_id", "date_start"), dyads)
    _copy(conn, "event_evidence", ("event_id", "start_char", "end_char", "text"), evidence)
    return {"segments": len(seg_ids), "mentions": len(mention_ids), "events": len(event_ids)}


def _unlisted(conn: Connection, names: set[str]) -> dict[str, int]:
    """Ids of people the registry does not list (`extract.unlisted`), their rows added where missing.
    Kept to this article's transaction, not the run's cache: a rolled-back article leaves none behind."""
    if not names:
        return {}
    params = {"names": sorted(names)}
    conn.execute(text("INSERT INTO entities (name, kind) SELECT unnest(CAST(:names AS text[])), 'person' "
                      "ON CONFLICT (name) DO NOTHING"), params)
    return dict(conn.execute(text("SELECT name, id FROM entities WHERE name = ANY(CAST(:names AS text[]))"), params).all())


def _reserve_ids(conn: Connection, *counts: int) -> list[list[int]]:
    """Ids for the segments, mentions and events to write, from their sequences, in one query."""
    row = conn.execute(text(
        "SELECT (SELECT coalesce(array_agg(nextval('segments_id_seq')), '{}') FROM generate_series(1, :s)),"
        " (SELECT coalesce(array_agg(nextval('mentions_id_seq')), '{}') FROM generate_series(1, :m)),"
        " (SELECT coalesce(array_agg(nextval('events_id_seq')), '{}') FROM generate_series(1, :e))"
    ), {"s": counts[0], "m": counts[1], "e": counts[2]}).one()
    return [list(ids) for ids in row]


def _copy(conn: Connection, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """COPY rows into a table on the connection's own transaction (names are ours, never input)."""
    if not rows:
        return
    cursor = conn.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


EVENT_COLUMNS = ("article_id", "segment_id", "type", "date_start", "date_end", "date_precision", "date_text",
                 "modality", "negated", "trigger", "confidence", "evidence", "evidence_start", "evidence_end",
                 "method", "extractor_version", "dated_by_article")


def _event_row(e, article_id: int, segment_id: int) -> tuple:
    d = e.date
    return (article_id, segment_id, e.type, d.value if d else None, d.value_end if d else None,
            d.precision if d else None, d.text if d else None, e.modality, e.negated, e.trigger,
            round(min(e.confidence, 1.0), 3), e.evidence, e.sentence_start, e.sentence_end, e.method,
            EXTRACTOR_VERSION, e.dated_by_article)
