"""stanza benchmark: the loader with the stanza backend next to a bare stanza Pipeline.

Adds the two NLP figures: per-article time of the stanza backend beside the offline rules,
and the loader's overhead over stanza alone on exactly the same texts (the same segments, one
batched call per article, as the loader makes them). Run only where stanza and Arabic models
are installed; with the tiny test models stanza is so fast that the overhead is mostly the
rules' own time, so read that figure against real models.
"""
from __future__ import annotations

import time
from pathlib import Path


def bench_stanza(articles: list, models: Path) -> dict:
    """Seconds per article: rules, loader with stanza, bare stanza; and the overhead ratio."""
    from loaders.extract.nlp.stanza_backend import StanzaBackend, available, stanza_installed
    from loaders.pipeline import Extractor, make_extractor

    if not (stanza_installed() and available(models, "ar")):
        return {"skipped": f"stanza or its Arabic models are not installed in {models}"}
    rules = Extractor()
    loader = make_extractor("stanza", models)
    bare = StanzaBackend(models, ("ar",))
    texts = []
    for a in articles:
        segs = rules.segmenter.segment(a)
        texts.append([s.text for s in segs if s.section == "main" and s.kind != "dateline" and s.language == "ar"])
    loader.extract(articles[0])  # build the Pipelines once, outside the timing
    bare.analyse(texts[0], "ar")

    def timed(job) -> float:
        t = time.perf_counter()
        job()
        return time.perf_counter() - t

    rules_s = timed(lambda: [rules.extract(a) for a in articles])
    loader_runs, bare_runs = [], []
    for _ in range(2):  # interleaved, best of two: torch's first calls and the machine's noise
        bare_runs.append(timed(lambda: [bare.analyse(batch, "ar") for batch in texts]))
        loader_runs.append(timed(lambda: [loader.extract(a) for a in articles]))
    loader_s, bare_s = min(loader_runs), min(bare_runs)
    n = len(articles)
    return {"articles": n, "models": str(models), "rules_ms": rules_s / n * 1000, "stanza_ms": loader_s / n * 1000,
            "bare_stanza_ms": bare_s / n * 1000, "overhead_ratio": loader_s / bare_s}
