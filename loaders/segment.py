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

from pathlib import Path

from .extract.pubdate import Dateline, choose, parse_dateline, reader_for
from .knowledge import DATA_DIR, load_yaml
from .normalize import fold_text, norm, script_of
from .records import Article, Segment

WORDS = [str]
SEGMENT_SCHEMA = {
    "related_markers!": WORDS, "footer_markers!": WORDS, "boilerplate_lines!": WORDS,
    "promo_starts": WORDS, "promo_objects": WORDS, "notices": WORDS, "byline_cues": WORDS,
    "credit_sources": WORDS, "credit_cues": WORDS, "nav_words": WORDS,
}
_BULLET = re.compile(r"^[\s•·▪■►◄●○*\-–—|]+")
_SENT_END = re.compile(r"(?<=[.!?؟])[\"'”»)]*\s+|(?<=, [0-9]{4})(?=[\u0621-\u064a])")
_ABBREV = re.compile(r"(?:\b(?:[A-Z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|U\.S|U\.N|No|Gen|Lt|Col|Sen|Rep|Gov|Prof|vs|Jr|Sr|Capt|Maj|Adm|Brig|Cmdr)\.)$")
_WORD = re.compile(r"[^\W_]+(?:[.'-][^\W_]+)*")
PROMO_MAX_WORDS = 20  # a share or app-promotion line is short
NOTICE_MAX_WORDS = 80
CAPTION_MAX_WORDS = 30
NAV_MAX_WORDS = 12
REPEAT_MIN_WORDS = 4  # a line seen before (a caption printed twice) is furniture the second time
BYLINE_MAX_WORDS = 12
DATELINE_MAX_CHARS = 200
OPENING_LINES = 4  # text lines (the title counted) that may open with "CITY, date (Agency) -"
_STOPS = (".", "!", "?", "؟", "۔", '"', "”", "»")
_NAME_GLUE = {"and", "by", "in", "of", "the", "for", "at", "from", "with", "de", "al", "el", "bin", "van", "von"}


def _phrases(words: list[str]) -> str:
    """Word-bounded regex for folded phrases, longest first."""
    forms = sorted({norm(w) for w in words if norm(w)}, key=len, reverse=True)
    return r"(?<!\w)(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")(?!\w)" if forms else "(?!)"


@dataclass
class Markers:
    related: tuple[str, ...]
    footer: tuple[str, ...]
    boilerplate: frozenset[str]
    promo_start: re.Pattern[str]
    promo_object: re.Pattern[str]
    notice: re.Pattern[str]
    byline: re.Pattern[str]
    byline_cues: tuple[str, ...]
    credit_end: re.Pattern[str]
    credit_start: re.Pattern[str]
    nav: frozenset[str]

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> "Markers":
        data = [load_yaml(data_dir / lang / "segment.yaml", SEGMENT_SCHEMA) for lang in ("ar", "en")]

        def words(key: str) -> list[str]:
            return [w for d in data for w in d.get(key, [])]

        by_len = lambda xs: tuple(sorted({norm(x) for x in xs}, key=len, reverse=True))  # noqa: E731
        return cls(
            by_len(words("related_markers")), by_len(words("footer_markers")),
            frozenset(norm(x) for x in words("boilerplate_lines")),
            re.compile("^" + _phrases(words("promo_starts"))), re.compile(_phrases(words("promo_objects"))),
            re.compile(_phrases(words("notices"))), re.compile("^" + _phrases(words("byline_cues"))),
            tuple(words("byline_cues")),
            re.compile(r"(?:[-/|(:]|(?<!\w)via)\s*" + _phrases(words("credit_sources")) + r"\s*\)?$"),
            re.compile("^" + _phrases(words("credit_cues")) + r"\s*[:/]"),
            frozenset(w for x in words("nav_words") for w in norm(x).split()),
        )


def _starts(line: str, markers: tuple[str, ...]) -> str | None:
    for m in markers:
        if line == m or (line.startswith(m) and not line[len(m)].isalnum()):
            return m
    return None


class Segmenter:
    def __init__(self, markers: Markers):
        self.markers = markers
        self.datelines = reader_for(markers.byline_cues)

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
        return "boilerplate" if self._furniture(key, _BULLET.sub("", line).strip()) else None

    def _furniture(self, key: str, line: str) -> bool:
        """Menus, share and app-promotion lines, notices, bylines and photo credits."""
        m = self.markers
        words = _WORD.findall(key)
        n = len(words)
        if n > NOTICE_MAX_WORDS:
            return False  # a paragraph: every kind of furniture below is shorter
        raw = " ".join(fold_text(line).split()).rstrip(" .")  # like `key`, but dashes kept
        if n <= NAV_MAX_WORDS and all(w in m.nav for w in words):
            return True
        if n <= PROMO_MAX_WORDS and m.promo_start.search(key) and m.promo_object.search(key):
            return True
        if n <= NOTICE_MAX_WORDS and m.notice.search(key):
            return True
        if n <= CAPTION_MAX_WORDS and (m.credit_end.search(raw) or m.credit_start.search(key)):
            return True
        return _byline(line, raw, m.byline)

    def segment(self, article: Article) -> list[Segment]:
        text = article.text
        segs: list[Segment] = []
        lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
        after_footer = in_related = False
        first_text = True
        printed: list[Dateline] = []
        listed: list[Dateline] = []  # whole-line dates inside "read also" blocks
        seen: set[str] = set()
        paragraphs = 0
        for start, line in lines:
            kind = self.line_kind(line)
            if kind == "blank":
                continue
            stripped_start = start + len(line) - len(line.lstrip())
            stripped = line.strip()
            end = stripped_start + len(stripped)
            key = norm(stripped)
            if kind is None and key in seen and len(key.split()) >= REPEAT_MIN_WORDS:
                kind = "boilerplate"  # a caption or headline printed twice
            seen.add(key)
            if kind in ("footer", "boilerplate") and not after_footer and len(stripped) <= DATELINE_MAX_CHARS \
                    and (found := self.datelines.read(stripped)) is not None:
                printed.append(found)  # a byline or source line that prints the date ("المصدر: وكالات | تاريخ: …")
            if kind == "footer" and not any(s.kind in ("body", "quote") for s in segs):
                kind = "boilerplate"  # a source line above the article ("المصدر: وكالات") does not end it
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
                if len(stripped) <= DATELINE_MAX_CHARS and (found := self.datelines.read(stripped)) is not None:
                    listed.append(found)
                segs.append(self._seg(segs, "related", stripped_start, end, stripped))
                continue
            if after_footer:
                segs.append(self._seg(segs, "boilerplate", stripped_start, end, stripped))
                continue
            found = self.datelines.read(stripped) if len(stripped) <= DATELINE_MAX_CHARS else None
            if found is not None:
                printed.append(found)
                segs.append(self._seg(segs, "dateline", stripped_start, end, stripped))
                continue
            paragraphs += 1
            opening = self.datelines.opening(stripped) if paragraphs <= OPENING_LINES else None
            if opening is None and first_text and len(stripped) <= 200 and not stripped.endswith(":") \
                    and len(lines) > 1:
                first_text = False
                segs.append(self._seg(segs, "title", stripped_start, end, stripped))
                article.title = stripped.rstrip(" |")
                continue
            if opening is not None:  # "CITY, date (Agency) -" opens a paragraph; "date …" may open a headline
                cut, found = opening
                if found is not None:  # (none where the dateline prints no year)
                    printed.append(found)
                segs.append(self._seg(segs, "dateline", stripped_start, stripped_start + cut,
                                      stripped[:cut].rstrip()))
                stripped_start += cut
                rest = stripped[cut:]
                if first_text and found is not None and found.role == "published" and len(rest) <= 200 \
                        and not rest.endswith(_STOPS):
                    first_text = False
                    segs.append(self._seg(segs, "title", stripped_start, end, rest))
                    article.title = rest.rstrip(" |")
                    continue
            first_text = False
            for s, e in _sentences(text, stripped_start, end):
                piece = text[s:e]
                lang = script_of(piece)
                kind_ = "quote" if lang == "en" and article.language == "ar" else "body"
                segs.append(self._seg(segs, kind_, s, e, piece, lang if lang != "none" else article.language))
        # A page that prints its date only after a "read also" block (tags, then the stamp) still has
        # it; a block that lists several dates lists its headlines' dates, so none of them is taken.
        chosen = choose(printed) or (listed[0] if len(listed) == 1 else None)
        if chosen is not None:
            article.published_on, article.published_precision = chosen.date.value, chosen.date.precision
            article.published_origin, article.published_text = "text", chosen.date.text
        self._manifest_date(article)
        return segs

    def _seg(self, segs: list[Segment], kind, start: int, end: int, text: str, lang: str | None = None) -> Segment:
        if lang is None:
            lang = script_of(text)
        return Segment(len(segs), kind, "ar" if lang == "none" else lang, start, end, text)

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


def _byline(line: str, raw: str, cue: re.Pattern[str]) -> bool:
    """A byline: a cue, then only a name ("بقلم: سارة علي", "By Ann Lee and Tom Ray, BBC News").

    Arabic: after a colon or a dash, or three words at most (كتب is also a verb). English: every
    word capitalised or a joining word ("By contrast, the ministry …" is prose). No digits:
    a byline with a date is a dateline.
    """
    m = cue.search(raw)
    if m is None or line.endswith(".") or any(c.isdigit() for c in line):
        return False
    rest = raw[m.end():]
    words = _WORD.findall(rest)
    if not words:
        return False
    if m.group().isascii():
        names = _WORD.findall(line)[len(m.group().split()):]
        return len(names) <= BYLINE_MAX_WORDS and all(w[0].isupper() or w.lower() in _NAME_GLUE for w in names)
    return len(words) <= 3 or (len(words) <= BYLINE_MAX_WORDS // 2 and bool(re.match(r"\s*[:-]", rest)))


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
