"""The benchmark suite runs end to end at tiny sizes and reports every figure (no timing asserted)."""
from __future__ import annotations

import hashlib
import json

from bench.corpus import Generator, write_corpus


def test_corpus_is_reproducible_distinct_and_realistic(tmp_path):
    gen = Generator(seed=7)
    texts = [t for _, t in gen.articles(30)]
    assert texts == [t for _, t in Generator(seed=7).articles(30)]
    assert texts[:10] == [t for _, t in Generator(seed=7).articles(10)]  # a prefix of a bigger corpus
    assert texts != [t for _, t in Generator(seed=8).articles(30)]
    assert len({hashlib.sha256(t.encode()).digest() for t in texts}) == 30
    for t in texts:
        assert 3000 <= len(t.encode()) <= 8200
        assert "إقرأ أيضاً:" in t
        assert any(c.isascii() and c.isalpha() for c in t)  # the English quote
    assert sum("تاريخ النشر:" in t for t in texts) >= 20
    paths = write_corpus(tmp_path, 5, generator=gen)
    assert [p.read_text(encoding="utf-8") for p in paths] == texts[:5]


def test_bench_smoke_produces_every_figure(tmp_path, settings, server_url):
    from bench import run, timelines

    res = run.run("smoke", settings.home, plans_dir=tmp_path / "plans", server_url=server_url)
    missing = [k for k in run.FIGURE_KEYS if k not in res]
    assert not missing, missing
    assert res["workers"]["new"][0] == res["workers"]["new"][1] == res["workers"]["articles"]
    assert set(res["timeline_ratios"]) == set(timelines.QUERIES)
    assert len(list((tmp_path / "plans").glob("*.txt"))) == 2 * len(timelines.QUERIES)
    json.dumps(res, default=str)
    assert "figure" in run.table(res)
