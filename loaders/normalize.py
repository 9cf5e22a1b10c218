"""Normalisation for matching, with a map back to the original character offsets.

Matching happens on a folded copy of the text (hamza forms, alef maqsura, ta marbuta,
diacritics, tatweel, digits, quotes, dashes, case), but every match must point at the
original article text. pyarabic supplies the character classes; its strip/normalise
functions do not keep offsets, so the folding itself is a per-character table here.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pyarabic import araby

_DROP = set(araby.TASHKEEL) | {araby.TATWEEL, "\u0670", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c"}

_FOLD: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه",
    "ک": "ك", "ی": "ي", "ھ": "ه", "ۀ": "ه",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
    "،": ",", "؛": ";", "؟": "?",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _FOLD[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _FOLD[_d] = str(_i)


@dataclass(frozen=True)
class Folded:
    """A folded text and, for each of its characters, the offset it came from."""

    text: str
    origin: Sequence[int]
    source_len: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for a folded [start, end)."""
        if start >= len(self.origin):
            return self.source_len, self.source_len
        o_start = self.origin[start]
        o_end = self.origin[end - 1] + 1 if end > start else o_start
        return o_start, o_end


def fold_char(ch: str) -> str:
    if ch in _DROP:
        return ""
    return _FOLD.get(ch, ch).lower()


_TABLE = str.maketrans({**{c: None for c in _DROP}, **_FOLD})


def fold(text: str) -> Folded:
    """Fold a text; every folding is one character to one (or none), so offsets map back."""
    folded = text.translate(_TABLE).lower()
    if len(folded) == len(text):
        return Folded(folded, range(len(text)), len(text))
    origin = tuple(i for i, ch in enumerate(text) if ch not in _DROP)
    if len(origin) == len(folded):
        return Folded(folded, origin, len(text))
    return _fold_slow(text)


def _fold_slow(text: str) -> Folded:
    """Character by character, for the rare letters whose lower case is longer."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        f = fold_char(ch)
        for c in f:
            out.append(c)
            origin.append(i)
    return Folded("".join(out), tuple(origin), len(text))


def fold_text(text: str) -> str:
    """`fold(text).text` without the offsets, for a check that needs no way back to the text."""
    return text.translate(_TABLE).lower()


def norm(text: str) -> str:
    """Folded form of a short string (an alias, a trigger word), spaces collapsed."""
    return " ".join(fold_text(text).replace("-", " ").split())


def is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufefc"


_AR_LETTERS = re.compile("[" + "".join(re.escape(chr(c)) for c in range(0x600, 0xFEFD)
                                       if is_arabic(chr(c)) and chr(c).isalpha()) + "]")
_LATIN_LETTERS = re.compile("[A-Za-z]")


def script_of(text: str) -> str:
    """'ar', 'en' or 'none' by the majority of letters."""
    ar = len(_AR_LETTERS.findall(text))
    la = len(_LATIN_LETTERS.findall(text))
    if not ar and not la:
        return "none"
    return "ar" if ar >= la else "en"
