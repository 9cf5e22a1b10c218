"""Every command documents itself: help text that ends with an example; the compose file is sound."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from typer.main import get_command
from typer.testing import CliRunner

from loaders.cli import app

ROOT = Path(__file__).resolve().parent.parent


def _commands(group, prefix=()):
    for name, cmd in getattr(group, "commands", {}).items():
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, prefix + (name,))
        else:
            yield prefix + (name,), cmd


COMMANDS = list(_commands(get_command(app)))


@pytest.mark.parametrize("path,cmd", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_has_help_with_example(path, cmd):
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert cmd.help and len(cmd.help.strip()) > 20
    assert re.search(r"Example: \S+", cmd.help), f"{' '.join(path)} help has no example"


def test_all_expected_commands_exist():
    names = {" ".join(p) for p, _ in COMMANDS}
    assert {"load", "export", "db status", "db start", "db stop", "db url", "db psql", "db upgrade",
            "query", "timeline", "db grant-analyst", "models download", "models status"} <= names


def test_compose_has_pinned_postgres_with_volume_and_healthcheck():
    spec = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    db = spec["services"]["db"]
    image, _, tag = db["image"].partition(":")
    assert image == "postgres" and re.match(r"^\d+\.\d+", tag), "PostgreSQL image must be pinned to a version"
    assert any(v.startswith("pgdata:") for v in db["volumes"]) and "pgdata" in spec["volumes"]
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    loader = spec["services"]["loader"]
    assert loader["build"] == "." and (ROOT / "Dockerfile").exists()
    assert loader["depends_on"]["db"]["condition"] == "service_healthy"
    assert loader["environment"]["DATABASE_URL"].startswith("postgresql://")
    bi = spec["services"]["metabase"]
    assert re.match(r"^metabase/metabase:v\d+\.\d+\.\d+$", bi["image"]), "dashboard image must be pinned"
    assert bi["depends_on"]["db"]["condition"] == "service_healthy"


def test_readme_quick_start_has_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Quick start", 1)[1].split("```", 2)[1]
    commands = [line for line in block.splitlines()[1:] if line.strip() and not line.startswith("#")]
    assert commands == ["make load", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()
