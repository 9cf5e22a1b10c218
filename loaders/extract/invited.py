"""Invited: who invites whom, read off an invitation trigger's sentence.

Adds to the events stage the invitation's own argument rules: the inviter after "at the invitation of / بدعوة من"
(and an invitee not of the inviter's own state), an invitation answered ("تلبية دعوة الزعيم كيم", "accepted an
invitation to visit Washington": its owner or the place it is to invites the subject), an owner before it ("Putin's
invitation"), a verb carrying its invitee ("دعاه فيها"), a speaker a reported pronoun stands for ("أعلن أنه وجه
الدعوة"), and those listed after it ("دعت وفودا من الصين وروسيا").
"""
from __future__ import annotations

from ..records import Participant
from .actors import Actor, chain, follows
from .arguments import LISTED
from .tokens import Token
from .implied import reported_speaker
from .triggers import TriggerSet


def invitation_parts(ex, i: int, toks: list[Token], actors: list[Actor], ts: TriggerSet, speech: list[int],
                     before: list[Actor], after: list[Actor]) -> list[Participant]:
    """The inviter (source) and the invitees (targets). `ex`: the events stage, for the registry and coreference."""
    origin = [a for a in after if follows(toks, a, ts.from_ | ts.inviters, 2)]
    if origin:  # the one invited is not the inviter's own state ("visited Egypt at the invitation of Sisi")
        home = ex.registry.home_of(origin[0].entity)
        pool = before + [a for a in reversed(actors) if a.last < i and a not in before]
        invitee = [a for a in pool if ex.registry.home_of(a.entity) != home][:1] or before[:1]
        parts = [Participant(origin[0].entity, "source", origin[0].mention)] + \
                [Participant(a.entity, "target", a.mention) for a in invitee]
    elif after and any(toks[k].norm in ts.accepting for k in range(max(0, i - 2), i)) and (
            ts.lang == "ar" and toks[i - 1].norm in ts.accepting or before):
        # "يأمل في تلبية دعوة الزعيم كيم", "Qin accepted an invitation to visit Washington": the one whose
        # invitation is answered, or the place it is to, invites the subject
        invitee = before[-1:] or reported_speaker(ex, i, toks, actors, ts, speech)
        parts = [Participant(after[0].entity, "source", after[0].mention)] + \
                [Participant(a.entity, "target", a.mention) for a in invitee]
    elif ts.lang == "en" and before and before[-1].last + 2 == i and toks[i - 1].norm == "s":
        inviter = before[-1]  # "Modi accepted Putin's invitation": the owner invites the subject
        invitee = [a for a in reversed(actors) if a.last < inviter.first and a.entity != inviter.entity][:1]
        parts = [Participant(inviter.entity, "source", inviter.mention)] + \
                [Participant(a.entity, "target", a.mention) for a in invitee]
    elif (people := [a for a in actors if a.kind == "person" and a.last < i]) and len(people) >= 2 \
            and ex.coref.object_pronoun(toks, i, ts):
        # "بعث الملك سلمان رسالة إلى رئيسي دعاه فيها": the one the pronoun is, invited by the one before him
        parts = [Participant(people[-2].entity, "source", people[-2].mention),
                 Participant(people[-1].entity, "target", people[-1].mention)]
    else:
        src = before[:1] or reported_speaker(ex, i, toks, actors, ts, speech) or after[:1]
        rest = chain([a for a in after if a not in src], toks, ts.titles, conjoined=True)[:LISTED]  # "دعت وفودا من الصين وروسيا"
        parts = [Participant(a.entity, "source", a.mention) for a in src] + \
                [Participant(a.entity, "target", a.mention) for a in rest]
    return parts
