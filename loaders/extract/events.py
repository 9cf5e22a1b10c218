"""Events: trigger words → typed events with participants, roles, a date and a modality.

Adds the rows a timeline is made of. Arabic news is often verb–subject–object and chains
clauses with و; so participants come from the trigger's neighbourhood: the subject chain
before it (or just after a verb), the party after "مع / بين / with", a visit's destination
after "إلى / لـ / to", "the two countries" as the article's two main states. A complement
("قال ... إن", "بأن") or a time clause ("خلال", "بعد") closes the neighbourhood. Which words are
triggers is `spot`'s; which of the sentence's dates is the event's, and whether it is denied or
planned, is `telling`'s. Trigger words live in `data/<lang>/triggers.yaml`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..normalize import Folded
from ..records import DateExpr, Event, Mention, Participant, Segment, UnreadDate
from ..registry import Registry
from .actors import (PARTY_KINDS, Actor, aside_end, bare, boundary_after, boundary_before, chain, clause_end, dedupe,
                     find_actors, courtesy_call, follows, joined, nominal, reporter, represented, right_after,
                     titles_before)
from .coref import Agreement, Coref, Discourse, delegations, relative_antecedent
from .telling import dates_by_trigger, day_told_from, modality, modality_across
from .linked import orphan_dates
from .visits import Visits
from .arguments import (LISTED, announced, attendees, authored, between_pair, called_to_party, carried, definite, forum,
                        governed, governed_list, heads_near, named_end, not_topics, office_of, onlooker, owner_of, remote_before, said_last,
                        signed_by, theatre, with_holders)
from .said import speech_parts
from . import forces
from .entities import SegmentTexts
from .tokens import Token
from .spot import WINDOW, date_tokens, linked, settle, spot
from .accused import accusation_parts
from .implied import gerund, implicit_actors
from .invited import invitation_parts
from .triggers import TriggerSet, check_offices, word_forms
from .nlp.base import Analysis
from .nlp.combine import apply_parse, lemma_forms

_CLAUSE_MARK = re.compile("[،,؛;]")
WITH_REACH = 8  # words after "with" / "مع" within which the one met is named, titles and all
SPEECH = "statement"
DATED_ALONE = ("agreement", "meeting", "visit")  # "the treaty was signed on 19 June": a date for the one told


@dataclass
class Context:
    """What one article contributes to every sentence's events."""

    registry: Registry
    anchor: dt.date | None
    main_states: list[str] = field(default_factory=list)
    discourse: Discourse = field(default_factory=Discourse)
    orphans: list[tuple[str, DateExpr]] = field(default_factory=list)  # "the agreement was signed on …": no parties
    forces: list[Event] = field(default_factory=list)  # cooperation told by troops abroad, until the article's end
    clause_starts: set[int] = field(default_factory=set)  # the sentence's tokens right after a comma
    recent_states: list[str] = field(default_factory=list)  # named last first, for "زارها", "visited it"
    unread: list[UnreadDate] = field(default_factory=list)  # dates that need the article's date, which it lacks
    last_day: dt.date | None = None  # the last day the article told, which "the next day" counts from
    first_visit: int | None = None  # the sentence's first visit word: a visit noun after it names no other trip
    accusing: list[int] = field(default_factory=list)  # the sentence's accusation words: an act after one is condemned


class EventExtractor:
    def __init__(self, registry: Registry, triggers: dict[str, TriggerSet]):
        self.registry = registry
        self.triggers = triggers
        self.coref = Coref(registry)
        self.visits = Visits(registry, self.coref)
        # those who head an organisation speak for it, not for their own state ("Rutte", "Guterres")
        self.officials = {h.entity for (_, owner), holders in registry.offices.items()
                          if owner in registry.entities and registry.entities[owner].kind == "organisation"
                          for h in holders}
        check_offices(triggers, {office for office, _ in registry.offices})

    def extract(self, text: str, segments: list[Segment], mentions: list[Mention],
                dates: list[DateExpr], anchor: dt.date | None,
                analyses: dict[int, Analysis] | None = None, texts: SegmentTexts | None = None,
                unread: list[UnreadDate] = ()) -> list[Event]:
        ctx = Context(self.registry, anchor, self._main_states(segments, mentions), unread=list(unread))
        texts = texts or SegmentTexts()
        events: list[Event] = []
        by_seg: dict[int, list[Mention]] = {}
        for m in mentions:
            by_seg.setdefault(m.segment_order, []).append(m)
        for seg in segments:
            if seg.section != "main" or seg.kind == "dateline":
                continue
            seg_dates = [d for d in dates if seg.start <= d.start < seg.end]
            events += self._segment(seg, by_seg.get(seg.order, []), seg_dates, ctx, (analyses or {}).get(seg.order),
                                    texts)
        dropped = {id(e) for e in forces.unfounded(events, ctx.forces, ctx.main_states)}
        events = [e for e in events if id(e) not in dropped]
        orphan_dates(events, ctx.orphans)
        return events

    def _main_states(self, segments: list[Segment], mentions: list[Mention]) -> list[str]:
        """The two states the article is most about: named directly, through a capital, or by their people."""
        main = {s.order for s in segments if s.section == "main"}
        counts: Counter[str] = Counter()
        for m in mentions:
            if m.segment_order in main and m.actor_name:
                ent = self.registry.entities.get(m.actor_name)
                state = self.registry.state_of(m.actor_name) or (ent.country if ent and ent.kind == "person"
                                                                   and m.actor_name not in self.officials else None)
                if state:
                    counts[state] += 1
        return [s for s, _ in counts.most_common(2)]

    def _segment(self, seg: Segment, mentions: list[Mention], dates: list[DateExpr], ctx: Context,
                 analysis: Analysis | None = None, texts: SegmentTexts | None = None) -> list[Event]:
        ts = self.triggers.get(seg.language) or self.triggers["ar"]
        texts = texts or SegmentTexts()
        folded = texts.folded(seg)
        toks = texts.tokens(seg)
        if not toks:
            return []
        actors = [a for a in delegations(toks, find_actors(seg, folded, toks, mentions, self.registry, ts.titles,
                                                          ts.speaking_for), ts)
                  if not reporter(toks, a, ts) and not represented(toks, a, ts)]
        forms = [word_forms(t.norm) for t in toks]
        ctx.clause_starts = {k for k in range(1, len(toks))  # a comma, also beside a quote mark ('"بلا إبطاء"، متهما')
                             if folded.text[toks[k - 1].end:toks[k].start] != " "
                             and _CLAUSE_MARK.search(folded.text, toks[k - 1].end, toks[k].start)}
        found, alternates, acts = spot(seg, folded, toks, forms, actors, dates, ts, ctx.clause_starts)
        by_lemma = self._lemma_triggers(seg, folded, toks, found, ts, analysis) if analysis else set()
        found.sort(key=lambda f: f[1])
        dated = date_tokens(seg, folded, toks, dates) if dates and any(t in ("agreement", "cooperation")
                                                                      for t, _, _ in found) else frozenset()
        found = settle(found, toks, forms, ts, dated)
        out: list[Event] = []
        speech = [i for t, i, _ in found if t == SPEECH]
        met = min((i for t, i, _ in found if t in ("meeting", "agreement")), default=len(toks))
        ctx.first_visit = min((i for t, i, _ in found if t == "visit"), default=None)
        ctx.accusing = [i for t, i, _ in found if t == "accusation"]
        accused = bool(ctx.accusing)
        kept: list[tuple[str, int, int, list[Participant]]] = []
        orphans: list[tuple[str, int, int]] = []
        for k, (etype, i, n) in enumerate(found):
            parts = None
            told = i in acts or any(x > 0 and toks[x - 1].norm in ts.relatives  # "المعاهدة التي وقعها بوتين"
                                    for x in [i] + [x for x, _ in alternates.get(i, ())]) or any(
                t == "accusation" and (b := boundary_after(toks, a, ts)) < i and toks[b].norm in ts.time_words
                for t, a, _ in found if a < i)  # "أعربت عن قلقها …، بعد أن تعهد كيم بتعزيز التعاون": its own clause
            if told or not (accused and etype in ("cooperation", "agreement") or etype == "cooperation" and i > met):
                floor = self._clause_floor(toks, found, k, ts, ctx.clause_starts)
                # "…، متهما الرباط بـ": an accusing participle after a comma shares the clause before's source
                lead = etype == "accusation" and toks[i].norm in ts.participles and i in ctx.clause_starts
                carry = carried(kept[-1][3], actors) if (floor or lead) and kept else None
                if floor and carry is None:  # the verb before told no event of its own ("signed a law, accusing")
                    prev = found[k - 1][1]
                    carry = next(iter(self._before(prev, toks, actors, ts)[:1]), None)
                    if carry is not None and carry.last + 1 == prev and ts.lang == "en":  # "the EU summit": its name,
                        carry = next((a for a in actors if a.last < prev and bare(toks, a, ts)), None)  # not its subject
                parts = self._participants(etype, i, n, toks, actors, ts, ctx, speech, floor, carry, act=i in acts)
                for i2, n2 in alternates.get(i, ()) if parts is None else ():
                    parts = self._participants(etype, i2, n2, toks, actors, ts, ctx, speech, floor, carry)
                    if parts is not None:
                        break
                if etype != SPEECH:
                    implied = implicit_actors(self, seg, folded, toks, i, n, actors, ts, ctx, parts is None, floor,
                                              speech)
                    if implied:
                        parts = self._participants(etype, i, n, toks, actors, ts, ctx, speech, floor, carry,
                                                   implied, act=i in acts) or parts
                if parts is None and carry and etype in ("agreement", "cooperation") and kept[-1][0] == "meeting" \
                        and not nominal(toks[i].norm) and ts.topical.isdisjoint(  # ("on Friday" is a date)
                            f for x in range(kept[-1][1] + kept[-1][2], i) if not {x, x + 1} & dated for f in forms[x]):
                    # "met Yoon and signed deals", "التقى … ووقع معه اتفاقيات": what the two who met did
                    parts = [replace(p, role="other") for p in kept[-1][3]]
            if parts is None and analysis is not None and i in by_lemma and etype != SPEECH:
                parts = self._parsed_participants(seg, folded, toks, forms, etype, i, n, analysis, mentions, ts)
            if parts is not None and etype == "meeting" and kept and kept[-1][0] == "visit" and i and \
                    toks[i - 1].norm in ts.where and kept[-1][3][0].entity not in {p.entity for p in parts} and \
                    self._agrees(self.coref.verb_mark(toks, i, ts), kept[-1][3][0].entity):
                parts = [kept[-1][3][0]] + parts  # "زار لافروف بيونغ يانغ، حيث التقى كيم": the visitor met him
            if parts is not None:
                kept.append((etype, i, n, parts))
            elif etype in DATED_ALONE and definite(toks, i, ts):
                orphans.append((etype, i, n))
        ctx.discourse.note([a for a in actors if a.kind == "person"])
        named = [h for h in (self.visits.state(a.entity) for a in reversed(actors) if a.kind != "person") if h]
        ctx.recent_states = list(dict.fromkeys(named + ctx.recent_states))[:4]
        if orphans and dates:
            triggers = sorted([(t, i, n) for t, i, n, _ in kept] + orphans, key=lambda f: f[1])
            for (t, i, n), mine in zip(triggers, dates_by_trigger(seg, folded, toks, triggers, dates, ts)):
                if (t, i, n) in orphans and mine and mine[0].precision == "day":
                    ctx.orphans.append((t, mine[0]))
        unread = [u for u in ctx.unread if seg.start <= u.start < seg.end]  # they date their trigger, as unknown
        told = [(t, i, n) for t, i, n, _ in kept]
        # a speech verb that tells no event of its own still takes the date after it ("The White House said on
        # Thursday that Biden would hold a call … next Tuesday"): not the event's date
        sinks = sorted(told + [f for f in found if f[0] == SPEECH and f not in told], key=lambda f: f[1])
        by_trigger = dict(zip(sinks, dates_by_trigger(seg, folded, toks, sinks, dates + unread, ts)))
        said = [f for f in sinks if f not in told]
        # an accusation told by a speech verb is dated by the saying ("Japan said on Monday that a Chinese aircraft
        # violated its airspace"), and so is an agreement or ties restored announced as its object ("أعلنت الهند
        # وباكستان أمس السبت الاتفاق على وقف إطلاق النار")
        own = [by_trigger[f] or (next((by_trigger[g] for g in reversed(said) if g[1] < f[1] and (
            f[0] == "accusation" or f[0] in ("agreement", "cooperation") and announced(toks, g, f, ts))), []))
               for f in told]
        previous: DateExpr | UnreadDate | None = None
        tellings = [(k, d) for k, mine in enumerate(own) for d in (mine or [None])]
        quotes: set[int] = set()
        for k, mine in tellings:
            etype, i, n, parts = kept[k]
            counted = day_told_from(toks, i, n, ts)
            # a date given to it from before it is what its counted day counts from ("القمة يوم 22 أغسطس، ويصل شي
            # قبلها بيوم"); one after it is its own ("arrived on Wednesday and met Putin the next day")
            if counted and mine and mine.end > seg.start + folded.span(toks[i].start, toks[i].end)[0]:
                counted = None
            if counted:  # "وفي اليوم التالي التقى", "met Putin the next day": from the last day told before
                a, b = folded.span(toks[counted[1]].start, toks[counted[2]].end)
                told = [d for d in dates if d.precision == "day" and d.end <= seg.start + a]
                later = [d for d in dates if d.precision == "day" and d.start >= seg.start + b]
                if counted[0] < 0 and later:  # "عشية القمة التي تنطلق غدا السبت": the eve of the day told after
                    told = later[:1]
                last = told[-1].value if told else ctx.last_day
                mine = DateExpr(seg.start + a, seg.start + b, seg.text[a:b], last + dt.timedelta(days=counted[0]),
                                "day", relative=True, bare=told[-1].bare if told else None) if last else None
            previous = mine or previous
            # an earlier happening recalled takes no date but its own ("استذكرا زيارة تبون السابقة", "his previous visit")
            earlier = not mine and any(toks[x].norm in ts.earlier for x in range(i + n, min(len(toks), i + n + 4)))
            date = None if earlier or isinstance(previous, UnreadDate) else previous
            ev = self._event(seg, folded, toks, forms, etype, i, n, list(parts), date, ts, ctx.clause_starts)
            if ev.modality in ("asserted", "planned"):  # "يعتزم الرئيس التركي رجب طيب أردوغان زيارة", "ألغى
                across = modality_across(toks, forms, i, actors, ts)  # ماكرون زيارته", "called off a planned trip"
                ev.modality = across if across == "negated" or ev.modality == "asserted" and across else ev.modality
            ev.date_unread = date is not previous
            ev.present = self.coref.present_verb(toks, i, ts)
            ev.host_pending = etype == "visit" and len(parts) == 1
            invited = [k for t, k, _ in found if t == "invitation" and k < i]
            if etype == "visit" and invited and ev.modality in ("asserted", "planned"):
                ev.modality = "planned"  # the visit invited to: a date told before the invitation is not its own
                at = seg.start + folded.span(toks[invited[-1]].start, toks[invited[-1]].end)[0]
                ev.date = None if ev.date is not None and ev.date.end <= at else ev.date
            if analysis is not None:
                apply_parse(ev, seg, analysis, mentions)
                if i in by_lemma:
                    ev.method = "stanza"
            if ev.type == "accusation" and ev.negated:
                continue
            military = etype == "cooperation" and any(t.norm in ts.military for t in toks[i + n:i + n + 2])
            if (i in acts or military) and not ev.negated:  # "قال … إن التعاون العسكري بين موسكو وبيونغ يانغ"
                said = max((k for k in speech if k < i), default=None)
                if said is not None and (any(toks[k].norm in ts.complements for k in range(said + 1, i)) or ts.lang == "en"
                                         and any(a.first == said + 1 and a.entity == parts[0].entity for a in actors)):
                    pair = forces.reported(parts, self._speaker(said, toks, actors, ts)[:1], self.registry)
                    if pair:
                        out.append(self._event(seg, folded, toks, forms, "accusation", said, 1, pair, date, ts))
                elif (last := next((a for a in actors if a.first > i and said_last(toks, a, ts, ctx.clause_starts)), None)):
                    # "Moscow was providing Pyongyang with missile technology, Seoul said": told by the speaker after
                    pair = forces.reported(parts, [last], self.registry)
                    if pair:
                        out.append(self._event(seg, folded, toks, forms, "accusation", last.last + 1, 1, pair, date, ts))
            if etype == SPEECH and ts.quotes.at(toks, i, forms[i]):
                quotes.add(id(ev))
            out.append(ev)
            if etype == "visit":
                out += self.visits.companions(ev, actors, toks, ts) + self.visits.listed(ev, seg, actors, dates, ts) \
                    + self.visits.legs(ev, seg, actors, dates, ts)
            elif etype == "meeting" and (visit := self.visits.reception(ev, actors, ts)) is not None:
                out.append(visit)
        days = [d for d in dates if d.precision == "day"]
        if days:
            ctx.last_day = max(days, key=lambda d: d.start).value
        for p in forces.presences(toks, forms, actors, self.registry, ts):  # "جنود كوريون شماليون في كورسك"
            ev = self._event(seg, folded, toks, forms, "cooperation", p.token, 1, forces.participants(p), None, ts)
            if not ev.negated:
                out.append(ev)
                ctx.forces.append(ev)
        sources = {p.entity for e in out if e.type != SPEECH for p in e.participants}
        # a quote ("قال", "said") finds speakers for other events; only a formal statement is one
        return [e for e in out if e.type != SPEECH or e.participants[0].entity not in sources and id(e) not in quotes]

    def _lemma_triggers(self, seg: Segment, folded: Folded, toks: list[Token], found: list[tuple[str, int, int]],
                        ts: TriggerSet, analysis: Analysis) -> set[int]:
        """Triggers found through the backend's lemmas where the word lists saw none."""
        taken = {k for _, i, n in found for k in range(i, i + n)}
        spans = [folded.span(t.start, t.end) for t in toks]
        added: set[int] = set()
        for start, end, lemma in lemma_forms(analysis):
            k = next((k for k, (a, b) in enumerate(spans) if a < end and start < b), None)
            if k is None or k in taken or not lemma:
                continue
            hit = ts.triggers.at([Token(lemma, 0, len(lemma))], 0, word_forms(lemma))
            if hit is not None and hit[2] == 1:
                found.append((hit[0], k, 1))
                taken.add(k)
                added.add(k)
        return added

    def _parsed_participants(self, seg: Segment, folded: Folded, toks: list[Token], forms, etype: str, i: int,
                             n: int, analysis: Analysis, mentions: list[Mention],
                             ts: TriggerSet) -> list[Participant] | None:
        """For a trigger only the lemmas found: its subject and object from the parse, if both are actors."""
        probe = self._event(seg, folded, toks, forms, etype, i, n, [], None, ts)
        apply_parse(probe, seg, analysis, [m for m in mentions if m.kind in PARTY_KINDS])
        return probe.participants if len({p.entity for p in probe.participants}) >= 2 else None

    def _clause_floor(self, toks: list[Token], found: list[tuple[str, int, int]], k: int, ts: TriggerSet,
                      clause_starts: set[int]) -> int:
        """For a verb joined by و (or ", " / "and") to an earlier trigger ("... زار بيونغ يانغ، والتقى",
        "visits Moscow, meets Lavrov"), the token after that trigger (else 0): the words between
        are the first verb's object, not the second's subject."""
        i = found[k][1]
        if k == 0 or not linked(toks, i, ts, clause_starts):
            return 0
        _, p, m = found[k - 1]
        return p + m

    def _participants(self, etype: str, i: int, n: int, toks: list[Token], actors: list[Actor],
                      ts: TriggerSet, ctx: Context, speech: list[int], floor: int = 0,
                      carry: Actor | None = None, implied: list[Actor] | None = None,
                      act: bool = False) -> list[Participant] | None:
        j = i + n - 1
        dual = self.coref.two_countries(toks, i, j, ts, ctx.main_states, ctx.anchor, etype)
        places = actors  # a visit's destination may be a city: its state is the host
        if etype != SPEECH:
            actors = [a for a in actors if a.kind in PARTY_KINDS and not authored(toks, a, ts)]
        if etype == "meeting":  # "the Quad Summit", "قمة مجموعة العشرين": the forum, not a party to it
            actors = [a for a in actors if not (a.kind == "organisation" and forum(toks, a, ts))]
        after = [a for a in self._after(j, toks, actors, ts) if not said_last(toks, a, ts, ctx.clause_starts)
                 and not (etype == "agreement" and onlooker(toks, a, ts))]
        if floor:  # a joined verb: what stands between the two verbs is the first one's object
            before = [carry] if carry and etype != SPEECH else []
        else:
            before = self._before(i, toks, actors, ts)
            if not before and ts.lang == "en" and i and toks[i - 1].norm in ts.boundaries and toks[i].norm.endswith("ing"):
                before = self._before(i - 1, toks, actors, ts)  # "Erdogan announced after hosting Abiy": the clause's subject
            if implied and self._pronoun_and(toks, i, actors, ts):  # "He and President Lula discussed"
                before = [a for a in implied if a not in before] + before
            if implied and len(implied) > len(before) and all(a in implied for a in before):
                before = list(implied)  # "أبلغ بلينكن وانغ يي، في اتصال هاتفي": both, not the object alone
            elif implied and i and etype != "visit" and (toks[i - 1].norm in ts.clause_openers or gerund(toks, i, ts, ctx)) \
                    or implied and \
                    len(implied) == 2 and (mark := self.coref.verb_mark(toks, i, ts)) is not None and mark.number == 2:
                before = list(implied)  # "زار كيم روسيا … حين التقى بوتين": the clause before's subject, not its object;
                # "لكنهما لم يلتقيا": a dual verb's two
            before = before or list(implied or ())
        if etype == SPEECH:
            return speech_parts(self, i, j, toks, before, after, ts)
        if etype == "visit":
            return self.visits.participants(i, j, toks, before, self._after(j, toks, places, ts, 2 * WINDOW), ts,
                                            places, ctx.recent_states, i in ctx.clause_starts, ctx.first_visit == i)
        pair = between_pair(j, toks, actors, ts)
        if etype == "meeting" and (pair and all(a.kind == "state" for a in pair) or dual and not before) \
                and definite(toks, i, ts) and any(not ts.relations.isdisjoint(word_forms(toks[k].norm))
                                                  for k in range(j + 1, pair[0].first if pair else min(len(toks), j + 8))):
            return None  # "جرى خلال اللقاء استعراض العلاقات بين البلدين": the meeting told before; the states its topic
        if len({a.entity for a in pair}) == 2:
            verb_subject = [a for a in after if a.last < pair[0].first and bare(toks, a, ts)][:1]
            # "أعربت سيول وطوكيو وواشنطن عن قلقها إزاء التعاون بين موسكو وبيونغ يانغ": each of them accuses the pair
            src = (before[:LISTED if etype == "accusation" else 1] or verb_subject) \
                if etype in ("accusation", "invitation") else []
            if not src and etype == "accusation" and heads_near(toks, pair[0].first - 2, j, ts):
                src = self._two_leaders(actors, i, ctx)
            other = "target" if etype == "accusation" and src else "other"
            return dedupe([Participant(a.entity, "source" if a in src else other, a.mention) for a in src + pair])
        if etype in ("agreement", "cooperation", "meeting") and len(before) < 3 and (
                people := self.coref.counted(toks, i, actors, ctx.discourse, ts)):
            return dedupe([Participant(a.entity, "other", a.mention) for a in people])  # "as the three leaders met"
        if dual and etype in ("agreement", "cooperation", "meeting"):
            return dedupe([Participant(e, "other", None) for e in dual])
        lead = [carry] if carry is not None and not floor else []  # an accusing participle's subject
        if etype == "accusation":
            parts, final = accusation_parts(self, i, j, toks, actors, ts, ctx, speech, before, after, dual, lead)
            if final:
                return parts
        elif etype == "invitation":
            parts = invitation_parts(self, i, toks, actors, ts, speech, before, after)
        elif etype == "agreement" and (signers := signed_by(toks, j, after, actors, ts, self.registry.home_of)):
            parts = [Participant(a.entity, "other", a.mention) for a in signers]
        else:
            if etype == "meeting":
                after = not_topics(toks, i, j, after, ts)
            passive = any(toks[k].norm in ts.passive for k in range(max(0, i - 2), i))
            material = etype == "cooperation" and any(t.norm in ts.military for t in toks[max(0, i - 1):j + 3])
            with_ = [a for a in after if follows(toks, a, ts.with_) or a.clitic.endswith("ب") or with_holders(toks, a, ts)
                     or right_after(toks, a, j, ts) and toks[j].norm in ts.preps  # "spoken to X"
                     or courtesy_call(toks, j, ts) and right_after(toks, a, j + 1, ts)  # "called on Chief Adviser Yunus"
                     or etype == "meeting" and follows(toks, a, ts.from_) and (a.first - j <= 3 or remote_before(
                         toks, a, ts) or passive)  # "اتصالا من X", "تلقى السيسي اتصالا من X", "was greeted … by X"
                     or etype == "meeting" and called_to_party(toks, a, ts) and any(  # "اتصال هاتفي أجراها تبون لماكرون"
                         toks[x].norm in ts.remote for x in range(i, j + 1))
                     or act and (follows(toks, a, ts.recipients) or a.clitic.endswith("ل")) and not theatre(toks, a, ts)
                     or material and (a.clitic.endswith("ل") or follows(toks, a, ts.beneficiary))]  # "الدعم العسكري لكييف"
            sided = [a for a in after if act and follows(toks, a, ts.beside - ts.with_, 2)]
            with_ = sided or with_  # "نشرت جنودا على خط الجبهة مع أوكرانيا إلى جانب القوات الروسية"
            # "إرسال كوريا الشمالية قوات", "أرسلت كوريا الشمالية جنودا": the one right after the act did it
            agent = [a for a in after[:1] if act and (not before or governed(toks, i, ts) or any(
                k < i for k in ctx.accusing)) and a.first - j <= 2
                     and bare(toks, a, ts) and a not in with_]
            subj = agent or before or [a for a in after if a not in with_ and bare(toks, a, ts)][:2]
            if not agent and before and after and after[0] not in with_ and after[0].first - j <= 2 \
                    and bare(toks, after[0], ts):
                subj = before + after[:1]
            homes = {self.registry.home_of(a.entity) for a in with_} if etype == "meeting" else set()
            if subj and all(a.kind == "state" and a.entity in homes for a in subj):
                # "will visit Washington next week for talks with Trump": the place visited is no party to the talks
                subj = [a for a in actors if a.kind == "person" and a.last < i and bare(toks, a, ts)][-1:] or subj
            named = {a.entity for a in subj}
            objects = [a for a in after if a not in subj and a.entity not in named and bare(toks, a, ts)]
            met = [a for a in with_ if a.entity not in named][:1]
            if met and etype == "meeting":  # "قمة مع رؤساء كازاخستان توكاييف وقرغيزستان جباروف": each one listed
                met = chain(actors[actors.index(met[0]):], toks, ts.titles)
            if not met and before and objects:  # "hosting Prime Minister Abiy Ahmed and President Hassan Sheikh Mohamud"
                met = chain(objects, toks, ts.titles, conjoined=True)[:LISTED]
            obj = [self._named_after(a, actors) for a in (met or objects[:2])]
            parts = [Participant(a.entity, "source", a.mention) for a in subj[:LISTED]] + \
                    [Participant(a.entity, "target", a.mention) for a in obj]
        parts = dedupe(parts)
        if etype == "meeting" and len(parts) < 2:  # no one met by name: "اختتمت قمة بريكس … بمشاركة لولا ومودي وشي"
            parts = dedupe([Participant(a.entity, "other", a.mention) for a in attendees(toks, j, actors, ts)]) or parts
        if etype in ("meeting", "invitation", "agreement"):  # a person meets, invites or signs, not his own state ("Modi ... India")
            homes = {self.registry.home_of(p.entity) for p in parts if self.registry.entities.get(p.entity)
                     and self.registry.entities[p.entity].kind == "person"}
            parts = [p for p in parts if p.entity not in homes]
        return parts if len(parts) >= 2 else None

    def _before(self, i: int, toks: list[Token], actors: list[Actor], ts: TriggerSet) -> list[Actor]:
        """The subject chain nearest before the trigger: bare (not after a preposition), joined by و."""
        stop = boundary_before(toks, i, ts)
        closed = aside_end(toks, stop - 1, ts) if stop else None
        if closed is not None and closed <= i:  # "Xi, who visited Russia in 2023, will travel": the aside's head,
            if not any(closed <= a.first and a.last < i and bare(toks, a, ts) for a in actors):
                rel = relative_antecedent(toks, stop, actors, ts)
                return [rel] if rel else []
            stop = closed  # unless a subject follows the aside ("On the eve of the summit, which opened …, Biden held")
        cands = [a for a in actors if stop <= a.first and a.last < i and (bare(toks, a, ts) or owner_of(toks, a, i)
                                                                          or office_of(toks, a, ts))
                 and not governed_list(a, actors, toks, ts)]
        if cands and self._pronoun_cuts(cands[-1], i, toks, ts):
            return []  # "said that helping Russia was North Korea's duty, as he held talks": he, not the state
        if not cands:
            rel = None if self.coref.object_pronoun(toks, i, ts) else relative_antecedent(toks, stop, actors, ts)
            return [rel] if rel else []
        subjects = [cands[-1]]
        for a in reversed(cands[:-1]):
            if joined(toks, a, subjects[0], ts.titles):
                subjects.insert(0, a)
            else:
                break
        return subjects

    def _pronoun_cuts(self, a: Actor, i: int, toks: list[Token], ts: TriggerSet) -> bool:
        """A singular subject pronoun stands between a state or body and the trigger: the pronoun is the subject."""
        if a.kind == "person" or ts.lang != "en":
            return False
        pronoun = self.coref.subject_pronoun(toks, i, ts)
        return pronoun is not None and pronoun[1].number == 1 and a.last < pronoun[0]

    def _pronoun_and(self, toks: list[Token], i: int, actors: list[Actor], ts: TriggerSet) -> tuple | None:
        """A subject pronoun joined by "and" before the trigger's subject chain ("He and President Lula
        discussed"): where it stands and what it agrees with."""
        before = self._before(i, toks, actors, ts)
        k = before[0].first - titles_before(toks, before[0].first, ts) - 1 if before else 0
        return self.coref.subject_pronoun(toks, k, ts) if k > 0 and toks[k].norm == "and" else None

    def _after(self, j: int, toks: list[Token], actors: list[Actor], ts: TriggerSet,
               window: int = WINDOW) -> list[Actor]:
        # a time phrase right after the verb ("والتقت خلال زيارتها بنظيرها") does not end its clause
        skip = 2 if j + 1 < len(toks) and toks[j + 1].norm in ts.time_words and self.coref.verb_mark(toks, j, ts) else 0
        # a rank before a name is no distance ("الفريق أول ركن"), nor is an Arabic verb's person subject right
        # after it ("وأجرت وزيرة الخارجية الكورية الشمالية تشوي سون هوي اتصالا مع نظيرها")
        stop = clause_end(toks, j + skip, ts)  # (inside an aside, its comma ends the clause)
        mine = [a for a in actors if j < a.first < stop]
        subject = next((a for a in mine if right_after(toks, a, j + skip, ts)), None)  # "استقبل صاحب الجلالة الملك …"
        named = named_end(subject, mine, toks, stop, ts) - j - skip \
            if subject and subject.kind == "person" and ts.lang == "ar" else 0
        reach = window + skip
        # the one met after "with" may bear a long title ("مع الأمين العام للحزب الشيوعي الفيتنامي نغوين فو ترونغ")
        met = next((k for k in range(j + 1, min(stop, j + 1 + named + reach)) if toks[k].norm in ts.with_), None)
        if met is not None:
            reach = max(reach, met - j - named + WITH_REACH)
        return [a for a in mine if a.first - j - (named if a is not subject else 0) - titles_before(toks, a.first, ts)
                <= reach and not (named and a is not subject and a.entity == subject.entity
                                  and a.last <= j + skip + named)]  # (its title told again as a role)

    def _speaker(self, said: int, toks: list[Token], actors: list[Actor], ts: TriggerSet) -> list[Actor]:
        """Who said it: the chain right after the speech verb (Arabic VSO), else the one before it."""
        if ts.lang == "en":
            return self._before(said, toks, actors, ts)[-2:]
        comp = next((k for k in range(said + 1, len(toks)) if toks[k].norm in ts.boundaries), len(toks))
        after = [a for a in actors if said < a.first < comp and a.first - said <= WINDOW and not a.prepositional]
        return chain(after, toks, ts.titles)[:LISTED] or self._before(said, toks, actors, ts)[-2:]

    def _agrees(self, mark: Agreement | None, entity: str) -> bool:
        """A verb form that could have this one as subject ("حيث التقت الوزيرة" is not the visitor Kim)."""
        return mark is None or mark.number == 1 and mark.gender in (None, self.coref.gender(entity) or mark.gender)

    def _named_after(self, a: Actor, actors: list[Actor]) -> Actor:
        """A state inside a title is its person named right after it ("مع رئيس برلمان كوريا الشمالية
        كيم يونج نام", "with the head of North Korea's parliament, Kim Yong Nam")."""
        if a.kind != "state":
            return a
        return next((p for p in actors if p.kind == "person" and 0 < p.first - a.last <= 3
                     and self.registry.home_of(p.entity) == a.entity), a)

    def _two_leaders(self, actors: list[Actor], i: int, ctx: Context) -> list[Actor]:
        """"الزعيمان", "the two leaders": the two people named last before the trigger."""
        return self.coref.antecedents(Agreement(None, 2), [a for a in actors if a.last < i], ctx.discourse, set())

    def _event(self, seg: Segment, folded: Folded, toks: list[Token], forms: list[tuple[str, ...]], etype: str,
               i: int, n: int,
               parts: list[Participant], date: DateExpr | None, ts: TriggerSet,
               starts: set[int] = frozenset()) -> Event:
        ts_, te_ = folded.span(toks[i].start, toks[i + n - 1].end)
        t_start, t_end = seg.start + ts_, seg.start + te_
        return Event(
            type=etype, segment_order=seg.order, trigger=seg.text[ts_:te_], trigger_start=t_start,
            trigger_end=t_end, sentence_start=seg.start, sentence_end=seg.end, evidence=seg.text,
            participants=parts, date=date, modality=modality(toks, forms, i, n, ts, starts, etype == "invitation"),
            confidence=0.6 + 0.1 * min(len(parts), 3), evidence_spans=[(seg.start, seg.end)],
        )
