"""Fuse, the reads: the stored tellings an article's fusion re-clusters, and the happenings its floating
tellings may join.

Adds to `fuse` what it reads the database with: tellings by block and overlapping range (the
component, its closure taken over what each read gives), the best-ranked stored happenings of a
block, and the one round trip (`lock_and_read`, in psycopg's pipeline mode) in which `fuse.prepare`
takes its locks and reads a new article's component: the server runs the two in order, each under a
snapshot of its own, so the read sees all that the locks guard. There the closure is taken on the
server (`_CLOSED`), so a new article's component costs no further round trip; and every lookup is an
index scan over a stretch of its block bounded by time (`WIDE`), however dense the block.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import lru_cache
from typing import Iterable

from psycopg.rows import namedtuple_row
from sqlalchemy import Connection, text
from sqlalchemy.dialects import postgresql

from .fuse_rules import GROUP_FLOATING, INF_HI, INF_LO, Anchor, Interval, Telling, period, rank_key
from .records import iso_cut


def fetch(conn: Connection, statement: str, params: dict) -> list:
    """The rows of one of fusion's statements, run on the driver's connection in the same transaction:
    for these small reads and the write, SQLAlchemy's result set-up costs as much as the server's work."""
    with conn.connection.driver_connection.cursor(row_factory=namedtuple_row) as cursor:
        cursor.execute(_psycopg(statement), params)
        return cursor.fetchall()


_TELLINGS = """
SELECT e.id, a.content_sha256 || ':' || lpad(e.evidence_start::text, 7, '0') || ':' || e.type AS key,
       e.article_id, e.type, e.modality, e.date_start, e.date_end, e.date_precision, a.published_on, a.outlet,
       e.evidence, e.canonical_id, e.fusion_block, e.match_lo, e.match_hi, e.date_weekday,
       CASE WHEN e.date_start IS NULL AND {fresh} THEN (
           SELECT array_agg(v.text ORDER BY v.start_char) FROM event_evidence v WHERE v.event_id = e.id) END AS sentences,
       p.ents, p.roles, p.keys, h.dated_articles AS held_articles, h.last_reported AS held_last,
       h.fusion_key AS held_key,
       CASE WHEN NOT {fresh} THEN e.fusion_block ELSE (
           SELECT e.type || '|' || e.modality || '|' || CASE WHEN e.type = 'visit'
                  THEN coalesce(array_to_string(array_agg(DISTINCT k ORDER BY k) FILTER (WHERE r = 'source'), ','), '')
                       || '>' || coalesce(array_to_string(array_agg(DISTINCT k ORDER BY k) FILTER (WHERE r <> 'source'),
                                                          ','), '')
                  ELSE array_to_string(array_agg(DISTINCT k ORDER BY k), ',') END
           FROM unnest(p.keys, p.roles) AS x(k, r)) END AS block
FROM events e
CROSS JOIN LATERAL (SELECT a.content_sha256, a.published_on, a.outlet FROM articles a
                    WHERE a.id = e.article_id OFFSET 0) a
CROSS JOIN LATERAL (
    SELECT array_agg(ep.entity_id ORDER BY ep.entity_id) AS ents, array_agg(ep.role ORDER BY ep.entity_id) AS roles,
           array_agg(CASE WHEN n.kind = 'state' THEN n.id ELSE coalesce(n.country_id, n.id) END
                     ORDER BY ep.entity_id) AS keys
    FROM event_participants ep JOIN entities n ON n.id = ep.entity_id WHERE ep.event_id = e.id
) p
LEFT JOIN LATERAL (SELECT c.dated_articles, c.last_reported, c.fusion_key FROM canonical_events c
                   WHERE c.id = e.canonical_id AND e.match_lo IS NULL OFFSET 0) h ON true
WHERE (NOT {fresh} OR (SELECT s.kind FROM segments s WHERE s.id = e.segment_id) NOT IN ('related', 'boilerplate'))
  AND p.ents IS NOT NULL AND ({where})
"""
# keys computed in SQL only for tellings that have none stored yet; or, to rebuild, for all. A telling
# with keys stored was keyed by fusion, which keys none outside the article proper: its segment is not
# looked up (a lookup per telling read)
_SELECT = _TELLINGS.replace("{fresh}", "e.fusion_block IS NULL")
_RECOMPUTE = _TELLINGS.replace("{fresh}", "true").format(where="true")
_OWN_WHERE = "e.article_id = (SELECT id FROM articles WHERE content_sha256 = :sha)"

# An article's own tellings, with the advisory lock of every block they (and `stale`) touch taken in
# order (no deadlock between loaders) and held to commit: own rows are visible before the lock.
_OWN = f"""
WITH own AS ({_SELECT.format(where=_OWN_WHERE)}),
locked AS (
    SELECT count(pg_advisory_xact_lock(hashtextextended(b, 1712))) AS n FROM (
        SELECT b FROM (SELECT block AS b FROM own
                       UNION SELECT fusion_block FROM canonical_events WHERE id = ANY(CAST(:stale AS bigint[]))) u
        ORDER BY b) x
)
SELECT own.*, (SELECT n FROM locked) AS locks FROM own
"""


def tellings(conn: Connection, where: str, params: dict) -> list[Telling]:
    """Tellings as fusion sees them, those `where` says; their stored keys, unless not stored yet."""
    return _as_tellings(fetch(conn, _SELECT.format(where=where), params))


def own_tellings(conn: Connection, sha256: str) -> list[Telling]:
    """An article's tellings, the blocks they touch locked (`_OWN`)."""
    return _as_tellings(conn.execute(text(_OWN), {"sha": sha256, "stale": []}))


def all_tellings(conn: Connection) -> list[Telling]:
    """Every telling, its keys computed afresh (for a rebuild)."""
    return _as_tellings(conn.execute(text(_RECOMPUTE)), recompute=True)


def _as_tellings(rows: Iterable, recompute: bool = False) -> list[Telling]:
    """Rows of `_TELLINGS` as tellings."""
    out = []
    for r in rows:
        own = period(r.date_start, r.date_end, r.date_precision) if r.date_start else None
        label = None
        if own:
            label = iso_cut(r.date_start, r.date_precision) + (f"/{r.date_end.isoformat()}" if r.date_end else "")
        parts = list(zip(r.ents, r.roles, r.keys))
        t = Telling(r.id, r.key + ":" + ",".join(map(str, r.ents)), r.article_id, r.type, r.modality, own, label,
                    r.published_on, r.outlet, r.evidence, r.canonical_id, parts, sentences=r.sentences or [r.evidence])
        t.block = r.block
        t.keyed = r.fusion_block is not None and not recompute
        if t.keyed:
            t.match = (r.match_lo, r.match_hi) if r.match_lo else None
            t.weekday = r.date_weekday
            if r.held_articles:
                t.held_rank = rank_key(r.held_articles, r.held_last, r.held_key)
            t.held_floating = r.held_articles == 0
        out.append(t)
    return out


# Tellings of each (block, lo, hi) whose range overlaps it, by index, in a stretch of the block bounded by time:
# those whose range is at most WIDE days long start at most WIDE days before `lo` (a bounded scan of
# (block, match_lo, match_hi)), and the few longer ones have an index of their own (migration 0009), so a
# dense block's other years are never read.
WIDE = 400  # days; the literal in `ix_events_fusion_wide`'s predicate


def _near(h: str) -> str:
    return (f"x.fusion_block = {h}.b AND x.match_lo <= {h}.hi AND x.match_lo >= {h}.lo - {WIDE} "
            f"AND x.match_hi >= {h}.lo")


def _wide(h: str) -> str:
    return (f"x.fusion_block = {h}.b AND x.match_hi - x.match_lo > {WIDE} AND x.match_lo < {h}.lo - {WIDE} "
            f"AND x.match_hi >= {h}.lo")


def _overlapping(ranges: str, columns: str = "x.id") -> str:
    """The tellings overlapping each row (b, lo, hi) of `ranges` (aliased h), looked up row by row (lateral:
    an index scan each, whatever the planner guesses of the ranges' number)."""
    return (f"SELECT {columns} FROM {ranges} CROSS JOIN LATERAL ("
            f"SELECT x.id, x.fusion_block, x.canonical_id FROM events x WHERE {_near('h')} "
            f"UNION ALL SELECT x.id, x.fusion_block, x.canonical_id FROM events x WHERE {_wide('h')}) x")


_UNNEST = "unnest(CAST(:blocks AS text[]), CAST(:los AS date[]), CAST(:his AS date[])) AS h(b, lo, hi)"
# The closure of each seed range over the stored tellings, on the server: a range grows to cover every
# telling that overlaps it until none does (`component`'s closure, without a round trip per step).
_HULL = f"""RECURSIVE grown(b, lo, hi) AS (
    SELECT h.b, h.lo, h.hi FROM {_UNNEST} WHERE h.lo <= h.hi
    UNION ALL
    SELECT g.b, m.lo, m.hi FROM grown g CROSS JOIN LATERAL (
        SELECT least(g.lo, min(x.match_lo)) AS lo, greatest(g.hi, max(x.match_hi)) AS hi FROM (
            SELECT x.match_lo, x.match_hi FROM events x WHERE {_near('g')}
            UNION ALL SELECT x.match_lo, x.match_hi FROM events x WHERE {_wide('g')}) x) m
    WHERE m.lo < g.lo OR m.hi > g.hi
), hull AS (SELECT b, min(lo) AS lo, max(hi) AS hi FROM grown GROUP BY b)"""
_FLOATING = ("SELECT x.id FROM events x WHERE x.fusion_block = ANY(CAST(:blocks AS text[])) AND x.match_lo IS NULL "
             "AND x.type IN ('" + "', '".join(GROUP_FLOATING) + "')")
_STALE = "SELECT x.id FROM events x WHERE x.canonical_id = ANY(CAST(:stale AS bigint[]))"
_RANGES_ONLY = f"e.id IN ({_overlapping(_UNNEST)})"
_RANGES = f"e.id IN ({_overlapping(_UNNEST)} UNION ALL {_FLOATING})"  # and the floating ones
_RANGES_STALE = f"e.id IN ({_overlapping(_UNNEST)} UNION ALL {_FLOATING} UNION ALL {_STALE})"
_CLOSED = f"e.id IN (WITH {_HULL} {_overlapping('hull h')} UNION ALL {_FLOATING})"  # the whole component


REACH = 64  # days read beyond the hull on each side: most tellings' ranges (a window, a month) end inside it


def _widen(lo: dt.date, hi: dt.date, before: int, after: int) -> Interval:
    try:
        lo = lo - dt.timedelta(days=before)
    except OverflowError:
        lo = INF_LO
    try:
        hi = hi + dt.timedelta(days=after)
    except OverflowError:
        hi = INF_HI
    return lo, hi


def _first_ranges(seeds: dict[str, Interval]) -> dict[str, list]:
    """Parameters of a component's first read: each seed's range, `REACH` days wider on each side."""
    ranges = [(b, *(_widen(lo, hi, REACH, REACH) if lo <= hi else (lo, hi))) for b, (lo, hi) in seeds.items()]
    return {"blocks": [r[0] for r in ranges], "los": [r[1] for r in ranges], "his": [r[2] for r in ranges]}


def component(conn: Connection, seeds: dict[str, Interval], stale: list[int] = (),
              first: list[Telling] | None = None, closed: bool = False) -> list[Telling]:
    """Every stored telling of the seeds' blocks whose range overlaps theirs, transitively, and the
    floating ones; with `stale`, the remaining tellings of those happenings. `first`: what the first
    read gives, when `prepare` has read it already; `closed`: that read was the closure (`_CLOSED`), so
    nothing beyond it can join.

    Each read takes `REACH` days more than the hull on each side (twice as many as the read before:
    a hull that keeps growing is chained by long ranges), and the closure is taken here over what was
    read: a further read is needed only when the hull outgrows what was read."""
    hull = dict(seeds)
    where = _RANGES
    params: dict = {}
    if stale:
        where, params["stale"] = _RANGES_STALE, list(stale)
    stale_ids = set(stale)
    got: dict[int, Telling] = {}
    members: dict[int, Telling] = {}
    read: dict[str, Interval] = {}
    ask = _first_ranges(hull)
    ranges = list(zip(ask["blocks"], ask["los"], ask["his"]))
    reach = REACH
    while True:
        if first is None:
            fetched = tellings(conn, where, {**params, "blocks": [r[0] for r in ranges],
                                             "los": [r[1] for r in ranges], "his": [r[2] for r in ranges]})
        else:
            fetched, first = first, None
        where = _RANGES_ONLY  # later reads: only what the hull outgrew
        for b, lo, hi in ranges:
            if lo <= hi:
                was = read.get(b, (INF_HI, INF_LO))
                read[b] = (min(was[0], lo), max(was[1], hi))
        for t in fetched:
            if t.id not in got:
                got[t.id] = t
                if t.match is None or t.canonical_id in stale_ids:
                    members[t.id] = t  # a floating telling of a seed block (first read) or a stale one
        grown = True
        while grown:
            grown = False
            for t in list(members.values()) + [t for t in got.values() if t.id not in members]:
                if t.match is None:
                    continue
                lo, hi = hull.get(t.block, (INF_HI, INF_LO))
                inside = t.id in members
                if not inside and not (t.match[0] <= hi and lo <= t.match[1]):
                    continue
                members[t.id] = t
                if t.match[0] < lo or t.match[1] > hi:
                    hull[t.block] = (min(lo, t.match[0]), max(hi, t.match[1]))
                    grown = True
        if closed:
            return list(members.values())
        ranges = []
        reach *= 2
        for b, (lo, hi) in sorted(hull.items()):
            if lo > hi:
                continue
            r_lo, r_hi = read.get(b, (INF_HI, INF_LO))
            if r_lo > r_hi:
                ranges.append((b, *_widen(lo, hi, reach, reach)))
                continue
            if lo < r_lo:
                ranges.append((b, _widen(lo, lo, reach, 0)[0], r_lo))
            if hi > r_hi:
                ranges.append((b, r_hi, _widen(hi, hi, 0, reach)[1]))
        if not ranges:
            return list(members.values())


OUTSIDE_TOP = 16  # best-ranked stored happenings read per block for its floating tellings (more if none fits)
_ANCHORS = """
SELECT c.id, c.fusion_block, c.dated_articles, c.fusion_key, c.last_reported,
       array_agg(p.entity_id) FILTER (WHERE p.dated_tellings > 0) AS ents,
       array_agg(CASE WHEN n.kind = 'state' THEN n.id ELSE coalesce(n.country_id, n.id) END)
           FILTER (WHERE p.dated_tellings > 0) AS keys
FROM {blocks}
CROSS JOIN LATERAL ({happenings}) c
JOIN canonical_event_participants p ON p.canonical_id = c.id
JOIN entities n ON n.id = p.entity_id
GROUP BY c.id, c.fusion_block, c.dated_articles, c.fusion_key, c.last_reported
"""
# Read once the component is known, for the blocks whose floating tellings may choose anew (`fuse._settled`):
# read in the locking round trip for every block that might need them, they cost more than the round
# trip they saved (six articles in ten need none).
_OUTSIDE = _ANCHORS.format(blocks="unnest(CAST(:blocks AS text[])) AS b", happenings="""
    SELECT c.* FROM canonical_events c
    WHERE c.fusion_block = b AND c.dated_articles > 0 AND NOT c.id = ANY(CAST(:inside AS bigint[]))
    ORDER BY c.dated_articles DESC, c.last_reported DESC NULLS LAST, c.fusion_key COLLATE "C" LIMIT :top""")


def anchors_outside(conn: Connection, blocks: list[str], inside: set[int]) -> list[Anchor]:
    """Stored anchored happenings of these blocks that the component does not hold, best-ranked
    first: the `OUTSIDE_TOP` best of each block (through an index on the rank)."""
    return _as_anchors(fetch(conn, _OUTSIDE, {"blocks": blocks, "inside": sorted(inside), "top": OUTSIDE_TOP}))


_NAMING = _ANCHORS.format(blocks="unnest(CAST(:blocks AS text[])) AS b", happenings="""
    SELECT c.* FROM canonical_events c
    WHERE c.fusion_block = b AND c.dated_articles > 0 AND NOT c.id = ANY(CAST(:inside AS bigint[]))
      AND EXISTS (SELECT 1 FROM canonical_event_participants q WHERE q.canonical_id = c.id AND q.dated_tellings > 0
                  AND q.entity_id = ANY(CAST(:persons AS bigint[])))""")


def anchors_naming(conn: Connection, block: str, inside: set[int], persons: list[int]) -> list[Anchor]:
    """Stored anchored happenings of the block that the component does not hold and whose dated
    tellings name one of `persons`, best first: all a floating telling naming one of them may join."""
    return _as_anchors(fetch(conn, _NAMING, {"blocks": [block], "inside": sorted(inside), "persons": persons}))


def _as_anchors(rows: Iterable) -> list[Anchor]:
    """Rows of `_ANCHORS` as anchors, best first."""
    out = []
    for r in rows:
        persons: dict[int, set[int]] = defaultdict(set)
        for ent, key in zip(r.ents or [], r.keys or []):
            persons[key]
            if ent != key:
                persons[key].add(ent)
        out.append(Anchor(r.id, r.fusion_block, rank_key(r.dated_articles, r.last_reported, r.fusion_key),
                          {k: frozenset(v) for k, v in persons.items()}))
    return sorted(out, key=lambda a: a.rank)


@lru_cache(maxsize=None)
def _psycopg(sql: str) -> str:
    """A statement with psycopg's %(name)s parameters in place of SQLAlchemy's :name ones."""
    return str(text(sql).compile(dialect=postgresql.psycopg.dialect()))


def _pipelined(conn: Connection, statements: list[tuple[str, dict]]) -> list[list]:
    """The rows of each statement, all sent in one round trip (psycopg's pipeline mode). The server runs
    each after the one before, with a snapshot of its own: a read sees all that a lock before it guards."""
    raw = conn.connection.driver_connection
    cursors = [raw.cursor(row_factory=namedtuple_row) for _ in statements]
    with raw.pipeline():
        for cursor, (sql, params) in zip(cursors, statements):
            cursor.execute(_psycopg(sql), params)
    out = [cursor.fetchall() for cursor in cursors]
    for cursor in cursors:
        cursor.close()
    return out


# The advisory lock of every block an article's tellings and the happenings told by the version it
# replaces (`stale`) belong to, taken in order (no deadlock between loaders) and held to commit. It also
# makes the rest of the article's transaction use generic plans (`plan_cache_mode`, reset at commit): its
# statements are prepared (psycopg, after five runs) and all of them are index lookups whose plans do not
# depend on the values, so planning each run anew (a custom plan) only costs time (14% of fusion at 9,000
# articles).
_LOCK = f"""
WITH stale AS (
    SELECT DISTINCT e.canonical_id AS id FROM events e JOIN articles a ON a.id = e.article_id
    WHERE (a.source_path = :path OR a.content_sha256 = :sha) AND e.canonical_id IS NOT NULL
), locked AS (
    SELECT count(pg_advisory_xact_lock(hashtextextended(b, 1712))) AS n FROM (
        SELECT b FROM (SELECT unnest(CAST(:blocks AS text[])) AS b
                       UNION SELECT c.fusion_block FROM canonical_events c JOIN stale ON stale.id = c.id) u
        ORDER BY b) x
)
SELECT coalesce((SELECT array_agg(id ORDER BY id) FROM stale), '{{}}') AS stale, (SELECT n FROM locked) AS locks,
       EXISTS (SELECT 1 FROM articles WHERE source_path = :path OR content_sha256 = :sha) AS replaces,
       set_config('plan_cache_mode', 'force_generic_plan', true) AS plans
"""


def lock_and_read(conn: Connection, path: str, sha256: str,
                  seeds: dict[str, Interval]) -> tuple[list[int], list[Telling] | None]:
    """Before an article is stored: lock the blocks of its tellings (`seeds`) and of the happenings the
    stored version it replaces tells; those happenings (`stale`); and, in the same round trip, its
    component (`_CLOSED`: complete), unless it replaces a stored version (whose tellings are then still
    there)."""
    lock = (_LOCK, {"path": path, "sha": sha256, "blocks": sorted(seeds)})
    if not seeds:
        return list(fetch(conn, _LOCK, lock[1])[0].stale), None
    ask = {"blocks": list(seeds), "los": [lo for lo, _ in seeds.values()], "his": [hi for _, hi in seeds.values()]}
    (row,), first = _pipelined(conn, [lock, (_SELECT.format(where=_CLOSED), ask)])
    if row.replaces:
        return list(row.stale), None
    return list(row.stale), _as_tellings(first)

