"""Saved queries: the `queries/*.sql` files analysts run with psql, run from Python with bound parameters.

Adds one source of truth for both ways of running a question. A file opens with a
Datasette-style header (`-- title:`, `-- description:`, `-- params: name (default '...')`)
and a psql prelude that sets the defaults; here the header is parsed, the prelude dropped,
and every psql variable `:'name'` becomes a SQLAlchemy bound parameter. A variable used any
other way (`:name`, `:"name"`, which psql would splice into the SQL unquoted) is rejected
when the file is parsed, so a value can never become SQL. Results are written as a table,
CSV (PostgreSQL's text forms, as `psql --csv` prints them), JSON or Parquet. Also here:
`grant_analyst`, which makes a read-only login role for BI tools.
"""
from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from psycopg import ClientCursor, sql
from sqlalchemy import Connection, Engine, bindparam, text

from .db import DatabaseError

FORMATS = ("table", "csv", "json", "parquet")
ANALYST_GROUP = "loader_analyst"

_HEADER = re.compile(r"^--\s*(title|description|params):\s*(.*)$")
_CONTINUATION = re.compile(r"^--\s{2,}(\S.*)$")
_PARAM = re.compile(r"^([A-Za-z_]\w*)\s*\(default\s+'((?:[^']|'')*)'\)$")
_PRELUDE_SET = re.compile(r"^\\set\s+([A-Za-z_]\w*)\s+'((?:[^']|'')*)'$")
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class QueryError(ValueError):
    """A saved query file is malformed or was given bad parameters; the message is safe to show."""


@dataclass(frozen=True)
class Param:
    name: str
    default: str


@dataclass(frozen=True)
class SavedQuery:
    name: str
    path: Path
    title: str
    description: str
    params: tuple[Param, ...]
    sql: str  # SQLAlchemy text: `:name` bound parameters, literal colons escaped

    def bind(self, values: dict[str, str] | None = None) -> dict[str, str]:
        """Parameter values: the defaults overridden by `values`; unknown names are an error."""
        values = values or {}
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown:
            raise QueryError(f"{self.name} has no parameter {', '.join(unknown)}; "
                             f"it takes {', '.join(sorted(known)) or 'none'}")
        return {p.name: values.get(p.name, p.default) for p in self.params}


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple]


def _split_params(spec: str, path: Path) -> tuple[Param, ...]:
    if spec.strip().lower() in ("", "none"):
        return ()
    params = []
    for part in re.split(r",\s*(?=[A-Za-z_]\w*\s*\(default)", spec.strip()):
        m = _PARAM.match(part.strip())
        if not m:
            raise QueryError(f"{path.name}: cannot read parameter {part.strip()!r}; write name (default 'value')")
        params.append(Param(m[1], m[2].replace("''", "'")))
    return tuple(params)


def _convert(body: str, path: Path) -> tuple[str, set[str]]:
    """psql SQL → SQLAlchemy text: `:'name'` → `(:name)`; any other variable use is refused."""
    out: list[str] = []
    used: set[str] = set()
    i, n = 0, len(body)
    while i < n:
        ch = body[i]
        if ch == "-" and body.startswith("--", i):
            end = body.find("\n", i)
            end = n if end < 0 else end
            out.append(body[i:end].replace(":", "\\:"))
            i = end
        elif ch in "'\"":
            end = i + 1
            while end < n and (body[end] != ch or body.startswith(ch * 2, end)):
                end += 2 if body.startswith(ch * 2, end) else 1
            out.append(body[i:end + 1].replace(":", "\\:"))
            i = end + 1
        elif ch == ":" and body.startswith("::", i):
            out.append("::")
            i += 2
        elif ch == ":":
            m = re.match(r":'([A-Za-z_]\w*)'", body[i:])
            if not m:
                raise QueryError(f"{path.name}: psql variable used unquoted or as an identifier near "
                                 f"{body[i:i + 20]!r}; only :'name' (a quoted value) is allowed")
            used.add(m[1])
            out.append(f"(:{m[1]})")  # parenthesised: a cast may follow, and `:name::type` is no bind
            i += m.end()
        elif ch == ";":
            if re.sub(r"--[^\n]*", "", body[i + 1:]).strip():
                raise QueryError(f"{path.name}: a saved query holds exactly one statement")
            i = n
        else:
            out.append(ch)
            i += 1
    return "".join(out).strip(), used


def parse_query(path: Path) -> SavedQuery:
    """Read a saved query file: header, prelude defaults (which must agree), SQL."""
    header: dict[str, str] = {}
    prelude: dict[str, str] = {}
    body: list[str] = []
    key = None
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not body and (m := _HEADER.match(stripped)):
            key = m[1]
            header[key] = m[2].strip()
        elif not body and key and (m := _CONTINUATION.match(line)):
            header[key] += " " + m[1].strip()
        elif stripped.startswith("\\"):
            if m := _PRELUDE_SET.match(stripped):
                prelude[m[1]] = m[2].replace("''", "'")
            elif not re.match(r"^\\(if :\{\?[A-Za-z_]\w*\}|else|endif)$", stripped):
                raise QueryError(f"{path.name}: unsupported psql command {stripped!r}")
            key = None
        else:
            key = None
            if body or stripped:
                body.append(line)
    missing = [k for k in ("title", "description", "params") if k not in header or (k != "params" and not header[k])]
    if missing:
        raise QueryError(f"{path.name}: header lacks {', '.join(missing)}")
    params = _split_params(header["params"], path)
    declared = {p.name: p.default for p in params}
    if prelude != declared:
        raise QueryError(f"{path.name}: the \\set defaults {prelude} differ from the header's params {declared}")
    converted, used = _convert("\n".join(body), path)
    if used != set(declared):
        raise QueryError(f"{path.name}: the variables used ({', '.join(sorted(used)) or 'none'}) differ from "
                         f"the header's params ({', '.join(declared) or 'none'})")
    return SavedQuery(path.stem, path, header["title"], header["description"], params, converted)


def queries_folder() -> Path:
    """queries/ beside the source tree (a checkout), else in the working directory (/app in the image)."""
    beside = Path(__file__).resolve().parent.parent / "queries"
    return beside if beside.is_dir() else Path.cwd() / "queries"


def list_queries(folder: Path | None = None) -> list[SavedQuery]:
    return [parse_query(p) for p in sorted((folder or queries_folder()).glob("*.sql"))]


def load_query(name: str, folder: Path | None = None) -> SavedQuery:
    """A saved query by name (`actor_timeline`) or by the path of any .sql file."""
    path = Path(name)
    if path.suffix == ".sql" and path.is_file():
        return parse_query(path)
    folder = folder or queries_folder()
    path = folder / f"{name}.sql"
    if not re.fullmatch(r"\w+", name) or not path.is_file():
        known = ", ".join(q.name for q in list_queries(folder))
        raise QueryError(f"no saved query {name!r}; known: {known}")
    return parse_query(path)


def run_query(conn: Connection, query: SavedQuery, values: dict[str, str] | None = None) -> QueryResult:
    params = query.bind(values)
    stmt = text(query.sql).bindparams(*(bindparam(k) for k in params))
    result = conn.execute(stmt, params)
    return QueryResult(list(result.keys()), [tuple(r) for r in result])


def pg_text(value: Any) -> str:
    """A value as PostgreSQL prints it in text form (what `psql --csv` shows)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def write_csv(result: QueryResult, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([pg_text(v) for v in row] for row in result.rows)


def write_json(result: QueryResult, out: TextIO) -> None:
    rows = [{c: _json_value(v) for c, v in zip(result.columns, row)} for row in result.rows]
    json.dump(rows, out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_parquet(result: QueryResult, path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise QueryError("parquet output needs pyarrow: pip install pyarrow (or the loader's [parquet] extra)") from exc
    columns = {c: [_json_value(row[i]) if isinstance(row[i], decimal.Decimal) else row[i] for row in result.rows]
               for i, c in enumerate(result.columns)}
    pq.write_table(pa.table(columns), path)


def grant_analyst(engine: Engine, name: str, password: str | None = None) -> None:
    """Create a LOGIN role that is a member of the read-only group `loader_analyst`."""
    if not _ROLE_NAME.match(name) or name.startswith("pg_"):
        raise DatabaseError(f"{name!r} is not a role name: use lower-case letters, digits and _ (at most 63), "
                            "not starting with a digit or pg_")
    with engine.begin() as conn:
        exists = text("SELECT rolname FROM pg_roles WHERE rolname = :name")
        if not conn.execute(exists, {"name": ANALYST_GROUP}).first():
            raise DatabaseError(f"role {ANALYST_GROUP} is missing; run `loader db upgrade` as a user with CREATEROLE")
        if conn.execute(exists, {"name": name}).first():
            raise DatabaseError(f"role {name} already exists; choose another name")
        statement = sql.SQL("CREATE ROLE {} LOGIN {} IN ROLE {}").format(
            sql.Identifier(name), sql.SQL("PASSWORD %s") if password is not None else sql.SQL(""),
            sql.Identifier(ANALYST_GROUP))
        # CREATE ROLE takes no server-side parameters: a client-side cursor binds the password, quoted by libpq.
        with ClientCursor(conn.connection.driver_connection) as cur:
            cur.execute(statement, [password] if password is not None else None)
