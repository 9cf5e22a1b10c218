"""Spot: a sentence's tokens → its event triggers, each with its type, before anyone takes part.

Adds to the trigger lists (`triggers.yaml`) what a word list cannot say: a call is "called" only with a
person after it, a trigger whose conditions fail is no trigger, near triggers of one type are one telling
unless a date parts them, accusations of one clause are one, a talks verb with a pair for subject is a
meeting, and a deal talked about is the talks' topic.
"""
from __future__ import annotations

from collections.abc import Callable

from ..normalize import Folded
from ..records import DateExpr, Segment
from .actors import (Actor, boundary_after, chain, courtesy_call, excluded, nominal, phrase_at, right_after,
                     titles_before)
from .tokens import Token
from .triggers import TriggerSet, called_to

WINDOW = 9  # tokens after a trigger where its conditions and its parties are looked for

Found = list[tuple[str, int, int]]  # (type, first token, tokens)


def spot(seg: Segment, folded: Folded, toks: list[Token], forms: list[tuple[str, ...]], actors: list[Actor],
         dates: list[DateExpr], ts: TriggerSet, clause_starts: set[int],
         ) -> tuple[Found, dict[int, list[tuple[int, int]]], set[int]]:
    """The triggers, the same-type neighbours folded into each (its alternates: "توقيع ... اتفاقيات") and
    the material acts among them ("sent troops")."""
    found: list[tuple[str, int, int]] = []
    dated = [d.start - seg.start for d in dates]  # where each date starts in the segment
    alternates: dict[int, list[tuple[int, int]]] = {}  # a trigger's same-type neighbours ("توقيع ... اتفاقيات")
    acts: set[int] = set()
    named = {k for a in actors if a.kind == "person" for k in range(a.first, a.last + 1)}  # "فيصل" is no "يصل"
    i = 0
    while i < len(toks):
        hit = None if i in named or toks[i].norm in ts.exclude or excluded(toks, i, ts.exclude) else ts.triggers.at(
            toks, i, forms[i], lambda p, n: p.needs_met(forms[i + n:i + n + WINDOW]))
        if hit is not None:
            etype, pat, n = hit
            unless, before = ts.unless.get(etype), ts.unless_before.get(etype)
            skip = next((a.last - a.first + 1 for a in actors if a.first == i + n and a.kind == "person"), 0)
            if toks[i].norm in ts.calls and not _a_call(toks, i + n, skip, actors, ts):
                i += 1
                continue
            if pat.needs_met(forms[i + n:i + n + WINDOW]) and not (unless and any(  # the subject is no distance
                    not unless.isdisjoint(f) for f in forms[i + n:i + n + 4 + skip])) and not (before and any(
                    not before.isdisjoint(f) for f in forms[max(0, i - 2):i])) and not called_to(
                    toks, forms, i + n, etype, ts):  # "وقع على سجل الزوار", "severed ties", "دعا إسرائيل إلى وقف"
                if pat.act:
                    acts.add(i)
                # near ones are one ("توقيع … اتفاقيات") unless a date parts them ("who visited Russia in 2023,
                # will travel to Kazakhstan"); accusations of one clause are one ("اتهم … متهما"), a verb
                # joined after it is another
                near = next((k for t, k, m in found if t == etype and (
                    i - (k + m) < 5 and not any(folded.span(toks[k + m - 1].start, toks[k + m - 1].end)[1] <= d
                                                < folded.span(toks[i].start, toks[i].end)[0] for d in dated)
                    or t == "accusation" and not (not nominal(toks[i].norm) and linked(toks, i, ts, clause_starts)))),
                            None)
                if near is None:
                    found.append((etype, i, n))
                else:
                    alternates.setdefault(near, []).append((i, n))
                i += n - 1
        i += 1
    return found + _paired(toks, forms, actors, found, ts) + _described(toks, forms, found, ts), alternates, acts


def _a_call(toks: list[Token], k: int, skip: int, actors: list[Actor], ts: TriggerSet) -> bool:
    """A call word ending before token k calls someone: "called Netanyahu", "called on Chief Adviser Yunus"
    (a courtesy call), not "called for", "called it", "called Putin a killer", "called on Netanyahu to resign".
    `skip`: the length of the person right at k."""
    if skip:
        return not (k + skip < len(toks) and toks[k + skip].norm in ts.naming)
    if not courtesy_call(toks, k - 1, ts):
        return False
    who = next((a for a in actors if a.kind == "person" and right_after(toks, a, k, ts)), None)
    return who is not None and not (who.last + 1 < len(toks) and toks[who.last + 1].norm in ts.demands)


def settle(found: Found, toks: list[Token], forms: list[tuple[str, ...]], ts: TriggerSet,
           dated: set[int] = frozenset()) -> Found:
    """The triggers, in order, without the agreements that are only what is agreed on or talked about.
    `dated`: the tokens inside a date ("on Thursday signed": no talk on a deal)."""
    found = sorted(found, key=lambda f: f[1])
    # "اتفقا على تعزيز التعاون", "agreed to expand cooperation": what they agreed on is the event (a
    # document signed to cooperate is an agreement still: "signed a memorandum … to cooperate"); ties
    # agreed to be restored are the agreement ("اتفقت البحرين وقطر على إعادة العلاقات")
    agreed_on = _agreed_on(found, forms, ts, "cooperation", 8, lambda k: toks[k].norm in ts.preps)
    restored = {g for g in agreed_on.values() if not ts.restoring.isdisjoint(forms[g[1]])}
    found = [f for f in found if f not in restored and not (f in agreed_on and agreed_on[f] not in restored)]
    # "agreed not to threaten one another", "اتفقا على عدم التهديد": what is agreed on, no accusation
    renounced = set(_agreed_on(found, forms, ts, "accusation", 6, lambda k: toks[k].norm in ts.preps
                               or ts.negation.at(toks, k, forms[k]) is not None).values())
    found = [f for f in found if f not in renounced]
    # "discussed the trade deal", "بحثا الاتفاق النووي": a deal talked about is the talks' topic, no agreement
    return [f for f in found if not (f[0] == "agreement" and any(
        not ts.topical.isdisjoint(forms[x]) and not {x, x + 1} & dated for x in range(max(0, f[1] - 3), f[1])))]


def _agreed_on(found: Found, forms: list[tuple[str, ...]], ts: TriggerSet, etype: str, reach: int,
               led: Callable[[int], bool]) -> dict:
    """Each agreeing verb and the trigger of `etype` that tells what it agrees on: within `reach` tokens after
    it, the token before it `led` (a preposition, a negation), no other trigger between."""
    return {f: g for f in found for g in found if f[0] == "agreement" and set(forms[f[1]]) & ts.agree
            and g[0] == etype and 0 <= g[1] - (f[1] + f[2]) <= reach and led(g[1] - 1)
            and not any(f[1] < h[1] < g[1] for h in found)}


def date_tokens(seg: Segment, folded: Folded, toks: list[Token], dates: list[DateExpr]) -> set[int]:
    """The tokens that lie inside one of the sentence's dates."""
    spans = [(d.start - seg.start, d.end - seg.start) for d in dates]
    return {k for k, t in enumerate(toks) if any(lo <= folded.span(t.start, t.end)[0] < hi for lo, hi in spans)}


def linked(toks: list[Token], i: int, ts: TriggerSet, clause_starts: set[int]) -> bool:
    """The trigger at i is a verb joined to what comes before by و (or ", " / "and")."""
    if ts.lang == "en":
        return i > 0 and (toks[i - 1].norm == "and" or i in clause_starts)
    word = toks[i].norm
    return word.startswith("و") and ts.triggers.at(toks, i, (word,)) is None


def _described(toks: list[Token], forms: list[tuple[str, ...]], found: Found, ts: TriggerSet) -> Found:
    """Accusations told as a description that disparages ("وصف لودريان المجلس العسكري بأنه غير شرعي",
    "described the junta as illegitimate", "calling Netanyahu's government genocidal"): a `describing` verb
    with a `disparaging` phrase within the window after it."""
    taken = {k for _, i, n in found for k in range(i, i + n)}
    return [("accusation", i, 1) for i in range(len(toks)) if i not in taken and not ts.describing.isdisjoint(forms[i])
            and any(phrase_at(toks, k, ts.disparaging)  # the names between may be long: to the clause's end
                    for k in range(i + 1, min(boundary_after(toks, i, ts), i + 1 + 2 * WINDOW)))]


def _paired(toks: list[Token], forms: list[tuple[str, ...]], actors: list[Actor], found: list[tuple[str, int, int]],
            ts: TriggerSet) -> list[tuple[str, int, int]]:
    """Talks told by a verb whose subject is the pair that met ("بحث الرئيس السيسي ونظيره الفرنسي ماكرون
    العلاقات"): a `paired` verb with two people joined by و right after it (a person first, within the title)."""
    taken = {i for _, i, _ in found}
    out = []
    for i in range(len(toks)):
        if i in taken or ts.paired.isdisjoint(forms[i]):
            continue
        people = chain([a for a in actors if a.first > i and a.kind == "person"], toks, ts.titles, conjoined=True)
        if len(people) >= 2 and people[0].first - i - titles_before(toks, people[0].first, ts) <= 1 \
                and all(a.kind == "person" for a in people[:2]):
            out.append(("meeting", i, 1))
    return out
