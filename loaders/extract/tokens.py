"""Tokens: the words of a folded segment, with their offsets, and their forms without proclitics.

Adds the unit every later stage reads a sentence in; Arabic proclitics (و ف ب ل ك) stay on the token and
`strip_variants` gives the forms without them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..normalize import Folded

_WORD = re.compile(r"[0-9a-z\u0621-\u064a\u0671-\u06d3]+")
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")


@dataclass
class Token:
    norm: str
    start: int  # folded offsets
    end: int


def tokenize(folded: Folded) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(folded.text)]


@lru_cache(maxsize=1 << 16)
def strip_variants(word: str) -> tuple[tuple[str, int], ...]:
    """The word and its forms without proclitics, with how many characters were stripped.

    A pure function of the word, memoised: news vocabulary repeats, and every stage asks."""
    out = [(word, 0)]
    for p in PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 2:
            rest = word[len(p):]
            out.append((rest, len(p)))
            if p.endswith("ل") and rest.startswith("ل") and len(rest) >= 3:
                out.append(("ا" + rest, len(p) - 1))
    if word.startswith("لل") and len(word) >= 4:
        out.append(("ا" + word[1:], 1))
    return tuple(out)
