"""Timeline benchmark: actor and dyad timelines on synthetic events written with COPY.

Adds to the benchmark the question dashboards ask all day (an actor's or a pair's events by
date, and one month's count) at two table sizes, with the EXPLAIN (ANALYZE, BUFFERS) plans.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import random
import statistics
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from .common import PREFIX, Server, log, pg, seed_entities

QUERIES = {
    "actor_page": """
        SELECT e.id, e.date_start, e.type, p.role
        FROM event_participants p JOIN events e ON e.id = p.event_id
        WHERE p.entity_id = %(a)s::bigint AND p.date_start IS NOT NULL
        ORDER BY p.date_start DESC, p.event_id DESC LIMIT 100""",
    "actor_month_count": """
        SELECT count(*) FROM event_participants p
        WHERE p.entity_id = %(a)s::bigint AND p.date_start >= %(m0)s AND p.date_start < %(m1)s""",
    "dyad_page": """
        SELECT e.id, e.date_start, e.type
        FROM event_dyads d JOIN events e ON e.id = d.event_id
        WHERE d.entity_a = %(a)s::bigint AND d.entity_b = %(b)s::bigint AND d.date_start IS NOT NULL
        ORDER BY d.date_start DESC, d.event_id DESC LIMIT 100""",
    "dyad_month_count": """
        SELECT count(*) FROM event_dyads d
        WHERE d.entity_a = %(a)s::bigint AND d.entity_b = %(b)s::bigint
          AND d.date_start >= %(m0)s AND d.date_start < %(m1)s""",
}
EVENTS_PER_ARTICLE = 50
DAY0, DAYS = dt.date(2016, 1, 1), 3000


def _copy_text(cur, sql: str, lines) -> None:
    with cur.copy(sql) as cp:
        buf = io.StringIO()
        for k, line in enumerate(lines, 1):
            buf.write(line)
            if k % 50_000 == 0:
                cp.write(buf.getvalue())
                buf = io.StringIO()
        cp.write(buf.getvalue())


def make_events_db(server: Server, n_events: int, seed: int = 1) -> tuple[str, dict]:
    """A database with n_events synthetic events (2 participants each) written by COPY, then ANALYZEd."""
    from loaders.registry import load_registry

    name = f"{PREFIX}events_{n_events}"
    url = server.fresh(name)
    seed_entities(url, load_registry())
    eng = create_engine(url)
    with eng.begin() as conn:
        ents = conn.execute(text("SELECT id FROM entities WHERE kind IN ('state', 'person') ORDER BY id")).scalars().all()
        types = conn.execute(text("SELECT code FROM event_types ORDER BY code")).scalars().all()
    eng.dispose()
    r = random.Random(seed)
    actors = ents[:]
    r.shuffle(actors)
    weights = [1.0 / (k + 1) ** 0.8 for k in range(len(actors))]  # a few actors are in most events
    cum, acc = [], 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    n_articles = max(1, -(-n_events // EVENTS_PER_ARTICLE))
    src = r.choices(actors, cum_weights=cum, k=n_events)
    tgt = r.choices(actors, cum_weights=cum, k=n_events)
    with pg(url) as c, c.cursor() as cur:
        _copy_text(cur, "COPY articles (id, source_path, file_name, content_sha256, text, extractor_version) FROM STDIN",
                   (f"{i}\tbench/{i}.txt\t{i}.txt\t{hashlib.sha256(str(i).encode()).hexdigest()}\tمقال {i}\tbench\n"
                    for i in range(1, n_articles + 1)))
        _copy_text(cur, "COPY segments (id, article_id, ord, kind, language, start_char, end_char, text) FROM STDIN",
                   (f"{i}\t{i}\t0\tbody\tar\t0\t5\tمقال\n" for i in range(1, n_articles + 1)))

        days = [None if r.random() < 0.05 else DAY0 + dt.timedelta(days=r.randrange(DAYS)) for _ in range(n_events)]
        day_text = ["\\N" if d is None else str(d) for d in days]

        def events():
            for i in range(1, n_events + 1):
                a = (i - 1) // EVENTS_PER_ARTICLE + 1
                date = "\\N\t\\N\t\\N" if days[i - 1] is None else f"{days[i - 1]}\tday\tx"
                yield (f"{i}\t{a}\t{a}\t{types[i % len(types)]}\t{date}\tasserted\tf\tزيارة\t0.8\tزيارة\t0\t5\trules\tbench\n")

        _copy_text(cur, "COPY events (id, article_id, segment_id, type, date_start, date_precision, date_text, modality, "
                        "negated, trigger, confidence, evidence, evidence_start, evidence_end, method, extractor_version) "
                        "FROM STDIN", events())

        def parts():
            k = 0
            for i in range(n_events):
                s, t_ = src[i], tgt[i]
                k += 1
                yield f"{k}\t{i + 1}\t{s}\tsource\t{day_text[i]}\n"
                if t_ != s:
                    k += 1
                    yield f"{k}\t{i + 1}\t{t_}\ttarget\t{day_text[i]}\n"

        def dyads():
            for i in range(n_events):
                s, t_ = src[i], tgt[i]
                if t_ != s:
                    yield f"{s}\t{t_}\t{i + 1}\t{day_text[i]}\n"
                    yield f"{t_}\t{s}\t{i + 1}\t{day_text[i]}\n"

        _copy_text(cur, "COPY event_participants (id, event_id, entity_id, role, date_start) FROM STDIN", parts())
        _copy_text(cur, "COPY event_dyads (entity_a, entity_b, event_id, date_start) FROM STDIN", dyads())
        for tname in ("articles", "segments", "events", "event_participants"):
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{tname}', 'id'), (SELECT max(id) FROM {tname}))")
        c.commit()
        c.autocommit = True
        cur.execute("VACUUM (ANALYZE)")  # the steady state autovacuum keeps: statistics and a visibility map
    # the two most frequent actors make the dyad
    counts: dict[int, int] = {}
    for x in src + tgt:
        counts[x] = counts.get(x, 0) + 1
    top = sorted(counts, key=counts.get, reverse=True)
    return url, {"a": top[0], "b": top[1]}


def time_query(conn, sql: str, params: dict, repeat: int = 7) -> float:
    conn.execute(sql, params).fetchall()  # warm
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        conn.execute(sql, params).fetchall()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def bench_timelines(server: Server, sizes: list[int], plans_dir: Path, keep: bool = False) -> dict:
    plans_dir.mkdir(parents=True, exist_ok=True)
    month = {"m0": dt.date(2020, 3, 1), "m1": dt.date(2020, 4, 1)}
    out: dict[str, dict] = {q: {} for q in QUERIES}
    actors = None
    for n in sizes:
        t = time.perf_counter()
        url, top = make_events_db(server, n)
        log(f"  {n} events generated in {time.perf_counter() - t:.1f} s")
        actors = actors or top  # the same actors at every size
        params = {**actors, **month}
        with pg(url) as c:
            c.autocommit = True
            for q, sql in QUERIES.items():
                ms = time_query(c, sql, params)
                rows = c.execute(sql, params).fetchall()
                plan = "\n".join(r[0] for r in c.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params).fetchall())
                (plans_dir / f"{q}_{n}.txt").write_text(
                    f"-- {q} at {n} events, params {params}\n{sql.strip()}\n\n{plan}\n", encoding="utf-8")
                result = rows[0][0] if q.endswith("count") else len(rows)
                out[q][str(n)] = {"ms": ms, "result": result}
        if not keep:
            server.drop(f"{PREFIX}events_{n}")
    small, large = str(sizes[0]), str(sizes[-1])
    for q in out:
        out[q]["ratio"] = out[q][large]["ms"] / out[q][small]["ms"]
    return out
