"""Publication date: which lines of a page print the article's date, and which date it is.

Adds the page-style reading on top of `DateFinder`. A dateline is a line whose date needs no
anchor and that holds nothing else but page furniture: cues ("نشر في", "آخر تحديث",
"Published", "Updated"), times and time zones ("10:30 ص بتوقيت مكة", "10.30 GMT"), weekday
abbreviations ("Tue"), the Hijri date beside the Gregorian one ("5 رجب 1445 هـ"), a byline,
a reading time. A body sentence that holds a date ("التقيا في 19 يونيو 2024") is not one.
A city-and-agency dateline opening a paragraph ("موسكو، 16 يناير 2024 (سبوتنيك) -") counts
too, and so does a line of a place and a date alone ("موسكو - 25 أبريل 2019"). Of several, the publication date is the one after a "published" cue, else the first
whole dateline, else the first opening dateline; an "updated" date only when nothing else is
printed. The words live in `loaders/data/<lang>/dates_page.yaml`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from ..knowledge import DATA_DIR, load_yaml
from ..normalize import fold
from ..records import DateExpr
from .dates import DateFinder, finder_for, fold_word, word_regex

WORDS = [str]
PAGE_SCHEMA: dict[str, Any] = {
    "language!": str, "published_cues": WORDS, "updated_cues": WORDS, "filler": WORDS,
    "day_parts": WORDS, "zones": WORDS, "zone_leads": WORDS, "hijri_months": WORDS,
    "hijri_era": WORDS, "reading_time": WORDS, "weekday_abbreviations": WORDS,
}
Role = Literal["published", "plain", "opening", "updated"]
_RANK: dict[str, int] = {"published": 0, "plain": 1, "opening": 2, "updated": 3}
R = r"(?![^\W\d_])"
L = r"(?<![^\W\d_])"
# A slash or dash between a day, a month name and a year ("16/يناير/2024", "10 – يونيو – 2025"):
# replaced by a space, so offsets stay.
_GLUED = re.compile(r"(?<=\d)[/.\-–—](?=[^\W\d_])|(?<=[^\W\d_])[/\-–—](?=\d)"
                    r"|(?<=\d\s)[/\-–—](?=\s[^\W\d_])|(?<=[^\W\d_]\s)[/\-–—](?=\s\d)")
_BRACKET = re.compile(r"\s*\([^()]{4,80}\)\s*[-–—:]*\s*")
_TAIL = re.compile(r"\s*(?:\([^()\d]{1,30}\)|/[^/\d]{1,30}/)?\s*[-–—:/]+\s*")
_AGENCY = re.compile(r"\([^()]{1,40}\)|^[^()]{1,30}\)")  # "(Xinhua) 08:12, …", "Xinhua) 08:12, …"
# A city (one to four words) and an agency in brackets, then a dash: "MOSCOW (AP) —", "الرياض (واس) -"
_CITY = r"[^\W\d_][^\W\d_'.-]*(?:[\s'.-]+[^\W\d_]+){0,3}"
_CITY_AGENCY = re.compile(_CITY + r"\s*[,،]?\s*\([^()\d]{1,30}\)\s*[-–—]+\s*")
# The dash first, then the agency in brackets or before a colon: "نيامي - (أ ف ب)", "بكين - واس:", "بسارادس
# (اليونان) - (أ ف ب)"
_CITY_DASH_AGENCY = re.compile(_CITY + r"(?:\s*\([^()\d]{1,30}\))?\s*[-–—]+\s*(?:\([^()\d]{1,30}\)|[^\W\d_]{1,8}"
                               r"(?:\s[^\W\d_]{1,8}){0,2}\s*:)\s*")
OPENING_CHARS = 160
_SOME_YEAR = dt.date(2001, 6, 15)  # an anchor to read a day and month by, where a line prints no year
_SEP = " | "
_TOKENS = re.compile(r"[^\W\d_]+|\d+")
_DIGIT = re.compile(r"\d")
_PLACE_LEAD = re.compile(r"\s*([^\W\d_][^\W\d_\s.'-]*(?:[\s.'-]+[^\W\d_]+){0,2})\s*[-–—:،,]\s*$")
MAX_EXTRA_WITH_CUE = 2  # unknown words a cued dateline may hold ("نشر في … على موقع")
MAX_LABEL_WORDS = 3  # words of a section label printed beside the date ("أخبار عربية | 12 مايو 2024")


@dataclass(frozen=True)
class Dateline:
    """A publication date printed in a line; `date` offsets are into that line."""

    date: DateExpr
    role: Role


class DatelineReader:
    """Reads datelines with the page words of every language (a page mixes them)."""

    def __init__(self, data: list[dict[str, Any]], byline_cues: Sequence[str] = (),
                 finder: DateFinder | None = None):
        def words(key: str) -> list[str]:
            return [w for d in data for w in d.get(key, [])]

        self.finder = finder or finder_for("ar+en")
        self.published = re.compile(rf"{L}(?:{word_regex(words('published_cues'))}){R}")
        self.updated = re.compile(rf"{L}(?:{word_regex(words('updated_cues'))}){R}")
        self.filler = {fold_word(w) for w in words("filler")}
        self.known = (self.filler | {fold_word(w) for w in words("zones") + words("weekday_abbreviations")}
                      | set(self.finder.weekday_of))
        time = r"\d{1,2}\s*[:.]\s*\d{2}(?:\s*[:.]\s*\d{2})?"
        self._furniture = [re.compile(p) for p in (
            rf"\d+\s*(?:{word_regex(words('reading_time'))}){R}",
            rf"t?{time}(?:\.\d+)?(?:z|[+-]\d{{2}}:?\d{{2}})?(?:\s*(?:{word_regex(words('day_parts'))})(?!\w))?",
            r"(?:[+-]\d{1,2}(?::?\d{2})?)",
            rf"{L}(?:{word_regex(words('zone_leads'))}){R}(?:\s+[^\W\d_]+){{1,2}}",
            rf"\d{{1,2}}\s*(?:{word_regex(words('hijri_months'))}){R}\s*,?\s*\d{{4}}\s*(?:{word_regex(words('hijri_era'))})?{R}",
            rf"\d{{4}}\s*(?:{word_regex(words('hijri_era'))}){R}",
            rf"{L}(?:{word_regex(byline_cues)}){R}\s*:?[^|\-\d]{{0,60}}" if byline_cues else "(?!)",
        )]

    @classmethod
    def load(cls, byline_cues: Sequence[str] = (), data_dir: Path = DATA_DIR) -> DatelineReader:
        return cls([load_yaml(data_dir / lang / "dates_page.yaml", PAGE_SCHEMA) for lang in ("ar", "en")],
                   byline_cues, finder_for("ar+en") if data_dir == DATA_DIR else DateFinder.load("ar+en", data_dir))

    def read(self, line: str) -> Dateline | None:
        """The dateline a whole line is, or None when the line is text (or holds no such date); a cell of
        a line split by "|" is one when the other cells are short labels ("World | May 12, 2024")."""
        if not _DIGIT.search(line):
            return None  # every dateline prints a day or a year
        whole = self._read(line)
        if whole is not None or "|" not in line:
            return whole
        cells = [(m.start(), m.group()) for m in re.finditer(r"[^|]+", line)]
        for at, cell in cells:
            got = self._read(cell) if _DIGIT.search(cell) else None
            if got is not None and all(len(_TOKENS.findall(c)) <= MAX_LABEL_WORDS for a, c in cells if a != at):
                return Dateline(replace(got.date, start=got.date.start + at, end=got.date.end + at), got.role)
        return None

    def _read(self, line: str) -> Dateline | None:
        text = _unglue(line)
        found = self.finder.find(text, None)
        folded = fold(text)
        cues = sorted([(*folded.span(*m.span()), role) for role, cue in (("published", self.published),
                       ("updated", self.updated)) for m in cue.finditer(folded.text)])
        picks = [(self._role(d, cues), d) for d in found
                 if d.precision == "day" or (d.precision == "month" and cues)]
        if not picks:
            return None
        rest = text
        for d in sorted(found, key=lambda d: -d.start):
            rest = rest[:d.start] + _SEP + rest[d.end:]
        extra = self._extra(fold(rest).text)
        role, date = min(picks, key=lambda p: (_RANK[p[0]], p[1].start))
        if extra > (MAX_EXTRA_WITH_CUE if cues else 0):
            lead = _PLACE_LEAD.match(line[:date.start])
            if lead is None or len(_TOKENS.findall(lead.group(1))) > 3 or \
                    self._extra(fold(_SEP + rest[lead.end():]).text) > 0:
                return None
            role = "opening"  # "موسكو - 25 أبريل 2019", "Moscow – April 25, 2019": a place, then the date
        return Dateline(_on(date, line), role)

    def opening(self, line: str) -> tuple[int, Dateline | None] | None:
        """A dateline opening a paragraph: its end in the line and its date.

        "SEOUL, June 19, 2024 (Yonhap) -- …", "موسكو - 16 يناير 2024 (سبوتنيك) - …", a bracket
        first ("(سبوتنيك - 05 سبتمبر 2019) أفاد …"), or a cue first ("date 2025-08-21 …"). One without
        a year ("KYIV, Sept 25 (AFP) -") is cut from the paragraph all the same, with no date: its year
        is a guess, and left in the sentence its day would date the events told there.
        """
        cut = max((m.end() for m in (_CITY_AGENCY.match(line), _CITY_DASH_AGENCY.match(line)) if m), default=0)
        if cut and len(line) - cut > 40:
            return cut, None  # "RIYADH (SPA) -", "الرياض (واس) -": a dateline that prints no date
        if not _DIGIT.search(line, 0, OPENING_CHARS):
            return None
        text = _unglue(line[:OPENING_CHARS])
        found = [d for d in self.finder.find(text, None) if d.precision == "day"]
        yearless = not found
        if yearless:
            found = [d for d in self.finder.find(text, _SOME_YEAR) if d.precision == "day"
                     and _DIGIT.search(text, d.start, d.end)]  # a day and a month, no weekday
        if not found:
            return None
        d = found[0]
        if not yearless:
            bracket = _BRACKET.match(line)
            if bracket and d.end <= bracket.end():
                return bracket.end(), Dateline(_on(d, line), "opening")
        before = fold(text[:d.start]).text
        if not yearless and before.strip() and self.published.fullmatch(before.strip(" :-")):
            end = re.compile(r"[\s:,-]*").match(line, d.end).end()  # type: ignore[union-attr]
            return (end, Dateline(_on(d, line), "published")) if end < len(line.rstrip()) else None
        words = _TOKENS.findall(before)
        if len(words) > 3 or any(w in self.filler or w.isdigit() for w in words):
            return None  # "في 19 يونيو 2024 - …" is a sentence, not a dateline
        if words and not yearless and not re.fullmatch(r"[^\W\d_][\w\s.'-]*[,\s-]*", before):
            return None  # (a yearless one is held by its agency instead: "OHRID, North Macedonia, March 19 (Reuters) -")
        tail = _TAIL.match(line, d.end)
        if tail is None or tail.end() >= len(line.rstrip()):
            return None
        if yearless:  # only a city's, with its agency: "KYIV, Sept 25 (AFP) -"
            return (tail.end(), None) if words and _AGENCY.search(line, d.end, tail.end()) else None
        return tail.end(), Dateline(_on(d, line), "opening")

    def _role(self, d: DateExpr, cues: list[tuple[int, int, str]]) -> Role:
        """The role of the nearest cue before the date."""
        before = [c for c in cues if c[1] <= d.start + 1]
        return before[-1][2] if before else "plain"  # type: ignore[return-value]

    def _extra(self, rest: str) -> int:
        """Words of a dateline's rest that are not furniture."""
        rest = _AGENCY.sub(_SEP, rest)
        for pattern in self._furniture:
            rest = pattern.sub(_SEP, rest)
        rest = self.published.sub(_SEP, rest)
        rest = self.updated.sub(_SEP, rest)
        return sum(1 for w in _TOKENS.findall(rest) if w not in self.known)


def _unglue(line: str) -> str:
    return _GLUED.sub(" ", line)


def _on(d: DateExpr, line: str) -> DateExpr:
    """The date with its surface as the line prints it (ungluing changed "/" to " ")."""
    return replace(d, text=line[d.start:d.end])


def choose(datelines: Sequence[Dateline]) -> Dateline | None:
    """The publication date among a page's datelines (in page order)."""
    return min(datelines, key=lambda d: _RANK[d.role], default=None)


@lru_cache(maxsize=2)
def reader_for(byline_cues: tuple[str, ...] = ()) -> DatelineReader:
    return DatelineReader.load(byline_cues)


def parse_dateline(text: str, finder: DateFinder | None = None) -> DateExpr | None:
    """The date a dateline or a manifest field prints ("نشر في: 2023/11/17", "Nov 17, 2023").

    The first expression of the best precision that needs no anchor; None if there is none.
    Arabic and English words are both read: Arabic pages often print English dates.
    """
    found = (finder or finder_for("ar+en")).find(text, None)
    rank = {"day": 0, "month": 1, "year": 2}
    return min(found, key=lambda d: (rank[d.precision], d.start), default=None)
