"""Pipeline: runs read → segment → extract → resolve → store over a set of paths.

Adds the run around the stages: one `load_runs` row per invocation, one transaction per
article (a failure never leaves half an article), per-file errors recorded and reported
while the other files still load, and a summary for the CLI. The knowledge files are read
once per process into an `Extractor`.
"""
from __future__ import annotations

import gc
import hashlib
import multiprocessing
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError, OperationalError

from . import fuse, migrate, runs
from .db import DatabaseError, mask
from .extract.dates import DateFinder
from .extract.entities import Cues, EntityMatcher, Gazetteer, SegmentTexts
from .extract.events import EventExtractor, TriggerSet
from .extract.linked import lead_dates, link_dates, sequel_dates, trip_purposes
from .extract.places import Locator
from .extract.unlisted import UnlistedPeople
from .extract.nlp.base import NlpUnavailable
from .extract.nlp.combine import NlpStage, ner_mentions
from .read import ManifestEntry, ReadError, discover, load_manifest, read_article
from .records import Article, Extraction, UnreadDate
from .registry import Registry, load_registry
from .resolve import (BareTitles, anchor_date, date_plans, merge, named_states, one_per_accuser, redate_roles,
                      resolve_counterparts, resolve_dual_offices, resolve_lone_names, resolve_roles, resolve_titles,
                      visit_hosts)
from .segment import Markers, Segmenter
from .settings import Settings
from .store import known_hashes, record_error, store_article, sync_registry


class Extractor:
    """All extraction stages with their knowledge loaded; pure (no database).

    With an `NlpStage` (stanza), its analysis is combined with the rules; without one the
    rules alone run. `backend` names what ran, for the summary and `load_runs`.
    """

    def __init__(self, registry: Registry | None = None, nlp: NlpStage | None = None):
        self.registry = registry or load_registry()
        self.nlp = nlp
        self.backend = nlp.backend.name if nlp else "rules"
        self.segmenter = Segmenter(Markers.load())
        self.dates = {lang: DateFinder.load(lang) for lang in ("ar", "en")}
        self.matcher = EntityMatcher(Gazetteer.build(self.registry), Cues.load())
        self.events = EventExtractor(self.registry, {lang: TriggerSet.load(lang) for lang in ("ar", "en")})
        self.places = Locator(self.registry)
        self.bare_titles = BareTitles(self.registry, self.matcher.cues.role_blockers)
        self.unlisted = UnlistedPeople.load()

    def extract(self, article: Article) -> Extraction:
        segments = self.segmenter.segment(article)
        text = article.text
        texts = SegmentTexts()
        dates, unread = [], []
        for seg in segments:
            if seg.kind in ("dateline",):
                continue
            finder = self.dates.get(seg.language, self.dates["ar"])
            seg_unread: list[UnreadDate] = []
            year = next((d.value.year for d in reversed(dates) if not d.relative and d.precision != "year"), None)
            seg_dates = finder.find(seg.text, article.published_on, texts.folded(seg), seg_unread,
                                    year if article.published_on is None else None)
            for d in seg_dates + seg_unread:
                d.start += seg.start
                d.end += seg.start
            dates += seg_dates
            unread += seg_unread
        anchor = anchor_date(article.published_on, dates, segments)
        mentions = self.matcher.find(text, segments, texts)
        analyses = self.nlp.analyse(segments) if self.nlp else None
        if analyses:
            mentions = ner_mentions(mentions, segments, analyses, self.matcher.gaz)
        resolve_dual_offices(text, mentions, self.registry, self.events.triggers, {s.order: s.language for s in segments})
        resolve_roles(text, mentions, anchor, self.registry, article.published_on is not None)
        mentions = resolve_lone_names(mentions, self.registry, anchor)
        resolve_counterparts(mentions, self.registry, anchor)
        resolve_titles(mentions, self.registry, anchor, self.matcher.cues.minister_titles)
        mentions = self.bare_titles.resolve(segments, mentions, texts)
        mentions = sorted(mentions + self.unlisted.find(text, segments, mentions), key=lambda m: m.start)
        events = self.events.extract(text, segments, mentions, dates, anchor, analyses, texts, unread)
        date_plans(events, anchor)
        events = merge(one_per_accuser(events, self.registry))
        self.places.locate(text, segments, mentions, events)
        pending = any(ev.host_pending for ev in events)  # (the dateline is read only for a visit that needs it)
        events = visit_hosts(events, self.registry, self.places.dateline_state(text, segments, mentions) if pending
                             else None)
        link_dates(events, text, {s.order: s.language for s in segments}, self.events.triggers, self.registry,
                   article.published_on)
        trip_purposes(events, text, {s.order: s.language for s in segments}, self.events.triggers)
        sequel_dates(events, text, segments, dates, self.events.triggers, self.registry, mentions,
                     article.published_on)
        lead_dates(events, segments, article)
        redate_roles(events)
        events = merge(events)  # tellings dated by their container or trip may now be one happening
        return Extraction(article, segments, mentions, events, dates, named_states(mentions))


def make_extractor(nlp: str = "auto", models: Path | None = None, knowledge: Path | None = None) -> Extractor:
    """`rules`, `stanza` (fails when its models are missing) or `auto` (stanza when installed);
    `knowledge` is the user knowledge folder layered over the packaged registry."""
    if nlp not in ("auto", "stanza", "rules"):
        raise ValueError(f"unknown NLP backend {nlp!r}; use auto, stanza or rules")
    registry = load_registry(user_dir=knowledge)
    if nlp == "rules":
        return Extractor(registry)
    from .extract.nlp.stanza_backend import StanzaBackend, available, models_dir, stanza_installed

    where = models or models_dir()
    langs = tuple(lang for lang in ("ar", "en") if stanza_installed() and available(where, lang))
    if "ar" not in langs:
        if nlp == "stanza":
            raise NlpUnavailable(f"stanza or its Arabic models are not installed in {where}; "
                                 "run `loader models download` or use --nlp rules")
        return Extractor(registry)
    return Extractor(registry, nlp=NlpStage(StanzaBackend(where, langs), langs))


@dataclass
class Summary:
    run_id: int | None = None
    new: int = 0
    skipped: int = 0
    replaced: int = 0
    failed: int = 0
    segments: int = 0
    mentions: int = 0
    events: int = 0
    entities: set[str] = field(default_factory=set)
    errors: list[ReadError] = field(default_factory=list)
    backend: str = "rules"

    def counts(self) -> dict:
        return {"new": self.new, "skipped": self.skipped, "replaced": self.replaced, "failed": self.failed,
                "segments": self.segments, "mentions": self.mentions, "events": self.events,
                "entities": len(self.entities)}


Bind = Engine | Connection
SCHEMA_LOCK = 0x6C6F61646572  # pg_advisory_xact_lock key held while checking/upgrading the schema


@contextmanager
def transaction(bind: Bind) -> Iterator[Connection]:
    """A transaction on an engine, or a savepoint on a connection already in one (tests, callers' own)."""
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            yield conn
    else:
        with bind.begin_nested():
            yield bind


def load_paths(engine: Bind, paths: list[str | Path], settings: Settings, reextract: bool = False,
               extractor: Extractor | None = None, progress: Callable[[int, int, str], None] | None = None,
               workers: int = 1) -> Summary:
    """Load every article under `paths`; the run is recorded in load_runs with its errors."""
    try:
        with transaction(engine) as conn:  # loaders started together on a new database migrate once
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
            migrate.ensure_schema(conn)
    except OperationalError as exc:
        raise DatabaseError(f"cannot reach the database at {mask(str(engine.engine.url))}: {exc.orig or exc}") from exc
    except DBAPIError as exc:
        raise DatabaseError(f"cannot upgrade the schema at {mask(str(engine.engine.url))}: {exc.orig or exc}") from exc
    extractor = extractor or Extractor()
    # the extractor's tables (registry, gazetteer, triggers) live as long as the process: full collections,
    # ~10% of a load's time, need not walk them again and again
    gc.freeze()
    summary = Summary(backend=extractor.backend)
    files, errors = discover(paths)
    load_run = runs.start(engine, [str(p) for p in paths], summary.backend)  # also marks dead runs interrupted
    summary.run_id = load_run.id
    cache = None  # the registry is synced before the first store: a reload of unchanged files skips it
    manifests: dict[Path, dict[str, ManifestEntry]] = {}
    for err in errors:
        _fail(engine, summary, err)
    done = 0
    with _extraction_pool(extractor, workers) as run:
        for first in range(0, len(files), HASH_BATCH):
            batch = files[first:first + HASH_BATCH]
            digests, known = _stored_hashes(engine, batch, settings.max_file_bytes)
            todo = []
            for path in batch:
                if path.parent not in manifests:
                    manifests[path.parent] = _manifest(engine, summary, path.parent)
                if digests.get(path) in known and not reextract:
                    summary.skipped += 1
                    done += 1
                    if progress:
                        progress(done, len(files), str(path))
                    continue
                todo.append((path, settings.max_file_bytes, manifests[path.parent]))
            for path, outcome in zip((t[0] for t in todo), run(todo)):
                done += 1
                if progress:
                    progress(done, len(files), str(path))
                if isinstance(outcome, ReadError):
                    _fail(engine, summary, outcome)
                    continue
                ex = outcome
                exists = ex.article.sha256 in known
                if exists and not reextract:
                    summary.skipped += 1
                    continue
                if cache is None:
                    with transaction(engine) as conn:
                        cache = sync_registry(conn, extractor.registry)
                with transaction(engine) as conn:  # the article and its fusion: all or nothing
                    prepared = fuse.prepare(conn, ex, cache.ids, extractor.registry)
                    stored = store_article(conn, ex, cache, summary.run_id, replace=exists, fuse=prepared.columns)
                if stored is None:
                    summary.skipped += 1
                    continue
                known.add(ex.article.sha256)
                summary.replaced += exists
                summary.new += not exists
                stored_now = summary.new + summary.replaced
                if stored_now >= ANALYZE_FROM and stored_now & (stored_now - 1) == 0:  # 64, 128, 256, ...
                    with transaction(engine) as conn:
                        fuse.analyze(conn)
                summary.segments += stored["segments"]
                summary.mentions += stored["mentions"]
                summary.events += stored["events"]
                summary.entities |= {m.entity for m in ex.mentions + ex.named_states if m.entity}
    status = "succeeded" if not summary.failed else ("partial" if summary.new + summary.skipped else "failed")
    load_run.finish(status, summary.counts())
    return summary


HASH_BATCH = 500
ANALYZE_FROM = 64  # articles stored by a run before the first `fuse.analyze`, then at each doubling


def _manifest(engine: Bind, summary: Summary, folder: Path) -> dict[str, ManifestEntry]:
    """A folder's manifest; a malformed line is reported and the other lines still apply."""
    problems: list[ReadError] = []
    try:
        found = load_manifest(folder, problems)
    except ReadError as err:
        found = {}
        problems.append(err)
    for err in problems:
        _fail(engine, summary, err)
    return found


def read_and_extract(extractor: Extractor, path: Path, max_bytes: int,
                     manifest: dict[str, ManifestEntry]) -> Extraction | ReadError:
    """One file's extraction, or the ReadError that says why it cannot be an article."""
    try:
        article = read_article(path, max_bytes, manifest)
    except ReadError as err:
        return err
    try:
        return extractor.extract(article)
    except Exception as exc:  # an extractor bug must not stop the run
        return ReadError(path, f"extraction failed: {type(exc).__name__}: {exc}")


_worker_extractor: Extractor | None = None  # one per worker process, set by its initializer


def _init_worker(extractor: Extractor) -> None:
    global _worker_extractor
    _worker_extractor = extractor


def _work(job: tuple) -> Extraction | ReadError:
    return read_and_extract(_worker_extractor, *job)


@contextmanager
def _extraction_pool(extractor: Extractor, workers: int) -> Iterator[Callable[[list[tuple]], Iterator]]:
    """Extraction in this process, or in `workers` forked processes (results in file order);
    storing stays in this process, one transaction per article, so ids and counts are as with one."""
    if workers <= 1:
        yield lambda jobs: (read_and_extract(extractor, *job) for job in jobs)
        return
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(extractor,)) as pool:
        yield lambda jobs: pool.imap(_work, jobs, chunksize=4)


def _stored_hashes(engine: Bind, paths: list[Path], max_bytes: int) -> tuple[dict[Path, str], set[str]]:
    """SHA-256 of each readable file in `paths`, and which of them are already stored (one query)."""
    digests: dict[Path, str] = {}
    for p in paths:
        try:
            if p.stat().st_size <= max_bytes:
                digests[p] = hashlib.sha256(p.read_bytes()).hexdigest()
        except OSError:
            pass  # read_article reports it
    with transaction(engine) as conn:
        return digests, known_hashes(conn, sorted(set(digests.values())))


def _fail(engine: Bind, summary: Summary, err: ReadError) -> None:
    summary.failed += 1
    summary.errors.append(err)
    with transaction(engine) as conn:
        record_error(conn, summary.run_id, err.path, err.reason)
