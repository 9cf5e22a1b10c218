"""Fuse: extracted events (tellings) → canonical events, one per real happening, across articles.

Adds identity across articles: the summit told in four articles is one canonical event with
the date its tellings agree on, how many articles and outlets report it, and every telling
linked to it. When tellings fit is decided in `fuse_rules`; here they are keyed and re-clustered,
`fuse_read` reads them and `fuse_store` writes the result. Denials and plans are blocks of their
own: the views link them to the happening.

Deterministic whatever the load order: within a block, tellings whose match ranges overlap
(transitively) form a component, clustered from scratch in a fixed order (most precise first,
then by content key), and floating tellings are assigned after the dated ones. Loading an
article re-clusters only the components its tellings touch, found through an index on
(block, range), under a per-block advisory lock, in the article's own transaction; so the
result equals `rebuild()` over everything.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from .fuse_read import (
    OUTSIDE_TOP, all_tellings, anchors_naming, anchors_outside, component, lock_and_read, own_tellings, tellings,
)
from .fuse_rules import (
    GROUP_FLOATING, INF_HI, INF_LO, RELATED, Anchor, Cluster, Interval, Telling, anchored_persons, assign_floating,
    cluster_anchored, keys_for, period,
)
from .fuse_store import write
from .records import Extraction, iso_cut
from .registry import Registry


@dataclass
class Prepared:
    """An article's tellings from its extraction, their blocks (locked) and ranges, and the happenings
    told by the version it replaces: what `prepare` found before the article was stored."""

    sha256: str
    blocks: set[str]
    seeds: dict[str, Interval]
    stale: list[int]
    own: dict[int, Telling] = field(default_factory=dict)  # by id() of the extracted event
    # the component, read with the locks; None when the article replaces a stored version (read after it is gone)
    first: list[Telling] | None = None

    def columns(self, conn: Connection, events: list, event_ids: list[int]) -> tuple[tuple[str, ...], list[tuple]]:
        """For `store_article`, before it copies the events (their ids drawn): fuse them, and give each
        its canonical event and fusion keys as extra columns of the copy."""
        own = []
        for e, i in zip(events, event_ids):
            t = self.own.get(id(e))
            if t is not None:
                t.id = i
                own.append(t)
        got = (component(conn, _with_empty(self), self.stale, self.first, closed=self.first is not None)
               if self.blocks or self.stale else []) + own
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


def prepare(conn: Connection, ex: Extraction, ids: dict[str, int], registry: Registry) -> Prepared:
    """Before storing an article, in its transaction: its tellings as the database will hold them,
    and the lock of every block they and the happenings it replaces belong to, so that what is read
    after is complete; in the same round trip, the component a new article (the usual case) fuses with."""
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
    prepared.stale, prepared.first = lock_and_read(conn, a.path, a.sha256, _with_empty(prepared))
    return prepared


def fuse_article(conn: Connection, sha256: str) -> int:
    """Fuse the tellings of an article stored without fusion (locking their blocks here); the number
    of canonical events written."""
    own = own_tellings(conn, sha256)
    prepared = Prepared(sha256, {t.block for t in own}, {}, [])
    for t in own:
        keys_for(t)
        if t.match is not None:
            lo, hi = prepared.seeds.get(t.block, t.match)
            prepared.seeds[t.block] = (min(lo, t.match[0]), max(hi, t.match[1]))
    got = own + component(conn, _with_empty(prepared))
    return _refuse(conn, got, set())[0] if got else 0


def _with_empty(prepared: Prepared) -> dict[str, Interval]:
    """Seeds for every locked block; a block without a dated telling has an empty range (floating ones only)."""
    return {b: prepared.seeds.get(b, (INF_HI, INF_LO)) for b in sorted(prepared.blocks)}


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
    # not offered as stored anchors: the component's happenings, re-clustered here, and those the replaced
    # version told, whose stored rows are out of date (their remaining tellings are all in `got`)
    held = inside | stale
    have_floating = sorted(b for b, ts in by_block.items() if any(t.match is None and t.type in GROUP_FLOATING
                                                                 and not _settled(t, held) for t in ts))
    outside = anchors_outside(conn, have_floating, held) if have_floating else []
    for block, ts in sorted(by_block.items()):
        mine = cluster_anchored([t for t in ts if t.match is not None])
        clusters += mine
        floating = [t for t in ts if t.match is None]
        if not floating:
            continue
        anchors = [Anchor(None, block, c.rank(), anchored_persons(c), c) for c in mine]
        stored = [a for a in outside if a.block == block]
        chosen, alone = _assign(floating, anchors + stored, held)
        unsure = [t for t in floating if t.type in GROUP_FLOATING and len(stored) == OUTSIDE_TOP and (
            t.key not in chosen or chosen[t.key].rank > stored[-1].rank) and not _settled(t, held)]
        if unsure:
            # their choice may lie beyond the best read; they name someone (one naming no one takes the
            # best), so it is among the happenings naming one of the people they name
            named = sorted({p for t in unsure for ps in t.persons.values() for p in ps})
            beyond = {a.id: a for a in stored + anchors_naming(conn, block, held, named)}
            stored = sorted(beyond.values(), key=lambda a: a.rank)
            chosen, alone = _assign(floating, anchors + stored, held)
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
        dated = tellings(conn, "e.canonical_id = ANY(:ids) AND e.match_lo IS NOT NULL",
                          {"ids": sorted(changed_outside)})
        groups: dict[int, Cluster] = {i: Cluster(id=i) for i in changed_outside}
        for t in dated:
            groups[t.canonical_id].members.append(t)
        for i, c in groups.items():
            c.members += floating_to.get(i, [])
            if c.members:
                clusters.append(c)
        old |= changed_outside
    return len(clusters), write(conn, clusters, old, got, stale)


def _settled(t: Telling, held: set[int]) -> bool:
    """A stored floating telling whose happening stays as stored (outside `held`): no stored happening
    ranked above it fits the telling (else the telling would be there), so its choice is that happening
    or one of the component's; and one grouped with floating tellings only fits no stored happening."""
    return t.canonical_id is not None and t.canonical_id not in held and (t.held_rank is not None or t.held_floating)


def _assign(floating: list[Telling], anchors: list[Anchor], held: set[int]) -> tuple[dict[str, Anchor], list[Cluster]]:
    """`assign_floating`, where a settled telling whose stored happening was not read stays with it
    unless it fits a better-ranked one among `anchors` (so the happenings beyond the best read are
    not needed for it)."""
    chosen, alone = assign_floating(floating, anchors)
    pinned = {}
    for t in floating:
        if t.held_rank is not None and _settled(t, held):
            a = chosen.get(t.key)
            if a is None or a.rank > t.held_rank:
                pinned[t.key] = Anchor(t.canonical_id, t.block, t.held_rank, {})
    if any(k not in chosen for k in pinned):  # grouped alone: group the others without them
        chosen, alone = assign_floating([t for t in floating if t.key not in pinned], anchors)
    chosen.update(pinned)
    return chosen, alone


def rebuild(conn: Connection) -> int:
    """Recompute every canonical event from all tellings; the number of canonical events."""
    conn.execute(text("LOCK TABLE canonical_events IN EXCLUSIVE MODE"))
    conn.execute(text("DELETE FROM canonical_events"))  # every link becomes null (ON DELETE SET NULL)
    every = all_tellings(conn)
    for t in every:
        keys_for(t)
        t.canonical_id = None
    return _refuse(conn, every, set())[0]


# What fusion's reads join; `analyze` refreshes their statistics.
_READ_TABLES = "articles, segments, events, event_participants, event_evidence, canonical_events, " \
               "canonical_event_participants"


def analyze(conn: Connection) -> None:
    """Fresh statistics for the tables fusion reads. Its statements are prepared (psycopg, after five runs)
    and PostgreSQL keeps the generic plan made while the tables were small until their statistics
    change, which autovacuum does at most once a minute: a load into an empty database calls this as
    it doubles, so the cached plans are made again for the tables as they are."""
    conn.execute(text(f"ANALYZE {_READ_TABLES}"))


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
