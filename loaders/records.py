"""In-memory records passed between the stages: read → segment → extract → resolve → store.

Everything before `store` works on these plain dataclasses, so each stage can be tested
without a database. Offsets are always character offsets into `Article.text`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["year", "month", "day"]
SegmentKind = Literal["title", "dateline", "body", "quote", "related", "boilerplate"]
Role = Literal["source", "target", "other"]
Method = Literal["rules", "stanza", "both"]
Modality = Literal["asserted", "negated", "planned"]


@dataclass
class Article:
    path: str
    file_name: str
    text: str
    sha256: str
    published_on: dt.date | None = None
    published_precision: Precision | None = None
    published_origin: Literal["text", "manifest", "unknown"] = "unknown"
    published_text: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str = "ar"
    title: str | None = None
    encoding: str = "utf-8"


@dataclass
class Segment:
    order: int
    kind: SegmentKind
    language: str
    start: int
    end: int
    text: str

    @property
    def section(self) -> str:
        """The export's section: related blocks and boilerplate are not the article."""
        return "related" if self.kind in ("related", "boilerplate") else "main"


@dataclass
class DateExpr:
    """A date found in text, resolved to a calendar value at some precision."""

    start: int
    end: int
    text: str
    value: dt.date
    precision: Precision
    value_end: dt.date | None = None
    relative: bool = False
    bare: str | None = None  # "m", "dm" or "wd": a month, day or weekday with no year or qualifier
    ahead: bool = False  # told as after the anchor ("next week", "الأسبوع المقبل"), even where its value is not
    forward: bool = False  # dates only what is told after it ("seven months after Macron's visit")

    def iso(self) -> str:
        return iso_cut(self.value, self.precision)

    def iso_end(self) -> str | None:
        return iso_cut(self.value_end, self.precision) if self.value_end else None


@dataclass
class UnreadDate:
    """A date the text gives that needs the article's date, which the article does not print
    ("يونيو الماضي" in an undated page): it still dates its event, as unknown."""

    start: int
    end: int
    text: str
    forward: bool = False  # as DateExpr's: dates only what is told after it


def iso_cut(value: dt.date, precision: Precision) -> str:
    """ISO date cut to its precision: 2023, 2023-09, 2023-09-13."""
    return {"year": value.strftime("%Y"), "month": value.strftime("%Y-%m")}.get(
        precision, value.isoformat()
    )


@dataclass
class Mention:
    start: int
    end: int
    surface: str
    segment_order: int
    entity: str | None
    kind: str
    alias_kind: str = "name"
    method: Method = "rules"
    confidence: float = 0.9
    actor: str | None = None
    holders: tuple = ()
    named_state: str | None = None  # the state a title names ("الرئيس التونسي", "نظيره المصري")
    title: str | None = None  # the generic title before a nationality ("الوزير" in "الوزير الروسي"), folded

    @property
    def actor_name(self) -> str | None:
        """The entity that acts when this mention is a participant (a capital acts as its state)."""
        return self.actor or self.entity


@dataclass
class Participant:
    entity: str
    role: Role
    mention: Mention | None = None


PlaceLevel = Literal["venue", "city", "region", "country"]


@dataclass
class Place:
    """Where an event happened, as its sentence names it, with the gazetteer's coordinates.

    `name` is the registry entity's name when the registry names the place (Moscow, the
    Kremlin, Russia), else the gazetteer's (a GeoNames city, a hand-listed venue)."""

    name: str
    level: PlaceLevel
    country: str | None
    latitude: float
    longitude: float
    geonames_id: int | None = None
    name_ar: str | None = None
    start: int = 0
    end: int = 0
    surface: str = ""
    registered: bool = True


@dataclass
class Event:
    type: str
    segment_order: int
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    evidence: str
    participants: list[Participant] = field(default_factory=list)
    date: DateExpr | None = None
    modality: Modality = "asserted"
    confidence: float = 0.7
    method: Method = "rules"
    evidence_spans: list[tuple[int, int]] = field(default_factory=list)
    place: Place | None = None  # set by the locate stage (extract/places.py)
    host_pending: bool = False  # a visit whose destination only the gazetteer knows: its place names the host
    date_unread: bool = False  # its sentence dates it with words that need the article's date: none is guessed
    present: bool = False  # an Arabic imperfect verb tells it ("يزور"): with a bare date, what is coming
    dated_by_article: bool = False  # undated news of the headline or lead: the export gives the article's date

    @property
    def negated(self) -> bool:
        return self.modality == "negated"

    def names(self) -> list[str]:
        return [p.entity for p in self.participants]


@dataclass
class Extraction:
    """Everything the extraction stages found in one article."""

    article: Article
    segments: list[Segment]
    mentions: list[Mention]
    events: list[Event]
    dates: list[DateExpr] = field(default_factory=list)
    named_states: list[Mention] = field(default_factory=list)  # states named inside resolved titles
