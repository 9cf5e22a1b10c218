"""Gold files: hand-made annotations that `loader evaluate` scores an export against.

Adds reading and checking of the evaluation's inputs: a gold file in the export contract's
shape (articles with `published`, `main_entities`, `related_only_entities`, `events`,
`optional_events`, `forbidden_event_participants`) becomes dataclasses, and a corpus
manifest's `split` selects the articles that count. A mistake in either is an `EvalInputError`
naming the file, the article and the problem, before anything is scored.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .extract.triggers import EVENT_TYPES

SPLITS = ("dev", "test", "all")
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class EvalInputError(ValueError):
    """A gold file, manifest or export that cannot be scored; the message names file and problem."""


@dataclass
class GoldEvent:
    """One happening the article tells; `optional` ones neither help nor hurt."""

    id: str
    type: str
    participants: list[str]
    also_accept: dict[str, list[str]] = field(default_factory=dict)
    date: str | None = None
    date_end: str | None = None
    date_required: bool = True
    negated: bool = False
    evidence: str = ""
    optional: bool = False


@dataclass
class GoldArticle:
    file: str
    published: str | None
    main_entities: list[str]
    related_only_entities: list[str]
    events: list[GoldEvent]
    optional_events: list[GoldEvent]
    forbidden_event_participants: list[str]


def _fail(source: str, where: str, problem: str) -> EvalInputError:
    return EvalInputError(f"{source}: {where}: {problem}" if where else f"{source}: {problem}")


class _Checker:
    """Typed access to one JSON object, each failure naming the file and the place in it."""

    def __init__(self, source: str, where: str, obj: Any):
        if not isinstance(obj, dict):
            raise _fail(source, where, f"expected an object, got {type(obj).__name__}")
        self.source, self.where, self.obj = source, where, obj

    def error(self, problem: str) -> EvalInputError:
        return _fail(self.source, self.where, problem)

    def get(self, key: str, kind: type | tuple, default: Any = ..., allow_null: bool = False) -> Any:
        if key not in self.obj:
            if default is ...:
                raise self.error(f"missing required key {key!r}")
            return default
        value = self.obj[key]
        if value is None and allow_null:
            return None
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise self.error(f"{key!r} must be {names}{' or null' if allow_null else ''}, got {value!r}")
        return value

    def names(self, key: str, default: Any = ...) -> list[str]:
        value = self.get(key, list, default)
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.error(f"{key!r}[{i}] must be a non-empty name, got {item!r}")
        return list(value)

    def date(self, key: str) -> str | None:
        value = self.get(key, str, None, allow_null=True)
        if value is None:
            return None
        try:
            if not _ISO.match(value):
                raise ValueError
            dt.date.fromisoformat(value + "-01-01"[len(value) - 4:])
        except ValueError:
            raise self.error(f"{key!r} must be an ISO date cut to its precision (2023, 2023-09, 2023-09-13), "
                             f"got {value!r}") from None
        return value


def _event(source: str, where: str, obj: Any, default_id: str, optional: bool) -> GoldEvent:
    c = _Checker(source, where, obj)
    etype = c.get("type", str)
    if etype not in EVENT_TYPES:
        raise c.error(f"type {etype!r} is not one of {', '.join(EVENT_TYPES)}")
    participants = c.names("participants")
    if not participants:
        raise c.error("'participants' is empty")
    accept = c.get("also_accept", dict, {})
    also: dict[str, list[str]] = {}
    for name, alternatives in accept.items():
        if name not in participants:
            raise c.error(f"also_accept names {name!r}, which is not among the participants")
        if not isinstance(alternatives, list) or not all(isinstance(a, str) and a.strip() for a in alternatives):
            raise c.error(f"also_accept[{name!r}] must be a list of names")
        also[name] = list(alternatives)
    date, date_end = c.date("date"), c.date("date_end")
    if date_end is not None and date is None:
        raise c.error("'date_end' without 'date'")
    if date_end is not None and date_end[:len(date)] < date:
        raise c.error(f"'date_end' {date_end} is before 'date' {date}")
    return GoldEvent(
        id=c.get("id", str, default_id), type=etype, participants=participants, also_accept=also,
        date=date, date_end=date_end, date_required=c.get("date_required", bool, True),
        negated=c.get("negated", bool, False), evidence=c.get("evidence", str, ""), optional=optional)


def _article(source: str, n: int, obj: Any) -> GoldArticle:
    c = _Checker(source, f"article {n}", obj)
    file = c.get("file", str)
    if not file.strip():
        raise c.error("'file' is empty")
    c.where = f"article {n} ({file})"
    stem = Path(file).stem
    events = c.get("events", list)
    optional = c.get("optional_events", list, [])
    ids: set[str] = set()
    required = []
    for i, e in enumerate(events, 1):
        ev = _event(source, f"{c.where} event {i}", e, f"{stem}#{i}", False)
        if ev.id in ids:
            raise c.error(f"event id {ev.id!r} is used twice")
        ids.add(ev.id)
        required.append(ev)
    return GoldArticle(
        file=file, published=c.date("published"),
        main_entities=c.names("main_entities"), related_only_entities=c.names("related_only_entities", []),
        events=required,
        optional_events=[_event(source, f"{c.where} optional event {i}", e, f"{stem}#optional{i}", True)
                         for i, e in enumerate(optional, 1)],
        forbidden_event_participants=c.names("forbidden_event_participants", []))


def parse_gold(data: Any, source: str = "gold") -> list[GoldArticle]:
    """Gold articles from a parsed gold document, or EvalInputError saying what is wrong where."""
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise _fail(source, "", "a gold file is a JSON object with an 'articles' list")
    articles = [_article(source, n, a) for n, a in enumerate(data["articles"], 1)]
    seen: dict[str, int] = {}
    for n, a in enumerate(articles, 1):
        name = Path(a.file).name
        if name in seen:
            raise _fail(source, f"article {n} ({a.file})", f"file is already annotated in article {seen[name]}")
        seen[name] = n
    return articles


def _json(path: Path, what: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise EvalInputError(f"{path}: no such {what} file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalInputError(f"{path}: {what} cannot be read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise EvalInputError(f"{path}: {what} is not JSON: {exc.msg} (line {exc.lineno})") from None


def load_gold(path: Path) -> list[GoldArticle]:
    return parse_gold(_json(path, "gold"), str(path))


def load_split(path: Path, split: str) -> set[str]:
    """File names (base names) of a manifest's articles in `split` (`all`: every article)."""
    if split not in SPLITS:
        raise EvalInputError(f"unknown split {split!r}; use {', '.join(SPLITS)}")
    data = _json(path, "manifest")
    entries = data.get("articles") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise EvalInputError(f"{path}: a manifest is a JSON list of entries or an object with an 'articles' list")
    files: set[str] = set()
    for n, entry in enumerate(entries, 1):
        c = _Checker(str(path), f"entry {n}", entry)
        file, part = c.get("file", str), c.get("split", str)
        if split in ("all", part):
            files.add(Path(file).name)
    return files


def read_export(path: Path) -> list[dict]:
    """Rows of an export file (JSONL, one article per line), each checked to name its file."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise EvalInputError(f"{path}: no such export file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalInputError(f"{path}: export cannot be read: {exc}") from None
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalInputError(f"{path}: line {n} is not JSON: {exc.msg}") from None
        if not isinstance(row, dict) or not isinstance(row.get("file"), str):
            raise EvalInputError(f"{path}: line {n} is not an article object with a 'file'")
        for key in ("entities", "events"):
            if not isinstance(row.get(key, []), list):
                raise EvalInputError(f"{path}: line {n}: {key!r} must be a list")
        rows.append(row)
    return rows


def load_golds(paths: list[Path]) -> list[GoldArticle]:
    """Several gold files read as one; an article annotated in two of them is an error."""
    articles: list[GoldArticle] = []
    where: dict[str, Path] = {}
    for path in paths:
        for a in load_gold(path):
            name = Path(a.file).name
            if name in where:
                raise EvalInputError(f"{path}: {a.file} is already annotated in {where[name]}")
            where[name] = path
            articles.append(a)
    return articles
