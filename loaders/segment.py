"""Segment: an article's text → title, dateline, body sentences, quotes, related and boilerplate.

Adds the structure that keeps "read also" headlines and page furniture out of the timeline,
separates embedded English (tweets) from the Arabic body, and finds the publication date
(from a dateline in the text, else from the manifest). Segments cover the original text by
offsets; nothing is rewritten.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .extract.dates import parse_dateline
from .knowledge import DATA_DIR, load_yaml
from .normalize import norm, script_of
from .records import Article, Segment

SEGMENT_SCHEMA = {
    "related_markers!": [str],
    "footer_markers!": [str],
    "boilerplate_lines!": [str],
    "dateline_cues!": [str],
}
_BULLET = re.compile(r"^[\s•·▪■►◄●○*\-–—|]+")
_SENT_END = re.compile(r"(?<=[.!?؟])[\"'”»)]*\s+|(?<=, [0-9]{4})(?=[\u0621-\u064a])")
_ABBREV = re.compile(r"(?:\b(?:[A-Z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|U\.S|U\.N|No|Gen|Lt|Col|Sen|Rep|Gov|Prof|vs)\.)$")


@dataclass
class Markers:
    related: tuple[str, ...]
    footer: tuple[str, ...]
    boilerplate: frozenset[str]
    dateline: tuple[str, ...]

    @classmethod
    def load(cls) -> "Markers":
        rel: list[str] = []
        foot: list[str] = []
        boil: set[str] = set()
        cues: list[str] = []
        for lang in ("ar", "en"):
            data = load_yaml(DATA_DIR / lang / "segment.yaml", SEGMENT_SCHEMA)
            rel += [norm(x) for x in data["related_markers"]]
            foot += [norm(x) for x in data["footer_markers"]]
            boil |= {norm(x) for x in data["boilerplate_lines"]}
            cues += [norm(x) for x in data["dateline_cues"]]
        by_len = lambda xs: tuple(sorted(set(xs), key=len, reverse=True))  # noqa: E731
        return cls(by_len(rel), by_len(foot), frozenset(boil), by_len(cues))


def _starts(line: str, markers: tuple[str, ...]) -> str | None:
    for m in markers:
        if line == m or (line.startswith(m) and not line[len(m)].isalnum()):
            return m
    return None


class Segmenter:
    def __init__(self, markers: Markers):
        self.markers = markers

    def line_kind(self, line: str) -> str | None:
        """A structural kind for a whole line, or None when it is ordinary text."""
        key = norm(_BULLET.sub("", line)).rstrip(" :.|")
        if not key:
            return "blank"
        if key in self.markers.boilerplate:
            return "boilerplate"
        if len(key) <= 200 and _starts(key, self.markers.related) and (len(key) <= 60 or ":" in line[:40]):
            return "related_marker"
        if _starts(key, self.markers.footer) and (len(key) <= 80 or re.match(r"^\S+\s*[:|]", key)):
            return "footer"
        return None

    def segment(self, article: Article) -> list[Segment]:
        text = article.text
        segs: list[Segment] = []
        lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
        after_footer = in_related = False
        first_text = True
        for start, line in lines:
            kind = self.line_kind(line)
            if kind == "blank":
                continue
            stripped_start = start + len(line) - len(line.lstrip())
            stripped = line.strip()
            end = stripped_start + len(stripped)
            if kind == "footer":
                after_footer = True
                segs.append(self._seg(segs, "boilerplate", stripped_start, end, stripped))
                continue
            if kind == "related_marker":
                in_related = True
                segs.append(self._seg(segs, "related", stripped_start, end, stripped))
                continue
            if kind == "boilerplate":
                segs.append(self._seg(segs, "boilerplate", stripped_start, end, stripped))
                continue
            if in_related and not after_footer and not _BULLET.match(line) and (
                    len(stripped) > 140 or stripped.endswith((".", "۔"))):
                in_related = False  # a "read also" inside the article lists headlines; prose resumes
            if in_related:
                segs.append(self._seg(segs, "related", stripped_start, end, stripped))
                continue
            if after_footer:
                segs.append(self._seg(segs, "boilerplate", stripped_start, end, stripped))
                continue
            if self._dateline(article, stripped):
                segs.append(self._seg(segs, "dateline", stripped_start, end, stripped))
                continue
            if first_text and len(stripped) <= 200 and not stripped.endswith(":") and len(lines) > 1:
                first_text = False
                segs.append(self._seg(segs, "title", stripped_start, end, stripped))
                article.title = stripped.rstrip(" |")
                continue
            first_text = False
            for s, e in _sentences(text, stripped_start, end):
                piece = text[s:e]
                lang = script_of(piece)
                kind_ = "quote" if lang == "en" and article.language == "ar" else "body"
                segs.append(self._seg(segs, kind_, s, e, piece, lang if lang != "none" else article.language))
        self._manifest_date(article)
        return segs

    def _seg(self, segs: list[Segment], kind, start: int, end: int, text: str, lang: str | None = None) -> Segment:
        if lang is None:
            lang = script_of(text)
        return Segment(len(segs), kind, "ar" if lang == "none" else lang, start, end, text)

    def _dateline(self, article: Article, line: str) -> bool:
        if article.published_origin == "text":
            return False
        key = norm(line)
        cue = _starts(key, self.markers.dateline)
        if not cue and len(key) > 60:
            return False
        found = parse_dateline(line)
        if found is None or not cue and (found.precision != "day" or len(found.text) < 0.6 * len(line.strip())):
            return False
        article.published_on = found.value
        article.published_precision = found.precision
        article.published_origin = "text"
        article.published_text = found.text
        return True

    def _manifest_date(self, article: Article) -> None:
        if article.published_origin == "text" or not article.published_text:
            return
        raw = article.published_text.strip()
        for fmt, precision in (("%Y-%m-%d", "day"), ("%Y-%m", "month"), ("%Y", "year")):
            try:
                value = dt.datetime.strptime(raw[: len(dt.date(2000, 1, 1).strftime(fmt))], fmt).date()
            except ValueError:
                continue
            article.published_on, article.published_precision = value, precision
            article.published_origin = "manifest"
            return
        found = parse_dateline(raw)
        if found is not None:
            article.published_on, article.published_precision = found.value, found.precision
            article.published_origin = "manifest"


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside one line, trimmed; abbreviations such as "Nov." do not end one."""
    out: list[tuple[int, int]] = []
    cur = start
    for m in _SENT_END.finditer(text, start, end):
        if _ABBREV.search(text[max(cur, m.start() - 6):m.start()]):
            continue
        if m.start() > cur:
            out.append((cur, m.start()))
        cur = m.end()
    if cur < end:
        out.append((cur, end))
    spans = []
    for s, e in out:
        piece = text[s:e]
        ls = len(piece) - len(piece.lstrip())
        rs = len(piece.rstrip())
        if rs > ls:
            spans.append((s + ls, s + rs))
    return spans
