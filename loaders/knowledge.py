"""One loader for the knowledge files under `loaders/data/`, rejecting unknown keys.

Gazetteers, role tables, trigger words and date words live in YAML so that an analyst can
extend them without touching code. A typo in a key would otherwise be silently ignored and
an alias would vanish; so every file is checked against a small schema when read.

Schema notation: a Python type; a tuple of alternatives (`None` allows null); a frozenset of
the allowed values (`frozenset({"m", "f"})`); `[spec]` for a list of items; a dict of keys to
specs, where a key ending in `!` is required and the key `"*"` stands for any other key (a
mapping of free names to values).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


class KnowledgeError(ValueError):
    """A knowledge file that does not match its schema."""


def check(value: Any, spec: Any, where: str) -> None:
    if spec is Any:
        return
    if isinstance(spec, tuple):
        errors = []
        for alt in spec:
            try:
                check(value, alt, where)
                return
            except KnowledgeError as exc:
                errors.append(str(exc))
        raise KnowledgeError(errors[0] if len(errors) == 1 else f"{where}: none of the allowed forms fit ({'; '.join(errors)})")
    if isinstance(spec, frozenset):
        if value not in spec:
            raise KnowledgeError(f"{where}: {value!r} is not one of {', '.join(sorted(map(str, spec)))}")
        return
    if spec is None:
        if value is not None:
            raise KnowledgeError(f"{where}: expected null, got {value!r}")
        return
    if isinstance(spec, list):
        if not isinstance(value, list):
            raise KnowledgeError(f"{where}: expected a list, got {type(value).__name__}")
        for i, item in enumerate(value):
            check(item, spec[0], f"{where}[{i}]")
        return
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            raise KnowledgeError(f"{where}: expected a mapping, got {type(value).__name__}")
        keys = {k.rstrip("!"): v for k, v in spec.items()}
        for k in spec:
            if k.endswith("!") and k[:-1] not in value:
                raise KnowledgeError(f"{where}: missing required key {k[:-1]!r}")
        for k, v in value.items():
            if k in keys:
                check(v, keys[k], f"{where}.{k}")
            elif "*" in keys:
                check(v, keys["*"], f"{where}.{k}")
            else:
                raise KnowledgeError(f"{where}: unknown key {k!r} (allowed: {', '.join(sorted(keys))})")
        return
    if spec is float and isinstance(value, int) and not isinstance(value, bool):
        return
    if isinstance(spec, type) and not isinstance(value, spec):
        raise KnowledgeError(f"{where}: expected {spec.__name__}, got {type(value).__name__} {value!r}")


def load_yaml(path: Path, schema: Any) -> Any:
    """Read one YAML file and check it; errors name the file and the key path."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: not valid YAML: {exc}") from exc
    check(data, schema, path.name)
    return data


def load_all(folder: str, schema: Any, data_dir: Path = DATA_DIR) -> list[tuple[Path, Any]]:
    """Every `*.yaml` file in one data folder, sorted by name, each checked."""
    return [(p, load_yaml(p, schema)) for p in sorted((data_dir / folder).glob("*.yaml"))]
