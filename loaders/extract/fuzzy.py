"""Name variants beyond the registry: a guarded fuzzy match against known person names, and
surnames that stand for a person named in full earlier in the article.

Adds, after the gazetteer's exact match has found nothing at a token, a second chance for
spellings no one listed ("Kim Chong-un", "سيرجيه شويقو", "Sergey Shoygu"). Both sides are
reduced to a transliteration skeleton (Latin ch/j, y/i, ee/i, eo/o, eu/u; Arabic تش/ج/ق/غ,
ط/ت, a final يه), then compared token by token with rapidfuzz's edit distance. The guards:
a candidate shares at least its first or last token with the known name (exactly, after the
skeleton), tokens under five letters never differ, longer ones by one edit (two from eight
letters), a Russian feminine surname (Lavrova) is not the masculine one, the whole span must
also score a high ratio, a nationality written just before the name must be the person's, and
two people matching about as well is no match at all.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..registry import Registry

_WORD = re.compile(r"[0-9a-z\u0621-\u064a\u0671-\u06d3]+")
_LATIN_FOLDS = (("sch", "sh"), ("kh", "h"), ("ch", "j"), ("ph", "f"), ("x", "ks"), ("w", "v"), ("y", "i"),
                ("ee", "i"), ("eu", "u"), ("eo", "o"), ("oe", "oi"), ("ei", "i"), ("ii", "i"))
_AR_FOLDS = str.maketrans({"ج": "غ", "ق": "غ", "ط": "ت", "ص": "س", "ذ": "ز", "ظ": "ز", "ء": None})
_DOUBLE = re.compile(r"(.)\1+")
MIN_RATIO = 85.0  # whole-span similarity (0-100) on top of the per-token limits
MAX_EDITS = 2  # over the whole name
MIN_FUZZY_LEN = 5  # shorter tokens (Kim, Jong, Song, أون, جونغ) must agree exactly after the skeleton


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """A folded word with spelling differences between transliterations removed."""
    if word.isascii():
        for a, b in _LATIN_FOLDS:
            word = word.replace(a, b)
    else:
        word = word.replace("تش", "ج").translate(_AR_FOLDS)
        if word.endswith("يه") and len(word) > 3:
            word = word[:-1]
    return _DOUBLE.sub(r"\1", word)


def _feminine(a: str, b: str) -> bool:
    """Lavrova / Lavrov, زاخاروفا / زاخاروف: the same family name of a different person."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[:-1] == shorter and longer[-1] in "aا"


def _token_edits(a: str, b: str) -> int | None:
    """Edits between two skeleton tokens, or None when they are not the same name."""
    if a == b:
        return 0
    if min(len(a), len(b)) < MIN_FUZZY_LEN or _feminine(a, b):
        return None
    limit = 1 if max(len(a), len(b)) < 8 else 2
    d = Levenshtein.distance(a, b, score_cutoff=limit)
    return d if d <= limit else None


def _pairs_edits(a: Sequence[str], b: Sequence[str]) -> int | None:
    total = 0
    for x, y in zip(a, b):
        d = _token_edits(x, y)
        if d is None:
            return None
        total += d
    return total


def align(cand: Sequence[str], known: Sequence[str]) -> int | None:
    """Edits between two names token by token; one hyphen-joined pair may be one word on one side
    ("Jongun" / "Jong Un", سونغهوي / سونغ هوي)."""
    if len(cand) == len(known):
        return _pairs_edits(cand, known)
    if abs(len(cand) - len(known)) != 1:
        return None
    longer, shorter = (cand, known) if len(cand) > len(known) else (known, cand)
    best: int | None = None
    for k in range(len(longer) - 1):
        if longer[k] + longer[k + 1] != shorter[k]:
            continue  # the joined pair is the same word exactly, never a likeness
        d = _pairs_edits([*longer[:k], *longer[k + 2:]], [*shorter[:k], *shorter[k + 1:]])
        if d is not None and (best is None or d < best):
            best = d
    return best


@dataclass(frozen=True)
class Known:
    entity: str
    country: str | None
    tokens: tuple[str, ...]  # skeletons

    @property
    def joined(self) -> str:
        return "".join(self.tokens)


@dataclass(frozen=True)
class FuzzyHit:
    n: int  # tokens covered
    entity: str
    edits: int


@dataclass
class FuzzyNames:
    """Known multi-word person names, indexed by the skeleton of their first and last tokens."""

    first: dict[str, list[Known]] = field(default_factory=dict)
    last: dict[str, list[Known]] = field(default_factory=dict)
    surnames: dict[str, frozenset[str]] = field(default_factory=dict)  # last-token skeleton → people
    countries: dict[str, str | None] = field(default_factory=dict)
    seen: dict[tuple, FuzzyHit | None] = field(default_factory=dict, repr=False)  # news vocabulary repeats

    @classmethod
    def build(cls, registry: Registry, not_short: Iterable[str] = ()) -> "FuzzyNames":
        out = cls()
        seen: set[tuple[str, tuple[str, ...]]] = set()
        surnames: dict[str, set[str]] = {}
        blocked = {skeleton(w) for w in not_short}
        listed_short = {a.entity for a in registry.aliases if a.kind == "short"}  # the registry knows better
        for alias in registry.aliases:
            ent = registry.entities.get(alias.entity or "")
            if alias.kind != "name" or ent is None or ent.kind != "person":
                continue
            out.countries[ent.name] = ent.country
            words = _WORD.findall(alias.norm)
            if len(words) < 2:
                continue
            tokens = tuple(skeleton(w) for w in words)
            if (ent.name, tokens) in seen:
                continue
            seen.add((ent.name, tokens))
            known = Known(ent.name, ent.country, tokens)
            out.first.setdefault(tokens[0], []).append(known)
            out.last.setdefault(tokens[-1], []).append(known)
            if len(words[-1]) >= MIN_FUZZY_LEN and not words[-1].startswith("ال") and tokens[-1] not in blocked \
                    and ent.name not in listed_short:
                surnames.setdefault(tokens[-1], set()).add(ent.name)
        for alias in registry.aliases:  # a listed short name in another spelling (Choi for Choe)
            if alias.kind == "short" and len(alias.norm) >= 4 and " " not in alias.norm:
                surnames.setdefault(skeleton(alias.norm), set()).add(alias.entity)
        out.surnames = {k: frozenset(v) for k, v in surnames.items()}
        return out

    def match(self, first_forms: Sequence[str], rest: Sequence[str], nation: str | None,
              whole: bool = False) -> FuzzyHit | None:
        """The person a name-like span names: `first_forms` are its first word with and without
        proclitics, `rest` the words that follow it (contiguous, at most three); `whole` when the
        span must be matched entirely (a run of capitalised Latin words is one name)."""
        key = (tuple(first_forms), tuple(rest), nation, whole)
        if key not in self.seen:
            if len(self.seen) > 200_000:
                self.seen.clear()
            self.seen[key] = self._match(first_forms, rest, nation, whole)
        return self.seen[key]

    def _match(self, first_forms: Sequence[str], rest: Sequence[str], nation: str | None,
               whole: bool) -> FuzzyHit | None:
        rest_sk = [skeleton(w) for w in rest]
        found: dict[str, FuzzyHit] = {}
        for form in first_forms:
            head = skeleton(form)
            words = [head, *rest_sk]
            candidates = list(self.first.get(head, ()))
            for n in range(2, len(words) + 1):
                candidates += self.last.get(words[n - 1], ())
            for known in candidates:
                if nation is not None and known.country != nation:
                    continue
                low = len(words) if whole else max(2, len(known.tokens) - 1)
                for n in range(low, min(len(words), len(known.tokens) + 1) + 1):
                    cand = words[:n]
                    edits = align(cand, known.tokens)
                    if edits is None or edits > MAX_EDITS or fuzz.ratio("".join(cand), known.joined) < MIN_RATIO:
                        continue
                    hit = FuzzyHit(n, known.entity, edits)
                    old = found.get(known.entity)
                    if old is None or (hit.edits, -hit.n) < (old.edits, -old.n):
                        found[known.entity] = hit
        if not found:
            return None
        ranked = sorted(found.values(), key=lambda h: (h.edits, -h.n))
        best = ranked[0]
        if len(ranked) > 1 and ranked[1].edits <= best.edits + (0 if best.edits == 0 else 1):
            return None  # two people match about as well: no link
        return best

    def given_owner(self, forms: Iterable[str], named: Sequence[str]) -> str | None:
        """The one person named in full earlier whose first name this word is ("الأمير فيصل" after "الأمير فيصل
        بن فرحان"): honorifics call Gulf rulers and princes by it."""
        people = set(named)
        owners = {k.entity for form in forms for k in self.first.get(skeleton(form), ()) if k.entity in people}
        return next(iter(owners)) if len(owners) == 1 else None

    def surname_owner(self, forms: Iterable[str], named: Sequence[str], nation: str | None) -> str | None:
        """The one person named in full earlier (`named`) whose surname this word is."""
        people = set(named)
        owners: set[str] = set()
        for form in forms:
            for who in self.surnames.get(skeleton(form), ()):
                if who in people and (nation is None or self.countries.get(who) == nation):
                    owners.add(who)
        return next(iter(owners)) if len(owners) == 1 else None
