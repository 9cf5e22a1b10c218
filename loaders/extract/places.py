"""Locate: the place each event happened, when its own sentence says it; else none.

Runs after event extraction and adds `Event.place`. A place is read from a locative phrase
("في بيونغ يانغ", "بموسكو", "في قاعدة فوستوشني الفضائية", "at the Kremlin", "in the city of
Kazan", "على الأراضي الروسية"), or for a visit from its destination ("بزيارة لروسيا", "إلى
موسكو", "visited Pyongyang"). Names are the registry's mentions first (so a person named like
a city, or "موسكو" acting as the government in "ردت موسكو", never becomes a place: neither
follows a locative word), then hand-listed venues, then GeoNames cities, chosen by the states
the article is about and then by population. A phrase belongs to the event whose trigger it
follows in the same clause: the next event's trigger or a complement ("قال ... إن") ends the
clause. The locative words are data: `data/<lang>/places.yaml`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ..geo import Geo
from ..knowledge import DATA_DIR, load_yaml
from ..normalize import fold, norm
from ..records import Event, Mention, Place, Segment
from ..registry import Registry
from .tokens import Token, tokenize

WORDS_SCHEMA = {key + "!": [str] for key in (
    "locative", "clitic_locative", "destination", "destination_verbs", "clitic_destination", "heads", "head_modifiers",
    "territory", "capital", "territory_prepositions", "clause_breaks", "object_b", "stop", "origin")}
NAME_ALIASES = ("name", "metonym", "short")
ADJ_ALIASES = ("adj", "title", "counterpart")
MAX_WORDS = 4
ORIGIN_REACH = 7  # words after "from" within which a place is still where the trip started
_WIRE_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,}(,[^—–(]{0,30})?( \([^)]{1,40}\))? ?[—–-]")  # "VLADIVOSTOK, Russia (AP) —"
# A one-word name only the gazetteer knows must be a large city: small towns' names are often
# ordinary words ("في بيان" is "in a statement", not Bayan; "in Spring" is not Spring, Texas).
MIN_ONE_WORD_POPULATION = 100_000


@dataclass(frozen=True)
class Words:
    """One language's locative vocabulary, folded."""

    locative: frozenset[str]
    clitic_locative: tuple[str, ...]
    destination: frozenset[str]
    destination_verbs: frozenset[str]
    clitic_destination: tuple[str, ...]
    heads: frozenset[str]
    head_modifiers: frozenset[str]
    territory: frozenset[str]
    capital: frozenset[str]
    territory_prepositions: frozenset[str]
    clause_breaks: frozenset[str]
    object_b: tuple[str, ...]
    stop: frozenset[str]
    origin: frozenset[str]  # "flew in from the G20 summit in New Delhi": the places after it are the trip's start

    @classmethod
    def load(cls, lang: str) -> "Words":
        data = load_yaml(DATA_DIR / lang / "places.yaml", WORDS_SCHEMA)
        folded = {k: [norm(w) for w in v] for k, v in data.items()}
        by_length = lambda ws: tuple(sorted(ws, key=len, reverse=True))  # noqa: E731 - longest clitic first
        return cls(
            frozenset(folded["locative"]), by_length(folded["clitic_locative"]), frozenset(folded["destination"]),
            frozenset(folded["destination_verbs"]),
            by_length(folded["clitic_destination"]), frozenset(folded["heads"]), frozenset(folded["head_modifiers"]),
            frozenset(folded["territory"]), frozenset(folded["capital"]),
            frozenset(folded["territory_prepositions"]), frozenset(folded["clause_breaks"]),
            tuple(folded["object_b"]),
            frozenset(folded["stop"]), frozenset(folded["origin"]))

    def governs_object(self, word: str) -> bool:
        """A word whose ب is "with" or an object marker ("علاقاتها ب", "رحبت ب")."""
        return any(word.startswith(w[:-1]) if w.endswith("*") else word == w for w in self.object_b)


@dataclass
class Phrase:
    """A place named in a sentence, and how: at (locative), to (destination), to_l (attached ل), from (where a trip
    came from: it places what was held there, not the trip)."""

    kind: str
    token: int
    place: Place


class Locator:
    """Finds event places; pure (no database), like the other extraction stages."""

    def __init__(self, registry: Registry, geo: Geo | None = None):
        self.registry = registry
        self.geo = geo or Geo(registry)
        self.geo.city_index  # noqa: B018 - built here, with the other knowledge, not inside the first article
        self.words = {lang: Words.load(lang) for lang in ("ar", "en")}
        # the state of each place the registry names, by its folded names: for datelines, which have no mentions
        self._seats = {a.norm: home for a in registry.aliases if a.kind in NAME_ALIASES and a.entity
                       and registry.entities[a.entity].kind == "place" and (home := registry.home_of(a.entity))}

    def locate(self, text: str, segments: list[Segment], mentions: list[Mention], events: list[Event]) -> None:
        """Set `place` on every event whose sentence names where it happened."""
        if not events:
            return
        language = {s.order: s.language for s in segments}
        starts = [m.start for m in mentions]
        context = self._context(mentions, events)
        sentences: dict[tuple[int, int], list[Event]] = {}
        for e in events:
            sentences.setdefault((e.sentence_start, e.sentence_end), []).append(e)
        for (start, end), group in sentences.items():
            lang = "en" if language.get(group[0].segment_order) == "en" else "ar"
            toks, spans = self._tokens(text, start, end)
            phrases = self._phrases(text, toks, spans, lang, mentions, starts, context)
            if not phrases:
                continue
            for e in group:
                e.place = self._choose(e, group, toks, spans, phrases, lang)

    def dateline_state(self, text: str, segments: list[Segment], mentions: list[Mention]) -> str | None:
        """The state of the place the article's dateline names ("فلاديفوستوك - رويترز:", "VLADIVOSTOK, Russia
        (AP) —"): the first words of a dateline line, or of the first body line when they are capitals."""
        starts = [m.start for m in mentions]
        for seg in segments:
            if seg.kind not in ("dateline", "body"):
                continue
            if seg.kind == "body" and not (seg.language == "en" and _WIRE_DATELINE.match(seg.text)):
                return None
            toks, spans = self._tokens(text, seg.start, seg.end)
            lang = "en" if seg.language == "en" else "ar"
            place = self._place_at(text, toks, spans, 0, 0, lang, mentions, starts, set()) if toks else None
            if place is not None and place.country:
                return place.country
            for n in (3, 2, 1):  # a capital the registry names but the gazetteer does not ("بيونغ يانغ - (شينخوا)")
                named = self._seats.get(" ".join(t.norm for t in toks[:n])) if len(toks) >= n else None
                if named:
                    return named
        return None

    # ------------------------------------------------------------------ sentences
    @staticmethod
    def _tokens(text: str, start: int, end: int) -> tuple[list[Token], list[tuple[int, int]]]:
        folded = fold(text[start:end])
        toks = tokenize(folded)
        spans = [tuple(start + o for o in folded.span(t.start, t.end)) for t in toks]
        return toks, spans

    def _context(self, mentions: list[Mention], events: list[Event]) -> set[str]:
        """The states the article is about: a city of one of them wins over a namesake elsewhere."""
        names = {m.actor_name for m in mentions if m.actor_name} | {n for e in events for n in e.names()}
        return {self.registry.home_of(n) for n in names} - {None, ""}

    def _phrases(self, text: str, toks: list[Token], spans: list[tuple[int, int]], lang: str,
                 mentions: list[Mention], starts: list[int], context: set[str]) -> list[Phrase]:
        w = self.words[lang]
        out: list[Phrase] = []
        came_from = -ORIGIN_REACH - 1  # the last "from": a locative within reach after it is the trip's start
        for i, tok in enumerate(toks):
            word = tok.norm
            if word in w.origin:
                came_from = i
            elif i - came_from <= ORIGIN_REACH and (
                    word in w.destination or word in w.destination_verbs or word in w.clause_breaks
                    or any(c in text[spans[i - 1][1]:spans[i][0]] for c in ",،;")):  # ("from Jakarta, met Anwar in …")
                came_from = -ORIGIN_REACH - 1
            if lang == "ar" and word[:1] in ("و", "ف") and word[1:] in w.locative | w.destination | w.destination_verbs:
                word = word[1:]  # "وفي موسكو", "وزارت الكرملين"
            if word in w.destination_verbs:
                j = i + 1
                while j < len(toks) and (m := self._mention_in(mentions, starts, spans[j])) and m.kind == "person":
                    j = next((k for k in range(j, len(toks)) if spans[k][0] >= m.end), len(toks))  # the visitor
                kind, found = "to", self._place_at(text, toks, spans, j, 0, lang, mentions, starts, context)
            elif word in w.locative or word in w.destination:
                kind = "to" if word not in w.locative else "from" if i - came_from <= ORIGIN_REACH else "at"
                found = self._place_at(text, toks, spans, i + 1, 0, lang, mentions, starts, context)
            elif word in w.territory_prepositions:
                kind, found = "at", self._territory(toks, spans, i + 1, w, mentions, starts)
            else:
                kind, found = "", None
                for clitic, as_kind in [*((c, "at") for c in w.clitic_locative),
                                        *((c, "to_l") for c in w.clitic_destination)]:
                    if word.startswith(clitic) and len(word) - len(clitic) >= 3:
                        if as_kind == "at" and any(w.governs_object(t.norm) for t in toks[max(0, i - 2):i]):
                            break  # "علاقات روسيا ببيونغ يانغ": relations with, not in
                        found = self._place_at(text, toks, spans, i, len(clitic), lang, mentions, starts, context)
                        if found and as_kind == "at" and found.level == "country":
                            found = None  # "بروسيا" is more often "with Russia" than "in Russia"
                        kind = as_kind
                        break
            if found is not None:
                out.append(Phrase(kind, next(k for k, s in enumerate(spans) if s[1] > found.start), found))
        return out

    def _mention_in(self, mentions: list[Mention], starts: list[int], span: tuple[int, int]) -> Mention | None:
        k = bisect.bisect_left(starts, span[0])
        return mentions[k] if k < len(starts) and starts[k] < span[1] else None

    def _place_at(self, text: str, toks: list[Token], spans: list[tuple[int, int]], j: int, skip: int, lang: str,
                  mentions: list[Mention], starts: list[int], context: set[str]) -> Place | None:
        """The place named from token j (its first `skip` letters a clitic), through kind-of-place heads."""
        w = self.words[lang]
        head: str | None = None
        for k in range(j, min(j + MAX_WORDS, len(toks))):
            cut = skip if k == j else 0
            span = (spans[k][0] + cut, spans[k][1])
            before = bisect.bisect_left(starts, span[0]) - 1
            if before >= 0 and mentions[before].end > span[0]:
                return None  # inside a name: "وبيونغ يانغ" is و + Pyongyang, not ب + a town
            m = self._mention_in(mentions, starts, span)
            if m is not None:
                if m.entity is None or m.kind == "person":
                    return None  # a person, even one named like a city
                if m.alias_kind in ADJ_ALIASES and head in w.capital:
                    return self._at(self.geo.capital_of(m.entity), m.start, m.end, text)
                if m.alias_kind in NAME_ALIASES:
                    return self._at(self.geo.registry_places.get(m.entity), m.start, m.end, text)
                return None
            forms = [t.norm for t in toks[k:k + MAX_WORDS]]
            forms[0] = forms[0][cut:]
            venue = self._longest(forms, self.geo.venues)
            if venue:
                n, place = venue
                return self._at(place, span[0], spans[k + n - 1][1], text)
            if forms[0] in w.heads or (forms[0].startswith("ال") and forms[0][2:] in w.heads):
                head = forms[0]
                continue
            if head is not None and forms[0] in w.head_modifiers:
                continue
            if lang == "en" and not text[span[0]].isupper():
                return None
            city = self._longest(forms, self.geo.city_index)
            if city is None or " ".join(forms[:city[0]]) in w.stop:
                return None
            n, cities = city
            if n == 1 and cities[0].population < MIN_ONE_WORD_POPULATION:
                return None
            return self._at(self.geo.city_place(self.geo.pick(cities, context)), span[0], spans[k + n - 1][1], text)
        return None

    def _territory(self, toks: list[Token], spans: list[tuple[int, int]], j: int, w: Words,
                   mentions: list[Mention], starts: list[int]) -> Place | None:
        """"على الأراضي الروسية", "on Russian soil": the state whose adjective qualifies the land."""
        if j + 1 >= len(toks):
            return None
        for land, adj in ((j, j + 1), (j + 1, j)):
            m = self._mention_in(mentions, starts, spans[adj])
            if toks[land].norm in w.territory and m is not None and m.alias_kind in ADJ_ALIASES and m.entity:
                place = self.geo.registry_places.get(m.entity)
                return replace(place, start=m.start, end=m.end, surface=m.surface) if place else None
        return None

    @staticmethod
    def _longest(forms: list[str], table: dict) -> tuple[int, object] | None:
        for n in range(len(forms), 0, -1):
            hit = table.get(tuple(forms[:n]))
            if hit:
                return n, hit
        return None

    @staticmethod
    def _at(place: Place | None, start: int, end: int, text: str) -> Place | None:
        return replace(place, start=start, end=end, surface=text[start:end]) if place else None

    # ------------------------------------------------------------------ which event
    def _choose(self, e: Event, group: list[Event], toks: list[Token], spans: list[tuple[int, int]],
                phrases: list[Phrase], lang: str) -> Place | None:
        """The first fitting phrase after the trigger in its clause, else the nearest before it."""
        w = self.words[lang]
        first = next((i for i, s in enumerate(spans) if s[1] > e.trigger_start), len(spans))
        last = next((i for i, s in enumerate(spans) if s[1] >= e.trigger_end), first)
        others = sorted({next((i for i, s in enumerate(spans) if s[1] > o.trigger_start), len(spans))
                         for o in group if (o.trigger_start, o.trigger_end) != (e.trigger_start, e.trigger_end)})
        breaks = [i for i, t in enumerate(toks) if t.norm in w.clause_breaks]
        after_end = min([i for i in others + breaks if i > last] + [len(toks)])
        before_start = max([i for i in others + breaks if i < first] + [-1])

        def fits(p: Phrase) -> bool:  # a destination ("إلى موسكو", "لروسيا") places a visit; where it came from
            return p.kind == "at" or (p.kind == "from") != (e.type == "visit")  # ("from talks in Warsaw") does not

        after = [p for p in phrases if last < p.token < after_end and fits(p)]
        if after:  # an attached ل is also "of": "بيان الخارجية لكوريا الشمالية إلى روسيا" is a visit to Russia
            return next((p for p in after if p.kind != "to_l"), after[0]).place
        before = [p for p in phrases if before_start < p.token < first and fits(p) and p.kind != "to_l"]
        return before[-1].place if before else None
