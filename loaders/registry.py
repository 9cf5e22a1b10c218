"""The entity registry: canonical entities, their names and time-bounded roles, from data files.

Adds to the knowledge files the derived lookups that matching needs: every alias in its
folded form, with the entity it names and whether it is a name, a surname-only back
reference, a role held by someone at a date, or a metonym (a capital standing for its state).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .knowledge import DATA_DIR, KnowledgeError, line_of, load_all, load_shared
from .normalize import norm

ENTITY_KINDS = ("person", "state", "organisation", "place")
GENDERS = frozenset({"m", "f"})
LANG_LIST = {"ar": [str], "en": [str]}

ENTITY_SCHEMA = [{
    "name!": str,
    "kind!": str,
    "gender": GENDERS,
    "country": str,
    "qid": str,
    "ar": [str],
    "en": [str],
    "short": LANG_LIST,
    "adj": LANG_LIST,
    "metonym_for": str,
    "homograph_of": str,
    "note": str,
}]
ROLE_SCHEMA = [{
    "office!": str,
    "country!": str,
    "holders!": [{"entity!": str, "from": (str, dt.date, None), "to": (str, dt.date, None)}],
}]
OFFICES_SCHEMA = {"*": [str]}
BODIES_SCHEMA = {"bodies!": [str]}


@dataclass(frozen=True)
class Entity:
    name: str
    kind: str
    country: str | None = None
    qid: str | None = None
    ar_name: str | None = None
    metonym_for: str | None = None
    gender: str | None = None  # m or f for a person (Arabic verbs and suffixes agree with it); None when unknown


@dataclass(frozen=True)
class Holder:
    entity: str
    start: dt.date | None
    end: dt.date | None

    def holds_at(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


def holder_at(holders: tuple[Holder, ...], day: dt.date | None) -> str | None:
    """Who held an office at `day`; the current holder when there is no date."""
    if day is not None:
        return next((h.entity for h in holders if h.holds_at(day)), None)
    return next((h.entity for h in holders if h.end is None), None)


@dataclass
class Alias:
    """One folded alias and what it points at."""

    text: str
    norm: str
    lang: str
    kind: str
    entity: str | None = None
    holders: tuple[Holder, ...] = ()
    country: str | None = None  # the state whose office a role alias names
    names_state: bool = False  # a role alias that says its state ("الرئيس التونسي", not "خادم الحرمين")

    def resolve(self, day: dt.date | None) -> str | None:
        """The entity named; for a role, its holder at `day` (the latest holder when no date)."""
        return holder_at(self.holders, day) if self.kind == "role" else self.entity


@dataclass
class Registry:
    entities: dict[str, Entity] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    offices: dict[tuple[str, str], tuple[Holder, ...]] = field(default_factory=dict)
    homographs: set[frozenset[str]] = field(default_factory=set)  # pairs written alike (عمان: Oman, Amman)
    office_patterns: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # office → language → offices.yaml

    def holder(self, office: str, country: str, day: dt.date | None) -> str | None:
        """Who held an office of a state at a date (the current holder when no date)."""
        return holder_at(self.offices.get((office, country), ()), day)

    def office_of(self, person: str, day: dt.date | None) -> str | None:
        """The office a person held at a date (the latest when no date)."""
        for (office, _), holders in self.offices.items():
            for h in holders:
                if h.entity == person and (h.holds_at(day) if day else h.end is None):
                    return office
        return None

    def entity(self, name: str) -> Entity:
        return self.entities[name]

    def home_of(self, name: str) -> str | None:
        """The state an entity is, stands for or belongs to (Russia, the Kremlin, Lavrov, Vladivostok → Russia)."""
        e = self.entities.get(name)
        return self.state_of(name) or (e.country if e else None)

    def state_of(self, name: str) -> str | None:
        """The state an entity acts for when it stands as an actor (Kremlin → Russia)."""
        e = self.entities.get(name)
        if e is None:
            return None
        if e.kind == "state":
            return e.name
        return e.metonym_for


def _date(v) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError as exc:
        raise KnowledgeError(f"bad date {v!r} in roles") from exc


def _at(path: Path, item) -> str:
    """`file:line` of a knowledge item, for errors an analyst can jump to."""
    line = line_of(item)
    return f"{path}:{line}" if line else str(path)


def load_registry(data_dir: Path = DATA_DIR, user_dir: Path | None = None) -> Registry:
    """The packaged registry, with the user knowledge folder (`user_dir`) layered over it."""
    raw: dict[str, dict] = {}
    where: dict[str, str] = {}
    for path, items in load_all("entities", ENTITY_SCHEMA, data_dir):
        for item in items:
            if item["name"] in raw:
                raise KnowledgeError(f"{_at(path, item)}: {item['name']} is defined twice")
            raw[item["name"]], where[item["name"]] = dict(item), _at(path, item)
    retired: set[tuple[str, str, str]] = set()  # (entity, folded alias, language)
    merged: dict[str, str] = {}
    if user_dir is not None:
        _layer_user(raw, where, retired, merged, user_dir)
    reg = Registry()
    for name, item in raw.items():
        if item["kind"] not in ENTITY_KINDS:
            raise KnowledgeError(f"{where[name]}: {name}: kind must be one of {ENTITY_KINDS}")
        if "gender" in item and item["kind"] != "person":
            raise KnowledgeError(f"{where[name]}: {name}: only a person has a gender")
        ar = item.get("ar") or []
        reg.entities[name] = Entity(
            name, item["kind"], item.get("country"), item.get("qid"),
            ar[0] if ar else None, item.get("metonym_for"), item.get("gender"),
        )
    for item in raw.values():
        for ref in (item.get("country"), item.get("metonym_for"), item.get("homograph_of")):
            if ref and ref not in reg.entities:
                raise KnowledgeError(f"{where[item['name']]}: {item['name']}: refers to unknown entity {ref!r}")
        if item.get("homograph_of"):
            reg.homographs.add(frozenset({item["name"], item["homograph_of"]}))
        kind = "metonym" if item.get("metonym_for") else "name"
        for lang in ("ar", "en"):
            names = list(item.get(lang) or [])
            if lang == "en" and item["name"] not in names:
                names.insert(0, item["name"])
            found = [(v, kind) for n in names for v in (_compounds(n) if lang == "ar" else (n,))]
            found += [(n, "short") for n in (item.get("short") or {}).get(lang, [])]
            found += [(n, "adj") for n in _with_plurals((item.get("adj") or {}).get(lang, []), lang)]
            for n, alias_kind in found:
                if (item["name"], norm(n), lang) not in retired:
                    reg.aliases.append(Alias(n, norm(n), lang, alias_kind, item["name"]))
    _add_roles(reg, list(raw.values()), data_dir, user_dir, merged)
    return reg


def _compounds(name: str) -> tuple[str, ...]:
    """An Arabic name with "عبد" compounds written both joined and apart ("عبدالرحمن" / "عبد الرحمن"), as outlets do."""
    apart = re.sub(r"(?<!\S)عبد(?=ال)", "عبد ", name)
    joined = re.sub(r"(?<!\S)عبد (?=ال)", "عبد", name)
    return tuple(dict.fromkeys((name, apart, joined)))


def _with_plurals(adjs: list[str], lang: str) -> list[str]:
    """Arabic nationality adjectives, indefinite and plural, which name the state as well ("وفد روسي",
    "مستوطنين إسرائيليين", "الدبلوماسيون الروس" are written with "الروسي", "الإسرائيلي")."""
    if lang != "ar":
        return adjs
    plurals = []
    for a in adjs:
        words = a.split()
        if all(w.startswith("ال") for w in words):  # indefinite: "وفد روسي", "مسؤولة أمريكية"
            plurals.append(" ".join(w[2:] for w in words))
        if all(w.endswith("ي") for w in words):  # "الكوري الشمالي" → "الكوريين الشماليين", "كوريون شماليون"
            for end in ("ين", "ون"):
                plurals.append(" ".join(w + end for w in words))
                plurals.append(" ".join((w[2:] if w.startswith("ال") else w) + end for w in words))
    return adjs + [p for p in dict.fromkeys(plurals) if p not in adjs]


USER_ENTITY_SCHEMA = [{
    **{k: v for k, v in ENTITY_SCHEMA[0].items() if k != "kind!"},
    "kind": str,          # needed for a new entity; an entry naming a known entity extends it
    "retire": LANG_LIST,  # aliases of this entity that misfire in the user's corpus
    "merged_into": str,   # this entity is the same as another: its names go there
}]
LIST_KEYS = ("ar", "en")
LANG_KEYS = ("short", "adj")


def _layer_user(raw: dict[str, dict], where: dict[str, str], retired: set, merged: dict[str, str],
                user_dir: Path) -> None:
    """Lay the user folder's entities over the packaged ones (in `raw`, changed in place).

    An entry naming a known entity adds its aliases (and may set its other fields), one naming
    a new entity defines it (with a kind); several entries for one name add up, so a command
    can append a block without rewriting the analyst's file.
    """
    for path, items in load_all("entities", USER_ENTITY_SCHEMA, user_dir):
        for item in items:
            name, at = item["name"], _at(path, item)
            base = raw.get(name)
            if base is None:
                if "kind" not in item and "merged_into" not in item:
                    raise KnowledgeError(f"{at}: {name} is not a known entity; a new entity needs a kind")
                base = raw[name] = {"name": name, "kind": item.get("kind")}
                where[name] = at
            elif item.get("kind") not in (None, base["kind"]):
                raise KnowledgeError(f"{at}: {name} is a {base['kind']}, not a {item['kind']}")
            for key, value in item.items():
                if key in LIST_KEYS:
                    base[key] = [*(base.get(key) or []), *(v for v in value if v not in (base.get(key) or []))]
                elif key in LANG_KEYS:
                    base[key] = {lang: [*(base.get(key) or {}).get(lang, []), *value.get(lang, [])]
                                 for lang in ("ar", "en")}
                elif key == "retire":
                    retired.update((name, norm(n), lang) for lang, names in value.items() for n in names)
                elif key == "merged_into":
                    merged[name] = value
                elif key != "name":
                    base[key] = value
    for name, into in merged.items():
        if into not in raw or into in merged:
            raise KnowledgeError(f"{where[name]}: {name} is merged into {into!r}, which is not a known entity")
        source, target = raw.pop(name), raw[into]
        for key in LIST_KEYS:
            extra = [name] if key == "en" else []
            target[key] = [*(target.get(key) or []),
                           *(n for n in [*extra, *(source.get(key) or [])] if n not in (target.get(key) or []))]
        for key in LANG_KEYS:
            if source.get(key):
                target[key] = {lang: [*(target.get(key) or {}).get(lang, []), *source[key].get(lang, [])]
                               for lang in ("ar", "en")}
        retired.update((into, a, lang) for e, a, lang in list(retired) if e == name)
        for item in raw.values():
            for ref in ("country", "metonym_for"):
                if item.get(ref) == name:
                    item[ref] = into


def _add_roles(reg: Registry, raw: list[dict], data_dir: Path, user_dir: Path | None = None,
               merged: dict[str, str] | None = None) -> None:
    merged = merged or {}
    adjectives = {i["name"]: i.get("adj") or {} for i in raw if i["kind"] == "state"}
    names = {i["name"]: {"ar": i.get("ar") or [], "en": [i["name"], *(i.get("en") or [])]} for i in raw
             if i["kind"] in ("state", "organisation")}  # an organisation has offices too (its secretary-general)
    offices: dict[str, dict[str, list[str]]] = {}
    for lang in ("ar", "en"):
        path = data_dir / lang / "offices.yaml"
        if path.exists():
            for office, patterns in load_shared(path, OFFICES_SCHEMA).items():
                offices.setdefault(office, {})[lang] = patterns
    reg.office_patterns = offices
    for lang in ("ar", "en"):
        path = data_dir / lang / "bodies.yaml"
        if not path.exists():
            continue
        for pattern in load_shared(path, BODIES_SCHEMA)["bodies"]:
            for state in adjectives:  # states only: an organisation has no ministries
                for phrase in _expand(pattern, adjectives.get(state, {}).get(lang, []), names[state][lang]):
                    reg.aliases.append(Alias(phrase, norm(phrase), lang, "body", state))
    tables: dict[tuple[str, str], list[Holder]] = {}
    where_table: dict[tuple[str, str], str] = {}  # where each packaged table is, so a second one is refused
    folders = [("packaged", data_dir)] + ([("user", user_dir)] if user_dir is not None else [])
    for layer, folder in folders:
        for path, items in load_all("roles", ROLE_SCHEMA, folder):
            for item in items:
                office, country, at = item["office"], merged.get(item["country"], item["country"]), _at(path, item)
                if office not in offices:
                    raise KnowledgeError(f"{at}: unknown office {office!r}")
                if country not in names:
                    raise KnowledgeError(f"{at}: unknown state or organisation {country!r}")
                holders = []
                for h in item["holders"]:
                    entity = merged.get(h["entity"], h["entity"])
                    if entity not in reg.entities:
                        raise KnowledgeError(f"{at}: unknown holder {h['entity']!r}")
                    holders.append(Holder(entity, _date(h.get("from")), _date(h.get("to"))))
                if layer == "user" and (office, country) in tables:
                    holders = _succeed(tables[(office, country)], holders)
                elif (office, country) in where_table:
                    raise KnowledgeError(f"{at}: {office} of {country} is listed already at {where_table[(office, country)]}")
                where_table.setdefault((office, country), at)
                tables[(office, country)] = holders
    for (office, country), holders in tables.items():
        reg.offices[(office, country)] = tuple(holders)
        for lang, patterns in offices[office].items():
            for pattern in patterns:
                says = "{adj}" in pattern or "{state}" in pattern
                for phrase in _expand(pattern, adjectives.get(country, {}).get(lang, []), names[country][lang]):
                    reg.aliases.append(Alias(phrase, norm(phrase), lang, "role", None, tuple(holders), country, says))


def _succeed(old: list[Holder], new: list[Holder]) -> list[Holder]:
    """A user's holders added to a packaged office: an open term ends where a later holder starts."""
    starts = sorted(h.start for h in new if h.start)
    kept = []
    for h in old:
        later = next((s for s in starts if h.end is None and h.start and s > h.start), None)
        kept.append(Holder(h.entity, h.start, later) if later else h)
    return sorted(kept + new, key=lambda h: h.start or dt.date.min)


def _expand(pattern: str, adjs: list[str], states: list[str]) -> list[str]:
    if "{adj}" in pattern:
        return [pattern.replace("{adj}", a) for a in adjs]
    if "{l_state}" in pattern:  # Arabic لـ before the name: "للأمم المتحدة", "لحلف الناتو"
        return [pattern.replace("{l_state}", "لل" + s[2:] if s.startswith("ال") else "ل" + s) for s in states]
    if "{state}" in pattern:
        return [pattern.replace("{state}", s) for s in states]
    return [pattern]
