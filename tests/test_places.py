"""Event places: the locate stage on our own sentences, then places stored, viewed and mapped.

The phrase tables run without a database (locate is pure, like the other extraction
stages); the seed and export tests use the real PostgreSQL.
"""
from __future__ import annotations

import json
from io import StringIO

import pytest
from sqlalchemy import select, text

from loaders.export import geojson, write_geojson
from loaders.geo import GAZETTEER_SCHEMA
from loaders.knowledge import DATA_DIR, KnowledgeError, check, load_yaml
from loaders.pipeline import load_paths
from loaders.records import Article
from models import Entity


def located(extractor, body: str) -> list[tuple[str, str | None, str | None]]:
    """(type, place, precision) of every event in the body."""
    article = Article(path="t.txt", file_name="t.txt", text=f"عنوان الخبر\n{body}", sha256="0" * 64,
                      published_text="2024-01-10")
    return [(e.type, e.place.name if e.place else None, e.place.level if e.place else None)
            for e in extractor.extract(article).events if e.segment_order > 0]


# ------------------------------------------------------------------------------ Arabic
PLACES_AR = [
    ("التقى الرئيس الروسي فلاديمير بوتين بالزعيم الكوري الشمالي كيم جونغ أون في بيونغ يانغ.", "Pyongyang", "city"),
    ("وعقد لافروف محادثات مع تشوي سون هوي في بيونغيانغ أمس.", "Pyongyang", "city"),
    ("اجتمع بوتين وكيم جونغ أون في قاعدة فوستوشني الفضائية.", "Vostochny Cosmodrome", "venue"),
    ("وأجرى بوتين وكيم جونغ أون مباحثات في محطة فوستوتشني الفضائية شرق روسيا.", "Vostochny Cosmodrome", "venue"),
    ("التقى كيم جونغ أون بوزير الدفاع الروسي في ميناء فوستوشني.", "Port of Vostochny", "venue"),
    ("استقبل بوتين كيم جونغ أون في الكرملين.", "Moscow Kremlin", "venue"),
    ("وزار وزير الخارجية الصيني وانغ يي موسكو والتقى لافروف بالكرملين.", "Moscow Kremlin", "venue"),
    ("وصلت وزيرة الخارجية الكورية الشمالية تشوي سون هوي إلى موسكو.", "Moscow", "city"),
    ("قام لافروف بزيارة لكوريا الشمالية استغرقت يومين.", "North Korea", "country"),
    ("بدأ كيم جونغ أون زيارة رسمية إلى روسيا.", "Russia", "country"),
    ("وجرى اللقاء بين بوتين وكيم على الأراضي الروسية.", "Russia", "country"),
    ("التقى بوتين بالرئيس الصيني شي جين بينغ في العاصمة الروسية.", "Moscow", "city"),
    ("واجتمع شويغو وكيم جونغ أون في مدينة فلاديفوستوك.", "Vladivostok", "city"),
    ("التقى بوتين بالرئيس التركي أردوغان في سوتشي.", "Sochi", "city"),
    ("واجتمع وزيرا الخارجية الروسي والصيني في قازان.", "Kazan", "city"),
    ("وعقد بوتين وكيم جونغ أون اجتماعا في مقاطعة أمور الروسية.", "Amur Oblast", "region"),
    ("ووقعت روسيا وكوريا الشمالية اتفاقية للتعاون بمدينة فلاديفوستوك.", "Vladivostok", "city"),
    ("واستقبل الرئيس الروسي ضيفه الكوري الشمالي بموسكو.", "Moscow", "city"),
    ("واجتمع شويغو في واشنطن بلويد أوستن.", "Washington, D.C.", "city"),
    ("وزارت وزيرة الخارجية الكورية الشمالية تشوي سون هوي الكرملين أمس.", "Moscow Kremlin", "venue"),
    ("وسيزور بوتين بيونغ يانغ الشهر المقبل.", "Pyongyang", "city"),
    ("وفي موسكو، التقى بوتين بكيم جونغ أون.", "Moscow", "city"),
]

NO_PLACE_AR = [
    "واتهمت موسكو واشنطن بتأجيج التوتر في شبه الجزيرة الكورية.",       # موسكو acts as the government
    "وأعلن لافروف عمق علاقات روسيا ببيونغ يانغ.",                       # ب is "with", not "in"
    "وأعلن لافروف أن الوضع في أوكرانيا يزداد سوءا.",                    # the place is in what he said
    "وبحث الوزيران في أمور التعاون الاقتصادي بين روسيا وكوريا الشمالية.",  # أمور: "matters", not the Amur
    "وقال بيسكوف في بيان إن بوتين سيلتقي كيم جونغ أون.",                # بيان: "a statement", not Bayan
    "التقى بوتين بكيم جونغ أون الأسبوع الماضي.",
    "وقال وزير الدفاع الأمريكي لويد أوستن للصحفيين. واجتمع شويغو بأوستن مرة ثانية.",  # a person named like a city
    "تسير موسكو وبيونغ يانغ نحو مزيد من التعاون.",                     # وبيونغ is و + Pyongyang, not ب + a town
]


@pytest.mark.parametrize("body,place,precision", PLACES_AR)
def test_places_ar(extractor, body, place, precision):
    found = located(extractor, body)
    assert (place, precision) in [(p, lvl) for _, p, lvl in found], found


@pytest.mark.parametrize("body", NO_PLACE_AR)
def test_no_place_ar(extractor, body):
    found = located(extractor, body)
    assert found and all(p is None for _, p, _ in found), found


# ------------------------------------------------------------------------------ English
PLACES_EN = [
    ("Vladimir Putin met Kim Jong Un at the Kremlin on Tuesday.", "Moscow Kremlin", "venue"),
    ("Sergey Lavrov held talks with Choe Son Hui in Pyongyang.", "Pyongyang", "city"),
    ("Putin met Xi Jinping on the sidelines of the summit in Kazan.", "Kazan", "city"),
    ("Kim Jong Un met Vladimir Putin in Vladivostok.", "Vladivostok", "city"),
    ("Kim Jong Un met Putin at the Vostochny Cosmodrome.", "Vostochny Cosmodrome", "venue"),
    ("Lavrov visited Pyongyang in October.", "Pyongyang", "city"),
    ("Kim Jong Un arrived in Russia by armoured train.", "Russia", "country"),
    ("Putin and Kim Jong Un met on Russian soil for the second time.", "Russia", "country"),
    ("Sergei Shoigu met Kim Jong Un in the city of Vladivostok.", "Vladivostok", "city"),
]

NO_PLACE_EN = [
    "Moscow accused Washington of escalating tensions.",
    "Lloyd Austin met Lavrov at Austin's invitation.",      # Austin, Texas is in the gazetteer
    "Putin met Kim Jong Un in March.",
    "Lavrov announced that the situation in Ukraine was worsening.",
]


@pytest.mark.parametrize("body,place,precision", PLACES_EN)
def test_places_en(extractor, body, place, precision):
    found = located(extractor, body)
    assert (place, precision) in [(p, lvl) for _, p, lvl in found], found


@pytest.mark.parametrize("body", NO_PLACE_EN)
def test_no_place_en(extractor, body):
    found = located(extractor, body)
    assert found and all(p is None for _, p, _ in found), found


@pytest.mark.parametrize("body", [
    "The Kremlin hosted Choe Son Hui at the Kremlin on Monday.",
    "واستقبل الكرملين وزيرة الخارجية الكورية الشمالية تشوي سون هوي في الكرملين.",
])
def test_a_seat_of_power_is_both_actor_and_place(extractor, body):
    """The Kremlin acting stays a participant (as Russia), and is where the event happened."""
    article = Article(path="t.txt", file_name="t.txt", text=f"عنوان الخبر\n{body}", sha256="0" * 64)
    events = [e for e in extractor.extract(article).events if e.segment_order > 0]
    assert any("Russia" in e.names() and e.place and e.place.name == "Moscow Kremlin" for e in events), \
        [(e.names(), e.place) for e in events]


@pytest.mark.parametrize("words,country", [(("اوستن",), "US"), (("austin",), "US"), (("بيان",), None),
                                           (("قازان",), "RU"), (("moscow",), "RU")])
def test_the_gazetteer_knows_the_namesakes(extractor, words, country):
    """The negatives above are real traps: the city gazetteer has those names."""
    cities = extractor.places.geo.city_index.get(words, [])
    assert cities
    if country:
        assert cities[0].iso == country  # the most populous first: Moscow, Russia before Moscow, Idaho


def test_country_context_picks_the_namesake(extractor):
    geo = extractor.places.geo
    cities = geo.city_index[("moscow",)]
    assert {c.iso for c in cities} >= {"RU", "US"}
    assert geo.pick(cities, {"United States"}).iso == "US"
    assert geo.pick(cities, set()).iso == "RU"


def test_every_gazetteer_entry_names_a_registry_entity(extractor):
    data = load_yaml(DATA_DIR / "places" / "gazetteer.yaml", GAZETTEER_SCHEMA)
    registry = extractor.registry.entities
    named = {item["entity"] for item in data["registry"]}
    assert named <= set(registry)
    assert {v["country"] for v in data["venues"]} <= set(registry)
    assert set(data["countries"]) <= set(extractor.places.geo.iso) <= set(registry)
    assert named <= set(extractor.places.geo.registry_places)  # and each got its point


def test_coordinates_are_checked_by_the_knowledge_loader():
    bad = {"countries": {}, "registry": [{"entity": "Moscow Kremlin", "level": "venue", "lat": 155.7, "lon": 37.6}],
           "venues": []}
    with pytest.raises(KnowledgeError, match="from -90 to 90"):
        check(bad, GAZETTEER_SCHEMA, "gazetteer.yaml")
    bad["registry"][0].update(lat=55.7, level="street")
    with pytest.raises(KnowledgeError, match="not one of"):
        check(bad, GAZETTEER_SCHEMA, "gazetteer.yaml")


# ------------------------------------------------------------------------------ stored
def test_a_gazetteer_city_becomes_a_place_entity(conn, settings, extractor, tmp_path):
    (tmp_path / "kazan.txt").write_text("قمة في قازان\nواجتمع وزيرا الخارجية الروسي والصيني في قازان.\n",
                                        encoding="utf-8")
    load_paths(conn, [tmp_path], settings, extractor=extractor)
    row = conn.execute(select(Entity.name, Entity.kind, Entity.geo_level, Entity.latitude, Entity.longitude)
                       .where(Entity.geonames_id == 551487)).one()
    assert (row.name, row.kind, row.geo_level) == ("Kazan", "place", "city")
    assert 55 < row.latitude < 56 and 49 < row.longitude < 50
    place = conn.execute(text("SELECT place_name, place_country, place_precision FROM v_events "
                              "WHERE file_name = 'kazan.txt' AND type = 'meeting'")).one()
    assert tuple(place) == ("Kazan", "Russia", "city")


def test_seed_summit_has_its_place(seeded):
    rows = seeded.execute(text(
        "SELECT place_name, place_precision, place_latitude, place_longitude FROM v_events "
        "WHERE type = 'meeting' AND participant_names = 'Kim Jong Un; Vladimir Putin' "
        "AND date_start BETWEEN '2023-09-01' AND '2023-09-30' AND place_name IS NOT NULL")).all()
    assert rows
    for name, precision, lat, lon in rows:
        assert name in ("Vostochny Cosmodrome", "Amur Oblast")
        assert 50 < lat < 54 and 126 < lon < 130


def test_seed_lavrov_visit_city_or_country(seeded):
    rows = seeded.execute(text(
        "SELECT evidence, place_name, place_precision FROM v_events "
        "WHERE type = 'visit' AND participant_names LIKE '%Sergey Lavrov%'")).all()
    city = [r for r in rows if "بيونغ يانغ" in r.evidence]
    country = [r for r in rows if "بيونغ يانغ" not in r.evidence and "كوريا الشمالية" in r.evidence]
    assert city and country
    assert all((r.place_name, r.place_precision) == ("Pyongyang", "city") for r in city)
    assert all((r.place_name, r.place_precision) == ("North Korea", "country") for r in country)


def test_seed_geojson_is_valid(seeded):
    out = StringIO()
    n = write_geojson(seeded, out)
    doc = json.loads(out.getvalue())
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == n > 0
    with_place = seeded.execute(text("SELECT count(*) FROM v_events WHERE place_latitude IS NOT NULL")).scalar()
    assert n == with_place
    for f in doc["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["place_name"] and f["properties"]["place_precision"] in (
            "venue", "city", "region", "country")
    assert geojson(seeded) == doc


def test_migration_0006_downgrades_and_upgrades(conn):
    from loaders import migrate

    columns = text("SELECT attname, col_description(attrelid, attnum) FROM pg_attribute "
                   "WHERE attrelid = 'v_events'::regclass AND attnum > 0")
    migrate.downgrade(conn, "0005")
    before = dict(conn.execute(columns).all())
    assert "place_name" not in before and "shown_date_label" in before  # 0005's columns are kept
    assert conn.execute(text("SELECT count(*) FROM information_schema.columns "
                             "WHERE table_name = 'entities' AND column_name = 'geonames_id'")).scalar() == 0
    migrate.upgrade(conn)
    after = dict(conn.execute(columns).all())
    assert set(before) < set(after)
    new = {"place_name", "place_country", "place_latitude", "place_longitude", "place_precision"}
    assert new <= set(after) and all(after[c] for c in new)
