"""Entity administration: the analyst's edits, written to the user knowledge folder and the database together.

Adds to the registry what an analyst learns from the news: a new person, another spelling,
an alias that misfires, two entities that are one, an unresolved name that deserves an
entity. Every edit appends a block to `entities/analyst.yaml` in the user knowledge folder
(the analyst's own files are never rewritten), checks the whole layered registry with the
knowledge loader, and changes the database in one transaction; if either fails, the file
is put back and nothing is written. Each changed alias is recorded in `knowledge_changes`,
so that `loader load --reextract-affected` re-extracts only the articles that contain it.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import yaml
from sqlalchemy import Connection, text

from .knowledge import KnowledgeError, LocatedList, check, load_yaml
from .normalize import norm
from .pipeline import Bind, transaction
from .registry import ENTITY_KINDS, USER_ENTITY_SCHEMA, Registry, load_registry  # noqa: F401 - Registry for callers
from .store import sync_registry

ANALYST_FILE = Path("entities") / "analyst.yaml"
HEADER = ("# Entities added with `loader entities` (blocks are appended; edit freely, the loader\n"
          "# reads every entities/*.yaml here over its packaged registry).\n")
CSV_COLUMNS = ("name", "kind", "country", "gender", "qid", "ar", "en", "short_ar", "short_en", "note")


class AdminError(ValueError):
    """An edit that cannot be made (unknown entity, name taken, nothing unresolved by that name)."""


def lang_of(alias: str) -> str:
    """ar when the alias has Arabic letters, else en."""
    return "ar" if any("\u0600" <= c <= "\u06ff" for c in alias) else "en"


@dataclass
class Edit:
    """What one command did: the entity, the aliases it changed, counts moved in the database."""

    entity: str
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias, language)
    counts: dict[str, int] = field(default_factory=dict)


def registry(folder: Path) -> Registry:
    return load_registry(user_dir=folder)


def find(reg: Registry, name: str) -> str:
    """The canonical name an analyst means: the name itself, or the one entity an alias names."""
    if name in reg.entities:
        return name
    folded = norm(name)
    owners = sorted({a.entity for a in reg.aliases if a.entity and a.norm == folded and a.kind != "body"}
                    | {e for e in reg.entities if norm(e) == folded})
    if len(owners) == 1:
        return owners[0]
    if owners:
        raise AdminError(f"{name!r} names several entities: {', '.join(owners)}; use the canonical name")
    raise AdminError(f"no entity is named {name!r}; see `loader entities list --name ...`")


@contextmanager
def editing(bind: Bind, folder: Path, entries: list[dict], comment: str) -> Iterator[tuple[Connection, Registry]]:
    """Append entries to the analyst file, check the layered registry, and give the transaction
    in which the caller changes the database; any failure puts the file back as it was."""
    path = folder / ANALYST_FILE
    old = path.read_text(encoding="utf-8") if path.exists() else None
    block = f"\n# {comment} ({dt.date.today().isoformat()})\n" + yaml.safe_dump(
        entries, allow_unicode=True, sort_keys=False, default_flow_style=None, width=120)
    path.parent.mkdir(parents=True, exist_ok=True)
    _write(path, (old if old is not None else HEADER) + block)
    try:
        reg = registry(folder)
        with transaction(bind) as conn:
            yield conn, reg
    except BaseException:
        if old is None:
            path.unlink()
        else:
            _write(path, old)
        raise


def _write(path: Path, body: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(body, encoding="utf-8")
    os.replace(tmp, path)


def record(conn: Connection, entity: str | None, aliases: list[tuple[str, str]], change: str) -> None:
    """Note changed aliases for `loader load --reextract-affected`."""
    if aliases:
        conn.execute(text("INSERT INTO knowledge_changes (alias, normalised, language, entity, change) "
                          "VALUES (:alias, :normalised, :language, :entity, :change)"),
                     [{"alias": a, "normalised": norm(a), "language": lang, "entity": entity, "change": change}
                      for a, lang in aliases])


def _aliases_of(entry: dict) -> list[tuple[str, str]]:
    found = [(n, lang) for lang in ("ar", "en") for n in entry.get(lang) or []]
    found += [(n, lang) for key in ("short", "adj") for lang, names in (entry.get(key) or {}).items() for n in names]
    return found


def _check_entries(entries: list[dict], where: str) -> None:
    check(entries, USER_ENTITY_SCHEMA, where)


def add(bind: Bind, folder: Path, entry: dict) -> Edit:
    """A new entity (name, kind, and any of country, gender, qid, ar, en, short, adj, note)."""
    entry = {k: v for k, v in entry.items() if v not in (None, [], {})}
    _check_entries([entry], "new entity")
    if entry.get("kind") not in ENTITY_KINDS:
        raise AdminError(f"kind must be one of {', '.join(ENTITY_KINDS)}")
    if entry["name"] in registry(folder).entities:
        raise AdminError(f"{entry['name']!r} exists already; add a spelling with `loader entities alias`")
    aliases = [(entry["name"], "en"), *_aliases_of(entry)]
    with editing(bind, folder, [entry], f"loader entities add {entry['name']}") as (conn, reg):
        sync_registry(conn, reg)
        record(conn, entry["name"], aliases, "added")
    return Edit(entry["name"], aliases)


def alias(bind: Bind, folder: Path, name: str, new: str, lang: str | None = None, short: bool = False) -> Edit:
    """Another spelling of a known entity (`short`: a surname that counts only after the full name)."""
    entity = find(registry(folder), name)
    lang = lang or lang_of(new)
    entry = {"name": entity, "short": {lang: [new]}} if short else {"name": entity, lang: [new]}
    with editing(bind, folder, [entry], f"loader entities alias {entity}") as (conn, reg):
        sync_registry(conn, reg)
        record(conn, entity, [(new, lang)], "added")
    return Edit(entity, [(new, lang)])


def retire(bind: Bind, folder: Path, name: str, old: str, lang: str | None = None) -> Edit:
    """Stop an alias from naming an entity (a packaged spelling that misfires in this corpus)."""
    before = registry(folder)
    entity = find(before, name)
    lang = lang or lang_of(old)
    if not any(a.entity == entity and a.norm == norm(old) and a.lang == lang for a in before.aliases):
        raise AdminError(f"{old!r} is not an alias of {entity} in {lang}")
    with editing(bind, folder, [{"name": entity, "retire": {lang: [old]}}],
                 f"loader entities retire {entity}") as (conn, reg):
        gone = conn.execute(text(
            "DELETE FROM entity_aliases a USING entities e WHERE e.id = a.entity_id AND e.name = :name "
            "AND a.normalised = :folded AND a.language = :lang AND a.kind <> 'role'"),
            {"name": entity, "folded": norm(old), "lang": lang}).rowcount
        record(conn, entity, [(old, lang)], "retired")
    return Edit(entity, [(old, lang)], {"aliases": gone})


def merge(bind: Bind, folder: Path, duplicate: str, keep: str) -> Edit:
    """`duplicate` is the same as `keep`: its names, mentions and event participants move to `keep`."""
    before = registry(folder)
    a, b = find(before, duplicate), find(before, keep)
    if a == b:
        raise AdminError(f"{duplicate!r} and {keep!r} are the same entity already")
    moved = [(x.text, x.lang) for x in before.aliases if x.entity == a]
    with editing(bind, folder, [{"name": a, "merged_into": b}], f"loader entities merge {a} into {b}") as (conn, reg):
        counts = move_rows(conn, a, b)
        sync_registry(conn, reg)
        record(conn, b, moved, "merged")
    return Edit(b, moved, counts)


MOVE = [
    ("mentions", "UPDATE mentions SET entity_id = :b WHERE entity_id = :a"),
    ("participants dropped", "DELETE FROM event_participants p WHERE p.entity_id = :a AND EXISTS "
     "(SELECT 1 FROM event_participants q WHERE q.event_id = p.event_id AND q.entity_id = :b)"),
    ("participants", "UPDATE event_participants SET entity_id = :b WHERE entity_id = :a"),
    ("dyads", "DELETE FROM event_dyads WHERE entity_a = :a OR entity_b = :a"),
    ("dyads added", "INSERT INTO event_dyads (entity_a, entity_b, event_id, date_start) "
     "SELECT DISTINCT x.entity_id, y.entity_id, x.event_id, x.date_start FROM event_participants x "
     "JOIN event_participants y ON y.event_id = x.event_id AND y.entity_id <> x.entity_id "
     "WHERE :b IN (x.entity_id, y.entity_id) ON CONFLICT DO NOTHING"),
    ("canonical participants dropped", "DELETE FROM canonical_event_participants p WHERE p.entity_id = :a AND "
     "EXISTS (SELECT 1 FROM canonical_event_participants q WHERE q.canonical_id = p.canonical_id AND q.entity_id = :b)"),
    ("canonical participants", "UPDATE canonical_event_participants SET entity_id = :b WHERE entity_id = :a"),
    ("aliases", "UPDATE entity_aliases x SET entity_id = :b WHERE entity_id = :a AND NOT EXISTS "
     "(SELECT 1 FROM entity_aliases y WHERE y.entity_id = :b AND y.normalised = x.normalised "
     "AND y.language = x.language AND y.kind = x.kind AND y.valid_from IS NOT DISTINCT FROM x.valid_from)"),
]
# Any other column pointing at entities.id (country_id, and those later migrations add) simply follows.
OTHER_REFERENCES = """
SELECT c.conrelid::regclass::text, a.attname FROM pg_constraint c
JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
WHERE c.contype = 'f' AND c.confrelid = 'entities'::regclass AND array_length(c.conkey, 1) = 1
  AND c.conrelid::regclass::text NOT IN ('mentions', 'event_participants', 'event_dyads', 'entity_aliases',
                                         'canonical_event_participants')
ORDER BY 1, 2"""


def move_rows(conn: Connection, a: str, b: str) -> dict[str, int]:
    """Move everything that points at entity `a` to entity `b`, in the caller's transaction."""
    ids = dict(conn.execute(text("SELECT name, id FROM entities WHERE name IN (:a, :b)"), {"a": a, "b": b}).all())
    if a not in ids:
        return {}
    if b not in ids:  # never loaded: the merged entity simply takes the other's name
        conn.execute(text("UPDATE entities SET name = :b WHERE id = :a"), {"a": ids[a], "b": b})
        return {"entities": 1}
    params = {"a": ids[a], "b": ids[b]}
    counts = {label: conn.execute(text(sql), params).rowcount for label, sql in MOVE}
    quote = conn.dialect.identifier_preparer.quote
    for table, column in conn.execute(text(OTHER_REFERENCES)).all():  # names from the catalogue, quoted
        counts[f"{table}.{column}"] = conn.execute(text(
            f"UPDATE {quote(table)} SET {quote(column)} = :b WHERE {quote(column)} = :a"), params).rowcount
    counts["entities"] = conn.execute(text("DELETE FROM entities WHERE id = :a"), params).rowcount
    return counts


def unresolved(conn: Connection, surface: str) -> list[int]:
    """Ids of the unresolved mentions written `surface` (compared folded)."""
    folded = norm(surface)
    rows = conn.execute(text("SELECT mention_id, surface FROM v_unresolved_mentions")).all()
    return [mid for mid, s in rows if norm(s) == folded]


def promote(bind: Bind, folder: Path, surface: str, entry: dict) -> Edit:
    """An unresolved name from v_unresolved_mentions becomes an entity; its mentions link to it now."""
    lang = lang_of(surface)
    entry = {"name": entry.get("name") or surface, "kind": entry.get("kind") or "person",
             **{k: v for k, v in entry.items() if k not in ("name", "kind") and v not in (None, [], {})}}
    entry[lang] = [surface, *(n for n in entry.get(lang, []) if n != surface)]
    _check_entries([entry], "promoted entity")
    if entry["name"] in registry(folder).entities:
        raise AdminError(f"{entry['name']!r} exists already; add the spelling with `loader entities alias`")
    with transaction(bind) as conn:
        if not unresolved(conn, surface):
            raise AdminError(f"no unresolved mention is written {surface!r}; see v_unresolved_mentions")
    aliases = [(entry["name"], "en"), *_aliases_of(entry)]
    with editing(bind, folder, [entry], f"loader entities promote {surface}") as (conn, reg):
        ids = sync_registry(conn, reg).ids
        linked = unresolved(conn, surface)
        conn.execute(text("UPDATE mentions SET entity_id = :e WHERE id = ANY(:ids)"),
                     {"e": ids[entry["name"]], "ids": linked})
        record(conn, entry["name"], aliases, "promoted")
    return Edit(entry["name"], aliases, {"mentions": len(linked)})


def read_entries(path: Path) -> list[dict]:
    """Entries from a YAML file (the knowledge folder's shape) or a CSV file (CSV_COLUMNS, aliases joined by |)."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return list(load_yaml(path, USER_ENTITY_SCHEMA) or [])
    if path.suffix.lower() != ".csv":
        raise AdminError(f"{path}: import reads .yaml or .csv files")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        unknown = set(reader.fieldnames or ()) - set(CSV_COLUMNS)
        if unknown or "name" not in (reader.fieldnames or ()):
            raise KnowledgeError(f"{path}:1: columns must be among {', '.join(CSV_COLUMNS)} with name "
                                 f"(unknown: {', '.join(sorted(unknown)) or 'none'})", 1)
        entries = LocatedList()
        entries.item_lines = []
        for row in reader:
            split = {k: [x.strip() for x in (v or "").split("|") if x.strip()] for k, v in row.items()}
            entry = {k: (row[k] or "").strip() for k in ("name", "kind", "country", "gender", "qid", "note")
                     if (row.get(k) or "").strip()}
            entry.update({lang: split[lang] for lang in ("ar", "en") if split.get(lang)})
            short = {lang: split[f"short_{lang}"] for lang in ("ar", "en") if split.get(f"short_{lang}")}
            if short:
                entry["short"] = short
            entries.append(entry)
            entries.item_lines.append(reader.line_num)
    try:
        check(entries, USER_ENTITY_SCHEMA, path.name)
    except KnowledgeError as exc:
        raise KnowledgeError(f"{path}:{exc.line}: {exc}", exc.line) from None
    return entries


def import_file(bind: Bind, folder: Path, path: Path) -> list[Edit]:
    """Every entry of a file, as one edit: new entities are added, known ones get the aliases."""
    entries = read_entries(path)
    known = registry(folder).entities
    edits = [Edit(e["name"], ([(e["name"], "en")] if e["name"] not in known else []) + _aliases_of(e))
             for e in entries]
    with editing(bind, folder, [dict(e) for e in entries], f"loader entities import {path.name}") as (conn, reg):
        sync_registry(conn, reg)
        for e in edits:
            record(conn, e.entity, e.aliases, "added")
    return edits


def entries(reg: Registry, kind: str | None = None) -> list[dict]:
    """The layered registry as entries of the knowledge files' shape (roles are in roles/)."""
    out: dict[str, dict] = {}
    for e in reg.entities.values():
        if kind and e.kind != kind:
            continue
        out[e.name] = {"name": e.name, "kind": e.kind, **{k: v for k, v in (
            ("gender", e.gender), ("country", e.country), ("qid", e.qid), ("metonym_for", e.metonym_for)) if v}}
    for a in reg.aliases:
        item = out.get(a.entity or "")
        if item is None or a.kind in ("role", "body") or (a.kind == "name" and a.text == a.entity and a.lang == "en"):
            continue
        if a.kind in ("short", "adj"):
            item.setdefault(a.kind, {}).setdefault(a.lang, []).append(a.text)
        else:
            item.setdefault(a.lang, []).append(a.text)
    return list(out.values())


def export(reg: Registry, fmt: str = "yaml", kind: str | None = None) -> str:
    """The registry as YAML (importable as a knowledge file) or CSV (importable with `import`)."""
    items = entries(reg, kind)
    if fmt == "yaml":
        return yaml.safe_dump(items, allow_unicode=True, sort_keys=False, default_flow_style=None, width=120)
    if fmt != "csv":
        raise AdminError(f"unknown format {fmt!r}; use yaml or csv")
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for item in items:
        writer.writerow({**{k: item.get(k, "") for k in ("name", "kind", "country", "gender", "qid")},
                         "ar": "|".join(item.get("ar", [])), "en": "|".join(item.get("en", [])),
                         "short_ar": "|".join(item.get("short", {}).get("ar", [])),
                         "short_en": "|".join(item.get("short", {}).get("en", []))})
    return buf.getvalue()


def list_entities(conn: Connection, kind: str | None = None, country: str | None = None,
                  name: str | None = None, limit: int = 200) -> list[tuple]:
    """(name, kind, country, aliases, mentions, events), filtered; `name` matches names and aliases."""
    return conn.execute(text("""
        SELECT e.name, e.kind, c.name AS country,
               (SELECT count(*) FROM entity_aliases a WHERE a.entity_id = e.id) AS aliases,
               (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions,
               (SELECT count(DISTINCT p.event_id) FROM event_participants p WHERE p.entity_id = e.id) AS events
        FROM entities e LEFT JOIN entities c ON c.id = e.country_id
        WHERE (CAST(:kind AS text) IS NULL OR e.kind = :kind)
          AND (CAST(:country AS text) IS NULL OR c.name ILIKE :country)
          AND (CAST(:name AS text) IS NULL OR e.name ILIKE '%' || :name || '%' OR e.name_ar LIKE '%' || :name || '%'
               OR EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = e.id AND a.normalised LIKE '%' || :folded || '%'))
        ORDER BY mentions DESC, e.name LIMIT :limit"""),
        {"kind": kind, "country": country, "name": name, "folded": norm(name) if name else None,
         "limit": limit}).all()


@dataclass
class Shown:
    name: str
    kind: str
    country: str | None
    aliases: list[tuple]  # (alias, language, kind, valid_from, valid_to)
    roles: list[tuple]    # (office, state, from, to)
    mentions: int
    events: int
    events_by_type: dict[str, int]


def show(conn: Connection, reg: Registry, name: str) -> Shown:
    entity = find(reg, name)
    row = conn.execute(text("SELECT e.id, e.kind, c.name FROM entities e LEFT JOIN entities c ON c.id = e.country_id "
                            "WHERE e.name = :n"), {"n": entity}).first()
    if row is None:
        raise AdminError(f"{entity} is in the knowledge files but not in the database yet; run `loader load`")
    eid, kind, country = row
    aliases = conn.execute(text("SELECT alias, language, kind, valid_from, valid_to FROM entity_aliases "
                                "WHERE entity_id = :id ORDER BY kind, language, alias"), {"id": eid}).all()
    roles = [(office, state, h.start, h.end) for (office, state), holders in reg.offices.items()
             for h in holders if h.entity == entity]
    mentions = conn.execute(text("SELECT count(*) FROM mentions WHERE entity_id = :id"), {"id": eid}).scalar_one()
    by_type = dict(conn.execute(text("SELECT e.type, count(DISTINCT e.id) FROM event_participants p "
                                     "JOIN events e ON e.id = p.event_id WHERE p.entity_id = :id GROUP BY e.type "
                                     "ORDER BY 2 DESC"), {"id": eid}).all())
    return Shown(entity, kind, country, [tuple(a) for a in aliases], sorted(roles, key=lambda r: r[2] or dt.date.min),
                 mentions, sum(by_type.values()), by_type)
