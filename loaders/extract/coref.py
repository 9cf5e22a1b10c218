"""Coreference: who an event word points back to when its sentence does not name them.

Adds to the events stage the participants that Arabic (and English, less often) leaves
implicit: a verb without a subject continues the last actor of its gender and number
("وصلت تشوي ... والتقت"), a possessive suffix on an event noun names its owner ("خلال
اجتماعه", "جولتها", "قمتهما"; "his visit"), a relative pronoun stands for the actor before it
("شي الذي يزور"), a delegation is its head ("وفد برئاسة X"), and "the two countries" (or an
office of theirs: "وزيرا خارجية البلدين") are the article's two main states. The agreement marks and the
words are data (`verb_marks`, `possessive`, `relatives`, `delegation`, `headed_by` in
`data/<lang>/triggers.yaml`); each person's gender comes from the registry.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..normalize import Folded
from ..records import Segment
from ..registry import Registry
from .actors import Actor, boundary_after, boundary_before, phrase_at, phrase_match
from .tokens import Token, strip_variants
from .triggers import TriggerSet, dual_office, word_forms

RECALL = 3  # previous sentences an implicit subject may point back to


@dataclass(frozen=True)
class Agreement:
    """What a verb form or a possessive suffix says of its referent."""

    gender: str | None  # "m", "f", None when the form does not tell
    number: int  # 1, 2 (dual), 3 (plural)


@dataclass
class Discourse:
    """The actors of an article's earlier sentences, most recent last."""

    sentences: list[list[Actor]] = field(default_factory=list)

    def note(self, actors: list[Actor]) -> None:
        if actors:
            self.sentences.append(actors)


class Coref:
    def __init__(self, registry: Registry):
        self.registry = registry

    def verb_mark(self, toks: list[Token], i: int, ts: TriggerSet) -> Agreement | None:
        """The subject a trigger verb agrees with, when its form shows one (Arabic only)."""
        marks = ts.verb_marks
        if ts.lang != "ar" or not marks:
            return None
        word, is_trigger = _verb_word(toks, i, ts)
        if word.endswith(("ات", "ه")) or not is_trigger(word):
            return None  # a noun (الزيارة، محادثات) or a form the lists know only with the article stripped
        for suffix in marks.get("dual_suffix", ()):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3 and is_trigger(word[:-len(suffix)]):
                return Agreement(None, 2)
        for suffix in marks.get("plural_suffix", ()):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3 and is_trigger(word[:-len(suffix)]):
                return Agreement(None, 3)
        for suffix in marks.get("feminine_suffix", ()):
            base = word[:-len(suffix)]
            if word.endswith(suffix) and len(base) >= 2 and any(is_trigger(b) for b in (base, base + "ي", base + "ا")):
                return Agreement("f", 1)
        gender = _imperfect(word, marks, is_trigger)
        if gender:
            return Agreement(gender, 1)
        opens = i == 0 or toks[i].norm[:1] in "وف" and i <= 1 or toks[i - 1].norm in ts.boundaries | ts.clause_openers
        if opens:
            return Agreement("m", 1)  # a clause-initial past verb: "والتقى بعد ذلك ...", "حيث التقى ..."
        return None

    @staticmethod
    def present_verb(toks: list[Token], i: int, ts: TriggerSet) -> bool:
        """The trigger is an Arabic imperfect verb ("يزور", "تستقبل") or an English present one ("when he travels to
        Beijing on Friday"; not "his visits"): with a bare date, news tells what is coming."""
        if ts.lang == "en":
            return toks[i].norm in ts.present_forms and i > 0 and toks[i - 1].norm not in ts.determiners
        if ts.lang != "ar" or not ts.verb_marks:
            return False
        word, is_trigger = _verb_word(toks, i, ts)
        return _imperfect(word, ts.verb_marks, is_trigger, 2) is not None  # ("يصل", "تصل")

    def object_pronoun(self, toks: list[Token], i: int, ts: TriggerSet) -> bool:
        """A verb carrying its object ("وقعها", "استقبله"): a relative clause's head is then its object."""
        if ts.lang != "ar":
            return False
        word = toks[i].norm
        for suffix in sorted({x for xs in ts.possessive.values() for x in xs}, key=len, reverse=True):
            base = word[:-len(suffix)]
            if word.endswith(suffix) and len(base) >= 3 and any(
                    ts.triggers.at([Token(b, 0, len(b))], 0, (b,)) for b in (base, base[:-1] + "ي")):
                return not base.endswith("ت") or len(base) <= 4
        return False

    def possessor_mark(self, seg: Segment, folded: Folded, toks: list[Token], i: int, ts: TriggerSet) -> Agreement | None:
        """The owner an event noun's possessive names: "اجتماعه", "زيارتها", "قمتهما", "his visit"."""
        if ts.lang == "en":
            prev = toks[i - 1].norm if i > 0 else ""
            return next((_POSSESSIVE[k] for k, words in ts.possessive.items() if prev in words), None)
        word = toks[i].norm
        a, b = folded.span(toks[i].start, toks[i].end)
        original = seg.text[a:b].rstrip()
        for key in ("dual", "plural", "feminine", "masculine"):
            for suffix in ts.possessive.get(key, ()):
                if not word.endswith(suffix) or len(word) - len(suffix) < 3:
                    continue
                if original.endswith("ة"):
                    return None  # ta marbuta folded to ه, not a pronoun
                base = word[:-len(suffix)]
                base = base[:-1] + "ه" if base.endswith("ت") else base
                if ts.triggers.at([Token(base, 0, len(base))], 0, word_forms(base)) is not None:
                    return _POSSESSIVE[key]
        return None

    @staticmethod
    def subject_mark(toks: list[Token], i: int, ts: TriggerSet) -> Agreement | None:
        """An English subject pronoun a few words before the trigger ("He also met", "On Monday she held talks")."""
        found = Coref.subject_pronoun(toks, i, ts)
        return found[1] if found else None

    @staticmethod
    def subject_pronoun(toks: list[Token], i: int, ts: TriggerSet) -> tuple[int, Agreement] | None:
        """Where that pronoun stands, and what it agrees with ("it" continues no one here)."""
        found = _pronoun_before(toks, i, 4, ts.subjects)
        return found if found and found[1].gender != "n" else None

    @staticmethod
    def reported_mark(toks: list[Token], i: int, ts: TriggerSet) -> Agreement | None:
        """A pronoun subject of reported speech right before the trigger: "إنه سيعزز", "أنها ستزور"
        (one word in Arabic), "that he would", "said she will" (a few words in English)."""
        if ts.lang != "en":
            found = _pronoun_before(toks, i, 1, ts.reported)
            return found[1] if found else None
        found = _pronoun_before(toks, i, 3, ts.subjects)
        if found is None or found[0] == 0:
            return None
        k = found[0] - 1  # the pronoun follows a complement or a speech verb
        return found[1] if toks[k].norm in ts.complements or ts.quotes.at(toks, k, (toks[k].norm,)) else None

    @staticmethod
    def companion_mark(toks: list[Token], k: int, ts: TriggerSet) -> Agreement | None:
        """A pronoun for an event's other party right after it ("لقائه به", "met him")."""
        word = toks[k].norm if k < len(toks) else ""
        return next((_POSSESSIVE[key] for key, words in ts.companions.items() if word in words), None)

    def antecedents(self, mark: Agreement, before: list[Actor], discourse: Discourse,
                    taken: set[str], subject: bool = False) -> list[Actor]:
        """The actors a mark points back to: the nearest agreeing people in this sentence before
        the word, else in the previous sentences; two for a dual, none for a plural. A `subject`
        pronoun or subjectless verb ("He also met", "كما التقى") continues an earlier sentence's first
        agreeing person, its subject, not the object it named last."""
        if mark.number == 3:
            return []
        want = mark.number
        for pool in [before, *reversed(discourse.sentences[-RECALL:])]:
            found: list[Actor] = []
            for a in (pool if subject else reversed(pool)):
                if a.kind != "person" or a.entity in taken or any(f.entity == a.entity for f in found):
                    continue
                gender = self.gender(a.entity)
                if mark.gender and gender and gender != mark.gender:
                    continue
                found.append(a)
                if len(found) == want:
                    return found if subject else list(reversed(found))
        return []

    def two_countries(self, toks: list[Token], i: int, j: int, ts: TriggerSet, main_states: list[str],
                      day: dt.date | None, etype: str) -> list[str]:
        """"The two countries" near the trigger (before it only as the subject of an agreement)."""
        if len(main_states) < 2:
            return []
        holders = lambda office: [h for h in (self.registry.holder(office, s, day)  # noqa: E731
                                              for s in main_states) if h]
        reach = 8 if ts.lang == "en" else 5  # "The two leaders last met", "The two heads of state witnessed"
        for k in range(max(0, i - reach), min(len(toks), j + 4)):
            if k not in range(i, j + 1) and phrase_at(toks, k, ts.dual_heads):
                # "the two leaders": each state's leader, its head of state where none is listed (a king
                # or an emperor heads the state, the prime minister leads it); "the two presidents", "the two
                # heads of state": the heads of state first
                presidents = any(phrase_at(toks, x, ts.dual_presidents) for x in range(k, min(len(toks), k + 3)))
                offices = ("head_of_state", "leader") if presidents else ("leader", "head_of_state")
                return [h for h in (self.registry.holder(offices[0], s, day) or self.registry.holder(offices[1], s, day)
                                    for s in main_states) if h]
        for k in range(max(0, i - 4), i):  # "وأجرى وزيرا خارجية البلدين مباحثات"
            office = phrase_at(toks, k, ts.dual) and dual_office(toks, k, ts)
            if office:
                return holders(office)
        # before an agreement or cooperation, its clause's subject ("Both sides expressed a desire to
        # further strengthen the partnership")
        start = max(i - 8, boundary_before(toks, i, ts)) if etype in ("agreement", "cooperation") else j + 1
        for k in range(max(0, start), min(len(toks), j + 7, boundary_after(toks, j, ts))):  # (not in a relative)
            if phrase_at(toks, k, ts.dual):
                office = dual_office(toks, k, ts)
                return holders(office) if office else list(main_states)
        return []

    @staticmethod
    def counted(toks: list[Token], i: int, actors: list[Actor], discourse: Discourse, ts: TriggerSet) -> list[Actor]:
        """"the three leaders met", "اتفق القادة الثلاثة": the people named last, as many as the phrase counts,
        in this sentence before the trigger, else the sentences before."""
        said = next((p for k in [*range(max(0, i - 5), i), *range(i + 1, min(len(toks), i + 3))]
                     if (p := phrase_match(toks, k, ts.counted))), None) if ts.counted else None
        if said is None:
            return []
        size = ts.counted.numbers[said]
        found: list[Actor] = []
        for pool in [[a for a in actors if a.last < i], *reversed(discourse.sentences[-RECALL:])]:
            for a in reversed(pool):
                if a.kind == "person" and all(f.entity != a.entity for f in found):
                    found.append(a)
            if len(found) >= size:
                return list(reversed(found[:size]))
        return []

    def gender(self, name: str) -> str | None:
        ent = self.registry.entities.get(name)
        return ent.gender if ent else None


def _verb_word(toks: list[Token], i: int, ts: TriggerSet):
    """The trigger's word without a conjunction that is no part of it ("والتقى"), and a test of trigger words."""
    is_trigger = lambda w: ts.triggers.at([Token(w, 0, len(w))], 0, (w,)) is not None  # noqa: E731
    word = toks[i].norm
    if word[:1] in "وف" and len(word) > 3 and not is_trigger(word):
        word = word[1:]
    return word, is_trigger


def _imperfect(word: str, marks: dict[str, tuple[str, ...]], is_trigger, stem: int = 3) -> str | None:
    """The gender of a present verb's prefix ("يزور" m, "تزور" f): the other gender's form is a trigger
    too, unlike تعاون's ت; `stem` letters at least after the prefix."""
    prefixes = {p: g for g, key in (("f", "feminine_prefix"), ("m", "masculine_prefix")) for p in marks.get(key, ())}
    for p, gender in sorted(prefixes.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(p) and len(word) - len(p) >= stem:
            other = [q for q, g in prefixes.items() if g != gender and len(q) == len(p)]
            return gender if any(is_trigger(q + word[len(p):]) for q in other) else None
    return None


def _pronoun_before(toks: list[Token], i: int, reach: int, words: dict[str, tuple[str, ...]]) -> tuple[int, Agreement] | None:
    """The nearest of `words` (by gender and number) among the `reach` tokens before token i, and where."""
    for k in range(i - 1, max(-1, i - reach - 1), -1):
        for key, forms in words.items():
            if toks[k].norm in forms:
                return k, _POSSESSIVE[key]
    return None


_POSSESSIVE = {"masculine": Agreement("m", 1), "feminine": Agreement("f", 1), "dual": Agreement(None, 2),
               "plural": Agreement(None, 3), "neuter": Agreement("n", 1)}


def relative_antecedent(toks: list[Token], stop: int, actors: list[Actor], ts: TriggerSet) -> Actor | None:
    """For a clause opened by a relative pronoun ("الذي يزور", "who is visiting"), the actor it follows."""
    r = stop - 1
    if r < 0 or toks[r].norm not in ts.relatives:
        return None
    return next((a for a in actors if a.last == r - 1), None)


def delegations(toks: list[Token], actors: list[Actor], ts: TriggerSet) -> list[Actor]:
    """"وفد روسي برئاسة شويغو" / "a delegation led by Shoigu" is one actor: its head, on the
    delegation's words (so a preposition before "الوفد" governs the head)."""
    out = list(actors)
    words = " ".join(tok.norm for tok in toks)
    if not any(d in words for d in ts.delegation):
        return out
    for k, tok in enumerate(toks):
        if not any(f in ts.delegation for f in word_forms(tok.norm)):
            continue
        head = next((h for h in range(k + 1, min(k + 5, len(toks))) if _phrase(toks, h, ts.headed_by)), None)
        if head is None:
            continue
        person = next((a for a in out if a.kind == "person" and head < a.first <= head + 5), None)
        if person is None:
            continue
        clitic = next((c for f, c in _clitics(tok.norm) if f in ts.delegation), "")
        inner = [a for a in out if k <= a.first < person.first and a is not person]
        out = [a for a in out if a not in inner]
        person.first, person.clitic = k, clitic
    return sorted(out, key=lambda a: a.first)


def _phrase(toks: list[Token], k: int, phrases: set[str]) -> bool:
    return any(" ".join(t.norm for t in toks[k:k + n]) in phrases for n in (1, 2))


def _clitics(word: str) -> list[tuple[str, str]]:
    return [(f, word[:n]) for f, n in strip_variants(word)]
