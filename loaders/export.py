"""Export: the database → one JSON object per article (the scorer's JSONL contract).

Adds the interchange format: canonical English names, dates cut to their precision, and
`section` telling the article proper from its "read also" blocks and page furniture;
`write_geojson` maps every event with a place (QGIS, kepler.gl, Metabase). Every
event carries `canonical_id`, the same for all tellings of one happening; `write_canonical`
writes one line per happening instead (GDELT-style counts of articles and outlets).
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Iterator, TextIO

from sqlalchemy import Connection, func, select, text

from models import Article, Entity, Event, EventParticipant, Mention, Segment

from .records import iso_cut

RELATED_KINDS = ("related", "boilerplate")


def _section(kind: str) -> str:
    return "related" if kind in RELATED_KINDS else "main"


def _cut(value, precision):
    return iso_cut(value, precision) if value is not None and precision else None


def rows(conn: Connection) -> Iterator[dict]:
    mention_counts: dict[int, list[dict]] = defaultdict(list)
    q = (select(Mention.article_id, Entity.name, Segment.kind, func.count())
         .join(Entity, Entity.id == Mention.entity_id).join(Segment, Segment.id == Mention.segment_id)
         .group_by(Mention.article_id, Entity.name, Segment.kind))
    per: dict[tuple[int, str, str], int] = defaultdict(int)
    for article_id, name, kind, n in conn.execute(q):
        per[(article_id, name, _section(kind))] += n
    for (article_id, name, section), n in sorted(per.items()):
        mention_counts[article_id].append({"name": name, "section": section, "mentions": n})
    names: dict[int, list[str]] = defaultdict(list)
    for event_id, name in conn.execute(
            select(EventParticipant.event_id, Entity.name).join(Entity, Entity.id == EventParticipant.entity_id)
            .order_by(EventParticipant.event_id, EventParticipant.id)):
        names[event_id].append(name)
    events: dict[int, list[dict]] = defaultdict(list)
    cols = (Event.id, Event.article_id, Event.type, Event.date_start, Event.date_end, Event.date_precision,
            Event.negated, Event.modality, Event.evidence, Segment.kind, Event.canonical_id, Event.dated_by_article,
            Article.published_on)
    for ev in conn.execute(select(*cols).join(Segment, Segment.id == Event.segment_id)
                           .join(Article, Article.id == Event.article_id).order_by(Event.article_id, Event.id)):
        kind = ev.kind
        start, precision = (ev.published_on, "day") if ev.dated_by_article else (ev.date_start, ev.date_precision)
        events[ev.article_id].append({
            "type": ev.type, "participants": names[ev.id],
            "date_start": _cut(start, precision), "date_end": _cut(ev.date_end, ev.date_precision),
            "negated": ev.negated, "modality": ev.modality, "section": _section(kind), "evidence": ev.evidence,
            "canonical_id": ev.canonical_id,
        })
    cols = (Article.id, Article.file_name, Article.published_on, Article.published_precision,
            Article.published_origin, Article.title)
    for a in conn.execute(select(*cols).order_by(Article.file_name, Article.id)):
        yield {
            "file": a.file_name,
            "published": _cut(a.published_on, a.published_precision),
            "published_origin": a.published_origin,
            "title": a.title,
            "entities": mention_counts[a.id],
            "events": events[a.id],
        }


def write_jsonl(conn: Connection, out: TextIO) -> int:
    n = 0
    for row in rows(conn):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def canonical_rows(conn: Connection) -> Iterator[dict]:
    """One dict per canonical event: date as its tellings agree, participants, counts, every telling."""
    reports: dict[int, list[dict]] = defaultdict(list)
    for r in conn.execute(text(
            "SELECT e.canonical_id, a.file_name, e.id, e.date_start, e.date_precision, e.evidence FROM events e "
            "JOIN articles a ON a.id = e.article_id WHERE e.canonical_id IS NOT NULL ORDER BY a.file_name, e.id")):
        reports[r.canonical_id].append({"file": r.file_name, "date": _cut(r.date_start, r.date_precision),
                                        "evidence": r.evidence})
    parts: dict[int, list[dict]] = defaultdict(list)
    for r in conn.execute(text(
            "SELECT p.canonical_id, n.name, p.role, p.tellings FROM canonical_event_participants p "
            "JOIN entities n ON n.id = p.entity_id ORDER BY p.canonical_id, n.name")):
        parts[r.canonical_id].append({"name": r.name, "role": r.role, "tellings": r.tellings})
    for c in conn.execute(text("SELECT * FROM v_canonical_events ORDER BY date_start NULLS LAST, canonical_id")):
        yield {
            "canonical_id": c.canonical_id, "type": c.type, "modality": c.modality,
            "date_start": _cut(c.date_start, c.date_precision), "date_end": _cut(c.date_end, c.date_precision),
            "date_precision": c.date_precision, "date_origin": c.date_origin, "date_conflict": c.date_conflict,
            "dates_reported": c.dates_reported, "participants": parts[c.canonical_id],
            "tellings": c.tellings, "articles": c.articles, "outlets": c.outlets,
            "first_reported": c.first_reported.isoformat() if c.first_reported else None,
            "last_reported": c.last_reported.isoformat() if c.last_reported else None,
            "denies": c.denies_id, "happened": c.happened_id, "reports": reports[c.canonical_id],
        }


def write_canonical(conn: Connection, out: TextIO) -> int:
    n = 0
    for row in canonical_rows(conn):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


GEOJSON_EVENTS = text("""
SELECT event_id, type, date_label, date_start, date_end, date_precision, modality, participant_names,
       source_names, target_names, place_name, place_country, place_precision, place_geonames_id,
       place_latitude, place_longitude, evidence, file_name, article_title, outlet, url
FROM v_events WHERE place_latitude IS NOT NULL ORDER BY date_start NULLS LAST, event_id
""")


def geojson(conn: Connection) -> dict:
    """A GeoJSON FeatureCollection (RFC 7946): one Point feature per event with a place, [lon, lat]."""
    features = []
    for r in conn.execute(GEOJSON_EVENTS):
        props = {k: v for k, v in r._mapping.items() if k not in ("place_latitude", "place_longitude")}
        for k in ("date_start", "date_end"):
            props[k] = _cut(props[k], r.date_precision)
        features.append({"type": "Feature", "id": r.event_id,
                         "geometry": {"type": "Point", "coordinates": [r.place_longitude, r.place_latitude]},
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}


def write_geojson(conn: Connection, out: TextIO) -> int:
    collection = geojson(conn)
    json.dump(collection, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(collection["features"])
