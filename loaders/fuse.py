"""Fuse: extracted events (tellings) → canonical events, one per real happening, across articles.

Adds identity across articles: the summit told in four articles is one canonical event with
the date its tellings agree on, how many articles and outlets report it, and every telling
linked to it. Tellings may fuse when they are of one *block* (type, modality and the states of
their participants, directed for visits: a person counts as the state the registry gives
them), name no two different people for the same state, and have dates that fit together as
constraints: a day inside a month, overlapping ranges, a weekday picking the one day of a
range. An undated telling is matched through a window before its article's publication (per
type); one in an undated article ("floating") joins the best-reported compatible happening of
its block. Days that disagree by at most `SLACK` are one happening with a flagged conflict.
Denials and plans are blocks of their own: the views link them to the happening.

Deterministic whatever the load order: within a block, tellings whose match ranges overlap
(transitively) form a component, clustered from scratch in a fixed order (most precise first,
then by content key), and floating tellings are assigned after the dated ones. Loading an
article re-clusters only the components its tellings touch, found through an index on
(block, range), under a per-block advisory lock, in the article's own transaction; so the
result equals `rebuild()` over everything.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY, BIGINT, DATE, INTEGER, TEXT

from .normalize import fold

WINDOWS = {"visit": 30, "meeting": 30, "agreement": 30, "cooperation": 60, "invitation": 60,
           "accusation": 14, "statement": 3}  # days before publication an undated telling may lie in
PLAN_WINDOW = 365  # days after publication a plan may come true in
SLACK = 2  # days two single-day dates may differ by and still be one happening (flagged as a conflict)
GROUP_FLOATING = {"visit", "meeting", "agreement", "cooperation", "invitation"}  # undated ones of one block group
POINT_TYPES = {"meeting", "agreement", "invitation", "accusation", "statement"}  # one day: a weekday can pin it
ROLE_ORDER = {"source": 0, "target": 1, "other": 2}
RELATED = ("related", "boilerplate")
INF_LO, INF_HI = dt.date.min, dt.date.max

Interval = tuple[dt.date, dt.date]


@dataclass
class Telling:
    """One extracted event as fusion sees it."""

    id: int
    key: str  # content key: article sha256, sentence offset, type, participants (no database ids of rows)
    article_id: int
    type: str
    modality: str
    own: Interval | None  # its own date as a range of days
    own_label: str | None
    published: dt.date | None
    outlet: str | None
    evidence: str
    canonical_id: int | None
    parts: list[tuple[int, str, int]]  # (entity id, role, state key)
    block: str = ""
    match: Interval | None = None
    weekday: int | None = None

    @property
    def persons(self) -> dict[int, frozenset[int]]:
        """For each state key, the participants named below it (people, bodies, places)."""
        out: dict[int, set[int]] = defaultdict(set)
        for ent, _, key in self.parts:
            out[key]
            if ent != key:
                out[key].add(ent)
        return {k: frozenset(v) for k, v in out.items()}


def _period(start: dt.date, end: dt.date | None, precision: str) -> Interval:
    if end is not None:
        return start, end
    if precision == "month":
        return start.replace(day=1), start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if precision == "year":
        return start.replace(month=1, day=1), start.replace(month=12, day=31)
    return start, start


def _shift(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return INF_LO if days < 0 else INF_HI


@lru_cache(maxsize=1)
def _weekday_words() -> dict[str, int]:
    from .extract.dates import DateFinder

    return DateFinder.load("ar+en").weekday_of


_WORD = re.compile(r"[^\W\d_]+")


def weekday_named(sentence: str) -> int | None:
    """The one weekday a sentence names ("والأربعاء، عقد ..."), 0 = Monday; None for none or several."""
    words = _weekday_words()
    found = set()
    for w in _WORD.findall(fold(sentence).text):
        for form in (w, w[1:] if w[:1] in "وفبل" else None, w[2:] if w[:2] in ("وب", "ول", "فب") else None):
            if form and form in words:
                found.add(words[form])
                break
    return found.pop() if len(found) == 1 else None


def keys_for(t: Telling) -> None:
    """Block, match range and (for a floating telling) weekday: what fusion looks it up by."""
    keys = sorted({k for _, _, k in t.parts})
    if t.type == "visit":
        src = sorted({k for _, r, k in t.parts if r == "source"})
        dst = sorted({k for _, r, k in t.parts if r != "source"})
        who = ",".join(map(str, src)) + ">" + ",".join(map(str, dst))
    else:
        who = ",".join(map(str, keys))
    t.block = f"{t.type}|{t.modality}|{who}"
    if t.own is not None:
        t.match = (_shift(t.own[0], -SLACK), _shift(t.own[1], SLACK))
    elif t.published is not None:
        if t.modality == "planned":
            t.match = (t.published, _shift(t.published, PLAN_WINDOW))
        else:
            t.match = (_shift(t.published, -WINDOWS.get(t.type, 30)), t.published)
    else:
        t.match = None
        t.weekday = weekday_named(t.evidence)


# ---------------------------------------------------------------------------- clustering (pure)
def _overlap(a: Interval | None, b: Interval | None) -> bool:
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


def _meet(a: Interval | None, b: Interval | None) -> Interval | None:
    if a is None or b is None:
        return a or b
    return (max(a[0], b[0]), min(a[1], b[1]))


def _persons_fit(a: dict[int, frozenset[int]], b: dict[int, frozenset[int]]) -> bool:
    """No state is represented by two different people: a person fits their state, or the same person."""
    return all(not a[k] or not b.get(k) or a[k] & b[k] for k in a)


def _names_someone(a: dict[int, frozenset[int]], b: dict[int, frozenset[int]]) -> bool:
    mine = frozenset().union(*a.values()) if a else frozenset()
    theirs = frozenset().union(*b.values()) if b else frozenset()
    return not mine or bool(mine & theirs)


@dataclass
class Cluster:
    members: list[Telling] = field(default_factory=list)
    own: Interval | None = None  # what the own dates agree on (the first one's where they conflict)
    window: Interval | None = None
    persons: dict[int, frozenset[int]] = field(default_factory=dict)
    articles: set[int] = field(default_factory=set)
    id: int | None = None

    @property
    def key(self) -> str:
        return min(t.key for t in self.members)

    @property
    def anchored(self) -> list[Telling]:
        return [t for t in self.members if t.match is not None]

    def fits(self, t: Telling) -> bool:
        if not _persons_fit(t.persons, self.persons):
            return False
        if t.own is not None:
            near = self.own is None or _overlap(t.own, self.own) or (
                t.own[0] == t.own[1] and self.own[0] == self.own[1] and abs((t.own[0] - self.own[0]).days) <= SLACK)
            return near and _overlap(t.own, self.window)
        return _overlap(t.match, self.own) and _overlap(t.match, self.window)

    def add(self, t: Telling) -> None:
        self.members.append(t)
        self.articles.add(t.article_id)
        for k, v in t.persons.items():
            self.persons[k] = self.persons.get(k, frozenset()) | v
        if t.own is not None:
            self.own = t.own if self.own is None else (_meet(self.own, t.own) if _overlap(self.own, t.own) else self.own)
        elif t.match is not None:
            self.window = t.match if self.window is None else _meet(self.window, t.match)

    def rank(self) -> tuple:
        """Best first: the most articles, then the most recently reported, then the content key."""
        return _rank(len(self.articles), max((t.published for t in self.members if t.published), default=None),
                     self.key)


def _rank(articles: int, last_reported: dt.date | None, key: str) -> tuple:
    return (-articles, -(last_reported or INF_LO).toordinal(), key)


def _order(t: Telling) -> tuple:
    if t.own is not None:
        return (0, (t.own[1] - t.own[0]).days, t.own[0], t.key)
    return (1, 0, t.match[0], t.key)


def cluster_anchored(tellings: list[Telling]) -> list[Cluster]:
    """Dated (or windowed) tellings of one block: most precise first, each to the best cluster it fits."""
    clusters: list[Cluster] = []
    for t in sorted(tellings, key=_order):
        fits = [c for c in clusters if c.fits(t)]
        if fits:
            min(fits, key=Cluster.rank).add(t)
        else:
            c = Cluster()
            c.add(t)
            clusters.append(c)
    return clusters


@dataclass
class Anchor:
    """What a floating telling is matched against: an anchored cluster, in memory or as stored."""

    id: int | None
    block: str
    rank: tuple
    persons: dict[int, frozenset[int]]
    cluster: Cluster | None = None


def assign_floating(floating: list[Telling], anchors: list[Anchor]) -> tuple[dict[str, Anchor], list[Cluster]]:
    """Undated tellings of undated articles: to the best-reported anchored cluster that fits them
    (sharing a person when they name one), else grouped among themselves (GROUP_FLOATING types)."""
    ranked = sorted(anchors, key=lambda a: a.rank)
    chosen: dict[str, Anchor] = {}
    alone: list[Cluster] = []
    for t in sorted(floating, key=lambda t: t.key):
        p = t.persons
        best = next((a for a in ranked if _persons_fit(p, a.persons) and _names_someone(p, a.persons)), None)
        if best is not None:
            chosen[t.key] = best
            continue
        home = next((c for c in alone if t.type in GROUP_FLOATING and _persons_fit(p, c.persons)
                     and _names_someone(p, c.persons)), None)
        if home is None:
            home = Cluster()
            alone.append(home)
        home.add(t)
    return chosen, alone


# ---------------------------------------------------------------------------- summaries (pure)
def _precision(lo: dt.date, hi: dt.date) -> tuple[str, dt.date | None]:
    if lo == hi:
        return "day", None
    if lo.day == 1 and hi == _period(lo, None, "month")[1]:
        return "month", None
    if (lo.month, lo.day) == (1, 1) and hi == lo.replace(month=12, day=31):
        return "year", None
    return "day", hi


def fused_date(members: list[Telling]) -> dict:
    """The date the tellings agree on: own dates intersected, then narrowed by named weekdays.
    Disagreeing dates keep the one most articles give (then the narrowest) and set the conflict flag."""
    dated = [t for t in members if t.own is not None]
    reported: dict[str, tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for t in dated:
        reported[t.own_label][0].add(t.id)
        reported[t.own_label][1].add(t.article_id)
    dates_reported = [{"date": k, "tellings": len(v[0]), "articles": len(v[1])} for k, v in sorted(reported.items())]
    out = {"date_start": None, "date_end": None, "date_last": None, "date_precision": None, "date_origin": None,
           "date_conflict": False, "dates_reported": dates_reported}
    if not dated:
        days = sorted(t.published for t in members if t.published)
        if days:
            out.update(date_start=days[0], date_last=days[0], date_precision="day", date_origin="article")
        return out
    lo, hi = INF_LO, INF_HI
    for t in dated:
        lo, hi = max(lo, t.own[0]), min(hi, t.own[1])
    if lo > hi:
        out["date_conflict"] = True
        support: dict[Interval, set[int]] = defaultdict(set)
        for t in dated:
            support[t.own].add(t.article_id)
        lo, hi = min(support, key=lambda iv: (-len(support[iv]), (iv[1] - iv[0]).days, iv[0]))
    for w in sorted({t.weekday for t in members if t.weekday is not None and t.type in POINT_TYPES}):
        if (hi - lo).days > 31:
            break
        days = [lo + dt.timedelta(days=k) for k in range((hi - lo).days + 1)]
        fit = [d for d in days if d.weekday() == w]
        if fit:
            lo, hi = fit[0], fit[-1]
        else:
            out["date_conflict"] = True
    precision, end = _precision(lo, hi)
    exact = any(t.own == (lo, hi) for t in dated)
    out.update(date_start=lo, date_end=end, date_last=hi, date_precision=precision,
               date_origin="text" if exact else "fused")
    return out


def summary(members: list[Telling]) -> dict:
    """A canonical event's row and participants from all its tellings."""
    first = members[0]
    anchored = [t for t in members if t.match is not None]
    roles: dict[int, Counter] = defaultdict(Counter)
    for t in members:
        for ent, role, _ in t.parts:
            roles[ent][role] += 1
    parts = [(ent, min(c, key=lambda r: (-c[r], ROLE_ORDER[r])), sum(c.values())) for ent, c in sorted(roles.items())]
    published = sorted(t.published for t in members if t.published)
    best = min(members, key=lambda t: ((t.own[1] - t.own[0]).days if t.own else 10**6, t.key))
    row = {"type": first.type, "modality": first.modality, "fusion_block": first.block,
           "tellings": len(members), "articles": len({t.article_id for t in members}),
           "outlets": len({t.outlet for t in members if t.outlet}),
           "dated_articles": len({t.article_id for t in anchored}),
           "first_reported": published[0] if published else None,
           "last_reported": published[-1] if published else None,
           "fusion_key": min(t.key for t in members), "evidence": best.evidence, **fused_date(members)}
    return {"row": row, "parts": parts}


# ---------------------------------------------------------------------------- database
_SELECT = """
SELECT e.id, a.content_sha256 || ':' || lpad(e.evidence_start::text, 7, '0') || ':' || e.type AS key,
       e.article_id, e.type, e.modality, e.date_start, e.date_end, e.date_precision, a.published_on, a.outlet,
       e.evidence, e.canonical_id, e.fusion_block, e.match_lo, e.match_hi, e.date_weekday,
       array_agg(ep.entity_id ORDER BY ep.entity_id) AS ents, array_agg(ep.role ORDER BY ep.entity_id) AS roles,
       array_agg(CASE WHEN n.kind = 'state' THEN n.id ELSE coalesce(n.country_id, n.id) END
                 ORDER BY ep.entity_id) AS keys
FROM events e
JOIN articles a ON a.id = e.article_id
JOIN segments s ON s.id = e.segment_id
JOIN event_participants ep ON ep.event_id = e.id
JOIN entities n ON n.id = ep.entity_id
WHERE s.kind NOT IN ('related', 'boilerplate') AND ({where})
GROUP BY e.id, a.id
"""


def _tellings(conn: Connection, where: str, params: dict, keyed: bool = True) -> list[Telling]:
    out = []
    for r in conn.execute(text(_SELECT.format(where=where)), params):
        from .records import iso_cut

        own = _period(r.date_start, r.date_end, r.date_precision) if r.date_start else None
        label = None
        if own:
            label = iso_cut(r.date_start, r.date_precision) + (f"/{r.date_end.isoformat()}" if r.date_end else "")
        parts = list(zip(r.ents, r.roles, r.keys))
        t = Telling(r.id, r.key + ":" + ",".join(map(str, r.ents)), r.article_id, r.type, r.modality, own, label,
                    r.published_on, r.outlet, r.evidence, r.canonical_id, parts)
        if keyed:
            t.block = r.fusion_block
            t.match = (r.match_lo, r.match_hi) if r.match_lo else None
            t.weekday = r.date_weekday
        out.append(t)
    return out


def _arr(kind):
    return ARRAY(kind)


def _store_keys(conn: Connection, tellings: list[Telling]) -> None:
    if not tellings:
        return
    conn.execute(text(
        "UPDATE events e SET fusion_block = v.b, match_lo = v.lo, match_hi = v.hi, date_weekday = v.w "
        "FROM unnest(:ids, :blocks, :los, :his, :wds) AS v(id, b, lo, hi, w) WHERE e.id = v.id"
    ).bindparams(bindparam("ids", type_=_arr(BIGINT)), bindparam("blocks", type_=_arr(TEXT)),
                 bindparam("los", type_=_arr(DATE)), bindparam("his", type_=_arr(DATE)),
                 bindparam("wds", type_=_arr(INTEGER))),
        {"ids": [t.id for t in tellings], "blocks": [t.block for t in tellings],
         "los": [t.match[0] if t.match else None for t in tellings],
         "his": [t.match[1] if t.match else None for t in tellings],
         "wds": [t.weekday for t in tellings]})


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
    own = _tellings(conn, "a.content_sha256 = :sha", {"sha": sha256}, keyed=False)
    for t in own:
        keys_for(t)
    _store_keys(conn, own)
    blocks = {t.block for t in own}
    seeds: dict[str, Interval] = {}
    stale_ids = sorted(stale)
    if stale_ids:
        for block, lo, hi in conn.execute(text(
                "SELECT c.fusion_block, min(e.match_lo), max(e.match_hi) FROM canonical_events c "
                "LEFT JOIN events e ON e.canonical_id = c.id WHERE c.id = ANY(:ids) GROUP BY c.fusion_block"),
                {"ids": stale_ids}):
            blocks.add(block)
            if lo is not None:
                seeds[block] = (lo, hi)
    if not blocks:
        return 0
    _lock(conn, sorted(blocks))
    for t in own:
        if t.match is not None:
            lo, hi = seeds.get(t.block, t.match)
            seeds[t.block] = (min(lo, t.match[0]), max(hi, t.match[1]))
    for b in blocks:
        seeds.setdefault(b, (INF_HI, INF_LO))  # an empty range: only the block's floating tellings
    got = _component(conn, seeds)
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
        out.append(Anchor(r.id, r.fusion_block, _rank(r.dated_articles, r.last_reported, r.fusion_key),
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
        anchors = [Anchor(None, block, c.rank(), _anchored_persons(c), c) for c in mine]
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
    _write(conn, clusters, old)
    return len(clusters)


def _anchored_persons(c: Cluster) -> dict[int, frozenset[int]]:
    out: dict[int, frozenset[int]] = {}
    for t in c.anchored:
        for k, v in t.persons.items():
            out[k] = out.get(k, frozenset()) | v
    return out


def _write(conn: Connection, clusters: list[Cluster], old: set[int]) -> None:
    """Give each cluster an id (the stored one most of its tellings had), write rows, drop the rest."""
    taken: set[int] = set()
    for c in sorted(clusters, key=lambda c: c.key):
        if c.id is not None:
            taken.add(c.id)
    for c in sorted(clusters, key=lambda c: c.key):
        if c.id is None:
            votes = Counter(t.canonical_id for t in c.members if t.canonical_id in old and t.canonical_id not in taken)
            if votes:
                c.id = min(votes, key=lambda i: (-votes[i], i))
                taken.add(c.id)
    fresh = [c for c in clusters if c.id is None]
    if fresh:
        ids = conn.execute(text("SELECT nextval('canonical_events_id_seq') FROM generate_series(1, :n)"),
                           {"n": len(fresh)}).scalars().all()
        for c, i in zip(sorted(fresh, key=lambda c: c.key), sorted(ids)):
            c.id = i
    rows, parts, links = [], [], []
    for c in clusters:
        s = summary(sorted(c.members, key=lambda t: t.key))
        row = s["row"]
        row["dates_reported"] = json.dumps(row["dates_reported"])
        rows.append({"id": c.id, **row})
        dated = Counter(ent for t in c.anchored for ent, _, _ in t.parts)
        parts += [{"c": c.id, "e": ent, "r": role, "n": n, "d": dated[ent], "ds": row["date_start"]}
                  for ent, role, n in s["parts"]]
        links += [(t.id, c.id) for t in c.members if t.canonical_id != c.id]
    if rows:
        cols = list(rows[0])
        updates = ", ".join(f"{k} = EXCLUDED.{k}" for k in cols if k != "id")
        conn.execute(text(f"INSERT INTO canonical_events ({', '.join(cols)}) VALUES "
                          f"({', '.join(':' + k if k != 'dates_reported' else 'CAST(:dates_reported AS jsonb)' for k in cols)}) "
                          f"ON CONFLICT (id) DO UPDATE SET {updates}"), rows)
    if links:
        conn.execute(text("UPDATE events e SET canonical_id = v.c FROM unnest(:ids, :cs) AS v(id, c) WHERE e.id = v.id")
                     .bindparams(bindparam("ids", type_=_arr(BIGINT)), bindparam("cs", type_=_arr(BIGINT))),
                     {"ids": [a for a, _ in links], "cs": [b for _, b in links]})
    written = sorted(c.id for c in clusters)
    if written:
        conn.execute(text("DELETE FROM canonical_event_participants WHERE canonical_id = ANY(:ids)"), {"ids": written})
    if parts:
        conn.execute(text("INSERT INTO canonical_event_participants "
                          "(canonical_id, entity_id, role, tellings, dated_tellings, date_start) "
                          "VALUES (:c, :e, :r, :n, :d, :ds)"), parts)
    gone = sorted(old - set(written))
    if gone:
        conn.execute(text("DELETE FROM canonical_events WHERE id = ANY(:ids)"), {"ids": gone})


def stale_for(conn: Connection, path: str, sha256: str) -> set[int]:
    """Happenings told by the stored article a load is about to replace (same path or same content)."""
    return set(conn.execute(text(
        "SELECT DISTINCT e.canonical_id FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE (a.source_path = :p OR a.content_sha256 = :s) AND e.canonical_id IS NOT NULL"),
        {"p": path, "s": sha256}).scalars())


def rebuild(conn: Connection) -> int:
    """Recompute every canonical event from all tellings; the number of canonical events."""
    conn.execute(text("LOCK TABLE canonical_events IN EXCLUSIVE MODE"))
    conn.execute(text("UPDATE events SET canonical_id = NULL, fusion_block = NULL, match_lo = NULL, "
                      "match_hi = NULL, date_weekday = NULL WHERE fusion_block IS NOT NULL OR canonical_id IS NOT NULL"))
    conn.execute(text("DELETE FROM canonical_events"))
    tellings = _tellings(conn, "true", {}, keyed=False)
    for t in tellings:
        keys_for(t)
    _store_keys(conn, tellings)
    for t in tellings:
        t.canonical_id = None
    return _refuse(conn, tellings, set())
