"""Date expressions: the extract stage that turns date words in text into calendar values.

Adds `DateExpr` records (see `loaders.records`) for Arabic and English dates: full dates
("18 أكتوبر (تشرين الأول) الماضي", "November 14, 2023", "17.11.2023"), day ranges
("من 11 إلى 17 سبتمبر"), months ("نيسان/ أبريل عام 2019", "سبتمبر الماضي"), years with a
cue ("عام 2022", "in 2019"), weekdays ("الثلاثاء الماضي"), relative days ("أمس") and
relative periods ("الشهر المقبل", "last year"). Expressions that need the publication date
(the anchor) are resolved against it and marked `relative`; without an anchor they are
dropped, never guessed. Resolution against the anchor is `reldates`; reading the
publication date from a page's datelines is `pubdate`.

The words live in `loaders/data/<lang>/dates.yaml`; patterns are compiled once per
`DateFinder`. Matching runs on the folded text; offsets are reported in the original text.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..knowledge import DATA_DIR, KnowledgeError, load_yaml
from ..normalize import Folded, fold
from ..records import DateExpr, Precision, UnreadDate
from .reldates import Hit, join, resolve, valid

WORDS = [str]
BLOCKERS = {"before": WORDS, "after": WORDS}
DATES_SCHEMA: dict[str, Any] = {
    "language!": str, "months!": {"*": WORDS}, "weekdays!": {"*": WORDS},
    "clitics": WORDS, "ordinal_suffixes": WORDS, "ordinal_days": {"*": WORDS}, "day_articles": WORDS,
    "day_words": WORDS, "month_words": WORDS, "year_words": WORDS, "of_words": WORDS,
    "cues": WORDS, "month_cues": WORDS, "era_suffixes": WORDS,
    "qualifiers": {"*": int}, "qualifiers_before": {"*": int},
    "periods": {"month": WORDS, "year": WORDS, "week": WORDS}, "relative_days": {"*": int},
    "relative_day_blockers": BLOCKERS, "weekday_blockers": BLOCKERS,
    "range": {"between": WORDS, "to": WORDS, "and": WORDS},
    "not_after_year": WORDS, "numeric_order": str, "capitalized_names": bool,
    "ago": {"before": WORDS, "after": WORDS, "counted_before": WORDS, "counted_after": WORDS, "counted_to": WORDS,
            "about": WORDS},
    "ago_units": {"day": WORDS, "week": WORDS, "month": WORDS, "year": WORDS},
    "ago_duals": WORDS, "number_words": {"*": int},
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
PRECISION: dict[str, Precision] = {"dm": "day", "dp": "day", "num": "day", "wd": "day", "rel": "day", "m": "month", "y": "year"}
UNIT_PRECISION: dict[str | None, Precision] = {"month": "month", "year": "year", "week": "month", "weeks": "month"}
# (a week, or a count of weeks back: its month)
MAX_AGO = 31  # "قبل 3 أيام", "two years ago": a count of periods back from the publication date

L = r"(?<![^\W\d_])"  # not preceded by a letter
R = r"(?![^\W\d_])"  # not followed by a letter
NUM_L = r"(?<!\d)(?<!\d[.,:/])"  # a number that does not continue another one
YEAR = r"(?:19|20)\d\d(?!\d)(?![.,]\d)"
LOOKBACK = 3  # tokens an expression may start before its first number or date word
_TOKEN = re.compile(r"[^\W\d_]+|\d+")


def fold_word(word: str) -> str:
    """Folded form of a data word, spaces collapsed (dashes kept, unlike `norm`)."""
    return " ".join(fold(word).text.split())


def word_regex(words: Any, clitic_ll: bool = False, dotted: bool = False) -> str:
    """Regex for any of the folded words, built as a trie (fast in `re`), longest first.

    Spaces match any whitespace; with `clitic_ll` "الشهر" also matches "للشهر" (ل + ال);
    with `dotted` a Latin abbreviation may take a dot before a number ("Nov. 17").
    """
    trie: dict[str, Any] = {}
    for w in words:
        f = fold_word(w)
        for form in ([f, "ل" + f[1:]] if clitic_ll and f.startswith("ال") and len(f) > 2 else [f] if f else []):
            node = trie
            for ch in form:
                node = node.setdefault(ch, {})
            node[""] = r"(?:\.(?=\s*\d))?" if dotted and form.isascii() and len(form) <= 4 else ""
    return _trie_regex(trie) if trie else "(?!)"


def _trie_regex(node: dict[str, Any]) -> str:
    alts = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(sub) for ch, sub in sorted(node.items()) if ch]
    if "" in node:
        alts.append(node[""])  # the word ending here goes last, so longer ones are tried first
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


class DateFinder:
    """Compiled date patterns for one or more languages (`DateFinder.load("ar+en")`)."""

    def __init__(self, data: list[dict[str, Any]]):
        def merged(key: str, sub: str | None = None) -> list[str]:
            return [w for d in data for w in ((d.get(key) or {}).get(sub, []) if sub else d.get(key, []))]

        def table(key: str) -> dict[str, int]:
            return {fold_word(k): v for d in data for k, v in (d.get(key) or {}).items()}

        self.month_of: dict[str, int] = {}
        self.weekday_of: dict[str, int] = {}
        self.ordinal_of: dict[str, int] = {}
        for d in data:
            where = f"dates.yaml ({d['language']})"
            for num, names in d["months"].items():
                if not isinstance(num, int) or not 1 <= num <= 12:
                    raise KnowledgeError(f"{where}: month key {num!r} is not 1..12")
                self.month_of.update({fold_word(n): num for n in names})
            for num, names in (d.get("ordinal_days") or {}).items():
                if not isinstance(num, int) or not 1 <= num <= 31:
                    raise KnowledgeError(f"{where}: ordinal day key {num!r} is not 1..31")
                self.ordinal_of.update({fold_word(n): num for n in names})
            for day, names in d["weekdays"].items():
                if day not in WEEKDAYS:
                    raise KnowledgeError(f"{where}: unknown weekday {day!r} (allowed: {', '.join(WEEKDAYS)})")
                self.weekday_of.update({fold_word(n): WEEKDAYS.index(day) for n in names})
            if d.get("numeric_order", "dmy") not in ("dmy", "mdy"):
                raise KnowledgeError(f"{where}: numeric_order must be dmy or mdy")
        self.numeric_order = data[0].get("numeric_order", "dmy")
        self.capitalized = any(d.get("capitalized_names") for d in data)
        self.qualifiers, self.qualifiers_before = table("qualifiers"), table("qualifiers_before")
        self.relative_days = table("relative_days")
        self.ago_unit = {fold_word(w): u for u in ("day", "week", "month", "year") for w in merged("ago_units", u)}
        self.counted = {fold_word(w) for w in merged("ago", "counted_before") + merged("ago", "counted_after")}
        self.counted_to = {fold_word(w) for w in merged("ago", "counted_to")}
        self.duals = {fold_word(w) for w in merged("ago_duals")}
        self.number_words = table("number_words")
        self.of_words = {fold_word(w) for w in merged("of_words")}
        self.unit_of = {fold_word(w): u for u in ("month", "year", "week") for w in merged("periods", u)}
        self.blockers = {(k, side): {fold_word(w) for w in merged(f"{k}_blockers", side)}
                         for k in ("relative_day", "weekday") for side in ("before", "after")}
        self.and_words = {fold_word(w) for w in merged("range", "and")}
        self.clitics = {fold_word(c) for c in merged("clitics")}
        # the last word of every name: each expression holds one of these or a number
        names = [*self.month_of, *self.weekday_of, *self.relative_days, *self.unit_of, *self.ago_unit,
                 *merged("ago", "after"), *merged("ago", "counted_after"), *merged("ago", "counted_to"), *self.ordinal_of]
        self._triggers = {n.split(" ")[-1] for n in names}
        self._triggers |= {"ل" + t[1:] for t in self._triggers if t.startswith("ال")}

        cl1 = "".join(sorted(c for c in self.clitics if c in "وف"))
        cl2 = "".join(sorted(c for c in self.clitics if c not in "وف"))
        CL = "".join(f"[{c}]?" for c in (cl1, cl2) if c)  # "و", "ب", "وب", "فل", ...
        ll = "ل" in self.clitics
        MON, WD = word_regex(self.month_of, ll, dotted=True) + R, word_regex(self.weekday_of, ll) + R
        QA, QB = word_regex(self.qualifiers) + R, word_regex(self.qualifiers_before) + R
        RD, UNITS = word_regex(self.relative_days, ll) + R, word_regex(self.unit_of, ll) + R
        YU = word_regex(merged("periods", "year"), ll) + R
        ORD, ART = f"(?:{word_regex(merged('ordinal_suffixes'))}{R})?", f"(?:{word_regex(merged('day_articles'))})?"
        DW, MW = word_regex(merged("day_words")) + R, word_regex(merged("month_words")) + R
        YW, OF = word_regex(merged("year_words")) + R, word_regex(merged("of_words")) + R
        CUE, ERA = word_regex(merged("cues")) + R, word_regex(merged("era_suffixes")) + R
        MCUE = word_regex(merged("cues") + merged("month_cues")) + R
        CONN = word_regex(merged("range", "to") + merged("range", "and"))
        Y = rf"{YEAR}(?!\s*(?:%|٪|{word_regex(merged('not_after_year'))}{R}))"  # "2000 شخص" is a count
        month = rf"(?P<m>{MON})(?:\s*\(\s*(?P<m2>{MON})\s*\)|\s*/\s*(?P<m3>{MON})|\s+(?=[^\x00-\x7f])(?P<m4>{MON}))?"  # "يونيو حزيران"
        tail = (rf"(?:\s*,?\s*(?:{OF}\s+)?(?:{YW}\s*)?{NUM_L}(?P<y>{Y})(?:\s*{ERA})?"
                rf"|\s*(?P<q>{QA})"
                rf"|\s*,?\s*(?:{OF}\s+)?(?:{YU}\s*(?P<ryq>{QA})|(?P<ryb>{QB})\s+{YU}))?")
        ORDS = word_regex(self.ordinal_of)  # "التاسع من", "بين السابع والتاسع من ديسمبر"
        ORDW = rf"|(?P<dw>{ORDS}){R}(?:\s*(?P<c3>{CONN})\s*(?P<dw2>{ORDS}){R})?(?=\s+{OF})" if self.ordinal_of else ""
        days = (rf"(?:{NUM_L}{ART}(?P<d1>\d{{1,2}})(?!\d){ORD}"
                rf"(?:\s*(?P<c>{CONN})\s*{ART}(?P<d2>\d{{1,2}})(?!\d){ORD})?{ORDW})")
        MU = word_regex(merged("periods", "month"), ll) + R
        AGO_B = word_regex(merged("ago", "before") + merged("ago", "counted_before")) + R
        AGO_A = word_regex(merged("ago", "after") + merged("ago", "counted_after")) + R
        ABOUT = rf"(?:{word_regex(merged('ago', 'about'))}{R}\s+)?" if merged("ago", "about") else ""
        AGO_U, NUMW = word_regex(self.ago_unit) + R, word_regex(self.number_words) + R
        wd_prefix = rf"(?:(?:{DW}\s+)?(?P<wd>{WD})\s*,?\s*)?"
        kinds = {  # tried in this order at a token start; x is the expression's span
            "num": rf"(?<![\w.,/:\-]){CL}(?P<x>(?P<iy>{YEAR})(?P<s1>[-/.])(?P<im>\d{{1,2}})(?P=s1)(?P<id>\d{{1,2}})"
                   rf"|(?P<a>\d{{1,2}})(?P<s2>[-/.])(?P<b>\d{{1,2}})(?P=s2)(?P<ny>{YEAR}))(?!\d|[-/.]\d)",
            "dm": rf"{L}{CL}(?P<x>{wd_prefix}{days}\s*,?\s*(?:{OF}\s*)?(?:(?:{MW}\s+)?{month}{tail}"
                  rf"|(?P<pu>{MU})\s*(?P<pq>{QA})|(?P<pb>{QB})\s+(?P<pv>{MU})))",  # "12 من الشهر الجاري", "2nd of this month"
            "md": rf"{L}{CL}(?P<x>{wd_prefix}{month}\s*,?\s*{days}(?:\s*,?\s*{NUM_L}(?P<y>{Y}))?)",
            "m": rf"{L}(?:{CL}(?P<cue>{MCUE})[\s-]+)?{CL}(?P<x>(?:(?P<qb>{QB})\s+)?(?P<mw>{MW}\s+)?{month}{tail})",
            "y": rf"{L}(?:{CL}(?P<cue>{CUE})[\s-]+)?{CL}(?P<x>(?:(?P<yw>{YW})\s*)?{NUM_L}(?P<y>{Y})"
                 rf"(?:\s*(?P<era>{ERA}))?)(?=(?P<rng>\s*(?P<c>{CONN})\s*(?:{YW}\s*)?{NUM_L}(?P<y2>{Y})(?:\s*{ERA})?))?",
            "wd": rf"{L}{CL}(?P<x>(?:(?P<qb>{QB})\s+)?(?:(?:{DW}\s+)?(?P<rd>{RD})\s*,?\s*|{DW}\s+)?"
                  rf"(?P<wd>{WD})(?:\s*(?P<q>{QA}))?)",
            "rel": rf"{L}{CL}(?P<x>(?:{DW}\s+)?(?P<rd>{RD}))",
            "period": rf"{L}{CL}(?P<x>(?P<qb>{QB})\s+(?P<u1>{UNITS})|(?P<u2>{UNITS})\s*(?P<q>{QA}))",
            "ago": rf"{L}{CL}(?P<x>(?P<b>{AGO_B})\s+{ABOUT}(?:(?P<n>\d{{1,2}}(?!\d)|{NUMW})\s+)?(?P<u>{AGO_U})"
                   rf"|{ABOUT}(?:(?P<n2>\d{{1,2}}(?!\d)|{NUMW})\s+)?(?P<u2>{AGO_U})\s+(?P<a>{AGO_A}))",
        }
        # One combined pattern: group names get a "__kind" suffix; the kind that matched is
        # the outer group k__kind. Tried only at token starts (see `_starts`).
        self._pattern = re.compile("|".join(
            f"(?P<k__{k}>" + re.sub(r"\(\?P([<=])(\w+)", rf"(?P\1\2__{k}", p) + ")" for k, p in kinds.items()))
        self._groups = {k: ([n.split("__")[0] for n in self._pattern.groupindex if n.endswith("__" + k)],
                            [i for n, i in self._pattern.groupindex.items() if n.endswith("__" + k)]) for k in kinds}
        self._gap = re.compile(rf"\s*,?\s*(?P<c>{CONN})\s*")
        AND = word_regex(merged("range", "and"))
        self._year_list = re.compile(rf"{L}(?:{YW}|{CUE})[\s-]*{YEAR}(?:\s*(?:,|{AND})\s*{YEAR})*\s*(?:,|{AND})\s*$")
        self._between = re.compile(rf"{L}{word_regex(merged('range', 'between'))}{R}\s+$")

    @classmethod
    def load(cls, lang: str = "ar", data_dir: Path = DATA_DIR) -> DateFinder:
        """A finder for `lang` ("ar", "en", or several joined by "+", e.g. "ar+en")."""
        return cls([load_yaml(data_dir / code / "dates.yaml", DATES_SCHEMA) for code in lang.split("+")])

    def find(self, text: str, anchor: dt.date | None, folded: Folded | None = None,
             unread: list[UnreadDate] | None = None, year: int | None = None) -> list[DateExpr]:
        """Non-overlapping date expressions in `text`, sorted by start (original offsets).

        `folded` may pass `fold(text)` when the caller has it already (folding is half the cost);
        `unread` collects those that cannot be resolved without an anchor; `year`, without one, the
        year a day and month with none take (see `resolve`).
        """
        folded = fold(text) if folded is None else folded
        ft = folded.text
        hits: list[Hit] = []
        for pos in self._starts(ft):
            m = self._pattern.match(ft, pos)
            if m is not None and (hit := self._hit(m.lastgroup[3:], m, text, folded.origin, ft)):  # type: ignore[index]
                hits.append(hit)
        hits.sort(key=lambda h: (h.start - h.end, h.start))
        chosen: list[Hit] = []
        taken = bytearray(len(ft))
        for h in hits:  # longest first; a shorter one inside or across a longer one loses
            if 1 not in taken[h.start:h.end]:
                chosen.append(h)
                taken[h.start:h.end] = b"\x01" * (h.end - h.start)
        chosen.sort(key=lambda h: h.start)
        out: list[DateExpr] = []
        for h in self._merge_ranges(chosen, ft):
            resolved = resolve(h, anchor, year)
            start, end = folded.span(h.start, h.end)
            if resolved is None:
                if unread is not None:
                    unread.append(UnreadDate(start, end, text[start:end], h.forward))
                continue
            while end < len(text) and (unicodedata.category(text[end]) == "Mn" or text[end] == "\u0640"):
                end += 1  # a trailing diacritic belongs to the last letter ("الأربعاءَ")
            bare = h.kind if h.kind in ("dm", "m", "wd") and h.upto is None and h.year is None \
                and h.qual is None and h.rel_year is None else None
            out.append(DateExpr(start, end, text[start:end], resolved[0], PRECISION.get(h.kind, UNIT_PRECISION.get(h.unit, "day")),
                                resolved[1], resolved[2], bare,
                                (h.qual or 0) > 0 or h.kind in ("rel", "period") and (h.offset or 0) > 0, h.forward))
        return out

    def _starts(self, ft: str) -> list[int]:
        """Token starts worth trying: a number or date word and up to `LOOKBACK` tokens before.

        Trying the combined pattern only there, not at every character, keeps the stage fast.
        """
        tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(ft)]
        trig, cl = self._triggers, self.clitics
        starts: set[int] = set()
        for i, (_, w) in enumerate(tokens):
            if w[0].isdigit() or w in trig or (w[0] in cl and (w[1:] in trig or w[2:] in trig)):
                starts.update(tokens[j][0] for j in range(max(0, i - LOOKBACK), i + 1))
        return sorted(starts)

    def _hit(self, kind: str, m: re.Match[str], text: str, origin: tuple[int, ...], ft: str) -> Hit | None:
        """A candidate from one match of the combined pattern, or None if it is no date."""
        sfx = "__" + kind
        names, numbers = self._groups[kind]
        g: dict[str, Any] = dict(zip(names, m.group(*numbers)))
        start, end = m.span("x" + sfx)
        between = bool(self._between.search(ft, max(0, start - 20), start))
        if kind in ("dm", "md"):
            d1 = int(g["d1"]) if g["d1"] else _look(self.ordinal_of, g["dw"])
            d2 = int(g["d2"]) if g["d2"] else _look(self.ordinal_of, g["dw2"]) if g.get("dw2") else None
            conn = g["c"] or g.get("c3")
            if g.get("pu"):
                return Hit(start, end, "dp", day=d1, offset=_look(self.qualifiers, g["pq"]), unit="month")
            if g.get("pv"):
                return Hit(start, end, "dp", day=d1, offset=_look(self.qualifiers_before, g["pb"]), unit="month")
            month = self._month(g)
            if month is None or not 1 <= d1 <= 31:
                return None
            if g["y"] is None and not (self._cap(g, m, sfx, text, origin) and (kind == "dm" or g["m"].isascii())):
                return None  # "3 may be hurt", "march 3 miles"; "مايو 15 شخصا" (month-first: Latin only)
            if d2 is not None:
                if conn in self.and_words and not between and d2 != d1 + 1:
                    start, d1, d2 = m.start(("d2" if g["d2"] else "dw2") + sfx), d2, None  # "3 و5 مارس" is a list: keep 5
                    # (two days in a row, "يومي 12 و13 يونيو", "June 12 and 13", are one span)
                elif not d1 < d2 <= 31:
                    return None
            weekday = _look(self.weekday_of, g["wd"]) if g["wd"] else None
            return Hit(start, end, "dm", day=d1, day2=d2, month=month, weekday=weekday, **self._tail(g))
        if kind == "m":
            if (month := self._month(g)) is None:
                return None
            tail = self._tail(g)
            if g["qb"]:
                tail["qual"] = _look(self.qualifiers_before, g["qb"])
            if not (g["cue"] or g["mw"] or g["qb"] or any(v is not None for v in tail.values())):
                return None  # a bare month name ("مارس" is also a verb)
            if tail["year"] is None and not self._cap(g, m, sfx, text, origin):
                return None
            return Hit(start, end, "m", month=month, **tail)
        if kind == "y":
            y, y2 = int(g["y"]), g["y2"] and int(g["y2"])
            if y2 is not None:
                if y2 <= y or (g["c"] in self.and_words and not between):
                    y2 = None
                else:
                    end = m.end("rng" + sfx)
            if not (g["cue"] or g["yw"] or g["era"] or (between and y2)
                    or self._year_list.search(ft, max(0, start - 40), start)):
                return None  # a bare number is no year ("اجتماع وزراء الصحة 2025"), unless listed
                # after one with a cue ("في عامي 2022 و2023")
            return Hit(start, end, "y", year=y, year2=y2)
        if kind == "num":
            if g["iy"]:
                y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
            else:
                a, b, y = int(g["a"]), int(g["b"]), int(g["ny"])
                mdy = b > 12 or (a <= 12 and g["s2"] != "." and self.numeric_order == "mdy")
                mo, d = (a, b) if mdy else (b, a)
            return Hit(start, end, "num", day=d, month=mo, year=y) if valid(y, mo, d) else None
        if kind == "wd":
            if not self._cap(g, m, sfx, text, origin, "wd") or self._blocked("weekday", ft, start, end):
                return None  # "بين الاثنين" (between the two), "الأحد عشر" (eleven)
            qual = _look(self.qualifiers, g["q"]) if g["q"] else None
            if g["qb"]:
                qual = _look(self.qualifiers_before, g["qb"])
            off = _look(self.relative_days, g["rd"]) if g["rd"] else None
            if off is not None:  # "اليوم الجمعة", "أمس الخميس": the weekday decides, the word gives the side
                qual = (off > 0) - (off < 0)
            return Hit(start, end, "wd", weekday=_look(self.weekday_of, g["wd"]), qual=qual, near=off == 0)
        if kind == "ago":
            return self._ago(g, start, end, ft)
        if kind == "rel":
            if self._blocked("relative_day", ft, start, end):
                return None  # "في اليوم" (per day), "اليوم العالمي"
            return Hit(start, end, "rel", offset=_look(self.relative_days, g["rd"]))
        if g["qb"]:  # period
            return Hit(start, end, "period", offset=_look(self.qualifiers_before, g["qb"]),
                        unit=_look(self.unit_of, g["u1"]))
        return Hit(start, end, "period", offset=_look(self.qualifiers, g["q"]), unit=_look(self.unit_of, g["u2"]))

    def _ago(self, g: dict[str, Any], start: int, end: int, ft: str) -> Hit | None:
        """"قبل يومين", "قبل ثلاثة أعوام", "two days ago", "a year ago": that many days (or months, years)
        before the publication date. A plural unit needs its number; a dual is two. "قبل يومين من القمة"
        counts back from the summit, not from the publication date: no date."""
        after = _WORD_AFTER.match(ft, end)
        counted = (g["b"] or g["a"]) in self.counted  # "بعد نحو سبعة أشهر على زيارة", "six weeks after": what
        if counted and g["b"] and not (after and after.group(1) in self.counted_to):  # follows came that long
            return None  # before the publication date
        if g["b"] and not counted and after and after.group(1) in self.of_words:
            return None
        unit_word, number = g["u"] or g["u2"], g["n"] or g["n2"]
        unit = _look(self.ago_unit, unit_word)
        if counted and unit == "day" or unit == "week" and not counted:
            return None  # ("two days after" counts from the last event: `event_days`)
        dual = " ".join(unit_word.split()) in self.duals
        if number is not None:
            n = int(number) if number.isdigit() else _look(self.number_words, number)
        else:
            n = 2 if dual else None
        if unit is None or n is None or dual and number is not None or not 0 < n <= MAX_AGO:
            return None
        if unit == "day":
            return Hit(start, end, "rel", offset=-n)
        if unit == "week":
            return Hit(start, end, "period", offset=-7 * n, unit="weeks", forward=True)
        return Hit(start, end, "period", offset=-n, unit=unit, forward=counted)

    def _month(self, g: dict[str, Any]) -> int | None:
        month = _look(self.month_of, g["m"])
        alt = g.get("m2") or g.get("m3") or g.get("m4")
        if alt is not None and _look(self.month_of, alt) != month:
            return None  # "سبتمبر/أكتوبر" is two months, not one written twice
        return month

    def _tail(self, g: dict[str, Any]) -> dict[str, int | None]:
        """Year, qualifier and relative year after a month ("2023", "الماضي", "من العام الماضي")."""
        rel_year = _look(self.qualifiers, g["ryq"]) if g.get("ryq") else _look(self.qualifiers_before, g.get("ryb"))
        return {"year": int(g["y"]) if g.get("y") else None, "rel_year": rel_year,
                "qual": _look(self.qualifiers, g["q"]) if g.get("q") else None}

    def _cap(self, g: dict[str, Any], m: re.Match[str], sfx: str, text: str, origin: tuple[int, ...],
             group: str = "m") -> bool:
        """Latin month/weekday names must be capitalised ("May", not the verb "may")."""
        word = g[group]
        if not self.capitalized or not word or not word.isascii():
            return True
        return text[origin[m.start(group + sfx)]].isupper()

    def _blocked(self, kind: str, ft: str, start: int, end: int) -> bool:
        before = _WORD_BEFORE.search(ft, max(0, start - 30), start)
        word = before.group(1) if before else ""
        if len(word) > 2 and word[0] in "وف" and word[0] in self.clitics:
            word = word[1:]  # "وفي اليوم"
        after = _WORD_AFTER.match(ft, end)
        nxt, last = (after.group(1) if after else ""), (ft[start:end].split() or [""])[-1]
        # a blocker after may name the expression's last word too ("الأحد عشر" is eleven, "الأربعاء عشر اتفاقيات" a day)
        return word in self.blockers[kind, "before"] or nxt in self.blockers[kind, "after"] \
            or f"{last} {nxt}" in self.blockers[kind, "after"]

    def _merge_ranges(self, hits: list[Hit], ft: str) -> list[Hit]:
        """Join "من 28 سبتمبر إلى 3 أكتوبر 2023" (two hits and a connector) into one range."""
        out: list[Hit] = []
        for h in hits:
            prev = out[-1] if out else None
            if (prev is not None and prev.kind == h.kind and h.kind in ("dm", "m", "y", "num")
                    and all(v is None for v in (prev.day2, prev.year2, h.day2, h.year2))):
                gap = self._gap.fullmatch(ft, prev.end, h.start)
                if gap and (gap["c"] not in self.and_words
                            or self._between.search(ft, max(0, prev.start - 20), prev.start)):
                    out[-1] = join(prev, h)
                    continue
            out.append(h)
        return out


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s,]*$")
_WORD_AFTER = re.compile(r"[\s,]*([^\W\d_]+)")



def _look(table: dict[str, Any], word: str | None) -> Any:
    """The table entry for a matched word: spaces collapsed, no dot, للشهر read as الشهر."""
    key = " ".join((word or "").rstrip(".").split())
    return table.get(key if key in table or not key.startswith("لل") else "ا" + key[1:])


@lru_cache(maxsize=8)
def finder_for(lang: str = "ar") -> DateFinder:
    """The finder for the packaged data of `lang` ("ar", "en", "ar+en"), built once."""
    return DateFinder.load(lang)


def find_dates(text: str, anchor: dt.date | None, lang: str = "ar",
               finder: DateFinder | None = None) -> list[DateExpr]:
    """Date expressions in `text`; those needing `anchor` are resolved against it or dropped."""
    return (finder or finder_for(lang)).find(text, anchor)

