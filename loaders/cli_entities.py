"""The `loader entities` commands: look up, add, alias, retire, merge, promote, import, export.

Adds the command group via `register(app)`, thin as the rest of the CLI: parse, call one
function of `entities_admin`, print. Edits go to the user knowledge folder (`LOADER_KNOWLEDGE`)
and the database together; `loader load --reextract-affected` then updates the articles.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import typer
from rich.table import Table
from sqlalchemy.exc import DBAPIError

from . import db as dbmod
from . import entities_admin as admin
from . import migrate
from .console import err, fail as _fail, out
from .db import DatabaseError
from .knowledge import KnowledgeError
from .pipeline import transaction
from .settings import Settings
from .store import sync_registry

entities_app = typer.Typer(help="The entity registry: look up, add, alias, merge, promote, import, export.",
                           no_args_is_help=True)


def _run(fn: Callable, *args):
    """Run one admin call against the database; domain errors become one line."""
    settings = Settings.from_env()
    try:
        engine = dbmod.make_engine(settings)
        migrate.ensure_schema(engine)
        return fn(engine, settings.knowledge, *args)
    except (admin.AdminError, KnowledgeError, DatabaseError) as exc:
        _fail(str(exc))
    except DBAPIError as exc:
        _fail(str(exc.orig or exc))


def _synced(engine, folder: Path) -> "admin.Registry":
    """The layered registry, with the database brought up to it (reads see the same entities)."""
    reg = admin.registry(folder)
    with transaction(engine) as conn:
        sync_registry(conn, reg)
    return reg


def _said(edit: admin.Edit, verb: str) -> None:
    names = ", ".join(f"{a} ({lang})" for a, lang in edit.aliases)
    moved = ", ".join(f"{n} {k}" for k, n in edit.counts.items() if n)
    out.print(f"{verb} {edit.entity}" + (f": {names}" if names else "") + (f"; moved {moved}" if moved else ""),
              highlight=False, soft_wrap=True)
    err.print("run `loader load --reextract-affected` to update the articles that contain these names")


def _entry(name: str, kind: str | None, country: str | None, gender: str | None, qid: str | None,
           ar: list[str] | None, en: list[str] | None, short: list[str] | None) -> dict:
    short_by_lang: dict[str, list[str]] = {}
    for s in short or []:
        short_by_lang.setdefault(admin.lang_of(s), []).append(s)
    return {"name": name, "kind": kind, "country": country, "gender": gender, "qid": qid,
            "ar": list(ar or []), "en": list(en or []), "short": short_by_lang}


@entities_app.command("list")
def list_command(
    kind: str = typer.Option(None, "--kind", help="person, state, organisation or place."),
    country: str = typer.Option(None, "--country", help="The entity's country (canonical name)."),
    name: str = typer.Option(None, "--name", help="Part of a name or alias (Arabic or English)."),
    limit: int = typer.Option(200, "--limit", min=1, help="At most this many rows."),
) -> None:
    """List entities with their alias, mention and event counts, most mentioned first.

    Example: loader entities list --kind person --country Russia
    """
    def fn(engine, folder):
        _synced(engine, folder)
        with engine.connect() as conn:
            return admin.list_entities(conn, kind, country, name, limit)

    rows = _run(fn)
    table = Table(title="entities")
    for col in ("name", "kind", "country", "aliases", "mentions", "events"):
        table.add_column(col, justify="right" if col in ("aliases", "mentions", "events") else "left")
    for row in rows:
        table.add_row(*(str(v) if v is not None else "" for v in row))
    out.print(table)


@entities_app.command("show")
def show_command(name: str = typer.Argument(..., help="Canonical name or any alias.")) -> None:
    """Show an entity: its aliases, offices held, mention and event counts.

    Example: loader entities show "سيرغي لافروف"
    """
    def fn(engine, folder):
        reg = _synced(engine, folder)
        with engine.connect() as conn:
            return admin.show(conn, reg, name)

    s = _run(fn)
    out.print(f"{s.name} ({s.kind}{', ' + s.country if s.country else ''}): {s.mentions} mentions, "
              f"{s.events} events" + (f" ({', '.join(f'{k} {n}' for k, n in s.events_by_type.items())})"
                                      if s.events_by_type else ""), highlight=False)
    table = Table(title="aliases")
    for col in ("alias", "language", "kind", "from", "to"):
        table.add_column(col)
    for row in s.aliases:
        table.add_row(*(str(v) if v is not None else "" for v in row))
    out.print(table)
    for office, state, start, end in s.roles:
        out.print(f"role: {office} of {state}, {start or '?'} – {end or 'now'}", highlight=False)


@entities_app.command("add")
def add_command(
    name: str = typer.Argument(..., help="Canonical name (English, as its Wikipedia title)."),
    kind: str = typer.Option("person", "--kind", help="person, state, organisation or place."),
    country: str = typer.Option(None, "--country", help="Its country (a known state)."),
    gender: str = typer.Option(None, "--gender", help="m or f, for a person."),
    qid: str = typer.Option(None, "--qid", help="Wikidata id."),
    ar: list[str] = typer.Option(None, "--ar", help="An Arabic spelling; repeat for more."),
    en: list[str] = typer.Option(None, "--en", help="An English spelling; repeat for more."),
    short: list[str] = typer.Option(None, "--short", help="A surname that counts only after the full name."),
) -> None:
    """Add an entity to the user knowledge folder and the database.

    Example: loader entities add "Ilaria Hares" --kind person --country Egypt --gender f --ar "إيلاريا حارص"
    """
    _said(_run(admin.add, _entry(name, kind, country, gender, qid, ar, en, short)), "added")


@entities_app.command("alias")
def alias_command(
    name: str = typer.Argument(..., help="The entity (canonical name or an alias)."),
    alias: str = typer.Argument(..., help="The new spelling."),
    lang: str = typer.Option(None, "--lang", help="ar or en (default: from the script)."),
    short: bool = typer.Option(False, "--short", help="A surname that counts only after the full name."),
) -> None:
    """Add a spelling to a known entity (packaged or yours).

    Example: loader entities alias "Sergey Lavrov" "سيرجيي لافروف"
    """
    _said(_run(admin.alias, name, alias, lang, short), "alias of")


@entities_app.command("retire")
def retire_command(
    name: str = typer.Argument(..., help="The entity."),
    alias: str = typer.Argument(..., help="The alias that misfires in your corpus."),
    lang: str = typer.Option(None, "--lang", help="ar or en (default: from the script)."),
) -> None:
    """Stop an alias from naming an entity (for example a packaged spelling that misfires).

    Example: loader entities retire "Moscow" "موسكو"
    """
    _said(_run(admin.retire, name, alias, lang), "retired from")


@entities_app.command("merge")
def merge_command(
    duplicate: str = typer.Argument(..., help="The entity that goes (its names, mentions and events move)."),
    keep: str = typer.Argument(..., help="The entity that stays."),
) -> None:
    """Merge entity A into entity B: A's names, mentions and event participants move to B, in one transaction.

    Example: loader entities merge "Ilaria Hares" "Ilaria Hares Youssef"
    """
    _said(_run(admin.merge, duplicate, keep), "merged into")


@entities_app.command("promote")
def promote_command(
    surface: str = typer.Argument(..., help="An unresolved name as in v_unresolved_mentions.surface."),
    name: str = typer.Option(None, "--name", help="Canonical name (default: the surface)."),
    kind: str = typer.Option("person", "--kind", help="person, state, organisation or place."),
    country: str = typer.Option(None, "--country", help="Its country (a known state)."),
    gender: str = typer.Option(None, "--gender", help="m or f, for a person."),
) -> None:
    """Make an unresolved name (v_unresolved_mentions) an entity; its mentions link to it at once.

    Example: loader entities promote "إيلاريا حارص" --name "Ilaria Hares" --country Egypt --gender f
    """
    _said(_run(admin.promote, surface, _entry(name, kind, country, gender, None, None, None, None)), "promoted")


@entities_app.command("import")
def import_command(file: Path = typer.Argument(..., exists=True, dir_okay=False,
                                               help="A .yaml file (knowledge shape) or a .csv file.")) -> None:
    """Import entities and aliases from YAML (the knowledge files' shape) or CSV (name,kind,country,gender,qid,ar,en,short_ar,short_en; aliases joined by |).

    Example: loader entities import ministers.csv
    """
    edits = _run(admin.import_file, file)
    out.print(f"imported {len(edits)} entries ({sum(len(e.aliases) for e in edits)} names) from {file}",
              highlight=False)
    err.print("run `loader load --reextract-affected` to update the articles that contain these names")


@entities_app.command("export")
def export_command(
    format: str = typer.Option("yaml", "--format", help="yaml or csv."),
    kind: str = typer.Option(None, "--kind", help="Only this kind."),
    out_file: Path = typer.Option(None, "--out", help="Write to this file instead of standard output."),
) -> None:
    """Export the registry (packaged and yours, layered) as YAML or CSV, importable again.

    Example: loader entities export --format csv --kind person --out people.csv
    """
    try:
        body = admin.export(admin.registry(Settings.from_env().knowledge), format, kind)
    except (admin.AdminError, KnowledgeError) as exc:
        _fail(str(exc))
    if out_file:
        out_file.write_text(body, encoding="utf-8")
        err.print(f"wrote {out_file}")
    else:
        print(body, end="")


def register(app: typer.Typer) -> None:
    """Add `loader entities` to the app."""
    app.add_typer(entities_app, name="entities")
