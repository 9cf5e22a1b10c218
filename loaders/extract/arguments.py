"""Arguments: where an event's parties stand around its trigger, read off the tokens.

Adds to the events stage the small tests its participant rules ask of a sentence: the pair after
"بين / between", a verbal noun governed by a preposition, a forum named beside a meeting word,
what a meeting only discussed, a call's sender, the subject chain a time phrase continues, the
previous clause's source a joined verb shares, a list a preposition governs, a possessive's owner, the
state of the offices before it. Each reads tokens and the trigger data only.
"""
from __future__ import annotations

from ..records import Participant
from .actors import (NAME_PARTICLES, Actor, bare, boundary_after, chain, courtesy_call, follows, joined, nominal, phrase_at, phrase_len,
                     right_after, titles_before)
from .tokens import Token, strip_variants
from .triggers import TriggerSet, word_forms

LISTED = 4  # parties one list may name ("Modi, Xi and Putin held talks", "condemned by Egypt, Jordan and Qatar")


def pointed(toks: list[Token], i: int, j: int, actors: list[Actor], ts: TriggerSet, gender_of,
            lead: list[Actor]) -> tuple[Actor, Actor] | None:
    """"فرضت واشنطن عقوبات على دوديك، متهمة إياه بـ": a participle whose object is a pronoun (`object_pronouns`)
    accuses the party named last before it, of the pronoun's gender where a person; the main clause's subject
    (`lead`, else the sentence's first actor) accuses. (accuser, accused), or None."""
    if j + 1 >= len(toks) or toks[j + 1].norm not in ts.object_pronouns:
        return None
    prior = [a for a in actors if a.last < i]
    if not prior:
        return None
    accuser, she = (lead or prior)[0], toks[j + 1].norm in ts.object_pronouns_feminine
    accused = next((a for a in reversed(prior) if a.entity != accuser.entity and not (
        a.kind == "person" and gender_of(a.entity) == ("m" if she else "f"))), None)
    return (accuser, accused) if accused is not None else None


def with_holders(toks: list[Token], a: Actor, ts: TriggerSet) -> bool:
    """The actor's office holders are met: "مع رؤساء كازاخستان …", "with the presidents of Kazakhstan, …"."""
    k = a.first - 1
    if k >= 0 and toks[k].norm == "of":
        k -= 1
    if k < 0 or toks[k].norm not in ts.office_plurals:
        return False
    k -= 1
    if k >= 0 and toks[k].norm == "the":
        k -= 1
    return k >= 0 and any(f in ts.with_ for f, _ in strip_variants(toks[k].norm))


def signed_by(toks: list[Token], j: int, after: list[Actor], actors: list[Actor], ts: TriggerSet,
              home_of) -> list[Actor]:
    """A document signed by its parties ("The deal, signed in Addis Ababa by Abiy and Muse Bihi Abdi", "was
    signed by Albanese and his Tuvaluan counterpart"): those named after `agents` ("by") in the clause, a
    person for their state; [] when someone stands between the trigger and "by"."""
    k = next((x for x in range(j + 1, min(len(toks), j + 6)) if toks[x].norm in ts.agents), None)
    if k is None or any(a.first < k and bare(toks, a, ts) for a in after):
        return []
    stop = boundary_after(toks, k, ts)
    named = [a for a in actors if k < a.first < stop and not onlooker(toks, a, ts)]
    homes = {home_of(a.entity) for a in named if a.kind == "person"}
    return [a for a in named if not (a.kind == "state" and a.entity in homes)]


def carried(previous: list[Participant], actors: list[Actor]) -> Actor | None:
    """The previous clause's source, which a joined verb without a subject shares."""
    source = next((p for p in previous if p.role == "source" and p.mention is not None), None)
    return next((a for a in actors if source and a.mention is source.mention), None)


def chain_ending(prior: list[Actor], toks: list[Token], ts: TriggerSet) -> list[Actor]:
    """The last actor and those joined to it before ("Putin and Sheikh Mohamed pledged … during talks")."""
    out = prior[-1:]
    for a in reversed(prior[:-1]):
        if not joined(toks, a, out[0], ts.titles):
            break
        out.insert(0, a)
    return out


def not_topics(toks: list[Token], i: int, j: int, after: list[Actor], ts: TriggerSet) -> list[Actor]:
    """What a meeting discussed is no party to it ("met Wang Yi to discuss the Ukraine crisis", "بحث
    أردوغان مع بايدن ملف انضمام السويد"): after a topic word, only those met "with" (and an Arabic
    verb's subject) stay."""
    t = next((k for k in range(j + 2 if courtesy_call(toks, j, ts) else i, len(toks))  # "called on X"
              if any(f in ts.topical for f, _ in strip_variants(toks[k].norm))), None)
    if t is None:
        return after
    lead = [a for a in after if ts.lang == "ar" and right_after(toks, a, j, ts) and bare(toks, a, ts)][:1]
    subject = chain(lead + [a for a in after if lead and a.first > lead[0].last], toks, ts.titles) if lead else []
    return [a for a in after if a.first < t or a in subject or a.clitic.endswith("ب")
            or follows(toks, a, ts.with_ | ts.agents, gap=1 + titles_before(toks, a.first, ts))]  # "مع نظيره
    # الأمريكي"; the agent of a passive ("was greeted on the tarmac by Kim")


def remote_before(toks: list[Token], a: Actor, ts: TriggerSet) -> bool:
    """A call or letter right before the "from" that the actor follows: its sender."""
    k = a.first - titles_before(toks, a.first, ts) - 1
    return any(toks[x].norm in ts.remote for x in range(max(0, k - 2), k))


def between_pair(j: int, toks: list[Token], actors: list[Actor], ts: TriggerSet) -> list[Actor]:
    """"بين A و B" / "between A and B" shortly after the trigger."""
    for k in range(j + 1, min(j + 8, len(toks))):
        if toks[k].norm in ("بين", "between"):
            after = [a for a in actors if a.first > k][:2]
            if len(after) == 2 and after[0].first - k <= 3:
                return after
    return []


def theatre(toks: list[Token], a: Actor, ts: TriggerSet) -> bool:
    """A place a war is fought in, right after a hostile word ("المجهود الحربي الروسي في أوكرانيا", "the war in
    Ukraine", "خط الجبهة مع أوكرانيا"): no recipient of what is sent there."""
    return any(not ts.theatres.isdisjoint(word_forms(toks[k].norm)) for k in range(max(0, a.first - 4), a.first))


def governed(toks: list[Token], i: int, ts: TriggerSet) -> bool:
    """A trigger after a preposition or with one attached ("بنشر"): a verbal noun, its agent after it."""
    word = toks[i].norm
    return i > 0 and toks[i - 1].norm in ts.preps or word[:1] in "بل" and word[1:] in word_forms(word)


def forum(toks: list[Token], a: Actor, ts: TriggerSet) -> bool:
    """An organisation named with a meeting word next to it: "قمة الناتو", "the APEC meeting"."""
    near = [*range(max(0, a.first - 1), a.first), *range(a.last + 1, min(len(toks), a.last + 3))]
    return any((hit := ts.triggers.at(toks, k, word_forms(toks[k].norm))) and hit[0] == "meeting" for k in near)


def authored(toks: list[Token], a: Actor, ts: TriggerSet) -> bool:
    """An organisation named as the author of a text or measure ("UN Security Council resolutions", "قرارات
    مجلس الأمن", "عقوبات الأمم المتحدة"): what it wrote is the topic, the body no party."""
    if a.kind != "organisation":
        return False
    if ts.lang == "ar":
        return a.first > 0 and any(f in ts.documents for f, _ in strip_variants(toks[a.first - 1].norm))
    return a.last + 1 < len(toks) and toks[a.last + 1].norm in ts.documents


def definite(toks: list[Token], i: int, ts: TriggerSet) -> bool:
    """"الاتفاق", "the treaty": a happening the article has already told."""
    return toks[i].norm.startswith("ال") if ts.lang == "ar" else i > 0 and toks[i - 1].norm == "the"


def heads_near(toks: list[Token], i: int, j: int, ts: TriggerSet) -> bool:
    """"الزعيمان", "the two leaders" right before or after the trigger."""
    return any(phrase_at(toks, k, ts.dual_heads) for k in range(max(0, i - 3), min(len(toks), j + 3))
               if k not in range(i, j + 1))


def attendees(toks: list[Token], j: int, actors: list[Actor], ts: TriggerSet) -> list[Actor]:
    """Those a meeting word's "with the participation of" lists ("قمة بريكس … بمشاركة الرئيس البرازيلي
    لولا ورئيس الوزراء الهندي مودي والرئيس الصيني شي", "the summit, attended by Modi, Xi and Lula")."""
    at = next((k for k in range(j + 1, min(len(toks), j + 14)) if phrase_at(toks, k, ts.attendance)), None)
    if at is None:
        return []
    listed = [a for a in actors if a.first > at]
    if not listed or listed[0].first - at > 4:
        return []
    host = [a for a in actors if j < a.first < at and a.kind == "person"][:1]  # "التي استضافها رامافوزا، بمشاركة"
    return host + [a for a in chain(listed, toks, ts.titles)[:LISTED] if a.entity not in {h.entity for h in host}]


def announced(toks: list[Token], said: tuple[str, int, int], f: tuple[str, int, int], ts: TriggerSet) -> bool:
    """The event noun is what the speech verb announces, no complement between ("أعلنتا الاتفاق", "أعلنت قطر
    والبحرين أمس الأربعاء استئناف العلاقات")."""
    word = toks[f[1]].norm
    return f[1] - said[1] <= 8 and (nominal(word) or word in ts.restoring) and not any(
        toks[k].norm in ts.complements or toks[k].norm in ts.boundaries for k in range(said[1] + 1, f[1]))


def said_last(toks: list[Token], a: Actor, ts: TriggerSet, starts: set[int]) -> bool:
    """"…, Putin said (on Monday).": a speaker after a comma, its speech verb ending the sentence."""
    k = a.last + 1
    rest = len(toks) - k  # the verb, then at most a short time phrase ("on Monday")
    return a.first in starts and k < len(toks) and (rest == 1 or rest <= 3 and toks[k + 1].norm in ts.preps) \
        and ts.quotes.at(toks, k, word_forms(toks[k].norm)) is not None


def called_to_party(toks: list[Token], a: Actor, ts: TriggerSet) -> bool:
    """The actor or the title right before it carries لـ ("لماكرون", "لنظيره الأوغندي موسيفيني")."""
    before = toks[a.first - 1].norm if a.first else ""
    return a.clitic.endswith("ل") or before[:1] == "ل" and before[1:] in ts.titles


def governed_list(a: Actor, actors: list[Actor], toks: list[Token], ts: TriggerSet) -> bool:
    """The actor is joined by و / "and" to one governed by a preposition: the preposition governs the list
    ("الأزمات في اليمن وأفغانستان وأوكرانيا", "the crises in Yemen and Afghanistan")."""
    k = actors.index(a) if a in actors else 0
    while k > 0 and (actors[k].conjoined and actors[k - 1].last + 1 == actors[k].first
                     or [t.norm for t in toks[actors[k - 1].last + 1:actors[k].first]] in (["and"], ["and", "the"])):
        k -= 1
        if not bare(toks, actors[k], ts):
            return True
    return False


def owner_of(toks: list[Token], a: Actor, i: int) -> bool:
    """The actor owns the trigger right after it, or after two words at most ("the first day of Putin's visit",
    "on Erdogan's first visit to Greece"): its subject, after a preposition too."""
    return a.last + 2 <= i <= a.last + 4 and a.last + 1 < len(toks) and toks[a.last + 1].norm == "s"


def office_of(toks: list[Token], a: Actor, ts: TriggerSet) -> bool:
    """The actor is the state of the office holders before it ("The military leaders of Mali, Burkina Faso and
    Niger signed"): a subject, after "of" too."""
    return a.first >= 2 and toks[a.first - 1].norm == "of" and toks[a.first - 2].norm in ts.office_plurals


def onlooker(toks: list[Token], a: Actor, ts: TriggerSet) -> bool:
    """Present at a signing, not a party to it: after "بحضور", "in the presence of", or before "looking on"
    ("The agreement was signed by Shamkhani and Al-Aiban, with Wang Yi looking on", "as Pompeo looked on")."""
    k = a.first - titles_before(toks, a.first, ts)
    if any(0 < phrase_len(toks, x, ts.onlookers) <= k - x for x in range(max(0, k - 4), k)):
        return True  # ("بحضور كبير الدبلوماسيين الصينيين وانغ يي")
    return a.last + 1 < len(toks) and phrase_len(toks, a.last + 1, ts.looking_on) > 0


def named_end(subject: Actor, mine: list[Actor], toks: list[Token], stop: int, ts: TriggerSet) -> int:
    """Where an Arabic verb's person subject ends: its name going on ("محمد بن سلمان بن عبدالعزيز آل سعود")
    and the titles after it ("ولي العهد رئيس مجلس الوزراء") are no distance to the object."""
    end = subject.last
    while end + 2 < stop and toks[end + 1].norm in NAME_PARTICLES:  # "بن عبدالعزيز آل سعود"
        end += 2
    for a in mine:
        if a.entity == subject.entity and a.first <= end + 2:
            end = max(end, a.last)
    while end + 1 < stop and toks[end + 1].norm in ts.titles:
        end += 1
    return end
