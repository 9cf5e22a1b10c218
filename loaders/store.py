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

from sqlalchemy import Connection, bindparam, delete, func, insert, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from models import (
    Article, Entity, EntityAlias, Event, EventEvidence, EventParticipant, LoadError, LoadRun, Mention,
    RegistrySync, Segment,
)

from . import EXTRACTOR_VERSION
from .records import Extraction
from .registry import Registry


@dataclass
class EntityCache:
    """Entity ids by canonical name, filled once per run from the registry sync."""

    ids: dict[str, int] = field(default_factory=dict)


def registry_fingerprint(registry: Registry) -> str:
    """A digest of the registry: equal digests mean nothing to write."""
    h = hashlib.sha256()
    for e in sorted(registry.entities.values(), key=lambda e: e.name):
        h.update(repr((e.name, e.kind, e.country, e.qid, e.ar_name)).encode())
    for a in registry.aliases:
        h.update(repr((a.text, a.lang, a.kind, a.entity, a.holders)).encode())
    return h.hexdigest()


REGISTRY_LOCK = 0x6C6F616465725F72  # pg_advisory_xact_lock key: one registry sync at a time per database


def sync_registry(conn: Connection, registry: Registry) -> EntityCache:
    """Bring entities and aliases up to the registry, writing only what differs.

    Loaders started together take turns on a transaction-level advisory lock: concurrent
    upserts of the same rows in different orders can deadlock, and after the first loader's
    sync the others find nothing to write. Writing only the differences (compared in Python,
    written with executemany) keeps a sync of an unchanged registry to two reads, and takes no
    row locks that would make concurrent loaders wait for each other.
    """
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": REGISTRY_LOCK})
    fingerprint = registry_fingerprint(registry)
    if conn.execute(select(RegistrySync.fingerprint).where(RegistrySync.fingerprint == fingerprint)).first():
        return EntityCache(dict(conn.execute(select(Entity.name, Entity.id)).all()))
    have = {name: (name_ar, kind, qid, country) for name, name_ar, kind, qid, country in conn.execute(
        select(Entity.name, Entity.name_ar, Entity.kind, Entity.wikidata_qid, Entity.country_id))}
    fresh, changed = [], []
    for e in registry.entities.values():
        row = {"name": e.name, "name_ar": e.ar_name, "kind": e.kind, "wikidata_qid": e.qid}
        if e.name not in have:
            fresh.append(row)
        elif have[e.name][:3] != (e.ar_name, e.kind, e.qid):
            changed.append({"b_name": e.name, "b_ar": e.ar_name, "b_kind": e.kind, "b_qid": e.qid})
    if fresh:
        conn.execute(pg_insert(Entity).on_conflict_do_nothing(index_elements=[Entity.name]), fresh)
    if changed:
        conn.execute(update(Entity).where(Entity.name == bindparam("b_name")).values(
            name_ar=bindparam("b_ar"), kind=bindparam("b_kind"), wikidata_qid=bindparam("b_qid")), changed)
    ids = dict(conn.execute(select(Entity.name, Entity.id)).all())
    country_rows = [{"b_id": ids[e.name], "b_country": ids[e.country]} for e in registry.entities.values()
                    if e.country and e.country in ids and (have.get(e.name) or (None,) * 4)[3] != ids[e.country]]
    if country_rows:
        conn.execute(update(Entity).where(Entity.id == bindparam("b_id")).values(country_id=bindparam("b_country")),
                     country_rows)
    alias_rows = []
    for a in registry.aliases:
        if a.kind == "role":
            alias_rows += [{"entity_id": ids[h.entity], "alias": a.text, "normalised": a.norm, "language": a.lang,
                            "kind": "role", "valid_from": h.start, "valid_to": h.end} for h in a.holders]
        elif a.entity:
            alias_rows.append({"entity_id": ids[a.entity], "alias": a.text, "normalised": a.norm,
                               "language": a.lang, "kind": a.kind, "valid_from": None, "valid_to": None})
    seen: set[tuple] = set(conn.execute(select(
        EntityAlias.entity_id, EntityAlias.normalised, EntityAlias.language, EntityAlias.kind, EntityAlias.valid_from,
    )).all())
    missing = []
    for r in alias_rows:
        key = (r["entity_id"], r["normalised"], r["language"], r["kind"], r["valid_from"])
        if key not in seen:
            seen.add(key)
            missing.append(r)
    if missing:
        conn.execute(pg_insert(EntityAlias).on_conflict_do_nothing(), missing)
    conn.execute(pg_insert(RegistrySync).values(fingerprint=fingerprint, entities=len(ids), aliases=len(seen))
                 .on_conflict_do_nothing())
    return EntityCache(ids)


def start_run(conn: Connection, paths: list[str], backend: str) -> int:
    return conn.execute(insert(LoadRun).values(paths=paths, backend=backend, extractor_version=EXTRACTOR_VERSION)
                        .returning(LoadRun.id)).scalar_one()


def finish_run(conn: Connection, run_id: int, status: str, counts: dict) -> None:
    conn.execute(update(LoadRun).where(LoadRun.id == run_id)
                 .values(status=status, counts=counts, finished_at=func.now()))


def record_error(conn: Connection, run_id: int | None, path: str, reason: str) -> None:
    if run_id is not None:
        conn.execute(insert(LoadError).values(run_id=run_id, path=path, reason=reason))


def known_hashes(conn: Connection, hashes: list[str]) -> set[str]:
    if not hashes:
        return set()
    return set(conn.execute(select(Article.content_sha256).where(Article.content_sha256.in_(hashes))).scalars())


def store_article(conn: Connection, ex: Extraction, cache: EntityCache, run_id: int | None,
                  replace: bool = False) -> dict[str, int] | None:
    """Write one article's rows; None when the same content is already stored (and not replaced)."""
    a = ex.article
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
    seg_ids = _insert_many(conn, Segment, [
        {"article_id": article_id, "ord": s.order, "kind": s.kind, "language": s.language,
         "start_char": s.start, "end_char": s.end, "text": s.text} for s in ex.segments])
    seg_by_order = {s.order: i for s, i in zip(ex.segments, seg_ids)}
    mention_ids = _insert_many(conn, Mention, [
        {"article_id": article_id, "segment_id": seg_by_order[m.segment_order], "entity_id": cache.ids.get(m.entity or ""),
         "surface": m.surface, "start_char": m.start, "end_char": m.end, "kind": m.kind,
         "alias_kind": m.alias_kind, "method": m.method, "confidence": m.confidence} for m in ex.mentions])
    mention_id = {id(m): i for m, i in zip(ex.mentions, mention_ids)}
    events = [e for e in ex.events if all(p.entity in cache.ids for p in e.participants)]
    event_ids = _insert_many(conn, Event, [_event_row(e, article_id, seg_by_order[e.segment_order]) for e in events])
    parts, evidence = [], []
    for e, eid in zip(events, event_ids):
        for p in e.participants:
            parts.append({"event_id": eid, "entity_id": cache.ids[p.entity], "role": p.role,
                          "mention_id": mention_id.get(id(p.mention)) if p.mention else None})
        for s, t in e.evidence_spans:
            evidence.append({"event_id": eid, "start_char": s, "end_char": t, "text": a.text[s:t]})
    if parts:
        conn.execute(insert(EventParticipant), parts)
    if evidence:
        conn.execute(insert(EventEvidence), evidence)
    return {"segments": len(seg_ids), "mentions": len(mention_ids), "events": len(event_ids)}


def _event_row(e, article_id: int, segment_id: int) -> dict:
    d = e.date
    return {
        "article_id": article_id, "segment_id": segment_id, "type": e.type,
        "date_start": d.value if d else None, "date_end": d.value_end if d else None,
        "date_precision": d.precision if d else None, "date_text": d.text if d else None,
        "modality": e.modality, "negated": e.negated, "trigger": e.trigger, "confidence": round(min(e.confidence, 1.0), 3),
        "evidence": e.evidence, "evidence_start": e.sentence_start, "evidence_end": e.sentence_end,
        "method": e.method, "extractor_version": EXTRACTOR_VERSION,
    }


def _insert_many(conn: Connection, table, rows: list[dict]) -> list[int]:
    if not rows:
        return []
    stmt = insert(table).returning(table.id, sort_by_parameter_order=True)
    return list(conn.execute(stmt, rows).scalars())

