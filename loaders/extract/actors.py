"""Actors: the entity mentions of a sentence as token ranges, and the tests the event rules ask of them.

Adds to the events stage a view of a sentence as tokens with actors on them: which actor stands
after a preposition, which are joined by و / "and" into one chain, where a clause ends. Kept apart
from the rules that use them so that coreference and argument finding can share them.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..normalize import Folded, norm
from ..records import Mention, Participant, Segment
from ..registry import Registry
from .tokens import Token, strip_variants
from .triggers import Phrases, TriggerSet

PARTY_KINDS = ("person", "state", "organisation")  # who may be an event's party


@dataclass
class Actor:
    first: int  # token index range [first, last]
    last: int
    entity: str
    kind: str
    mention: Mention
    clitic: str = ""  # proclitic stripped from the first word (ل, ب, و ...)

    @property
    def prepositional(self) -> bool:
        return any(c in self.clitic for c in "لبك")

    @property
    def conjoined(self) -> bool:
        return self.clitic.startswith(("و", "ف"))



def find_actors(seg: Segment, folded: Folded, toks: list[Token], mentions: list[Mention], registry: Registry,
                titles: set[str] = frozenset(), speaking: set[str] = frozenset()) -> list[Actor]:
    """Each resolved mention of the sentence as the token range it covers, with the clitic before it."""
    spans = [(seg.start + a, seg.start + b) for a, b in (folded.span(t.start, t.end) for t in toks)]
    out: list[Actor] = []
    for m in mentions:
        name = m.actor_name
        if not name:
            continue
        idx = [k for k, (s, e) in enumerate(spans) if s < m.end and m.start < e]
        if not idx:
            continue
        first = idx[0]
        clitic = seg.text[spans[first][0] - seg.start:m.start - seg.start] if m.start > spans[first][0] else ""
        ent = registry.entities.get(name)
        out.append(Actor(first, idx[-1], name, ent.kind if ent else "person", m, norm(clitic)))
    return merge_adjacent(out, toks, titles, speaking)


def titles_before(toks: list[Token], k: int, ts: TriggerSet) -> int:
    """How many title words stand right before token k ("الفريق أول ركن عبد الفتاح البرهان")."""
    n = 0
    while k - n - 1 >= 0 and toks[k - n - 1].norm in ts.titles:
        n += 1
    return n


def courtesy_call(toks: list[Token], j: int, ts: TriggerSet) -> bool:
    """The call word at j is a courtesy call paid ("called on Chief Adviser Yunus"): the one called on follows."""
    return j + 1 < len(toks) and toks[j].norm in ts.calls and toks[j + 1].norm in ts.courtesy


def right_after(toks: list[Token], a: Actor, j: int, ts: TriggerSet) -> bool:
    """The actor, with the title words before its name, starts right after token j ("أجرى وزير الخارجية …")."""
    return a.first - titles_before(toks, a.first, ts) == j + 1


NAME_PARTICLES = frozenset({"bin", "bint", "ibn", "al", "بن", "بنت", "ابن", "ال"})


def merge_adjacent(actors: list[Actor], toks: list[Token], titles: set[str] = frozenset(),
                   speaking: set[str] = frozenset()) -> list[Actor]:
    """A role next to its name is one actor; a nationality adjective next to a person is that person, and
    so is the body a spokesman speaks for ("المتحدث باسم مجلس الأمن القومي الأمريكي جون كيربي")."""
    out: list[Actor] = []
    for a in actors:
        prev = out[-1] if out else None
        if prev is not None and a.first - prev.last == 2 and prev.mention.alias_kind == "adj" and a.kind == "person" \
                and toks[prev.last + 1].norm in titles:
            a.first, a.clitic = prev.first, prev.clitic  # "Russian counterpart Sergei Lavrov"
            out[-1] = a
            continue
        if prev is not None and prev.entity == a.entity and 1 < a.first - prev.last <= 3 \
                and all(t.norm in titles or t.norm in NAME_PARTICLES for t in toks[prev.last + 1:a.first]):
            prev.last = a.last  # "Emirati President Sheikh Mohamed bin Zayed", "Sheikh Tamim bin Hamad": one person
            continue
        if prev is not None and a.first - prev.last <= 1:
            if prev.entity == a.entity:
                prev.last = a.last
                continue
            if a.kind == "person" and (prev.mention.alias_kind in ("adj", "title") or prev.kind != "person"
                                       and prev.first > 0 and toks[prev.first - 1].norm in speaking):
                a.first, a.clitic = prev.first, prev.clitic
                out[-1] = a
                continue
        out.append(a)
    return out


def joined(toks: list[Token], a: Actor, b: Actor, titles: set[str] = frozenset()) -> bool:
    """Two actors in one chain: adjacent, or joined by و / and, a bare title between ("and Chairman Kim")."""
    gap = [t.norm for t in toks[a.last + 1:b.first]]
    if b.conjoined or not gap or gap in (["and"], ["و"], ["or"], ["او"], ["nor"], ["and", "the"], ["the"]):  # ", the UAE"
        return True
    if a.kind == "state" and b.kind == "person" and all(w in titles for w in gap):
        return True  # "Kosovo Prime Minister Albin Kurti": a state, its office and its holder
    if gap[0] in ("and", "و", "nor"):
        rest = gap[1:]
    elif gap[0].startswith("و") and gap[0][1:] in titles:
        rest = [gap[0][1:]] + gap[1:]
    else:
        return False
    return 0 < len(rest) <= 3 and all(w in titles for w in rest)


def chain(actors: list[Actor], toks: list[Token], titles: set[str] = frozenset(), conjoined: bool = False) -> list[Actor]:
    """The first actor and those joined to it one after another: a subject chain read forwards; with
    `conjoined`, only by a word between (و / "and"): "اتهمت واشنطن بيونغ يانغ" is a subject and its object,
    but "الضربات الأمريكية البريطانية", "US-British strikes" are two states' acts."""
    out = actors[:1]
    for k, a in enumerate(actors[1:], 1):
        paired = a.mention.alias_kind == "adj" and a.kind == out[-1].kind == "state"
        if not joined(toks, out[-1], a, titles) or conjoined and a.first == out[-1].last + 1 and not (
                a.conjoined or paired or _listed(toks, actors, k)):
            break
        out.append(a)
    return out


def _listed(toks: list[Token], actors: list[Actor], k: int) -> bool:
    """"the United States, South Korea and Japan": names one after another (their commas are no tokens)
    that end with "and" before the last are one list."""
    for b, c in zip(actors[k:], actors[k + 1:]):
        gap = [t.norm for t in toks[b.last + 1:c.first]]
        if gap in (["and"], ["and", "the"]):
            return True
        if gap:
            return False
    return False


def nominal(word: str) -> bool:
    """A verbal noun or plural (الاتهام, اتهامات) rather than a finite verb."""
    return word.startswith("ال") or word.endswith(("ات", "ه"))


def excluded(toks: list[Token], i: int, exclude: set[str]) -> bool:
    return i + 1 < len(toks) and f"{toks[i].norm} {toks[i + 1].norm}" in exclude


def bare(toks: list[Token], a: Actor, ts: TriggerSet) -> bool:
    """Not governed by a preposition (attached like لـ/بـ or written before it): a subject or object; the
    place of its rulers is theirs ("قادة الأنظمة العسكرية في النيجر", "the junta in Niger")."""
    return not a.prepositional and (not follows(toks, a, ts.preps) or ruled(toks, a.first - 1, ts)) \
        and not placed(toks, a, ts)


def ruled(toks: list[Token], k: int, ts: TriggerSet) -> bool:
    """The preposition at k follows those who rule what comes after it ("المجالس العسكرية في", "the junta in")."""
    return k >= 1 and (toks[k - 1].norm in ts.rulers or k >= 2 and f"{toks[k - 2].norm} {toks[k - 1].norm}" in ts.rulers)


def placed(toks: list[Token], a: Actor, ts: TriggerSet) -> bool:
    """A state's adjective that only says where: a place noun governed by a preposition goes with it ("في
    العاصمة التشيكية", "بالعاصمة الروسية", "in the Czech capital")."""
    if a.mention.alias_kind != "adj":
        return False
    if ts.lang == "en":
        k = a.first - (2 if a.first >= 2 and toks[a.first - 1].norm == "the" else 1)
        return a.last + 1 < len(toks) and toks[a.last + 1].norm in ts.place_nouns and k >= 0 and toks[k].norm in ts.preps
    k = a.first - 1
    if k < 0:
        return False
    word = toks[k].norm
    return word in ts.place_nouns and k > 0 and toks[k - 1].norm in ts.preps or \
        word[:1] in ("ب", "ل") and word[1:] in ts.place_nouns


def follows(toks: list[Token], a: Actor, words: set[str], gap: int = 1) -> bool:
    """One of `words` stands right before the actor (or up to `gap` words before: "إلى العاصمة X")."""
    return any(toks[k].norm in words for k in range(max(0, a.first - gap), a.first))


def phrase_at(toks: list[Token], k: int, phrases: Phrases) -> bool:
    """One of the phrases (clitics allowed on the first word) starts at token k."""
    return phrase_len(toks, k, phrases) > 0


def phrase_len(toks: list[Token], k: int, phrases: Phrases) -> int:
    """The words of the longest phrase starting at token k (clitics allowed on the first), 0 if none."""
    found = phrase_match(toks, k, phrases)
    return len(found.split()) if found else 0


def phrase_match(toks: list[Token], k: int, phrases: Phrases) -> str | None:
    """The longest phrase starting at token k, as listed (its first word without the clitic), if any."""
    if not phrases.may_start(toks[k].norm):
        return None
    firsts = [f for f, _ in strip_variants(toks[k].norm) if f in phrases.firsts]
    for n in reversed(phrases.lengths):
        if k + n <= len(toks):
            rest = " ".join(t.norm for t in toks[k + 1:k + n])
            found = next((p for p in ((f"{f} {rest}" if rest else f) for f in firsts) if p in phrases), None)
            if found:
                return found
    return None


def light_clause(toks: list[Token], k: int, ts: TriggerSet) -> int:
    """A relative clause at k whose verb only carries the event noun's doer ("التي يقوم بها", "التي كان
    من المقرر أن يقوم بها"), which does not end the event's neighbourhood: the words up to its verb (0: none)."""
    if toks[k].norm not in ts.relatives or k + 1 >= len(toks):
        return 0
    lead = phrase_len(toks, k + 1, ts.light_leads)
    return lead + 1 if k + 1 + lead < len(toks) and phrase_at(toks, k + 1 + lead, ts.light_verbs) else 0


def _in_light_clause(toks: list[Token], k: int, ts: TriggerSet) -> bool:
    return any(r + light_clause(toks, r, ts) > k for r in range(max(0, k - 5), k + 1))


DEMONSTRATIVES = ("هذه", "هذا", "تلك", "this", "that")  # "خلال هذه الرحلة": a short adverbial, no clause


def is_boundary(toks: list[Token], k: int, ts: TriggerSet) -> bool:
    """A complementizer or time clause starts here ("سبق أن", "بعد ذلك", "خلال هذه الرحلة", "قبل قليل" are not one)."""
    nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
    return toks[k].norm in ts.boundaries and not (k > 0 and toks[k - 1].norm == "سبق") \
        and nxt not in ("ذلك", "then") and not (toks[k].norm in ts.time_words and (
            nxt[:1].isdigit() or nxt in DEMONSTRATIVES or nxt in ts.time_adverbs)) \
        and not _in_light_clause(toks, k, ts)


ASIDE = 8  # words at most in a relative clause between commas


def aside_end(toks: list[Token], k: int, ts: TriggerSet) -> int | None:
    """The first word after a relative clause starting at k and set off by punctuation (words apart by more
    than a space: "زيارة حسين، التي كانت مقررة الأحد، ألغيت", "Xi, who visited Russia in 2023, will travel"),
    if it is one; None otherwise."""
    if k == 0 or toks[k].norm not in ts.relatives or toks[k].start - toks[k - 1].end < 2:
        return None
    return next((x for x in range(k + 2, min(len(toks), k + ASIDE + 1)) if toks[x].start - toks[x - 1].end >= 2), None)


def boundary_before(toks: list[Token], i: int, ts: TriggerSet) -> int:
    for k in range(i - 1, -1, -1):
        if is_boundary(toks, k, ts):
            return k + 1
    return 0


def boundary_after(toks: list[Token], j: int, ts: TriggerSet) -> int:
    for k in range(j + 1, len(toks)):
        if is_boundary(toks, k, ts):
            return k
    return len(toks)


def clause_end(toks: list[Token], j: int, ts: TriggerSet) -> int:
    """Where the clause of token j ends: the next boundary, or the comma closing the aside j stands in."""
    stop = boundary_after(toks, j, ts)
    opened = boundary_before(toks, j, ts)
    closed = aside_end(toks, opened - 1, ts) if opened else None
    return min(stop, closed) if closed is not None and closed > j else stop


def dedupe(parts: list[Participant]) -> list[Participant]:
    out: list[Participant] = []
    for p in parts:
        if all(q.entity != p.entity for q in out):
            out.append(p)
    return out


def represented(toks: list[Token], a: Actor, ts: TriggerSet) -> bool:
    """Someone another stands in for ("ممثل أمير الكويت، ولي العهد", "نيابة عن الرئيس", "on behalf of
    King Salman"): the one who came is the participant, not the one represented."""
    k = a.first - 1 - titles_before(toks, a.first, ts)
    if k >= 1 and toks[k].norm in ("عن", "of"):
        k -= 1
    return k >= 0 and any(f in ts.represented for f, _ in strip_variants(toks[k].norm))


def reporter(toks: list[Token], a: Actor, ts: TriggerSet) -> bool:
    """A news agency or outlet that reports ("وفقا لوكالة …", "according to Reuters", "TASS"),
    never a participant: a reporting word is part of its name, or an organisation follows one."""
    own = {f for t in toks[a.first:a.last + 1] for f, _ in strip_variants(t.norm)}
    if own & ts.reporting:
        return True
    return a.kind == "organisation" and any(
        f in ts.reporting for t in toks[max(0, a.first - 2):a.first] for f, _ in strip_variants(t.norm))
