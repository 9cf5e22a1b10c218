"""Cross-article fusion: one canonical event per real happening, whatever the order articles load in.

The rules are tested on hand-made tellings (a table of cases: dates as constraints, people and
their states, windows, conflicts, denials and plans); the whole path on the seeds (the
September 2023 summit, Lavrov's October 2023 visit, and look-alikes that stay apart), on the
seeds loaded in two orders, and on generated articles: one happening told 50 ways, and 50
happenings between the same two actors.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import random
import time

import pytest
from sqlalchemy import create_engine, text

from loaders import fuse
from loaders.export import write_jsonl
from loaders.fuse_rules import Telling, fuse_all, keys_for, summary
from loaders.pipeline import load_paths

from .conftest import SEEDS, TEST_DB, _drop_database, _fresh_database

D = dt.date
RU, KP, PUTIN, LAVROV, KIM = 10, 20, 11, 12, 21  # two states and their people (entity ids)
PUTIN_KIM = ((PUTIN, "source", RU), (KIM, "target", KP))


def telling(n: int, own=None, published=None, parts=PUTIN_KIM, type_="meeting", modality="asserted",
            sentence="x") -> Telling:
    t = Telling(n, f"k{n:03d}", n, type_, modality, own, own and f"{own[0]}/{own[1]}", published, None, sentence,
                None, list(parts), sentences=[sentence])
    keys_for(t)
    return t


def day(y, m, d):
    return (D(y, m, d), D(y, m, d))


SEP = (D(2023, 9, 1), D(2023, 9, 30))
NOV = (D(2023, 11, 1), D(2023, 11, 30))
RANGE = (D(2023, 9, 11), D(2023, 9, 17))

# (case, tellings, number of happenings, date of the most told one: start, end, precision, origin, conflict)
RULES = [
    ("a day inside its month", [telling(1, day(2023, 9, 13)), telling(2, SEP)], 1,
     (D(2023, 9, 13), None, "day", "text", False)),
    ("overlapping ranges meet", [telling(1, RANGE), telling(2, (D(2023, 9, 13), D(2023, 9, 20)))], 1,
     (D(2023, 9, 13), D(2023, 9, 17), "day", "fused", False)),
    ("a range and an Arabic weekday pin the day", [telling(1, RANGE), telling(2, sentence="والأربعاء، عقد الزعيمان قمة")],
     1, (D(2023, 9, 13), None, "day", "fused", False)),
    ("a range and an English weekday pin the day", [telling(1, RANGE), telling(2, sentence="They met on Wednesday.")],
     1, (D(2023, 9, 13), None, "day", "fused", False)),
    ("a month, a range and a weekday", [telling(1, SEP), telling(2, RANGE), telling(3, sentence="يوم الأربعاء")], 1,
     (D(2023, 9, 13), None, "day", "fused", False)),
    ("a weekday does not cut a visit short", [telling(1, RANGE, type_="visit"),
                                              telling(2, sentence="الجمعة", type_="visit")], 1,
     (D(2023, 9, 11), D(2023, 9, 17), "day", "text", False)),
    ("months apart stay apart", [telling(1, SEP), telling(2, NOV)], 2, (D(2023, 9, 1), None, "month", "text", False)),
    ("two people of one state are two meetings",
     [telling(1, day(2023, 9, 13)), telling(2, day(2023, 9, 13), parts=((LAVROV, "source", RU), (KIM, "target", KP)))],
     2, (D(2023, 9, 13), None, "day", "text", False)),
    ("a person fits the state they represent",
     [telling(1, day(2023, 9, 13)), telling(2, SEP, parts=((RU, "other", RU), (KP, "other", KP)))], 1,
     (D(2023, 9, 13), None, "day", "text", False)),
    ("days a day apart are one happening, flagged",
     [telling(1, day(2023, 9, 13)), telling(2, day(2023, 9, 13)), telling(3, day(2023, 9, 12))], 1,
     (D(2023, 9, 13), None, "day", "text", True)),
    ("days a week apart are two", [telling(1, day(2023, 9, 13)), telling(2, day(2023, 9, 6))], 2,
     (D(2023, 9, 13), None, "day", "text", False)),
    ("undated, published soon after: the same", [telling(1, day(2023, 9, 13)), telling(2, published=D(2023, 9, 20))],
     1, (D(2023, 9, 13), None, "day", "text", False)),
    ("undated, published months later: another", [telling(1, day(2023, 9, 13)), telling(2, published=D(2023, 12, 20))],
     2, (D(2023, 9, 13), None, "day", "text", False)),
    ("a plan is not the meeting", [telling(1, day(2023, 9, 13)), telling(2, day(2023, 9, 13), modality="planned")], 2,
     (D(2023, 9, 13), None, "day", "text", False)),
    ("a denial is not the meeting", [telling(1, day(2023, 9, 13)), telling(2, SEP, modality="negated")], 2,
     (D(2023, 9, 13), None, "day", "text", False)),
    ("visits are directed", [telling(1, day(2023, 9, 13), type_="visit"),
                             telling(2, day(2023, 9, 13), type_="visit",
                                     parts=((KIM, "source", KP), (RU, "target", RU)))], 2,
     (D(2023, 9, 13), None, "day", "text", False)),
    ("undated in undated articles join the dated one naming them",
     [telling(1, RANGE), telling(2), telling(3, parts=((KIM, "source", KP), (PUTIN, "other", RU)))], 1,
     (D(2023, 9, 11), D(2023, 9, 17), "day", "text", False)),
    ("undated naming someone else stay apart", [telling(1, RANGE), telling(2, parts=((LAVROV, "source", RU),
                                                                                     (KIM, "target", KP)))], 2,
     (D(2023, 9, 11), D(2023, 9, 17), "day", "text", False)),
]


@pytest.mark.parametrize("case, tellings, happenings, date", RULES, ids=[r[0] for r in RULES])
def test_rules(case, tellings, happenings, date):
    clusters = fuse_all(tellings)
    assert len(clusters) == happenings
    assert sorted(t.key for c in clusters for t in c.members) == sorted(t.key for t in tellings)
    best = min(clusters, key=lambda c: (-len(c.members), c.key))
    row = summary(best.members)["row"]
    assert (row["date_start"], row["date_end"], row["date_precision"], row["date_origin"], row["date_conflict"]) == date


def test_rules_ignore_order():
    tellings = [t for _, ts, _, _ in RULES for t in ts]
    for k, t in enumerate(tellings):
        t.key, t.id, t.article_id = f"k{k:03d}", k, k
    want = sorted(sorted(t.key for t in c.members) for c in fuse_all(tellings))
    for seed in range(5):
        shuffled = tellings[:]
        random.Random(seed).shuffle(shuffled)
        assert sorted(sorted(t.key for t in c.members) for c in fuse_all(shuffled)) == want


# -- the seeds --------------------------------------------------------------------------------------------------

def _canonical(conn, where: str, **params):
    return conn.execute(text(f"SELECT * FROM v_canonical_events WHERE {where}"), params).all()


def test_seed_summit_is_one_event_of_four_articles(seeded):
    [summit] = _canonical(seeded, "type = 'meeting' AND modality = 'asserted' "
                                  "AND participant_names = 'Kim Jong Un; Vladimir Putin' AND date_start IS NOT NULL")
    assert (summit.articles, summit.date_start, summit.date_end, summit.date_precision, summit.date_origin) == \
        (4, D(2023, 9, 13), None, "day", "fused")  # 11-17 September, "in September 2023", and "the Wednesday"
    assert not summit.date_conflict and summit.tellings >= 4
    told = seeded.execute(text("SELECT date_origin, shown_date_label, count(DISTINCT article_id) FROM v_events "
                               "WHERE canonical_id = :c GROUP BY 1, 2 ORDER BY 1"), {"c": summit.canonical_id}).all()
    assert ("fused", "2023-09-13") in [(o, d) for o, d, _ in told]  # undated tellings show the fused date
    assert sum(n for *_, n in told) >= 4


def test_seed_lavrov_visit_is_one_event_of_two_articles(seeded):
    [visit] = _canonical(seeded, "type = 'visit' AND participant_names = 'North Korea; Sergey Lavrov'")
    assert (visit.articles, visit.date_start, visit.date_precision, visit.modality) == (2, D(2023, 10, 18), "day",
                                                                                       "asserted")


def test_seed_look_alikes_stay_apart(seeded):
    kim_visits = _canonical(seeded, "type = 'visit' AND participant_names = 'Kim Jong Un; Russia' "
                                    "AND modality = 'asserted' ORDER BY date_start")
    assert [(v.date_start, v.date_precision) for v in kim_visits] == [(D(2019, 4, 1), "month"), (D(2023, 9, 11), "day")]
    [kozlov] = _canonical(seeded, "type = 'visit' AND participant_names = 'Alexander Kozlov; North Korea'")
    assert kozlov.articles == 1 and kozlov.date_start == D(2023, 11, 17)  # a Russian minister, not Lavrov
    # "نفى الكرملين توقيع أي اتفاقيات خلال زيارة كيم": the signing is denied, not the visit it was during
    [denial] = _canonical(seeded, "modality = 'negated'")
    [denied] = _canonical(seeded, "canonical_id = :c", c=denial.denies_id)
    assert (denial.type, denial.participant_names) == ("agreement", "North Korea; Russia")  # linked to what it
    assert (denied.type, denied.participant_names, denied.modality) == ("agreement", "North Korea; Russia", "asserted")
    assert denied.canonical_id != denial.canonical_id and kim_visits[1].modality == "asserted"  # denies, not made true
    shoigu = _canonical(seeded, "type = 'meeting' AND participant_names LIKE '%Sergei Shoigu%'")
    assert shoigu and all("Vladimir Putin" not in (s.participant_names or "") for s in shoigu)


def test_every_export_event_carries_its_canonical_id(seeded):
    import io

    buf = io.StringIO()
    write_jsonl(seeded, buf)
    events = [e for line in buf.getvalue().splitlines() for e in json.loads(line)["events"]]
    assert all("canonical_id" in e for e in events)
    assert all(e["canonical_id"] is not None for e in events if e["section"] == "main")
    [summit] = _canonical(seeded, "type = 'meeting' AND articles = 4")
    files = {json.loads(line)["file"] for line in buf.getvalue().splitlines()
             if any(e["canonical_id"] == summit.canonical_id for e in json.loads(line)["events"])}
    assert len(files) == 4


# -- load order -------------------------------------------------------------------------------------------------

def signature(conn) -> list[tuple]:
    """Canonical events as content: their fields and tellings by (file, sentence offset, type), no row ids."""
    members = {}
    for cid, key in conn.execute(text(
            "SELECT e.canonical_id, a.file_name || ':' || e.evidence_start || ':' || e.type FROM events e "
            "JOIN articles a ON a.id = e.article_id WHERE e.canonical_id IS NOT NULL")):
        members.setdefault(cid, []).append(key)
    rows = conn.execute(text(
        "SELECT canonical_id, type, modality, date_start, date_end, date_precision, date_origin, date_conflict, "
        "tellings, articles, outlets, first_reported, participant_names, source_names FROM v_canonical_events")).all()
    return sorted(((tuple(r[1:]), tuple(sorted(members[r[0]]))) for r in rows), key=repr)


@pytest.fixture()
def scratch(server_url):
    made = []

    def make(tag: str):
        name = f"{TEST_DB}_fuse_{tag}"
        made.append(name)
        return create_engine(_fresh_database(server_url, name))

    yield make
    for name in made:
        _drop_database(server_url, name)


def test_two_load_orders_give_the_same_canonical_events(scratch, settings, extractor):
    files = sorted(SEEDS.glob("*.txt"))
    sigs = []
    for tag, order in (("fwd", files), ("rev", files[::-1]), ("mix", [files[2], files[0], files[3], files[1]])):
        engine = scratch(tag)
        for path in order:
            assert load_paths(engine, [path], settings, extractor=extractor).new == 1
        with engine.connect() as conn:
            sigs.append(signature(conn))
        engine.dispose()
    assert sigs[0] == sigs[1] == sigs[2]
    engine = scratch("rebuilt")
    load_paths(engine, [SEEDS], settings, extractor=extractor)
    with engine.begin() as conn:
        fuse.rebuild(conn)
    with engine.connect() as conn:
        assert signature(conn) == sigs[0]
        assert fuse.counts(conn)["multi"] >= 2
    engine.dispose()


# -- generated articles -----------------------------------------------------------------------------------------

PUTIN_AR, KIM_AR = "الرئيس الروسي فلاديمير بوتين", "الزعيم الكوري الشمالي كيم جونغ أون"
MONTHS_AR = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
             "ديسمبر"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
# One summit (Wednesday 19 June 2024) told in many ways: by day, month, year, weekday or not dated at all.
SUMMIT = [
    ("ar", "التقى {p} {k} في بيونغ يانغ يوم 19 يونيو 2024."),
    ("ar", "وكان {p} قد التقى {k} في بيونغ يانغ في يونيو 2024."),
    ("ar", "أجرى {p} مباحثات مع {k} في بيونغ يانغ."),
    ("ar", "عقد {p} و{k} قمة في بيونغ يانغ الأربعاء."),
    ("ar", "واجتمع {p} مع {k} في العاصمة الكورية الشمالية عام 2024."),
    ("en", "Russian President Vladimir Putin met North Korean leader Kim Jong Un in Pyongyang on June 19, 2024."),
    ("en", "Vladimir Putin held talks with Kim Jong Un in Pyongyang in June 2024."),
    ("en", "Russian President Vladimir Putin held talks with North Korean leader Kim Jong Un on Wednesday."),
]
MEETING_ON = [
    ("ar", "التقى {p} {k} في موسكو يوم {d} {m} {y}."),
    ("ar", "أجرى {p} مباحثات مع {k} يوم {d} {m} {y}."),
    ("en", "Russian President Vladimir Putin met North Korean leader Kim Jong Un in Moscow on {me} {d}, {y}."),
]


def _write(folder, stories: list[tuple[str, str, str | None]]) -> None:
    """Articles (file name, sentence, publication date or None) with a manifest of dates and outlets."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "outlet", "published"])
        for k, (name, sentence, published) in enumerate(stories):
            head = "Foreign news" if sentence.isascii() else "أخبار دولية"
            (folder / name).write_text(f"{head} {k}\n{sentence}\nRef {k:04d}\n", encoding="utf-8")
            w.writerow([name, f"Wire {k % 7}", published or ""])


def test_one_happening_told_fifty_ways_is_one_canonical_event(conn, settings, extractor, tmp_path):
    stories = []
    for k in range(50):
        lang, template = SUMMIT[k % len(SUMMIT)]
        dated = template.find("الأربعاء") < 0 and "Wednesday" not in template
        published = D(2024, 6, 19) + dt.timedelta(days=k % 6) if dated or k % 2 else None
        if "Wednesday" in template or "الأربعاء" in template:
            published = D(2024, 6, 21) if k % 2 else None  # resolved against the article, or a weekday constraint
        stories.append((f"summit_{k:02d}.txt", template.format(p=PUTIN_AR, k=KIM_AR),
                        published.isoformat() if published else None))
    _write(tmp_path, stories)
    assert load_paths(conn, [tmp_path], settings, extractor=extractor).new == 50
    rows = _canonical(conn, "type = 'meeting' AND modality = 'asserted'")
    assert len(rows) == 1, [(r.date_start, r.articles, r.participant_names) for r in rows]
    [summit] = rows
    assert (summit.articles, summit.outlets, summit.date_start, summit.date_precision) == (50, 7, D(2024, 6, 19), "day")
    assert summit.participant_names == "Kim Jong Un; Vladimir Putin"


NEWS_OF_THE_DAY = [
    ("Iran and Saudi Arabia agreed to restore diplomatic ties.", "2023-03-11", "agreement", "2023-03-11"),
    ("وقعت مصر وتركيا اتفاقية لتبادل الغاز الطبيعي.", "2024-05-03", "agreement", "2024-05-03"),
    ("وقعت مصر وتركيا اتفاقية لتبادل الغاز الطبيعي.", None, "agreement", None),
]


@pytest.mark.parametrize("sentence,published,etype,exported", NEWS_OF_THE_DAY)
def test_the_lead_news_is_exported_on_the_article_date_and_stored_undated(conn, settings, extractor, tmp_path,
                                                                          sentence, published, etype, exported):
    import io

    _write(tmp_path, [("news.txt", sentence, published)])
    assert load_paths(conn, [tmp_path], settings, extractor=extractor).new == 1
    buf = io.StringIO()
    write_jsonl(conn, buf)
    [row] = [json.loads(line) for line in buf.getvalue().splitlines() if json.loads(line)["file"] == "news.txt"]
    assert [e["date_start"] for e in row["events"] if e["type"] == etype] == [exported]
    stored = conn.execute(text("SELECT e.date_start, e.dated_by_article, v.date_origin FROM events e "
                               "JOIN v_events v ON v.event_id = e.id JOIN articles a ON a.id = e.article_id "
                               "WHERE a.file_name = 'news.txt' AND e.type = :t"), {"t": etype}).one()
    assert stored == (None, exported is not None, "article" if exported else None)


def test_fifty_happenings_between_two_actors_stay_fifty(conn, settings, extractor, tmp_path):
    stories = []
    for k in range(50):
        when = D(2024, 1, 3) + dt.timedelta(days=7 * k)
        lang, template = MEETING_ON[k % len(MEETING_ON)]
        sentence = template.format(p=PUTIN_AR, k=KIM_AR, d=when.day, m=MONTHS_AR[when.month - 1],
                                   me=MONTHS_EN[when.month - 1], y=when.year)
        stories.append((f"meeting_{k:02d}.txt", sentence, (when + dt.timedelta(days=1 + k % 3)).isoformat()))
    _write(tmp_path, stories)
    assert load_paths(conn, [tmp_path], settings, extractor=extractor).new == 50
    rows = _canonical(conn, "type = 'meeting' AND modality = 'asserted' ORDER BY date_start")
    assert [r.date_start for r in rows] == [D(2024, 1, 3) + dt.timedelta(days=7 * k) for k in range(50)]
    assert all(r.articles == 1 and r.date_precision == "day" for r in rows)


def test_replacing_an_article_refuses_its_happenings(conn, settings, extractor, tmp_path):
    stories = [(f"m{k}.txt", MEETING_ON[0][1].format(p=PUTIN_AR, k=KIM_AR, d=13, m="سبتمبر", me="", y=2023),
                "2023-09-14") for k in range(3)]
    _write(tmp_path, stories)
    load_paths(conn, [tmp_path], settings, extractor=extractor)
    [before] = _canonical(conn, "type = 'meeting'")
    assert before.articles == 3
    (tmp_path / "m0.txt").write_text("أخبار دولية\n" + MEETING_ON[0][1].format(
        p=PUTIN_AR, k=KIM_AR, d=20, m="نوفمبر", me="", y=2023) + "\n", encoding="utf-8")
    assert load_paths(conn, [tmp_path], settings, extractor=extractor).new == 1
    rows = _canonical(conn, "type = 'meeting' ORDER BY date_start")
    assert [(r.date_start, r.articles) for r in rows] == [(D(2023, 9, 13), 2), (D(2023, 11, 20), 1)]
    assert before.canonical_id in {r.canonical_id for r in rows}  # the happening kept its id


def test_timeline_shows_each_seed_happening_once(seeded):
    from loaders.timeline import collect

    fused, raw = collect(seeded, "Kim Jong Un"), collect(seeded, "Kim Jong Un", tellings=True)
    summits = [p for p in fused.points if p.type == "meeting" and p.other == "Vladimir Putin"]
    visits = [p for p in fused.points if p.type == "visit" and p.start.year == 2023]
    assert [(p.start, p.articles) for p in summits] == [(D(2023, 9, 13), 4)]
    assert [(p.start, p.end, p.articles) for p in visits] == [(D(2023, 9, 11), D(2023, 9, 17), 2)]
    assert "(4 articles)" in summits[0].label
    assert len([p for p in raw.points if p.type == "meeting" and p.other == "Vladimir Putin"]) >= 2
    assert fused.undated < raw.undated


def test_concurrent_loaders_fuse_as_one(scratch, settings, extractor, tmp_path):
    import threading

    stories = []
    for k in range(40):  # one summit and weekly meetings, told in two folders loaded at once
        lang, template = SUMMIT[k % len(SUMMIT)] if k % 2 else MEETING_ON[k % len(MEETING_ON)]
        when = D(2024, 6, 19) if k % 2 else D(2024, 1, 3) + dt.timedelta(days=7 * (k % 10))
        sentence = template.format(p=PUTIN_AR, k=KIM_AR, d=when.day, m=MONTHS_AR[when.month - 1],
                                   me=MONTHS_EN[when.month - 1], y=when.year)
        stories.append((f"s_{k:02d}.txt", sentence, (when + dt.timedelta(days=k % 4)).isoformat()))
    _write(tmp_path / "a", stories[::2])
    _write(tmp_path / "b", stories[1::2])
    _write(tmp_path / "c", stories[5:15])  # more articles telling the same happenings, loaded at the same time
    engine = scratch("concurrent")
    load_paths(engine, [SEEDS / "000_34fa6c34604c9c03.txt"], settings, extractor=extractor)  # schema, registry
    errors = []

    def run(folder):
        try:
            load_paths(engine, [tmp_path / folder], settings, extractor=extractor)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(f,)) for f in ("a", "b", "c")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with engine.connect() as conn:
        loaded = signature(conn)
    with engine.begin() as conn:
        fuse.rebuild(conn)
    with engine.connect() as conn:
        assert signature(conn) == loaded
    engine.dispose()


def test_migration_downgrades_and_upgrades_and_fuse_catches_up(scratch, settings, extractor):
    from loaders import migrate

    engine = scratch("updown")
    load_paths(engine, [SEEDS], settings, extractor=extractor)
    with engine.connect() as conn:
        before = signature(conn)
    migrate.downgrade(engine, "0004")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT to_regclass('canonical_events')")).scalar() is None
        columns = conn.execute(text("SELECT count(*) FROM pg_attribute WHERE attrelid = 'v_events'::regclass "
                                    "AND attname = 'canonical_id'")).scalar()
        assert columns == 0
    migrate.upgrade(engine)
    with engine.connect() as conn:
        todo = fuse.pending(conn)
    assert len(todo) == 4  # every article's tellings lost their links with the table
    for sha in todo:
        with engine.begin() as conn:
            fuse.fuse_article(conn, sha)
    with engine.connect() as conn:
        assert signature(conn) == before
    engine.dispose()


def test_a_happening_told_only_by_a_replaced_version_is_no_anchor(conn, settings, extractor, tmp_path):
    """m0 told the 13 September meeting alone; its new version, undated, tells an undated one. The
    13 September happening goes with the old version: the undated telling joins the 6 September one (the
    best-reported left), as a rebuild has it."""
    dated = MEETING_ON[0][1]
    stories = [("m0.txt", dated.format(p=PUTIN_AR, k=KIM_AR, d=13, m="سبتمبر", me="", y=2023), "2023-09-14"),
               ("m1.txt", dated.format(p=PUTIN_AR, k=KIM_AR, d=6, m="سبتمبر", me="", y=2023), "2023-09-07")]
    _write(tmp_path, stories)
    load_paths(conn, [tmp_path], settings, extractor=extractor)
    assert [r.date_start for r in _canonical(conn, "type = 'meeting' ORDER BY date_start")] == [D(2023, 9, 6),
                                                                                               D(2023, 9, 13)]
    stories[0] = ("m0.txt", SUMMIT[2][1].format(p=PUTIN_AR, k=KIM_AR), None)
    _write(tmp_path, stories)
    assert load_paths(conn, [tmp_path], settings, extractor=extractor).new == 1
    loaded = signature(conn)
    fuse.rebuild(conn)
    assert loaded == signature(conn)
    assert [(r.date_start, r.articles) for r in _canonical(conn, "type = 'meeting'")] == [(D(2023, 9, 6), 2)]


def test_a_load_analyzes_the_tables_fusion_reads_as_it_doubles(scratch, settings, extractor, tmp_path):
    """The plans cached for fusion's prepared statements are made again once the tables have grown:
    a load analyzes them at its 64th article (then at each doubling), not only when autovacuum does."""
    stories = [(f"m{k:02d}.txt", MEETING_ON[0][1].format(p=PUTIN_AR, k=KIM_AR, d=1 + k % 28, m=MONTHS_AR[k % 12],
                                                         me="", y=2020 + k // 12), None) for k in range(64)]
    _write(tmp_path, stories)
    engine = scratch("analyze")
    assert load_paths(engine, [tmp_path], settings, extractor=extractor).new == 64
    engine.dispose()  # a backend's statistics counters reach the others when it ends
    for _ in range(50):
        with engine.connect() as conn:
            counts = dict(conn.execute(text(
                "SELECT relname, analyze_count FROM pg_stat_user_tables "
                "WHERE relname IN ('events', 'canonical_events')")).all())
        engine.dispose()
        if counts.get("events") and counts.get("canonical_events"):
            break
        time.sleep(0.1)
    assert counts == {"events": 1, "canonical_events": 1}
