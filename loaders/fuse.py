"""Fuse: extracted events (tellings) → canonical events, one per real happening, across articles.

Adds identity across articles: the summit told in four articles is one canonical event with
the date its tellings agree on, how many articles and outlets report it, and every telling
linked to it. When tellings fit is decided in `fuse_rules`; here they are read, keyed and
written. Denials and plans are blocks of their own: the views link them to the happening.

Deterministic whatever the load order: within a block, tellings whose match ranges overlap
(transitively) form a component, clustered from scratch in a fixed order (most precise first,
then by content key), and floating tellings are assigned after the dated ones. Loading an
article re-clusters only the components its tellings touch, found through an index on
(block, range), under a per-block advisory lock, in the article's own transaction; so the
result equals `rebuild()` over everything.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY, TEXT

from .fuse_rules import (
    GROUP_FLOATING, INF_HI, INF_LO, RELATED, Anchor, Cluster, Interval, Telling, anchored_persons, assign_floating, cluster_anchored, keys_for,
    period, rank_key, summary,
)
from .records import Extraction, iso_cut
from .registry import Registry


# ---------------------------------------------------------------------------- database
_TELLINGS = """
SELECT e.id, a.content_sha256 || ':' || lpad(e.evidence_start::text, 7, '0') || ':' || e.type AS key,
       e.article_id, e.type, e.modality, e.date_start, e.date_end, e.date_precision, a.published_on, a.outlet,
       e.evidence, e.canonical_id, e.fusion_block, e.match_lo, e.match_hi, e.date_weekday,
       CASE WHEN e.date_start IS NULL AND {fresh} THEN (
           SELECT array_agg(v.text ORDER BY v.start_char) FROM event_evidence v WHERE v.event_id = e.id) END AS sentences,
       p.ents, p.roles, p.keys,
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
CROSS JOIN LATERAL (SELECT s.kind FROM segments s WHERE s.id = e.segment_id OFFSET 0) s
CROSS JOIN LATERAL (
    SELECT array_agg(ep.entity_id ORDER BY ep.entity_id) AS ents, array_agg(ep.role ORDER BY ep.entity_id) AS roles,
           array_agg(CASE WHEN n.kind = 'state' THEN n.id ELSE coalesce(n.country_id, n.id) END
                     ORDER BY ep.entity_id) AS keys
    FROM event_participants ep JOIN entities n ON n.id = ep.entity_id WHERE ep.event_id = e.id
) p
WHERE s.kind NOT IN ('related', 'boilerplate') AND p.ents IS NOT NULL AND ({where})
"""
# keys computed in SQL only for tellings that have none stored yet; or, to rebuild, for all
_SELECT = _TELLINGS.replace("{fresh}", "e.fusion_block IS NULL")
_RECOMPUTE = _TELLINGS.replace("{fresh}", "true").format(where="true")
_OWN_WHERE = "e.article_id = (SELECT id FROM articles WHERE content_sha256 = :sha)"

# Fusion's statements are prepared by the driver after a few runs, and a custom plan of one costs more
# to make (about 0.2 ms) than it saves over the generic plan: `prepare` switches the rest of the
# article's transaction to generic plans (the store's statements are lookups by key, as well served).
_GENERIC_PLANS = "set_config('plan_cache_mode', 'force_generic_plan', true)"

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


def _tellings(conn: Connection, where: str, params: dict, recompute: bool = False,
              sql: str | None = None) -> list[Telling]:
    """Tellings as fusion sees them; their stored keys, unless not stored yet (or `recompute`)."""
    out = []
    for r in conn.execute(text(sql or _SELECT.format(where=where)), params):
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
        out.append(t)
    return out


def _arr(kind):
    return ARRAY(kind)


def _lock(conn: Connection, blocks: list[str]) -> None:
    """One advisory lock per block, taken in order (no deadlock between loaders), held to commit."""
    conn.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(b, 1712)) FROM "
                      "(SELECT b FROM unnest(:blocks) AS b ORDER BY b) x")
                 .bindparams(bindparam("blocks", type_=_arr(TEXT))), {"blocks": sorted(blocks)})


_OVERLAP = ("EXISTS (SELECT 1 FROM unnest(CAST(:blocks AS text[]), CAST(:los AS date[]), CAST(:his AS date[])) "
            "AS h(b, lo, hi) WHERE e.fusion_block = h.b AND e.match_lo <= h.hi AND e.match_hi >= h.lo)")
_RANGES_ONLY = "e.fusion_block = ANY(CAST(:blocks AS text[])) AND " + _OVERLAP
_RANGES = (_RANGES_ONLY.replace(" AND EXISTS", " AND ((e.match_lo IS NULL AND e.type IN ('"
                                + "', '".join(GROUP_FLOATING) + "')) OR EXISTS", 1) + ")")


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


def _component(conn: Connection, seeds: dict[str, Interval], stale: list[int] = ()) -> list[Telling]:
    """Every stored telling of the seeds' blocks whose range overlaps theirs, transitively, and the
    floating ones; with `stale`, the remaining tellings of those happenings.

    Each read takes `REACH` days more than the hull on each side, and the closure is taken here over
    what was read: a second read is needed only when the hull outgrows what was read."""
    hull = dict(seeds)
    extra = ""
    params: dict = {}
    if stale:
        extra, params["stale"] = " OR e.canonical_id = ANY(CAST(:stale AS bigint[]))", list(stale)
    stale_ids = set(stale)
    got: dict[int, Telling] = {}
    members: dict[int, Telling] = {}
    read: dict[str, Interval] = {}
    ranges = [(b, *(_widen(lo, hi, REACH, REACH) if lo <= hi else (lo, hi))) for b, (lo, hi) in hull.items()]
    where = f"({_RANGES}){extra}"
    while True:
        fetched = _tellings(conn, where, {**params, "blocks": [r[0] for r in ranges],
                                          "los": [r[1] for r in ranges], "his": [r[2] for r in ranges]})
        where = f"({_RANGES_ONLY})"  # later reads: only what the hull outgrew
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
        ranges = []
        for b, (lo, hi) in sorted(hull.items()):
            if lo > hi:
                continue
            r_lo, r_hi = read.get(b, (INF_HI, INF_LO))
            if r_lo > r_hi:
                ranges.append((b, *_widen(lo, hi, REACH, REACH)))
                continue
            if lo < r_lo:
                ranges.append((b, _widen(lo, lo, REACH, 0)[0], r_lo))
            if hi > r_hi:
                ranges.append((b, r_hi, _widen(hi, hi, 0, REACH)[1]))
        if not ranges:
            return list(members.values())


@dataclass
class Prepared:
    """An article's tellings from its extraction, their blocks (locked) and ranges, and the happenings
    told by the version it replaces: what `prepare` found before the article was stored."""

    sha256: str
    blocks: set[str]
    seeds: dict[str, Interval]
    stale: list[int]
    own: dict[int, Telling] = field(default_factory=dict)  # by id() of the extracted event

    def columns(self, conn: Connection, events: list, event_ids: list[int]) -> tuple[tuple[str, ...], list[tuple]]:
        """For `store_article`, before it copies the events (their ids drawn): fuse them, and give each
        its canonical event and fusion keys as extra columns of the copy."""
        own = []
        for e, i in zip(events, event_ids):
            t = self.own.get(id(e))
            if t is not None:
                t.id = i
                own.append(t)
        got = (_component(conn, _with_empty(self), stale=self.stale) if self.blocks or self.stale else []) + own
        fresh = _refuse(conn, got, set(self.stale))[1] if got or self.stale else {}
        rows = []
        for e in events:
            t = self.own.get(id(e))
            if t is None:
                rows.append((None, None, None, None, None))
            else:
                rows.append((fresh.get(t.canonical_id, t.canonical_id), t.block, t.match and t.match[0],
                             t.match and t.match[1], t.weekday))
        return FUSION_COLUMNS, rows


FUSION_COLUMNS = ("canonical_id", "fusion_block", "match_lo", "match_hi", "date_weekday")

_PREPARE = f"""
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
       {_GENERIC_PLANS} AS plans
"""


def prepare(conn: Connection, ex: Extraction, ids: dict[str, int], registry: Registry) -> Prepared:
    """Before storing an article, in its transaction: its tellings as the database will hold them,
    and the lock of every block they and the happenings it replaces belong to (one statement), so
    that what `Prepared.columns` reads is complete."""
    kinds = {s.order: s.kind for s in ex.segments}
    a = ex.article
    prepared = Prepared(a.sha256, set(), {}, [])
    for e in ex.events:
        if kinds.get(e.segment_order) in RELATED or not all(p.entity in ids for p in e.participants):
            continue
        parts = []
        for p in e.participants:
            ent = registry.entities.get(p.entity)
            country = ent.country if ent is not None and ent.kind != "state" else None
            parts.append((ids[p.entity], p.role, ids.get(country or "", ids[p.entity])))
        parts.sort()
        d = e.date
        own = period(d.value, d.value_end, d.precision) if d else None
        label = (iso_cut(d.value, d.precision) + (f"/{d.value_end.isoformat()}" if d.value_end else "")) if d else None
        key = f"{a.sha256}:{e.sentence_start:07d}:{e.type}:" + ",".join(str(ent) for ent, _, _ in parts)
        t = Telling(0, key, 0, e.type, e.modality, own, label, a.published_on, a.outlet, e.evidence, None, parts,
                    sentences=[a.text[x:y] for x, y in e.evidence_spans] or [e.evidence], keyed=False, stored=False)
        keys_for(t)
        prepared.own[id(e)] = t
        prepared.blocks.add(t.block)
        if t.match is not None:
            lo, hi = prepared.seeds.get(t.block, t.match)
            prepared.seeds[t.block] = (min(lo, t.match[0]), max(hi, t.match[1]))
    row = conn.execute(text(_PREPARE), {"path": a.path, "sha": a.sha256, "blocks": sorted(prepared.blocks)}).one()
    prepared.stale = list(row.stale)
    return prepared


def fuse_article(conn: Connection, sha256: str) -> int:
    """Fuse the tellings of an article stored without fusion (locking their blocks here); the number
    of canonical events written."""
    own = _tellings(conn, "", {"sha": sha256, "stale": []}, sql=_OWN)
    prepared = Prepared(sha256, {t.block for t in own}, {}, [])
    for t in own:
        keys_for(t)
        if t.match is not None:
            lo, hi = prepared.seeds.get(t.block, t.match)
            prepared.seeds[t.block] = (min(lo, t.match[0]), max(hi, t.match[1]))
    got = own + _component(conn, _with_empty(prepared))
    return _refuse(conn, got, set())[0] if got else 0


def _with_empty(prepared: Prepared) -> dict[str, Interval]:
    """Seeds for every locked block; a block without a dated telling has an empty range (floating ones only)."""
    return {b: prepared.seeds.get(b, (INF_HI, INF_LO)) for b in sorted(prepared.blocks)}


OUTSIDE_TOP = 16  # best-ranked stored happenings read per block for its floating tellings (all if none fits)
_OUTSIDE = """
SELECT c.id, c.fusion_block, c.dated_articles, c.fusion_key, c.last_reported,
       array_agg(p.entity_id) FILTER (WHERE p.dated_tellings > 0) AS ents,
       array_agg(CASE WHEN n.kind = 'state' THEN n.id ELSE coalesce(n.country_id, n.id) END)
           FILTER (WHERE p.dated_tellings > 0) AS keys
FROM unnest(CAST(:blocks AS text[])) AS b
CROSS JOIN LATERAL (
    SELECT c.* FROM canonical_events c
    WHERE c.fusion_block = b AND c.dated_articles > 0 AND NOT c.id = ANY(CAST(:inside AS bigint[]))
    ORDER BY c.dated_articles DESC, c.last_reported DESC NULLS LAST, c.fusion_key COLLATE "C" LIMIT :top
) c
JOIN canonical_event_participants p ON p.canonical_id = c.id
JOIN entities n ON n.id = p.entity_id
GROUP BY c.id, c.fusion_block, c.dated_articles, c.fusion_key, c.last_reported
"""


def _anchors_outside(conn: Connection, blocks: list[str], inside: set[int], top: int | None = OUTSIDE_TOP,
                     ) -> list[Anchor]:
    """Stored anchored happenings of these blocks that the component does not hold, best-ranked
    first: the `top` best of each block (through an index on the rank), or all."""
    rows = conn.execute(text(_OUTSIDE), {"blocks": blocks, "inside": sorted(inside), "top": top}).all()
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


def _refuse(conn: Connection, got: list[Telling], stale: set[int]) -> tuple[int, dict[int, int]]:
    """Re-cluster the tellings block by block and write the happenings that changed; the number of
    happenings, and the ids new ones got for the placeholders their tellings hold."""
    by_block: dict[str, list[Telling]] = defaultdict(list)
    for t in got:
        by_block[t.block].append(t)
    clusters: list[Cluster] = []
    floating_to: dict[int, list[Telling]] = defaultdict(list)  # stored anchor id → floating tellings
    old = {t.canonical_id for t in got if t.canonical_id} | stale
    moved: set[int | None] = set()  # stored happenings a floating telling joins or leaves
    kept: set[int] = set()  # stored happenings a floating telling stays with
    inside = {t.canonical_id for t in got if t.canonical_id and t.match is not None}
    have_floating = sorted(b for b, ts in by_block.items() if any(t.match is None and t.type in GROUP_FLOATING
                                                                 for t in ts))
    outside = _anchors_outside(conn, have_floating, inside) if have_floating else []
    for block, ts in sorted(by_block.items()):
        mine = cluster_anchored([t for t in ts if t.match is not None])
        clusters += mine
        floating = [t for t in ts if t.match is None]
        if not floating:
            continue
        anchors = [Anchor(None, block, c.rank(), anchored_persons(c), c) for c in mine]
        stored = [a for a in outside if a.block == block]
        chosen, alone = assign_floating(floating, anchors + stored)
        if len(stored) == OUTSIDE_TOP and any(t.type in GROUP_FLOATING and (
                t.key not in chosen or chosen[t.key].rank > stored[-1].rank) for t in floating):
            stored = _anchors_outside(conn, [block], inside, None)  # a choice may lie beyond the best read
            chosen, alone = assign_floating(floating, anchors + stored)
        clusters += alone
        for t in floating:
            a = chosen.get(t.key)
            now = a.id if a is not None and a.cluster is None else None
            if t.canonical_id != now:
                moved |= {t.canonical_id, now}
            elif now is not None:
                kept.add(now)
            if a is None:
                continue
            if a.cluster is not None:
                a.cluster.members.append(t)
                a.cluster.articles.add(t.article_id)
            else:
                floating_to[a.id].append(t)
    # stored happenings outside the component that a floating telling joined or left: re-read their
    # members; those whose floating tellings all stay are left as stored
    changed_outside = moved - inside - {None}
    old -= kept - changed_outside - inside - stale
    if changed_outside:
        dated = _tellings(conn, "e.canonical_id = ANY(:ids) AND e.match_lo IS NOT NULL",
                          {"ids": sorted(changed_outside)})
        groups: dict[int, Cluster] = {i: Cluster(id=i) for i in changed_outside}
        for t in dated:
            groups[t.canonical_id].members.append(t)
        for i, c in groups.items():
            c.members += floating_to.get(i, [])
            if c.members:
                clusters.append(c)
        old |= changed_outside
    return len(clusters), _write(conn, clusters, old, got, stale)


_CANONICAL_COLUMNS = (
    "id bigint, type text, modality text, fusion_block text, date_start date, date_end date, date_last date, "
    "date_precision text, date_origin text, date_conflict boolean, dates_reported jsonb, tellings int, articles int, "
    "outlets int, dated_articles int, first_reported date, last_reported date, fusion_key text, evidence text")
_PARTICIPANT_COLUMNS = "canonical_id bigint, entity_id bigint, role text, tellings int, dated_tellings int, date_start date"


def _names(columns: str) -> str:
    return ", ".join(c.split()[0] for c in columns.split(", "))


def _write(conn: Connection, clusters: list[Cluster], old: set[int], before: list[Telling],
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
    return dict(conn.execute(text(_WRITE), {
        "tmps": [c.id for c in fresh], "rows": json.dumps(rows, default=str), "parts": json.dumps(parts, default=str),
        "links": json.dumps(links, default=str), "written": [r["id"] for r in rows if r["id"] > 0],
        "gone": gone}).all())


_UPDATES = ", ".join(f"{k} = EXCLUDED.{k}" for k in _names(_CANONICAL_COLUMNS).split(", ") if k != "id")
_WRITE = f"""
WITH fresh AS (
    SELECT tmp, nextval('canonical_events_id_seq') AS id FROM unnest(CAST(:tmps AS bigint[])) AS tmp
), new_rows AS (
    SELECT coalesce(f.id, r.id) AS id, {_names(_CANONICAL_COLUMNS).replace("id, ", "", 1)}
    FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r({_CANONICAL_COLUMNS}) LEFT JOIN fresh f ON f.tmp = r.id
), new_parts AS (
    SELECT coalesce(f.id, p.canonical_id) AS canonical_id, {_names(_PARTICIPANT_COLUMNS).replace("canonical_id, ", "")}
    FROM jsonb_to_recordset(CAST(:parts AS jsonb)) AS p({_PARTICIPANT_COLUMNS})
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
    FROM jsonb_to_recordset(CAST(:links AS jsonb)) AS v(id bigint, c bigint, b text, lo date, hi date, w int)
    LEFT JOIN fresh f ON f.tmp = v.c WHERE e.id = v.id
), dropped AS (
    DELETE FROM canonical_events WHERE id = ANY(CAST(:gone AS bigint[]))
)
SELECT tmp, id FROM fresh
"""


def rebuild(conn: Connection) -> int:
    """Recompute every canonical event from all tellings; the number of canonical events."""
    conn.execute(text("LOCK TABLE canonical_events IN EXCLUSIVE MODE"))
    conn.execute(text("DELETE FROM canonical_events"))  # every link becomes null (ON DELETE SET NULL)
    tellings = _tellings(conn, "true", {}, recompute=True, sql=_RECOMPUTE)
    for t in tellings:
        keys_for(t)
        t.canonical_id = None
    return _refuse(conn, tellings, set())[0]


def pending(conn: Connection) -> list[str]:
    """Articles with tellings not fused yet (stored before fusion existed, or by another path)."""
    return list(conn.execute(text(
        "SELECT DISTINCT a.content_sha256 FROM events e JOIN articles a ON a.id = e.article_id "
        "JOIN segments s ON s.id = e.segment_id "
        "WHERE e.fusion_block IS NULL AND s.kind NOT IN ('related', 'boilerplate') ORDER BY 1")).scalars())


def counts(conn: Connection) -> dict[str, int]:
    row = conn.execute(text(
        "SELECT (SELECT count(*) FROM canonical_events) AS canonical, "
        "(SELECT count(*) FROM events WHERE canonical_id IS NOT NULL) AS tellings, "
        "(SELECT count(*) FROM canonical_events WHERE articles > 1) AS multi, "
        "(SELECT count(*) FROM canonical_events WHERE date_conflict) AS conflicts")).one()
    return dict(row._mapping)
