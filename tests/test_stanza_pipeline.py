"""The stanza backend inside the loader, on tiny models built locally by stanza's trainers.

Nothing here stands in for stanza: the real Pipeline runs, and its NER spans, lemmas and
dependency parse are traced into the rows the loader stores.
"""
from __future__ import annotations

import pytest
from sqlalchemy import select

from loaders.extract.nlp.combine import NlpStage
from loaders.pipeline import Extractor, load_paths, make_extractor
from loaders.records import Article
from models import Event, LoadRun, Mention

from .conftest import SEEDS
from .test_extract import EVENTS_AR, OPENING

pytestmark = pytest.mark.stanza


@pytest.fixture(scope="module")
def stanza_extractor(backend):
    return Extractor(nlp=NlpStage(backend, ("ar",)))


def _events(extractor, body, published):
    article = Article(path="t", file_name="t", text=f"عنوان الخبر\n{OPENING}\n{body}", sha256="0" * 64,
                      published_text=published)
    return extractor.extract(article)


def test_auto_chooses_stanza_when_models_are_present(tiny_models, tmp_path):
    assert make_extractor("auto", tiny_models).backend == "stanza"
    assert make_extractor("auto", tmp_path).backend == "rules"
    assert make_extractor("rules", tiny_models).backend == "rules"


def test_load_seeds_with_stanza_records_backend_and_methods(conn, settings, stanza_extractor, backend):
    import stanza

    summary = load_paths(conn, [SEEDS], settings, extractor=stanza_extractor)
    assert (summary.new, summary.backend) == (4, "stanza")
    assert isinstance(backend._pipelines["ar"], stanza.Pipeline)
    run = conn.execute(select(LoadRun.backend).where(LoadRun.id == summary.run_id)).scalar_one()
    assert run == "stanza"
    mention_methods = set(conn.execute(select(Mention.method)).scalars())
    event_methods = set(conn.execute(select(Event.method)).scalars())
    assert "both" in mention_methods and "both" in event_methods


def test_ner_spans_reach_the_mentions(stanza_extractor, backend):
    body = "والتقى بوتين كيم جونغ أون في موسكو."
    ex = _events(stanza_extractor, body, "2023-09-13")
    seg = next(s for s in ex.segments if s.kind == "body" and s.text != OPENING)
    [analysis] = backend.analyse([seg.text], "ar")
    assert analysis.entities, "the tiny NER tags template names"
    for ent in analysis.entities:
        start, end = seg.start + ent.start, seg.start + ent.end
        overlapping = [m for m in ex.mentions if m.start < end and start < m.end]
        assert overlapping and all(m.method in ("both", "stanza") for m in overlapping)


def test_parse_gives_roles_to_participants(stanza_extractor, backend):
    ex = _events(stanza_extractor, "زار بوتين بيونغ يانغ أمس.", "2023-09-13")
    [visit] = [e for e in ex.events if e.type == "visit"]
    seg = next(s for s in ex.segments if s.kind == "body")
    [analysis] = backend.analyse([seg.text], "ar")
    heads = [w for s in analysis.sentences for w in s.words if w.deprel and w.deprel.startswith("nsubj")]
    assert heads, "the tiny parser finds a subject"
    assert visit.method == "both"
    assert {p.entity: p.role for p in visit.participants}["Vladimir Putin"] == "source"


@pytest.mark.parametrize("text,published,expected", EVENTS_AR)
def test_combination_keeps_what_the_rules_find(stanza_extractor, text, published, expected):
    found = [(e.type, sorted(e.names()), e.modality, e.date.iso() if e.date else None)
             for e in _events(stanza_extractor, text, published).events]
    assert expected in found


def test_lemmas_find_triggers_the_word_lists_miss(extractor, backend, conn):
    """With a vocabulary that knows only the lemma اتفاق, the inflected اتفاقا is found through stanza."""
    import dataclasses

    from loaders.extract.events import EventExtractor
    from loaders.extract.triggers import Pattern, Patterns

    narrow = {lang: dataclasses.replace(ts, triggers=Patterns([("agreement", Pattern.parse("اتفاق"))]))
              for lang, ts in extractor.events.triggers.items()}
    events = EventExtractor(extractor.registry, narrow)
    article = Article(path="t", file_name="t", sha256="0" * 64, published_text="2024-06-19",
                      text="عنوان الخبر\nووقعت روسيا وكوريا الشمالية اتفاقا.")
    ex = extractor.extract(article)
    seg = next(s for s in ex.segments if s.kind == "body")
    [analysis] = backend.analyse([seg.text], "ar")
    assert any(w.lemma == "اتفاق" and w.text != w.lemma for s in analysis.sentences for w in s.words)
    without = events.extract(article.text, ex.segments, ex.mentions, ex.dates, None)
    with_lemmas = events.extract(article.text, ex.segments, ex.mentions, ex.dates, None, {seg.order: analysis})
    assert without == []
    assert [(e.type, sorted(e.names()), e.method) for e in with_lemmas] == [
        ("agreement", ["North Korea", "Russia"], "stanza")]
    from loaders.store import store_article, sync_registry

    ex.events = with_lemmas
    store_article(conn, ex, sync_registry(conn, extractor.registry), None)
    stored = conn.execute(select(Event.type, Event.method, Event.trigger)).all()
    assert [tuple(r) for r in stored] == [("agreement", "stanza", "اتفاقا")]
