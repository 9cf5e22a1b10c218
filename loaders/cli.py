"""The `loader` command: parse arguments, call one library function, print, set the exit code.

Domain errors (`DatabaseError`, `ReadError`, `KnowledgeError`) become one clean line on
stderr and a non-zero exit; anything else is a bug and keeps its traceback.
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import typer
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table
from sqlalchemy.exc import InterfaceError, OperationalError

from . import db as dbmod
from .cli_analyst import register as register_analyst
from .cli_fuse import register as register_fuse
from .cli_entities import register as register_entities
from .cli_evaluate import register as register_evaluate
from . import migrate
from .console import err, fail as _fail, out
from .db import DatabaseError, mask
from .knowledge import KnowledgeError
from .settings import Settings

app = typer.Typer(help="Load Arabic and English news articles into a PostgreSQL event-and-entity database.",
                  no_args_is_help=True, add_completion=False)
db_app = typer.Typer(help="Manage the database: the embedded server or DATABASE_URL.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@app.callback()
def _one_line_per_error() -> None:
    # Each error reaches the user as one clean line; psycopg's own warning about a connection lost
    # inside a pipeline ("error ignored terminating …") would only repeat it.
    logging.getLogger("psycopg").setLevel(logging.ERROR)




def _engine(settings: Settings):
    return dbmod.make_engine(settings)


@app.command()
def load(
    paths: list[Path] = typer.Argument(None, help="Article files or folders (searched recursively)."),
    reextract: bool = typer.Option(False, "--reextract", help="Extract again articles already loaded."),
    affected: bool = typer.Option(False, "--reextract-affected", help="Extract again, from their stored text, only "
                                  "the articles containing a name changed with `loader entities` or in the knowledge folder."),
    nlp: str = typer.Option("auto", "--nlp", help="auto (stanza when its models are installed), stanza or rules."),
    workers: int = typer.Option(1, "--workers", min=1, help="Processes extracting in parallel (storing stays in one)."),
) -> None:
    """Load articles: read, segment, extract entities and events, store them.

    Example: loader load seeds/  (or, after `loader entities add`: loader load --reextract-affected)
    """
    from .extract.nlp.base import NlpUnavailable
    from .pipeline import load_paths, make_extractor
    from .reextract import reextract_affected

    if not paths and not affected:
        _fail("give article files or folders to load, or --reextract-affected")
    settings = Settings.from_env()
    try:
        extractor = make_extractor(nlp, knowledge=settings.knowledge)
        engine = _engine(settings)
        with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("loading", total=None)
            tick = lambda n, total, p: bar.update(task, completed=n, total=total)  # noqa: E731
            summaries = [load_paths(engine, list(paths), settings, reextract=reextract, extractor=extractor,
                                    workers=workers, progress=tick)] if paths else []
            if affected:
                migrate.ensure_schema(engine)
                summaries.append(reextract_affected(engine, extractor, progress=tick))
    except (DatabaseError, KnowledgeError, NlpUnavailable, ValueError) as exc:
        _fail(str(exc))
    except (OperationalError, InterfaceError) as exc:  # the server went away mid-run; loaded articles are kept
        _fail(f"lost the database connection during the load: {exc.orig or exc}; "
              "articles stored so far are complete, run the same command again to finish")
    for summary in summaries:
        for e in summary.errors:
            err.print(f"[red]failed:[/] {escape(f'{e.path}: {e.reason}')}", highlight=False, soft_wrap=True)
        table = Table(title=f"load run {summary.run_id} ({summary.backend} extraction)")
        for col in ("articles new", "skipped", "replaced", "failed", "entities", "mentions", "events"):
            table.add_column(col, justify="right")
        table.add_row(*(str(v) for v in (summary.new, summary.skipped, summary.replaced, summary.failed,
                                          len(summary.entities), summary.mentions, summary.events)))
        out.print(table)
    if any(summary.failed for summary in summaries):
        raise typer.Exit(1)


@app.command()
def export(
    format: str = typer.Option("jsonl", "--format", help="Output format: jsonl, or geojson (one point per "
                               "event with a place, for QGIS, kepler.gl and Metabase maps)."),
    out_file: Path = typer.Option(None, "--out", help="Write to this file instead of standard output."),
    canonical: bool = typer.Option(False, "--canonical", help="One line per canonical event (real happening, "
                                   "fused across articles) instead of one per article."),
) -> None:
    """Export articles with their entities and events, one JSON object per line.

    Example: loader export --format jsonl --out export.jsonl  (one line per happening: --canonical;
    a map of events: --format geojson --out events.geojson)
    """
    from .export import write_canonical, write_geojson, write_jsonl

    write = write_geojson if format == "geojson" else write_canonical if canonical else write_jsonl

    if format not in ("jsonl", "geojson"):
        _fail(f"unknown format {format!r}; use jsonl or geojson")
    settings = Settings.from_env()
    try:
        engine = _engine(settings)
        migrate.ensure_schema(engine)
        with engine.connect() as conn:
            if out_file:
                with out_file.open("w", encoding="utf-8") as fh:
                    n = write(conn, fh)
                what = "events with a place" if format == "geojson" else "canonical events" if canonical else "articles"
                err.print(f"wrote {n} {what} to {out_file}")
            else:
                write(conn, sys.stdout)
    except DatabaseError as exc:
        _fail(str(exc))


@db_app.command("status")
def db_status() -> None:
    """Say which database is used, whether it runs, and its schema revision.

    Example: loader db status
    """
    settings = Settings.from_env()
    folder = settings.knowledge
    out.print(f"user knowledge: {folder} ({'present' if folder.is_dir() else 'not created yet'}; LOADER_KNOWLEDGE)",
              highlight=False, soft_wrap=True)
    if settings.database_url:
        out.print(f"database: DATABASE_URL {mask(settings.database_url)}")
    else:
        state = "running" if dbmod.is_running(settings) else "stopped"
        out.print(f"database: embedded PostgreSQL in {settings.pgdata} ({state})")
        if state == "stopped":
            return
    try:
        engine = _engine(settings)
        out.print(f"schema revision: {migrate.current(engine) or 'none'} (this loader: {migrate.head()})")
    except Exception as exc:  # noqa: BLE001 - status reports, never fails on a bad server
        _fail(f"cannot reach the database: {exc}")


@db_app.command("start")
def db_start() -> None:
    """Start the embedded PostgreSQL (it keeps running between commands).

    Example: loader db start
    """
    try:
        url = dbmod.start(Settings.from_env())
    except DatabaseError as exc:
        _fail(str(exc))
    out.print(f"embedded PostgreSQL running: {mask(url)}", soft_wrap=True)


@db_app.command("stop")
def db_stop() -> None:
    """Stop the embedded PostgreSQL.

    Example: loader db stop
    """
    stopped = dbmod.stop(Settings.from_env())
    out.print("stopped" if stopped else "not running")


@db_app.command("url")
def db_url(show_password: bool = typer.Option(False, "--show-password", help="Print the password too.")) -> None:
    """Print the connection URL for psql, DBeaver or a BI tool (starts the embedded server).

    Example: psql "$(loader db url)"
    """
    try:
        url = dbmod.libpq_url(dbmod.database_url(Settings.from_env()))
    except DatabaseError as exc:
        _fail(str(exc))
    print(url if show_password else mask(url))


@db_app.command("psql")
def db_psql(args: list[str] = typer.Argument(None, help="Extra arguments passed to psql.")) -> None:
    """Open psql on the database (the embedded server ships its own psql).

    Example: loader db psql -- -c "select count(*) from articles"
    """
    try:
        url = dbmod.libpq_url(dbmod.database_url(Settings.from_env()))
    except DatabaseError as exc:
        _fail(str(exc))
    raise typer.Exit(subprocess.call([dbmod.psql_path(), url, *(args or [])], env=os.environ.copy()))


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Upgrade the schema to this loader's newest migration.

    Example: loader db upgrade
    """
    try:
        engine = _engine(Settings.from_env())
        rev = migrate.ensure_schema(engine)
    except DatabaseError as exc:
        _fail(str(exc))
    out.print(f"schema at revision {rev}")


register_analyst(app, db_app)
register_fuse(app)
register_entities(app)
register_evaluate(app)
models_app = typer.Typer(help="NLP models for the stanza backend.", no_args_is_help=True)
app.add_typer(models_app, name="models")


@models_app.command("download")
def models_download(
    lang: str = typer.Option("ar,en", "--lang", help="Comma-separated languages."),
    dir: Path = typer.Option(None, "--dir", help="Models folder (default: STANZA_RESOURCES_DIR, LOADER_STANZA_DIR "
                                                 "or stanza's own)."),
) -> None:
    """Download stanza's models (needs the model host; says how to copy them by hand otherwise).

    Example: loader models download --lang ar
    """
    from .extract.nlp.stanza_backend import models_dir
    from .nlp_models import ModelsUnavailable, download_models

    where = dir or models_dir()
    try:
        files = download_models([x.strip() for x in lang.split(",") if x.strip()], where)
    except ModelsUnavailable as exc:
        _fail(str(exc))
    out.print(f"{len(files)} model files in {where}")


@models_app.command("status")
def models_status_cmd(dir: Path = typer.Option(None, "--dir", help="Models folder.")) -> None:
    """Show which stanza models are installed, where, and their sizes.

    Example: loader models status
    """
    from .extract.nlp.stanza_backend import available, models_dir, stanza_installed
    from .nlp_models import models_status

    where = dir or models_dir()
    out.print(f"stanza installed: {'yes' if stanza_installed() else 'no'}; models folder: {where}")
    rows = models_status(where) if where.exists() else []
    table = Table(title="stanza models")
    for col in ("language", "processor", "package", "size", "path"):
        table.add_column(col)
    for r in rows:
        table.add_row(r.language, r.processor, r.package, f"{r.size / 1e6:.1f} MB", str(r.path))
    out.print(table)
    for lang in ("ar", "en"):
        out.print(f"{lang}: {'ready' if available(where, lang) else 'not installed'} "
                  f"(`loader load --nlp auto` uses {'stanza' if available(where, lang) else 'rules'})")


def main() -> None:  # pragma: no cover - console entry point
    app()
