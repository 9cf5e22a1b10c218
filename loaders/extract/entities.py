"""Entity mentions: gazetteer matching on folded text, through Arabic clitics, back to offsets.

Adds `Mention`s for every alias of the registry found in a segment: full names and spelling
variants, roles ("الرئيس الروسي", resolved later at a date), government bodies and metonyms
(الكرملين, بيونغ يانغ), surname-only back-references once the full name has appeared (to the one
person of that name named so far, see shortnames.py), spellings the registry lacks (see fuzzy.py), and people the
registry does not know when a cue introduces them ("الخبير ...", "الكاتب الروسي ...").
Attached clitics (و ف ب ل ك and ال/لل with them) are stripped while matching; the mention's
offsets still cover the whole written word minus the clitics.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..knowledge import DATA_DIR, load_yaml
from ..normalize import Folded, fold, norm
from ..records import Mention, Segment
from ..registry import Alias, Holder, Registry
from .dates import finder_for
from .fuzzy import FuzzyHit, FuzzyNames, skeleton
from .shortnames import ShortNames
from .tokens import _WORD, Token, strip_variants, tokenize

CUES_SCHEMA = {"person_cues!": [str], "not_names!": [str], "counterpart!": [str], "role_blockers!": [str],
               "role_former!": [str], "generic_titles!": [str], "minister_titles": [str], "not_short_names": [str],
               "name_words": [str], "honorifics": [str],
               "state_prepositions": [str]}
_FUZZY_CONFIDENCE = 0.8  # a name found by its spelling's likeness, not listed in the registry
LEADING_OFFICES = ("leader", "supreme_leader", "head_of_state", "head_of_government")  # highest first
_NATION_REACH = 2  # a nationality this many words before a name still tells whose it is ("South Korean official Kim")


@dataclass
class Cues:
    person: tuple[tuple[str, ...], ...]
    not_names: frozenset[str]
    counterpart: frozenset[str]
    role_blockers: frozenset[str]
    role_former: frozenset[str]
    generic_titles: frozenset[str]
    not_short_names: frozenset[str] = frozenset()
    name_words: frozenset[str] = frozenset()  # around a first name: "الأمير تركي بن محمد" is no Turk
    state_prepositions: frozenset[str] = frozenset()  # before a state's word-like short name: "في مالي"
    minister_titles: frozenset[str] = frozenset()  # generic titles no head of state bears ("الوزير الأمريكي")
    honorifics: frozenset[str] = frozenset()  # before a first name that stands for the whole ("الأمير فيصل")

    def candidates(self, forms: set[str]) -> list[tuple[str, ...]]:
        """Cues whose first word is one of the forms, longest first."""
        return [c for c in self.person if c[0] in forms]

    @classmethod
    def load(cls) -> "Cues":
        data = load_yaml(DATA_DIR / "ar" / "cues.yaml", CUES_SCHEMA)
        cues = sorted({tuple(norm(c).split()) for c in data["person_cues"]}, key=len, reverse=True)
        return cls(tuple(cues), frozenset(norm(w) for w in data["not_names"]),
                   frozenset(norm(w) for w in data["counterpart"]), frozenset(norm(w) for w in data["role_blockers"]),
                   frozenset(norm(w) for w in data["role_former"]), frozenset(norm(w) for w in data["generic_titles"]),
                   frozenset(norm(w) for w in data.get("not_short_names", ())),
                   frozenset(norm(w) for w in data.get("name_words", ())),
                   frozenset(norm(w) for w in data.get("state_prepositions", ())),
                   frozenset(norm(w) for w in data.get("minister_titles", ())),
                   frozenset(norm(w) for w in data.get("honorifics", ())))


class SegmentTexts:
    """One article's segments folded and tokenised once, for every stage that reads them."""

    def __init__(self) -> None:
        self._folded: dict[int, Folded] = {}
        self._tokens: dict[int, list[Token]] = {}

    def folded(self, seg: Segment) -> Folded:
        got = self._folded.get(seg.order)
        if got is None:
            got = self._folded[seg.order] = fold(seg.text)
        return got

    def tokens(self, seg: Segment) -> list[Token]:
        got = self._tokens.get(seg.order)
        if got is None:
            got = self._tokens[seg.order] = tokenize(self.folded(seg))
        return got


@dataclass
class _Node:
    children: dict[str, "_Node"] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)


@dataclass
class Gazetteer:
    """Aliases in a word trie: the longest alias at a token is one walk, however many share its start."""

    registry: Registry
    root: _Node = field(default_factory=_Node)

    @classmethod
    def build(cls, registry: Registry) -> "Gazetteer":
        g = cls(registry)
        for alias in registry.aliases:
            node = g.root
            for w in _WORD.findall(alias.norm):
                node = node.children.setdefault(w, _Node())
            if node is not g.root:
                node.aliases.append(alias)
        stack = [g.root]
        while stack:
            node = stack.pop()
            node.aliases.sort(key=lambda a: a.kind == "short")
            stack.extend(node.children.values())
        return g

    def aliases_for(self, words: tuple[str, ...]) -> list[Alias]:
        node: _Node | None = self.root
        for w in words:
            node = node.children.get(w) if node else None
        return node.aliases if node else []

    def match_at(self, toks: list[Token], i: int, limit: int = 99) -> tuple[int, int, Alias] | None:
        """(number of tokens, characters stripped from the first, alias) of the longest match at i."""
        best: tuple[int, int, Alias] | None = None
        for form, stripped in strip_variants(toks[i].norm):
            node = self.root.children.get(form)
            n = 1
            while node is not None and n <= limit:
                usable = [a for a in node.aliases if not (a.kind == "short" and stripped and len(form) < 3)]
                if usable and (best is None or n > best[0]):
                    best = (n, stripped, usable[0])
                if i + n >= len(toks) or toks[i + n].start - toks[i + n - 1].end > 3:
                    break
                node = node.children.get(toks[i + n].norm)
                n += 1
        return best


class EntityMatcher(ShortNames):
    def __init__(self, gazetteer: Gazetteer, cues: Cues):
        self.gaz = gazetteer
        self.cues = cues
        self.fuzzy = FuzzyNames.build(gazetteer.registry, cues.not_short_names)
        self.name_words: dict[str, tuple[bool, bool]] = {}
        self.surname_words: dict[str, bool] = {}
        self.cue_words: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.days = finder_for("ar+en")
        reg = gazetteer.registry
        self.homograph_entities = frozenset().union(*reg.homographs)
        self.leading: dict[str, list[Holder]] = {}  # a person's terms in the offices a short name alone may mean
        for (office, _), holders in reg.offices.items():
            if office in LEADING_OFFICES:
                for h in holders:
                    self.leading.setdefault(h.entity, []).append(h)

    def find(self, text: str, segments: list[Segment], texts: SegmentTexts | None = None) -> list[Mention]:
        """Mentions in all segments, in text order; back-references need an earlier full name."""
        texts = texts or SegmentTexts()
        titles = [s for s in segments if s.kind == "title"]
        seen_full: list[str] = []
        for seg in titles:  # a person the headline names in full is named before the body's "كيم"
            self._segment(text, seg, seen_full, texts)
        mentions: list[Mention] = []
        for seg in segments:
            if seg.kind in ("dateline", "title"):
                continue
            mentions += self._segment(text, seg, seen_full, texts)
        body_names = list(dict.fromkeys(reversed(seen_full)))  # a headline's "كيم" is the article's Kim
        for seg in titles:
            mentions += self._segment(text, seg, body_names[::-1], texts)
        mentions.sort(key=lambda m: m.start)
        self._homographs(mentions)
        return mentions

    def _homographs(self, mentions: list[Mention]) -> None:
        """عمان is Oman or Amman: the one written with its diacritics ("عمّان"), else the one whose state
        the rest of the article names more (the state itself when neither is)."""
        reg = self.gaz.registry
        home = reg.home_of
        ambiguous: dict[int, list[Alias]] = {}
        for k, m in enumerate(mentions):
            if m.entity in self.homograph_entities and m.alias_kind in ("name", "metonym"):
                options = [a for a in self.gaz.aliases_for(tuple(_WORD.findall(norm(m.surface))))
                           if a.kind in ("name", "metonym")]
                if len({a.entity for a in options}) > 1 and frozenset(a.entity for a in options) in reg.homographs:
                    ambiguous[k] = options
        if not ambiguous:
            return
        named = Counter(home(m.actor_name) for k, m in enumerate(mentions) if m.actor_name and k not in ambiguous)
        for k, options in ambiguous.items():
            m = mentions[k]
            written = [a for a in options if a.text == m.surface and a.text != a.norm]  # its diacritics
            best = written[0] if len(written) == 1 else max(
                options, key=lambda a: (named[home(a.entity)], reg.entities[a.entity].kind == "state"))
            if best.entity == m.entity:
                continue
            m.entity, m.kind, m.alias_kind = best.entity, reg.entities[best.entity].kind, best.kind
            m.actor = reg.state_of(best.entity) if best.kind == "metonym" else None

    def _segment(self, text: str, seg: Segment, seen_full: list[str], texts: SegmentTexts) -> list[Mention]:
        folded = texts.folded(seg)
        toks = texts.tokens(seg)
        named = self._name_starts(toks)
        out: list[Mention] = []
        nation: tuple[int, str | None] = (-1, None)  # token after the last nationality seen, and its state
        i = 0
        while i < len(toks):
            hit = self.gaz.match_at(toks, i)
            if hit is not None and hit[0] > 1 and self._date_tail(toks, i + hit[0]):
                hit = self.gaz.match_at(toks, i, hit[0] - 1)  # "وروسيا اليوم الأربعاء": Russia, today
            if hit is not None and hit[2].text.isupper() and not self._upper(seg, folded, toks[i], toks[i + hit[0] - 1]):
                hit = None  # "UN" and "US" are acronyms; "Jong-un" and "us" are not
            if hit is not None and hit[2].kind == "adj" and not hit[2].norm.startswith("ال") and self._in_name(toks, i, hit[0]):
                hit = None  # an indefinite adjective that is a first name ("الأمير تركي بن محمد")
            if hit is not None and hit[2].kind == "role" and self._blocked_role(toks, i, hit[0]):
                n = hit[0]
                nxt = self.gaz.match_at(toks, i + n + 1) if i + n < len(toks) and toks[i + n].norm in \
                    self.cues.role_former else None
                if nxt is not None and nxt[2].kind == "name":  # "رئيس الوزراء البريطاني السابق بوريس جونسون"
                    m = self._mention(text, seg, folded, toks[i].start + hit[1], toks[i + n].end, None, hit[2])
                    m.holders = ()  # the name after it, never the office's holder (see resolve_roles)
                    out.append(m)
                    n += 1
                nation = (i + n, hit[2].country)
                i += n
                continue
            if (hit is None or (hit[2].kind == "short" and hit[0] == 1)) and named[i]:
                found = self._fuzzy(seg, folded, toks, i, self._nation_near(folded, toks, i, nation))
                if found is not None:
                    stripped, fz = found
                    out.append(self._found(text, seg, folded, toks, i, stripped, fz.n, fz.entity, "name"))
                    if seg.section == "main":
                        seen_full.append(fz.entity)
                    i += fz.n
                    continue
            if hit is not None:
                n, stripped, alias = hit
                if alias.kind == "adj" and seen_full:
                    alias = self._surname_not_adjective(toks, i, alias, seen_full) or alias
                entity = alias.entity
                if alias.kind == "short":
                    entity = None if self._name_continues(seg, folded, toks, i + n - 1) else \
                        self._back_reference(alias, seen_full, nation[1] if nation[0] == i else None) \
                        or self._state_placed(alias, toks, i, stripped, out)
                if alias.kind != "short" or entity is not None:
                    out.append(self._mention(text, seg, folded, toks[i].start + stripped, toks[i + n - 1].end,
                                             entity, alias))
                    if alias.kind == "adj" and i and any(f in self.cues.counterpart for f, _ in strip_variants(toks[i - 1].norm)):
                        out[-1].alias_kind = "counterpart"
                    elif alias.kind == "adj" and i and any(f in self.cues.generic_titles
                                                           for f, _ in strip_variants(toks[i - 1].norm)):
                        out[-1].alias_kind = "title"  # "الوزير الروسي": a person already named, see resolve
                        out[-1].title = next(f for f, _ in strip_variants(toks[i - 1].norm) if f in self.cues.generic_titles)
                    if alias.kind in ("name", "adj") and entity is not None and seg.section == "main":
                        seen_full.append(entity)  # ("his North Korean counterpart … accused the North")
                    if alias.kind in ("adj", "role"):
                        nation = (i + n, alias.entity if alias.kind == "adj" else alias.country)
                    i += n
                    continue
            if hit is None or hit[2].kind == "short":
                who = self._surname(seg, folded, toks, i, seen_full, nation[1] if nation[0] == i else None)
                if who is not None:
                    out.append(self._found(text, seg, folded, toks, i, who[0], 1, who[1], "short"))
                    i += 1
                    continue
            if hit is not None and hit[2].kind == "short" and not self._name_continues(seg, folded, toks, i + hit[0] - 1):
                lone = self._lone(text, seg, folded, toks, i, hit, nation[1] if nation[0] == i else None, seen_full)
                if lone is not None:
                    out.append(lone)
                    i += hit[0]
                    continue
            cue_len = self._cue_at(toks, i)
            if cue_len:
                person = self._unknown_person(toks, i + cue_len)
                if person:
                    s, e = person
                    found = self._fuzzy(seg, folded, toks, s, None) if named[s] else None
                    if found is not None:
                        stripped, fz = found
                        out.append(self._found(text, seg, folded, toks, s, stripped, fz.n, fz.entity, "name"))
                        if seg.section == "main":
                            seen_full.append(fz.entity)
                        i = s + fz.n
                        continue
                    out += self._nationalities(text, seg, folded, toks, i + cue_len, s)
                    out.append(self._mention(text, seg, folded, toks[s].start, toks[e - 1].end, None, None))
                    i = e
                    continue
            i += 1
        return out

    def _nationalities(self, text: str, seg: Segment, folded: Folded, toks: list[Token], k: int, end: int) -> list[Mention]:
        """The state adjectives between a cue and a name no one lists ("السفير الفرنسي سيلفان إيتيه"): the
        person's state, which stands for them where they are a party."""
        out = []
        for x in range(k, end):
            hit = self.gaz.match_at(toks, x)
            if hit is not None and hit[2].kind == "adj" and x + hit[0] <= end:
                out.append(self._mention(text, seg, folded, toks[x].start + hit[1], toks[x + hit[0] - 1].end,
                                         hit[2].entity, hit[2]))
        return out

    def _in_name(self, toks: list[Token], i: int, n: int) -> bool:
        words = self.cues.name_words
        return i > 0 and toks[i - 1].norm in words or i + n < len(toks) and toks[i + n].norm in words

    def _blocked_role(self, toks: list[Token], i: int, n: int) -> bool:
        """"نائب وزير الخارجية" is the deputy; "الرئيس ... السابق" a former holder, "... المنتخب" the next one:
        not the office's holder."""
        before = i > 0 and any(f in self.cues.role_blockers for f, _ in strip_variants(toks[i - 1].norm))
        after = i + n < len(toks) and toks[i + n].norm in self.cues.role_former
        return before or after

    def _state_placed(self, alias: Alias, toks: list[Token], i: int, stripped: int, out: list[Mention]) -> str | None:
        """A state's short name that is also a word ("مالي", "financial") names the state where a word never
        could stand: right after a preposition ("في مالي", "لمالي") or joined by و to a state just named
        ("النيجر ومالي")."""
        ent = self.gaz.registry.entities.get(alias.entity or "")
        if ent is None or ent.kind != "state":
            return None
        clitic = toks[i].norm[:stripped]
        if clitic[-1:] in ("ب", "ل") or i and toks[i - 1].norm in self.cues.state_prepositions:
            return ent.name
        last = out[-1] if out else None
        joined = clitic.startswith("و") and last is not None and last.kind == "state" and i and \
            last.end >= toks[i - 1].end - 1
        return ent.name if joined else None

    def _nation_near(self, folded: Folded, toks: list[Token], i: int, nation: tuple[int, str | None]) -> str | None:
        """The nationality written just before token i, in the same clause."""
        at, state = nation
        if state is None or not 0 <= i - at <= _NATION_REACH:
            return None
        if at < i and any(c in folded.text[toks[at - 1].end:toks[i].start] for c in ".,;:!?()\"\n"):
            return None
        return state

    def _fuzzy(self, seg: Segment, folded: Folded, toks: list[Token], i: int,
               nation: str | None) -> tuple[int, FuzzyHit] | None:
        """(characters of proclitics stripped, hit) for a spelling of a known person's full name."""
        latin = toks[i].norm.isascii()
        if latin and not self._capitalised(seg, folded, toks[i]):
            return None
        rest: list[str] = []
        for k in range(i + 1, min(i + 5, len(toks))):
            gap = folded.text[toks[k - 1].end:toks[k].start]
            if gap.strip(" -'") or len(gap) > 2 or toks[k].norm.isascii() != latin or toks[k].norm.isdigit() \
                    or (latin and "-" not in gap and not self._capitalised(seg, folded, toks[k])):
                break
            rest.append(toks[k].norm)
        if not rest or (latin and len(rest) > 3):
            return None  # a run of five capitalised words is not one person's name
        rest = rest[:3]
        for form, stripped in strip_variants(toks[i].norm):
            hit = self.fuzzy.match((form,), rest, nation, whole=latin)
            if hit is not None:
                return stripped, hit
        return None

    def _name_starts(self, toks: list[Token]) -> list[bool]:
        """Whether a known name can begin at each token: its first word, or one of the next four,
        is indexed where the fuzzy match looks. Most words are neither; they skip the match."""
        marks = [self._name_word(t.norm) for t in toks]
        return [marks[k][0] or any(m[1] for m in marks[k + 1:k + 5]) for k in range(len(toks))]

    def _name_word(self, word: str) -> tuple[bool, bool]:
        """(may be a name's first word, may be a later word), memoised: the same for every telling."""
        got = self.name_words.get(word)
        if got is None:
            if len(self.name_words) > 200_000:
                self.name_words.clear()
            got = self.name_words[word] = (any(skeleton(f) in self.fuzzy.first for f, _ in strip_variants(word)),
                                           skeleton(word) in self.fuzzy.last)
        return got

    @staticmethod
    def _upper(seg: Segment, folded: Folded, first: Token, last: Token) -> bool:
        s, e = folded.span(first.start, last.end)
        return seg.text[s:e].isupper()

    @staticmethod
    def _capitalised(seg: Segment, folded: Folded, tok: Token) -> bool:
        return seg.text[folded.span(tok.start, tok.start + 1)[0]].isupper()

    def _found(self, text: str, seg: Segment, folded: Folded, toks: list[Token], i: int, stripped: int, n: int,
               entity: str, kind: str) -> Mention:
        """A mention of a person matched by likeness or by surname, not by a registry alias."""
        alias = Alias(entity, norm(entity), "ar" if not toks[i].norm.isascii() else "en", kind, entity)
        m = self._mention(text, seg, folded, toks[i].start + stripped, toks[i + n - 1].end, entity, alias)
        m.confidence = _FUZZY_CONFIDENCE
        return m

    def _date_tail(self, toks: list[Token], k: int) -> bool:
        """A name's last word is a day word ("روسيا اليوم") and a weekday follows it: the day is a date."""
        return k < len(toks) and toks[k - 1].norm in self.days.relative_days \
            and any(f in self.days.weekday_of for f in (toks[k].norm, toks[k].norm[2:]))

    def _cue_at(self, toks: list[Token], i: int) -> int:
        cues = self.cue_words.get(toks[i].norm)
        if cues is None:
            if len(self.cue_words) > 200_000:
                self.cue_words.clear()
            cues = self.cue_words[toks[i].norm] = tuple(
                self.cues.candidates({form for form, _ in strip_variants(toks[i].norm)}))
        for cue in cues:
            n = len(cue)
            if i + n <= len(toks) and all(toks[i + k].norm == cue[k] for k in range(1, n)):
                return n
        return 0

    def _unknown_person(self, toks: list[Token], j: int) -> tuple[int, int] | None:
        """Two or three name-like words after a cue (skipping a nationality adjective)."""
        while j < len(toks) and (toks[j].norm.startswith("ال") or toks[j].norm in self.cues.not_names):
            j += 1
        k = j
        while k < len(toks) and k - j < 3 and not toks[k].norm.startswith("ال") \
                and toks[k].norm not in self.cues.not_names and not toks[k].norm.isdigit() \
                and self.gaz.match_at(toks, k) is None and (k == j or toks[k].start - toks[k - 1].end <= 1):
            k += 1
        return (j, k) if k - j >= 2 else None

    def _mention(self, text: str, seg: Segment, folded: Folded, fs: int, fe: int,
                 entity: str | None, alias: Alias | None) -> Mention:
        s, e = folded.span(fs, fe)
        start, end = seg.start + s, seg.start + e
        reg = self.gaz.registry
        if alias is None:
            return Mention(start, end, text[start:end], seg.order, None, "person", "cue", confidence=0.5)
        kind = reg.entities[entity].kind if entity else "person"
        actor = reg.state_of(entity) if alias.kind == "metonym" and entity else None
        m = Mention(start, end, text[start:end], seg.order, entity, kind, alias.kind,
                    confidence=0.95 if alias.kind == "name" else 0.8, actor=actor)
        if alias.kind == "role":
            m.holders = alias.holders
            m.named_state = alias.country if alias.names_state else None
        elif alias.kind == "adj":
            m.named_state = entity
        return m
