"""The entity registry: canonical entities, their names and time-bounded roles, from data files.

Adds to the knowledge files the derived lookups that matching needs: every alias in its
folded form, with the entity it names and whether it is a name, a surname-only back
reference, a role held by someone at a date, or a metonym (a capital standing for its state).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .knowledge import DATA_DIR, KnowledgeError, load_all, load_yaml
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

    def resolve(self, day: dt.date | None) -> str | None:
        """The entity named; for a role, its holder at `day` (the latest holder when no date)."""
        return holder_at(self.holders, day) if self.kind == "role" else self.entity


@dataclass
class Registry:
    entities: dict[str, Entity] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    offices: dict[tuple[str, str], tuple[Holder, ...]] = field(default_factory=dict)

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


def load_registry(data_dir: Path = DATA_DIR) -> Registry:
    reg = Registry()
    raw: list[dict] = []
    for path, items in load_all("entities", ENTITY_SCHEMA, data_dir):
        for item in items:
            if item["kind"] not in ENTITY_KINDS:
                raise KnowledgeError(f"{path.name}: {item['name']}: kind must be one of {ENTITY_KINDS}")
            if "gender" in item and item["kind"] != "person":
                raise KnowledgeError(f"{path.name}: {item['name']}: only a person has a gender")
            if item["name"] in reg.entities:
                raise KnowledgeError(f"{path.name}: {item['name']} is defined twice")
            ar = item.get("ar") or []
            reg.entities[item["name"]] = Entity(
                item["name"], item["kind"], item.get("country"), item.get("qid"),
                ar[0] if ar else None, item.get("metonym_for"), item.get("gender"),
            )
            raw.append(item)
    for item in raw:
        for ref in (item.get("country"), item.get("metonym_for")):
            if ref and ref not in reg.entities:
                raise KnowledgeError(f"{item['name']}: refers to unknown entity {ref!r}")
        kind = "metonym" if item.get("metonym_for") else "name"
        for lang in ("ar", "en"):
            names = list(item.get(lang) or [])
            if lang == "en" and item["name"] not in names:
                names.insert(0, item["name"])
            for n in names:
                reg.aliases.append(Alias(n, norm(n), lang, kind, item["name"]))
            for n in (item.get("short") or {}).get(lang, []):
                reg.aliases.append(Alias(n, norm(n), lang, "short", item["name"]))
            for n in (item.get("adj") or {}).get(lang, []):
                reg.aliases.append(Alias(n, norm(n), lang, "adj", item["name"]))
    _add_roles(reg, raw, data_dir)
    return reg


def _add_roles(reg: Registry, raw: list[dict], data_dir: Path) -> None:
    adjectives = {i["name"]: i.get("adj") or {} for i in raw if i["kind"] == "state"}
    names = {i["name"]: {"ar": i.get("ar") or [], "en": [i["name"], *(i.get("en") or [])]} for i in raw if i["kind"] == "state"}
    offices: dict[str, dict[str, list[str]]] = {}
    for lang in ("ar", "en"):
        path = data_dir / lang / "offices.yaml"
        if path.exists():
            for office, patterns in load_yaml(path, OFFICES_SCHEMA).items():
                offices.setdefault(office, {})[lang] = patterns
    for lang in ("ar", "en"):
        path = data_dir / lang / "bodies.yaml"
        if not path.exists():
            continue
        for pattern in load_yaml(path, BODIES_SCHEMA)["bodies"]:
            for state in names:
                for phrase in _expand(pattern, adjectives.get(state, {}).get(lang, []), names[state][lang]):
                    reg.aliases.append(Alias(phrase, norm(phrase), lang, "body", state))
    for path, items in load_all("roles", ROLE_SCHEMA, data_dir):
        for item in items:
            office, country = item["office"], item["country"]
            if office not in offices:
                raise KnowledgeError(f"{path.name}: unknown office {office!r}")
            if country not in names:
                raise KnowledgeError(f"{path.name}: unknown state {country!r}")
            holders = []
            for h in item["holders"]:
                if h["entity"] not in reg.entities:
                    raise KnowledgeError(f"{path.name}: unknown holder {h['entity']!r}")
                holders.append(Holder(h["entity"], _date(h.get("from")), _date(h.get("to"))))
            reg.offices[(office, country)] = tuple(holders)
            for lang, patterns in offices[office].items():
                for pattern in patterns:
                    for phrase in _expand(pattern, adjectives.get(country, {}).get(lang, []), names[country][lang]):
                        reg.aliases.append(Alias(phrase, norm(phrase), lang, "role", None, tuple(holders), country))


def _expand(pattern: str, adjs: list[str], states: list[str]) -> list[str]:
    if "{adj}" in pattern:
        return [pattern.replace("{adj}", a) for a in adjs]
    if "{state}" in pattern:
        return [pattern.replace("{state}", s) for s in states]
    return [pattern]
