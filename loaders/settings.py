"""Settings from the environment: the only global state the loader keeps.

`DATABASE_URL` wins when set; otherwise the embedded PostgreSQL lives under `LOADER_HOME`.
The user knowledge folder (`LOADER_KNOWLEDGE`, default `knowledge/` under `LOADER_HOME`) holds
the analyst's own entities and roles, layered over the packaged ones and kept across upgrades.
As root, the embedded server runs as a separate system user and opens read access on
every parent of its data folder, so root's default home is kept out of that path.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

MAX_FILE_BYTES = 5 * 1024 * 1024


def _default_home() -> Path:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return Path("/var/lib/loader")
    return Path(platformdirs.user_data_dir("loader"))


@dataclass(frozen=True)
class Settings:
    database_url: str | None = None
    home: Path = field(default_factory=_default_home)
    max_file_bytes: int = MAX_FILE_BYTES
    knowledge_dir: Path | None = None  # None: `knowledge` under home

    @classmethod
    def from_env(cls) -> "Settings":
        home = os.environ.get("LOADER_HOME")
        return cls(
            database_url=os.environ.get("DATABASE_URL") or None,
            home=Path(home) if home else _default_home(),
            max_file_bytes=int(os.environ.get("LOADER_MAX_FILE_BYTES", MAX_FILE_BYTES)),
            knowledge_dir=Path(os.environ["LOADER_KNOWLEDGE"]) if os.environ.get("LOADER_KNOWLEDGE") else None,
        )

    @property
    def pgdata(self) -> Path:
        return self.home / "pgdata"

    @property
    def knowledge(self) -> Path:
        """The user knowledge folder (entities/*.yaml, roles/*.yaml), which may not exist yet."""
        return self.knowledge_dir or self.home / "knowledge"
