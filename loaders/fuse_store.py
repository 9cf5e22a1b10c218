"""Fuse, the write: re-clustered happenings → `canonical_events`, their participants, their tellings' links.

Adds to `fuse` the one statement an article's fusion writes with: each happening keeps the id most
of its tellings had (a new one draws the sequence's next value), and only the happenings whose
tellings changed are written, with their participants and the links of the tellings that moved.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict

from sqlalchemy import Connection

from .fuse_read import fetch
from .fuse_rules import Cluster, Telling, summary

_CANONICAL_COLUMNS = (
    "id bigint, type text, modality text, fusion_block text, date_start date, date_end date, date_last date, "
    "date_precision text, date_origin text, date_conflict boolean, dates_reported jsonb, tellings int, articles int, "
    "outlets int, dated_articles int, first_reported date, last_reported date, fusion_key text, evidence text")
_PARTICIPANT_COLUMNS = "canonical_id bigint, entity_id bigint, role text, tellings int, dated_tellings int, date_start date"


def _names(columns: str) -> str:
    return ", ".join(c.split()[0] for c in columns.split(", "))


def write(conn: Connection, clusters: list[Cluster], old: set[int], before: list[Telling],
          stale: set[int]) -> dict[int, int]:
    """Give each cluster an id (the stored one most of its tellings had, else a new one), and write the
    ones that changed (row, participants, their tellings' links and keys) and drop the stored ones no
    longer used, in one statement: an article's fusion costs a handful of round trips."""
    taken = {c.id for c in clusters if c.id is not None}
    for c in sorted(clusters, key=lambda c: c.key):
        if c.id is None:
            votes = Counter(t.canonical_id for t in c.members if t.canonical_id in old and t.canonical_id not in taken)
            if votes:
                c.id = min(votes, key=lambda i: (-votes[i], i))
                taken.add(c.id)
    fresh = sorted((c for c in clusters if c.id is None), key=lambda c: c.key)
    for k, c in enumerate(fresh, 1):
        c.id = -k  # a placeholder the statement replaces by the sequence's next value, in this order
    had: dict[int, set[int]] = defaultdict(set)
    for t in before:
        if t.canonical_id is not None and t.keyed:
            had[t.canonical_id].add(t.id)
    changed = [c for c in clusters if c.id in stale or had.get(c.id) != {t.id for t in c.members}]
    rows, parts, links = [], [], []
    for c in changed:
        s = summary(sorted(c.members, key=lambda t: t.key))
        rows.append({"id": c.id, **s["row"]})
        dated = Counter(ent for t in c.anchored for ent, _, _ in t.parts)
        parts += [{"canonical_id": c.id, "entity_id": ent, "role": role, "tellings": n, "dated_tellings": dated[ent],
                   "date_start": s["row"]["date_start"]} for ent, role, n in s["parts"]]
        links += [{"id": t.id, "c": c.id, "b": t.block, "lo": t.match and t.match[0], "hi": t.match and t.match[1],
                   "w": t.weekday} for t in c.members if t.stored and (t.canonical_id != c.id or not t.keyed)]
    for c in clusters:
        for t in c.members:
            t.canonical_id = c.id
    gone = sorted(old - {c.id for c in clusters})
    if not rows and not gone:
        return {}
    return dict(fetch(conn, _WRITE, {
        "tmps": [c.id for c in fresh], "rows": json.dumps(rows, default=str), "parts": json.dumps(parts, default=str),
        "links": json.dumps(links, default=str), "written": [r["id"] for r in rows if r["id"] > 0],
        "gone": gone}))


_UPDATES = ", ".join(f"{k} = EXCLUDED.{k}" for k in _names(_CANONICAL_COLUMNS).split(", ") if k != "id")
# json, not jsonb: each document is read once, so building its jsonb first is only a cost
_WRITE = f"""
WITH fresh AS (
    SELECT tmp, nextval('canonical_events_id_seq') AS id FROM unnest(CAST(:tmps AS bigint[])) AS tmp
), new_rows AS (
    SELECT coalesce(f.id, r.id) AS id, {_names(_CANONICAL_COLUMNS).replace("id, ", "", 1)}
    FROM json_to_recordset(CAST(:rows AS json)) AS r({_CANONICAL_COLUMNS}) LEFT JOIN fresh f ON f.tmp = r.id
), new_parts AS (
    SELECT coalesce(f.id, p.canonical_id) AS canonical_id, {_names(_PARTICIPANT_COLUMNS).replace("canonical_id, ", "")}
    FROM json_to_recordset(CAST(:parts AS json)) AS p({_PARTICIPANT_COLUMNS})
    LEFT JOIN fresh f ON f.tmp = p.canonical_id
), upserted AS (
    INSERT INTO canonical_events ({_names(_CANONICAL_COLUMNS)}) SELECT * FROM new_rows
    ON CONFLICT (id) DO UPDATE SET {_UPDATES} RETURNING id
), dropped_parts AS (
    DELETE FROM canonical_event_participants d WHERE d.canonical_id = ANY(CAST(:written AS bigint[]))
      AND NOT EXISTS (SELECT 1 FROM new_parts n WHERE n.canonical_id = d.canonical_id AND n.entity_id = d.entity_id)
), parts_written AS (
    INSERT INTO canonical_event_participants ({_names(_PARTICIPANT_COLUMNS)}) SELECT * FROM new_parts
    ON CONFLICT (canonical_id, entity_id) DO UPDATE SET role = EXCLUDED.role, tellings = EXCLUDED.tellings,
        dated_tellings = EXCLUDED.dated_tellings, date_start = EXCLUDED.date_start
), linked AS (
    UPDATE events e SET canonical_id = coalesce(f.id, v.c), fusion_block = v.b, match_lo = v.lo, match_hi = v.hi,
           date_weekday = v.w
    FROM json_to_recordset(CAST(:links AS json)) AS v(id bigint, c bigint, b text, lo date, hi date, w int)
    LEFT JOIN fresh f ON f.tmp = v.c WHERE e.id = v.id
), dropped AS (
    DELETE FROM canonical_events WHERE id = ANY(CAST(:gone AS bigint[]))
)
SELECT tmp, id FROM fresh
"""


