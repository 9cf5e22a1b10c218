"""Backend-neutral NLP records and the `Backend` protocol.

A backend turns plain texts into sentences of syntactic words and entity spans. All
offsets are character offsets into the analysed text, so callers that analyse a slice of
an article add the slice's start to map back to `Article.text`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable


@dataclass
class NlpWord:
    """One syntactic word. An Arabic multi-word token such as وبوتين gives two words
    (و + بوتين) that share the token's offsets, since the split words need not be
    substrings of the text."""

    id: int  # 1-based within the sentence
    text: str
    lemma: str | None
    upos: str | None
    head: int  # id of the head word, 0 for the root
    deprel: str | None
    start: int  # offsets of the token this word belongs to
    end: int


@dataclass
class NlpSentence:
    start: int
    end: int
    words: list[NlpWord] = field(default_factory=list)

    def word(self, id_: int) -> NlpWord | None:
        """The word with this id (None for 0, the root)."""
        return self.words[id_ - 1] if 0 < id_ <= len(self.words) else None


@dataclass
class NlpEntity:
    """A named-entity span as the backend tagged it; for Arabic the span covers whole
    tokens, so a proclitic (وبوتين, بموسكو) is inside it."""

    start: int
    end: int
    text: str
    type: str  # PER / LOC / ORG / MISC …


@dataclass
class Analysis:
    text: str
    sentences: list[NlpSentence] = field(default_factory=list)
    entities: list[NlpEntity] = field(default_factory=list)


class NlpUnavailable(RuntimeError):
    """The backend cannot run: its package or its models for a language are missing."""


@runtime_checkable
class Backend(Protocol):
    name: str

    def analyse(self, texts: list[str], lang: str) -> list[Analysis]:
        """One `Analysis` per text, in order; all texts of one call are batched."""
        ...
