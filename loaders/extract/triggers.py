"""Trigger words: the per-language data files of event triggers, negation, plans and
function words, compiled into indexes that find the longest match at a token.

Adds to the events stage its vocabulary, kept in `data/<lang>/triggers.yaml` so that a new
trigger word is a data change, not a code change.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ..knowledge import DATA_DIR, KnowledgeError, load_yaml
from ..normalize import norm
from .tokens import Token, strip_variants

EVENT_TYPES = ("visit", "meeting", "agreement", "cooperation", "invitation", "accusation", "statement")
# Plain word lists of the trigger data, each read into the TriggerSet field of the same name.
_WORD_SETS = ("complements", "forces", "military", "victims", "receptions", "sidelines", "remote", "purpose",
              "stationed", "inviters", "within", "time_adverbs", "represented", "bound", "topical", "passive",
              "outcome", "months", "month_modifiers", "beneficiary", "plans", "agree", "passive_forms", "owned",
              "tour_legs", "beside", "calls", "naming", "paired", "courtesy", "demands", "object_pronouns",
              "object_pronouns_feminine", "participles", "describing", "rulers", "restoring", "place_nouns",
              "agents", "earlier", "background", "speaking_for", "visit_nouns", "verb_leads", "arrivals", "measures",
              "during_it", "accepting", "relations", "theatres", "determiners", "attributive", "drawn", "where",
              "venues", "attending", "ordinals", "documents", "blaming", "present_forms")
_TYPE_SPEC = {"words!": [str], "exclude": [str], "acts": [str], "unless": [str], "unless_before": [str],
              "unless_to": [str]}
TRIGGERS_SCHEMA = {
    **{t: _TYPE_SPEC for t in EVENT_TYPES},
    "negation!": [str], "denial!": [str], "planned!": [str], "dual!": [str], "dual_heads!": [str], "dual_offices!": {"*": [str]},
    "boundaries!": [str], "to!": [str], "with!": [str], "from!": [str], "prepositions!": [str],
    "relatives": [str], "delegation": [str], "headed_by": [str], "reporting": [str],
    "possessive": {"masculine": [str], "feminine": [str], "dual": [str], "plural": [str]},
    "verb_marks": {"feminine_suffix": [str], "feminine_prefix": [str], "masculine_prefix": [str],
                   "dual_suffix": [str], "plural_suffix": [str]},
    "date_joiners": [str], "time_words": [str], "clause_openers": [str], "light_verbs": [str], "light_leads": [str], "quotes": [str],
    "titles": [str], "recipients": [str], "not_dating": [str], "not_only": [str], "addressed": [str], "hostile": [str],
    "cancelled": [str], "postponed": [str], "attendance": [str], "onlookers": [str], "looking_on": [str], "disparaging": [str], "dual_presidents": [str],
    **{k: [str] for k in _WORD_SETS},
    "reported": {"masculine": [str], "feminine": [str], "dual": [str], "plural": [str]},
    "event_days": {"*": int}, "counted": {"*": int},
    "subjects": {"masculine": [str], "feminine": [str], "dual": [str], "plural": [str], "neuter": [str]},
    "companions": {"masculine": [str], "feminine": [str], "dual": [str], "plural": [str]},
}


@dataclass
class Pattern:
    """Trigger words; `*` at the end matches any ending, `+مع` requires a "with" word after,
    `+قوات|جنود*` one of several."""

    words: tuple[str, ...]
    prefix: bool
    needs: tuple[str, ...] = ()  # words one of which must follow within the window; `*` at the end: any ending
    act: bool = False  # a material act ("sent troops"): told as a fact even where it is condemned

    def needs_met(self, following: list[tuple[str, ...]]) -> bool:
        if not self.needs:
            return True
        for need in self.needs:
            stem = need.rstrip("*")
            prefix = need.endswith("*")
            if any(f == stem or prefix and f.startswith(stem) for forms in following for f in forms):
                return True
        return False

    @classmethod
    def parse(cls, entry: str, act: bool = False) -> "Pattern":
        entry, _, needs = entry.partition("+")
        alternatives = tuple(norm(n.rstrip("*")) + ("*" if n.endswith("*") else "") for n in needs.split("|") if n)
        return cls(tuple(norm(entry.rstrip("*")).split()), entry.endswith("*"), alternatives, act)

    def match(self, toks: list[Token], i: int, first_forms: tuple[str, ...]) -> int:
        """Tokens matched at i (0 when none); clitics and the article are allowed on the first word."""
        n = len(self.words)
        if i + n > len(toks):
            return 0
        for k, w in enumerate(self.words):
            forms = first_forms if k == 0 else (toks[i + k].norm,)
            last = k == n - 1
            if not any(f == w or (last and self.prefix and f.startswith(w) and _ending(f[len(w):])) for f in forms):
                return 0
        return n


def _ending(rest: str) -> bool:
    """What a `*` word may end with: up to four letters, and a possessive after them ("محادثاتهما")."""
    for pronoun in ("هما", "هم", "ها"):
        if rest.endswith(pronoun) and len(rest) > len(pronoun):
            rest = rest[:-len(pronoun)]
            break
    return len(rest) <= 4


FUTURE_PERSONS = "يتنا"  # the imperfect's first letter after the future prefix س


@lru_cache(maxsize=1 << 16)
def word_forms(word: str) -> tuple[str, ...]:
    """A word as written, without proclitics, and without the article: what a trigger may match."""
    forms = [f for f, _ in strip_variants(word)]
    forms += [f[2:] for f in forms if f.startswith("ال") and len(f) > 4]
    forms += [f[1:] for f in forms if f[:1] == "س" and f[1:2] in FUTURE_PERSONS and len(f) > 4]  # "سيتوجه" as "يتوجه"
    return tuple(dict.fromkeys(forms))


class Patterns:
    """Patterns indexed by their first word (exactly, or by prefix for `*` words)."""

    def __init__(self, items: list[tuple[str, Pattern]]):
        self.exact: dict[str, list[tuple[str, Pattern]]] = {}
        self.prefix: dict[str, list[tuple[str, Pattern]]] = {}
        self.by_forms: dict[tuple[str, ...], tuple[tuple[str, Pattern], ...]] = {}  # a word's candidates
        for payload, p in items:
            table = self.prefix if p.prefix and len(p.words) == 1 else self.exact
            table.setdefault(p.words[0], []).append((payload, p))

    def at(self, toks: list[Token], i: int, forms: tuple[str, ...],
           met: Callable[[Pattern, int], bool] | None = None) -> tuple[str, Pattern, int] | None:
        """The longest pattern matching at token i, in file order among equals; with `met`, the longest
        whose conditions it says are met ("وبحث … مع" is talks, though "حث" in it needs a "stop")."""
        cands = self.by_forms.get(forms)
        if cands is None:
            if len(self.by_forms) > 200_000:
                self.by_forms.clear()
            cands = self.by_forms[forms] = self._candidates(forms)
        best = None
        for payload, p in cands:
            n = p.match(toks, i, forms)
            if n and (best is None or n > best[2]) and (met is None or met(p, n)):
                best = (payload, p, n)
        return best

    def _candidates(self, forms: tuple[str, ...]) -> tuple[tuple[str, Pattern], ...]:
        """Patterns whose first word one of the forms can be: the same for every telling of a word."""
        cands: list[tuple[str, Pattern]] = []
        for f in forms:
            cands += self.exact.get(f, ())
            for k in range(max(1, len(f) - 7), len(f) + 1):  # (four letters, and a possessive: `_ending`)
                cands += self.prefix.get(f[:k], ())
        return tuple(cands)


class Phrases(frozenset):
    """Phrases of one to three words, with the set of their first words: most tokens start none,
    and one look-up says so."""

    firsts: frozenset[str]
    lengths: tuple[int, ...]  # words in a phrase, as they occur

    def __new__(cls, items=()):
        obj = super().__new__(cls, items)
        obj.firsts = frozenset(p.split()[0] for p in obj if p)
        obj.lengths = tuple(sorted({len(p.split()) for p in obj if p}))
        obj._starts = {}
        return obj

    def may_start(self, word: str) -> bool:
        """Whether a phrase can begin at this word (clitics allowed), memoised per word."""
        got = self._starts.get(word)
        if got is None:
            if len(self._starts) > 200_000:
                self._starts.clear()
            got = self._starts[word] = any(f in self.firsts for f, _ in strip_variants(word))
        return got


class NumberedPhrases(Phrases):
    """Phrases that each carry a number: the days they count from another date ("اليوم التالي": 1), the
    people they count ("the three leaders": 3)."""

    numbers: dict[str, int]

    def __new__(cls, numbers: dict[str, int] | None = None):
        obj = super().__new__(cls, (numbers or {}).keys())
        obj.numbers = dict(numbers or {})
        return obj

    @classmethod
    def read(cls, data: dict[str, int]) -> "NumberedPhrases":
        return cls({" ".join(norm(w) for w in p.split()): n for p, n in data.items()})


@dataclass
class TriggerSet:
    lang: str
    triggers: Patterns
    exclude: set[str]
    negation: Patterns
    denial: Patterns
    planned: Patterns
    dual: Phrases
    dual_heads: Phrases
    dual_offices: dict[str, str]  # office words (folded) → the office they name
    boundaries: set[str]
    to: set[str]
    with_: set[str]
    from_: set[str]
    preps: set[str]
    relatives: set[str] = field(default_factory=set)
    delegation: set[str] = field(default_factory=set)
    headed_by: set[str] = field(default_factory=set)
    possessive: dict[str, tuple[str, ...]] = field(default_factory=dict)
    verb_marks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    reporting: set[str] = field(default_factory=set)
    date_joiners: set[str] = field(default_factory=set)
    time_words: set[str] = field(default_factory=set)
    companions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    clause_openers: set[str] = field(default_factory=set)
    light_verbs: Phrases = field(default_factory=Phrases)
    quotes: Patterns = field(default_factory=lambda: Patterns([]))
    titles: set[str] = field(default_factory=set)  # words between "and" and a name ("and Chairman Kim")
    recipients: set[str] = field(default_factory=set)  # who receives what is sent ("troops to Russia")
    not_dating: set[str] = field(default_factory=set)  # before a date that is not the event's ("since 2017")
    not_only: set[str] = field(default_factory=set)  # a negation followed by these is "not only ... but"
    addressed: Patterns = field(default_factory=lambda: Patterns([]))  # statements to someone ("هنأ", "congratulated")
    sidelines: set[str] = field(default_factory=set)  # a summit's margins, where a host may be abroad
    remote: set[str] = field(default_factory=set)  # what is received from afar: a call, a letter (no guest came)
    purpose: set[str] = field(default_factory=set)  # before a meeting that a trip is for ("for talks", "لإجراء محادثات")
    receptions: set[str] = field(default_factory=set)  # meeting words that receive a guest ("استقبل", "hosted")
    victims: set[str] = field(default_factory=set)  # before where or whom a condemned act struck ("على", "in")
    military: set[str] = field(default_factory=set)  # after a cooperation word, what makes it military
    forces: set[str] = field(default_factory=set)  # troop nouns ("جنود", "troops")
    hostile: Patterns = field(default_factory=lambda: Patterns([]))  # near troops, an attack ("هجمات", "advanced")
    stationed: set[str] = field(default_factory=set)  # what puts troops in or beside a state ("إلى جانب", "in")
    unless: dict[str, frozenset[str]] = field(default_factory=dict)  # words after a trigger that undo its type
    unless_before: dict[str, frozenset[str]] = field(default_factory=dict)  # ... and right before it ("severed ties")
    unless_to: dict[str, frozenset[str]] = field(default_factory=dict)  # ... or after its "to" ("دعا إسرائيل إلى وقف")
    complements: set[str] = field(default_factory=set)  # what opens a speech verb's content ("أن", "that")
    inviters: set[str] = field(default_factory=set)  # before whoever invites, after the invitation ("of")
    within: set[str] = field(default_factory=set)  # before a visit or summit that holds another event ("during")
    time_adverbs: set[str] = field(default_factory=set)  # after a time word, an adverb, no clause ("قبل قليل")
    cancelled: Patterns = field(default_factory=lambda: Patterns([]))  # before an event called off ("ألغى", "canceled")
    postponed: Patterns = field(default_factory=lambda: Patterns([]))  # ... put off to later ("أرجأ", "postponed")
    reported: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "إنه", "أنها": reported speech's pronoun
    subjects: dict[str, tuple[str, ...]] = field(default_factory=dict)  # English subject pronouns ("he", "she")
    beneficiary: set[str] = field(default_factory=set)  # before whom support is for ("support for Ukraine")
    attendance: Phrases = field(default_factory=Phrases)  # after a meeting word, who took part ("بمشاركة", "attended by")
    onlookers: Phrases = field(default_factory=Phrases)  # before a name: present at a signing, no party ("بحضور")
    looking_on: Phrases = field(default_factory=Phrases)  # after a name: the same ("with Wang Yi looking on")
    tour_legs: set[str] = field(default_factory=set)  # after a visit's destination, the rest of its tour ("تشمل")
    owned: set[str] = field(default_factory=set)  # right after a visit noun, its owner's pronoun ("زيارة له")
    passive_forms: set[str] = field(default_factory=set)  # passive verbs of calling off or putting off ("ألغيت")
    agree: set[str] = field(default_factory=set)  # agreeing (not signing): what is agreed on is the event
    plans: set[str] = field(default_factory=set)  # planned words that plan only what follows them ("criticising U.S. plans")
    months: set[str] = field(default_factory=set)  # planned words that are also months ("may")
    month_modifiers: set[str] = field(default_factory=set)  # before such a word, it is the month ("late May")
    outcome: set[str] = field(default_factory=set)  # a negation before these negates what came of it ("لم تسفر عن")
    passive: set[str] = field(default_factory=set)  # right before a reception word, a passive ("was received")
    topical: set[str] = field(default_factory=set)  # after these, what a meeting discussed ("to discuss", "بشأن")
    bound: set[str] = field(default_factory=set)  # right before a destination ("left for Laos")
    represented: set[str] = field(default_factory=set)  # before whom someone stands in for ("نيابة عن", "representing")
    beside: set[str] = field(default_factory=set)  # before whom a speaker stands with, not against ("مع", "with")
    office_plurals: set[str] = field(default_factory=set)  # the last words of `dual_offices` ("leaders", "ministers")
    calls: set[str] = field(default_factory=set)  # meeting words that are a call only with a person right after ("called")
    naming: set[str] = field(default_factory=set)  # after that person, a name given, no call ("called Putin a killer")
    venues: set[str] = field(default_factory=set)  # before the place a visitor attended something in ("في قازان")
    attending: set[str] = field(default_factory=set)  # visit words of attending something ("شارك في", "attended")
    where: set[str] = field(default_factory=set)  # right before a meeting after a visit: where the visitor met
    earlier: set[str] = field(default_factory=set)  # after an event noun, a happening recalled ("زيارته السابقة")
    background: set[str] = field(default_factory=set)  # before an event, it is told as background ("كان … قد")
    speaking_for: set[str] = field(default_factory=set)  # a spokesman's word before the body he speaks for ("باسم")
    visit_nouns: set[str] = field(default_factory=set)  # a visit told as a noun ("a three-day state visit")
    verb_leads: set[str] = field(default_factory=set)  # right before a visit word that makes it a verb ("to visit")
    arrivals: set[str] = field(default_factory=set)  # an arrival that names no destination is where the article is
    measures: set[str] = field(default_factory=set)  # how long an event went on ("four hours of talks")
    during_it: set[str] = field(default_factory=set)  # right after a verb: during the trip its sentence told ("خلالها")
    accepting: set[str] = field(default_factory=set)  # right before an invitation noun: it is answered ("تلبية")
    relations: set[str] = field(default_factory=set)  # ties talked of ("العلاقات بين البلدين"): a topic, no party
    theatres: set[str] = field(default_factory=set)  # war words before the place fought in ("the war in Ukraine")
    determiners: set[str] = field(default_factory=set)  # between a time word and its event noun ("during an …")
    attributive: set[str] = field(default_factory=set)  # a visit word describing its visitor ("visiting")
    documents: set[str] = field(default_factory=set)  # a body's texts and measures ("Security Council resolutions")
    blaming: set[str] = field(default_factory=set)  # the accused follows "on" ("blamed the attacks on Iran")
    present_forms: set[str] = field(default_factory=set)  # English present verbs: with a bare day, what is coming
    ordinals: set[str] = field(default_factory=set)  # before "to visit": what was done ("the first leader to visit")
    drawn: set[str] = field(default_factory=set)  # before an accusation noun: drawn from those after "from"
    agents: set[str] = field(default_factory=set)  # after a signing, its parties follow ("signed by")
    place_nouns: set[str] = field(default_factory=set)  # a state's adjective after them only says where ("العاصمة")
    restoring: set[str] = field(default_factory=set)  # ties restored: agreed on, an agreement ("على إعادة العلاقات")
    rulers: set[str] = field(default_factory=set)  # before a victims word, who rules the place ("the junta in Niger")
    describing: set[str] = field(default_factory=set)  # verbs that describe: an accusation when `disparaging` follows
    disparaging: Phrases = field(default_factory=Phrases)  # what a description calls someone ("بأنه غير شرعي")
    participles: set[str] = field(default_factory=set)  # accusing participles whose subject is the clause before's
    object_pronouns: set[str] = field(default_factory=set)  # a detached object pronoun after a participle ("متهما إياه")
    object_pronouns_feminine: set[str] = field(default_factory=set)  # those of them that are feminine ("إياها")
    courtesy: set[str] = field(default_factory=set)  # between a call word and a person, a visit paid ("called on Yunus")
    demands: set[str] = field(default_factory=set)  # after that person, a demand, no visit ("called on Netanyahu to resign")
    paired: set[str] = field(default_factory=set)  # talks verbs whose subject is the two who met ("بحث X ونظيره Y")
    light_leads: Phrases = field(default_factory=Phrases)  # between a relative and its light verb ("كان من المقرر أن")
    dual_presidents: Phrases = field(default_factory=Phrases)  # of the `dual_heads`, those that name heads of state
    counted: NumberedPhrases = field(default_factory=NumberedPhrases)  # "the three leaders": the last three named
    event_days: NumberedPhrases = field(default_factory=NumberedPhrases)  # days from the last event ("the next day": 1)

    @classmethod
    def load(cls, lang: str) -> "TriggerSet":
        data = load_yaml(DATA_DIR / lang / "triggers.yaml", TRIGGERS_SCHEMA)
        pats = lambda ws: Patterns([("", Pattern.parse(w)) for w in ws])  # noqa: E731
        triggers = Patterns([(t, Pattern.parse(w, key == "acts")) for t in EVENT_TYPES for key in ("words", "acts")
                             for w in data.get(t, {}).get(key, [])])
        exclude = {norm(w) for t in EVENT_TYPES for w in data.get(t, {}).get("exclude", [])}
        per_type = lambda k: {t: frozenset(norm(w) for w in data.get(t, {}).get(k, [])) for t in EVENT_TYPES}  # noqa: E731
        words = lambda k: {norm(w) for w in data[k]}  # noqa: E731
        optional = lambda k: {norm(w) for w in data.get(k, [])}  # noqa: E731
        affixes = lambda k: {m: tuple(norm(w) for w in ws) for m, ws in data.get(k, {}).items()}  # noqa: E731
        return cls(lang, triggers, exclude, pats(data["negation"]), pats(data["denial"]), pats(data["planned"]), Phrases(words("dual")),
                   Phrases(words("dual_heads")), {" ".join(norm(w) for w in p.split()): office for office, ps in data["dual_offices"].items() for p in ps}, words("boundaries"), words("to"), words("with"), words("from"),
                   words("prepositions"), optional("relatives"), optional("delegation"), optional("headed_by"),
                   affixes("possessive"), affixes("verb_marks"),
                   optional("reporting"), optional("date_joiners"), optional("time_words"),
                   affixes("companions"), optional("clause_openers"), Phrases(optional("light_verbs")),
                   pats(data.get("quotes", [])), optional("titles"), optional("recipients"), optional("not_dating"), optional("not_only"),
                   addressed=pats(data.get("addressed", [])), hostile=pats(data.get("hostile", [])),
                   cancelled=pats(data.get("cancelled", [])), postponed=pats(data.get("postponed", [])),
                   unless=per_type("unless"), unless_before=per_type("unless_before"), unless_to=per_type("unless_to"),
                   subjects=affixes("subjects"), reported=affixes("reported"), attendance=Phrases(optional("attendance")),
                   onlookers=Phrases(optional("onlookers")), looking_on=Phrases(optional("looking_on")),
                   light_leads=Phrases(optional("light_leads")), disparaging=Phrases(optional("disparaging")),
                   dual_presidents=Phrases(optional("dual_presidents")),
                   office_plurals={norm(p).split()[-1] for ps in data["dual_offices"].values() for p in ps},
                   counted=NumberedPhrases.read(data.get("counted", {})),
                   event_days=NumberedPhrases.read(data.get("event_days", {})),
                   **{k: optional(k) for k in _WORD_SETS})


TO_REACH = 12  # tokens after a trigger in which its "to" is looked for


def called_to(toks: list[Token], forms: list[tuple[str, ...]], j: int, etype: str, ts: TriggerSet) -> bool:
    """What the trigger ending before token j calls for, after its first "to" ("إلى", "لـ"), is one of
    the type's `unless_to` words: "دعا غوتيريش إسرائيل إلى وقف عملياتها" is a demand, not an invitation."""
    words = ts.unless_to.get(etype)
    if not words:
        return False
    for k in range(j, min(len(toks), j + TO_REACH)):
        if toks[k].norm in ts.to:
            return k + 1 < len(toks) and not words.isdisjoint(forms[k + 1])
        if toks[k].norm[:1] == "ل" and toks[k].norm[1:] in words:
            return True
    return False


def dual_office(toks: list[Token], k: int, ts: TriggerSet) -> str | None:
    """The office named by the words before token k ("وزيرا خارجية البلدين", "the foreign ministers of
    the two countries")."""
    return office_before([t.norm for t in toks[max(0, k - 3):k]], ts)[0]


def office_before(words: list[str], ts: TriggerSet) -> tuple[str | None, int]:
    """The dual office the last words name, and how many words name it; a clitic may lead, "of" /
    "في" may close."""
    tail = 1 if words and words[-1] in ts.preps else 0
    words = words[:len(words) - tail]
    for n in (2, 1):
        if len(words) >= n:
            first, rest = words[-n], words[len(words) - n + 1:]
            for f, _ in strip_variants(first):
                office = ts.dual_offices.get(" ".join([f, *rest]))
                if office:
                    return office, n + tail
    return None, 0


def check_offices(triggers: dict[str, TriggerSet], known: set[str]) -> None:
    """Every office the dual titles name must have a table in the registry."""
    for lang, ts in triggers.items():
        unknown = sorted(set(ts.dual_offices.values()) - known)
        if unknown:
            raise KnowledgeError(f"triggers.yaml ({lang}): no office table is named {', '.join(unknown)}")
