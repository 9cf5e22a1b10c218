"""Material support: a state's troops told beside or inside another state are military
cooperation, and a third state that reports the support accuses its giver.

Adds the cooperation that no verb tells: "11 ألف جندي من كوريا الشمالية في منطقة كورسك الروسية",
"القوات الكورية الشمالية إلى جانب الجيش الروسي", "North Korean troops fighting alongside Russian
forces". The troops' state is the nationality right after the troop noun in Arabic (before it
in English) or the state after "من / from"; the host is the next state or place after a word that
puts them in or beside it. Troops in a state their own accuses, or that accuses them, are at war
there, not cooperating: hostile words near them, or an accusation between the two, rule it out,
and the pair must be the article's two main states or partners in another of its events. Words:
the trigger data's `forces` (troop nouns), `stationed` and `hostile`. "أكدت وزارة الدفاع الأميركية
أن كوريا الشمالية أرسلت جنودا", "Seoul said Pyongyang had shipped shells to Moscow" is also an
accusation by the speaker, when the speaker's state is neither giver nor receiver.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..records import Event, Participant
from ..registry import Registry
from .actors import Actor, follows
from .tokens import Token
from .triggers import TriggerSet

REACH = 10  # tokens from the troops' state to their host


@dataclass
class Presence:
    token: int  # the troop noun
    owner: Actor
    host: Actor
    host_state: str


def presences(toks: list[Token], forms: list[tuple[str, ...]], actors: list[Actor], registry: Registry,
              ts: TriggerSet) -> list[Presence]:
    """Each troop noun with the state its troops belong to and the one they are in or beside."""
    out: list[Presence] = []
    states = [a for a in actors if a.kind == "state"]
    if len(states) < 1 or len(actors) < 2:
        return out
    for t in range(len(toks)):
        if ts.forces.isdisjoint(forms[t]) or any(
                ts.hostile.at(toks, k, forms[k]) for k in range(max(0, t - 6), min(len(toks), t + 7))):
            continue  # "القوات الروسية تواصل هجماتها في أوكرانيا": an attack, not an alliance
        owner = _owner(toks, t, states, ts)
        if owner is None or any(p.owner is owner for p in out):
            continue
        for b in actors:
            if b.first <= max(owner.last, t) or b.first - max(owner.last, t) > REACH:
                continue
            host = registry.home_of(b.entity) if b.kind in ("state", "place") else None
            if host and host != owner.entity and follows(toks, b, ts.stationed, gap=3):
                out.append(Presence(t, owner, b, host))
                break
    return out


def _owner(toks: list[Token], t: int, states: list[Actor], ts: TriggerSet) -> Actor | None:
    """"جنود كوريون شماليون", "جندي من كوريا الشمالية", "North Korean troops", "troops from Iran"."""
    for a in states:
        after = a.first == t + 1 or a.first == t + 2 and toks[t + 1].norm in ts.from_
        before = ts.lang == "en" and a.last == t - 1 and a.mention.alias_kind == "adj"
        if after and (ts.lang != "en" or toks[t + 1].norm in ts.from_) or before:
            return a
    return None


def unfounded(events: list[Event], forces: list[Event], main_states: list[str]) -> list[Event]:
    """The forces' cooperation events to drop: their two states are set against each other by an
    accusation of the article, or are neither its two main states nor partners in another of its
    events (troops told in a state are allies only where the article says the two work together)."""
    against = {frozenset((p.entity, q.entity)) for e in events if e.type == "accusation"
               for p in e.participants if p.role == "source" for q in e.participants if q.role == "target"}
    told_by_troops = {id(e) for e in forces}
    together = {frozenset(e.names()) for e in events if e.type != "accusation" and id(e) not in told_by_troops}
    main = frozenset(main_states)
    return [e for e in forces if frozenset(e.names()) in against
            or frozenset(e.names()) != main and not any(frozenset(e.names()) <= t for t in together)]


def participants(p: Presence) -> list[Participant]:
    return [Participant(p.owner.entity, "source", p.owner.mention), Participant(p.host_state, "target", p.host.mention)]


def reported(parts: list[Participant], speaker: list[Actor], registry: Registry) -> list[Participant]:
    """The accuser and the accused of support a speaker reports, or none when the speaker's own
    state gives or receives it."""
    agent = next((p.entity for p in parts if p.role == "source"), parts[0].entity if parts else None)
    homes = {registry.home_of(p.entity) for p in parts} | {p.entity for p in parts}
    if not speaker or agent is None or registry.home_of(speaker[0].entity) in homes | {None}:
        return []
    return [Participant(speaker[0].entity, "source", speaker[0].mention), Participant(agent, "target", None)]
