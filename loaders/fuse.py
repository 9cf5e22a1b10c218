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

import json
from collections import Counter, defaultdict

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY, TEXT

from .fuse_rules import (
    INF_HI, INF_LO, Anchor, Cluster, Interval, Telling, anchored_persons, assign_floating, cluster_anchored, keys_for,
    period, rank_key, summary,
)
from .records import iso_cut


# ---------------------------------------------------------------------------- database
_SELECT = """
SELECT e.id, a.content_sha256 || ':' || lpad(e.evidence_start::text, 7, '0') || ':' || e.type AS key,
       e.article_id, e.type, e.modality, e.date_start, e.date_end, e.date_precision, a.published_on, a.outlet,
       e.evidence, e.canonical_id, e.fusion_block, e.match_lo, e.match_hi, e.date_weekday,
       (SELECT array_agg(v.text ORDER BY v.start_char) FROM event_evidence v WHERE v.event_id = e.id) AS sentences,
       array_agg(ep.entity_id ORDER BY ep.entity_id) AS ents, array_agg(ep.role ORDER BY ep.entity_id) AS roles,
       array_agg({key} ORDER BY ep.entity_id) AS keys,
       e.type || '|' || e.modality || '|' || CASE WHEN e.type = 'visit'
           THEN coalesce(array_to_string(array_agg(DISTINCT {key} ORDER BY {key}) FILTER (WHERE ep.role = 'source'),
                                         ','), '')
                || '>' || coalesce(array_to_string(array_agg(DISTINCT {key} ORDER BY {key})
                                                   FILTER (WHERE ep.role <> 'source'), ','), '')
           ELSE array_to_string(array_agg(DISTINCT {key} ORDER BY {key}), ',') END AS block
FROM events e
JOIN articles a ON a.id = e.article_id
JOIN segments s ON s.id = e.segment_id
JOIN event_participants ep ON ep.event_id = e.id
JOIN entities n ON n.id = ep.entity_id
WHERE s.kind NOT IN ('related', 'boilerplate') AND ({where})
GROUP BY e.id, a.id
""".replace("{key}", "(CASE WHEN n.kind = 'state' THEN n.id ELSE coalesce(n.country_id, n.id) END)")

# An article's own tellings, with the advisory lock of every block they (and `stale`) touch taken in
# order (no deadlock between loaders) and held to commit: own rows are visible before the lock.
_OWN = f"""
WITH own AS ({_SELECT.format(where="a.content_sha256 = :sha")}),
locked AS (
    SELECT count(pg_advisory_xact_lock(hashtextextended(b, 1712))) AS n FROM (
        SELECT b FROM (SELECT block AS b FROM own
                       UNION SELECT fusion_block FROM canonical_events WHERE id = ANY(CAST(:stale AS bigint[]))) u
        ORDER BY b) x
)
SELECT own.*, (SELECT n FROM locked) AS locks FROM own
"""


def _tellings(conn: Connection, where: str, params: dict, keyed: bool = True, sql: str | None = None) -> list[Telling]:
    out = []
    for r in conn.execute(text(sql or _SELECT.format(where=where)), params):
        own = period(r.date_start, r.date_end, r.date_precision) if r.date_start else None
        label = None
        if own:
            label = iso_cut(r.date_start, r.date_precision) + (f"/{r.date_end.isoformat()}" if r.date_end else "")
        parts = list(zip(r.ents, r.roles, r.keys))
        t = Telling(r.id, r.key + ":" + ",".join(map(str, r.ents)), r.article_id, r.type, r.modality, own, label,
                    r.published_on, r.outlet, r.evidence, r.canonical_id, parts, sentences=r.sentences or [r.evidence])
        t.keyed = keyed
        t.block = r.block
        if keyed:
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


def _component(conn: Connection, seeds: dict[str, Interval]) -> list[Telling]:
    """Every telling of the seeds' blocks whose range overlaps theirs, transitively; and the floating ones."""
    hull = dict(seeds)
    while True:
        got = _tellings(conn, "e.fusion_block = ANY(:blocks) AND (e.match_lo IS NULL OR EXISTS ("
                              "SELECT 1 FROM unnest(:blocks, :los, :his) AS h(b, lo, hi) "
                              "WHERE e.fusion_block = h.b AND e.match_lo <= h.hi AND e.match_hi >= h.lo))",
                        {"blocks": list(hull), "los": [v[0] for v in hull.values()],
                         "his": [v[1] for v in hull.values()]})
        grown = dict(hull)
        for t in got:
            if t.match is not None and t.block in grown:
                lo, hi = grown[t.block]
                grown[t.block] = (min(lo, t.match[0]), max(hi, t.match[1]))
        if grown == hull:
            return got
        hull = grown


def fuse_article(conn: Connection, sha256: str, stale: set[int] | frozenset[int] = frozenset()) -> int:
    """Fuse one stored article's tellings (and re-fuse the happenings in `stale`, which lost tellings
    when an older version of the article was replaced); the number of canonical events touched."""
    stale_ids = sorted(stale)
    own = _tellings(conn, "", {"sha": sha256, "stale": stale_ids}, keyed=False, sql=_OWN)
    for t in own:
        keys_for(t)  # written with the links, at the end
    blocks = {t.block for t in own}
    seeds: dict[str, Interval] = {}
    if stale_ids:
        if not own:
            _lock(conn, sorted(r[0] for r in conn.execute(text(
                "SELECT DISTINCT fusion_block FROM canonical_events WHERE id = ANY(:ids)"), {"ids": stale_ids})))
        for block, lo, hi in conn.execute(text(
                "SELECT c.fusion_block, min(e.match_lo), max(e.match_hi) FROM canonical_events c "
                "LEFT JOIN events e ON e.canonical_id = c.id WHERE c.id = ANY(:ids) GROUP BY c.fusion_block"),
                {"ids": stale_ids}):
            blocks.add(block)
            if lo is not None:
                seeds[block] = (lo, hi)
    if not blocks:
        return 0
    for t in own:
        if t.match is not None:
            lo, hi = seeds.get(t.block, t.match)
            seeds[t.block] = (min(lo, t.match[0]), max(hi, t.match[1]))
    for b in blocks:
        seeds.setdefault(b, (INF_HI, INF_LO))  # an empty range: only the block's floating tellings
    mine = {t.id for t in own}
    got = [t for t in _component(conn, seeds) if t.id not in mine] + own
    return _refuse(conn, got, set(stale_ids))


def _anchors_outside(conn: Connection, blocks: list[str], inside: set[int]) -> list[Anchor]:
    """Stored anchored happenings of these blocks that the component does not hold."""
    rows = conn.execute(text(
        "SELECT c.id, c.fusion_block, c.dated_articles, c.fusion_key, c.last_reported, "
        "array_agg(p.entity_id) FILTER (WHERE p.dated_tellings > 0) AS ents, "
        "array_agg(CASE WHEN n.kind = 'state' THEN n.id ELSE coalesce(n.country_id, n.id) END) "
        "FILTER (WHERE p.dated_tellings > 0) AS keys "
        "FROM canonical_events c JOIN canonical_event_participants p ON p.canonical_id = c.id "
        "JOIN entities n ON n.id = p.entity_id "
        "WHERE c.fusion_block = ANY(:blocks) AND c.dated_articles > 0 AND NOT c.id = ANY(:inside) GROUP BY c.id"),
        {"blocks": blocks, "inside": sorted(inside)}).all()
    out = []
    for r in rows:
        persons: dict[int, set[int]] = defaultdict(set)
        for ent, key in zip(r.ents or [], r.keys or []):
            persons[key]
            if ent != key:
                persons[key].add(ent)
        out.append(Anchor(r.id, r.fusion_block, rank_key(r.dated_articles, r.last_reported, r.fusion_key),
                          {k: frozenset(v) for k, v in persons.items()}))
    return out


def _refuse(conn: Connection, got: list[Telling], stale: set[int]) -> int:
    """Re-cluster the fetched tellings block by block and write the happenings that changed."""
    by_block: dict[str, list[Telling]] = defaultdict(list)
    for t in got:
        by_block[t.block].append(t)
    clusters: list[Cluster] = []
    floating_to: dict[int, list[Telling]] = defaultdict(list)  # stored anchor id → floating tellings
    old = {t.canonical_id for t in got if t.canonical_id} | stale
    inside = {t.canonical_id for t in got if t.canonical_id and t.match is not None}
    have_floating = sorted(b for b, ts in by_block.items() if any(t.match is None for t in ts))
    outside = _anchors_outside(conn, have_floating, inside) if have_floating else []
    for block, ts in sorted(by_block.items()):
        mine = cluster_anchored([t for t in ts if t.match is not None])
        clusters += mine
        floating = [t for t in ts if t.match is None]
        if not floating:
            continue
        anchors = [Anchor(None, block, c.rank(), anchored_persons(c), c) for c in mine]
        anchors += [a for a in outside if a.block == block]
        chosen, alone = assign_floating(floating, anchors)
        clusters += alone
        for t in floating:
            a = chosen.get(t.key)
            if a is None:
                continue
            if a.cluster is not None:
                a.cluster.members.append(t)
                a.cluster.articles.add(t.article_id)
            else:
                floating_to[a.id].append(t)
    # stored happenings outside the component whose floating tellings changed: re-read their members
    moved = {t.canonical_id for ts in floating_to.values() for t in ts} | {
        t.canonical_id for t in got if t.match is None and t.canonical_id}
    changed_outside = {a.id for a in outside if a.id in floating_to or a.id in moved}
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
    _write(conn, clusters, old, got, stale)
    return len(clusters)


_CANONICAL_COLUMNS = (
    "id bigint, type text, modality text, fusion_block text, date_start date, date_end date, date_last date, "
    "date_precision text, date_origin text, date_conflict boolean, dates_reported jsonb, tellings int, articles int, "
    "outlets int, dated_articles int, first_reported date, last_reported date, fusion_key text, evidence text")
_PARTICIPANT_COLUMNS = "canonical_id bigint, entity_id bigint, role text, tellings int, dated_tellings int, date_start date"


def _names(columns: str) -> str:
    return ", ".join(c.split()[0] for c in columns.split(", "))


def _write(conn: Connection, clusters: list[Cluster], old: set[int], before: list[Telling],
           stale: set[int]) -> None:
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
                   "w": t.weekday} for t in c.members if t.canonical_id != c.id or not t.keyed]
    gone = sorted(old - {c.id for c in clusters})
    if not rows and not gone:
        return
    conn.execute(text(_WRITE), {
        "tmps": [c.id for c in fresh], "rows": json.dumps(rows, default=str), "parts": json.dumps(parts, default=str),
        "links": json.dumps(links, default=str), "written": [r["id"] for r in rows if r["id"] > 0], "gone": gone})


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
SELECT count(*) FROM upserted
"""


def stale_for(conn: Connection, path: str, sha256: str) -> set[int]:
    """Happenings told by the stored article a load is about to replace (same path or same content)."""
    return set(conn.execute(text(
        "SELECT DISTINCT e.canonical_id FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE (a.source_path = :p OR a.content_sha256 = :s) AND e.canonical_id IS NOT NULL"),
        {"p": path, "s": sha256}).scalars())


def rebuild(conn: Connection) -> int:
    """Recompute every canonical event from all tellings; the number of canonical events."""
    conn.execute(text("LOCK TABLE canonical_events IN EXCLUSIVE MODE"))
    conn.execute(text("DELETE FROM canonical_events"))  # every link becomes null (ON DELETE SET NULL)
    tellings = _tellings(conn, "true", {}, keyed=False)
    for t in tellings:
        keys_for(t)
        t.canonical_id = None
    return _refuse(conn, tellings, set())


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
