"""Short names: a surname, a first name after an honorific or a registry short name standing for a person.

Adds to entity matching the back-references a sentence makes once a full name has appeared ("وأضاف شويغو",
"الأمير فيصل", "Kim said"): to the one person of that name named so far, else to whoever of its owners led a
state at the article's date; a name word followed by another capitalised word is someone's full name instead.
"""
from __future__ import annotations

from ..normalize import Folded
from ..records import Mention, Segment
from ..registry import Alias
from .fuzzy import skeleton
from .tokens import _WORD, Token, strip_variants

_LONE_CONFIDENCE = 0.7  # a short name resolved by who led a state of the article at its date


class ShortNames:
    """The matcher's short-name readings; they use its gazetteer, cues, fuzzy index and `leading` offices."""

    def _lone(self, text: str, seg: Segment, folded: Folded, toks: list[Token], i: int,
              hit: tuple[int, int, Alias], nation: str | None, seen_full: list[str]) -> Mention | None:
        """A short name ("كيم", "Kim") whose owners the article never names in full: a mention of whichever
        of them leads a state at the article's date, left for `resolve_lone_names` (None when none of
        them ever led; and when one was named in full, the short name is that one's or, with two, no one's)."""
        n, stripped, alias = hit
        owners = {a.entity for a in self.gaz.aliases_for(tuple(_WORD.findall(alias.norm))) if a.kind == "short"}
        if owners & set(seen_full):
            return None
        entities = self.gaz.registry.entities
        owners = {e for e in owners if nation is None or entities[e].country == nation}
        holders = tuple(h for e in sorted(owners) for h in self.leading.get(e, ()))
        if not holders:
            return None
        m = self._mention(text, seg, folded, toks[i].start + stripped, toks[i + n - 1].end, None, None)
        m.alias_kind, m.holders, m.confidence = "lone", holders, _LONE_CONFIDENCE
        return m

    def _surname_not_adjective(self, toks: list[Token], i: int, adj: Alias, seen_full: list[str]) -> Alias | None:
        """"وأكد السوداني", after Mohammed Shia al-Sudani was named in full: the surname, not "Sudanese",
        where no definite noun before it could take the adjective ("الجيش السوداني")."""
        if i and any(f.startswith("ال") for f, _ in strip_variants(toks[i - 1].norm)):
            return None
        return next((a for a in self.gaz.aliases_for(tuple(_WORD.findall(adj.norm)))
                     if a.kind == "short" and a.entity in seen_full), None)

    def _back_reference(self, alias: Alias, seen_full: list[str], nation: str | None) -> str | None:
        """A short name alone names the one entity named in full so far that it can stand for (of the
        nationality written before it: "الكوري الجنوبي كيم ..." is not North Korea's Kim); two such
        people (two Kims) leave it unlinked."""
        owners = {a.entity for a in self.gaz.aliases_for(tuple(_WORD.findall(alias.norm))) if a.kind == "short"}
        entities = self.gaz.registry.entities
        named = {e for e in seen_full if e in owners and (nation is None or entities[e].country == nation)}
        return next(iter(named)) if len(named) == 1 else None

    def _surname(self, seg: Segment, folded: Folded, toks: list[Token], i: int, seen_full: list[str],
                 nation: str | None) -> tuple[int, str] | None:
        """(characters stripped, person) when a lone word is the surname of the one person of that
        surname named in full so far ("... سيرغي شويغو ... وأضاف شويغو")."""
        if not seen_full:
            return None
        honoured = i > 0 and any(f in self.cues.honorifics for f, _ in strip_variants(toks[i - 1].norm))
        if not (honoured or self._may_be_surname(toks[i].norm)) \
                or (toks[i].norm.isascii() and not self._capitalised(seg, folded, toks[i])) \
                or self._name_continues(seg, folded, toks, i):
            return None
        for form, stripped in strip_variants(toks[i].norm):
            who = self.fuzzy.given_owner((form,), seen_full) if honoured else None
            who = who or self.fuzzy.surname_owner((form,), seen_full, nation)
            if who is not None:
                return stripped, who
        return None

    def _name_continues(self, seg: Segment, folded: Folded, toks: list[Token], i: int) -> bool:
        """"Kim Jong Nam": a Latin surname followed by another capitalised name word is someone's full
        name, not a short one (headlines, written in title case, are exempt); so is an Arabic one
        followed by a hyphened given name ("كيم هونج-كيون")."""
        if i + 2 < len(toks) and not toks[i].norm.isascii() and \
                folded.text[toks[i + 1].end:toks[i + 2].start].strip() == "-":
            return True  # "كيم هونج-كيون": a hyphened given name follows
        if seg.kind == "title" or i + 1 >= len(toks) or not toks[i].norm.isascii():
            return False
        nxt = toks[i + 1]
        return not folded.text[toks[i].end:nxt.start].strip(" -") and nxt.norm.isalpha() and nxt.norm.isascii() \
            and self._capitalised(seg, folded, nxt)

    def _may_be_surname(self, word: str) -> bool:
        """Whether any form of the word is someone's surname, memoised: most words are no one's."""
        got = self.surname_words.get(word)
        if got is None:
            if len(self.surname_words) > 200_000:
                self.surname_words.clear()
            got = self.surname_words[word] = any(skeleton(f) in self.fuzzy.surnames for f, _ in strip_variants(word))
        return got
