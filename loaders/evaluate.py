"""Evaluation: an export scored against a gold file by the export contract's rules.

Adds the measurement the project owns. Each gold event takes its best matching exported
event (same type, every gold participant present by its name or one accepted alternative, at
most one participant more; right negation first, then right date, then fewest extras); the
rest are repeats, optional or false. Per article and in sum: event precision, recall and F1,
date and negation accuracy, entity recall, related-block leaks and publication dates, with
the missed and false events and their evidence so that a figure can be traced to sentences.

A folder of articles is first loaded into a scratch database on the same server (created and
dropped here, so the user's data is never touched) and exported from there.
"""
from __future__ import annotations

import os
import re
import secrets
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.exc import DBAPIError

from .gold import EvalInputError, GoldArticle, GoldEvent
from .knowledge import DATA_DIR, KnowledgeError, load_yaml
from .registry import Registry, load_registry

MAX_EXTRA = 1  # participants an export may name beyond gold's and still match
EVAL_NAMES = DATA_DIR / "eval" / "names.yaml"
EVAL_NAMES_SCHEMA = {"*": [str]}
_SPACES = re.compile(r"[\s\-\u2010\u2011]+")


def _flat(name: str) -> str:
    return _SPACES.sub("", name.strip().lower())


class Names:
    """One key per entity: its name and the contract's equivalent spellings, any case, spacing or
    hyphens (the same equivalences as the contract's scorer, so both print the same figures)."""

    def __init__(self, table: dict[str, str]):
        self.table = table

    @classmethod
    def load(cls, registry: Registry | None = None, path: Path = EVAL_NAMES) -> "Names":
        registry = registry or load_registry()
        table: dict[str, str] = {}
        for name, spellings in load_yaml(path, EVAL_NAMES_SCHEMA).items():
            if name not in registry.entities:
                raise KnowledgeError(f"{path.name}: {name!r} is not a registry entity")
            table.update({_flat(s): _flat(name) for s in spellings})
        return cls(table)

    def key(self, name: str) -> str:
        flat = _flat(name)
        return self.table.get(flat, flat)


@dataclass
class ExportEvent:
    type: str
    participants: list[str]
    keys: frozenset[str]
    date_start: str | None
    date_end: str | None
    negated: bool
    evidence: str

    def brief(self) -> dict:
        return {"type": self.type, "participants": self.participants, "date_start": self.date_start,
                "date_end": self.date_end, "negated": self.negated, "evidence": self.evidence}


@dataclass
class ExportArticle:
    file: str
    published: str | None
    entities: dict[str, str]  # key → name, main section only
    events: list[ExportEvent]  # main section only


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def parse_export(rows: list[dict], names: Names, source: str = "export") -> tuple[dict[str, ExportArticle], list[str]]:
    """Exported articles by base file name, and warnings (a file exported twice: the last counts)."""
    found: dict[str, ExportArticle] = {}
    warnings = []
    for row in rows:
        file = Path(row["file"]).name
        where = f"{source}: {file}"
        entities: dict[str, str] = {}
        for item in row.get("entities") or []:
            name = item.get("name") if isinstance(item, dict) else item
            if not isinstance(name, str):
                raise EvalInputError(f"{where}: an entity without a name: {item!r}")
            if not isinstance(item, dict) or item.get("section", "main") != "related":
                entities.setdefault(names.key(name), name)
        events = []
        for n, e in enumerate(row.get("events") or [], 1):
            if not isinstance(e, dict) or not isinstance(e.get("participants") or [], list):
                raise EvalInputError(f"{where}: event {n} must be an object with a 'participants' list")
            if e.get("section", "main") == "related":
                continue
            people = [p if isinstance(p, str) else (p or {}).get("name", "") for p in e.get("participants") or []]
            events.append(ExportEvent(
                type=str(e.get("type")), participants=people, keys=frozenset(names.key(p) for p in people),
                date_start=_text(e.get("date_start")), date_end=_text(e.get("date_end")),
                negated=bool(e.get("negated", False)), evidence=str(e.get("evidence") or "")))
        if file in found:
            warnings.append(f"{where} is exported twice; the last one is scored")
        found[file] = ExportArticle(file, _text(row.get("published")) or None, entities, events)
    return found, warnings


@dataclass
class Target:
    """A gold event with its participants' keys: per participant its own key, then its alternatives'."""

    event: GoldEvent
    options: list[list[str]]

    @classmethod
    def of(cls, event: GoldEvent, names: Names) -> "Target":
        return cls(event, [[names.key(p)] + [names.key(a) for a in event.also_accept.get(p, [])]
                           for p in event.participants])

    def extras(self, keys: frozenset[str]) -> int | None:
        """Exported participants beyond gold's, or None when one is missing; an alternative used once."""
        used: set[str] = set()
        for options in self.options:
            hit = next((o for o in options if o in keys and o not in used), None)
            if hit is None:
                return None
            used.add(hit)
        return len(keys - used)

    def matches(self, ev: ExportEvent) -> bool:
        if ev.type != self.event.type:
            return False
        n = self.extras(ev.keys)
        return n is not None and n <= MAX_EXTRA

    def date_right(self, ev: ExportEvent) -> bool:
        """As precise as gold and agreeing with it, and the same end date where gold has one."""
        gold, end = self.event.date, self.event.date_end
        if gold is None or ev.date_start is None:
            return False
        start = ev.date_start[:10]
        if not start.startswith(gold) or (len(gold) == 10 and start != gold):
            return False
        return not end or (ev.date_end is not None and ev.date_end[:10] == end)

    def quality(self, ev: ExportEvent) -> tuple[bool, bool, int]:
        return (ev.negated == self.event.negated, self.date_right(ev), -(self.extras(ev.keys) or 0))


@dataclass
class Match:
    gold: GoldEvent
    found: ExportEvent
    date_right: bool | None  # None: the date is not counted
    negation_right: bool


@dataclass
class ArticleScore:
    file: str
    exported: bool
    matches: list[Match] = field(default_factory=list)
    missed: list[GoldEvent] = field(default_factory=list)
    false_events: list[ExportEvent] = field(default_factory=list)
    leak_events: list[ExportEvent] = field(default_factory=list)  # name a participant of a related block
    entities_total: int = 0
    entities_missed: list[str] = field(default_factory=list)
    related_leaks: list[str] = field(default_factory=list)
    published: str | None = None
    published_found: str | None = None

    @property
    def tp(self) -> int:
        return len(self.matches)

    @property
    def fp(self) -> int:
        return len(self.false_events) + len(self.leak_events)

    @property
    def fn(self) -> int:
        return len(self.missed)

    @property
    def dates(self) -> tuple[int, int]:
        counted = [m.date_right for m in self.matches if m.date_right is not None]
        return sum(counted), len(counted)

    @property
    def negation(self) -> tuple[int, int]:
        missed_negated = sum(g.negated for g in self.missed)
        return sum(m.negation_right for m in self.matches), self.tp + missed_negated

    @property
    def published_right(self) -> bool:
        return self.exported and self.published_found == self.published

    def to_json(self) -> dict:
        (dr, dt_), (nr, nt) = self.dates, self.negation
        return {
            "file": self.file, "exported": self.exported, "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "dates_right": dr, "dates_total": dt_, "negation_right": nr, "negation_total": nt,
            "entities_found": self.entities_total - len(self.entities_missed), "entities_total": self.entities_total,
            "entities_missed": self.entities_missed, "related_leaks": self.related_leaks,
            "forbidden_event_leaks": len(self.leak_events),
            "published": self.published, "published_found": self.published_found,
            "published_right": self.published_right,
            "missed_events": [_gold_brief(g) for g in self.missed],
            "false_events": [{**e.brief(), "leak": False} for e in self.false_events]
                            + [{**e.brief(), "leak": True} for e in self.leak_events],
            "wrong_dates": [{"id": m.gold.id, "type": m.gold.type, "date": m.gold.date, "date_end": m.gold.date_end,
                             "found": m.found.date_start, "found_end": m.found.date_end,
                             "evidence": m.found.evidence} for m in self.matches if m.date_right is False],
        }


def _gold_brief(g: GoldEvent) -> dict:
    return {"id": g.id, "type": g.type, "participants": g.participants, "date": g.date,
            "date_end": g.date_end, "negated": g.negated, "evidence": g.evidence}


def score_article(gold: GoldArticle, found: ExportArticle | None, names: Names) -> ArticleScore:
    result = ArticleScore(Path(gold.file).name, found is not None, published=gold.published,
                          published_found=found.published if found else None)
    forbidden = {names.key(n) for n in gold.forbidden_event_participants}
    events: list[ExportEvent] = []
    for ev in found.events if found else []:
        (result.leak_events if ev.keys & forbidden else events).append(ev)
    required = [Target.of(g, names) for g in gold.events]
    free = list(range(len(events)))
    for target in required:
        candidates = [i for i in free if target.matches(events[i])]
        if not candidates:
            result.missed.append(target.event)
            continue
        best = max(candidates, key=lambda i: target.quality(events[i]))
        free.remove(best)
        ev, g = events[best], target.event
        counted = g.date is not None and (g.date_required or ev.date_start is not None)
        result.matches.append(Match(g, ev, target.date_right(ev) if counted else None, ev.negated == g.negated))
    known = required + [Target.of(g, names) for g in gold.optional_events]
    result.false_events = [events[i] for i in free if not any(t.matches(events[i]) for t in known)]
    main_found = found.entities if found else {}
    gold_main = {names.key(n): n for n in reversed(gold.main_entities)}
    result.entities_total = len(gold_main)
    result.entities_missed = sorted(name for key, name in gold_main.items() if key not in main_found)
    related = {names.key(n): n for n in reversed(gold.related_only_entities)}
    result.related_leaks = sorted(name for key, name in related.items() if key in main_found)
    return result


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def summarise(scores: list[ArticleScore]) -> dict:
    """The contract's figures over all articles (rounded to three decimals, F1 from unrounded P and R)."""
    tp, fp, fn = (sum(getattr(s, k) for s in scores) for k in ("tp", "fp", "fn"))
    dates = [sum(x) for x in zip(*(s.dates for s in scores))] or [0, 0]
    negation = [sum(x) for x in zip(*(s.negation for s in scores))] or [0, 0]
    entities_total = sum(s.entities_total for s in scores)
    entities_found = entities_total - sum(len(s.entities_missed) for s in scores)
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return {
        "articles": len(scores), "articles_exported": sum(s.exported for s in scores),
        "event_precision": round(p, 3), "event_recall": round(r, 3),
        "event_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "date_accuracy": round(_ratio(*dates), 3),
        "negation_accuracy": round(_ratio(*negation), 3),
        "entity_recall": round(_ratio(entities_found, entities_total), 3),
        "related_leaks": sum(len(s.related_leaks) + len(s.leak_events) for s in scores),
        "published_accuracy": round(_ratio(sum(s.published_right for s in scores), len(scores)), 3),
    }


@dataclass
class Evaluation:
    summary: dict
    articles: list[ArticleScore]
    warnings: list[str]

    def to_json(self) -> dict:
        return {"summary": self.summary, "articles": [a.to_json() for a in self.articles], "warnings": self.warnings}


def evaluate(gold: list[GoldArticle], rows: list[dict], names: Names | None = None,
             only: set[str] | None = None, source: str = "export") -> Evaluation:
    """Score export rows against gold articles (those whose base name is in `only`, when given)."""
    names = names or Names.load()
    found, warnings = parse_export(rows, names, source)
    chosen = [g for g in gold if only is None or Path(g.file).name in only]
    if only is not None:
        annotated = {Path(g.file).name for g in gold}
        unannotated = sorted(only - annotated)
        if unannotated:
            warnings.append(f"{len(unannotated)} articles of the split have no gold: {', '.join(unannotated)}")
    if not chosen:
        raise EvalInputError("no gold article to score" + (" in the chosen split" if only is not None else ""))
    scored = {Path(g.file).name for g in chosen}
    strays = sorted(set(found) - scored)
    if strays and only is None:
        warnings.append(f"{len(strays)} exported articles have no gold and are not scored")
    scores = [score_article(g, found.get(Path(g.file).name), names) for g in chosen]
    return Evaluation(summarise(scores), scores, warnings)


@contextmanager
def scratch_database(server_url: str) -> Iterator[Engine]:
    """A new, empty database on the server of `server_url`, dropped afterwards whatever happens."""
    from .db import DatabaseError

    name = f"loader_eval_{os.getpid()}_{secrets.token_hex(4)}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except DBAPIError as exc:
        admin.dispose()
        raise DatabaseError(f"cannot create a scratch database for the evaluation: {exc.orig or exc}") from exc
    engine = create_engine(make_url(server_url).set(database=name))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def export_folder(paths: list[Path], settings, extractor) -> tuple[list[dict], list[str]]:
    """Load articles into a scratch database and export them; also the load's per-file errors."""
    from .db import database_url
    from .export import rows
    from .pipeline import load_paths

    with scratch_database(database_url(settings)) as engine:
        summary = load_paths(engine, paths, settings, extractor=extractor)
        with engine.connect() as conn:
            exported = list(rows(conn))
    return exported, [f"not loaded: {e.path}: {e.reason}" for e in summary.errors]
