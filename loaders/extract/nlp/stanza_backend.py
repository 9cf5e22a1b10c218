"""Stanza backend: sentences, MWT-split words, lemmas, UPOS, dependencies and NER from stanza.

Runs fully offline: pipelines are built with `download_method=None` from a
stanza_resources folder (`models_dir()`), one per language, lazily, and kept for the
life of the backend object (build one backend per process). Nothing here imports stanza
or torch until a pipeline is needed, so `available()` is cheap and safe without them.
"""
from __future__ import annotations

import importlib.util
import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loaders.extract.nlp.base import Analysis, NlpEntity, NlpSentence, NlpUnavailable, NlpWord

log = logging.getLogger(__name__)

PROCESSORS: dict[str, tuple[str, ...]] = {
    "ar": ("tokenize", "mwt", "pos", "lemma", "depparse", "ner"),
    "en": ("tokenize", "pos", "lemma", "depparse", "ner"),
}
SETTING = "LOADER_STANZA_DIR"


def stanza_installed() -> bool:
    return importlib.util.find_spec("stanza") is not None


def _stanza_resources_version() -> str | None:
    """stanza's `__resources_version__`, read from its source so torch is not imported."""
    spec = importlib.util.find_spec("stanza")
    if spec is None or not spec.submodule_search_locations:
        return None
    version_py = Path(list(spec.submodule_search_locations)[0]) / "_version.py"
    try:
        found = re.search(r"__resources_version__\s*=\s*['\"]([^'\"]+)", version_py.read_text())
    except OSError:
        return None
    return found.group(1) if found else None


def models_dir(setting: str | Path | None = None) -> Path:
    """Where stanza models live: $STANZA_RESOURCES_DIR (stanza's own variable), else the
    project setting LOADER_STANZA_DIR (argument or environment), else stanza's default
    (its per-version user cache folder; ~/stanza_resources when stanza is not installed)."""
    if os.environ.get("STANZA_RESOURCES_DIR"):
        return Path(os.environ["STANZA_RESOURCES_DIR"]).expanduser()
    setting = setting or os.environ.get(SETTING)
    if setting:
        return Path(setting).expanduser()
    version = _stanza_resources_version()
    if version:
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("stanza", "StanfordNLP", version)) / "resources"
    return Path.home() / "stanza_resources"


default_models_dir = models_dir  # for code whose parameter is called models_dir


def load_resources(dir_: Path) -> dict[str, Any]:
    """The folder's resources.json, or {} when there is none (or it is unreadable)."""
    try:
        return json.loads((Path(dir_) / "resources.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def language_entry(resources: dict[str, Any], lang: str) -> tuple[str, dict[str, Any]] | None:
    """(language code, entry) following stanza's `alias` links."""
    seen = set()
    while lang in resources and isinstance(resources[lang], dict) and lang not in seen:
        seen.add(lang)
        entry = resources[lang]
        if "alias" not in entry:
            return lang, entry
        lang = entry["alias"]
    return None


@dataclass(frozen=True)
class ModelFile:
    processor: str
    package: str
    path: Path


def required_models(dir_: Path, lang: str) -> list[ModelFile]:
    """Model files the default pipeline for `lang` loads (with dependencies such as the
    pretrained word vectors), resolved the way stanza resolves them from resources.json."""
    found = language_entry(load_resources(dir_), lang)
    if found is None:
        return []
    code, entry = found
    defaults = {**entry.get("default_processors", {}), **entry.get("packages", {}).get("default", {})}
    procs = list(PROCESSORS.get(lang, PROCESSORS["en"]))
    if "mwt" not in procs and "mwt" in defaults:  # stanza adds mwt where the language has one
        procs.insert(1, "mwt")
    files: list[ModelFile] = []
    for proc in procs:
        package = defaults.get(proc)
        if not isinstance(package, str):
            return []
        files.append(ModelFile(proc, package, Path(dir_) / code / proc / f"{package}.pt"))
        for dep in entry.get(proc, {}).get(package, {}).get("dependencies", []):
            files.append(ModelFile(dep["model"], dep["package"],
                                   Path(dir_) / code / dep["model"] / f"{dep['package']}.pt"))
    return files


def available(models_dir: Path | None = None, lang: str = "ar") -> bool:
    """Whether stanza is installed and every model the `lang` pipeline needs is on disk."""
    if not stanza_installed():
        return False
    files = required_models(Path(models_dir) if models_dir else default_models_dir(), lang)
    return bool(files) and all(f.path.is_file() for f in files)


class StanzaBackend:
    """`Backend` over stanza pipelines; `analyse` sends all texts of a call as one batch."""

    name = "stanza"

    def __init__(self, models_dir: Path | None = None, langs: tuple[str, ...] = ("ar", "en"),
                 model_paths: dict[str, dict[str, str]] | None = None,
                 device: str | None = None) -> None:
        """`model_paths` overrides stanza options per language, e.g.
        {"ar": {"ner_model_path": ..., "ner_pretrain_path": ...}}."""
        self.models_dir = Path(models_dir) if models_dir else default_models_dir()
        self.langs = tuple(langs)
        self.model_paths = model_paths or {}
        self.device = device
        self._pipelines: dict[str, Any] = {}
        for lang, paths in self.model_paths.items():
            if "ner_model_path" in paths and "ner_pretrain_path" not in paths:
                # stanza then loads the NER model without its word vectors and tags garbage
                raise ValueError(f"{lang}: ner_model_path needs ner_pretrain_path too")

    def pipeline(self, lang: str) -> Any:
        """The stanza.Pipeline for `lang`, built on first use."""
        if lang in self._pipelines:
            return self._pipelines[lang]
        if lang not in self.langs:
            raise ValueError(f"stanza backend not set up for language {lang!r} (have {self.langs})")
        if not stanza_installed():
            raise NlpUnavailable("stanza is not installed (pip install 'loader[stanza]')")
        if not self.model_paths.get(lang) and not available(self.models_dir, lang):
            raise NlpUnavailable(
                f"stanza models for {lang!r} are missing in {self.models_dir}; download them or "
                f"copy a stanza_resources folder there (see loaders.nlp_models)")
        import stanza

        processors = PROCESSORS.get(lang, PROCESSORS["en"])
        log.info("loading stanza pipeline %s (%s) from %s", lang, ",".join(processors), self.models_dir)
        kwargs: dict[str, Any] = dict(self.model_paths.get(lang, {}))
        if self.device:
            kwargs["device"] = self.device
        self._pipelines[lang] = stanza.Pipeline(
            lang=lang, dir=str(self.models_dir), processors=",".join(processors),
            download_method=None, logging_level="WARN", **kwargs)
        return self._pipelines[lang]

    def analyse(self, texts: list[str], lang: str) -> list[Analysis]:
        results = [Analysis(text=t) for t in texts]
        todo = [i for i, t in enumerate(texts) if t.strip()]
        if not todo:
            return results
        import stanza

        nlp = self.pipeline(lang)
        docs = nlp.bulk_process([stanza.Document([], text=texts[i]) for i in todo])
        for i, doc in zip(todo, docs):
            results[i] = convert(texts[i], doc)
        return results


def convert(text: str, doc: Any) -> Analysis:
    """A stanza Document as backend-neutral records (offsets as stanza gives them, which
    are offsets into `text`)."""
    sentences = []
    for sent in doc.sentences:
        words = []
        for token in sent.tokens:
            for word in token.words:
                words.append(NlpWord(id=int(word.id), text=word.text, lemma=word.lemma,
                                     upos=word.upos, head=int(word.head or 0),
                                     deprel=word.deprel, start=token.start_char,
                                     end=token.end_char))
        if sent.tokens:
            sentences.append(NlpSentence(sent.tokens[0].start_char, sent.tokens[-1].end_char, words))
    entities = [NlpEntity(e.start_char, e.end_char, text[e.start_char:e.end_char], e.type)
                for e in doc.ents]
    return Analysis(text=text, sentences=sentences, entities=entities)
