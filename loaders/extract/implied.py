"""Implied: the participants a sentence leaves implicit, found by coreference.

Adds to the events stage the readings of what a trigger's own neighbourhood does not name: the owner of a
possessive event noun ("خلال اجتماعه"), the speaker a reported pronoun stands for ("قال لولا إنه سيعزز", "أعلن
أردوغان أنه وجه الدعوة"), the earlier actor a subjectless verb continues ("والتقت", "حين التقى", "التقى خلالها",
", holding talks with"), a dual verb's two ("لكنهما لم يلتقيا"), and the one an object pronoun points back to
("بعد أن استقبله", "where Xi hosted him").
"""
from __future__ import annotations

from .actors import PARTY_KINDS, Actor, bare, boundary_before, follows, right_after
from .arguments import chain_ending
from .coref import Discourse
from .tokens import Token
from .spot import WINDOW
from .triggers import TriggerSet


def gerund(toks: list[Token], i: int, ts: TriggerSet, ctx) -> bool:
    """An English participle after a comma right before the trigger (", holding talks with"): the sentence's subject's."""
    return ts.lang == "en" and i - 1 in ctx.clause_starts and toks[i - 1].norm.endswith("ing")


def timed(toks: list[Token], i: int, ts: TriggerSet) -> bool:
    """A time word before the event noun: right before it ("خلال اجتماعه"), before a determiner and at most one
    word ("during an unannounced visit"), or before a measure of the event ("after two days of talks")."""
    if i and toks[i - 1].norm in ts.time_words:
        return True
    if any(k >= 0 and toks[k].norm in ts.time_words and toks[k + 1].norm in ts.determiners for k in (i - 2, i - 3)):
        return True
    k = i - 1
    if k < 2 or toks[k].norm != "of" or toks[k - 1].norm not in ts.measures:
        return False
    return toks[k - 2].norm in ts.time_words or k >= 3 and toks[k - 3].norm in ts.time_words


def _cut(ex, toks: list[Token], i: int, parties: list[Actor], ts: TriggerSet) -> bool:
    """A pronoun subject stands between the last state or body named and the trigger ("The White House said he
    would meet"): the pronoun is to be resolved, though the trigger found parties."""
    last = [a for a in parties if a.last < i][-1:]
    return bool(last) and ex._pronoun_cuts(last[0], i, toks, ts)


def implicit_actors(ex, seg, folded, toks: list[Token], i: int, n: int, actors: list[Actor],
             ts: TriggerSet, ctx, missing: bool, floor: int, speech: list[int] = ()) -> list[Actor]:
    """Participants the sentence leaves implicit: the owner of a possessive event noun
    ("خلال اجتماعه") whose sentence names no subject before it, or, for an event that found
    too few participants, the speaker a reported pronoun stands for ("قال لولا إنه سيعزز",
    "said that he would"), the earlier actor that a subjectless verb ("والتقت") continues;
    and a pronoun for the other party ("لقائه به")."""
    parties = [a for a in actors if a.kind in PARTY_KINDS]
    taken = {a.entity for a in parties if i < a.first <= i + n + WINDOW and (  # the other party: "لقائه بالرئيس"
        a.first <= i + n + 1 or a.clitic.endswith("ب") or follows(toks, a, ts.with_))}
    owner = ex.coref.possessor_mark(seg, folded, toks, i, ts)
    found: list[Actor] = []
    said = max((k for k in speech if k < i), default=None)
    reported = ex.coref.reported_mark(toks, i, ts) if missing and said is not None else None
    if owner is not None and (missing or ts.lang != "en") and not ex._before(i, toks, parties, ts):
        found = ex.coref.antecedents(owner, [a for a in parties if a.last < i], ctx.discourse, taken)
    elif reported is not None:
        speakers = ex._speaker(said, toks, parties, ts)
        people = [a for a in speakers if a.kind == "person"]
        # "The German government said he would meet": no speaker is he, an earlier sentence's person is
        earlier = ctx.discourse if not people and speakers and reported.gender in ("m", "f") else Discourse()
        found = ex.coref.antecedents(reported, people, earlier, taken)[:1]
        if not found and reported.gender in ("f", "n"):  # "قالت روسيا إنها ستزود", "Russia said it would"
            found = [a for a in speakers if a.kind != "person" and a.entity not in taken][:1]
    elif missing and not floor and not any(a.last < i for a in parties) and not (
            ts.lang == "ar" and not (i and toks[i - 1].norm in ts.clause_openers) and any(
                a.kind == "person" and right_after(toks, a, i + n - 1, ts) and bare(toks, a, ts) for a in parties)):
        # (not "وحذّر ماتسونو من أن": the person right after the verb is its subject; after "كما" its object)
        mark = ex.coref.verb_mark(toks, i, ts) or ex.coref.subject_mark(toks, i, ts)
        found = ex.coref.antecedents(mark, [], ctx.discourse, taken, subject=True) if mark else []
    elif (missing or _cut(ex, toks, i, parties, ts)) and not floor and (
            pronoun := ex._pronoun_and(toks, i, parties, ts) or ex.coref.subject_pronoun(toks, i, ts)) is not None:
        # "visited Moscow, where he held talks with Putin": the sentence's subject; "He and Lula discussed":
        # no one before the pronoun, an earlier sentence's
        prior = [a for a in parties if a.kind == "person" and a.last < pronoun[0] and bare(toks, a, ts)]
        found = ex.coref.antecedents(pronoun[1], prior, ctx.discourse if not prior else Discourse(), taken,
                                       subject=True)[:1]
    elif missing and not floor and (dual := ex.coref.verb_mark(toks, i, ts)) and dual.number == 2:
        # "شارك السراج وحفتر في المؤتمر لكنهما لم يلتقيا": a dual verb's two, the nearest named
        found = ex.coref.antecedents(dual, [a for a in parties if a.kind == "person" and a.last < i],
                                       ctx.discourse, taken)
    elif missing and owner is None and i > 0 and (timed(toks, i, ts)
                                                  or toks[i - 1].norm in ts.clause_openers
                                                  or i + n < len(toks) and toks[i + n].norm in ts.during_it
                                                  or gerund(toks, i, ts, ctx)
                                                  or i - 1 in ctx.clause_starts and toks[i - 1].norm in ts.preps):
        # "وأضافت ماتفيينكو ... عقب اجتماع مع الزعيم", "وزار كيم بريمورييه، حيث التقى بوتين": the clause's
        # subject, agreeing with the verb where it is marked; "أبلغ بلينكن وانغ يي، في اتصال هاتفي، بأن": an aside
        # the event noun opens tells what the clause's subject and object did
        prior = [a for a in parties if a.kind == "person" and a.last < i - 1 and bare(toks, a, ts)]
        mark = ex.coref.verb_mark(toks, i, ts) if toks[i - 1].norm in ts.clause_openers else None  # a verb
        aside = i - 1 in ctx.clause_starts and toks[i - 1].norm in ts.preps
        found = ex.coref.antecedents(mark, prior, Discourse(), taken)[:1] if mark else [
            a for a in prior if a.first >= boundary_before(toks, i - 1, ts) and a.entity not in taken][-2:] if aside \
            else chain_ending([a for a in prior if a.entity not in taken], toks, ts)
    if len(found) == 1 and not floor and ex.coref.object_pronoun(toks, i, ts):
        # "رافق كيم شويغو …، بعد أن استقبله": the pronoun is the object; the sentence's subject did it
        subject = next((a for a in parties if a.kind == "person" and a.last < i and bare(toks, a, ts)), None)
        if subject is not None and subject.entity != found[0].entity and subject.last < found[0].first:
            found = [subject, found[0]]
    other = ex.coref.companion_mark(toks, i + n, ts) if found else None
    if other is not None:
        found = ex.coref.antecedents(other, [], ctx.discourse, taken | {a.entity for a in found})[:1] + found
    subject = ex._before(i, toks, parties, ts)[-1:] if missing and not found else []
    if subject and subject[0].kind == "person" and (other := ex.coref.companion_mark(toks, i + n, ts)):
        # "Macron travelled to Guangzhou, where Xi hosted him": the one the pronoun points back to
        prior = [a for a in parties if a.kind == "person" and a.last < subject[0].first]
        found = ex.coref.antecedents(other, prior, ctx.discourse, taken | {subject[0].entity})[:1]
        found = subject + found if found else []
    return found


def reported_speaker(ex, i: int, toks: list[Token], actors: list[Actor], ts: TriggerSet,
                      speech: list[int]) -> list[Actor]:
    """The speaker a reported pronoun before the trigger stands for, a few words at most between ("أعلن أردوغان
    أنه وجه الدعوة", "قال بوتين إنه يأمل في تلبية دعوة")."""
    said = max((k for k in speech if k < i), default=None)
    mark = next((m for p in range(i, max(said + 1, i - 4), -1) if (m := ex.coref.reported_mark(toks, p, ts))),
                None) if said is not None else None
    if mark is None:
        return []
    people = [a for a in ex._speaker(said, toks, actors, ts) if a.kind == "person"]
    return ex.coref.antecedents(mark, people, Discourse(), set())[:1]
