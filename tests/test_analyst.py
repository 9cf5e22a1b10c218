"""The analyst layer: commented views, saved queries (psql and `loader query` agree), bound
parameters, the read-only role, and timeline pictures.

psql runs in its own session and cannot see a test's uncommitted transaction, so the psql,
CLI and role tests share a committed database `loader_test_<pid>_analyst` (seeds plus one story
of known rows, written by `add_story`), dropped at the end of the module. Exact counts are
asserted only on the story's rows; seed-derived output is compared between the two runners.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import subprocess
import uuid
from pathlib import Path

import pytest
import typer
from sqlalchemy import Connection, create_engine, insert, make_url, select, text
from sqlalchemy.exc import ProgrammingError
from typer.testing import CliRunner

from loaders import db, fuse
from loaders.cli_analyst import register
from loaders.db import DatabaseError
from loaders.pipeline import load_paths
from loaders.query import QueryError, grant_analyst, list_queries, load_query, parse_query, run_query, write_csv
from loaders.timeline import collect
from models import Article, Entity, Event, EventParticipant, Mention, Segment

from .conftest import ROOT, SEEDS, TEST_DB, _drop_database, _fresh_database

ANALYST_DB = f"{TEST_DB}_analyst"  # per test session, as sessions may run at once
QUERY_FILES = sorted((ROOT / "queries").glob("*.sql"))
VIEWS = ["v_events", "v_timeline", "v_dyads", "v_entity_mentions", "v_mentions_daily", "v_cooccurrence",
         "v_unresolved_mentions"]
INJECTION = "x'; drop table events; --"

SENTENCES = [  # (segment kind, text); {a} and {b} are people, {c} a state
    ("title", "{a} and {b} meet again"),
    ("body", "{a} met {b} at the cosmodrome on 13 September 2023."),
    ("body", "{a} visited {c} in April 2019."),
    ("body", "{b} denied any agreement with {a} in 2024."),
    ("body", "{b} invited {a} to come back on 19 June 2024."),
    ("body", "{a} spoke."),
    ("body", "Ivan Testovich watched."),
    ("related", "Read also: {a} meets {b}."),
]
EVENTS = [  # (type, sentence, date_start, precision, modality, participants)
    ("meeting", 1, dt.date(2023, 9, 13), "day", "asserted", [("a", "source"), ("b", "target")]),
    ("visit", 2, dt.date(2019, 4, 1), "month", "asserted", [("a", "source"), ("c", "target")]),
    ("agreement", 3, dt.date(2024, 1, 1), "year", "negated", [("b", "other"), ("a", "other")]),
    ("invitation", 4, dt.date(2024, 6, 19), "day", "planned", [("b", "source"), ("a", "target")]),
    ("statement", 5, None, None, "asserted", [("a", "source")]),
    ("meeting", 7, dt.date(2023, 9, 13), "day", "asserted", [("a", "source"), ("b", "target")]),
]


def add_story(conn: Connection, names: dict[str, str], file_name: str) -> int:
    """One article about entities a, b (people) and c (a state) with known mentions and events, fused
    into canonical events as a loaded article is."""
    ids = dict(conn.execute(select(Entity.name, Entity.id).where(Entity.name.in_(names.values()))).all())
    texts = [t.format(**names) for _, t in SENTENCES]
    body = "\n".join(texts)
    article_id = conn.execute(insert(Article).values(
        source_path=f"/fixtures/{file_name}", file_name=file_name, content_sha256=hashlib.sha256(body.encode()).hexdigest(),
        title=texts[0], text=body, language="en", published_on=dt.date(2024, 6, 20), published_precision="day",
        published_origin="text", outlet="Analyst Test Wire", extractor_version="test",
    ).returning(Article.id)).scalar_one()
    segments, start = [], 0
    for order, ((kind, _), sentence) in enumerate(zip(SENTENCES, texts)):
        seg_id = conn.execute(insert(Segment).values(
            article_id=article_id, ord=order, kind=kind, language="en", start_char=start,
            end_char=start + len(sentence), text=sentence).returning(Segment.id)).scalar_one()
        segments.append((seg_id, start, sentence))
        for name in names.values():
            at = sentence.find(name)
            if at >= 0:
                conn.execute(insert(Mention).values(
                    article_id=article_id, segment_id=seg_id, entity_id=ids[name], surface=name,
                    start_char=start + at, end_char=start + at + len(name), kind="person", alias_kind="name",
                    method="rules", confidence=0.9))
        start += len(sentence) + 1
    seg_id, start, sentence = segments[6]
    conn.execute(insert(Mention).values(
        article_id=article_id, segment_id=seg_id, entity_id=None, surface="Ivan Testovich", start_char=start,
        end_char=start + 14, kind="person", alias_kind="ner", method="rules", confidence=0.6))
    for type_, s, start_date, precision, modality, parts in EVENTS:
        seg_id, start, sentence = segments[s]
        event_id = conn.execute(insert(Event).values(
            article_id=article_id, segment_id=seg_id, type=type_, date_start=start_date, date_precision=precision,
            modality=modality, negated=modality == "negated", trigger=type_, confidence=0.8, evidence=sentence,
            evidence_start=start, evidence_end=start + len(sentence), method="rules", extractor_version="test",
        ).returning(Event.id)).scalar_one()
        conn.execute(insert(EventParticipant), [
            {"event_id": event_id, "entity_id": ids[names[key]], "role": role} for key, role in parts])
    fuse.fuse_article(conn, hashlib.sha256(body.encode()).hexdigest())
    return article_id


# -- views, inside the test's rolled-back transaction ---------------------------------------------------------------

NAMES = {"a": "Analyst Test Alpha", "b": "Analyst Test Beta", "c": "Analyst Test Land"}


@pytest.fixture()
def story(conn) -> int:
    conn.execute(insert(Entity), [{"name": NAMES["a"], "kind": "person"}, {"name": NAMES["b"], "kind": "person"},
                                  {"name": NAMES["c"], "kind": "state"}])
    return add_story(conn, NAMES, "analyst_story.txt")


def _all(conn, sql: str, **params):
    return conn.execute(text(sql), params).all()


def test_every_view_and_column_is_commented(conn):
    views = dict(_all(conn, "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c "
                            "JOIN pg_namespace n ON n.oid = c.relnamespace "
                            "WHERE c.relkind = 'v' AND n.nspname = 'public'"))
    assert set(VIEWS) <= set(views)
    for view in VIEWS:
        assert views[view] and views[view].strip(), view
        cols = _all(conn, "SELECT attname, col_description(attrelid, attnum) FROM pg_attribute "
                          "WHERE attrelid = to_regclass(:v) AND attnum > 0 AND NOT attisdropped", v=view)
        assert cols
        assert not [name for name, comment in cols if not (comment or "").strip()], view


def test_events_views_keep_the_article_proper(conn, story):
    events = _all(conn, "SELECT type, date_label, modality, negated, source_names, target_names, participant_names "
                        "FROM v_events WHERE article_id = :a ORDER BY event_id", a=story)
    a, b, c = NAMES["a"], NAMES["b"], NAMES["c"]
    assert events == [
        ("meeting", "2023-09-13", "asserted", False, a, b, f"{a}; {b}"),
        ("visit", "2019-04", "asserted", False, a, c, f"{a}; {c}"),
        ("agreement", "2024", "negated", True, None, None, f"{a}; {b}"),
        ("invitation", "2024-06-19", "planned", False, b, a, f"{a}; {b}"),
        ("statement", None, "asserted", False, a, None, a),
    ]  # the meeting told in the "read also" block is not there
    timeline = _all(conn, "SELECT type, role, other_participants, sort_date FROM v_timeline "
                          "WHERE article_id = :a AND participant = :p ORDER BY sort_date, event_id", a=story, p=a)
    assert [r.type for r in timeline] == ["visit", "meeting", "agreement", "invitation", "statement"]
    assert timeline[-1].other_participants is None and timeline[-1].sort_date == dt.date(2024, 6, 20)
    dyads = _all(conn, "SELECT actor_a, actor_b, role_a, role_b, type FROM v_dyads WHERE article_id = :a", a=story)
    assert len(dyads) == 8
    assert (b, a, "source", "target", "invitation") in dyads and (a, b, "target", "source", "invitation") in dyads


def test_mention_views_count_by_section(conn, story):
    a, b, c = NAMES["a"], NAMES["b"], NAMES["c"]
    daily = _all(conn, "SELECT section, day, month, outlet, mention_count, article_count FROM v_mentions_daily "
                       "WHERE entity = :e ORDER BY section", e=a)
    assert daily == [("main", dt.date(2024, 6, 20), dt.date(2024, 6, 1), "Analyst Test Wire", 6, 1),
                     ("related", dt.date(2024, 6, 20), dt.date(2024, 6, 1), "Analyst Test Wire", 1, 1)]
    pairs = _all(conn, "SELECT entity_a, entity_b, section, sentence_count, article_count FROM v_cooccurrence "
                       "WHERE entity_a LIKE 'Analyst Test%' ORDER BY 1, 2, 3")
    assert pairs == [(a, b, "main", 4, 1), (a, b, "related", 1, 1), (a, c, "main", 1, 1), (b, c, "main", 0, 1)]
    unresolved = _all(conn, "SELECT surface, context, section FROM v_unresolved_mentions WHERE article_id = :a",
                      a=story)
    assert unresolved == [("Ivan Testovich", "Ivan Testovich watched.", "main")]


def test_timeline_draws_periods_and_skips_undated(conn, story):
    tl = collect(conn, NAMES["a"], tellings=True)
    assert tl.undated == 1
    assert tl.lanes == [NAMES["b"], NAMES["c"]]
    spans = {(p.type, p.start, p.end, p.modality) for p in tl.points}
    assert ("visit", dt.date(2019, 4, 1), dt.date(2019, 4, 30), "asserted") in spans
    assert ("agreement", dt.date(2024, 1, 1), dt.date(2024, 12, 31), "negated") in spans
    assert len(collect(conn, NAMES["a"], date_from=dt.date(2024, 1, 1)).points) == 2


# -- saved query files ---------------------------------------------------------------------------------------------

def test_query_headers_parse():
    queries = {q.name: q for q in list_queries()}
    assert set(queries) == {"actor_timeline", "dyad_timeline", "visits_to_country", "events_by_type_per_month",
                            "who_met_whom", "entity_first_last_mention", "articles_mentioning_actor",
                            "unresolved_mentions", "events_by_place"}
    for q in queries.values():
        assert q.title and len(q.description) > 40 and "\\" not in q.sql
    assert [(p.name, p.default) for p in queries["actor_timeline"].params] == [("actor", "Vladimir Putin"),
                                                                              ("tellings", "no")]
    assert [p.name for p in queries["visits_to_country"].params] == ["country", "from", "to"]
    assert [p.name for p in queries["dyad_timeline"].params] == ["actor", "other", "tellings"]


@pytest.mark.parametrize("body", [
    "SELECT * FROM v_events WHERE type = :kind;",
    'SELECT * FROM :"kind";',
    "SELECT * FROM v_events WHERE type = :{?kind};",
    "SELECT 1; DROP TABLE events;",
])
def test_parser_refuses_spliced_variables(tmp_path, body):
    path = tmp_path / "bad.sql"
    path.write_text("-- title: Bad\n-- description: splices a variable into the SQL\n-- params: kind (default 'visit')\n"
                    "\\if :{?kind}\n\\else\n  \\set kind 'visit'\n\\endif\n" + body + "\n")
    with pytest.raises(QueryError):
        parse_query(path)


def test_parser_keeps_colons_in_literals_and_casts(tmp_path):
    path = tmp_path / "ok.sql"
    path.write_text("-- title: Ok\n-- description: colons that are not variables\n-- params: d (default '2024-01-01')\n"
                    "\\if :{?d}\n\\else\n  \\set d '2024-01-01'\n\\endif\n"
                    "SELECT ':not_a_param' AS a, :'d'::date AS b; -- note: trailing\n")
    q = parse_query(path)
    assert q.sql.startswith("SELECT '\\:not_a_param' AS a, (:d)::date AS b")
    with pytest.raises(QueryError):
        q.bind({"nope": "1"})


# -- against a committed database: psql, the CLI, the role ---------------------------------------------------------

@pytest.fixture(scope="module")
def analyst_url(server_url, settings, extractor):
    url = _fresh_database(server_url, ANALYST_DB)
    engine = create_engine(url)
    assert load_paths(engine, [SEEDS], settings, extractor=extractor).new == 4
    with engine.begin() as c:
        add_story(c, {"a": "Kim Jong Un", "b": "Vladimir Putin", "c": "Russia"}, "analyst_story.txt")
    engine.dispose()
    yield url
    _drop_database(server_url, ANALYST_DB)


@pytest.fixture(scope="module")
def analyst_engine(analyst_url):
    engine = create_engine(analyst_url)
    yield engine
    engine.dispose()


def psql_csv(url: str, path: Path, **variables: str) -> str:
    args = [db.psql_path(), db.libpq_url(url), "-X", "-q", "--csv", "-v", "ON_ERROR_STOP=1", "-f", str(path)]
    for k, v in variables.items():
        args += ["-v", f"{k}={v}"]
    done = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def library_csv(engine, name: str, **values: str) -> str:
    buf = io.StringIO()
    with engine.connect() as c:
        write_csv(run_query(c, load_query(name), values), buf)
    return buf.getvalue()


@pytest.mark.parametrize("path", QUERY_FILES, ids=[p.stem for p in QUERY_FILES])
def test_saved_query_runs_in_psql_as_in_the_library(analyst_url, analyst_engine, path):
    q = parse_query(path)
    out = psql_csv(analyst_url, path)
    assert out.splitlines()[0].split(",")[0]
    assert out == library_csv(analyst_engine, q.name)
    values = {p.name: p.default for p in q.params}
    assert psql_csv(analyst_url, path, **values) == out  # the documented variables, given explicitly


@pytest.fixture(scope="module")
def cli():
    app = typer.Typer()
    db_app = typer.Typer()
    app.add_typer(db_app, name="db")
    register(app, db_app)
    return app


def test_cli_query_equals_psql(analyst_url, cli):
    result = CliRunner().invoke(cli, ["query", "actor_timeline", "--param", "actor=Kim Jong Un", "--format", "csv"],
                                env={"DATABASE_URL": analyst_url})
    assert result.exit_code == 0, result.output
    expected = psql_csv(analyst_url, ROOT / "queries/actor_timeline.sql", actor="Kim Jong Un")
    assert result.stdout == expected
    rows = psql_csv(analyst_url, ROOT / "queries/actor_timeline.sql", actor="Kim Jong Un", tellings="yes").splitlines()
    assert any(r.startswith("2023-09-13,meeting,source,Vladimir Putin") for r in rows)
    assert any(r.startswith("2024,agreement,other,Vladimir Putin,negated") for r in rows)


def test_cli_query_json_list_and_errors(analyst_url, cli, tmp_path):
    env = {"DATABASE_URL": analyst_url}
    result = CliRunner().invoke(cli, ["query", "dyad_timeline", "-p", "actor=Kim Jong Un", "-p", "other=Russia",
                                      "-p", "tellings=yes", "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    assert {"date": "2019-04", "type": "visit", "actor_role": "source", "other_role": "target", "modality": "asserted",
            "articles": 1, "evidence": "Kim Jong Un visited Russia in April 2019.",
            "file_name": "analyst_story.txt"} in json.loads(result.stdout)
    assert "who_met_whom" in CliRunner().invoke(cli, ["query", "--list"], env=env).stdout
    bad = CliRunner().invoke(cli, ["query", "actor_timeline", "-p", "colour=red"], env=env)
    assert bad.exit_code == 1 and "no parameter colour" in bad.output
    bad = CliRunner().invoke(cli, ["query", "visits_to_country", "-p", "from=not-a-date"], env=env)
    assert bad.exit_code == 1 and "visits_to_country" in bad.output


def test_parquet_output(analyst_url, cli, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "kim.parquet"
    result = CliRunner().invoke(cli, ["query", "actor_timeline", "-p", "actor=Kim Jong Un", "--out", str(out)],
                                env={"DATABASE_URL": analyst_url})
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert "evidence" in table.column_names and "Kim Jong Un spoke." in table.column("evidence").to_pylist()


def test_injection_is_only_a_value(analyst_url, analyst_engine):
    with analyst_engine.connect() as c:
        assert run_query(c, load_query("actor_timeline"), {"actor": INJECTION}).rows == []
    assert psql_csv(analyst_url, ROOT / "queries/actor_timeline.sql", actor=INJECTION).count("\n") == 1
    with analyst_engine.connect() as c:
        assert c.execute(text("SELECT to_regclass('events') IS NOT NULL")).scalar()
        assert c.execute(text("SELECT count(*) FROM events")).scalar() > 0


def test_analyst_role_reads_and_cannot_write(analyst_url, analyst_engine):
    role = f"analyst_{uuid.uuid4().hex[:8]}"
    with pytest.raises(DatabaseError):
        grant_analyst(analyst_engine, 'Robert"; drop table events; --')
    grant_analyst(analyst_engine, role, password="it's a secret")
    reader = create_engine(make_url(analyst_url).set(username=role, password=None))
    try:
        with reader.connect() as c:
            assert c.execute(text("SELECT current_user")).scalar() == role
            assert c.execute(text("SELECT count(*) FROM v_events")).scalar() > 0
            assert c.execute(text("SELECT count(*) FROM articles")).scalar() == 5
        for statement in ("INSERT INTO event_types (code, label, cameo) VALUES ('x', 'x', '000')",
                          "UPDATE articles SET title = 'x'", "DELETE FROM events"):
            with reader.connect() as c, pytest.raises(ProgrammingError, match="permission denied"):
                c.execute(text(statement))
        with pytest.raises(DatabaseError, match="already exists"):
            grant_analyst(analyst_engine, role)
    finally:
        reader.dispose()
        with analyst_engine.begin() as c:
            c.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')


def test_cli_grant_analyst_rejects_bad_names(analyst_url, cli):
    result = CliRunner().invoke(cli, ["db", "grant-analyst", "Robert'); DROP TABLE events"],
                                env={"DATABASE_URL": analyst_url})
    assert result.exit_code == 1 and "not a role name" in result.output


def test_timeline_png(analyst_url, cli, tmp_path):
    out = tmp_path / "t.png"
    result = CliRunner().invoke(cli, ["timeline", "--actor", "Kim Jong Un", "--out", str(out)],
                                env={"DATABASE_URL": analyst_url})
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def test_timeline_html_and_errors(analyst_url, cli, tmp_path):
    env = {"DATABASE_URL": analyst_url}
    out = tmp_path / "t.html"
    result = CliRunner().invoke(cli, ["timeline", "--actor", "Kim Jong Un", "--with", "Vladimir Putin",
                                      "--from", "2023-01-01", "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<") and ("<svg" in page or "plotly" in page) and "Vladimir Putin" in page
    missing = CliRunner().invoke(cli, ["timeline", "--actor", "Nobody At All", "--out", str(out)], env=env)
    assert missing.exit_code == 1 and "no dated events" in missing.output
    wrong = CliRunner().invoke(cli, ["timeline", "--actor", "Kim Jong Un", "--out", str(tmp_path / "t.gif")], env=env)
    assert wrong.exit_code == 1 and ".png or .html" in wrong.output
