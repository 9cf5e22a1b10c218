"""Linked happenings: an undated event takes the date of the happening it is part of.

Adds dates that no sentence gives its event but the article fixes, as an annotator reads them
from the whole article: what is told "during" a visit or a summit happened when that did
("During Putin's visit to Pyongyang, the two sides signed …", "وقّع الجانبان خلال القمة …"),
and a visit and the talks its visitor held with the host are one trip, so the one that is
dated dates the other. The words that put an event inside another are the trigger data's
`within`. And the headline and the lead sentence tell the news of the day: what they tell
as done, with no date of its own, takes the date the article gives that happening elsewhere,
else is marked as dated by the article ("Riyadh, 11 March 2023: Iran and Saudi Arabia agreed
to …"): the export gives it the publication date, fusion still the window before it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..normalize import norm
from ..records import Article, DateExpr, Event, Mention, Segment
from ..registry import Registry
from .triggers import TriggerSet

CONTAINERS = ("visit", "meeting")
BEFORE = 40  # characters before a container's trigger where its "during" word stands
RECENT = 31  # days from the article's date within which a trip is the one it reports
GAP = 3  # words between them at most ("during the Russian president's visit")
QUIET = 1  # sentences that tell nothing an occasion may go on past


def link_dates(events: list[Event], text: str, languages: dict[int, str], triggers: dict[str, TriggerSet],
               registry: Registry, day: dt.date | None = None) -> None:
    """Date each undated, undenied event from its container, else from the trip it belongs to;
    only where the article offers one date for it."""
    dated = [e for e in events if e.date is not None and e.modality != "negated"]
    if not dated:
        return
    tsets = {id(e): triggers.get(languages.get(e.segment_order, "ar")) or triggers["ar"] for e in events}
    # a call or letter is no part of a trip ("had spoken to Kishida on phone in October 2021")
    trips = [e for e in events if not (e.type == "meeting" and _remote(e, text, tsets[id(e)]))]
    for ev in events:
        if ev.date is not None or ev.date_unread or ev.modality == "negated":
            continue
        ts = tsets[id(ev)]
        ev.date = _container_date(ev, events, dated, text, ts) or _trip_date(ev, trips, registry, day) \
            or _talks_date(ev, dated)


def sequel_dates(events: list[Event], text: str, segments: list[Segment], dates: list[DateExpr],
                 triggers: dict[str, TriggerSet], registry: Registry, mentions: list[Mention] = (),
                 day: dt.date | None = None) -> None:
    """A sentence that goes on with the occasion the one before it dated, with no date of its own, tells
    what happened then ("استقبل السيسي أمس الأربعاء أردوغان … ووقّع الرئيسان إعلانا مشتركا", "… hosted
    Erdogan on Wednesday. The two leaders signed …"): its undated events that share a party with that
    occasion (or whose states are its people's) take its date, unless told as background or a possibility (the
    trigger data's `background`). Where the sentence before tells no event of its own (a statement: "قال
    بلينكن اليوم الاثنين إن …"), its one day and the parties it names are the occasion."""
    sides = lambda e: set(e.names()) | {registry.home_of(n) for n in e.names()} - {None}  # noqa: E731
    by_order = {s.order: s for s in segments}
    own = {e.segment_order for e in events if e.date is not None}  # sentences that date something themselves
    for ev in events:
        if ev.date is not None or ev.date_unread or ev.dated_by_article or ev.modality != "asserted":
            continue
        seg, before = by_order.get(ev.segment_order), _told_before(ev.segment_order, by_order, events, dates, text)
        if seg is None or before is None or seg.kind != "body":
            continue
        if any(seg.start <= d.start < seg.end for d in dates) or seg.order in own:
            continue
        ts = triggers.get(seg.language) or triggers["ar"]
        lead = norm(text[ev.sentence_start:ev.trigger_start]).split()
        if any(w in ts.background or w[:1] in ("و", "ف") and w[1:] in ts.background for w in lead):
            continue
        occasion = [e for e in events if e.segment_order == before.order and e.modality == "asserted"
                    and e.date is not None and e.date.precision == "day"]
        if occasion and set().union(*map(sides, occasion)) & sides(ev) and not _elsewhere(ev, occasion):
            ev.date = _one_date(occasion)
        elif not occasion:
            said = {(d.iso(), d.iso_end()): d for d in dates if before.start <= d.start < before.end}
            named = {m.actor_name for m in mentions if m.segment_order == before.order and m.actor_name}
            named |= {registry.home_of(n) for n in named} - {None}
            d = next(iter(said.values())) if len(said) == 1 else None
            if d is not None and d.precision == "day" and (day is None or d.value <= day) and named & sides(ev):
                ev.date = d


def _told_before(order: int, by_order: dict[int, Segment], events: list[Event], dates: list[DateExpr],
                 text: str) -> Segment | None:
    """The sentence before, in the same paragraph; past one that tells nothing, no event and no date, the
    one before that ("نفت كيم يو جونغ اليوم الجمعة … وقالت في بيان إن … واتهمت كيم يو جونغ واشنطن")."""
    later = by_order.get(order)
    for back in range(1, QUIET + 2):
        before = by_order.get(order - back)
        if before is None or later is None or before.kind != "body" or "\n\n" in text[before.end:later.start]:
            return None
        if back > QUIET or any(e.segment_order == before.order for e in events) or any(
                before.start <= d.start < before.end for d in dates):
            return before
        later = before
    return None


def _elsewhere(ev: Event, occasion: list[Event]) -> bool:
    """The event took place in another state than the occasion ("visited Kyiv on Friday. Modi, who came from
    talks with Tusk in Warsaw, …"): not the same day's happening."""
    here = ev.place.country if ev.place and ev.type in CONTAINERS else None  # (an accusation's place is its topic's)
    there = {o.place.country for o in occasion if o.type in CONTAINERS and o.place and o.place.country}
    return here is not None and bool(there) and here not in there


def trip_purposes(events: list[Event], text: str, languages: dict[int, str], triggers: dict[str, TriggerSet]) -> None:
    """Talks told as what a planned trip is for ("Putin will travel to Beijing next month for talks with Xi",
    "سيزور بوتين بكين لإجراء محادثات مع شي") are planned too, and on the trip's date."""
    for ev in events:
        if ev.type != "meeting" or ev.modality != "asserted":
            continue
        ts = triggers.get(languages.get(ev.segment_order, "ar")) or triggers["ar"]
        lead = norm(text[max(ev.sentence_start, ev.trigger_start - 16):ev.trigger_end]).split()
        if not any(_ends_with(lead[:-1], p.split()) or _ends_with(lead, p.split()) for p in ts.purpose):
            continue  # "for talks", "لإجراء محادثات", or the trigger itself ("للقاء")
        trip = next((v for v in events if v.type == "visit" and v.modality == "planned" and v.sentence_start ==
                     ev.sentence_start and v.trigger_end <= ev.trigger_start), None)
        if trip is not None:
            ev.modality = "planned"
            if ev.date is None or trip.date is not None and ev.date.start == trip.date.start:
                ev.date = trip.date  # the trip's date, read forward as a plan's


def orphan_dates(events: list[Event], orphans: list[tuple[str, DateExpr]]) -> None:
    """A dated mention without parties ("the treaty was signed on 19 June") dates the article's one
    undated telling of that happening."""
    for etype, date in orphans:
        undated = [e for e in events if e.type == etype and not (e.date or e.date_unread) and not e.negated]
        if undated and len({frozenset(e.names()) for e in undated}) == 1:
            for e in undated:
                e.date = date


def lead_dates(events: list[Event], segments: list[Segment], article: Article) -> None:
    """Date the undated events told as done in the headline or the lead sentence by the date the article
    gives the same happening elsewhere (within a month of its own), else mark them dated by the article."""
    if article.published_on is None:
        return
    body = next((s.order for s in segments if s.section == "main" and s.kind == "body"), None)
    lead = {s.order for s in segments if s.kind == "title"} | {body}
    day = article.published_on
    dated = [e for e in events if e.date is not None and e.modality == "asserted" and _recent(e.date, day)]
    for ev in events:
        if ev.date is None and not ev.date_unread and ev.modality == "asserted" and ev.segment_order in lead:
            ev.date = _one_date([d for d in dated if d.type == ev.type and _same_parties(d, ev)])
            ev.dated_by_article = ev.date is None


def _container_date(ev: Event, events: list[Event], dated: list[Event], text: str, ts: TriggerSet) -> DateExpr | None:
    for c in events:
        if c is ev or c.type not in CONTAINERS or c.sentence_start != ev.sentence_start or c.modality == "negated":
            continue
        lead = text[max(ev.sentence_start, c.trigger_start - BEFORE):c.trigger_start]
        lead = norm(re.split(r"[،,.؛;:]", lead)[-1]).split()
        if not any(_ends_with(lead[:len(lead) - gap], w.split()) for w in ts.within for gap in range(GAP + 1)):
            continue
        return c.date or _one_date([d for d in dated if d.type == c.type and _same_parties(d, c)])
    return None


def _talks_date(ev: Event, dated: list[Event]) -> DateExpr | None:
    """What two agreed in the talks their sentence dates ("اتفق يون وزيلينسكي، في اتصال هاتفي أمس الثلاثاء، على"):
    the talks' day, where they are the same two."""
    if ev.type not in ("agreement", "cooperation"):
        return None
    return _one_date([m for m in dated if m.type == "meeting" and m.sentence_start == ev.sentence_start
                      and m.modality == ev.modality and set(m.names()) == set(ev.names())])


def _ends_with(words: list[str], phrase: list[str]) -> bool:
    """The words end with the phrase; its first word may carry و or ف ("وخلال")."""
    n = len(phrase)
    if len(words) < n or words[len(words) - n + 1:] != phrase[1:]:
        return False
    first = words[len(words) - n]
    return first == phrase[0] or first[:1] in ("و", "ف") and first[1:] == phrase[0]


def _remote(ev: Event, text: str, ts: TriggerSet) -> bool:
    """A meeting told as a call or a letter: a remote word near its trigger."""
    near = norm(text[max(ev.sentence_start, ev.trigger_start - 20):min(ev.sentence_end, ev.trigger_end + 30)]).split()
    return any(w in ts.remote for w in near)


def _same_parties(a: Event, b: Event) -> bool:
    x, y = set(a.names()), set(b.names())
    return bool(x and y) and (x <= y or y <= x)


def _trip_date(ev: Event, events: list[Event], registry: Registry, day: dt.date | None) -> DateExpr | None:
    """A visit of X to S and X's talks with S (or one of S's people) share one trip's date, where
    the article tells one trip: no other dated visit of X to S, and no undated one beside a dated
    one unless that one is the news of the day (within a month of the date the article prints)."""
    names = ev.names()
    if len(names) < 2 or ev.type not in ("visit", "meeting"):
        return None
    if ev.type == "visit":
        visitor, host = names[0], names[-1]
        talks = [m for m in events if m.type == "meeting" and m.date is not None and m.modality == ev.modality
                 and visitor in m.names() and any(p != visitor and registry.home_of(p) == host for p in m.names())
                 and (m.place is None or m.place.country in (None, host))]  # (not "met Xi … at the G20 in Bali")
        date = _one_date(talks)
        trips = [v for v in events if v.type == "visit" and v.date is not None and v.names()[:1] == [visitor]
                 and v.names()[-1] == host]
        return date if date is not None and all(v.date.iso()[:7] == date.iso()[:7] for v in trips) else None
    if any(m.type == "meeting" and m.date is not None and set(m.names()) == set(names) for m in events):
        return None  # the talks are dated where they are told again: the trip's day may not be theirs
    homes = {registry.home_of(p) for p in names}
    trips = [v for v in events if v.type == "visit" and v.modality == ev.modality and len(v.names()) >= 2
             and v.names()[0] in names and v.names()[-1] in homes - {registry.home_of(v.names()[0])}]
    date = _one_date(trips)
    if date is not None and any(v.date is None for v in trips) and not _recent(date, day):
        return None
    return _within_month(date) if date is not None and date.value_end else date


def _recent(date: DateExpr, day: dt.date | None) -> bool:
    return day is not None and abs((date.value - day).days) <= RECENT


def _one_date(candidates: list[Event]) -> DateExpr | None:
    """The candidates' date when they agree on one (cut alike), else none."""
    dates = {(e.date.iso(), e.date.iso_end()): e.date for e in candidates if e.date is not None}
    return next(iter(dates.values())) if len(dates) == 1 else None


def _within_month(date: DateExpr) -> DateExpr | None:
    """Talks held during a trip of several days fall in its month, when it lies in one."""
    end = date.value_end
    if end is None or (end.year, end.month) != (date.value.year, date.value.month) or date.precision == "year":
        return None
    return replace(date, value=date.value.replace(day=1), value_end=None, precision="month", bare=None)
