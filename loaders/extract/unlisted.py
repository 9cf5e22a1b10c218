"""Unlisted people: English names the registry does not know, found after an office title.

Adds `Mention`s (alias kind `title`, lower confidence) for people that no gazetteer lists but an
English text introduces by their office: "California Governor Gavin Newsom", "Saudi National
Security Adviser Musaad bin Mohammed al-Aiban". An English name is written as it is known, so the
words themselves are its canonical name. They are found before events, so the person who met or
signed is the participant ("Xi met Kenyan Trade Minister Rebecca Miano"), beside the state a title
names. The words live in `loaders/data/en/unlisted.yaml`.
"""
from __future__ import annotations

import re

from ..knowledge import DATA_DIR, load_yaml
from ..records import Mention, Segment

SCHEMA = {"titles!": [str], "particles!": [str], "not_names!": [str]}
_CAP = r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)*"
_MIN_WORDS, _MAX_WORDS = 2, 5


class UnlistedPeople:
    """The compiled title-and-name pattern of the English data."""

    def __init__(self, titles: list[str], particles: list[str], not_names: list[str]):
        title = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(titles, key=len, reverse=True))
        part = "|".join(re.escape(p) for p in particles)
        word = rf"(?:{_CAP}|(?:{part})-{_CAP})"
        self._pattern = re.compile(
            rf"(?<![\w-])(?:{title})\s+(?P<name>{word}(?:\s+(?:(?:{part})\s+)*{word}){{{_MIN_WORDS - 1},{_MAX_WORDS - 1}}})"
            rf"(?![\w-])")
        self._not_names = {w.lower() for w in not_names}

    @classmethod
    def load(cls) -> "UnlistedPeople":
        data = load_yaml(DATA_DIR / "en" / "unlisted.yaml", SCHEMA)
        return cls(data["titles"], data["particles"], data["not_names"])

    def find(self, text: str, segments: list[Segment], mentions: list[Mention]) -> list[Mention]:
        """Mentions of unlisted people in the English segments, none overlapping a known mention."""
        taken = [(m.start, m.end) for m in mentions]
        out: list[Mention] = []
        for seg in segments:
            if seg.language != "en" or seg.kind in ("dateline", "boilerplate"):
                continue
            for m in self._pattern.finditer(seg.text):
                start, end = seg.start + m.start("name"), seg.start + m.end("name")
                name = " ".join(m.group("name").replace("’", "'").split())
                if any(w.lower() in self._not_names for w in re.split(r"[\s-]+", name)):
                    continue
                if any(s < end and start < e for s, e in taken):
                    continue
                out.append(Mention(start, end, text[start:end], seg.order, name, "person", "title", confidence=0.6))
                taken.append((start, end))
        return out
