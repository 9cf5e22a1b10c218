"""Resolve: mentions of roles → the person holding the role at the right date; events told
twice → one event.

Adds identity where the text names an office instead of a person: "الرئيس الروسي" is Putin
in 2023; "وزير الدفاع الروسي" is Shoigu before May 2024 and Belousov after. A role written
next to a name ("وزير الخارجية الروسي سيرغي لافروف") is that name, whatever the table says.
The date is the event's own when it has one, else the article's anchor: its publication
date, or failing that the latest date the article itself states.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from .records import DateExpr, Event, Mention, Participant, Segment
from .extract.entities import LEADING_OFFICES
from .extract.triggers import TriggerSet, office_before
from .knowledge import DATA_DIR, KnowledgeError, load_yaml
from .normalize import fold, norm
from .registry import Registry, holder_at

_APPOSITION_GAP = 4
DIRECTED = ("accusation", "invitation")  # types whose parties have a direction that makes them another happening


def anchor_date(published: dt.date | None, dates: list[DateExpr], segments: list[Segment]) -> dt.date | None:
    if published is not None:
        return published
    main = [(s.start, s.end) for s in segments if s.section == "main"]
    stated = [d.value_end or d.value for d in dates
              if not d.relative and any(s <= d.start < e for s, e in main)]
    return max(stated) if stated else None


def resolve_roles(text: str, mentions: list[Mention], day: dt.date | None, registry: Registry | None = None,
                  published: bool = True) -> None:
    """Give each role mention its person: the adjacent name, else the holder at `day`.

    A name, then a comma, then a role is an apposition only when the name's state is the office's
    ("كيم جونغ أون، وزير الخارجية الروسي" lists two people). With no date, or only the latest date
    the text tells (no publication date: `published` false), a holder the article names elsewhere is
    the one meant, not the office's holder at that date."""
    named = {m.entity for m in mentions if m.kind == "person" and m.alias_kind == "name" and m.entity}
    for k, m in enumerate(mentions):
        if m.alias_kind != "role":
            continue
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        prv = mentions[k - 1] if k else None
        if nxt and nxt.kind == "person" and nxt.alias_kind == "name" and nxt.segment_order == m.segment_order \
                and nxt.start - m.end <= _APPOSITION_GAP and nxt.entity:
            m.entity, m.alias_kind = nxt.entity, "role"
            m.holders = ()
        elif prv and prv.kind == "person" and prv.alias_kind == "name" and prv.entity \
                and prv.segment_order == m.segment_order and 0 <= m.start - prv.end <= 3 \
                and any(c in text[prv.end:m.start] for c in "،,") and _same_state(registry, prv.entity, m.holders):
            m.entity = prv.entity
            m.holders = ()
        else:
            known = [h.entity for h in m.holders if h.entity in named] if day is None or not published else []
            m.entity = known[0] if len(set(known)) == 1 else holder_at(m.holders, day)
        m.kind = "person"


def named_states(mentions: list[Mention]) -> list[Mention]:
    """A resolved title still names its state ("الرئيس التونسي قيس سعيد", "نظيره المصري"): the state
    counts as mentioned there too, so the article's entities hold it. Kept apart from the mentions
    the events read, so it never becomes a participant of its own."""
    return [Mention(m.start, m.end, m.surface, m.segment_order, m.named_state, "state", "adj", confidence=0.6)
            for m in mentions if m.kind == "person" and m.named_state and m.entity and m.entity != m.named_state]


def resolve_dual_offices(text: str, mentions: list[Mention], registry: Registry, triggers: dict[str, TriggerSet],
                         languages: dict[int, str]) -> None:
    """"وزيرا خارجية مصر وإيران", "the foreign ministers of Egypt and Iran": each state stands for its
    holder of the office, a role that `resolve_roles` reads at the article's date."""
    for a, b in zip(mentions, mentions[1:]):
        if a.kind != "state" or b.kind != "state" or a.segment_order != b.segment_order \
                or text[a.end:b.start].strip() not in ("و", "and"):
            continue
        ts = triggers.get(languages.get(a.segment_order, "ar")) or triggers["ar"]
        spans = [w.span() for w in re.finditer(r"\S+", text[max(0, a.start - 40):a.start])][-3:]
        lead = [norm(text[max(0, a.start - 40) + x:max(0, a.start - 40) + y]) for x, y in spans]
        body = a.alias_kind == "body"  # "وزيرا خارجية مصر": the ministry's word names the office
        office, n = office_before(lead + norm(a.surface).split()[:1] if body else lead, ts)
        pair = [registry.offices.get((office, m.entity), ()) for m in (a, b)]
        if office and all(pair):
            for m, holders in zip((a, b), pair):
                m.kind, m.alias_kind, m.holders, m.actor = "person", "role", holders, None
            if n > body:  # the title is the first holder's mention ("the foreign ministers of Egypt")
                a.start = max(0, a.start - 40) + spans[len(spans) - (n - body)][0]
                a.surface = text[a.start:a.end]


def _same_state(registry: Registry | None, person: str, holders: tuple) -> bool:
    """Whether a person may hold the office these holders hold: same state, or nothing known."""
    if registry is None or not holders:
        return True
    home = registry.home_of(person)
    office = {registry.home_of(h.entity) for h in holders} - {None}
    return home is None or not office or home in office


def resolve_lone_names(mentions: list[Mention], registry: Registry, day: dt.date | None) -> list[Mention]:
    """"كيم" in an article that never names him in full: the one owner of the short name who led a
    state at `day`, when the article names that state (or its people) elsewhere. Unresolved ones are
    dropped: a short name alone names no one."""
    states = set()
    for m in mentions:
        if m.alias_kind == "lone" or not m.entity:
            continue
        states.add(registry.home_of(m.actor_name or m.entity))
    out = []
    for m in mentions:
        if m.alias_kind == "lone":
            who = _leading(registry, {h.entity for h in m.holders}, day)
            if len(who) != 1 or registry.entities[next(iter(who))].country not in states:
                continue
            m.entity, m.alias_kind = who.pop(), "short"
        out.append(m)
    return out


def _leading(registry: Registry, people: set[str], day: dt.date | None) -> set[str]:
    """Those of `people` holding the highest office any of them held at `day` (a leader before a premier)."""
    for office in LEADING_OFFICES:
        who = {p for p in people if holder_at(registry.offices.get((office, registry.entities[p].country), ()), day) == p}
        if who:
            return who
    return set()


def resolve_counterparts(mentions: list[Mention], registry: Registry, day: dt.date | None) -> None:
    """"نظيره الكوري الشمالي": whoever holds, in that state, the office of the person last named."""
    for k, m in enumerate(mentions):
        if m.alias_kind != "counterpart" or m.entity is None:
            continue
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if nxt and nxt.kind == "person" and nxt.entity and 0 <= nxt.start - m.end <= _APPOSITION_GAP:
            m.entity, m.kind = nxt.entity, "person"
            continue
        person = next((p.entity for p in reversed(mentions[:k]) if p.kind == "person" and p.entity), None)
        office = registry.office_of(person, day) if person else None
        who = registry.holder(office, m.entity, day) if office else None
        if who:
            m.entity, m.kind = who, "person"


LEADERS = (*LEADING_OFFICES, "monarch", "emir", "sultan", "crown_prince")


def resolve_titles(mentions: list[Mention], registry: Registry, day: dt.date | None = None,
                   ministers: frozenset[str] = frozenset()) -> None:
    """"الوزير الروسي" after Shoigu was named: the person of that country named last, who is no leader
    where the title is a minister's (`ministers`)."""
    for k, m in enumerate(mentions):
        if m.alias_kind != "title" or m.entity is None:
            continue
        state = m.entity
        minister = m.title in ministers
        who = next((p.entity for p in reversed(mentions[:k]) if p.kind == "person" and p.entity
                    and registry.entities[p.entity].country == state
                    and not (minister and registry.office_of(p.entity, day) in LEADERS)), None)
        if who:
            m.entity, m.kind = who, "person"
        else:
            m.alias_kind = "adj"


def date_plans(events: list[Event], day: dt.date | None) -> None:
    """A telling dated after the publication day, or told as ahead of it ("next week" in the same month), is a
    plan, and so is one an Arabic present verb tells with a bare date ("يزور رئيسي الرياض السبت"); a plan's bare
    date lies ahead: "من المقرر أن يزور ... في يونيو" written in May 2024 is June 2024, where read alone "يونيو"
    is the last June (2023); a bare weekday is the coming one."""
    if day is None:
        return
    for ev in events:
        d = ev.date
        if ev.modality == "asserted" and d is not None and (_after(d, day) or d.ahead or ev.present and d.bare is not None):
            ev.modality = "planned"  # "ويجري ماكرون محادثات مع شي يوم الجمعة المقبل": told before it happens
        if ev.modality != "planned" or d is None or d.bare is None:
            continue
        if d.bare == "wd" and d.value < day:
            ev.date = replace(d, value=d.value + dt.timedelta(days=7))
        elif d.bare != "wd" and (d.value.year, d.value.month) < (day.year, day.month):
            later = _next_year(d.value)
            if later is not None:
                ev.date = replace(d, value=later, value_end=d.value_end and _next_year(d.value_end))


def _after(d, day: dt.date) -> bool:
    """The date lies wholly after the publication day, at its precision."""
    if d.precision == "year":
        return d.value.year > day.year
    if d.precision == "month":
        return (d.value.year, d.value.month) > (day.year, day.month)
    return d.value > day


def _next_year(day: dt.date) -> dt.date | None:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return None


def redate_roles(events: list[Event]) -> None:
    """A role participant of a dated event is whoever held the role on that date."""
    for ev in events:
        if ev.date is None:
            continue
        for p in ev.participants:
            m = p.mention
            if m is not None and m.alias_kind == "role" and m.holders:
                who = holder_at(m.holders, ev.date.value)
                if who and all(q.entity != who for q in ev.participants):
                    p.entity = who


def one_per_accuser(events: list[Event], registry: Registry) -> list[Event]:
    """Two states that condemn one act ("The United States and South Korea condemned …", "أعلنت حكومتا
    تونس والجزائر رفضهما …") each accuse: one accusation per state, the accused in each. Two leaders
    condemning it at their summit speak together and stay one accusation."""
    out: list[Event] = []
    for ev in events:
        sources = [p for p in ev.participants if p.role == "source"]
        if any(registry.entities[p.entity].kind != "state" for p in sources if p.entity in registry.entities):
            sources = []
        others = [p for p in ev.participants if p.role != "source"]
        if ev.type != "accusation" or len(sources) < 2 or not others:
            out.append(ev)
            continue
        out += [replace(ev, participants=[s, *others], evidence_spans=list(ev.evidence_spans)) for s in sources]
    return out


def merge(events: list[Event]) -> list[Event]:
    """One happening told twice in an article is one event with two evidence spans (a planned
    meeting and one that took place are two happenings)."""
    out: list[Event] = []
    for ev in events:
        key = _merge_key(ev)
        twin = next((o for o in out if _merge_key(o) == key and _same_date(o, ev)), None)
        if twin is None:  # one sentence telling it twice, once with fewer parties ("وقع قادة X وY … معاهدة")
            twin = next((o for o in out if o.type == ev.type and o.modality == ev.modality and _same_date(o, ev)
                         and o.evidence_spans[0] == ev.evidence_spans[0] and _nested(o, ev)), None)
            if twin is not None and len(ev.participants) > len(twin.participants):
                twin.participants = ev.participants
        if twin is None:
            out.append(ev)
            continue
        if ev.evidence_spans[0] not in twin.evidence_spans:
            twin.evidence_spans.append(ev.evidence_spans[0])
        if ev.type == "visit" and ev.modality == "asserted" and twin.date and ev.date \
                and twin.date.precision == ev.date.precision == "day" \
                and ev.date.value < twin.date.value:
            twin.date = ev.date  # a visit told on its reception day and its arrival day began on the arrival
    return out


def _merge_key(ev: Event) -> tuple:
    """Type, parties and modality; who accuses or invites whom too (a counter-accusation is another happening)."""
    if ev.type in DIRECTED:
        return ev.type, frozenset((p.entity, p.role == "source") for p in ev.participants), ev.modality
    return ev.type, frozenset(ev.names()), ev.modality


def _nested(a: Event, b: Event) -> bool:
    names_a, names_b = set(a.names()), set(b.names())
    return names_a <= names_b or names_b <= names_a


def _same_date(a: Event, b: Event) -> bool:
    """Undated and dated tellings stay apart: an undated one may be another happening."""
    if a.date is None or b.date is None:
        return a.date is None and b.date is None
    return a.date.iso()[:7] == b.date.iso()[:7]


def visit_hosts(events: list[Event], registry: Registry, dateline: str | None = None) -> list[Event]:
    """A visit whose destination only the gazetteer knows ("وصل إلى مدينة جدة", "arrived in San
    Francisco") is hosted by the state of the place its sentence names after the trigger, else where the
    visitor's other events of the sentence were, else by the state of the article's dateline ("فلاديفوستوك -
    رويترز: … وصل كيم أمس بالقطار"); without one, or at home, it is no visit."""
    if not any(ev.host_pending for ev in events):
        return events
    out: list[Event] = []
    for ev in events:
        if not ev.host_pending:
            out.append(ev)
            continue
        ev.host_pending = False
        place = ev.place
        visitor = ev.participants[0].entity
        host = place.country if place is not None and place.start >= ev.trigger_end else None
        if host is None:  # "Lavrov, who flew in on Friday, met Kim in Wonsan": where the sentence's other events were
            host = next((e.place.country for e in events if e is not ev and e.sentence_start == ev.sentence_start
                         and e.place is not None and e.place.country and visitor in e.names()), None)
        if host is None and registry.home_of(visitor) is not None:  # a visitor whose state is known
            host = dateline
        if host and host in registry.entities and host not in (visitor, registry.home_of(visitor)):
            ev.participants.append(Participant(host, "target", None))
            out.append(ev)
    return merge(out)


TITLES_SCHEMA = {"language!": str, "bare!": {"*": [str]}, "blockers": [str], "states": {"*": [str]}, "bodies": [str]}


def _title_of(gap: str) -> bool:
    """Whether a title and the name after it are one: nothing, or one word (an honorific), between
    them, and no comma or "and" ("ولي العهد والرئيس التركي" are two people)."""
    words = gap.split()
    return len(words) <= 1 and not any(c in gap for c in "،,.") and gap.strip() != "and" and not gap.rstrip().endswith("و")


def _derived(office_patterns: dict[str, dict[str, list[str]]], lang: str) -> list[tuple[str, str]]:
    """Bare titles that the office patterns imply: "وزير الداخلية" from "وزير الداخلية {adj}", "the
    interior minister" from "{adj} Interior Minister" or "Interior Minister of {state}". An Arabic
    construct form ("وزير خارجية {state}") is no phrase alone, so it gives none."""
    out = []
    for office, by_lang in office_patterns.items():
        for p in by_lang.get(lang, ()):
            if lang == "ar":
                head = p[:-len(" {adj}")] if p.endswith(" {adj}") else ""
                if head and "{" not in head and any(w.startswith("ال") for w in head.split()):
                    out.append((head, office))
                continue
            for form in (r"^\{adj\} (?P<t>[^{}]+)$", r"^(?P<t>[^{}]+) of \{state\}$", r"^\{state\}'s (?P<t>[^{}]+)$"):
                hit = re.match(form, p)
                if hit:
                    out.append(("the " + hit.group("t").lower(), office))
    return out


class BareTitles:
    """"ولي العهد", "the president" with no state: the one person the article named before with
    that office (at any date). Where two people it named hold it, or none, it stays unread."""

    def __init__(self, registry: Registry, blockers: frozenset[str], data_dir: Path = DATA_DIR):
        self.registry = registry
        self.holders: dict[str, set[str]] = {}
        for (office, _), hs in registry.offices.items():
            self.holders.setdefault(office, set()).update(h.entity for h in hs)
        self.patterns: dict[str, re.Pattern] = {}
        self.office_of: dict[str, list[str]] = {}
        self.state_patterns: dict[str, re.Pattern] = {}
        self.state_office: dict[str, str] = {}  # "المملكة" → monarch: the one kingdom the article names
        self.body_patterns: dict[str, re.Pattern] = {}  # "المنظمة", "the bloc": the organisation named last
        for lang in ("ar", "en"):
            data = load_yaml(data_dir / lang / "titles.yaml", TITLES_SCHEMA)
            unknown = sorted(set(data["bare"]) - set(self.holders))
            if unknown:
                raise KnowledgeError(f"titles.yaml ({lang}): no office table is named {', '.join(unknown)}")
            listed = [(t, office) for office, ts in data["bare"].items() for t in ts]
            derived = _derived(registry.office_patterns, lang)
            titles = sorted(((fold(t).text, office) for t, office in dict.fromkeys(listed + derived)), key=lambda x: -len(x[0]))
            for title, office in titles:  # "الوزير" may name the holder of any of several offices
                self.office_of.setdefault(title, []).append(office)
            clitic = "(?:[وفبل]|وب|ول|فب|فل)?" if lang == "ar" else ""
            words = set(data.get("blockers", ())) | (set(blockers) if lang == "ar" else set())
            before = "".join(rf"(?<!{re.escape(b)} )" for b in sorted(words))
            alts = "|".join(dict.fromkeys(re.escape(t) for t, _ in titles))
            after = "" if lang == "ar" else "(?! of )"  # "the leader of Hamas" is no bare title
            self.patterns[lang] = re.compile(rf"(?<![\w]){before}{clitic}(?P<t>{alts})(?![\w]){after}")
            kinds = {fold(w).text: office for office, ws in data.get("states", {}).items() for w in ws}
            unknown = sorted(set(kinds.values()) - set(self.holders))
            if unknown:
                raise KnowledgeError(f"titles.yaml ({lang}): no office table is named {', '.join(unknown)}")
            self.state_office.update(kinds)
            self.state_office.update({"لل" + k[2:]: o for k, o in kinds.items() if lang == "ar" and k.startswith("ال")})
            alts = "|".join(re.escape(k) for k in kinds) + "".join(  # "للمملكة": ل before ال drops its alef
                "|" + re.escape("لل" + k[2:]) for k in kinds if lang == "ar" and k.startswith("ال"))
            self.state_patterns[lang] = re.compile(rf"(?<![\w]){clitic}(?P<t>{alts})(?![\w])" if kinds else "(?!)")
            bodies = "|".join(re.escape(fold(w).text) for w in sorted(data.get("bodies", ()), key=len, reverse=True))
            self.body_patterns[lang] = re.compile(rf"(?<![\w]){clitic}(?P<t>{bodies})(?![\w])" if bodies else "(?!)")

    def resolve(self, segments: list[Segment], mentions: list[Mention], texts) -> list[Mention]:
        mentions = self._bodies(segments, self._states(segments, mentions, texts), texts)
        persons = [m for m in mentions if m.kind == "person" and m.entity and m.alias_kind != "lone"]
        if not persons:
            return mentions
        taken = [(m.start, m.end) for m in mentions]
        added: list[Mention] = []
        for seg, title, start, end in _hits(segments, self.patterns, texts):
            b = end - seg.start
            if any(s < end and start < e for s, e in taken) or any(
                    0 <= m.start - end <= 14 and _title_of(seg.text[b:m.start - seg.start]) for m in persons):
                continue  # part of a role already read, or a title before a name ("وزير الخارجية الدكتور بدر")
            offices = self.office_of[title]
            female = seg.language != "en" and title.split()[0].endswith(("ة", "ه"))  # "الوزيرة"
            named = {m.entity for m in persons if m.end <= start
                     and any(m.entity in self.holders.get(o, ()) for o in offices)
                     and (not female or self.registry.entities[m.entity].gender == "f")}
            if len(named) == 1:
                added.append(Mention(start, end, seg.text[start - seg.start:b], seg.order, named.pop(), "person",
                                     "bare_title", confidence=0.6))
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions

    def _states(self, segments: list[Segment], mentions: list[Mention], texts) -> list[Mention]:
        """"المملكة", "the Kingdom": the one state with that office the article names."""
        named = {m.entity for m in mentions if m.kind == "state" and m.entity}
        taken = [(m.start, m.end) for m in mentions]
        added: list[Mention] = []
        for seg, word, start, end in _hits(segments, self.state_patterns, texts):
            states = {s for s in named if (self.state_office[word], s) in self.registry.offices}
            if len(states) == 1 and not any(s < end and start < e for s, e in taken):
                added.append(Mention(start, end, seg.text[start - seg.start:end - seg.start], seg.order, states.pop(),
                                     "state", "bare_title", confidence=0.6))
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions


    def _bodies(self, segments: list[Segment], mentions: list[Mention], texts) -> list[Mention]:
        """"المنظمة", "the regional bloc": the organisation the article named last before it ("انسحابها من إيكواس،
        متهمة المنظمة بـ")."""
        orgs = [m for m in mentions if m.kind == "organisation" and m.entity]
        taken = [(m.start, m.end) for m in mentions]
        added: list[Mention] = []
        for seg, _, start, end in _hits(segments, self.body_patterns, texts):
            last = next((m for m in reversed(orgs) if m.end <= start), None)
            if last is not None and not any(s < end and start < e for s, e in taken):
                added.append(Mention(start, end, seg.text[start - seg.start:end - seg.start], seg.order, last.entity,
                                     "organisation", "bare_title", confidence=0.6))
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _hits(segments: list[Segment], patterns: dict[str, re.Pattern], texts):
    """Each match of a language's pattern in the article's text segments: (segment, matched words,
    start, end in the article)."""
    for seg in segments:
        if seg.kind not in ("title", "body", "quote"):
            continue
        folded = texts.folded(seg)
        for hit in patterns["en" if seg.language == "en" else "ar"].finditer(folded.text):
            a, b = folded.span(*hit.span("t"))
            yield seg, hit.group("t"), seg.start + a, seg.start + b
