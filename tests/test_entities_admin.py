"""`loader entities` on a loaded database: add, alias, retire, merge, promote, import, export,
and `--reextract-affected` turning unresolved names into mentions and event participants.

Each test loads articles written here into the rolled-back `conn` (or uses the seeded
database), edits the knowledge in a temporary user folder, and checks both the folder and
the database.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sqlalchemy import text
from typer.testing import CliRunner

from loaders import entities_admin as admin
from loaders.cli import app
from loaders.knowledge import KnowledgeError
from loaders.pipeline import Extractor, load_paths
from loaders.reextract import affected_articles, reextract_affected, variants
from loaders.registry import load_registry

ARTICLES = {
    "hamdan.txt": "بوتين يستقبل نائبة أردنية في الكرملين\n\nموسكو، 14 مارس 2024 - استقبل الرئيس الروسي فلاديمير بوتين "
                  "النائبة نادية حمدان في الكرملين يوم الخميس، وبحث معها التعاون البرلماني بين البلدين.\n"
                  "وقالت النائبة نادية حمدان إن الزيارة تفتح صفحة جديدة في العلاقات.\n",
    "mansour.txt": "لافروف يستقبل سفيرا مصريا\n\nموسكو، 9 مايو 2024 - استقبل وزير الخارجية الروسي سيرغي لافروف "
                   "السفير كريم منصور في موسكو يوم الخميس.\n",
    "dawood.txt": "شويغو يلتقي خبيرا عسكريا\n\nموسكو، 11 يونيو 2024 - التقى سيرغي شويغو الخبير العسكري سامي داود "
                  "في موسكو، وأكد داود بعد اللقاء أن المحادثات كانت مثمرة.\n",
    "hamdan_en.txt": "Putin meets a lawmaker\n\nMOSCOW, March 14, 2024 - Russian President Vladimir Putin met "
                     "lawmaker Nadia Hamdan at the Kremlin on Thursday.\n",
    "wang.txt": "وزير الخارجية الصيني يزور القاهرة\n\nالقاهرة، 2 أبريل 2024 - وصل وزير الخارجية الصيني وانغ يي إلى "
                "القاهرة يوم الثلاثاء في زيارة رسمية يلتقي خلالها الرئيس عبد الفتاح السيسي.\n",
}

# (entity to add with its aliases, the articles naming it, the surface left unresolved before, if any)
PEOPLE = {
    "ar": [
        ({"name": "Nadia Hamdan", "kind": "person", "gender": "f", "country": "Jordan", "ar": ["نادية حمدان"]},
         ["hamdan.txt", "hamdan_en.txt"], "نادية حمدان"),  # the canonical name is an English alias too
        ({"name": "Karim Mansour", "kind": "person", "country": "Egypt", "ar": ["كريم منصور"]},
         ["mansour.txt"], "كريم منصور"),
        ({"name": "Sami Dawood", "kind": "person", "ar": ["سامي داود"], "short": {"ar": ["داود"]}},
         ["dawood.txt"], "سامي داود"),
    ],
    "en": [
        ({"name": "Nadia Hamdan", "kind": "person", "country": "Jordan", "en": ["Nadia Hamdan"]},
         ["hamdan_en.txt"], None),
    ],
}
ROWS = [(lang, *row) for lang, rows in PEOPLE.items() for row in rows]


@pytest.fixture()
def loaded(conn, settings, extractor, tmp_path):
    """The articles above loaded with the packaged registry; (connection, user knowledge folder)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, body in ARTICLES.items():
        (folder / name).write_text(body, encoding="utf-8")
    summary = load_paths(conn, [folder], settings, extractor=extractor)
    assert summary.new == len(ARTICLES), summary.errors
    return conn, tmp_path / "knowledge"


def _article_ids(conn) -> dict[str, int]:
    return dict(conn.execute(text("SELECT file_name, id FROM articles")).all())


def _counts(conn, entity: str) -> tuple[int, int]:
    return conn.execute(text(
        "SELECT (SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.name = :n),"
        " (SELECT count(*) FROM event_participants p JOIN entities e ON e.id = p.entity_id WHERE e.name = :n)"),
        {"n": entity}).one()


def _unresolved(conn, surface: str) -> int:
    return conn.execute(text("SELECT count(*) FROM v_unresolved_mentions WHERE surface = :s"), {"s": surface}).scalar()


@pytest.mark.parametrize("lang, entry, files, surface", ROWS)
def test_add_then_reextract_affected_links_the_person(loaded, lang, entry, files, surface):
    conn, knowledge = loaded
    before = _article_ids(conn)
    if surface:
        assert _unresolved(conn, surface) > 0
    assert _counts(conn, entry["name"]) == (0, 0)
    admin.add(conn, knowledge, dict(entry))
    written = yaml.safe_load((knowledge / admin.ANALYST_FILE).read_text(encoding="utf-8"))
    assert [e["name"] for e in written] == [entry["name"]]
    summary = reextract_affected(conn, Extractor(load_registry(user_dir=knowledge)))
    mentions, participants = _counts(conn, entry["name"])
    assert mentions >= 1 and participants >= 1
    fused = conn.execute(text("SELECT count(*) FROM canonical_event_participants p JOIN entities e "
                              "ON e.id = p.entity_id WHERE e.name = :n"), {"n": entry["name"]}).scalar()
    assert fused >= 1  # the re-extracted events are fused like loaded ones
    if surface:
        assert _unresolved(conn, surface) == 0
    after = _article_ids(conn)
    assert summary.replaced == len(files)
    assert {f for f in before if before[f] != after[f]} == set(files)  # only those articles were re-extracted
    pending = conn.execute(text("SELECT count(*) FROM knowledge_changes WHERE reextracted_run_id IS NULL")).scalar()
    assert pending == 0
    again = reextract_affected(conn, Extractor(load_registry(user_dir=knowledge)))
    assert again.replaced == 0


@pytest.mark.parametrize("alias, lang, found", [
    ("نادية حمدان", "ar", {"hamdan.txt"}), ("كريم منصور", "ar", {"mansour.txt"}), ("داود", "ar", {"dawood.txt"}),
    ("شويغو", "ar", {"dawood.txt"}), ("Nadia Hamdan", "en", {"hamdan_en.txt"}), ("وانغ يي", "ar", {"wang.txt"}),
    ("القاهرة", "ar", {"wang.txt"}), ("الكرملين", "ar", {"hamdan.txt"}), ("Kremlin", "en", {"hamdan_en.txt"}),
    ("سيرغي لافروف", "ar", {"mansour.txt"}), ("Absent Name", "en", set()), ("اسم غائب", "ar", set()),
])
def test_affected_articles_come_from_the_full_text_index(loaded, alias, lang, found):
    conn, _ = loaded
    ids = _article_ids(conn)
    assert {f for f, i in ids.items() if i in affected_articles(conn, [(alias, lang)])} == found


@pytest.mark.parametrize("alias, expected", [
    ("نادية حمدان", {"نادية حمدان", "ونادية حمدان", "بنادية حمدان", "لنادية حمدان"}),
    ("الكرملين", {"الكرملين", "والكرملين", "بالكرملين", "للكرملين"}),
])
def test_arabic_aliases_are_searched_with_their_proclitics(alias, expected):
    assert expected <= set(variants(alias, "ar"))
    assert variants("Kremlin", "en") == ["Kremlin"]


def test_alias_of_a_packaged_entity_then_retire(loaded):
    conn, knowledge = loaded
    admin.alias(conn, knowledge, "Jordan", "Hashemite Realm")  # a spelling none of the articles uses
    assert admin.find(load_registry(user_dir=knowledge), "Hashemite Realm") == "Jordan"
    admin.alias(conn, knowledge, "Sergei Shoigu", "الخبير العسكري")
    reextract_affected(conn, Extractor(load_registry(user_dir=knowledge)))
    shoigu = conn.execute(text("SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id "
                               "WHERE e.name = 'Sergei Shoigu' AND m.surface = 'الخبير العسكري'")).scalar()
    assert shoigu == 1
    admin.retire(conn, knowledge, "Sergei Shoigu", "الخبير العسكري")
    reextract_affected(conn, Extractor(load_registry(user_dir=knowledge)))
    shoigu = conn.execute(text("SELECT count(*) FROM mentions WHERE surface = 'الخبير العسكري' "
                               "AND entity_id IS NOT NULL")).scalar()
    assert shoigu == 0
    assert not any(a.text == "الخبير العسكري" for a in load_registry(user_dir=knowledge).aliases)


@pytest.mark.parametrize("entry, message", [
    ({"name": "Omar Haddad", "kind": "person", "country": "Atlantis", "ar": ["عمر حداد"]}, "Atlantis"),
    ({"name": "Omar Haddad", "kind": "planet"}, "kind must be one of"),
    ({"name": "Omar Haddad", "kind": "person", "gender": "x"}, "not one of f, m"),
    ({"name": "Vladimir Putin", "kind": "person", "ar": ["بوتين"]}, "exists already"),
])
def test_a_refused_add_changes_neither_folder_nor_database(loaded, entry, message):
    conn, knowledge = loaded
    admin.add(conn, knowledge, {"name": "Kept Person", "kind": "person", "ar": ["شخص باق"]})
    file_before = (knowledge / admin.ANALYST_FILE).read_text(encoding="utf-8")
    entities_before = conn.execute(text("SELECT count(*) FROM entities")).scalar()
    with pytest.raises((KnowledgeError, admin.AdminError), match=message):
        admin.add(conn, knowledge, entry)
    assert (knowledge / admin.ANALYST_FILE).read_text(encoding="utf-8") == file_before
    assert conn.execute(text("SELECT count(*) FROM entities")).scalar() == entities_before


MERGES = [("Dmitry Peskov", "Vladimir Putin"), ("Choe Son Hui", "Kim Jong Un"), ("Sergei Shoigu", "Sergey Lavrov")]


@pytest.mark.parametrize("duplicate, keep", MERGES)
def test_merge_moves_mentions_and_participants(seeded, tmp_path, duplicate, keep):
    knowledge = tmp_path / "knowledge"
    ids = dict(seeded.execute(text("SELECT name, id FROM entities")).all())
    a, b = ids[duplicate], ids[keep]
    mentions = seeded.execute(text("SELECT count(*) FROM mentions WHERE entity_id IN (:a, :b)"), {"a": a, "b": b}).scalar()
    events = set(seeded.execute(text("SELECT event_id FROM event_participants WHERE entity_id IN (:a, :b)"),
                                {"a": a, "b": b}).scalars())
    assert seeded.execute(text("SELECT count(*) FROM mentions WHERE entity_id = :a"), {"a": a}).scalar() > 0
    edit = admin.merge(seeded, knowledge, duplicate, keep)
    assert edit.counts["entities"] == 1
    assert seeded.execute(text("SELECT count(*) FROM entities WHERE id = :a"), {"a": a}).scalar() == 0
    assert seeded.execute(text("SELECT count(*) FROM mentions WHERE entity_id = :b"), {"b": b}).scalar() == mentions
    assert set(seeded.execute(text("SELECT event_id FROM event_participants WHERE entity_id = :b"),
                              {"b": b}).scalars()) == events
    dyads = set(seeded.execute(text("SELECT entity_a, entity_b, event_id FROM event_dyads")).all())
    derived = set(seeded.execute(text("SELECT x.entity_id, y.entity_id, x.event_id FROM event_participants x "
                                      "JOIN event_participants y ON y.event_id = x.event_id "
                                      "AND y.entity_id <> x.entity_id")).all())
    assert dyads == derived
    reg = load_registry(user_dir=knowledge)
    assert duplicate not in reg.entities
    assert admin.find(reg, duplicate) == keep  # the old name is now an alias of the one kept


def test_merge_is_one_transaction(seeded, tmp_path, monkeypatch):
    knowledge = tmp_path / "knowledge"
    before = seeded.execute(text("SELECT count(*) FROM mentions WHERE entity_id IS NOT NULL")).scalar()
    monkeypatch.setattr(admin, "sync_registry", lambda conn, reg: (_ for _ in ()).throw(RuntimeError("disk full")))
    with pytest.raises(RuntimeError):
        admin.merge(seeded, knowledge, "Dmitry Peskov", "Vladimir Putin")
    assert not (knowledge / admin.ANALYST_FILE).exists()
    assert seeded.execute(text("SELECT count(*) FROM entities WHERE name = 'Dmitry Peskov'")).scalar() == 1
    assert seeded.execute(text("SELECT count(*) FROM mentions WHERE entity_id IS NOT NULL")).scalar() == before


def test_promote_every_unresolved_surface_of_the_seeds(seeded, tmp_path):
    knowledge = tmp_path / "knowledge"
    surfaces = sorted(set(seeded.execute(text("SELECT surface FROM v_unresolved_mentions")).scalars()))
    assert surfaces
    for n, surface in enumerate(surfaces):
        waiting = _unresolved(seeded, surface)
        edit = admin.promote(seeded, knowledge, surface, {"name": f"Promoted Person {n}"})
        assert edit.counts["mentions"] == waiting
        assert _unresolved(seeded, surface) == 0
        assert _counts(seeded, f"Promoted Person {n}")[0] == waiting
        assert admin.find(load_registry(user_dir=knowledge), surface) == f"Promoted Person {n}"
    with pytest.raises(admin.AdminError, match="no unresolved mention"):
        admin.promote(seeded, knowledge, "اسم لا يرد", {"name": "Nobody Here"})


@pytest.mark.parametrize("lang, entry, files, surface", [r for r in ROWS if r[3]])
def test_promote_then_reextract_makes_event_participants(loaded, lang, entry, files, surface):
    conn, knowledge = loaded
    admin.promote(conn, knowledge, surface, {k: v for k, v in entry.items() if k not in ("ar", "short")})
    assert _counts(conn, entry["name"])[1] == 0  # linked mentions at once; events need the re-extraction
    summary = reextract_affected(conn, Extractor(load_registry(user_dir=knowledge)))
    assert summary.replaced == len(files)
    assert _counts(conn, entry["name"])[1] >= 1


CSV_OK = "name,kind,country,gender,ar,en,short_ar\nLayla Saad,person,Egypt,f,ليلى سعد|ليلى سعدي,Layla Saad,سعدي\n"


@pytest.mark.parametrize("suffix, body, line, message", [
    (".csv", "name,kind,colour\nX,person,red\n", 1, "colour"),
    (".csv", "name,kind,gender\nX,person,female\n", 2, "not one of f, m"),
    (".yaml", "- name: X\n  kind: person\n- name: Y\n  kind: person\n  arabic: [واي]\n", 5, "arabic"),
])
def test_import_refuses_a_bad_file_with_its_line(loaded, tmp_path, suffix, body, line, message):
    conn, knowledge = loaded
    path = tmp_path / f"in{suffix}"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=message) as caught:
        admin.import_file(conn, knowledge, path)
    assert str(caught.value).startswith(f"{path}:{line}:")
    assert not (knowledge / admin.ANALYST_FILE).exists()


def test_import_csv_and_export_round_trip(loaded, tmp_path):
    conn, knowledge = loaded
    path = tmp_path / "people.csv"
    path.write_text(CSV_OK, encoding="utf-8")
    admin.import_file(conn, knowledge, path)
    reg = load_registry(user_dir=knowledge)
    assert {a.text for a in reg.aliases if a.entity == "Layla Saad"} == {"Layla Saad", "ليلى سعد", "ليلى سعدي", "سعدي"}
    exported = tmp_path / "all.csv"
    exported.write_text(admin.export(reg, "csv", "person"), encoding="utf-8")
    again = admin.read_entries(exported)
    assert next(e for e in again if e["name"] == "Layla Saad")["ar"] == ["ليلى سعد", "ليلى سعدي"]
    assert len(again) == sum(e.kind == "person" for e in reg.entities.values())
    as_yaml = yaml.safe_load(admin.export(reg, "yaml"))
    assert len(as_yaml) == len(reg.entities)


def test_cli_add_list_show(engine, db_url, tmp_path):
    env = {"DATABASE_URL": db_url, "LOADER_KNOWLEDGE": str(tmp_path / "knowledge")}
    runner = CliRunner()
    try:
        added = runner.invoke(app, ["entities", "add", "Cli Person Test", "--country", "Egypt", "--ar", "شخص الاختبار"],
                              env=env)
        assert added.exit_code == 0, added.output
        listed = runner.invoke(app, ["entities", "list", "--name", "Cli Person"], env=env)
        assert "Cli Person Test" in listed.output
        shown = runner.invoke(app, ["entities", "show", "شخص الاختبار"], env=env)
        assert shown.exit_code == 0 and "Egypt" in shown.output and "0 mentions" in shown.output
        refused = runner.invoke(app, ["entities", "add", "Cli Person Test"], env=env)
        assert refused.exit_code == 1 and "exists already" in refused.output
    finally:
        with engine.begin() as c:
            c.execute(text("DELETE FROM entities WHERE name = 'Cli Person Test'"))
            c.execute(text("DELETE FROM knowledge_changes WHERE entity = 'Cli Person Test'"))
