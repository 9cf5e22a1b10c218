"""The stanza backend against REAL stanza pipelines built from tiny local models.

The models come from tools/build_tiny_stanza.py (about a minute the first time; cached in
tests/.models/stanza afterwards). Nothing here fakes stanza output.
"""
from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

stanza = pytest.importorskip("stanza")

from loaders.extract.nlp.base import Analysis, Backend, NlpUnavailable  # noqa: E402
from loaders.extract.nlp.stanza_backend import (  # noqa: E402
    StanzaBackend, available, models_dir, required_models,
)
from loaders.nlp_models import ModelsUnavailable, download_models, models_status  # noqa: E402

pytestmark = pytest.mark.stanza




def spans_match(analysis: Analysis) -> None:
    for sent in analysis.sentences:
        assert 0 <= sent.start < sent.end <= len(analysis.text)
        for w in sent.words:
            assert sent.start <= w.start < w.end <= sent.end
    for e in analysis.entities:
        assert analysis.text[e.start:e.end] == e.text


def test_real_pipeline_with_all_processors(backend: StanzaBackend) -> None:
    [a] = backend.analyse(["زار بوتين بيونغ يانغ أمس."], "ar")
    pipe = backend._pipelines["ar"]
    assert type(pipe) is stanza.Pipeline
    assert {"tokenize", "mwt", "pos", "lemma", "depparse", "ner"} <= set(pipe.processors)
    assert isinstance(backend, Backend) and backend.name == "stanza"
    assert [w.text for w in a.sentences[0].words] == ["زار", "بوتين", "بيونغ", "يانغ", "أمس", "."]
    assert backend.pipeline("ar") is pipe  # built once


def test_ner_spans_have_text_offsets(backend: StanzaBackend) -> None:
    text = "نفى الكرملين زيارة لافروف لكوريا الشمالية. زار بوتين بيونغ يانغ."
    [a] = backend.analyse([text], "ar")
    spans_match(a)
    found = {(e.text, e.type) for e in a.entities}
    assert {("الكرملين", "ORG"), ("لافروف", "PER"), ("بوتين", "PER"), ("بيونغ يانغ", "LOC")} <= found
    # NER works on whole tokens: the proclitic ل stays inside the span
    assert ("لكوريا الشمالية", "LOC") in found
    assert len(a.sentences) == 2 and a.sentences[1].start == text.index("زار")


def test_mwt_splits_clitic(backend: StanzaBackend) -> None:
    text = "وقع كيم جونغ أون وبوتين اتفاقا بموسكو."
    [a] = backend.analyse([text], "ar")
    words = a.sentences[0].words
    texts = [w.text for w in words]
    i = texts.index("بوتين")
    assert texts[i - 1] == "و"
    start = text.index("وبوتين")
    for w in (words[i - 1], words[i]):  # both words carry the token's offsets
        assert (w.start, w.end) == (start, start + len("وبوتين"))
    j = texts.index("موسكو")
    assert texts[j - 1] == "ب" and text[words[j].start:words[j].end] == "بموسكو"
    assert words[i].upos == "PROPN" and words[i - 1].upos == "CCONJ"


def test_lemmas_and_heads(backend: StanzaBackend) -> None:
    [a] = backend.analyse(["التقى بوتين مع لافروف في موسكو. وقع بوتين وشويغو اتفاقا."], "ar")
    for sent in a.sentences:
        assert all(w.lemma for w in sent.words)
        assert [w.id for w in sent.words] == list(range(1, len(sent.words) + 1))
        assert all(0 <= w.head <= len(sent.words) for w in sent.words)
        roots = [w for w in sent.words if w.head == 0]
        assert len(roots) == 1 and roots[0].deprel == "root"
    first = a.sentences[0]
    root = next(w for w in first.words if w.head == 0)
    assert root.text == "التقى" and root.upos == "VERB"
    subj = next(w for w in first.words if w.deprel == "nsubj")
    assert subj.text == "بوتين" and first.word(subj.head) is root
    assert any(w.text == "اتفاقا" and w.lemma == "اتفاق" for w in a.sentences[1].words)


def test_batch_of_three_in_one_call(backend: StanzaBackend, monkeypatch) -> None:
    texts = ["زار بوتين موسكو.", "", "دعا ماكرون الصين إلى الحوار. والتقى لافروف بشويغو في أنقرة."]
    pipe = backend.pipeline("ar")
    calls = []
    real = pipe.bulk_process
    monkeypatch.setattr(pipe, "bulk_process", lambda docs, **kw: calls.append(len(docs)) or real(docs, **kw))
    out = backend.analyse(texts, "ar")
    assert calls == [2]  # one stanza call; the empty text needs none
    assert [a.text for a in out] == texts
    assert out[1].sentences == [] and out[1].entities == []
    for a in out:
        spans_match(a)
    assert out[0].sentences[0].start == 0 and out[0].sentences[0].end == len(texts[0])
    assert [e.text for e in out[2].entities][:2] == ["ماكرون", "الصين"]
    assert out[2].sentences[1].start == texts[2].index("والتقى")


def test_available(tiny_models: Path, tmp_path: Path) -> None:
    assert available(tiny_models, "ar")
    assert not available(tiny_models, "en")
    assert not available(tmp_path, "ar")
    copy = tmp_path / "copy"
    shutil.copytree(tiny_models, copy)
    assert available(copy, "ar")
    (copy / "ar" / "ner" / "tiny.pt").unlink()
    assert not available(copy, "ar")


def test_missing_models_raise(tmp_path: Path) -> None:
    with pytest.raises(NlpUnavailable, match="missing"):
        StanzaBackend(tmp_path, langs=("ar",)).analyse(["زار بوتين موسكو."], "ar")


def test_models_status(tiny_models: Path, tmp_path: Path) -> None:
    status = models_status(tiny_models)
    assert {(m.language, m.processor, m.package) for m in status} == {
        ("ar", p, "tiny") for p in ("tokenize", "mwt", "pos", "lemma", "depparse", "ner", "pretrain")}
    assert all(m.size == m.path.stat().st_size > 0 and m.default for m in status)
    assert sum(m.size for m in status) < 5_000_000
    assert {f.path for f in required_models(tiny_models, "ar")} == {m.path for m in status}
    assert models_status(tmp_path) == []


def test_models_dir_resolution(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("STANZA_RESOURCES_DIR", raising=False)
    monkeypatch.delenv("LOADER_STANZA_DIR", raising=False)
    assert models_dir().name in ("resources", "stanza_resources")
    monkeypatch.setenv("LOADER_STANZA_DIR", str(tmp_path / "a"))
    assert models_dir() == tmp_path / "a"
    assert models_dir(tmp_path / "b") == tmp_path / "b"
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "c"))
    assert models_dir(tmp_path / "b") == tmp_path / "c"


def test_download_fails_fast_offline(tmp_path: Path, monkeypatch) -> None:
    started = time.monotonic()
    # port 9 (discard) on loopback is closed: refused at once, on any machine
    with pytest.raises(ModelsUnavailable) as err:
        download_models(["ar"], tmp_path / "res", timeout=3, resources_url="http://127.0.0.1:9/stanza")
    assert time.monotonic() - started < 15
    message = str(err.value)
    assert "unreachable" in message and "STANZA_RESOURCES_DIR" in message
    assert "resources.json" in message
    assert not (tmp_path / "res" / "resources.json").exists()
    monkeypatch.setenv("STANZA_RESOURCES_URL", "http://127.0.0.1:9/other")
    with pytest.raises(ModelsUnavailable, match="127.0.0.1:9/other"):
        download_models(["ar"], tmp_path / "res", timeout=3)


def test_resources_json_is_minimal_and_offline(tiny_models: Path) -> None:
    resources = json.loads((tiny_models / "resources.json").read_text(encoding="utf-8"))
    assert set(resources["ar"]["default_processors"]) == {"tokenize", "mwt", "pos", "lemma", "depparse", "ner"}
    assert not list(tiny_models.rglob("*_checkpoint.pt"))
