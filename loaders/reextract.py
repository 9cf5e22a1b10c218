"""Re-extraction of the articles a knowledge change affects, found through the full-text index.

Adds `loader load --reextract-affected`: after aliases were added, retired or merged (by
`loader entities` or by editing the knowledge files), only the stored articles whose text
contains a changed alias are extracted again, from their stored text, not the whole corpus.
Candidates come from `articles.tsv` (GIN index, PostgreSQL's arabic configuration): a phrase
query per alias, the Arabic ones also with the proclitics the matcher strips (و ف ب ل ك, لل),
which the arabic stemmer does not always remove. The changed aliases are the pending rows of
`knowledge_changes` plus any difference between the layered registry and `entity_aliases`
(an edit by hand); aliases no longer in the registry are deleted from the database here.
"""
from __future__ import annotations

from typing import Callable

from sqlalchemy import Connection, text

from . import fuse, runs
from .extract.tokens import PROCLITICS
from .pipeline import Bind, Extractor, Summary, transaction
from .records import Article
from .registry import Registry
from .store import as_arrays, store_article, sync_registry

QUERY_BATCH = 200  # phrase queries OR-ed into one search


def alias_keys(reg: Registry) -> dict[tuple, str]:
    """(entity, folded alias, language, kind, valid_from) of every registry alias → the alias as written."""
    keys = {}
    for a in reg.aliases:
        if a.kind == "role":
            keys.update({(h.entity, a.norm, a.lang, "role", h.start): a.text for h in a.holders})
        elif a.entity:
            keys[(a.entity, a.norm, a.lang, a.kind, None)] = a.text
    return keys


def hand_edits(conn: Connection, reg: Registry) -> list[tuple[str, str]]:
    """Aliases that differ between the registry and the database; the database's extra ones are deleted.

    The two tables are read apart and joined here: joined in SQL, on statistics taken when
    the tables were empty (a new database), the plan can become a nested loop over ~70,000
    aliases and ~2,400 entities, seconds or minutes instead of a fraction of a second.
    """
    names = dict(conn.execute(text("SELECT id, name FROM entities")).all())
    stored = {(names[e], n, lang, kind, start): alias for e, n, lang, kind, start, alias in conn.execute(text(
        "SELECT entity_id, normalised, language, kind, valid_from, alias FROM entity_aliases"))}
    wanted = alias_keys(reg)
    gone = [k for k in stored if k not in wanted]
    if gone:
        ids = {name: i for i, name in names.items()}
        conn.execute(text(
            "DELETE FROM entity_aliases a USING unnest(CAST(:ids AS bigint[]), CAST(:folded AS text[]), "
            "CAST(:langs AS text[]), CAST(:kinds AS text[]), CAST(:starts AS date[])) "
            "AS g (entity_id, normalised, language, kind, valid_from) "
            "WHERE a.entity_id = g.entity_id AND a.normalised = g.normalised AND a.language = g.language "
            "AND a.kind = g.kind AND a.valid_from IS NOT DISTINCT FROM g.valid_from"),
            as_arrays([(ids[e], *rest) for e, *rest in gone], "ids", "folded", "langs", "kinds", "starts"))
    return [(wanted[k], k[2]) for k in wanted if k not in stored] + [(stored[k], k[2]) for k in gone]


def variants(alias: str, lang: str) -> list[str]:
    """The alias as a phrase, and with the proclitics an Arabic first word may carry."""
    if lang != "ar":
        return [alias]
    first, _, rest = alias.partition(" ")
    forms = [first, *(p + first for p in PROCLITICS)]
    if first.startswith("ال"):
        forms.append("لل" + first[2:])
    return [f"{f} {rest}".strip() for f in forms]


def affected_articles(conn: Connection, aliases: list[tuple[str, str]]) -> list[int]:
    """Ids of the stored articles whose full-text vector holds one of the aliases as a phrase."""
    phrases = sorted({v for a, lang in aliases for v in variants(a, lang)})
    found: set[int] = set()
    for first in range(0, len(phrases), QUERY_BATCH):
        batch = phrases[first:first + QUERY_BATCH]
        query = " || ".join(f"phraseto_tsquery('arabic', :p{i})" for i in range(len(batch)))
        found |= set(conn.execute(text(f"SELECT id FROM articles WHERE tsv @@ ({query})"),
                                  {f"p{i}": p for i, p in enumerate(batch)}).scalars())
    return sorted(found)


ARTICLE_COLUMNS = ("source_path", "file_name", "text", "content_sha256", "outlet", "url", "language", "encoding",
                   "published_text", "published_origin")


def stored_article(conn: Connection, article_id: int) -> Article:
    """An article as read, rebuilt from its row (its date found again as when it was read)."""
    row = conn.execute(text(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = :id"),
                       {"id": article_id}).one()._mapping
    return Article(path=row["source_path"], file_name=row["file_name"], text=row["text"],
                   sha256=row["content_sha256"], outlet=row["outlet"], url=row["url"], language=row["language"],
                   encoding=row["encoding"],
                   published_text=row["published_text"] if row["published_origin"] == "manifest" else None)


def reextract_affected(bind: Bind, extractor: Extractor,
                       progress: Callable[[int, int, str], None] | None = None) -> Summary:
    """Extract again the stored articles that contain a changed alias; the changes are then done."""
    summary = Summary(backend=extractor.backend)
    load_run = runs.start(bind, ["--reextract-affected"], summary.backend)
    summary.run_id = load_run.id
    with transaction(bind) as conn:
        pending = conn.execute(text(
            "SELECT id, alias, language FROM knowledge_changes WHERE reextracted_run_id IS NULL")).all()
        changed = sorted({(alias, lang) for _, alias, lang in pending} | set(hand_edits(conn, extractor.registry)))
        cache = sync_registry(conn, extractor.registry)
        ids = affected_articles(conn, changed) if changed else []
    for n, article_id in enumerate(ids, 1):
        with transaction(bind) as conn:  # the article and its fusion, as in a load: all or nothing
            ex = extractor.extract(stored_article(conn, article_id))
            prepared = fuse.prepare(conn, ex, cache.ids, extractor.registry)
            stored = store_article(conn, ex, cache, summary.run_id, replace=True, fuse=prepared.columns)
        summary.replaced += 1
        summary.mentions += stored["mentions"] if stored else 0
        summary.events += stored["events"] if stored else 0
        summary.entities |= {m.entity for m in ex.mentions + ex.named_states if m.entity}
        if progress:
            progress(n, len(ids), ex.article.path)
    with transaction(bind) as conn:
        conn.execute(text("UPDATE knowledge_changes SET reextracted_run_id = :run WHERE id = ANY(:ids)"),
                     {"run": summary.run_id, "ids": [r[0] for r in pending]})
    load_run.finish("succeeded", {**summary.counts(), "changed_aliases": len(changed)})
    return summary
