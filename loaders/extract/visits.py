"""Visits: who travels where. Adds a visit's host state to its visitor: the destination after
"إلى / لـ / to" or right after the verb, a city standing for its state, the place "it" names
("زارها", "visited it"); a body with no state of its own is no destination. Adds too the visits
no visit word tells: each further destination of a list ("السعودية ثم تونس"), and a host's
reception of a guest at home ("استقبل تبون نظيره التونسي").
"""
from __future__ import annotations

from dataclasses import replace

from ..normalize import norm
from ..records import DateExpr, Event, Mention, Participant, Segment
from ..registry import Registry
from .actors import Actor, bare, chain, follows
from .arguments import chain_ending
from .coref import Coref, relative_antecedent
from .tokens import Token
from .triggers import TriggerSet, word_forms


PLACE_REACH = 7  # words after one who attended within which a venue word may name the place ("attended the BRICS
# summit in Kazan", "شارك في القمة التي عقدت في أستانا"), read off the gazetteer


class Visits:
    def __init__(self, registry: Registry, coref: Coref):
        self.registry = registry
        self.coref = coref

    def visited_it(self, toks: list[Token], i: int, j: int, ts: TriggerSet) -> bool:
        """"زارها", "visited it / there": the destination is a place named before."""
        if ts.lang == "en":
            return j + 1 < len(toks) and toks[j + 1].norm in ("it", "there")
        return i == j and toks[i].norm.endswith("ها") and self.coref.object_pronoun(toks, i, ts)

    def participants(self, i: int, j: int, toks: list[Token], before: list[Actor], after: list[Actor],
                     ts: TriggerSet, sentence: list[Actor] = (), recent: list[str] = (),
                     opens: bool = False, leading: bool = False) -> list[Participant] | None:
        """The visitor and the host; `sentence` holds the sentence's actors, `recent` the states the
        article named last, `opens` whether the verb opens a clause after a comma, `leading` whether it
        is the sentence's first visit word."""
        if (guest := self._attributive(i, j, toks, sentence, ts)) is not None:
            return guest
        it: list[str] = []
        if self.visited_it(toks, i, j, ts):  # the states named before, the last first
            it = [h for h in (self.state(a.entity) for a in reversed(sentence) if a.last < i and a.kind != "person")
                  if h] + list(recent)
        first = next((a for a in sentence if a.kind == "person" and a.last < i and bare(toks, a, ts)), None)
        his = j + 1 < len(toks) and toks[j + 1].norm in ts.owned  # "في أول زيارة له إلى مصر": the subject's
        if (opens or his) and first and ts.lang == "ar":  # "توجه عراقجي …، وبعد لقاء العاهل الأردني، غادر عمان"
            before = [first]
        right_after = [a for a in after if a.kind == "person" and a.first - j <= 3 and not a.prepositional]
        if ts.lang == "ar" and (toks[i].norm.startswith("و") or opens) and right_after:
            people = right_after[:1]  # "…، (و)زار الرئيس التركي أردوغان القاهرة": the verb's own subject
        else:
            people = [a for a in before if a.kind == "person"][-1:] or [a for a in after if a.kind == "person"][:1]
        by = [a for a in after if a.kind == "person" and a.first - j <= 8 and follows(toks, a, ts.agents, 2)] \
            if ts.lang == "en" and toks[i].norm in ts.visit_nouns else []
        if by:  # "the first visit to China by an Australian leader"
            people = by[:1]
        visitor = people[0] if people else (before[-1:] or self._delegation(toks, after, ts) or [None])[0]
        if visitor is None:
            return self._stay(i, j, toks, sentence, ts) if leading else None
        home = self.registry.home_of(visitor.entity)
        places = [a for a in after if a is not visitor and a.kind != "person"]
        # "يزور (حاليا) طهران", "وزار بلينكن ولامي كييف": right after the trigger or the visitors it names
        named = chain([a for a in after if a.first >= visitor.first], toks, ts.titles, conjoined=True) \
            if visitor.first > j else []
        direct = [a for a in places if a.first - max([j] + [v.last for v in named]) <= 2 and bare(toks, a, ts)]
        attended = not ts.attending.isdisjoint(word_forms(toks[i].norm))  # "attended the summit in Kazan"
        marked = [a for a in places if follows(toks, a, ts.to, gap=3) and not _origin(toks, j, a, ts)] + [a for a in places if follows(toks, a, ts.bound)] + \
                 [a for a in places if a.clitic.endswith("ل")] + direct + \
                 [a for a in places if attended and follows(toks, a, ts.venues)]
        for a in marked:
            dest = self.state(a.entity)
            if dest and dest != home and dest != visitor.entity:
                return [Participant(visitor.entity, "source", visitor.mention), Participant(dest, "target", a.mention)]
        host = next((h for h in it if h not in (home, visitor.entity)), None)  # the place "it" is
        if host:
            return [Participant(visitor.entity, "source", visitor.mention), Participant(host, "target", None)]
        end = max(j, visitor.last)
        # a body with no state of its own after the trigger ("for the APEC meeting") is no destination
        reach, words = (PLACE_REACH, ts.to | ts.venues) if attended else (3, ts.to)
        if not any(self.state(a.entity) for a in places) and visitor.kind == "person" \
                and any(toks[k].norm in words for k in range(end + 1, min(end + reach, len(toks)))):
            return [Participant(visitor.entity, "source", visitor.mention)]  # "وصل إلى مدينة جدة": the gazetteer's
        word = " ".join(t.norm for t in toks[i:j + 1])
        word = word[1:] if word[:1] == "و" and word not in ts.arrivals else word
        if visitor.kind == "person" and word in ts.arrivals \
                and not any(self.state(a.entity) for a in marked):
            return [Participant(visitor.entity, "source", visitor.mention)]  # "وصل أمس بالقطار": where the article is
        return self._stay(i, j, toks, sentence, ts) if leading else None

    def _attributive(self, i: int, j: int, toks: list[Token], sentence: list[Actor], ts: TriggerSet
                     ) -> list[Participant] | None:
        """"told visiting Defense Minister Belousov", "the visiting Russian delegation", "الوزير الروسي الزائر": the one
        the word describes is the visitor, the state of the sentence's other person the host (else the dateline's)."""
        if toks[i].norm not in ts.attributive:
            return None
        if ts.lang == "en":
            guest = next((a for a in sentence if 0 < a.first - j <= 4 and a.kind in ("person", "state")), None)
        else:
            guest = next((a for a in reversed(sentence) if 0 < i - a.last <= 1 and a.kind in ("person", "state")), None)
        if guest is None:
            return None
        home = self.registry.home_of(guest.entity)
        other = next((a for a in sentence if a.kind == "person" and self.registry.home_of(a.entity) not in (home, None)),
                     None)
        host = self.registry.home_of(other.entity) if other else None
        return [Participant(guest.entity, "source", guest.mention)] + (
            [Participant(host, "target", other.mention)] if host else [])

    def _place(self, a: Actor) -> bool:
        """Named as a place (a capital standing for its state, "Moscow"), not as a state or body."""
        ent = self.registry.entities.get(a.mention.entity) if a.mention.entity else None
        return ent is not None and ent.kind == "place"

    def _stay(self, i: int, j: int, toks: list[Token], sentence: list[Actor], ts: TriggerSet) -> list[Participant] | None:
        """A visit noun naming no destination ("the second day of a visit during which", "left Moscow after a
        three-day state visit"): the sentence's subject visits the one foreign state its sentence names
        before the noun; none when someone follows the noun ("a visit by Kim") or it is a verb ("to visit")."""
        word = toks[i].norm
        if word not in ts.visit_nouns and not (word[:1] in ("و", "ب") and word[1:] in ts.visit_nouns) \
                or i and (toks[i - 1].norm in ts.verb_leads or toks[i - 1].norm == "s"):
            return None  # "لزيارة موسكو", "to visit", "Putin's visit": another's trip, or a purpose
        if any(0 < a.first - j <= 3 for a in sentence):
            return None  # "a visit by Kim", "زيارة الأخير للقاهرة": told after the noun
        rel = next((k for k in range(i - 1, max(-1, i - 4), -1) if toks[k].norm in ts.relatives), None)
        first = relative_antecedent(toks, rel + 1, sentence, ts) if rel is not None else next(
            (a for a in sentence if a.kind == "person" and a.last < i and bare(toks, a, ts)), None)
        if first is None or first.kind != "person":  # ("الذي يقوم بزيارة رسمية": the one the clause follows)
            return None
        home = self.registry.home_of(first.entity)
        hosts = {h: a for a in sentence if a.kind != "person" and a.last < i and self._place(a)
                 and (h := self.state(a.entity)) and h not in (home, first.entity)}
        if not hosts and rel is not None:
            return [Participant(first.entity, "source", first.mention)]  # hosted where the article is (dateline)
        if len(hosts) != 1:
            return None
        (host, where), = hosts.items()
        return [Participant(first.entity, "source", first.mention), Participant(host, "target", where.mention)]

    def companions(self, ev: Event, actors: list[Actor], toks: list[Token], ts: TriggerSet) -> list[Event]:
        """The people joined to the visitor by و / "and" travel too ("Blinken and Lammy visited Kyiv",
        "وصل بلينكن ونظيره البريطاني لامي إلى كييف"): a visit of each to the same host."""
        if len(ev.participants) != 2 or ev.participants[0].mention is None:
            return []
        people = [a for a in actors if a.kind == "person"]
        k = next((k for k, a in enumerate(people) if a.mention is ev.participants[0].mention), None)
        if k is None:
            return []
        group = chain_ending(people[:k + 1], toks, ts) + chain(people[k:], toks, ts.titles, conjoined=True)[1:]
        host = ev.participants[1]
        return [replace(ev, participants=[Participant(a.entity, "source", a.mention), host],
                        evidence_spans=list(ev.evidence_spans)) for a in group if a is not people[k]
                and a.entity != ev.participants[0].entity and self.registry.home_of(a.entity) != host.entity]

    @staticmethod
    def _delegation(toks: list[Token], after: list[Actor], ts: TriggerSet) -> list[Actor]:
        """A delegation without a named head after the verb is its state's or body's ("توجه وفد روسي إلى
        نيامي", "وفد عسكري إيراني", "وفد من الاتحاد الأفريقي"): a delegation word at most three words
        before it, none of them a preposition but "من"."""
        for a in after:
            if a.kind == "person":
                continue
            for k in range(a.first - 1, max(-1, a.first - 4), -1):
                if ts.delegation & set(word_forms(toks[k].norm)):
                    return [a] if a.kind in ("state", "organisation") else []
                if toks[k].norm in ts.preps and toks[k].norm not in ts.from_:
                    break
        return []

    def listed(self, ev: Event, seg: Segment, actors: list[Actor], dates: list[DateExpr], ts: TriggerSet) -> list[Event]:
        """Further destinations listed after the first ("السعودية في فبراير 2020، ثم تونس في ديسمبر
        2021", "Russia and Austria in July 2024"): a visit to each, dated by the date right after it,
        else by the one the list shares at its end."""
        first = ev.participants[-1].mention if len(ev.participants) == 2 else None
        if first is None:
            return []
        visitor = ev.participants[0].entity
        taken = {visitor, ev.participants[1].entity, self.registry.home_of(visitor)}
        chain = [(dest, m, self._date_after(m, seg, dates, ts))
                 for dest, m in self._destinations(seg, actors, dates, ts, taken, first.end, first)]
        if not chain:
            return []
        shared = ev.date if ev.date is not None and ev.date.start >= chain[-1][1].end else None
        return [replace(ev, participants=[ev.participants[0], Participant(dest, "target", m)],
                        date=own or (None if any(o for _, _, o in chain) else shared), evidence_spans=list(ev.evidence_spans))
                for dest, m, own in chain]

    def legs(self, ev: Event, seg: Segment, actors: list[Actor], dates: list[DateExpr], ts: TriggerSet) -> list[Event]:
        """The further legs a tour lists after its first destination ("وصل لافروف إلى كوناكري في مستهل جولة
        أفريقية تشمل أيضا الكونغو وتشاد", "a tour that will also take him to Kenya and Zimbabwe"): a planned
        visit to each."""
        if not ev.participants or not ts.tour_legs:
            return []  # (the first destination may still be pending: a city whose state `visit_hosts` adds)
        reached = ev.participants[1] if len(ev.participants) == 2 else None
        first = reached.mention.end if reached and reached.mention else ev.trigger_end
        words = norm(seg.text[first - seg.start:ev.sentence_end - seg.start])
        at = min((words.find(f" {p} ") for p in ts.tour_legs if f" {p} " in f" {words} "), default=-1)
        if at < 0:
            return []
        start = first + at + 1
        visitor = ev.participants[0].entity
        taken = {visitor, reached and reached.entity, self.registry.home_of(visitor)}
        return [replace(ev, participants=[ev.participants[0], Participant(dest, "target", m)], date=None,
                        modality="planned", host_pending=False, evidence_spans=list(ev.evidence_spans))
                for dest, m in self._destinations(seg, actors, dates, ts, taken, start)]

    def _destinations(self, seg: Segment, actors: list[Actor], dates: list[DateExpr], ts: TriggerSet, taken: set,
                      start: int, prev: Mention | None = None) -> list[tuple[str, Mention]]:
        """The states a list names from `start` on, each joined to the one before (to `prev`, the first
        destination, when given; else the list opens within a few words of `start`), none in `taken`."""
        out = []
        for a in actors:
            m, dest = a.mention, self.state(a.entity)
            if m.start < (prev.end if prev else start) or a.kind == "person":
                continue
            if prev is None and len(norm(seg.text[start - seg.start:m.start - seg.start]).split()) > 4:
                break  # the list starts right after "تشمل (أيضا)"
            if dest is None or dest in taken or prev is not None and not self._joined(seg, prev, m, dates, ts):
                break
            out.append((dest, m))
            taken.add(dest)
            prev = m
        return out

    def reception(self, ev: Event, actors: list[Actor], ts: TriggerSet) -> Event | None:
        """A host receiving a guest from another state at home is the guest's visit to the host's
        state ("استقبل تبون نظيره التونسي", "Saudi Arabia hosted Xi"); a place named in a third state,
        or the sidelines of a summit, say the reception may not be at home."""
        forms = word_forms(norm(ev.trigger))
        if ts.receptions.isdisjoint(forms) or len(ev.participants) != 2:
            return None
        host, guest = sorted(ev.participants, key=lambda p: p.mention.start if p.mention else ev.trigger_start)
        next_word = norm(ev.evidence[ev.trigger_end - ev.sentence_start:]).split()[:1]
        if next_word and any(next_word[0] in words for words in ts.companions.values()) and guest.mention \
                and guest.mention.start < ev.trigger_start:
            host, guest = guest, host  # "Macron flew on to Guangzhou, where Xi hosted him": the pronoun is the guest
        carried = any(f.endswith(x) and f[:-len(x)] in ts.receptions for f in forms for x in ("ها", "ه", "هما", "هم"))
        by = guest.mention and norm(self._text_before(ev, guest.mention.start)).split()[-1:] in ([w] for w in ts.from_)
        passive = set(norm(ev.evidence[:ev.trigger_start - ev.sentence_start]).split()[-2:]) & ts.passive
        if passive:  # "He was (later) received by Kim": the one after the verb hosts
            after = [p for p in ev.participants if p.mention and p.mention.start >= ev.trigger_end]
            by = bool(after) and after[0] is guest
        if carried and host.mention and host.mention.start < ev.trigger_start and not (
                guest.mention and guest.mention.start < ev.trigger_start) or by:  # (both before: subject, then object)
            host, guest = guest, host  # "استقبلها بوتين", "حظي باستقبال من كيم", "was received by Newsom"
        home, away = self.registry.home_of(host.entity), self.registry.home_of(guest.entity)
        guest_kind = self.registry.entities[guest.entity].kind if guest.entity in self.registry.entities else None
        if guest_kind != "person" or home is None or away in (home, None):
            return None
        elsewhere = {self.state(a.entity) for a in actors if a.kind not in ("person", "state")
                     and ev.sentence_start <= a.mention.start < ev.sentence_end} - {home, None}
        if elsewhere or any(w in ts.sidelines for w in norm(ev.evidence).split()):
            return None  # "على هامش القمة": a reception at a summit, which may be anywhere
        last = max((p.mention.start for p in (host, guest) if p.mention), default=0)
        upto = last - ev.sentence_start if last > ev.trigger_end else None
        after = norm(ev.evidence[ev.trigger_end - ev.sentence_start:upto][:30 if upto is None else None]).split()
        if any(f in ts.remote for w in after[:3 if upto is None else None] for f in word_forms(w)):
            return None  # "received a phone call from", "استقبل الأمير اتصالا هاتفيا من": no one came
        return replace(ev, type="visit", participants=[Participant(guest.entity, "source", guest.mention),
                                                        Participant(home, "target", None)],
                       evidence_spans=list(ev.evidence_spans))

    @staticmethod
    def _text_before(ev: Event, start: int) -> str:
        return ev.evidence[max(0, start - ev.sentence_start - 12):start - ev.sentence_start]

    @staticmethod
    def _date_after(m: Mention, seg: Segment, dates: list[DateExpr], ts: TriggerSet) -> DateExpr | None:
        """A date right after a destination, a preposition at most between ("تونس في ديسمبر 2021")."""
        for d in dates:
            if d.start < m.end:
                continue
            gap = norm(seg.text[m.end - seg.start:d.start - seg.start]).split()
            if len(gap) <= 1 and all(w in ts.preps for w in gap):
                return d
        return None

    @staticmethod
    def _joined(seg: Segment, prev: Mention, m: Mention, dates: list[DateExpr], ts: TriggerSet) -> bool:
        """Only a joiner ("و", "ثم", "and", "then", a comma), a preposition and dates between."""
        text = seg.text[prev.end - seg.start:m.start - seg.start]
        for d in sorted((d for d in dates if prev.end <= d.start and d.end <= m.start), key=lambda d: -d.start):
            text = text[:d.start - prev.end] + " " + text[d.end - prev.end:]
        words = norm(text.replace("،", " , ").replace(",", " , ")).split()
        joiners = ts.date_joiners | {","}  # و, ثم, "and", "then" are the data's date joiners
        return any(w in joiners for w in words) and all(w in joiners or w in ts.preps for w in words)

    def state(self, name: str) -> str | None:
        ent = self.registry.entities.get(name)
        if ent is None:
            return None
        return self.registry.state_of(name) or (ent.country if ent.kind == "place" else None)


def _origin(toks: list[Token], j: int, a: Actor, ts: TriggerSet) -> bool:
    """The place is where the trip came from: "from" stands between the trigger and it with no "to" after
    ("flew in from the G20 summit in New Delhi"; not "from Moscow to Pyongyang")."""
    froms = [k for k in range(j + 1, a.first) if toks[k].norm in ts.from_]
    return bool(froms) and not any(toks[k].norm in ts.to and toks[k].norm != "in" for k in range(froms[-1] + 1, a.first))
