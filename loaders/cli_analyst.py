"""The analyst commands of `loader`: saved queries, timeline pictures, read-only logins.

Adds `loader query`, `loader timeline` and `loader db grant-analyst` to the existing app via
`register(app, db_app)`, in the thin style of `cli.py`: parse, call one library function,
print; domain errors become one clean line on stderr and a non-zero exit.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import typer
from rich.table import Table
from sqlalchemy import make_url
from sqlalchemy.exc import DBAPIError

from . import db as dbmod
from . import migrate
from .console import err, fail as _fail, out
from .db import DatabaseError, mask
from .settings import Settings





def _db_message(exc: DBAPIError) -> str:
    return str(exc.orig or exc).strip().splitlines()[0]


def _pairs(items: list[str] | None) -> dict[str, str]:
    values = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            _fail(f"--param {item!r} is not name=value")
        values[key.strip()] = value
    return values


def _format(fmt: str | None, out_file: Path | None) -> str:
    from .query import FORMATS

    if fmt is None and out_file is not None:
        fmt = out_file.suffix.lstrip(".").lower()
    fmt = fmt or ("table" if sys.stdout.isatty() else "csv")
    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r}; use {', '.join(FORMATS)}")
    if fmt == "table" and out_file is not None:
        _fail("--format table prints to the terminal; write a file as csv, json or parquet")
    if fmt == "parquet" and out_file is None:
        _fail("parquet is binary: give --out FILE.parquet")
    return fmt


def _list_queries() -> None:
    from .query import list_queries

    table = Table(title="saved queries (queries/*.sql)", show_lines=True)
    for col in ("name", "title", "params (defaults)", "description"):
        table.add_column(col, overflow="fold")
    for q in list_queries():
        params = "\n".join(f"{p.name}={p.default}" for p in q.params) or "-"
        table.add_row(q.name, q.title, params, q.description)
    out.print(table)


def query_command(
    name: str = typer.Argument(None, help="Saved query name (see --list) or the path of a .sql file."),
    param: list[str] = typer.Option(None, "--param", "-p", help="A parameter as name=value; repeat for more."),
    format: str = typer.Option(None, "--format", help="table, csv, json or parquet "
                               "(default: from --out's suffix, else table in a terminal and csv otherwise)."),
    out_file: Path = typer.Option(None, "--out", help="Write to this file instead of standard output."),
    list_: bool = typer.Option(False, "--list", help="List the saved queries, their parameters and defaults."),
) -> None:
    """Run a saved query from queries/ against the analyst views, with bound parameters.

    Example: loader query actor_timeline --param actor="Kim Jong Un" --format csv
    """
    from .query import QueryError, load_query, pg_text, run_query, write_csv, write_json, write_parquet

    try:
        if list_:
            _list_queries()
            return
        if not name:
            _fail("give a query name, or --list to see them")
        query = load_query(name)
        values = _pairs(param)
        query.bind(values)
        fmt = _format(format, out_file)
        engine = dbmod.make_engine(Settings.from_env())
        migrate.ensure_schema(engine)
        with engine.connect() as conn:
            result = run_query(conn, query, values)
    except (QueryError, DatabaseError) as exc:
        _fail(str(exc))
    except DBAPIError as exc:
        _fail(f"{query.name}: {_db_message(exc)}")
    if fmt == "table":
        table = Table(title=query.title)
        for col in result.columns:
            table.add_column(col, overflow="fold")
        for row in result.rows:
            table.add_row(*(pg_text(v) for v in row))
        out.print(table)
        err.print(f"{len(result.rows)} rows")
    elif fmt == "parquet":
        try:
            write_parquet(result, out_file)
        except QueryError as exc:
            _fail(str(exc))
        err.print(f"wrote {len(result.rows)} rows to {out_file}")
    elif out_file:
        with out_file.open("w", encoding="utf-8", newline="") as fh:
            (write_csv if fmt == "csv" else write_json)(result, fh)
        err.print(f"wrote {len(result.rows)} rows to {out_file}")
    else:
        (write_csv if fmt == "csv" else write_json)(result, sys.stdout)


def timeline_command(
    actor: str = typer.Option(..., "--actor", help="Canonical name of the actor, as in v_timeline.participant."),
    with_: str = typer.Option(None, "--with", help="Only events with this other party."),
    date_from: dt.datetime = typer.Option(None, "--from", formats=["%Y-%m-%d"], help="First day (YYYY-MM-DD)."),
    date_to: dt.datetime = typer.Option(None, "--to", formats=["%Y-%m-%d"], help="Last day (YYYY-MM-DD)."),
    out_file: Path = typer.Option(..., "--out", help="Picture to write: .png, or .html (interactive with plotly)."),
    tellings: bool = typer.Option(False, "--tellings", help="Every extracted event (one per sentence and article) "
                                  "instead of each happening once."),
) -> None:
    """Draw an actor's happenings on a time axis, one lane per other party, into a PNG or HTML file.

    Each happening is drawn once, labelled with the number of articles telling it; --tellings draws
    every extracted event instead.

    Example: loader timeline --actor "Kim Jong Un" --with "Vladimir Putin" --out kim.png
    """
    from .timeline import TimelineError, render_timeline

    try:
        engine = dbmod.make_engine(Settings.from_env())
        migrate.ensure_schema(engine)
        with engine.connect() as conn:
            tl = render_timeline(conn, actor, with_, date_from and date_from.date(), date_to and date_to.date(),
                                 out_file, tellings)
    except (TimelineError, DatabaseError) as exc:
        _fail(str(exc))
    except DBAPIError as exc:
        _fail(_db_message(exc))
    err.print(f"wrote {out_file}: {len(tl.points)} events in {len(tl.lanes)} lanes"
              + (f", {tl.undated} undated not shown" if tl.undated else ""))


def grant_analyst_command(
    name: str = typer.Argument(..., help="Login role to create (lower-case letters, digits, _)."),
    password: str = typer.Option(None, "--password", help="Its password (needed unless the server trusts local users)."),
) -> None:
    """Create a read-only login role (a member of loader_analyst) for DBeaver, Metabase or psql.

    Example: loader db grant-analyst metabase --password 'change-me'
    """
    from .query import grant_analyst

    try:
        url = dbmod.database_url(Settings.from_env())
        engine = dbmod.make_engine(Settings.from_env(), url)
        migrate.ensure_schema(engine)
        grant_analyst(engine, name, password)
    except DatabaseError as exc:
        _fail(str(exc))
    except DBAPIError as exc:
        _fail(_db_message(exc))
    login = make_url(dbmod.libpq_url(url)).set(username=name, password=password)
    out.print(f"role {name} created (read-only, member of loader_analyst); connect with: "
              f"{mask(login.render_as_string(hide_password=False))}", highlight=False)


def register(app: typer.Typer, db_app: typer.Typer) -> None:
    """Add the analyst commands to the `loader` app and its `db` group."""
    app.command("query")(query_command)
    app.command("timeline")(timeline_command)
    db_app.command("grant-analyst")(grant_analyst_command)
