"""The `loader fuse` command: canonical events (one per real happening) from the stored tellings.

Adds to the app via `register(app)`, thin like `cli.py`: a load fuses each article as it is
stored; `loader fuse` fuses what was stored without it (a database from before fusion),
and `--rebuild` recomputes everything, giving what loading from scratch in any order gives.
"""
from __future__ import annotations

import typer
from sqlalchemy.exc import DBAPIError

from . import db as dbmod
from . import migrate
from .console import err, fail as _fail, out
from .db import DatabaseError
from .settings import Settings


def fuse_command(
    rebuild: bool = typer.Option(False, "--rebuild", help="Recompute every canonical event from all tellings "
                                 "(one transaction; loaders wait meanwhile)."),
) -> None:
    """Fuse the tellings of one happening across articles into canonical events.

    Example: loader fuse --rebuild
    """
    from . import fuse

    try:
        engine = dbmod.make_engine(Settings.from_env())
        migrate.ensure_schema(engine)
        if rebuild:
            with engine.begin() as conn:
                fuse.rebuild(conn)
        else:
            with engine.connect() as conn:
                todo = fuse.pending(conn)
            for sha in todo:
                with engine.begin() as conn:
                    fuse.fuse_article(conn, sha)
            err.print(f"fused {len(todo)} articles not fused before")
        with engine.connect() as conn:
            c = fuse.counts(conn)
    except DatabaseError as exc:
        _fail(str(exc))
    except DBAPIError as exc:
        _fail(str(exc.orig or exc).strip().splitlines()[0])
    out.print(f"{c['canonical']} canonical events from {c['tellings']} tellings; {c['multi']} told by several "
              f"articles, {c['conflicts']} with conflicting dates")


def register(app: typer.Typer) -> None:
    """Add `loader fuse` to the app."""
    app.command("fuse")(fuse_command)
