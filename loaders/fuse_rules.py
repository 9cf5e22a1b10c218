"""Fusion rules: when two tellings are one happening, and the date a happening's tellings agree on.

Pure functions over `Telling`s (no database), used by `fuse` at load time and by `fuse.rebuild`.
A telling's block is its type, modality and the states of its participants (a person counts
as the state the registry gives them; directed source>target for visits); inside a block,
tellings fit when no state is represented by two different people and their dates fit as
constraints: a day inside a month, overlapping ranges, a weekday picking the one day of a
range (for one-day types). An undated telling is matched through a window before its
article's publication (per type); one in an undated article ("floating") goes to the
best-reported anchored cluster that names one of its people. Days that differ by at most
`SLACK` stay one happening with a flagged conflict.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .normalize import fold

# days before its article's publication an undated telling may lie in
WINDOWS = {"visit": 30, "meeting": 30, "agreement": 30, "cooperation": 60, "invitation": 60}
PLAN_WINDOW = 365  # days after publication a plan may come true in
SLACK = 2  # days two single-day dates may differ by and still be one happening (flagged as a conflict)
# Types whose undated tellings join a dated happening (through a window before their article's
# publication) or, in undated articles ("floating"), the best-reported one or each other; undated
# statements and accusations (said again and again) stay alone, and are never read again.
GROUP_FLOATING = ("visit", "meeting", "agreement", "cooperation", "invitation")
POINT_TYPES = {"meeting", "agreement", "invitation", "accusation", "statement"}  # one day: a weekday can pin it
ROLE_ORDER = {"source": 0, "target": 1, "other": 2}
RELATED = ("related", "boilerplate")  # segment kinds outside the article proper: their events are not fused
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
    sentences: list[str] = field(default_factory=list)  # every sentence telling it (one event may merge several)
    keyed: bool = True  # block, range and weekday are stored (False: computed here, not written yet)
    stored: bool = True  # its row exists (False: `store_article` is about to copy it)
    # a stored floating telling's happening as stored: its rank when it has dated tellings, or that it has none
    held_rank: tuple | None = None
    held_floating: bool = False

    @cached_property
    def persons(self) -> dict[int, frozenset[int]]:
        """For each state key, the participants named below it (people, bodies, places)."""
        out: dict[int, set[int]] = defaultdict(set)
        for ent, _, key in self.parts:
            out[key]
            if ent != key:
                out[key].add(ent)
        return {k: frozenset(v) for k, v in out.items()}


def period(start: dt.date, end: dt.date | None, precision: str) -> Interval:
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


def weekday_named(sentences: list[str]) -> int | None:
    """The one weekday the sentences name ("والأربعاء، عقد ..."), 0 = Monday; None for none or several."""
    words = _weekday_words()
    found = set()
    for w in _WORD.findall(fold(" ".join(sentences)).text):
        for form in (w, w[1:] if w[:1] in "وفبل" else None, w[2:] if w[:2] in ("وب", "ول", "فب") else None):
            if form and form in words:
                found.add(words[form])
                break
    return found.pop() if len(found) == 1 else None


def keys_for(t: Telling) -> None:
    """Block (unless the database gave it), match range and (for a floating telling) weekday:
    what fusion looks it up by."""
    if not t.block:
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
    elif t.published is not None and t.type in GROUP_FLOATING:
        if t.modality == "planned":
            t.match = (t.published, _shift(t.published, PLAN_WINDOW))
        else:
            t.match = (_shift(t.published, -WINDOWS.get(t.type, 30)), t.published)
    else:
        t.match = None
        t.weekday = weekday_named(t.sentences or [t.evidence])


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
        # the dates first: most clusters of a block fail on them, and they cost less than the people
        if t.own is not None:
            near = self.own is None or _overlap(t.own, self.own) or (
                t.own[0] == t.own[1] and self.own[0] == self.own[1] and abs((t.own[0] - self.own[0]).days) <= SLACK)
            return near and _overlap(t.own, self.window) and _persons_fit(t.persons, self.persons)
        # without a date of its own, a telling naming people joins only a cluster naming one of them
        return (_overlap(t.match, self.own) and _overlap(t.match, self.window) and _persons_fit(t.persons, self.persons)
                and _names_someone(t.persons, self.persons))

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
        return rank_key(len(self.articles), max((t.published for t in self.members if t.published), default=None),
                     self.key)


def rank_key(articles: int, last_reported: dt.date | None, key: str) -> tuple:
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
    """Undated tellings of undated articles (GROUP_FLOATING types): to the best-reported anchored
    cluster that fits them (sharing a person when they name one), else grouped among themselves;
    other types alone."""
    ranked = sorted(anchors, key=lambda a: a.rank)
    chosen: dict[str, Anchor] = {}
    alone: list[Cluster] = []
    for t in sorted(floating, key=lambda t: t.key):
        p, groups = t.persons, t.type in GROUP_FLOATING
        best = next((a for a in ranked if groups and _persons_fit(p, a.persons) and _names_someone(p, a.persons)),
                    None)
        if best is not None:
            chosen[t.key] = best
            continue
        home = next((c for c in alone if groups and _persons_fit(p, c.persons) and _names_someone(p, c.persons)),
                    None)
        if home is None:
            home = Cluster()
            alone.append(home)
        home.add(t)
    return chosen, alone


# ---------------------------------------------------------------------------- summaries (pure)
def _precision(lo: dt.date, hi: dt.date) -> tuple[str, dt.date | None]:
    if lo == hi:
        return "day", None
    if lo.day == 1 and hi == period(lo, None, "month")[1]:
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
           "fusion_key": min(t.key for t in anchored or members),  # what ranks it for floating tellings
           "evidence": best.evidence, **fused_date(members)}
    return {"row": row, "parts": parts}




def anchored_persons(c: Cluster) -> dict[int, frozenset[int]]:
    out: dict[int, frozenset[int]] = {}
    for t in c.anchored:
        for k, v in t.persons.items():
            out[k] = out.get(k, frozenset()) | v
    return out


def fuse_all(tellings: list[Telling]) -> list[Cluster]:
    """Every happening of a complete set of keyed tellings (what the database holds after `rebuild`)."""
    by_block: dict[str, list[Telling]] = defaultdict(list)
    for t in tellings:
        by_block[t.block].append(t)
    out: list[Cluster] = []
    for block, ts in sorted(by_block.items()):
        mine = cluster_anchored([t for t in ts if t.match is not None])
        chosen, alone = assign_floating([t for t in ts if t.match is None],
                                        [Anchor(None, block, c.rank(), anchored_persons(c), c) for c in mine])
        for t in ts:
            if t.key in chosen:
                chosen[t.key].cluster.add(t)
        out += mine + alone
    return out
