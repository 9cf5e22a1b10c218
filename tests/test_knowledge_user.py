"""The user knowledge folder: layered over the packaged registry, checked by the same loader.

A user entry adds aliases to a packaged entity or defines a new one, can retire a packaged
alias, merge one entity into another and add an office holder; a bad file is refused with
its path and line, and then nothing is loaded.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from loaders.cli import app
from loaders.extract.entities import EntityMatcher, Cues, Gazetteer
from loaders.knowledge import KnowledgeError
from loaders.normalize import norm
from loaders.records import Article
from loaders.registry import load_registry
from loaders.segment import Markers, Segmenter

ROOT = Path(__file__).resolve().parent.parent


def _write(root: Path, rel: str, body: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def _owners(reg, surface: str, lang: str) -> set[str]:
    return {a.entity for a in reg.aliases if a.norm == norm(surface) and a.lang == lang and a.entity}


def _found(reg, sentence: str) -> set[str]:
    article = Article(path="t.txt", file_name="t.txt", text=sentence, sha256="0" * 64)
    segments = Segmenter(Markers.load()).segment(article)
    return {m.entity for m in EntityMatcher(Gazetteer.build(reg), Cues.load()).find(sentence, segments) if m.entity}


# ---------------------------------------------------------------- layering: new aliases, new entities
LAYERED = {
    "ar": [
        ("- name: Sergey Lavrov\n  ar: [سيرغيي لافروفف]\n", "سيرغيي لافروفف", "Sergey Lavrov"),
        ("- name: Vladimir Putin\n  short: {ar: [فلاديميرو]}\n", "فلاديميرو", "Vladimir Putin"),
        ("- name: Nadia Qasimi\n  kind: person\n  gender: f\n  country: Jordan\n  ar: [نادية القاسمي]\n",
         "نادية القاسمي", "Nadia Qasimi"),
        ("- name: Wadi Rum Forum\n  kind: organisation\n  ar: [منتدى وادي رم]\n", "منتدى وادي رم", "Wadi Rum Forum"),
    ],
    "en": [
        ("- name: Sergey Lavrov\n  en: [Sergei V. Lavrov]\n", "Sergei V. Lavrov", "Sergey Lavrov"),
        ("- name: Nadia Qasimi\n  kind: person\n  country: Jordan\n  en: [N. Qasimi]\n", "N. Qasimi", "Nadia Qasimi"),
        ("- name: Russia\n  en: [Rossiya]\n", "Rossiya", "Russia"),
    ],
}


@pytest.mark.parametrize("lang, body, surface, entity",
                         [(lang, *row) for lang, rows in LAYERED.items() for row in rows])
def test_user_entry_adds_an_alias_or_an_entity(tmp_path, lang, body, surface, entity):
    assert entity not in _owners(load_registry(), surface, lang)
    _write(tmp_path, "entities/mine.yaml", body)
    reg = load_registry(user_dir=tmp_path)
    assert _owners(reg, surface, lang) == {entity}
    packaged = load_registry()
    if entity in packaged.entities:  # the packaged names are all still there
        old = {(a.norm, a.lang) for a in packaged.aliases if a.entity == entity}
        assert old <= {(a.norm, a.lang) for a in reg.aliases if a.entity == entity}
        assert reg.entities[entity].kind == packaged.entities[entity].kind


def test_several_user_entries_for_one_name_add_up(tmp_path):
    _write(tmp_path, "entities/a.yaml", "- name: Nadia Qasimi\n  kind: person\n  ar: [نادية القاسمي]\n")
    _write(tmp_path, "entities/b.yaml", "- name: Nadia Qasimi\n  ar: [القاسمي]\n  en: [Qasimi]\n")
    reg = load_registry(user_dir=tmp_path)
    assert {a.text for a in reg.aliases if a.entity == "Nadia Qasimi"} == {
        "Nadia Qasimi", "نادية القاسمي", "القاسمي", "Qasimi"}


def test_a_missing_user_folder_is_the_packaged_registry(tmp_path):
    assert len(load_registry(user_dir=tmp_path / "none").aliases) == len(load_registry().aliases)


def test_a_user_entry_is_found_in_text(tmp_path):
    sentence = "التقى فلاديمير بوتين الوزيرة نادية القاسمي في موسكو."
    assert "Nadia Qasimi" not in _found(load_registry(), sentence)
    _write(tmp_path, "entities/mine.yaml", "- name: Nadia Qasimi\n  kind: person\n  gender: f\n  ar: [نادية القاسمي]\n")
    assert {"Nadia Qasimi", "Vladimir Putin"} <= _found(load_registry(user_dir=tmp_path), sentence)


# ---------------------------------------------------------------- retiring a packaged alias
RETIRED = {
    "ar": [("Vladimir Putin", "بوتن"), ("Sergey Lavrov", "لافروف"), ("Moscow", "موسكو"), ("Moscow Kremlin", "الكرملين")],
    "en": [("Vladimir Putin", "Putin"), ("Sergey Lavrov", "Lavrov")],
}


@pytest.mark.parametrize("lang, entity, alias", [(lang, *row) for lang, rows in RETIRED.items() for row in rows])
def test_user_file_retires_a_packaged_alias(tmp_path, lang, entity, alias):
    assert entity in _owners(load_registry(), alias, lang)
    _write(tmp_path, "entities/retire.yaml", f"- name: {entity}\n  retire: {{{lang}: [{alias}]}}\n")
    reg = load_registry(user_dir=tmp_path)
    assert entity not in _owners(reg, alias, lang)
    assert any(a.entity == entity for a in reg.aliases)  # only that alias went


def test_merged_entity_hands_its_names_to_the_other(tmp_path):
    _write(tmp_path, "entities/mine.yaml", "- name: Nadia Qasimi\n  kind: person\n  ar: [نادية القاسمي]\n"
           "- name: N. Qasimi\n  kind: person\n  ar: [ن. القاسمي]\n- name: N. Qasimi\n  merged_into: Nadia Qasimi\n")
    reg = load_registry(user_dir=tmp_path)
    assert "N. Qasimi" not in reg.entities
    assert _owners(reg, "ن. القاسمي", "ar") == {"Nadia Qasimi"}
    assert _owners(reg, "N. Qasimi", "en") == {"Nadia Qasimi"}


def test_user_role_holder_succeeds_the_packaged_one(tmp_path):
    packaged = load_registry()
    before = packaged.holder("foreign_minister", "Russia", dt.date(2023, 9, 1))
    _write(tmp_path, "entities/mine.yaml", "- name: Ivan Novikov\n  kind: person\n  country: Russia\n  ar: [إيفان نوفيكوف]\n")
    _write(tmp_path, "roles/mine.yaml", "- office: foreign_minister\n  country: Russia\n"
           "  holders: [{entity: Ivan Novikov, from: 2031-01-01}]\n")
    reg = load_registry(user_dir=tmp_path)
    assert reg.holder("foreign_minister", "Russia", dt.date(2023, 9, 1)) == before
    assert reg.holder("foreign_minister", "Russia", dt.date(2031, 6, 1)) == "Ivan Novikov"
    assert reg.holder("foreign_minister", "Russia", None) == "Ivan Novikov"


# ---------------------------------------------------------------- bad user files: file and line
BAD = [
    ("entities/a.yaml", "- name: Nadia Qasimi\n  kind: person\n\n- name: Omar Haddad\n  kind: person\n  arbic: [عمر]\n",
     6, "unknown key 'arbic'"),
    ("entities/b.yaml", "- name: Omar Haddad\n  kind: person\n  ar: عمر حداد\n", 3, "expected a list"),
    ("entities/c.yaml", "- name: Omar Haddad\n  ar: [عمر حداد]\n", 1, "needs a kind"),
    ("entities/d.yaml", "- name: Omar Haddad\n  kind: person\n  retire: {fr: [Omar]}\n", 3, "unknown key 'fr'"),
    ("entities/e.yaml", "- name: Vladimir Putin\n  kind: state\n", 1, "is a person, not a state"),
    ("entities/f.yaml", "- name: Omar Haddad\n  kind: person\n  country: Atlantis\n", 1, "Atlantis"),
    ("entities/g.yaml", "- name: Omar Haddad\n  kind: person\n  gender: x\n", 3, "not one of f, m"),
    ("entities/h.yaml", "- name: Omar Haddad\n  kind: person\n  ar: [عمر\n", 4, "not valid YAML"),
    ("entities/i.yaml", "- name: Omar Haddad\n  merged_into: Nobody\n", 1, "Nobody"),
    ("roles/r.yaml", "- office: foreign_minister\n  country: Russia\n  holders:\n    - {entity: Nobody, from: 2030-01-01}\n",
     1, "unknown holder"),
    ("roles/s.yaml", "- office: foreign_minister\n  country: Russia\n  holders:\n    - {entity: Sergey Lavrov, since: 2030-01-01}\n",
     4, "unknown key 'since'"),
]


@pytest.mark.parametrize("rel, body, line, message", BAD)
def test_bad_user_file_names_file_and_line(tmp_path, rel, body, line, message):
    path = _write(tmp_path, rel, body)
    with pytest.raises(KnowledgeError) as caught:
        load_registry(user_dir=tmp_path)
    assert str(caught.value).startswith(f"{path}:{line}:"), str(caught.value)
    assert message in str(caught.value)


@pytest.mark.parametrize("rel, body, line, message", BAD[:3])
def test_load_with_a_bad_user_file_loads_nothing(engine, db_url, tmp_path, rel, body, line, message):
    path = _write(tmp_path / "knowledge", rel, body)
    with engine.connect() as c:
        before = c.execute(text("SELECT count(*), (SELECT count(*) FROM load_runs) FROM articles")).one()
    result = CliRunner().invoke(app, ["load", str(ROOT / "seeds"), "--nlp", "rules"],
                                env={"DATABASE_URL": db_url, "LOADER_KNOWLEDGE": str(tmp_path / "knowledge")})
    assert result.exit_code != 0
    assert f"{path}:{line}:" in result.output.replace("\n", "")
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*), (SELECT count(*) FROM load_runs) FROM articles")).one() == before
