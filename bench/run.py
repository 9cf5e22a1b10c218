"""The benchmark suite: `python -m bench.run [--quick] [--json out.json]`.

Measured in one run, against fresh databases `loader_bench_*` created on the embedded
server (LOADER_HOME, default /tmp/loader-bench) or on DATABASE_URL's server:

  extraction        articles/s of `Extractor.extract` alone, one process
  end-to-end        `load_paths` into a fresh database at two sizes N and 10N, each in its own
                    subprocess: articles/s, the share of time spent extracting, peak RSS
                    (getrusage of that child), the time spent fusing tellings into canonical
                    events, and a reload of the unchanged corpus
  storage           `store_article` over a batch of extractions vs `COPY` of exactly the same
                    rows (read back from the first database) vs one-row-at-a-time ORM inserts
  timelines         actor and dyad timelines (first page of 100 by date, one month's count)
                    at two event counts, generated with COPY; EXPLAIN (ANALYZE, BUFFERS) plans
                    are saved to bench/out/plans/
  workers           `--workers N` parallel load (extraction in N processes) vs one process, same corpus

An end-to-end size whose estimated time (from the measured extraction rate) exceeds the
budget is not run; the figure says so and why.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from loaders.db import database_url
from loaders.settings import Settings

from .common import OUT, PREFIX, ROOT, Server, log, pg, seed_entities
from .corpus import Generator, write_corpus
from .nlp import bench_stanza
from .timelines import bench_timelines

TABLES = ["articles", "segments", "mentions", "events", "event_participants", "event_dyads", "event_evidence"]

PROFILES = {
    #          extraction  e2e sizes      storage  naive   event counts             e2e budget (s)
    "full":  dict(extract=80, e2e=[1000, 10000], storage=500, naive=30, events=[10_000, 1_000_000], budget=540),
    "quick": dict(extract=40, e2e=[200, 1000], storage=200, naive=20, events=[10_000, 200_000], budget=240),
    "smoke": dict(extract=4, e2e=[2, 20], storage=10, naive=3, events=[500, 5_000], budget=600),
}

# Every figure a run reports (the smoke test checks they are all there).
FIGURE_KEYS = [
    "extract_articles_per_s",
    "e2e_small_articles_per_s", "e2e_large_articles_per_s", "e2e_extract_share",
    "store_rows_per_s", "copy_rows_per_s", "store_vs_copy_ratio", "naive_rows_per_s", "store_vs_naive_speedup",
    "reload_speedup",
    "peak_rss_small_mb", "peak_rss_large_mb", "peak_rss_ratio",
    "timeline_ratios", "workers", "stanza", "fuse_overhead",
]


# ---------------------------------------------------------------------------- extraction
class TimedExtractor:
    """Wraps an Extractor, adding up the time spent in extract()."""

    def __init__(self, inner):
        self.inner = inner
        self.seconds = 0.0

    def __getattr__(self, name):  # registry, backend, ... as the wrapped extractor has them
        return getattr(self.inner, name)

    def extract(self, article):
        t = time.perf_counter()
        try:
            return self.inner.extract(article)
        finally:
            self.seconds += time.perf_counter() - t


def bench_extraction(folder: Path, n: int, extractor) -> tuple[float, list]:
    from loaders.read import read_article

    paths = sorted(folder.glob("*.txt"))[:n]
    articles = [read_article(p, 5 * 1024 * 1024, {}) for p in paths]
    t = time.perf_counter()
    out = [extractor.extract(a) for a in articles]
    return len(articles) / (time.perf_counter() - t), out


def stanza_models() -> Path:
    """The models the loader would use, else the tiny test models if they were built."""
    from loaders.extract.nlp.stanza_backend import available, models_dir

    where = models_dir()
    tiny = ROOT.parent / "tests" / ".models" / "stanza"
    return where if available(where, "ar") or not tiny.exists() else tiny


# ---------------------------------------------------------------------------- end to end (child)
def timed_fusion() -> dict[str, float]:
    """Add up the time the load spends fusing: before storing an article, and while storing it."""
    from loaders import fuse

    spent = {"s": 0.0}
    for owner, name in ((fuse, "prepare"), (fuse.Prepared, "columns")):
        inner = getattr(owner, name)

        def timed(*args, _inner=inner, **kw):
            t = time.perf_counter()
            try:
                return _inner(*args, **kw)
            finally:
                spent["s"] += time.perf_counter() - t
        setattr(owner, name, timed)
    return spent


def child_load(url: str, folder: str, workers: str = "1") -> dict:
    """Run in a subprocess: load `folder` into `url`, then load it again unchanged."""
    from loaders import fuse
    from loaders.pipeline import Extractor, load_paths

    settings = Settings.from_env()
    eng = create_engine(url)
    t0 = time.perf_counter()
    ex = TimedExtractor(Extractor())
    init_s = time.perf_counter() - t0
    fusing = timed_fusion()
    t = time.perf_counter()
    first = load_paths(eng, [folder], settings, extractor=ex, workers=int(workers))
    load_s = time.perf_counter() - t
    fuse_s = fusing["s"]
    t = time.perf_counter()
    again = load_paths(eng, [folder], settings, extractor=ex, workers=int(workers))
    reload_s = time.perf_counter() - t
    with eng.connect() as conn:
        fused = fuse.counts(conn)
    eng.dispose()
    return {"init_s": init_s, "load_s": load_s, "extract_s": ex.seconds, "new": first.new, "failed": first.failed,
            "events": first.events, "reload_s": reload_s, "reload_new": again.new, "reload_skipped": again.skipped,
            "fuse_s": fuse_s, "fuse_overhead": fuse_s / (load_s - fuse_s), "canonical": fused}


def run_child(server: Server, size: int, folder: Path, workers: int = 1) -> dict:
    name = f"{PREFIX}e2e_{size}" + (f"_w{workers}" if workers > 1 else "")
    url = server.fresh(name)
    proc = subprocess.Popen([sys.executable, "-m", "bench.run", "--child-load", url, str(folder), str(workers)],
                            stdout=subprocess.PIPE, cwd=ROOT.parent)
    out = proc.stdout.read()
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"end-to-end load of {size} articles failed ({proc.returncode})")
    res = json.loads(out)
    res["peak_rss_mb"] = usage.ru_maxrss / 1024  # Linux: kilobytes
    res["articles_per_s"] = res["new"] / res["load_s"] if res["load_s"] else None
    return res


# ---------------------------------------------------------------------------- storage path
def copies(extractions: list, n: int) -> list:
    """n distinct extractions, cycling through the given ones with a new hash and path each."""
    out = []
    for k in range(n):
        base = extractions[k % len(extractions)]
        art = dataclasses.replace(base.article, sha256=hashlib.sha256(f"{k}:{base.article.sha256}".encode()).hexdigest(),
                                  path=f"{base.article.path}#{k}", file_name=f"{k}_{base.article.file_name}")
        out.append(dataclasses.replace(base, article=art))
    return out


def _columns(conn, table: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s AND is_generated = 'NEVER' "
        "ORDER BY ordinal_position", (table,)).fetchall()]


def bench_storage(server: Server, extractions: list, n: int, naive_n: int, registry=None) -> dict:
    from loaders.pipeline import transaction
    from loaders.registry import load_registry
    from loaders.store import start_run, store_article

    batch = copies(extractions, n)
    base = f"{PREFIX}store"
    url = server.fresh(base)
    cache = seed_entities(url, registry or load_registry())
    eng = create_engine(url)
    with eng.begin() as conn:
        run_id = start_run(conn, ["bench"], "rules")
    eng.dispose()
    copy_url = server.fresh(f"{PREFIX}copy", template=base)
    orm_url = server.fresh(f"{PREFIX}orm", template=base)
    one_url = server.fresh(f"{PREFIX}onetx", template=base)

    # 1. the loader's writes, one transaction per article as load_paths does
    eng = create_engine(url)
    t = time.perf_counter()
    for ex in batch:
        with transaction(eng) as conn:
            store_article(conn, ex, cache, run_id)
    store_s = time.perf_counter() - t
    eng.dispose()

    # 1b. the same calls in a single transaction: what the per-article commits cost
    eng = create_engine(one_url)
    t = time.perf_counter()
    with eng.begin() as conn:
        for ex in batch:
            store_article(conn, ex, cache, run_id)
    one_tx_s = time.perf_counter() - t
    eng.dispose()

    # the very rows it wrote, read back
    rows: dict[str, tuple[list[str], list[tuple]]] = {}
    with pg(url) as c:
        for tname in TABLES:
            cols = _columns(c, tname)
            order = "id" if "id" in cols else "event_id, entity_a, entity_b"
            rows[tname] = (cols, c.execute(f"SELECT {', '.join(cols)} FROM {tname} ORDER BY {order}").fetchall())
    total = sum(len(r) for _, r in rows.values())

    # 2. COPY of the same rows into the same tables of a fresh database
    with pg(copy_url) as c:
        t = time.perf_counter()
        with c.cursor() as cur:
            for tname in TABLES:
                cols, data = rows[tname]
                with cur.copy(f"COPY {tname} ({', '.join(cols)}) FROM STDIN") as cp:
                    for r in data:
                        cp.write_row(r)
        c.commit()
        copy_s = time.perf_counter() - t
        copied = sum(c.execute(f"SELECT count(*) FROM {tname}").fetchone()[0] for tname in TABLES)
    assert copied == total, (copied, total)

    # 3. naive ORM: Session.add + flush per row, for the first naive_n articles
    naive_rows, naive_s = bench_naive(orm_url, rows, naive_n)
    for name in (base, f"{PREFIX}copy", f"{PREFIX}orm", f"{PREFIX}onetx"):
        server.drop(name)
    store_rps, copy_rps, naive_rps = total / store_s, total / copy_s, naive_rows / naive_s
    return {"articles": n, "rows": total, "rows_by_table": {k: len(v[1]) for k, v in rows.items()},
            "store_s": store_s, "copy_s": copy_s, "store_rows_per_s": store_rps, "copy_rows_per_s": copy_rps,
            "store_vs_copy_ratio": store_rps / copy_rps,
            "store_one_tx_s": one_tx_s, "store_one_tx_rows_per_s": total / one_tx_s, "naive_articles": naive_n, "naive_rows": naive_rows,
            "naive_s": naive_s, "naive_rows_per_s": naive_rps, "store_vs_naive_speedup": store_rps / naive_rps}


def bench_naive(url: str, rows: dict, naive_n: int) -> tuple[int, float]:
    from sqlalchemy.orm import Session

    import models

    classes = {"articles": models.Article, "segments": models.Segment, "mentions": models.Mention,
               "events": models.Event, "event_participants": models.EventParticipant,
               "event_dyads": models.EventDyad, "event_evidence": models.EventEvidence}
    fks = {"article_id": "articles", "segment_id": "segments", "event_id": "events", "mention_id": "mentions"}
    keep_articles = {r[0] for r in rows["articles"][1][:naive_n]}
    # each table's rows of those articles, in the order the loader writes them
    wanted: dict[str, list[dict]] = {}
    event_ids: set[int] = set()
    for tname in TABLES:
        cols, data = rows[tname]
        dicts = [dict(zip(cols, r)) for r in data]
        if "article_id" in cols:
            dicts = [d for d in dicts if d["article_id"] in keep_articles]
        elif tname == "articles":
            dicts = [d for d in dicts if d["id"] in keep_articles]
        else:
            dicts = [d for d in dicts if d["event_id"] in event_ids]
        if tname == "events":
            event_ids = {d["id"] for d in dicts}
        wanted[tname] = dicts
    eng = create_engine(url)
    new_id: dict[tuple[str, int], int] = {}
    n = 0
    t = time.perf_counter()
    with Session(eng) as s:
        for tname in TABLES:
            cls = classes[tname]
            for d in wanted[tname]:
                old = d.pop("id", None)
                d.pop("loaded_at", None)
                for k, ref in fks.items():
                    if d.get(k) is not None:
                        d[k] = new_id[(ref, d[k])]
                obj = cls(**d)
                s.add(obj)
                s.flush()
                if old is not None:
                    new_id[(tname, old)] = obj.id
                n += 1
        s.commit()
    elapsed = time.perf_counter() - t
    eng.dispose()
    return n, elapsed


# ---------------------------------------------------------------------------- main
def run(profile: str, home: Path, sizes: list[int] | None = None, events: list[int] | None = None,
        budget: float | None = None, keep: bool = False, seed: int = 1, plans_dir: Path | None = None,
        server_url: str | None = None, workers: int = 2) -> dict:
    cfg = dict(PROFILES[profile])
    if sizes:
        cfg["e2e"] = sizes
    if events:
        cfg["events"] = events
    if budget is not None:
        cfg["budget"] = budget
    settings = dataclasses.replace(Settings.from_env(), home=home)
    server = Server(server_url or database_url(settings))  # children are given their database's URL
    started = time.perf_counter()
    res: dict = {"profile": profile, "config": cfg, "started": time.strftime("%Y-%m-%d %H:%M:%S"),
                 "cpus": os.cpu_count(), "loadavg_start": os.getloadavg(), "python": sys.version.split()[0]}
    with server.admin.connect() as c:
        res["postgres"] = c.execute(text("SHOW server_version")).scalar()
    corpus = home / "corpus"
    gen = Generator(seed)

    log(f"extraction: {cfg['extract']} articles")
    from loaders.pipeline import Extractor

    ext_dir = corpus / f"extract_{cfg['extract']}"
    shutil.rmtree(ext_dir, ignore_errors=True)
    write_corpus(ext_dir, cfg["extract"], generator=gen)
    extractor = Extractor()
    rate, extractions = bench_extraction(ext_dir, cfg["extract"], extractor)
    res["extract_articles_per_s"] = rate
    log(f"  {rate:.2f} articles/s")

    log(f"storage: {cfg['storage']} articles (naive ORM: {cfg['naive']})")
    st = bench_storage(server, extractions, cfg["storage"], cfg["naive"], extractor.registry)
    res["storage"] = st
    for k in ("store_rows_per_s", "copy_rows_per_s", "store_vs_copy_ratio", "naive_rows_per_s", "store_vs_naive_speedup"):
        res[k] = st[k]
    log(f"  store {st['store_rows_per_s']:.0f} rows/s, COPY {st['copy_rows_per_s']:.0f}, naive {st['naive_rows_per_s']:.0f}")

    res["e2e"] = {}
    small, large = cfg["e2e"]
    # a load costs its extraction plus about a minute of fixed work (registry sync, migrations, start-up)
    estimate = (small + large) / rate * 1.15 + 90
    while estimate > cfg["budget"] and small > 1:
        why = (f"estimated {estimate:.0f} s for {small} + {large} articles at the measured {rate:.2f} articles/s "
               f"exceeds the budget of {cfg['budget']:.0f} s")
        for n in (small, large):
            res["e2e"].setdefault(str(n), {"skipped": why})
        log(f"end-to-end {small}/{large}: skipped ({why})")
        small, large = max(1, small // 10), small  # still measure N vs 10N, one size down
        estimate = (small + large) / rate * 1.15 + 90
    for n in (small, large):
        folder = corpus / f"e2e_{n}"
        shutil.rmtree(folder, ignore_errors=True)
        write_corpus(folder, n, generator=gen)
        log(f"end-to-end: {n} articles")
        r = run_child(server, n, folder)
        r["reload_speedup"] = r["load_s"] / r["reload_s"]
        r["extract_share"] = r["extract_s"] / r["load_s"]
        res["e2e"][str(n)] = r
        log(f"  {r['articles_per_s']:.2f} articles/s, reload {r['reload_s']:.2f} s, peak RSS {r['peak_rss_mb']:.0f} MB")
        if not keep:
            server.drop(f"{PREFIX}e2e_{n}")
            shutil.rmtree(folder, ignore_errors=True)
    s, l_ = res["e2e"][str(small)], res["e2e"][str(large)]
    res["e2e_sizes_measured"] = [small, large]
    res["e2e_small_articles_per_s"] = s["articles_per_s"]
    res["e2e_large_articles_per_s"] = l_["articles_per_s"]
    res["e2e_extract_share"] = l_["extract_share"]
    res["reload_speedup"] = l_["reload_speedup"]
    res["peak_rss_small_mb"] = s["peak_rss_mb"]
    res["peak_rss_large_mb"] = l_["peak_rss_mb"]
    res["peak_rss_ratio"] = l_["peak_rss_mb"] / s["peak_rss_mb"]
    res["fuse_overhead"] = l_["fuse_overhead"]

    log(f"timelines: {cfg['events']} events")
    res["timelines"] = bench_timelines(server, cfg["events"], plans_dir or OUT / "plans", keep)
    res["timeline_ratios"] = {q: v["ratio"] for q, v in res["timelines"].items()}

    folder = corpus / f"workers_{small}"
    shutil.rmtree(folder, ignore_errors=True)
    write_corpus(folder, small, generator=gen)
    log(f"parallel load: {small} articles, 1 vs {workers} worker processes")
    one, many = run_child(server, small, folder, 1), run_child(server, small, folder, workers)
    res["workers"] = {"workers": workers, "articles": small, "one_s": one["load_s"], "many_s": many["load_s"],
                      "speedup": one["load_s"] / many["load_s"], "new": [one["new"], many["new"]]}
    log(f"  {one['load_s']:.1f} s vs {many['load_s']:.1f} s: {res['workers']['speedup']:.2f}x")
    if not keep:
        shutil.rmtree(folder, ignore_errors=True)
    # last: importing torch makes every later child start from a copy of a large process, which
    # the children's peak RSS would then count
    log("stanza backend: next to the rules and to a bare stanza Pipeline")
    res["stanza"] = bench_stanza([e.article for e in extractions], stanza_models())
    log(f"  {res['stanza']}")
    res["loadavg_end"] = os.getloadavg()
    res["elapsed_s"] = time.perf_counter() - started
    if not keep:
        server.drop_all()
    server.admin.dispose()
    return res


def table(res: dict) -> str:
    def f(x, unit=""):
        return "—" if x is None else (f"{x:,.2f}{unit}" if isinstance(x, float) else f"{x}{unit}")

    small, large = res["e2e_sizes_measured"]
    st = res["storage"]
    l_ = res["e2e"][str(large)]
    rows = [
        ("extraction only, one process", f(res["extract_articles_per_s"], " articles/s"), ""),
        (f"end-to-end load, {small} articles", f(res["e2e_small_articles_per_s"], " articles/s"), ""),
        (f"end-to-end load, {large} articles", f(res["e2e_large_articles_per_s"], " articles/s"),
         f"extraction {res['e2e_extract_share'] * 100:.0f}% of the time"),
    ]
    nlp = res["stanza"]
    if "skipped" in nlp:
        rows.append(("stanza backend", "not measured", nlp["skipped"]))
    else:
        rows.append((f"stanza backend vs rules, {nlp['articles']} articles",
                     f"{nlp['stanza_ms']:.1f} / {nlp['rules_ms']:.1f} ms", f"per article; models {nlp['models']}"))
        rows.append(("loader with stanza vs bare stanza Pipeline", f"{nlp['overhead_ratio']:.2f}×",
                     f"{nlp['stanza_ms']:.1f} vs {nlp['bare_stanza_ms']:.1f} ms an article (goal ≤ 1.15 with real models)"))
    for n, v in res["e2e"].items():
        if "skipped" in v:
            rows.append((f"end-to-end load, {n} articles", "not run", v["skipped"]))
    rows += [
        (f"store_article, {st['articles']} articles ({st['rows']} rows)", f(st["store_rows_per_s"], " rows/s"), ""),
        ("store_article, the same batch in one transaction", f(st["store_one_tx_rows_per_s"], " rows/s"),
         "shows what one commit per article costs"),
        ("COPY of the same rows", f(st["copy_rows_per_s"], " rows/s"),
         f"store/COPY = {st['store_vs_copy_ratio']:.2f} (goal ≥ 0.5)"),
        (f"naive ORM add+flush per row ({st['naive_rows']} rows)", f(st["naive_rows_per_s"], " rows/s"),
         f"store is {st['store_vs_naive_speedup']:.1f}× faster (goal ≥ 20×)"),
        (f"fusion during the load of {large} articles", f(l_["fuse_s"], " s"),
         f"{l_['fuse_overhead'] * 100:.1f}% over the load without it (goal ≤ 20%); {l_['canonical']['canonical']} "
         f"canonical events from {l_['canonical']['tellings']} tellings, {l_['canonical']['multi']} told by several "
         f"articles"),
        (f"reload unchanged {large} articles", f(res["e2e"][str(large)]["reload_s"], " s"),
         f"{res['reload_speedup']:.0f}× faster than the first load (goal ≥ 50×)"),
        (f"peak RSS {small} vs {large} articles", f"{res['peak_rss_small_mb']:.0f} / {res['peak_rss_large_mb']:.0f} MB",
         f"ratio {res['peak_rss_ratio']:.2f} (goal ≤ 1.2)"),
    ]
    ev = [str(n) for n in res["config"]["events"]]
    for q, v in res["timelines"].items():
        rows.append((f"{q}, {ev[0]} vs {ev[1]} events",
                     f"{v[ev[0]]['ms']:.2f} / {v[ev[1]]['ms']:.2f} ms",
                     f"ratio {v['ratio']:.2f} (goal ≤ 2); result {v[ev[0]]['result']} / {v[ev[1]]['result']}"))
    wk = res["workers"]
    rows.append((f"--workers {wk['workers']} vs 1, {wk['articles']} articles", f"{wk['speedup']:.2f}× faster",
                 f"{wk['one_s']:.1f} s vs {wk['many_s']:.1f} s (extraction in {wk['workers']} processes, "
                 f"storing in one; {res['cpus']} CPUs)"))
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    lines = [f"{'figure'.ljust(w0)} | {'value'.ljust(w1)} | note", f"{'-' * w0}-+-{'-' * w1}-+-----"]
    lines += [f"{a.ljust(w0)} | {b.ljust(w1)} | {c}" for a, b, c in rows]
    lines.append(f"(profile {res['profile']}, {res['cpus']} CPUs, load average {res['loadavg_start'][0]:.2f} at start, "
                 f"{res['loadavg_end'][0]:.2f} at end, PostgreSQL {res['postgres']}, {res['elapsed_s']:.0f} s in all)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    p.add_argument("--quick", action="store_true", help="smaller sizes: 200/1k articles, 10k/200k events")
    p.add_argument("--smoke", action="store_true", help="tiny sizes, for the test suite")
    p.add_argument("--json", metavar="PATH", help="write the figures as JSON here")
    p.add_argument("--sizes", help="end-to-end sizes N,10N (overrides the profile)")
    p.add_argument("--events", help="event counts small,large for the timelines (overrides the profile)")
    p.add_argument("--budget", type=float, help="seconds an end-to-end load may take (estimated) before it is skipped")
    p.add_argument("--keep", action="store_true", help="keep the loader_bench_* databases and corpora")
    p.add_argument("--workers", type=int, default=2, help="worker processes for the parallel-load figure (default 2)")
    p.add_argument("--child-load", nargs="+", metavar="URL FOLDER [WORKERS]", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child_load:
        print(json.dumps(child_load(*a.child_load)))
        return 0
    home = Path(os.environ.get("LOADER_HOME") or "/tmp/loader-bench")
    profile = "smoke" if a.smoke else "quick" if a.quick else "full"
    res = run(profile, home, sizes=[int(x) for x in a.sizes.split(",")] if a.sizes else None,
              events=[int(x) for x in a.events.split(",")] if a.events else None, budget=a.budget, keep=a.keep,
              workers=a.workers)
    print(table(res))
    if a.json:
        Path(a.json).parent.mkdir(parents=True, exist_ok=True)
        Path(a.json).write_text(json.dumps(res, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
