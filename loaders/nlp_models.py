"""Stanza model management for the CLI: download (with a fast offline check) and status.

Downloading uses stanza's own `stanza.download`, but only after a short reachability
check of stanza's resources host, so a machine without network fails in seconds with
instructions for copying a stanza_resources folder by hand instead of hanging in retries.
"""
from __future__ import annotations

import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from loaders.extract.nlp.stanza_backend import (
    PROCESSORS, SETTING, language_entry, load_resources, required_models, stanza_installed,
)


class ModelsUnavailable(Exception):
    """Models cannot be fetched here (no stanza, or the model host is unreachable)."""


@dataclass
class ModelInfo:
    language: str
    processor: str
    package: str
    path: Path
    size: int  # bytes
    default: bool = False  # loaded by the default pipeline for the language


def manual_copy_help(dir_: Path, langs: list[str]) -> str:
    """How to install models without network: copy a folder made on another machine."""
    commands = "\n".join(
        f"    python -c \"import stanza; stanza.download('{lang}', model_dir='stanza_resources', "
        f"processors='{','.join(PROCESSORS.get(lang, PROCESSORS['en']))}')\"" for lang in langs or ["ar"])
    return (
        "To install the models by hand, on a machine with internet access (same stanza version) run\n"
        f"{commands}\n"
        "then copy the whole stanza_resources folder to this machine. It must keep stanza's layout:\n"
        "    stanza_resources/resources.json\n"
        "    stanza_resources/<lang>/<processor>/<package>.pt, e.g. ar/tokenize/padt.pt, ar/mwt/padt.pt,\n"
        "    ar/pos/…, ar/lemma/…, ar/depparse/…, ar/ner/…, ar/pretrain/…, ar/forward_charlm/…\n"
        f"Put its contents at {dir_} , or put it anywhere and set STANZA_RESOURCES_DIR\n"
        f"(or {SETTING}) to it. Then check it with the models status command."
    )


def _resolve(host: str, port: int, timeout: float) -> None:
    """getaddrinfo within `timeout`: socket timeouts do not cover DNS, which can hang."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            outcome.append(None)
        except OSError as e:
            outcome.append(e)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    if not outcome:
        raise ModelsUnavailable(f"the stanza model host is unreachable ({host}: name lookup timed out)")
    if outcome[0] is not None:
        raise ModelsUnavailable(f"the stanza model host is unreachable ({host}: {outcome[0]})")


def check_reachable(url: str, timeout: float) -> None:
    """Raise ModelsUnavailable unless `url` answers within about `timeout` seconds."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ModelsUnavailable(f"the stanza model host is unreachable (not an http(s) URL: {url})")
    deadline = time.monotonic() + timeout
    _resolve(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), timeout)
    try:
        request = urllib.request.Request(url, method="HEAD")
        with urllib.request.urlopen(request, timeout=max(1.0, deadline - time.monotonic())):
            pass
    except urllib.error.HTTPError as e:
        if e.code >= 500 or e.code in (401, 403, 404):
            raise ModelsUnavailable(f"the stanza model host answered {e.code} for {url}") from e
    except (urllib.error.URLError, OSError, ValueError) as e:
        reason = getattr(e, "reason", e)
        raise ModelsUnavailable(f"the stanza model host is unreachable ({url}: {reason})") from e


def download_models(langs: list[str], dir: Path, timeout: float = 10,
                    resources_url: str | None = None) -> list[Path]:
    """Download the default pipeline models for `langs` into `dir`; returns the files.

    `resources_url` defaults to $STANZA_RESOURCES_URL, then stanza's own default.
    Raises ModelsUnavailable quickly when stanza is missing or its host is unreachable."""
    dir_ = Path(dir).expanduser()
    if not stanza_installed():
        raise ModelsUnavailable("stanza is not installed (pip install 'loader[stanza]')")
    url = resources_url or os.environ.get("STANZA_RESOURCES_URL")
    if url is None:
        from stanza.resources.common import DEFAULT_RESOURCES_URL

        url = DEFAULT_RESOURCES_URL
    from stanza.resources.common import DEFAULT_RESOURCES_VERSION, STANFORDNLP_RESOURCES_URL

    if url.lower() in ("stanford", "stanfordnlp"):  # stanza's own short names
        url = STANFORDNLP_RESOURCES_URL

    probe = f"{url.rstrip('/')}/resources_{DEFAULT_RESOURCES_VERSION}.json"
    try:
        check_reachable(probe, timeout)
    except ModelsUnavailable as e:
        raise ModelsUnavailable(f"{e}\n\n{manual_copy_help(dir_, langs)}") from e

    import requests
    import stanza

    dir_.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for n, lang in enumerate(langs):
        try:
            stanza.download(lang, model_dir=str(dir_), processors=",".join(PROCESSORS.get(lang, PROCESSORS["en"])),
                            resources_url=url, download_json=(n == 0), logging_level="INFO")
        except (requests.RequestException, OSError) as e:
            raise ModelsUnavailable(f"downloading stanza models for {lang} failed: {e}\n\n"
                                    f"{manual_copy_help(dir_, langs)}") from e
        paths += [f.path for f in required_models(dir_, lang)]
    return list(dict.fromkeys(paths))


def models_status(dir: Path) -> list[ModelInfo]:
    """Every model listed in `dir`/resources.json whose file is present, per language."""
    dir_ = Path(dir).expanduser()
    resources = load_resources(dir_)
    out: list[ModelInfo] = []
    for lang, entry in sorted(resources.items()):
        if not isinstance(entry, dict) or "alias" in entry or language_entry(resources, lang) is None:
            continue
        defaults = {(f.processor, f.package) for f in required_models(dir_, lang)}
        for proc, packages in sorted(entry.items()):
            if not isinstance(packages, dict) or proc in ("packages", "default_processors",
                                                          "default_dependencies"):
                continue
            for package, info in sorted(packages.items()):
                path = dir_ / lang / proc / f"{package}.pt"
                if isinstance(info, dict) and path.is_file():
                    out.append(ModelInfo(lang, proc, package, path, path.stat().st_size,
                                         (proc, package) in defaults))
    return out
