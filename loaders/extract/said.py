"""Said: who speaks and to whom, read off a statement trigger's sentence.

Adds to the events stage the statement's own argument rules: the speaker (a person right after an Arabic verb,
the subject before an English one) and, for words that address someone ("هنأ شي بوتين", "congratulated Putin",
"severed ties with"), the one addressed, never of the speaker's own state.
"""
from __future__ import annotations

from ..records import Participant
from .actors import PARTY_KINDS, Actor, follows
from .tokens import Token
from .triggers import TriggerSet, word_forms


def speech_parts(ex, i: int, j: int, toks: list[Token], before: list[Actor], after: list[Actor],
                 ts: TriggerSet) -> list[Participant] | None:
    """The speaker and the one addressed; `ex`: the events stage, for its registry.
    A speaker after the verb stands right after it ("أعلن الرئيس ...", not an object's owner)."""
    people_after = [a for a in after if a.kind == "person" and a.first - j <= 3][:1]
    order = before[-1:] + people_after if ts.lang == "en" else people_after + before[-1:]
    # "هنأ شي بوتين", "congratulated Putin", "برسالة تهنئة إلى بوتين": the one addressed is a party too
    addressed = ts.addressed.at(toks, i, word_forms(toks[i].norm)) is not None
    sent_to = [a for a in after if follows(toks, a, ts.to | ts.with_)][:1] if addressed else []
    if sent_to and before:
        order = before[-1:]
    speaker = next((a for a in order if a.kind == "person"), None) or (  # "قطعت أوكرانيا علاقاتها مع"
        next((a for a in before[-1:] + after if a.kind in PARTY_KINDS), None) if addressed else None)
    if speaker is None:
        return None
    addressee = sent_to or ([a for a in after if a.kind in PARTY_KINDS and a.entity != speaker.entity][:1]
                            if addressed else [])
    if addressed and not addressee and len(before) >= 2 and speaker is before[-1]:
        addressee = before[-2:-1]  # "Iran and Saudi Arabia severed ties"
    addressee = [a for a in addressee if ex.registry.home_of(a.entity) != ex.registry.home_of(speaker.entity)]
    if speaker.kind != "person" and not addressee:
        return None  # a state speaks here only to another party
    return [Participant(speaker.entity, "source", speaker.mention)] + \
        [Participant(a.entity, "target", a.mention) for a in addressee]
