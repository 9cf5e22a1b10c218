"""One loader for the knowledge files under `loaders/data/`, rejecting unknown keys.

Gazetteers, role tables, trigger words and date words live in YAML so that an analyst can
extend them without touching code. A typo in a key would otherwise be silently ignored and
an alias would vanish; so every file is checked against a small schema when read.

Schema notation: a Python type; a tuple of alternatives (`None` allows null); a frozenset of
the allowed values (`frozenset({"m", "f"})`); `Between(lo, hi)` for a number in a closed range
(latitudes, longitudes); `[spec]` for a list of items; a dict of keys to
specs, where a key ending in `!` is required and the key `"*"` stands for any other key (a
mapping of free names to values).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


class KnowledgeError(ValueError):
    """A knowledge file that does not match its schema; `line` is where in the file (1-based)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Between:
    """A number from lo to hi inclusive: a latitude outside [-90, 90] is a typo, not a place."""

    lo: float
    hi: float


class Located(dict):
    """A mapping read from YAML that remembers its line and the line of each key."""

    line: int | None = None
    key_lines: dict


class LocatedList(list):
    """A list read from YAML that remembers its line and the line of each item."""

    line: int | None = None
    item_lines: list


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """yaml's safe loader, building Located mappings and lists from the nodes' marks."""


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    found = Located()
    found.line, found.key_lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        found[key] = loader.construct_object(value_node, deep=True)
        found.key_lines[key] = key_node.start_mark.line + 1
    return found


def _sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LocatedList:
    found = LocatedList(loader.construct_object(n, deep=True) for n in node.value)
    found.line, found.item_lines = node.start_mark.line + 1, [n.start_mark.line + 1 for n in node.value]
    return found


_Loader.add_constructor("tag:yaml.org,2002:map", _mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _sequence)


def line_of(value: Any) -> int | None:
    """The line a mapping or list read by `load_yaml` starts on (None for other values)."""
    return getattr(value, "line", None)


def check(value: Any, spec: Any, where: str, line: int | None = None) -> None:
    """Check a value against a spec; a KnowledgeError carries the line of the offending key or item."""
    if spec is Any:
        return
    line = line_of(value) or line
    if isinstance(spec, tuple):
        errors: list[KnowledgeError] = []
        for alt in spec:
            try:
                check(value, alt, where, line)
                return
            except KnowledgeError as exc:
                errors.append(exc)
        if len(errors) == 1:
            raise errors[0]
        raise KnowledgeError(f"{where}: none of the allowed forms fit ({'; '.join(map(str, errors))})",
                             errors[0].line or line)
    if isinstance(spec, Between):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not spec.lo <= value <= spec.hi:
            raise KnowledgeError(f"{where}: expected a number from {spec.lo} to {spec.hi}, got {value!r}", line)
        return
    if isinstance(spec, frozenset):
        if value not in spec:
            raise KnowledgeError(f"{where}: {value!r} is not one of {', '.join(sorted(map(str, spec)))}", line)
        return
    if spec is None:
        if value is not None:
            raise KnowledgeError(f"{where}: expected null, got {value!r}", line)
        return
    if isinstance(spec, list):
        if not isinstance(value, list):
            raise KnowledgeError(f"{where}: expected a list, got {type(value).__name__}", line)
        item_lines = getattr(value, "item_lines", [])
        for i, item in enumerate(value):
            check(item, spec[0], f"{where}[{i}]", item_lines[i] if i < len(item_lines) else line)
        return
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            raise KnowledgeError(f"{where}: expected a mapping, got {type(value).__name__}", line)
        keys = {k.rstrip("!"): v for k, v in spec.items()}
        for k in spec:
            if k.endswith("!") and k[:-1] not in value:
                raise KnowledgeError(f"{where}: missing required key {k[:-1]!r}", line)
        key_lines = getattr(value, "key_lines", {})
        for k, v in value.items():
            if k in keys:
                check(v, keys[k], f"{where}.{k}", key_lines.get(k, line))
            elif "*" in keys:
                check(v, keys["*"], f"{where}.{k}", key_lines.get(k, line))
            else:
                raise KnowledgeError(f"{where}: unknown key {k!r} (allowed: {', '.join(sorted(keys))})",
                                     key_lines.get(k, line))
        return
    if spec is float and isinstance(value, int) and not isinstance(value, bool):
        return
    if isinstance(spec, type) and not isinstance(value, spec):
        raise KnowledgeError(f"{where}: expected {spec.__name__}, got {type(value).__name__} {value!r}", line)


def load_yaml(path: Path, schema: Any) -> Any:
    """Read one YAML file and check it; errors begin with `file:line:` and name the key path."""
    return _parse(path, path.read_text(encoding="utf-8"), schema)


def _parse(path: Path, body: str, schema: Any) -> Any:
    """A file's text parsed and checked; `path` is for the error messages."""
    try:
        data = yaml.load(body, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise KnowledgeError(f"{where}: not valid YAML: {exc}", mark.line + 1 if mark else None) from exc
    try:
        check(data, schema, path.name)
    except KnowledgeError as exc:
        raise KnowledgeError(f"{path}:{exc.line}: {exc}" if exc.line else f"{path}: {exc}", exc.line) from None
    return data


_shared: dict[Path, tuple[str, Any, Any]] = {}  # path → (text, schema, data) of the last version read


def load_shared(path: Path, schema: Any) -> Any:
    """`load_yaml` for the registry's files, read again at every edit and extractor build (~1 s for
    ~2,400 entities): parsed and checked again only when the text changed. The data is shared
    between callers, who must not change it."""
    body = path.read_text(encoding="utf-8")
    last = _shared.get(path)
    if last is not None and last[0] == body and last[1] is schema:
        return last[2]
    data = _parse(path, body, schema)
    _shared[path] = (body, schema, data)
    return data


def load_all(folder: str, schema: Any, data_dir: Path = DATA_DIR) -> list[tuple[Path, Any]]:
    """Every `*.yaml` file in one data folder, sorted by name, each checked (`load_shared`)."""
    return [(p, load_shared(p, schema)) for p in sorted((data_dir / folder).glob("*.yaml"))]
