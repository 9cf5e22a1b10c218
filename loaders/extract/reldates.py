"""Resolve: date hits found in text → calendar values, against the publication date.

Adds the calendar arithmetic of the date stage: a `Hit` (what `DateFinder` matched: day,
month, year, weekday, qualifier, offset) becomes a value, an end value and whether the
publication date (the anchor) was needed. Relative forms ("الثلاثاء الماضي", "سبتمبر
الماضي", "أمس", "last month") need the anchor and resolve to None without it: never guessed.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace


@dataclass
class Hit:
    """A match before resolution; offsets into the folded text."""

    start: int
    end: int
    kind: str  # dm (day and month), dp (day of a relative month), num, m (month), y, wd (weekday), rel (day), period
    day: int | None = None
    day2: int | None = None  # "11 إلى 17 سبتمبر"
    month: int | None = None
    year: int | None = None  # as written
    year2: int | None = None
    qual: int | None = None  # -1 past, +1 next, 0 current ("سبتمبر الماضي", "last Tuesday")
    rel_year: int | None = None  # "أكتوبر من العام الماضي"
    weekday: int | None = None
    offset: int | None = None  # days for rel, months or years for period
    unit: str | None = None  # month/year for period
    upto: Hit | None = None  # the end of a range joined from two hits
    near: bool = False  # "اليوم الخميس": the weekday nearest the anchor, whose day may lag the writing by one
    forward: bool = False  # "seven months after X": X's date, nothing before it


def join(a: Hit, b: Hit) -> Hit:
    """Range a..b, a borrowing the year (or qualifier) it leaves out from b."""
    a = replace(a)
    if a.year is None and a.qual is None and a.rel_year is None:
        if b.year is not None:
            later = (a.month or 1, a.day or 1) > (b.month or 1, b.day or 1)
            a.year = b.year - 1 if later else b.year
        else:
            a.qual, a.rel_year = b.qual, b.rel_year
    if a.kind == "y":
        return replace(a, end=b.end, year2=b.year)
    return replace(a, end=b.end, upto=b)


def resolve(h: Hit, anchor: dt.date | None, year: int | None = None) -> tuple[dt.date, dt.date | None, bool] | None:
    """Value, end value and whether the anchor was needed; None if it cannot be resolved. `year`: in an
    undated article, the year of the full date written last before ("يومي 9 و10 سبتمبر 2024م … وفي التاسع
    من سبتمبر"), which a day and month with no year or qualifier take."""
    if h.kind == "y":
        assert h.year is not None
        return dt.date(h.year, 1, 1), dt.date(h.year2, 1, 1) if h.year2 else None, False
    if h.kind in ("dm", "num", "m"):
        if h.upto is not None:  # a range joined from two hits
            first, last = resolve(replace(h, upto=None), anchor, year), resolve(h.upto, anchor, year)
            if first is None or last is None:
                return None
            start = first[0]
            if last[0] < start and h.year is None and valid(start.year - 1, start.month, start.day):
                start = start.replace(year=start.year - 1)  # "من ديسمبر إلى فبراير الماضي"
            return (start, last[0], first[2] or last[2]) if start <= last[0] else None
        if anchor is None and year is not None and h.year is None and h.qual is None and h.rel_year is None:
            h = replace(h, year=year)
        if (value := _day_month(h, anchor)) is None:
            return None
        if h.day2 is None:
            return value, None, h.year is None
        return (value, value.replace(day=h.day2), h.year is None) if valid(value.year, value.month, h.day2) else None
    if anchor is None:
        return None
    if h.kind == "rel":
        return anchor + dt.timedelta(days=h.offset or 0), None, True
    if h.kind == "wd":
        assert h.weekday is not None
        back = (anchor.weekday() - h.weekday) % 7  # days back to the latest such day; 0 = anchor
        if h.near:
            return anchor + dt.timedelta(days=-back if back <= 3 else 7 - back), None, True
        if h.qual is None:  # bare: on or before the anchor
            return anchor - dt.timedelta(days=back), None, True
        if h.qual == 0:  # "this Friday": the coming one, the anchor's own day included
            return anchor + dt.timedelta(days=(h.weekday - anchor.weekday()) % 7), None, True
        if h.qual < 0:  # "الماضي": strictly before
            return anchor - dt.timedelta(days=(back or 7) + 7 * (-h.qual - 1)), None, True
        ahead = (h.weekday - anchor.weekday()) % 7 or 7  # "المقبل": strictly after
        return anchor + dt.timedelta(days=ahead + 7 * (h.qual - 1)), None, True
    if h.kind == "dp":  # "12 من الشهر الجاري": a day of the month `offset` months away
        months = anchor.year * 12 + anchor.month - 1 + (h.offset or 0)
        year, month = months // 12, months % 12 + 1
        return (dt.date(year, month, h.day), None, True) if h.day and valid(year, month, h.day) else None
    if h.unit == "year":
        return dt.date(anchor.year + (h.offset or 0), 1, 1), None, True
    if h.unit == "weeks":  # "six weeks after": that many days back, its month
        back = anchor + dt.timedelta(days=h.offset or 0)
        return dt.date(back.year, back.month, 1), None, True
    if h.unit == "week":  # "last week", "الأسبوع المقبل": its month, where every reading of the week lies in one
        first, last = WEEKS[h.offset or 0]
        a, b = anchor + dt.timedelta(days=first), anchor + dt.timedelta(days=last)
        return (dt.date(a.year, a.month, 1), None, True) if (a.year, a.month) == (b.year, b.month) else None
    months = anchor.year * 12 + anchor.month - 1 + (h.offset or 0)
    return dt.date(months // 12, months % 12 + 1, 1), None, True


# The days a week may cover, from the anchor, whatever day it starts on: the last one, this one, the next.
WEEKS = {-1: (-13, -1), 0: (-6, 6), 1: (1, 13)}


def _day_month(h: Hit, anchor: dt.date | None) -> dt.date | None:
    """The day (or the month's first day) of a day-month/month hit, its year found."""
    month, day, year = h.month or 1, h.day or 1, h.year
    if year is None:
        if anchor is None:
            return None
        if h.rel_year is not None:  # "من العام الماضي"
            year = anchor.year + h.rel_year
        elif h.qual and h.qual < 0:  # the last such month before the anchor's month
            year = (anchor.year if month < anchor.month else anchor.year - 1) + h.qual + 1
        elif h.qual and h.qual > 0:  # the first such month after it
            year = (anchor.year if month > anchor.month else anchor.year + 1) + h.qual - 1
        elif h.qual == 0:  # "الجاري"
            year = anchor.year
        else:  # the most recent one on or before the anchor, unless a weekday says otherwise
            latest = (anchor.month, anchor.day if h.kind != "m" else 31)
            year = anchor.year - 1 if (month, day) > latest else anchor.year
            fits = [y for y in (year, year + 1, year - 1) if valid(y, month, day)
                    and dt.date(y, month, day).weekday() == h.weekday]  # "الأحد 19 نوفمبر"
            year = fits[0] if fits and h.weekday is not None else year
    return dt.date(year, month, day) if valid(year, month, day) else None


def valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]
